"""Dispatch strategies: each turns the eligible dealers into one stage of the plan.

A strategy gets the dealers eligible for the order (best first: rating, then the
manufacturer's priority) and the plan's cursor — minutes after placement where
the previous stage ends — and returns a ``StageSpec`` or ``None``. Strategies run
in the order of ``SUZ_DISPATCH_STRATEGIES``; a dealer already in an earlier stage
keeps its earlier opening. Write your own by subclassing ``DispatchStrategy``.
"""

import math
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


@dataclass
class StageSpec:
    dealers: list
    opens_after: float  # minutes after placement
    cursor: float  # where the next strategy starts
    # Every active dealer taking site orders, then and later: ``dealers`` stays empty and no per-dealer
    # rows are stored (a thousand of them per order made the plan slow); the dispatch records the opening.
    everyone: bool = False


@dataclass
class PlanContext:
    order: object
    eligible: list  # ranked, best first
    now: object = None  # the placement time the plan is computed for

    @cached_property
    def network(self):
        """Every active dealer taking site orders, read only when a strategy asks for it."""
        from . import selectors

        return selectors.network()


class DispatchStrategy:
    """Base class of a dispatch strategy.

    ``key`` names the strategy in stages; ``title`` and ``description`` show on the
    manufacturer's strategy screen. Options arrive as keyword arguments (from
    ``SUZ_DISPATCH_STRATEGIES`` or the screen) over ``defaults``; ``option_fields``
    returns the form fields that edit them, so a new strategy gets its settings
    form for free. ``stage`` builds the stage; ``stored`` runs once the plan is
    written, in its transaction (e.g. to record quota use).
    """

    key = ""
    title = ""
    description = ""
    defaults = {}

    def __init__(self, **options):
        self.options = {**self.defaults, **options}

    @classmethod
    def option_fields(cls):
        return {}

    @classmethod
    def clean_options(cls, options):
        """Check the options together; raise ``ValidationError`` or return them."""
        return options

    def summary(self):
        """One line for the strategy screen: what the options mean."""
        return ""

    def stage(self, context, cursor):
        raise NotImplementedError

    def stored(self, dispatch, stage, audience, now):
        pass


def _minutes_field(label, initial):
    """Minutes from 0 to a week (the initial value is the strategy's default)."""
    return forms.IntegerField(label=label, min_value=0, max_value=7 * 24 * 60, initial=initial)


def _top(dealers, options):
    if options.get("top_percent"):
        return dealers[:math.ceil(len(dealers) * options["top_percent"] / 100)]
    return dealers[:options.get("top") or 0]


class RatingStrategy(DispatchStrategy):
    """The best-rated eligible dealers (``top`` of them, or ``top_percent``) see the order first, for ``minutes``."""

    key = "rating"
    title = _("Rating")
    description = _("The dealers with the most points see the order first, alone, for the given time.")
    defaults = {"top": 3, "minutes": 5}

    @classmethod
    def option_fields(cls):
        return {
            "top": forms.IntegerField(label=_("How many dealers"), min_value=1, required=False),
            "top_percent": forms.IntegerField(label=_("Or what share of the eligible dealers, %"), min_value=1,
                                              max_value=100, required=False),
            "minutes": _minutes_field(_("For how many minutes"), cls.defaults["minutes"]),
        }

    @classmethod
    def clean_options(cls, options):
        if not options.get("top") and not options.get("top_percent"):
            raise ValidationError(_("Give a number of dealers or a share of them."))
        if options.get("top") and options.get("top_percent"):
            raise ValidationError(_("Give a number of dealers or a share of them, not both."))
        return options

    def summary(self):
        minutes = self.options["minutes"]
        if self.options.get("top_percent"):
            return ngettext("top %(share)s%% of the dealers for %(minutes)s minute",
                            "top %(share)s%% of the dealers for %(minutes)s minutes", minutes) % {
                "share": self.options["top_percent"], "minutes": minutes}
        return ngettext("top %(top)s by rating for %(minutes)s minute",
                        "top %(top)s by rating for %(minutes)s minutes", minutes) % {
            "top": self.options.get("top"), "minutes": minutes}

    def stage(self, context, cursor):
        chosen = _top(context.eligible, self.options)
        if not chosen:
            return None
        return StageSpec(chosen, cursor, cursor + self.options["minutes"])


