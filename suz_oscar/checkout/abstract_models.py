from django.db import models
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from suz_oscar.core.tokens import new_nonce
from suz_oscar.dealers.abstract_models import CoordinatesMixin


class AbstractOrderPlace(CoordinatesMixin, models.Model):
    """Where an order goes: its city and region (dispatch reads them) and the customer's phone."""

    order = models.OneToOneField(
        "order.Order", on_delete=models.CASCADE, related_name="suz_place", verbose_name=_("order"),
    )
    city = models.ForeignKey(
        "suz_dealers.City", on_delete=models.PROTECT, related_name="+", verbose_name=_("city"),
    )
    region = models.ForeignKey(
        "suz_dealers.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region"),
    )
    phone = PhoneNumberField(_("phone"))
    # The customer's choice at checkout: how we tell them about the order (the page is always there).
    notify_sms = models.BooleanField(_("tell by SMS"), default=True)
    notify_email = models.BooleanField(_("tell by email"), default=True)
    # Drawn anew when staff revoke the customer's links (``links``): every link sent before stops working.
    link_nonce = models.CharField(_("link key"), max_length=32, default=new_nonce, editable=False)
    link_sent_at = models.DateTimeField(_("link sent"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        abstract = True
        app_label = "suz_checkout"
        verbose_name = _("order place")
        verbose_name_plural = _("order places")
        indexes = [models.Index(fields=["region", "city"])]

    def __str__(self):
        return f"{self.order.number}: {self.city}"
