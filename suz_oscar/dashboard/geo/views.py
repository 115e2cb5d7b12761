import django_filters
import django_tables2 as tables
from django import forms
from django.contrib import messages
from django.db.models import Count
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.views import generic
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from oscar.apps.dashboard.tables import DashboardTable
from oscar.core.loading import get_model

from suz_oscar.core.search import icontains_any
from suz_oscar.dashboard.dealers.filters import YesNoFilter
from suz_oscar.dashboard.mixins import FixedPageSizeMixin

Region = get_model("suz_dealers", "Region")
City = get_model("suz_dealers", "City")


class NameFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name"), method="filter_search", widget=forms.TextInput(attrs={"class": "form-control"})
    )
    is_active = YesNoFilter(label=_("Active"))

    def filter_search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(icontains_any(["name", "name_en"], value)) if value else queryset


class RegionFilter(NameFilterSet):
    class Meta:
        model = Region
        fields = ["q", "is_active"]


class CityFilter(NameFilterSet):
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), queryset=Region.objects.all(), empty_label=_("All regions"),
        widget=forms.Select(attrs={"class": "form-control suz-select2"}),
    )

    class Meta:
        model = City
        fields = ["q", "region", "is_active"]


class RegionTable(DashboardTable):
    name = tables.Column(
        verbose_name=_("Name"), linkify=("suz_dashboard_geo:suz-region-update", {"pk": tables.A("pk")})
    )
    name_en = tables.Column(verbose_name=_("Name in English"))
    code = tables.Column(verbose_name=_("ISO 3166-2 code"), default="—")
    cities_count = tables.Column(verbose_name=_("Cities"))
    is_active = tables.BooleanColumn(verbose_name=_("Active"))
    icon = "fas fa-map"
    caption = ngettext_lazy("%d region", "%d regions")

    class Meta(DashboardTable.Meta):
        model = Region
        fields = ["name", "name_en", "code", "cities_count", "is_active"]


class CityTable(DashboardTable):
    name = tables.Column(
        verbose_name=_("Name"), linkify=("suz_dashboard_geo:suz-city-update", {"pk": tables.A("pk")})
    )
    region = tables.Column(verbose_name=_("Region"), order_by="region__name")
    population = tables.Column(verbose_name=_("Population"))
    latitude = tables.Column(verbose_name=_("Latitude"))
    longitude = tables.Column(verbose_name=_("Longitude"))
    is_active = tables.BooleanColumn(verbose_name=_("Active"))
    icon = "fas fa-city"
    caption = ngettext_lazy("%d city", "%d cities")

    class Meta(DashboardTable.Meta):
        model = City
        fields = ["name", "region", "population", "latitude", "longitude", "is_active"]


class TableListView(FixedPageSizeMixin, SingleTableMixin, FilterView):
    template_name = "suz/dashboard/geo/list.html"


class RegionListView(TableListView):
    table_class = RegionTable
    filterset_class = RegionFilter
    extra_context = {"title": _("Regions"), "create_url": reverse_lazy("suz_dashboard_geo:suz-region-create"),
                     "create_label": _("New region"), "tab": "regions"}

    def get_queryset(self):
        return Region.objects.annotate(cities_count=Count("cities"))


class CityListView(TableListView):
    table_class = CityTable
    filterset_class = CityFilter
    extra_context = {"title": _("Cities"), "create_url": reverse_lazy("suz_dashboard_geo:suz-city-create"),
                     "create_label": _("New city"), "tab": "cities"}

    def get_queryset(self):
        return City.objects.select_related("region")


class GeoFormMixin:
    template_name = "suz/dashboard/geo/form.html"

    def form_valid(self, form):
        messages.success(self.request, _("Saved: %(name)s") % {"name": form.instance.name})
        return super().form_valid(form)


class RegionFormMixin(GeoFormMixin):
    model = Region
    fields = ["name", "name_en", "code", "slug", "is_active"]
    success_url = reverse_lazy("suz_dashboard_geo:suz-region-list")
    extra_context = {"tab": "regions"}


class CityFormMixin(GeoFormMixin):
    model = City
    fields = ["name", "name_en", "region", "slug", "latitude", "longitude", "population", "timezone", "is_active"]
    success_url = reverse_lazy("suz_dashboard_geo:suz-city-list")
    extra_context = {"tab": "cities"}


class RegionCreateView(RegionFormMixin, generic.CreateView):
    pass


class RegionUpdateView(RegionFormMixin, generic.UpdateView):
    pass


class CityCreateView(CityFormMixin, generic.CreateView):
    pass


class CityUpdateView(CityFormMixin, generic.UpdateView):
    pass
