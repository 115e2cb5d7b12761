"""The customer's link to an order: signed, unguessable, no login; it expires and can be revoked.

A link carries the order's number in its path and a token: the order's current nonce signed with a timestamp
(``django.core.signing`` under ``SECRET_KEY``, the number in the salt, so a token opens no other order). Every
link written — in a message, on the thank-you page — works for ``SUZ_ORDER_LINK_DAYS`` from then. Revoking
draws a new nonce: every link sent before stops working, and a fresh one goes to the customer's channels.
"""

from __future__ import annotations

import secrets

from django.core import signing
from django.urls import reverse
from oscar.core.loading import get_model

from suz_oscar.core.conf import suz_settings

SALT = "suz-order-link:{}"


class LinkProblem:
    FORGED = "forged"
    EXPIRED = "expired"
    REVOKED = "revoked"


def new_nonce() -> str:
    return secrets.token_urlsafe(12)


def _nonce(order) -> str:
    if type(order).suz_place.is_cached(order):  # loaded with the order (``select_related("suz_place")``)
        place = getattr(order, "suz_place", None)
    else:
        place = get_model("suz_checkout", "OrderPlace").objects.filter(order=order).only("link_nonce").first()
    return place.link_nonce if place is not None else ""


def order_token(order, nonce: str | None = None) -> str:
    """A token for ``order`` with its current nonce (or ``nonce``); one per order instance, so a page linking
    the order from several places asks the database once."""
    if nonce is None and getattr(order, "_suz_link_token", None):
        return order._suz_link_token
    token = signing.dumps(_nonce(order) if nonce is None else nonce, salt=SALT.format(order.number), compress=False)
    if nonce is None:
        order._suz_link_token = token
    return token


def token_problem(order, token: str) -> str | None:
    """``None`` when ``token`` opens ``order`` now, else why not (a ``LinkProblem``)."""
    max_age = suz_settings.SUZ_ORDER_LINK_DAYS * 24 * 3600
    try:
        nonce = signing.loads(token, salt=SALT.format(order.number), max_age=max_age)
    except signing.SignatureExpired:
        return LinkProblem.EXPIRED
    except (signing.BadSignature, ValueError, TypeError, UnicodeDecodeError):
        return LinkProblem.FORGED
    if not isinstance(nonce, str) or not secrets.compare_digest(nonce, _nonce(order)):
        return LinkProblem.REVOKED
    return None


def order_status_path(order) -> str:
    """The page where the customer follows ``order``: the account's for a registered customer, else the
    signed link's."""
    if order.user_id is not None:
        return reverse("customer:order", kwargs={"order_number": order.number})
    return reverse("suz-order-status", kwargs={"number": order.number, "hash": order_token(order)})

