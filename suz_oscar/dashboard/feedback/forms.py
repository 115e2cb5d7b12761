from django import forms
from django.utils.translation import gettext_lazy as _

from suz_oscar.feedback.vocabulary import MAX_TEXT


class EarnedForm(forms.Form):
    amount = forms.DecimalField(label=_("Earned"), min_value=0, max_digits=12, decimal_places=2, error_messages={
        "required": _("Enter the amount the customer paid."), "invalid": _("Enter the amount as a number.")})


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Answer"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": _("Write the answer."),
                                           "max_length": _("At most 2,000 characters.")})


class CloseForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=(
        ("upheld", _("resolved: the complaint is justified (the dealer loses points)")),
        ("resolved", _("resolved without the dealer's fault")),
        ("rejected", _("rejected: the complaint is not justified")),
    ), widget=forms.RadioSelect)
    note = forms.CharField(label=_("Comment"), required=False, max_length=MAX_TEXT,
                           widget=forms.Textarea(attrs={"rows": 2}))


class CustomerSearchForm(forms.Form):
    q = forms.CharField(label=_("Phone, email or name"), max_length=100, required=False)
