from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

ScoringRules = get_model("suz_scoring", "ScoringRules")


class ScoringRulesForm(forms.ModelForm):
    class Meta:
        model = ScoringRules
        fields = ["completed", "per_thousand", "failed_dealer", "failed_customer", "given_back", "sla_breach",
                  "survey", "complaint_upheld", "warn_below", "exclude_below"]


# A hand adjustment or an order's points stay far inside the ledger's and the rating's columns.
MAX_POINTS = 100_000


class AdjustForm(forms.Form):
    delta = forms.DecimalField(label=_("Points"), max_digits=8, decimal_places=2, min_value=-MAX_POINTS,
                               max_value=MAX_POINTS, help_text=_("Negative to take points away."))
    note = forms.CharField(label=_("Comment"), max_length=255)

    def clean_delta(self):
        delta = self.cleaned_data["delta"]
        if not delta:
            raise forms.ValidationError(_("Give a number other than zero."))
        return delta


class OrderPointsForm(forms.Form):
    points = forms.DecimalField(label=_("Points for this order"), max_digits=8, decimal_places=2,
                                min_value=-MAX_POINTS, max_value=MAX_POINTS)


PERIODS = (("30", _("30 days")), ("90", _("90 days")), ("365", _("a year")), ("all", _("all time")))


class PeriodForm(forms.Form):
    days = forms.ChoiceField(label=_("Period"), choices=PERIODS, required=False)
