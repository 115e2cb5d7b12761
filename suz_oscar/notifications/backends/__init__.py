"""Channel backends in the shape of Django's email backends: ``Backend(**options).send_messages(messages)``.

``SUZ_NOTIFICATION_BACKENDS`` maps each channel to a dotted path; ``SUZ_NOTIFICATION_BACKEND_OPTIONS`` to
keyword arguments for it. A backend returns how many messages went out and raises ``DeliveryError`` (or
anything else) when a message did not: the row stays pending and is tried again later.
"""

from django.utils.module_loading import import_string

from suz_oscar.core.conf import suz_settings

from .base import BaseBackend, DeliveryError, Message

__all__ = ["BaseBackend", "DeliveryError", "Message", "get_backend"]


def get_backend(channel: str, **kwargs) -> BaseBackend:
    path = suz_settings.SUZ_NOTIFICATION_BACKENDS[channel]
    options = {**suz_settings.SUZ_NOTIFICATION_BACKEND_OPTIONS.get(channel, {}), **kwargs}
    return import_string(path)(**options)
