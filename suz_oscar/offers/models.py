from oscar.core.loading import is_model_registered

from .abstract_models import AbstractRecommendedPrice

__all__ = []

if not is_model_registered("suz_offers", "RecommendedPrice"):

    class RecommendedPrice(AbstractRecommendedPrice):
        pass

    __all__.append("RecommendedPrice")
