from oscar.core.loading import is_model_registered

from .abstract_models import (
    AbstractComplaint,
    AbstractComplaintMessage,
    AbstractEarned,
    AbstractReview,
    AbstractSurvey,
    AbstractSurveyAnswer,
    AbstractSurveyQuestion,
)

__all__ = []

if not is_model_registered("suz_feedback", "SurveyQuestion"):

    class SurveyQuestion(AbstractSurveyQuestion):
        pass

    __all__.append("SurveyQuestion")

if not is_model_registered("suz_feedback", "Survey"):

    class Survey(AbstractSurvey):
        pass

    __all__.append("Survey")

if not is_model_registered("suz_feedback", "SurveyAnswer"):

    class SurveyAnswer(AbstractSurveyAnswer):
        pass

    __all__.append("SurveyAnswer")

if not is_model_registered("suz_feedback", "Complaint"):

    class Complaint(AbstractComplaint):
        pass

    __all__.append("Complaint")

if not is_model_registered("suz_feedback", "ComplaintMessage"):

    class ComplaintMessage(AbstractComplaintMessage):
        pass

    __all__.append("ComplaintMessage")

if not is_model_registered("suz_feedback", "Review"):

    class Review(AbstractReview):
        pass

    __all__.append("Review")

if not is_model_registered("suz_feedback", "Earned"):

    class Earned(AbstractEarned):
        pass

    __all__.append("Earned")
