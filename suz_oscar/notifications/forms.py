"""Forms of notifications shared by the dashboard and the customer's account."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from . import selectors, services


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


class PreferencesFormMixin:
    """A ``FormView`` of the user's matrix for ``event_types()``: the dashboard's settings (managers, staff) and
    the customer's account; the view names where to go back to (``success_url_name``)."""

    form_class = PreferencesForm
    success_url_name = ""

    def event_types(self):
        raise NotImplementedError

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["matrix"] = selectors.preference_matrix(self.request.user, self.event_types())
        kwargs.setdefault("initial", {})["phone"] = selectors.phone_of(self.request.user)
        return kwargs

    def form_valid(self, form):
        phone = form.cleaned_data["phone"]
        services.preferences_save(user=self.request.user, event_types=self.event_types(), enabled=form.enabled(),
                                  phone=str(phone) if phone else "")
        messages.success(self.request, _("Your notification settings are saved."))
        return redirect(self.success_url_name)
