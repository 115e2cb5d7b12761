from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _


@checks.register()
def check_shop_config(app_configs, **kwargs):
    """Wagtail cannot serve ``/`` while Oscar's own root app redirects it to the catalogue."""
    errors = []
    if "oscar.config.Shop" in settings.INSTALLED_APPS:
        errors.append(
            checks.Warning(
                _("Oscar's root app redirects '/' to the catalogue."),
                hint=_("Use 'suz_oscar.config.Shop' in INSTALLED_APPS instead of 'oscar.config.Shop'."),
                id="suz.W001",
            )
        )
    if "phonenumber_field" not in settings.INSTALLED_APPS:
        errors.append(
            checks.Error(
                _("'phonenumber_field' must be in INSTALLED_APPS."),
                hint=_("Add suz_oscar.INSTALLED_APPS to your INSTALLED_APPS."),
                id="suz.E001",
            )
        )
    return errors
