"""Telephony providers: ``SUZ_TELEPHONY_BACKEND`` names the class (like Django's ``EMAIL_BACKEND``),
``SUZ_TELEPHONY_BACKEND_OPTIONS`` its keyword arguments. See ``base.py`` for the interface."""

from django.utils.module_loading import import_string

from suz_oscar.core.conf import suz_settings

from .base import BadWebhook, BaseBackend, ProviderEvent, ProviderUnavailable, TelephonyError

__all__ = ["BadWebhook", "BaseBackend", "ProviderEvent", "ProviderUnavailable", "TelephonyError", "get_backend",
           "backend_for"]


def get_backend(**kwargs) -> BaseBackend:
    """The configured provider."""
    options = {**suz_settings.SUZ_TELEPHONY_BACKEND_OPTIONS, **kwargs}
    return import_string(suz_settings.SUZ_TELEPHONY_BACKEND)(**options)


def backend_for(key: str) -> BaseBackend | None:
    """The configured provider if its key is ``key`` (a webhook or a stored call names it), else ``None``."""
    backend = get_backend()
    return backend if backend.key == key else None
