import django_tables2 as tables
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from oscar.apps.dashboard.tables import DashboardTable


class DealerTable(DashboardTable):
    logo = tables.TemplateColumn(
        template_name="suz/dashboard/dealers/cells/logo.html", verbose_name=_("Logo"),
        orderable=False, exclude_from_export=True,
    )
    name = tables.Column(
        accessor="partner__name", verbose_name=_("Name"), order_by="partner__name",
        linkify=("suz_dashboard:suz-dealer-update", {"pk": tables.A("pk")}),
    )
    regions = tables.Column(verbose_name=_("Regions"), empty_values=(), orderable=False)
    managers_last_login = tables.DateTimeColumn(
        verbose_name=_("Managers' last login"), format="SHORT_DATETIME_FORMAT",
    )
    accepts_site_orders = tables.BooleanColumn(verbose_name=_("Accepts orders"))
    call_from_site = tables.BooleanColumn(verbose_name=_("Call from site"))
    is_active = tables.BooleanColumn(verbose_name=_("Active"))
    rating = tables.Column(
        verbose_name=_("Rating"), linkify=("suz_scoring_dashboard:suz-scorecard", {"pk": tables.A("pk")}),
    )
    orders_count = tables.Column(verbose_name=_("Orders"))
    registered_at = tables.DateColumn(verbose_name=_("Registration date"), format="SHORT_DATE_FORMAT")

    icon = "fas fa-store"
    caption = ngettext_lazy("%d dealer", "%d dealers")

    class Meta(DashboardTable.Meta):
        sequence = (
            "logo", "name", "regions", "managers_last_login", "accepts_site_orders",
            "call_from_site", "is_active", "rating", "orders_count", "registered_at",
        )
        order_by = ("name",)

    def render_rating(self, value):
        return formats.number_format(value, decimal_pos=None if value % 1 else 0)

    def value_rating(self, value):
        # A number in the export (the page shows it formatted): a negative rating stays a number.
        return value if value % 1 else int(value)

    def render_regions(self, record):
        return ", ".join(region.display_name for region in record.regions.all()) or "—"

    def value_regions(self, record):
        return ", ".join(region.display_name for region in record.regions.all())

    def value_accepts_site_orders(self, value):
        return _("Yes") if value else _("No")

    value_call_from_site = value_accepts_site_orders
    value_is_active = value_accepts_site_orders
