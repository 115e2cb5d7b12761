from oscar.core.loading import is_model_registered

from .abstract_models import AbstractOrderPlace

__all__ = []

if not is_model_registered("suz_checkout", "OrderPlace"):

    class OrderPlace(AbstractOrderPlace):
        pass

    __all__.append("OrderPlace")
