from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import int_list_validator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _points(verbose_name, default, help_text=""):
    return models.DecimalField(verbose_name, max_digits=8, decimal_places=2, default=Decimal(default),
                               help_text=help_text)


class AbstractScoringRules(models.Model):
    """The manufacturer's points table. Saving makes a new version; each event uses the version current then."""

    completed = _points(_("per completed order"), "10")
    per_thousand = _points(
        _("plus, per 1,000 of order value"), "0",
        _("Scales the points of a completed order by its value; 0 to give every order the same."),
    )
    failed_dealer = _points(_("per failed order, dealer's fault"), "-10")
    failed_customer = _points(_("per failed order, customer's fault"), "0")
    given_back = _points(_("per order given back"), "-5")
    sla_breach = _points(_("per SLA breach"), "-3")
    survey = models.CharField(
        _("per survey score, 1 to 5"), max_length=64, default="-10,-5,0,5,10",
        validators=[int_list_validator(message=_("Enter whole numbers separated by commas, e.g. -10,-5,0,5,10."),
                                        allow_negative=True)],
        help_text=_("Five numbers separated by commas: the points for a customer's score of 1, 2, 3, 4 and 5."),
    )
    complaint_upheld = _points(
        _("per complaint upheld"), "-20",
        _("When staff close a customer's complaint as justified, the dealer that held the order gets these points."),
    )
    warn_below = models.DecimalField(
        _("warn the dealer below"), max_digits=10, decimal_places=2, null=True, blank=True,
        help_text=_("When a dealer's rating falls below this, its managers get a warning email."),
    )
    exclude_below = models.DecimalField(
        _("take out of dispatch below"), max_digits=10, decimal_places=2, null=True, blank=True,
        help_text=_("A penalty that leaves the rating below this takes the dealer out of dispatch and the "
                    "storefront until staff restore it."),
    )
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("saved by"),
    )

    class Meta:
        abstract = True
        app_label = "suz_scoring"
        get_latest_by = ["created_at", "pk"]
        verbose_name = _("scoring rules")
        verbose_name_plural = _("scoring rules")

    def clean(self):
        errors = {}
        try:
            points = self.survey_points() if self.survey else []
        except InvalidOperation:
            points = None  # the field's own validator says what is wrong
        if points is not None and self.survey and len(points) != 5:
            errors["survey"] = _("Give exactly five numbers.")
        if self.warn_below is not None and self.exclude_below is not None and self.exclude_below > self.warn_below:
            errors["exclude_below"] = _("Set it no higher than the warning threshold.")
        if errors:
            raise ValidationError(errors)

    def survey_points(self):
        return [Decimal(part) for part in self.survey.split(",") if part.strip()]


class AbstractPointsEntry(models.Model):
    """One line of a dealer's points ledger. Append-only: the rating is the sum of these rows."""

    COMPLETED, FAILED_DEALER, FAILED_CUSTOMER = "completed", "failed_dealer", "failed_customer"
    GIVEN_BACK, SLA_BREACH, SURVEY, ORDER_POINTS, MANUAL = (
        "given_back", "sla_breach", "survey", "order_points", "manual")
    COMPLAINT = "complaint"
    REASONS = (
        (COMPLETED, _("order completed")),
        (FAILED_DEALER, _("order failed, dealer's fault")),
        (FAILED_CUSTOMER, _("order failed, customer's fault")),
        (GIVEN_BACK, _("order given back")),
        (SLA_BREACH, _("SLA breach")),
        (SURVEY, _("customer survey")),
        (ORDER_POINTS, _("points of the order set by staff")),
        (MANUAL, _("adjusted by staff")),
        (COMPLAINT, _("customer complaint upheld")),
    )

    dealer = models.ForeignKey(
        "suz_dealers.Dealer", on_delete=models.PROTECT, related_name="points", verbose_name=_("dealer"),
    )
    dispatch = models.ForeignKey(
        "suz_dispatch.Dispatch", on_delete=models.PROTECT, null=True, blank=True, related_name="points",
        verbose_name=_("order"),
    )
    delta = models.DecimalField(_("points"), max_digits=10, decimal_places=2)
    reason = models.CharField(_("reason"), max_length=32, choices=REASONS)
    note = models.CharField(_("comment"), max_length=255, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        abstract = True
        app_label = "suz_scoring"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["dealer", "created_at"], name="suz_points_dealer_time")]
        verbose_name = _("points entry")
        verbose_name_plural = _("points ledger")

    def __str__(self):
        return f"{self.dealer}: {self.delta:+}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValidationError(_("The points ledger is append-only: add a correcting entry instead."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("The points ledger is append-only: add a correcting entry instead."))


class AbstractOrderPoints(models.Model):
    """Staff's «how many points the dealer gets for this order»: replaces the rule for its completion."""

    dispatch = models.OneToOneField(
        "suz_dispatch.Dispatch", on_delete=models.CASCADE, related_name="points_override", verbose_name=_("order"),
    )
    points = models.DecimalField(_("points"), max_digits=10, decimal_places=2)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("set by"),
    )
    updated_at = models.DateTimeField(_("set at"), auto_now=True)

    class Meta:
        abstract = True
        app_label = "suz_scoring"
        verbose_name = _("points of an order")
        verbose_name_plural = _("points of orders")
