from oscar.core.loading import is_model_registered

from .abstract_models import (
    AbstractAdSpend,
    AbstractAttribution,
    AbstractDailySales,
    AbstractFunnelHistogram,
    AbstractHourlySales,
    AbstractMonthlyKeySales,
    AbstractMonthlyOutcomes,
    AbstractOrderFact,
    AbstractRollupState,
)

__all__ = []

if not is_model_registered("suz_analytics", "Attribution"):

    class Attribution(AbstractAttribution):
        pass

    __all__.append("Attribution")

if not is_model_registered("suz_analytics", "AdSpend"):

    class AdSpend(AbstractAdSpend):
        pass

    __all__.append("AdSpend")

if not is_model_registered("suz_analytics", "DailySales"):

    class DailySales(AbstractDailySales):
        pass

    __all__.append("DailySales")

if not is_model_registered("suz_analytics", "OrderFact"):

    class OrderFact(AbstractOrderFact):
        pass

    __all__.append("OrderFact")

if not is_model_registered("suz_analytics", "HourlySales"):

    class HourlySales(AbstractHourlySales):
        pass

    __all__.append("HourlySales")

if not is_model_registered("suz_analytics", "MonthlyOutcomes"):

    class MonthlyOutcomes(AbstractMonthlyOutcomes):
        pass

    __all__.append("MonthlyOutcomes")

if not is_model_registered("suz_analytics", "FunnelHistogram"):

    class FunnelHistogram(AbstractFunnelHistogram):
        pass

    __all__.append("FunnelHistogram")

if not is_model_registered("suz_analytics", "RollupState"):

    class RollupState(AbstractRollupState):
        pass

    __all__.append("RollupState")

if not is_model_registered("suz_analytics", "MonthlyKeySales"):

    class MonthlyKeySales(AbstractMonthlyKeySales):
        pass

    __all__.append("MonthlyKeySales")
