"""Oscar's own views, as Oscar mounts them (with its permission decorators).

Our URLs answer a few of Oscar's paths first and then hand over to Oscar's view.
"""

from functools import cache

from django.apps import apps


@cache
def oscar_view(app_label, url_name):
    for pattern in apps.get_app_config(app_label).urls[0]:
        if getattr(pattern, "name", None) == url_name:
            return pattern.callback
    raise LookupError(f"Oscar's {app_label} app has no URL named {url_name!r}")
