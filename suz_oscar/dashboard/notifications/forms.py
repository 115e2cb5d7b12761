from django import forms
from django.utils.translation import gettext_lazy as _

from suz_oscar.notifications.vocabulary import State


class OutboxFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False, choices=[("", _("all"))] + State.choices)


class RetryForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(coerce=int, choices=(), required=True)

    def __init__(self, *args, failed_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(str(pk), str(pk)) for pk in failed_ids]


def _no_nul(value):
    if "\x00" in value:
        raise forms.ValidationError(_("The text contains a character that is not allowed."))


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), max_length=2000, validators=[_no_nul])
    public = forms.BooleanField(label=_("Show to the customer"), required=False)
