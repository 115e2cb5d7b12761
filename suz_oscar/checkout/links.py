"""The customer's link to an order: signed, unguessable, no login; it expires and can be revoked.

A link carries the order's number in its path and a token: the order's current nonce signed with a timestamp
(``core.tokens``; the number in the salt, so a token opens no other order). Every
link written — in a message, on the thank-you page — works for ``SUZ_ORDER_LINK_DAYS`` from then. Revoking
draws a new nonce: every link sent before stops working, and a fresh one goes to the customer's channels.
"""

from __future__ import annotations

from django.urls import reverse
from oscar.core.loading import get_model

from suz_oscar.core import tokens
from suz_oscar.core.conf import suz_settings
from suz_oscar.core.tokens import new_nonce  # noqa: F401 -- the nonce's default (migration 0003 names it here)

SALT = "suz-order-link:{}"


class LinkProblem:
    FORGED = tokens.FORGED
    EXPIRED = tokens.EXPIRED
    REVOKED = "revoked"


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
    token = tokens.sign(_nonce(order) if nonce is None else nonce, salt=SALT.format(order.number))
    if nonce is None:
        order._suz_link_token = token
    return token


def token_problem(order, token: str) -> str | None:
    """``None`` when ``token`` opens ``order`` now, else why not (a ``LinkProblem``)."""
    nonce, problem = tokens.unsign(token, salt=SALT.format(order.number), days=suz_settings.SUZ_ORDER_LINK_DAYS)
    if problem is None and not tokens.same_nonce(nonce, _nonce(order)):
        return LinkProblem.REVOKED
    return problem


def order_status_path(order) -> str:
    """The page where the customer follows ``order``: the account's for a registered customer, else the
    signed link's."""
    if order.user_id is not None:
        return reverse("customer:order", kwargs={"order_number": order.number})
    return reverse("suz-order-status", kwargs={"number": order.number, "hash": order_token(order)})

