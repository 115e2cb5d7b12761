"""Signed one-use links of surveys: no login, they expire, and sending the survey again replaces them."""

from __future__ import annotations

import secrets

from django.core import signing
from oscar.core.loading import get_model

from suz_oscar.core.conf import suz_settings

SALT = "suz-feedback-survey"
Survey = get_model("suz_feedback", "Survey")


class LinkProblem:
    FORGED = "forged"
    EXPIRED = "expired"
    REPLACED = "replaced"
    USED = "used"


def new_nonce() -> str:
    return secrets.token_urlsafe(12)


def survey_token(survey) -> str:
    return signing.dumps([survey.pk, survey.nonce], salt=SALT, compress=False)


def survey_from_token(token: str):
    """``(survey, None)`` for a live link, else ``(survey or None, LinkProblem.…)``: nothing about the order
    is revealed by a link that is not live."""
    max_age = suz_settings.SUZ_SURVEY_LINK_DAYS * 24 * 3600
    try:
        pk, nonce = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        return None, LinkProblem.EXPIRED
    except (signing.BadSignature, ValueError, TypeError):
        return None, LinkProblem.FORGED
    survey = Survey.objects.select_related("dispatch__order", "dealer__partner").filter(pk=pk).first()
    if survey is None:
        return None, LinkProblem.FORGED
    if not secrets.compare_digest(str(nonce), survey.nonce):
        return survey, LinkProblem.REPLACED
    if survey.answered_at is not None:
        return survey, LinkProblem.USED
    return survey, None
