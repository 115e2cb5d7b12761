from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField


class LocalisedNameMixin(models.Model):
    """A Russian ``name`` with an optional English one shown when English is active."""

    name = models.CharField(_("name"), max_length=128)
    name_en = models.CharField(_("name in English"), max_length=128, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


LATITUDE_RANGE = _("Latitude must be between -90 and 90.")
LONGITUDE_RANGE = _("Longitude must be between -180 and 180.")


class CoordinatesMixin(models.Model):
    """A point on the map (WGS 84), both coordinates or none."""

    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90, LATITUDE_RANGE), MaxValueValidator(90, LATITUDE_RANGE)],
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180, LONGITUDE_RANGE), MaxValueValidator(180, LONGITUDE_RANGE)],
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))


class AbstractRegion(LocalisedNameMixin):
    """A federal subject of Russia (or any region the manufacturer adds)."""

    code = models.CharField(
        _("ISO 3166-2 code"), max_length=6, unique=True, null=True, blank=True,
        help_text=_("For example RU-MOW. Empty where no code exists."),
    )
    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        app_label = "suz_dealers"
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class AbstractCity(CoordinatesMixin, LocalisedNameMixin):
    region = models.ForeignKey(
        "suz_dealers.Region", on_delete=models.PROTECT, related_name="cities",
        verbose_name=_("region"),
    )
    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, blank=True)
    geonames_id = models.PositiveIntegerField(_("GeoNames id"), unique=True, null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        app_label = "suz_dealers"
        ordering = ["name"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        indexes = [models.Index(fields=["region", "is_active"])]


class AbstractDealer(models.Model):
    """The dealer profile of an Oscar ``Partner``; its managers are ``Partner.users``."""

    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.CASCADE, related_name="dealer",
        verbose_name=_("partner"),
    )
    legal_name = models.CharField(_("legal name"), max_length=255, blank=True)
    logo = models.ImageField(_("logo"), upload_to="suz/dealers/logos/", blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = PhoneNumberField(_("phone"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    accepts_site_orders = models.BooleanField(
        _("accepts orders from the site"), default=True,
        help_text=_("Orders placed on the site are offered to this dealer."),
    )
    call_from_site = models.BooleanField(
        _("call from site"), default=False,
        help_text=_("The dealer calls customers through the system; their numbers stay hidden until then."),
    )
    is_active = models.BooleanField(_("active"), default=True, db_index=True)
    suspended_at = models.DateTimeField(_("suspended at"), null=True, blank=True)
    suspension_reason = models.CharField(_("suspension reason"), max_length=255, blank=True)
    registered_at = models.DateTimeField(_("registration date"), default=timezone.now, db_index=True)
    regions = models.ManyToManyField(
        "suz_dealers.Region", blank=True, related_name="dealers", verbose_name=_("regions served"),
    )
    cities = models.ManyToManyField(
        "suz_dealers.City", blank=True, related_name="dealers", verbose_name=_("cities served"),
    )
    offers_whole_line = models.BooleanField(
        _("whole product line in stock"), default=False,
        help_text=_("The dealer offers every manufacturer product at the recommended price, "
                    "unless it sets its own offer for a product."),
    )
    priority = models.SmallIntegerField(
        _("priority"), default=0,
        help_text=_("Set by the manufacturer. Among dealers with equal rating, a higher priority comes first."),
    )
    rating = models.DecimalField(
        _("rating"), max_digits=10, decimal_places=2, default=0, db_index=True,
        help_text=_("Filled in by dealer scoring."),
    )
    excluded_at = models.DateTimeField(
        _("taken out of dispatch at"), null=True, blank=True,
        help_text=_("Set when the rating falls below the manufacturer's threshold: the dealer gets no orders and "
                    "leaves the storefront until staff restore it."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True
        app_label = "suz_dealers"
        ordering = ["partner__name"]
        verbose_name = _("dealer")
        verbose_name_plural = _("dealers")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.partner.name

    @property
    def managers(self):
        return self.partner.users.all()


class AbstractOutlet(CoordinatesMixin, models.Model):
    """A shop or warehouse of a dealer where customers can buy or collect."""

    dealer = models.ForeignKey(
        "suz_dealers.Dealer", on_delete=models.CASCADE, related_name="outlets",
        verbose_name=_("dealer"),
    )
    name = models.CharField(_("name"), max_length=128, blank=True)
    city = models.ForeignKey(
        "suz_dealers.City", on_delete=models.PROTECT, related_name="outlets", verbose_name=_("city"),
    )
    address = models.CharField(_("address"), max_length=255)
    phone = PhoneNumberField(_("phone"), blank=True)
    opening_hours = models.CharField(
        _("opening hours"), max_length=255, blank=True, help_text=_("For example: Mon–Fri 9:00–19:00, Sat 10:00–16:00"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        app_label = "suz_dealers"
        ordering = ["city__name", "address"]
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")

    def __str__(self):
        return self.name or f"{self.city}, {self.address}"


