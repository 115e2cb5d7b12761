from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .vocabulary import CLOSED, DEALER_MOVES, ChangeState, Fault, Status


class AbstractDispatch(models.Model):
    """An order as a request to the dealer network: who may see it, from when, and who took it."""

    # The vocabulary lives in ``vocabulary``; these names stay for code that reads ``Dispatch.OFFERED``.
    Status = Status
    NEW, OFFERED, ACCEPTED, MANUAL = Status.NEW, Status.OFFERED, Status.ACCEPTED, Status.MANUAL
    PROCESSED, COMPLETED, FAILED, CANCELLED = Status.PROCESSED, Status.COMPLETED, Status.FAILED, Status.CANCELLED
    STATUSES = Status.choices
    CLOSED = CLOSED
    DEALER_MOVES = DEALER_MOVES

    order = models.OneToOneField(
        "order.Order", on_delete=models.CASCADE, related_name="suz_dispatch", verbose_name=_("order"),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NEW,
                              db_index=True)
    claimed_by = models.ForeignKey(
        "suz_dealers.Dealer", on_delete=models.PROTECT, null=True, blank=True, related_name="claimed_orders",
        verbose_name=_("claimed by"),
    )
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True, db_index=True)
    open_to_all_at = models.DateTimeField(
        _("open to every dealer at"), null=True, blank=True,
        help_text=_("When the stage for every dealer of the network opens; its dealers have no rows of their own."),
    )
    sla_alerted_at = models.DateTimeField(_("SLA alert sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        abstract = True
        app_label = "suz_dispatch"
        # The inbox's second half: orders open to every dealer and still free, newest opening first.
        indexes = [
            models.Index(
                fields=["open_to_all_at"], name="suz_dispatch_open_to_all",
                condition=models.Q(claimed_by__isnull=True, status=Status.OFFERED),
            ),
        ]
        verbose_name = _("order dispatch")
        verbose_name_plural = _("order dispatches")

    def __str__(self):
        return str(self.order.number)


class AbstractStage(models.Model):
    """One step of an order's dispatch plan: an audience of dealers and the moment it opens."""

    dispatch = models.ForeignKey(
        "suz_dispatch.Dispatch", on_delete=models.CASCADE, related_name="stages", verbose_name=_("dispatch"),
    )
    position = models.PositiveSmallIntegerField(_("position"))
    strategy = models.CharField(_("strategy"), max_length=64)
    opens_at = models.DateTimeField(_("opens at"), db_index=True)
    # The audience is read through the visibility rows the plan writes anyway: one write per dealer, not two.
    dealers = models.ManyToManyField(
        "suz_dealers.Dealer", through="suz_dispatch.Visibility", through_fields=("stage", "dealer"), related_name="+",
        verbose_name=_("audience"),
    )
    everyone = models.BooleanField(
        _("every dealer"), default=False,
        help_text=_("Open to every active dealer taking site orders; no audience is stored."),
    )
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)

    class Meta:
        abstract = True
        app_label = "suz_dispatch"
        ordering = ["dispatch", "position"]
        unique_together = [("dispatch", "position")]
        verbose_name = _("dispatch stage")
        verbose_name_plural = _("dispatch stages")


class AbstractVisibility(models.Model):
    """When a dealer starts to see an order: the earliest opening of the stages that hold it.

    Derived from the stages when the plan is stored, so a dealer's inbox is one
    indexed query (dealer, opens_at) and needs no timer to be right. A stage open
    to every dealer writes none (``Dispatch.open_to_all_at`` stands for them); a
    dealer reached only that way gets a row when it declines or gives the order back.
    """

    dispatch = models.ForeignKey(
        "suz_dispatch.Dispatch", on_delete=models.CASCADE, related_name="visibility", verbose_name=_("dispatch"),
    )
    dealer = models.ForeignKey(
        "suz_dealers.Dealer", on_delete=models.CASCADE, related_name="+", verbose_name=_("dealer"),
    )
    stage = models.ForeignKey(
        "suz_dispatch.Stage", on_delete=models.CASCADE, null=True, blank=True, related_name="visibility",
        verbose_name=_("stage"), help_text=_("The stage that showed the order to the dealer (none: every dealer's)."),
    )
    opens_at = models.DateTimeField(_("opens at"))
    is_open = models.BooleanField(
        _("open"), default=True, help_text=_("Off once a dealer has taken the order (kept for the inbox index)."),
    )
    declined_at = models.DateTimeField(_("declined at"), null=True, blank=True)
    decline_reason = models.ForeignKey(
        "suz_dispatch.DeclineReason", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("decline reason"),
    )

    class Meta:
        abstract = True
        app_label = "suz_dispatch"
        unique_together = [("dispatch", "dealer")]
        indexes = [
            models.Index(
                fields=["dealer", "opens_at"], name="suz_visibility_inbox",
                condition=models.Q(is_open=True, declined_at__isnull=True),
            ),
        ]
        verbose_name = _("visibility")
        verbose_name_plural = _("visibility")


class AbstractDeclineReason(models.Model):
    """Why a dealer turns an order down; the manufacturer keeps the list."""

    title = models.CharField(_("title"), max_length=128)
    is_active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        app_label = "suz_dispatch"
        ordering = ["position", "title"]
        verbose_name = _("decline reason")
        verbose_name_plural = _("decline reasons")

    def __str__(self):
        return self.title


class AbstractFailureReason(models.Model):
    """Why an order failed, and whose fault that is; the manufacturer keeps the list."""

    CUSTOMER, DEALER = Fault.CUSTOMER, Fault.DEALER

    title = models.CharField(_("title"), max_length=128)
    fault = models.CharField(_("fault"), max_length=16, choices=Fault.choices)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        app_label = "suz_dispatch"
        ordering = ["fault", "title"]
        verbose_name = _("failure reason")
        verbose_name_plural = _("failure reasons")

    def __str__(self):
        return f"{self.title} ({self.get_fault_display()})"


class AbstractStatusChange(models.Model):
    """One step of an order's history: who moved it, when, from what to what, and why."""

    dispatch = models.ForeignKey(
        "suz_dispatch.Dispatch", on_delete=models.CASCADE, related_name="history", verbose_name=_("dispatch"),
    )
    from_status = models.CharField(_("from"), max_length=16)
    to_status = models.CharField(_("to"), max_length=16)
    dealer = models.ForeignKey(
        "suz_dealers.Dealer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("dealer"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("by"),
    )
    failure_reason = models.ForeignKey(
        "suz_dispatch.FailureReason", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("failure reason"),
    )
    fault = models.CharField(_("fault"), max_length=16, blank=True, choices=Fault.choices)
    decline_reason = models.ForeignKey(
        "suz_dispatch.DeclineReason", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("decline reason"), help_text=_("Set when the entry records a dealer declining the order."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        abstract = True
        app_label = "suz_dispatch"
        ordering = ["created_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")


class AbstractStrategyConfig(models.Model):
    """The manufacturer's setting of one dispatch strategy: on or off, its place in the chain, its options.

    Rows override ``SUZ_DISPATCH_STRATEGIES`` once the manufacturer has saved the
    strategy screen; the setting lists which strategy classes the site offers.
    """

    path = models.CharField(_("strategy class"), max_length=255, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_enabled = models.BooleanField(_("enabled"), default=True)
    options = models.JSONField(_("options"), default=dict, blank=True)

    class Meta:
        abstract = True
        app_label = "suz_dispatch"
        ordering = ["position", "pk"]
        verbose_name = _("dispatch strategy")
        verbose_name_plural = _("dispatch strategies")

    def __str__(self):
        return self.path


class AbstractPriorityQuota(models.Model):
    """A priority dealer of the basic+ strategy and how many orders it gets first in a period."""

    ORDERS, PERCENT = "orders", "percent"
    UNITS = ((ORDERS, _("orders")), (PERCENT, _("% of the region's orders")))
    DAY, WEEK, MONTH = "day", "week", "month"
    PERIODS = ((DAY, _("per day")), (WEEK, _("per week")), (MONTH, _("per month")))

    dealer = models.OneToOneField(
        "suz_dealers.Dealer", on_delete=models.CASCADE, related_name="priority_quota", verbose_name=_("dealer"),
    )
    amount = models.PositiveIntegerField(_("quota"))
    unit = models.CharField(_("unit"), max_length=16, choices=UNITS, default=ORDERS)
    period = models.CharField(_("period"), max_length=16, choices=PERIODS, default=MONTH)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        app_label = "suz_dispatch"
        ordering = ["dealer__partner__name"]
        verbose_name = _("priority dealer")
        verbose_name_plural = _("priority dealers")

    def __str__(self):
        return str(self.dealer)


class AbstractQuotaUse(models.Model):
    """One order a priority dealer was offered first (basic+): what its quota counts."""

    quota_dealer = models.ForeignKey(
        "suz_dealers.Dealer", on_delete=models.CASCADE, related_name="+", verbose_name=_("dealer"),
    )
    dispatch = models.ForeignKey(
        "suz_dispatch.Dispatch", on_delete=models.CASCADE, related_name="+", verbose_name=_("dispatch"),
    )
    region = models.ForeignKey(
        "suz_dealers.Region", on_delete=models.CASCADE, related_name="+", verbose_name=_("region"),
    )
    created_at = models.DateTimeField(_("when"), db_index=True)

    class Meta:
        abstract = True
        app_label = "suz_dispatch"
        indexes = [models.Index(fields=["quota_dealer", "created_at"], name="suz_quota_use_period")]
        verbose_name = _("quota use")
        verbose_name_plural = _("quota use")


class AbstractChangeRequest(models.Model):
    """The customer asks the dealer holding the order for a change: in words, and optionally another variant
    (a sibling of the same parent product, e.g. another colour) for one line. The dealer accepts it (the line
    changes, the total is recomputed) or cannot (the order goes back to dispatch without that dealer)."""

    dispatch = models.ForeignKey(
        "suz_dispatch.Dispatch", on_delete=models.CASCADE, related_name="change_requests", verbose_name=_("order"),
    )
    dealer = models.ForeignKey(
        "suz_dealers.Dealer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("dealer"), help_text=_("The dealer holding the order when the customer asked."),
    )
    text = models.TextField(_("request"), max_length=2000, blank=True)
    line = models.ForeignKey(
        "order.Line", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("line"),
    )
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("requested variant"),
    )
    old_title = models.CharField(_("line before"), max_length=255, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=ChangeState.choices, default=ChangeState.PENDING)
    answer = models.CharField(_("answer"), max_length=500, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("answered by"),
    )
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        abstract = True
        app_label = "suz_dispatch"
        ordering = ["created_at", "pk"]
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")
        constraints = [models.UniqueConstraint(fields=["dispatch"], condition=models.Q(state="pending"),
                                               name="suz_change_one_pending")]
