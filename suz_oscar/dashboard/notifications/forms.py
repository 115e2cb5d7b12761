from django import forms
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from suz_oscar.notifications.vocabulary import State


class PreferencesForm(forms.Form):
    """The matrix: one checkbox per event type and channel that may be switched off; the mobile number."""

    phone = PhoneNumberField(label=_("Mobile phone for SMS"), required=False, region="RU")

    def __init__(self, *args, matrix=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.matrix = matrix
        for row in matrix:
            for cell in row["cells"]:
                if not cell["mandatory"]:
                    self.fields[cell["name"]] = forms.BooleanField(required=False, initial=cell["on"])

    def enabled(self):
        return {tuple(name.split(":", 1)) for name, value in self.cleaned_data.items() if name != "phone" and value}

    def rows(self):
        """The matrix with each cell's bound field (None where the channel cannot be switched off)."""
        return [{"type": row["type"], "cells": [{**cell, "field": None if cell["mandatory"] else self[cell["name"]]}
                                                for cell in row["cells"]]} for row in self.matrix]


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
