"""Forms of notifications shared by the dashboard and the customer's account."""

from django import forms
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField


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
