from oscar.core.loading import is_model_registered

from .abstract_models import (
    AbstractDealerProduct,
    AbstractOfferImport,
    AbstractRecommendedPrice,
    AbstractRecommendedPriceImport,
)

__all__ = []

if not is_model_registered("suz_offers", "RecommendedPrice"):

    class RecommendedPrice(AbstractRecommendedPrice):
        pass

    __all__.append("RecommendedPrice")

if not is_model_registered("suz_offers", "OfferImport"):

    class OfferImport(AbstractOfferImport):
        pass

    __all__.append("OfferImport")

if not is_model_registered("suz_offers", "DealerProduct"):

    class DealerProduct(AbstractDealerProduct):
        pass

    __all__.append("DealerProduct")

if not is_model_registered("suz_offers", "RecommendedPriceImport"):

    class RecommendedPriceImport(AbstractRecommendedPriceImport):
        pass

    __all__.append("RecommendedPriceImport")
