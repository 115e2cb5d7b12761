from oscar.core.loading import is_model_registered

from .abstract_models import AbstractCall, AbstractCallEvent, AbstractLine

__all__ = []

if not is_model_registered("suz_telephony", "Line"):

    class Line(AbstractLine):
        pass

    __all__.append("Line")

if not is_model_registered("suz_telephony", "Call"):

    class Call(AbstractCall):
        pass

    __all__.append("Call")

if not is_model_registered("suz_telephony", "CallEvent"):

    class CallEvent(AbstractCallEvent):
        pass

    __all__.append("CallEvent")
