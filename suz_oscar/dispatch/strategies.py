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

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from suz_oscar.conf import suz_settings


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
    """Base class. ``key`` names the strategy in stages and settings; options come as keyword arguments."""

    key = ""
    title = ""

    def __init__(self, **options):
        self.options = options

    def stage(self, context, cursor):
        raise NotImplementedError


class RatingStrategy(DispatchStrategy):
    """The best-rated eligible dealers (``top`` of them, or ``top_percent``) see the order first, for ``minutes``."""

    key = "rating"
    title = _("Rating")

    def stage(self, context, cursor):
        dealers = context.eligible
        if "top_percent" in self.options:
            count = math.ceil(len(dealers) * self.options["top_percent"] / 100)
        else:
            count = self.options.get("top", 3)
        chosen = dealers[:count]
        if not chosen:
            return None
        return StageSpec(chosen, cursor, cursor + self.options.get("minutes", 5))


class BasicStrategy(DispatchStrategy):
    """Every eligible dealer of the region, ``delay`` minutes after placement (not before the previous stage ends)."""

    key = "basic"
    title = _("Basic")

    def stage(self, context, cursor):
        if not context.eligible:
            return None
        opens = max(cursor, self.options.get("delay", 15))
        return StageSpec(list(context.eligible), opens, opens)


class FallbackStrategy(DispatchStrategy):
    """Every registered dealer, ``delay`` minutes after the previous stage."""

    key = "fallback"
    title = _("Fallback")

    def stage(self, context, cursor):
        opens = cursor + self.options.get("delay", 60)
        return StageSpec([], opens, opens, everyone=True)


class InvalidStrategy(ImproperlyConfigured):
    pass


def load_strategies():
    strategies = []
    for entry in suz_settings.SUZ_DISPATCH_STRATEGIES:
        try:
            cls = import_string(entry["CLASS"])
        except (ImportError, KeyError) as exc:
            raise InvalidStrategy(f"Bad SUZ_DISPATCH_STRATEGIES entry {entry!r}: {exc}") from exc
        if entry.get("ENABLED", True):
            strategies.append(cls(**entry.get("OPTIONS", {})))
    return strategies
