from oscar.core.loading import is_model_registered

from .abstract_models import AbstractAdSpend, AbstractAttribution, AbstractDailySales

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
