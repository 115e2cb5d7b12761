import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from suz_oscar.core.search import icontains_any

Dealer = get_model("suz_dealers", "Dealer")
Region = get_model("suz_dealers", "Region")

YES_NO = (("true", _("Yes")), ("false", _("No")))


class YesNoFilter(django_filters.BooleanFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", forms.Select(choices=(("", _("Any")), *YES_NO), attrs={"class": "form-control"})
        )
        super().__init__(*args, **kwargs)


class DealerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name"), method="filter_search",
        widget=forms.TextInput(attrs={"class": "form-control", "placeholder": _("Name, legal name, email")}),
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), queryset=Region.objects.filter(is_active=True), method="filter_region",
        empty_label=_("All regions"), widget=forms.Select(attrs={"class": "form-control suz-select2"}),
    )
    is_active = YesNoFilter(label=_("Active"))
    call_from_site = YesNoFilter(label=_("Call from site"))
    accepts_site_orders = YesNoFilter(label=_("Accepts orders"))

    class Meta:
        model = Dealer
        fields = ["q", "region", "is_active", "call_from_site", "accepts_site_orders"]

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            icontains_any(["partner__name", "legal_name", "email"], value)
        )

    def filter_region(self, queryset, name, region):
        """Dealers serving the region as a whole or any of its cities."""
        serving = Dealer.objects.filter(Q(regions=region) | Q(cities__region=region)).values("pk")
        return queryset.filter(pk__in=serving)
