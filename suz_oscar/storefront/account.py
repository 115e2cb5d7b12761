"""The customer's account: how they hear about their orders (per event type and channel)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views import generic

from suz_oscar.notifications import registry, selectors, services
from suz_oscar.notifications.forms import PreferencesForm
from suz_oscar.notifications.vocabulary import Audience


class NotificationSettingsView(LoginRequiredMixin, generic.FormView):
    """A registered customer's matrix of the customer's event types × channels, and the phone for SMS (without
    one, SMS go to the phone of each order, when chosen at checkout)."""

    template_name = "suz/storefront/account_notifications.html"
    form_class = PreferencesForm

    def event_types(self):
        # A new order link goes only to a guest's phone and email (a registered customer's page is the account's).
        return [t for t in registry.for_audience(Audience.CUSTOMER) if t.key != registry.ORDER_LINK.key]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["matrix"] = selectors.preference_matrix(self.request.user, self.event_types())
        kwargs.setdefault("initial", {})["phone"] = selectors.phone_of(self.request.user)
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Notification settings"), active_tab="suz-notifications",
                                        **kwargs)

    def form_valid(self, form):
        phone = form.cleaned_data["phone"]
        services.preferences_save(user=self.request.user, event_types=self.event_types(), enabled=form.enabled(),
                                  phone=str(phone) if phone else "")
        messages.success(self.request, _("Your notification settings are saved."))
        return redirect("suz-account-notifications")
