from oscar.core.loading import is_model_registered

from .abstract_models import AbstractAdSpend, AbstractAttribution, AbstractDailySales, AbstractOrderFact

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
