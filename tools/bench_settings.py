"""Settings for `make bench`: the sandbox on PostgreSQL, without debug overhead.

SUZ_BENCH_STRATEGY=oscar swaps our regional strategy for Oscar's default one
(same pages, same data) to measure the ratio.
"""

import os

from sandbox.settings import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False}

if os.environ.get("SUZ_BENCH_STRATEGY") == "oscar":
    OSCAR_DYNAMIC_CLASS_LOADER = "tools.bench_settings.oscar_strategy_loader"


def oscar_strategy_loader(module_label, classnames, module_prefix):
    from oscar.core.loading import default_class_loader

    from suz_oscar.core.loading import class_loader

    if module_label == "partner.strategy":
        return default_class_loader(module_label, classnames, module_prefix)
    return class_loader(module_label, classnames, module_prefix)
