"""The customer's account: how they hear about their orders (per event type and channel)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import gettext_lazy as _
from django.views import generic

from suz_oscar.notifications import registry
from suz_oscar.notifications.forms import PreferencesFormMixin
from suz_oscar.notifications.vocabulary import Audience


class NotificationSettingsView(LoginRequiredMixin, PreferencesFormMixin, generic.FormView):
    """A registered customer's matrix of the customer's event types × channels, and the phone for SMS (without
    one, SMS go to the phone of each order, when chosen at checkout)."""

    template_name = "suz/storefront/account_notifications.html"
    success_url_name = "suz-account-notifications"

    def event_types(self):
        # A new order link goes only to a guest's phone and email (a registered customer's page is the account's).
        return [t for t in registry.for_audience(Audience.CUSTOMER) if t.key != registry.ORDER_LINK.key]

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Notification settings"), active_tab="suz-notifications",
                                        **kwargs)
