from oscar.core.loading import is_model_registered

from .abstract_models import AbstractParticipation, AbstractPromotion

__all__ = []

if not is_model_registered("suz_promotions", "Promotion"):

    class Promotion(AbstractPromotion):
        pass

    __all__.append("Promotion")

if not is_model_registered("suz_promotions", "Participation"):

    class Participation(AbstractParticipation):
        pass

    __all__.append("Participation")
