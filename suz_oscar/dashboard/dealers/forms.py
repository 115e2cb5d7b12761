import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, URLValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from suz_oscar.core.images import validate_image

Dealer = get_model("suz_dealers", "Dealer")
Outlet = get_model("suz_dealers", "Outlet")
Region = get_model("suz_dealers", "Region")
City = get_model("suz_dealers", "City")


class MultiSelect(forms.SelectMultiple):
    """A multiple select the dashboard turns into a searchable select2 box."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "form-control suz-select2", **(attrs or {})}, choices)


class IdsField(forms.ModelMultipleChoiceField):
    """Refuses ids that are not whole numbers in the database's range before querying with them.

    Django's own check lets ``99999999999999999999`` through to an ``IN`` query, which SQLite
    answers with an ``OverflowError`` (a server error) instead of a form error.
    """

    def _check_values(self, value):
        for pk in value:
            self.validate_no_null_characters(pk)
            try:
                valid = -(2**63) <= int(str(pk)) < 2**63
            except ValueError:
                valid = False
            if not valid:
                raise ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                      params={"pk": pk})
        return super()._check_values(value)


def _active_or_chosen(queryset, instance, field):
    """Active rows, plus the ones already chosen (a switched-off city stays visible)."""
    if instance is not None and instance.pk:
        chosen = getattr(instance, field).values("pk")
        return queryset.filter(Q(is_active=True) | Q(pk__in=chosen))
    return queryset.filter(is_active=True)


def single_line(value):
    """Names and addresses reach page titles and email subjects: one line, no control characters."""
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValidationError(_("Write this on one line, without line breaks or tabs."), code="control_characters")


DESCRIPTION_MAX_LENGTH = 4000
WEB_ADDRESS = URLValidator(schemes=["http", "https"], message=_("Enter a web address starting with http:// or https://."))


def _territory_fields(form):
    if "regions" in form.fields:
        form.fields["regions"].queryset = _active_or_chosen(Region.objects.all(), form.instance, "regions")
        form.fields["regions"].help_text = _("The dealer serves every city of these regions.")
    if "cities" in form.fields:
        form.fields["cities"].queryset = _active_or_chosen(City.objects.select_related("region"), form.instance,
                                                           "cities")
        form.fields["cities"].help_text = _("Single cities served outside the regions above.")


class DealerProfileForm(forms.ModelForm):
    """What a dealer's manager edits about the dealer.

    Not its regions and cities: they decide which orders it gets, so a dealer asks for a
    change (:class:`TerritoryRequestForm`) and the manufacturer approves it.
    """

    name = forms.CharField(label=_("Display name"), max_length=128, validators=[single_line])
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https", validators=[WEB_ADDRESS])

    class Meta:
        model = Dealer
        fields = ["legal_name", "logo", "description", "website", "phone", "email", "accepts_site_orders"]
        field_classes = {"regions": IdsField, "cities": IdsField}
        widgets = {"regions": MultiSelect, "cities": MultiSelect, "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Put the display name first, as users read the form.
        self.order_fields(["name", *self.Meta.fields])
        if self.instance.pk:
            self.fields["name"].initial = self.instance.partner.name
        self.fields["legal_name"].validators.append(single_line)
        self.fields["description"].max_length = DESCRIPTION_MAX_LENGTH
        self.fields["description"].validators.append(MaxLengthValidator(DESCRIPTION_MAX_LENGTH))
        _territory_fields(self)

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        # A newly uploaded file only (an unchanged logo is the stored file, already checked).
        return validate_image(logo, max_bytes=2 * 1024 * 1024) if hasattr(logo, "image") else logo


class DealerStaffForm(DealerProfileForm):
    """The manufacturer's form: the profile plus the territory and the switches only staff set."""

    class Meta(DealerProfileForm.Meta):
        fields = [*DealerProfileForm.Meta.fields, "regions", "cities", "call_from_site"]


class DealerCreateForm(DealerStaffForm):
    manager_email = forms.EmailField(
        label=_("First manager's email"), required=False,
        help_text=_("An invitation with a link to set a password is sent to this address."),
    )


class DealerSuspendForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=255, required=False, validators=[single_line])


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
        for name in ("name", "address", "opening_hours"):
            self.fields[name].validators.append(single_line)


class ManagerInviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"), max_length=254)


class TerritoryRequestForm(forms.Form):
    """The whole territory a dealer asks for, filled in with what it serves now."""

    regions = IdsField(label=_("Regions"), queryset=Region.objects.none(), required=False, widget=MultiSelect)
    cities = IdsField(label=_("Cities"), queryset=City.objects.none(), required=False, widget=MultiSelect)
    comment = forms.CharField(
        label=_("Comment for the manufacturer"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}), help_text=_("For example, why you want to serve these places."),
    )

    def __init__(self, *args, dealer, **kwargs):
        if not kwargs.get("initial"):  # a view's empty initial must not hide the current territory
            kwargs["initial"] = {"regions": list(dealer.regions.all()), "cities": list(dealer.cities.all())}
        super().__init__(*args, **kwargs)
        self.instance = dealer
        _territory_fields(self)
        self.fields["cities"].help_text = _("Single cities served outside the regions above.")


class TerritoryDecisionForm(forms.Form):
    staff_comment = forms.CharField(
        label=_("Comment for the dealer"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you reject the request."),
    )
