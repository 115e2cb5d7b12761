from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The price columns (ours and Oscar's StockRecord.price): max_digits=12, decimal_places=2.
PRICE_MIN, PRICE_MAX = Decimal("0.01"), Decimal("9999999999.99")
# StockRecord.num_in_stock is a 32-bit integer column (PostgreSQL "integer").
QUANTITY_MAX = 2**31 - 1


def default_currency():
    return settings.OSCAR_DEFAULT_CURRENCY


class AbstractRecommendedPrice(models.Model):
    """The manufacturer's recommended retail price of a product.

    Dealers follow it (a stock record without a price, or the whole line) or
    set their own price on their stock record.
    """

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, related_name="recommended_price",
        verbose_name=_("product"),
    )
    price = models.DecimalField(
        _("recommended price"), max_digits=12, decimal_places=2,
        validators=[MinValueValidator(PRICE_MIN), MaxValueValidator(PRICE_MAX)],
    )
    currency = models.CharField(_("currency"), max_length=12, default=default_currency)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True
        app_label = "suz_offers"
        verbose_name = _("recommended price")
        verbose_name_plural = _("recommended prices")
        # A product is never sold for nothing or less (a guest would check out with a negative total).
        constraints = [models.CheckConstraint(condition=Q(price__gt=0), name="suz_recommended_price_positive")]

    def __str__(self):
        return f"{self.product}: {self.price} {self.currency}"


class AbstractCheckedFile(models.Model):
    """An uploaded file whose rows were checked: kept for the preview, then applied all or nothing."""

    PENDING, APPLIED = "pending", "applied"
    STATUSES = ((PENDING, _("checked, not applied")), (APPLIED, _("applied")))

    filename = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=16, choices=STATUSES, default=PENDING)
    errors = models.JSONField(_("errors"), default=list)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    class Meta:
        abstract = True
        app_label = "suz_offers"
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.filename

    @property
    def error_count(self):
        """Rows with errors: those kept, and those past the kept ones (only counted)."""
        return sum(error.get("more", 1) for error in self.errors)


class AbstractOfferImport(AbstractCheckedFile):
    """A dealer's uploaded price file."""

    dealer = models.ForeignKey(
        "suz_dealers.Dealer", on_delete=models.CASCADE, related_name="offer_imports", verbose_name=_("dealer"),
    )
    rows = models.JSONField(_("rows"), default=list, help_text=_("Checked rows: product, price, availability."))

    class Meta(AbstractCheckedFile.Meta):
        abstract = True
        verbose_name = _("price file import")
        verbose_name_plural = _("price file imports")


class AbstractRecommendedPriceImport(AbstractCheckedFile):
    """A staff's file of recommended prices."""

    rows = models.JSONField(_("rows"), default=list, help_text=_("Checked rows: product and recommended price."))

    class Meta(AbstractCheckedFile.Meta):
        abstract = True
        verbose_name = _("recommended price file")
        verbose_name_plural = _("recommended price files")


class AbstractDealerProduct(models.Model):
    """A product a dealer sells that the manufacturer does not make.

    Shown and orderable only where that dealer serves; no other dealer offers it.
    """

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, related_name="suz_owner", verbose_name=_("product"),
    )
    dealer = models.ForeignKey(
        "suz_dealers.Dealer", on_delete=models.CASCADE, related_name="own_products", verbose_name=_("dealer"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        abstract = True
        app_label = "suz_offers"
        ordering = ["-created_at"]
        verbose_name = _("dealer's own product")
        verbose_name_plural = _("dealers' own products")

    def __str__(self):
        return str(self.product)
