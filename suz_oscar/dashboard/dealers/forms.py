from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

Dealer = get_model("suz_dealers", "Dealer")
Outlet = get_model("suz_dealers", "Outlet")
Region = get_model("suz_dealers", "Region")
City = get_model("suz_dealers", "City")


class MultiSelect(forms.SelectMultiple):
    """A multiple select the dashboard turns into a searchable select2 box."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "form-control suz-select2", **(attrs or {})}, choices)


def _active_or_chosen(queryset, instance, field):
    """Active rows, plus the ones already chosen (a switched-off city stays visible)."""
    if instance is not None and instance.pk:
        chosen = getattr(instance, field).values("pk")
        return queryset.filter(Q(is_active=True) | Q(pk__in=chosen))
    return queryset.filter(is_active=True)


class DealerProfileForm(forms.ModelForm):
    """What a dealer's manager edits about the dealer."""

    name = forms.CharField(label=_("Display name"), max_length=128)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Dealer
        fields = [
            "legal_name", "logo", "description", "website", "phone", "email",
            "accepts_site_orders", "regions", "cities",
        ]
        widgets = {"regions": MultiSelect, "cities": MultiSelect, "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Put the display name first, as users read the form.
        self.order_fields(["name", *self.Meta.fields])
        if self.instance.pk:
            self.fields["name"].initial = self.instance.partner.name
        self.fields["regions"].queryset = _active_or_chosen(Region.objects.all(), self.instance, "regions")
        self.fields["cities"].queryset = _active_or_chosen(
            City.objects.select_related("region"), self.instance, "cities"
        )
        self.fields["regions"].help_text = _("The dealer serves every city of these regions.")
        self.fields["cities"].help_text = _("Single cities served outside the regions above.")


class DealerStaffForm(DealerProfileForm):
    """The manufacturer's form: the profile plus the switches only staff set."""

    class Meta(DealerProfileForm.Meta):
        fields = [*DealerProfileForm.Meta.fields, "call_from_site"]


class DealerCreateForm(DealerStaffForm):
    manager_email = forms.EmailField(
        label=_("First manager's email"), required=False,
        help_text=_("An invitation with a link to set a password is sent to this address."),
    )


class DealerSuspendForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=255, required=False)


class OutletForm(forms.ModelForm):
    class Meta:
        model = Outlet
        fields = ["name", "city", "address", "latitude", "longitude", "phone", "opening_hours", "is_active"]
        widgets = {
            "latitude": forms.NumberInput(attrs={"step": "0.000001", "data-suz-map": "lat"}),
            "longitude": forms.NumberInput(attrs={"step": "0.000001", "data-suz-map": "lon"}),
            "city": forms.Select(attrs={"class": "form-control suz-select2"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        qs = City.objects.select_related("region")
        if self.instance.pk:
            qs = qs.filter(Q(is_active=True) | Q(pk=self.instance.city_id))
        else:
            qs = qs.filter(is_active=True)
        self.fields["city"].queryset = qs


class ManagerInviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
