from django.db import models
from django.utils.translation import gettext_lazy as _

from .vocabulary import FIELD_LENGTHS, Channel


def _touch_fields(prefix):
    """The fields of one touch (``first_…`` or ``last_…``): UTM tags, click ids, referrer, landing page."""
    names = {
        "source": _("source"), "medium": _("medium"), "campaign": _("campaign"), "term": _("term"),
        "content": _("content"), "landing": _("landing page"), "referrer": _("referrer"),
        "yclid": "yclid", "gclid": "gclid",
    }
    fields = {f"{prefix}_channel": models.CharField(_("channel"), max_length=FIELD_LENGTHS["channel"],
                                                    choices=Channel.choices, default=Channel.UNKNOWN)}
    for name, verbose in names.items():
        fields[f"{prefix}_{name}"] = models.CharField(verbose, max_length=FIELD_LENGTHS[name], blank=True)
    fields[f"{prefix}_at"] = models.DateTimeField(_("touched at"), null=True, blank=True)
    return fields


class AbstractAttribution(models.Model):
    """Where an order came from: the visitor's first touch and last non-direct touch, and their site searches.

    Written once, when the order is placed (``receivers``); ``placed_at`` repeats the order's date so the
    reports filter one indexed column before they join anything.
    """

    order = models.OneToOneField(
        "order.Order", on_delete=models.CASCADE, related_name="suz_attribution", verbose_name=_("order"),
    )
    placed_at = models.DateTimeField(_("placed at"), db_index=True)
    locals().update(_touch_fields("first"))
    locals().update(_touch_fields("last"))
    search_queries = models.JSONField(_("site searches before the order"), default=list, blank=True)
    client_id = models.CharField(_("Yandex Metrica ClientID"), max_length=64, blank=True)
    ga_client_id = models.CharField(_("Google Analytics client id"), max_length=64, blank=True)

    class Meta:
        abstract = True
        app_label = "suz_analytics"
        verbose_name = _("order attribution")
        verbose_name_plural = _("order attribution")
        indexes = [
            models.Index(fields=["last_channel", "placed_at"], name="suz_attr_last_channel"),
            models.Index(fields=["last_campaign", "placed_at"], name="suz_attr_last_campaign"),
            models.Index(fields=["first_channel", "placed_at"], name="suz_attr_first_channel"),
        ]

    def __str__(self):
        return f"{self.order_id}: {self.last_channel}"


class AbstractAdSpend(models.Model):
    """What one campaign cost on one day, imported from the ad platform's report."""

    day = models.DateField(_("day"))
    platform = models.CharField(_("platform"), max_length=32)
    campaign = models.CharField(_("campaign"), max_length=FIELD_LENGTHS["campaign"])
    campaign_id = models.CharField(_("campaign id"), max_length=32, blank=True, db_index=True)
    spend = models.DecimalField(_("spend"), max_digits=14, decimal_places=2)
    clicks = models.PositiveIntegerField(_("clicks"), default=0)
    impressions = models.PositiveBigIntegerField(_("impressions"), default=0)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        abstract = True
        app_label = "suz_analytics"
        ordering = ["-day", "campaign"]
        unique_together = [("day", "platform", "campaign")]
        indexes = [models.Index(fields=["day", "campaign"], name="suz_adspend_day_campaign")]
        verbose_name = _("ad spend")
        verbose_name_plural = _("ad spend")

    def __str__(self):
        return f"{self.day} {self.campaign}: {self.spend}"


class SalesRow(models.Model):
    """What every sales roll-up row holds beside its keys: the credited touch, its channel and source, the orders
    placed and what became of them."""

    touch = models.CharField(_("credited touch"), max_length=8)
    channel = models.CharField(_("channel"), max_length=FIELD_LENGTHS["channel"])
    source = models.CharField(_("source"), max_length=FIELD_LENGTHS["source"], blank=True)
    orders = models.PositiveIntegerField(_("orders"), default=0)
    claimed = models.PositiveIntegerField(_("claimed"), default=0)
    completed = models.PositiveIntegerField(_("completed"), default=0)
    earned = models.DecimalField(_("earned"), max_digits=16, decimal_places=2, default=0)

    class Meta:
        abstract = True


