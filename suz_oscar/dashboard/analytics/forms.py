from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from oscar.core.loading import get_model

from suz_oscar.analytics.selectors import Filters
from suz_oscar.analytics.vocabulary import FIELD_LENGTHS, Channel, Grouping, Touch

Dealer = get_model("suz_dealers", "Dealer")
Region = get_model("suz_dealers", "Region")
City = get_model("suz_dealers", "City")

MAX_DAYS = 3 * 366  # a report's period: at most three years
EARLIEST = date(2000, 1, 1)


def _select(**attrs):
    return forms.Select(attrs={"class": "form-control", **attrs})


SELECT2 = forms.Select(attrs={"class": "form-control suz-select2"})


class ReportFilterForm(forms.Form):
    """The filters every report shares; invalid values are form errors (the report then shows nothing)."""

    date_from = forms.DateField(label=_("Orders from"), required=False,
                                widget=forms.DateInput(attrs={"type": "date", "class": "form-control"},
                                                       format="%Y-%m-%d"))
    date_to = forms.DateField(label=pgettext_lazy("period", "to"), required=False,
                              widget=forms.DateInput(attrs={"type": "date", "class": "form-control"},
                                                     format="%Y-%m-%d"))
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False,
                                    empty_label=_("All regions"), widget=SELECT2)
    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.select_related("region"), required=False,
                                  empty_label=_("All cities"), widget=SELECT2)
    dealer = forms.ModelChoiceField(label=_("Dealer"), queryset=Dealer.objects.select_related("partner"),
                                    required=False, empty_label=_("All dealers"),
                                    widget=SELECT2)
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", _("All channels")), *Channel.choices],
                                required=False, widget=_select())
    source = forms.CharField(label=_("Source"), max_length=FIELD_LENGTHS["source"], required=False,
                             widget=forms.TextInput(attrs={"class": "form-control", "size": 12}))
    campaign = forms.CharField(label=_("Campaign"), max_length=FIELD_LENGTHS["campaign"], required=False,
                               widget=forms.TextInput(attrs={"class": "form-control", "size": 14}))
    touch = forms.ChoiceField(label=_("Credit"), choices=Touch.choices, required=False, widget=_select())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].label_from_instance = lambda city: f"{city.name} ({city.region.name})"
        self.fields["dealer"].label_from_instance = lambda dealer: dealer.partner.name

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        for name in ("date_from", "date_to"):
            day = data.get(name)
            if day and not EARLIEST <= day <= date(2100, 1, 1):
                self.add_error(name, _("Give a date between 2000 and 2100."))
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period is before its start."))
        elif start and end and (end - start).days > MAX_DAYS:
            self.add_error("date_to", _("The period is longer than three years: shorten it."))
        for name in ("source", "campaign"):
            if "\x00" in (data.get(name) or ""):
                self.add_error(name, _("The value contains zero bytes (NUL)."))
        return data

    def filters(self):
        """The report's filters; the last 90 days when no period is given."""
        data = self.cleaned_data
        today = timezone.localdate()
        end = data.get("date_to") or today
        start = data.get("date_from") or (end - timedelta(days=89))
        if (end - start).days > MAX_DAYS:
            start = end - timedelta(days=MAX_DAYS)
        return Filters(date_from=start, date_to=end, region=data.get("region"), city=data.get("city"),
                       dealer=data.get("dealer"), channel=data.get("channel") or "",
                       source=(data.get("source") or "").strip(), campaign=(data.get("campaign") or "").strip(),
                       touch=data.get("touch") or Touch.LAST)


class SalesFilterForm(ReportFilterForm):
    group = forms.ChoiceField(label=_("Rows"), choices=Grouping.choices, required=False, widget=_select())


FUNNEL_GROUP_CHOICES = (("region", _("region")), ("dealer", _("dealer")),
                        ("stage", _("dispatch stage that found the dealer")))


class FunnelFilterForm(ReportFilterForm):
    group = forms.ChoiceField(label=_("Rows"), choices=FUNNEL_GROUP_CHOICES, required=False, widget=_select())


class SpendImportForm(forms.Form):
    file = forms.FileField(label=_("Spend file (CSV or XLSX)"),
                           help_text=_("A campaign report by day as Yandex Direct or Google Ads export it: "
                                       "the columns Day, Campaign and Cost are found by their headers, and the "
                                       "campaign's id («№ кампании», Campaign ID) where the report has it: orders "
                                       "whose utm_campaign carries the id count for the campaign. Up to 20 MB."))
