from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import forms as oscar_forms
from oscar.core.loading import get_model
from phonenumber_field.formfields import PhoneNumberField

City = get_model("suz_dealers", "City")
OrderPlace = get_model("suz_checkout", "OrderPlace")


class CustomerChannelsForm(forms.ModelForm):
    """How the customer hears about the order: SMS to its phone, email to the address given (when there is
    one). The order's page shows everything whatever is chosen."""

    class Meta:
        model = OrderPlace
        fields = ["notify_sms", "notify_email"]
        labels = {"notify_sms": _("by SMS"), "notify_email": _("by email")}

    def __init__(self, *args, order=None, **kwargs):
        super().__init__(*args, **kwargs)
        if order is not None and (order.user_id or not order.guest_email):
            del self.fields["notify_email"]  # a registered customer's emails follow the account's settings


class GatewayForm(oscar_forms.GatewayForm):
    """Oscar's gateway with a phone number: a guest gives a phone, the email is optional."""

    phone = PhoneNumberField(label=_("My phone number is"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].required = False
        self.fields["username"].label = _("My email address is (optional for guests)")
        self.order_fields(["phone", "username", "options", "password"])

    def clean(self):
        cleaned = super().clean()
        if self.is_guest_checkout():
            if not cleaned.get("phone") and "phone" not in self.errors:
                self.add_error("phone", _("Give a phone number: the dealer will call you to confirm the order."))
        elif not cleaned.get("username") and "username" not in self.errors:
            self.add_error("username", forms.Field.default_error_messages["required"])
        return cleaned


class CitySelect(forms.Select):
    """The city list; each city with coordinates carries its centre (``data-center="lat,lon"``), so the delivery
    point's map re-centres on the city the customer picks."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        city = getattr(value, "instance", None)
        if city is not None and city.latitude is not None and city.longitude is not None:
            option["attrs"]["data-center"] = f"{city.latitude:f},{city.longitude:f}"
        return option


class ShippingAddressForm(oscar_forms.ShippingAddressForm):
    """The delivery address with its city from our list (and coordinates when known)."""

    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.none(), empty_label=None, widget=CitySelect)
    # Set by a map click when the page offers one; any finite number in range, kept to 6 places (~10 cm).
    latitude = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    longitude = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    # How the customer hears about the order (the view drops the email for a registered customer or a guest
    # without one); the order's page shows everything whatever is chosen.
    notify_sms = forms.BooleanField(label=_("Tell me about the order by SMS"), required=False, initial=True)
    notify_email = forms.BooleanField(label=_("Tell me about the order by email"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = City.objects.filter(is_active=True).select_related("region")
        # Town and region come from the chosen city.
        for name in ("line4", "state"):
            self.fields.pop(name, None)
        self.fields["phone_number"].required = True
        self.order_fields(["first_name", "last_name", "city", "line1", "line2", "line3", "postcode",
                           "phone_number", "notes", "notify_sms", "notify_email"])

    def clean(self):
        cleaned = super().clean()
        city = cleaned.get("city")
        if city is not None:
            self.instance.line4 = city.name
            self.instance.state = city.region.name
        for name in ("latitude", "longitude"):
            if cleaned.get(name) is not None:
                cleaned[name] = Decimal(str(cleaned[name])).quantize(Decimal("0.000001"))
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            cleaned["latitude"] = cleaned["longitude"] = None  # half a point is no point
        return cleaned
