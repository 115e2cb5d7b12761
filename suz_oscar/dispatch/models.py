from oscar.core.loading import is_model_registered

from .abstract_models import (
    AbstractChangeRequest,
    AbstractDeclineReason,
    AbstractDispatch,
    AbstractFailureReason,
    AbstractPriorityQuota,
    AbstractQuotaUse,
    AbstractStage,
    AbstractStatusChange,
    AbstractStrategyConfig,
    AbstractVisibility,
)

__all__ = []

if not is_model_registered("suz_dispatch", "Dispatch"):

    class Dispatch(AbstractDispatch):
        pass

    __all__.append("Dispatch")

if not is_model_registered("suz_dispatch", "Stage"):

    class Stage(AbstractStage):
        pass

    __all__.append("Stage")

if not is_model_registered("suz_dispatch", "Visibility"):

    class Visibility(AbstractVisibility):
        pass

    __all__.append("Visibility")

if not is_model_registered("suz_dispatch", "DeclineReason"):

    class DeclineReason(AbstractDeclineReason):
        pass

    __all__.append("DeclineReason")

if not is_model_registered("suz_dispatch", "FailureReason"):

    class FailureReason(AbstractFailureReason):
        pass

    __all__.append("FailureReason")

if not is_model_registered("suz_dispatch", "StatusChange"):

    class StatusChange(AbstractStatusChange):
        pass

    __all__.append("StatusChange")

if not is_model_registered("suz_dispatch", "StrategyConfig"):

    class StrategyConfig(AbstractStrategyConfig):
        pass

    __all__.append("StrategyConfig")

if not is_model_registered("suz_dispatch", "PriorityQuota"):

    class PriorityQuota(AbstractPriorityQuota):
        pass

    __all__.append("PriorityQuota")

if not is_model_registered("suz_dispatch", "QuotaUse"):

    class QuotaUse(AbstractQuotaUse):
        pass

    __all__.append("QuotaUse")

if not is_model_registered("suz_dispatch", "ChangeRequest"):

    class ChangeRequest(AbstractChangeRequest):
        pass

    __all__.append("ChangeRequest")
