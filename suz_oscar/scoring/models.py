from oscar.core.loading import is_model_registered

from .abstract_models import AbstractOrderPoints, AbstractPointsEntry, AbstractScoringRules

__all__ = []

if not is_model_registered("suz_scoring", "ScoringRules"):

    class ScoringRules(AbstractScoringRules):
        pass

    __all__.append("ScoringRules")

if not is_model_registered("suz_scoring", "PointsEntry"):

    class PointsEntry(AbstractPointsEntry):
        pass

    __all__.append("PointsEntry")

if not is_model_registered("suz_scoring", "OrderPoints"):

    class OrderPoints(AbstractOrderPoints):
        pass

    __all__.append("OrderPoints")
