from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StorefrontConfig(AppConfig):
    """The shop as django-suz shows it: Oscar's templates with the city picker, the city's offers and
    an honest checkout (no payment step, delivery agreed with the dealer, a dealer will call).

    ``get_installed_apps`` lists it before Oscar's apps, so its templates win over Oscar's; a site's own
    templates (``TEMPLATES["DIRS"]``) still win over these.
    """

    name = "suz_oscar.storefront"
    label = "suz_storefront"
    verbose_name = _("Storefront")
