from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AbstractPromotion(models.Model):
    """A promotion the manufacturer runs: products or categories at a promo price or a percentage off the
    recommended price, in some regions, for some dates. Only the offers of dealers that joined it are priced
    by it."""

    title = models.CharField(_("title"), max_length=128)
    text = models.TextField(_("text"), blank=True)
    image = models.ImageField(_("image"), upload_to="suz/promotions/", blank=True)
    starts_at = models.DateTimeField(_("starts"), default=timezone.now)
    ends_at = models.DateTimeField(_("ends"))
    products = models.ManyToManyField("catalogue.Product", blank=True, related_name="suz_promotions",
                                      verbose_name=_("products"))
    categories = models.ManyToManyField("catalogue.Category", blank=True, related_name="suz_promotions",
                                        verbose_name=_("categories"),
                                        help_text=_("Every product of these categories and their subcategories."))
    promo_price = models.DecimalField(
        _("promo price"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    percent_off = models.DecimalField(
        _("percent off the recommended price"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("99"))],
    )
    regions = models.ManyToManyField("suz_dealers.Region", blank=True, related_name="suz_promotions",
                                     verbose_name=_("regions"), help_text=_("Empty: every region."))
    is_active = models.BooleanField(pgettext_lazy("promotion", "active"), default=True)
    created_at = models.DateTimeField(pgettext_lazy("promotion", "created at"), auto_now_add=True)

    class Meta:
        abstract = True
        app_label = "suz_promotions"
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("promotion")
        verbose_name_plural = _("promotions")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if (self.promo_price is None) == (self.percent_off is None):
            raise ValidationError(_("Give either a promo price or a percentage off, not both."))
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The promotion must end after it starts.")})

    def is_current(self, now=None):
        now = now or timezone.now()
        return self.is_active and self.starts_at <= now < self.ends_at

    def price_from(self, recommended):
        """The promo price of a product whose recommended price is ``recommended`` (``None`` when unknown)."""
        if self.promo_price is not None:
            return self.promo_price
        if recommended is None:
            return None
        return (recommended * (100 - self.percent_off) / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


class AbstractParticipation(models.Model):
    """A dealer taking part in a promotion: its offers of the promotion's products are priced by it."""

    promotion = models.ForeignKey("suz_promotions.Promotion", on_delete=models.CASCADE,
                                  related_name="participations", verbose_name=_("promotion"))
    dealer = models.ForeignKey("suz_dealers.Dealer", on_delete=models.CASCADE, related_name="suz_participations",
                               verbose_name=_("dealer"))
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)
    joined_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("joined by"))

    class Meta:
        abstract = True
        app_label = "suz_promotions"
        verbose_name = _("promotion participant")
        verbose_name_plural = _("promotion participants")
        constraints = [models.UniqueConstraint(fields=["promotion", "dealer"], name="suz_one_participation")]

    def __str__(self):
        return f"{self.dealer} — {self.promotion}"