class AbstractDailySales(SalesRow):
    """The sales report's roll-up: per day (the site's time zone), credited touch, channel, source and campaign,
    the orders placed that day and what became of them. Rebuilt for the days whose orders changed
    (``services.rollup_refresh``: Celery beat every few minutes, nightly in full, ``suz_analytics_rollup``), read
    from the order facts."""

    day = models.DateField(_("day"))
    campaign = models.CharField(_("campaign"), max_length=FIELD_LENGTHS["campaign"], blank=True)

    class Meta:
        abstract = True
        app_label = "suz_analytics"
        indexes = [models.Index(fields=["touch", "day"], name="suz_daily_sales_day")]
        verbose_name = _("daily sales")
        verbose_name_plural = _("daily sales")


class AbstractOrderFact(models.Model):
    """One order as the reports see it: its credited touches, place, dealer, the times of the funnel's steps and
    their duration buckets, how it closed and what it earned — one row, no joins.

    Kept current in the transaction of each change of the order (``receivers``: placement, the order's place,
    every dispatch status change, the dealer's first message); ``suz_analytics_rebuild`` rebuilds every row
    from the orders (``services.fact_refresh``).
    """

    order = models.OneToOneField("order.Order", on_delete=models.CASCADE, primary_key=True,
                                 related_name="suz_fact", verbose_name=_("order"))
    placed_at = models.DateTimeField(_("placed at"), db_index=True)
    locals().update({f"{touch}_{name}": models.CharField(verbose, max_length=FIELD_LENGTHS[name], blank=True)
                     for touch in ("first", "last") for name, verbose in (
                         ("channel", _("channel")), ("source", _("source")), ("campaign", _("campaign")),
                         ("term", _("term")), ("landing", _("landing page")))})
    region = models.ForeignKey("suz_dealers.Region", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", db_constraint=False, verbose_name=_("region"))
    city = models.ForeignKey("suz_dealers.City", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", db_constraint=False, verbose_name=_("city"))
    dealer = models.ForeignKey("suz_dealers.Dealer", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", db_constraint=False, verbose_name=_("dealer"))
    stage = models.CharField(_("stage that found the dealer"), max_length=64, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    contacted_at = models.DateTimeField(_("first contact at"), null=True, blank=True)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Each step's duration bucket (``rollups.BUCKETS``; -1: reached while the step before it was not), written
    # with the times: a funnel the roll-up does not answer (a channel, source or campaign filter) counts them.
    claimed_bucket = models.SmallIntegerField(_("to claim: duration bucket"), null=True, blank=True)
    contacted_bucket = models.SmallIntegerField(_("to first contact: duration bucket"), null=True, blank=True)
    processed_bucket = models.SmallIntegerField(_("to processed: duration bucket"), null=True, blank=True)
    closed_bucket = models.SmallIntegerField(_("to closed: duration bucket"), null=True, blank=True)
    outcome = models.CharField(_("closed as"), max_length=16, blank=True)
    close_reason = models.ForeignKey("suz_dispatch.FailureReason", on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="+", db_constraint=False,
                                     verbose_name=_("reason"))
    fault = models.CharField(_("fault"), max_length=16, blank=True)
    earned = models.DecimalField(_("earned"), max_digits=16, decimal_places=2, default=0)
    updated_at = models.DateTimeField(_("updated at"), db_index=True)

    class Meta:
        abstract = True
        app_label = "suz_analytics"
        # A campaign filter finds about one fact in a hundred: by its index (a channel or source holds a large
        # share of the facts, read in one pass; a place filter has the region, city and dealer keys').
        indexes = [
            models.Index(fields=["last_campaign", "placed_at"], name="suz_fact_last_campaign"),
            models.Index(fields=["first_campaign", "placed_at"], name="suz_fact_first_campaign"),
        ]
        verbose_name = _("order fact")
        verbose_name_plural = _("order facts")

    def __str__(self):
        return f"{self.order_id}: {self.outcome or '-'}"


class AbstractHourlySales(SalesRow):
    """The sales by hour of the day: per month (its first day, the site's time zone), hour, credited touch,
    channel, source and campaign, the orders placed and what became of them (``rollups``)."""

    month = models.DateField(_("month"))
    hour = models.PositiveSmallIntegerField(_("hour"))
    campaign = models.CharField(_("campaign"), max_length=FIELD_LENGTHS["campaign"], blank=True)

    class Meta:
        abstract = True
        app_label = "suz_analytics"
        indexes = [models.Index(fields=["touch", "month"], name="suz_hourly_sales_month")]
        verbose_name = _("sales by hour")
        verbose_name_plural = _("sales by hour")


class AbstractMonthlyKeySales(SalesRow):
    """The sales by search term and by landing page: per month, credited touch, channel, source, ``grouping``
    («term» or «landing») and its value, the orders placed and what became of them (``rollups``)."""

    month = models.DateField(_("month"))
    grouping = models.CharField(_("rows"), max_length=8)
    value = models.CharField(_("value"), max_length=max(FIELD_LENGTHS["term"], FIELD_LENGTHS["landing"]),
                             blank=True)

    class Meta:
        abstract = True
        app_label = "suz_analytics"
        indexes = [models.Index(fields=["grouping", "touch", "month"], name="suz_key_sales_month")]
        verbose_name = _("sales by term and landing page")
        verbose_name_plural = _("sales by term and landing page")


class AbstractMonthlyOutcomes(models.Model):
    """The refusals report's roll-up: per month, the orders placed and how the refused ones closed (outcome,
    fault, reason; ``outcome`` empty: every order that was not refused), by one family of dimensions —
    ``kind`` «last» or «first»: the credited touch's channel, source and campaign; «place»: region and dealer."""

    month = models.DateField(_("month"))
    kind = models.CharField(_("dimensions"), max_length=8)
    channel = models.CharField(_("channel"), max_length=FIELD_LENGTHS["channel"], blank=True)
    source = models.CharField(_("source"), max_length=FIELD_LENGTHS["source"], blank=True)
    campaign = models.CharField(_("campaign"), max_length=FIELD_LENGTHS["campaign"], blank=True)
    region = models.ForeignKey("suz_dealers.Region", on_delete=models.DO_NOTHING, null=True, blank=True,
                               related_name="+", db_constraint=False, verbose_name=_("region"))
    dealer = models.ForeignKey("suz_dealers.Dealer", on_delete=models.DO_NOTHING, null=True, blank=True,
                               related_name="+", db_constraint=False, verbose_name=_("dealer"))
    outcome = models.CharField(_("closed as"), max_length=16, blank=True)
    fault = models.CharField(_("fault"), max_length=16, blank=True)
    reason = models.ForeignKey("suz_dispatch.FailureReason", on_delete=models.DO_NOTHING, null=True, blank=True,
                               related_name="+", db_constraint=False, verbose_name=_("reason"))
    count = models.PositiveIntegerField(_("orders"), default=0)

    class Meta:
        abstract = True
        app_label = "suz_analytics"
        indexes = [models.Index(fields=["kind", "month"], name="suz_monthly_outcomes_month")]
        verbose_name = _("monthly outcomes")
        verbose_name_plural = _("monthly outcomes")


class AbstractFunnelHistogram(models.Model):
    """The funnel's roll-up: per month and row of the report (``grouping`` «region», «dealer» or «stage», and its
    region, dealer or stage — «-» for orders no dealer claimed), how many orders took how long over each step
    (``bucket``: the index of a fixed duration bucket, ``rollups.BUCKETS``; -1: the step was reached but the one
    before it was not), and the orders (``step`` empty)."""

    month = models.DateField(_("month"))
    grouping = models.CharField(_("rows"), max_length=8)
    region = models.ForeignKey("suz_dealers.Region", on_delete=models.DO_NOTHING, null=True, blank=True,
                               related_name="+", db_constraint=False, verbose_name=_("region"))
    dealer = models.ForeignKey("suz_dealers.Dealer", on_delete=models.DO_NOTHING, null=True, blank=True,
                               related_name="+", db_constraint=False, verbose_name=_("dealer"))
    stage = models.CharField(_("stage that found the dealer"), max_length=64, blank=True)
    step = models.CharField(_("step"), max_length=16, blank=True)
    bucket = models.SmallIntegerField(_("duration bucket"), default=0)
    count = models.PositiveIntegerField(_("orders"), default=0)

    class Meta:
        abstract = True
        app_label = "suz_analytics"
        indexes = [models.Index(fields=["grouping", "month"], name="suz_funnel_histogram_month")]
        verbose_name = _("funnel histogram")
        verbose_name_plural = _("funnel histograms")


class AbstractRollupState(models.Model):
    """One row: the roll-ups hold every order fact written before ``clean_before``; the days of facts written
    since are read from the facts until the next refresh (``rollups.dirty_days``). None: no roll-up yet."""

    clean_before = models.DateTimeField(_("roll-ups current for facts written before"), null=True, blank=True)

    class Meta:
        abstract = True
        app_label = "suz_analytics"
        verbose_name = _("roll-up state")
        verbose_name_plural = _("roll-up state")
