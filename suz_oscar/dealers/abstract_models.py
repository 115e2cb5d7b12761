from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
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
    website = models.URLField(
        _("website"), blank=True,
        validators=[URLValidator(schemes=["http", "https"], message=_("Enter a web address starting with http:// or https://."))],
    )
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

    #: Written only by scoring, with an ``UPDATE`` under a row lock: saving a dealer loaded earlier (a
    #: dashboard form, a script) must not write its stale rating back over points recorded meanwhile.
    SCORING_FIELDS = ("rating",)

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [f.attname for f in self._meta.concrete_fields
                                       if not f.primary_key and f.name not in self.SCORING_FIELDS]
        return super().save(*args, **kwargs)

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




class AbstractInvitation(models.Model):
    """An invitation to become a manager of a dealer, accepted by following an emailed link.

    Only a hash of the link's token is stored: the database alone cannot be used to accept.
    """

    PENDING, ACCEPTED, REVOKED, EXPIRED = "pending", "accepted", "revoked", "expired"

    dealer = models.ForeignKey(
        "suz_dealers.Dealer", on_delete=models.CASCADE, related_name="invitations", verbose_name=_("dealer"),
    )
    email = models.EmailField(_("email"))
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("accepted by"),
    )
    revoked = models.BooleanField(_("revoked"), default=False)

    class Meta:
        abstract = True
        app_label = "suz_dealers"
        ordering = ["-created_at"]
        verbose_name = _("manager invitation")
        verbose_name_plural = _("manager invitations")

    def __str__(self):
        return self.email

    def state(self, now=None):
        if self.accepted_at is not None:
            return self.ACCEPTED
        if self.revoked:
            return self.REVOKED
        if self.expires_at <= (now or timezone.now()):
            return self.EXPIRED
        return self.PENDING

    @property
    def is_expired(self):
        return self.state() == self.EXPIRED


class AbstractTerritoryRequest(models.Model):
    """A dealer's request to serve other regions and cities; the manufacturer approves or rejects it.

    It holds the whole territory the dealer asks for (not a difference), so approving it
    replaces the dealer's regions and cities with these.
    """

    PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
    STATUSES = ((PENDING, _("waiting for approval")), (APPROVED, _("approved")), (REJECTED, _("rejected")))

    dealer = models.ForeignKey(
        "suz_dealers.Dealer", on_delete=models.CASCADE, related_name="territory_requests",
        verbose_name=_("dealer"),
    )
    regions = models.ManyToManyField(
        "suz_dealers.Region", blank=True, related_name="+", verbose_name=_("regions requested"),
    )
    cities = models.ManyToManyField(
        "suz_dealers.City", blank=True, related_name="+", verbose_name=_("cities requested"),
    )
    comment = models.TextField(_("comment"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    status = models.CharField(_("status"), max_length=16, choices=STATUSES, default=PENDING, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    staff_comment = models.TextField(_("manufacturer's comment"), blank=True)

    class Meta:
        abstract = True
        app_label = "suz_dealers"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("territory request")
        verbose_name_plural = _("territory requests")
        constraints = [
            models.UniqueConstraint(
                fields=["dealer"], condition=models.Q(status="pending"), name="suz_one_pending_territory_request",
            ),
        ]

    def __str__(self):
        return f"{self.dealer} ({self.get_status_display()})"
