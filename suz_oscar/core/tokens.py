"""The signed tokens of the customer's links (an order's page, a survey): no login, they expire, and can be
cancelled.

A token is a value signed with a timestamp (``django.core.signing`` under ``SECRET_KEY``; the salt names what it
opens). The value carries a random nonce that the link's row keeps: drawing a new nonce cancels every link sent
before it.
"""

from __future__ import annotations

import secrets

from django.core import signing

FORGED = "forged"
EXPIRED = "expired"


def new_nonce() -> str:
    return secrets.token_urlsafe(12)


def same_nonce(given, kept: str) -> bool:
    """Whether the nonce a token carried is the one kept now (compared in constant time)."""
    return isinstance(given, str) and secrets.compare_digest(given, kept)


def sign(value, *, salt: str) -> str:
    return signing.dumps(value, salt=salt, compress=False)


def unsign(token: str, *, salt: str, days: int):
    """``(value, None)`` for a token signed with ``salt`` less than ``days`` ago, else ``(None, FORGED|EXPIRED)``."""
    try:
        return signing.loads(token, salt=salt, max_age=days * 24 * 3600), None
    except signing.SignatureExpired:
        return None, EXPIRED
    except (signing.BadSignature, ValueError, TypeError, UnicodeDecodeError):
        return None, FORGED
