"""Which dispatch strategies run, in what order, with which options.

``SUZ_DISPATCH_STRATEGIES`` lists the strategies the site offers, with their
starting options. Once the manufacturer saves the strategy screen, its rows
(``StrategyConfig``) decide order, on/off and options, with no deploy; a
strategy added to the setting later joins at the end. The resolved list is
cached under the storefront's cache version, so a plan reads no config rows.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from oscar.core.loading import get_model

from suz_oscar.core.cache import bump, cached
from suz_oscar.core.conf import suz_settings

from .strategies import import_strategy

StrategyConfig = get_model("suz_dispatch", "StrategyConfig")


@dataclass
class ConfiguredStrategy:
    path: str
    options: dict
    enabled: bool
    pk: int | None = None

    @property
    def cls(self):
        return import_strategy(self.path)

    def build(self):
        return self.cls(**self.options)


def offered():
    """``{path: (options, enabled)}`` of the setting, in its order."""
    return {entry["CLASS"]: (entry.get("OPTIONS", {}), entry.get("ENABLED", True))
            for entry in suz_settings.SUZ_DISPATCH_STRATEGIES}


def configured():
    """The strategy chain in order, enabled or not: the saved rows over the setting."""
    setting = offered()
    rows = {row.path: row for row in StrategyConfig.objects.all()}
    chain = [ConfiguredStrategy(row.path, row.options, row.is_enabled, row.pk)
             for row in sorted(rows.values(), key=lambda r: (r.position, r.pk)) if row.path in setting]
    chain += [ConfiguredStrategy(path, dict(options), enabled)
              for path, (options, enabled) in setting.items() if path not in rows]
    return chain


def load_strategies():
    """Instances of the enabled strategies, in order (what a dispatch plan runs)."""
    chain = cached("dispatch-strategies", lambda: [(c.path, c.options) for c in configured() if c.enabled])
    return [import_strategy(path)(**options) for path, options in chain]


@transaction.atomic
def materialize():
    """Write a row for every offered strategy, so the screen's changes have something to change."""
    chain = configured()
    missing = [c for c in chain if c.pk is None]
    if missing:
        start = (StrategyConfig.objects.aggregate(m=Max("position"))["m"] or 0) + 1
        StrategyConfig.objects.bulk_create([
            StrategyConfig(path=c.path, options=c.options, is_enabled=c.enabled, position=start + i)
            for i, c in enumerate(missing)
        ])
        bump()
    return list(StrategyConfig.objects.filter(path__in=[c.path for c in chain]).order_by("position", "pk"))


@transaction.atomic
def move(path, step):
    """Move a strategy up (``step`` -1) or down (+1) the chain."""
    rows = materialize()
    index = next(i for i, row in enumerate(rows) if row.path == path)
    other = index + step
    if 0 <= other < len(rows):
        rows[index], rows[other] = rows[other], rows[index]
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position
            row.save(update_fields=["position"])


@transaction.atomic
def update(path, *, enabled=None, options=None):
    row = next(row for row in materialize() if row.path == path)
    if enabled is not None:
        row.is_enabled = enabled
    if options is not None:
        row.options = options
    row.save()
    return row
