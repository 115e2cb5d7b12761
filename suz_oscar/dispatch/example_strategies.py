"""An example of a strategy written outside the core: a starting point for your own.

Add it to ``SUZ_DISPATCH_STRATEGIES`` (dotted path and options) and it appears
on the manufacturer's strategy screen, with a settings form built from
``option_fields``.
"""

import statistics
from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import selectors
from .strategies import DispatchStrategy, StageSpec


class FastestRespondersStrategy(DispatchStrategy):
    """The eligible dealers that claim orders fastest (median over the last ``days``) see the order first."""

    key = "fastest"
    title = _("Fastest responders")
    description = _("The dealers that took orders fastest over the last days (median time to claim) see the "
                    "order first, for the given time. Dealers with no claims in that time wait for later stages.")
    defaults = {"top": 3, "minutes": 5, "days": 30}

    @classmethod
    def option_fields(cls):
        return {
            "top": forms.IntegerField(label=_("How many dealers"), min_value=1, initial=cls.defaults["top"]),
            "minutes": forms.IntegerField(label=_("For how many minutes"), min_value=0, max_value=7 * 24 * 60,
                                          initial=cls.defaults["minutes"]),
            "days": forms.IntegerField(label=_("Over how many days"), min_value=1, max_value=365,
                                       initial=cls.defaults["days"]),
        }

    def summary(self):
        minutes = self.options["minutes"]
        return ngettext("the fastest dealers (%(top)s) for %(minutes)s minute",
                        "the fastest dealers (%(top)s) for %(minutes)s minutes", minutes) % {
            "top": self.options["top"], "minutes": minutes}

    def stage(self, context, cursor):
        now = getattr(context, "now", None) or timezone.now()
        delays = selectors.claim_delays([d.pk for d in context.eligible], now - timedelta(days=self.options["days"]))
        medians = {pk: statistics.median(values) for pk, values in delays.items()}
        ranked = sorted((d for d in context.eligible if d.pk in medians), key=lambda d: medians[d.pk])
        chosen = ranked[:self.options["top"]]
        if not chosen:
            return None
        return StageSpec(chosen, cursor, cursor + self.options["minutes"])