class BasicStrategy(DispatchStrategy):
    """Every eligible dealer of the region, ``delay`` minutes after placement (not before the previous stage ends)."""

    key = "basic"
    title = _("Basic")
    description = _("Every eligible dealer of the region sees the order once the delay after placement has passed.")
    defaults = {"delay": 15}

    @classmethod
    def option_fields(cls):
        return {"delay": _minutes_field(_("Delay after placement, minutes"), cls.defaults["delay"])}

    def summary(self):
        delay = self.options["delay"]
        return ngettext("all dealers of the region after %(delay)s minute",
                        "all dealers of the region after %(delay)s minutes", delay) % {"delay": delay}

    def stage(self, context, cursor):
        if not context.eligible:
            return None
        opens = max(cursor, self.options["delay"])
        return StageSpec(list(context.eligible), opens, opens)


class BasicPlusStrategy(DispatchStrategy):
    """The manufacturer's priority dealers see the order first, each up to its quota per period (see ``quotas``)."""

    key = "basic_plus"
    title = _("Basic+")
    description = _("The manufacturer's priority dealers see the order first, each up to its quota of orders per "
                    "day, week or month; the dealer furthest below its quota goes first.")
    defaults = {"dealers": 1, "minutes": 15}

    @classmethod
    def option_fields(cls):
        return {
            "dealers": forms.IntegerField(
                label=_("Priority dealers per order"), min_value=0, initial=cls.defaults["dealers"],
                help_text=_("0: every priority dealer under its quota."),
            ),
            "minutes": _minutes_field(_("For how many minutes"), cls.defaults["minutes"]),
        }

    def summary(self):
        minutes = self.options["minutes"]
        return ngettext("priority dealers within quota for %(minutes)s minute",
                        "priority dealers within quota for %(minutes)s minutes", minutes) % {"minutes": minutes}

    def stage(self, context, cursor):
        from . import quotas

        now = getattr(context, "now", None) or timezone.now()
        chosen = quotas.choose(context.eligible, context.order.suz_place.region_id, now, self.options.get("dealers"))
        if not chosen:
            return None
        return StageSpec(chosen, cursor, cursor + self.options["minutes"])

    def stored(self, dispatch, stage, audience, now):
        from . import quotas

        quotas.record(dispatch, audience, dispatch.order.suz_place.region_id, now)


class FallbackStrategy(DispatchStrategy):
    """Every registered dealer, ``delay`` minutes after the previous stage."""

    key = "fallback"
    title = _("Fallback")
    description = _("Every dealer of the network, wherever it is, once the delay after the previous stage has passed.")
    defaults = {"delay": 60}

    @classmethod
    def option_fields(cls):
        return {"delay": _minutes_field(_("Delay after the previous stage, minutes"), cls.defaults["delay"])}

    def summary(self):
        delay = self.options["delay"]
        return ngettext("every dealer of the network %(delay)s minute later",
                        "every dealer of the network %(delay)s minutes later", delay) % {"delay": delay}

    def stage(self, context, cursor):
        opens = cursor + self.options["delay"]
        return StageSpec([], opens, opens, everyone=True)


class InvalidStrategy(ImproperlyConfigured):
    pass


def import_strategy(path):
    try:
        cls = import_string(path)
    except ImportError as exc:
        raise InvalidStrategy(f"Bad dispatch strategy {path!r}: {exc}") from exc
    if not (isinstance(cls, type) and issubclass(cls, DispatchStrategy)):
        raise InvalidStrategy(f"{path!r} is not a DispatchStrategy")
    return cls
