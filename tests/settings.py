"""Test settings: the sandbox's, with a throw-away search index and fast hashing."""

import tempfile

from sandbox.settings import *  # noqa: F403

HAYSTACK_CONNECTIONS["default"]["PATH"] = tempfile.mkdtemp(prefix="suz-test-index-")  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
