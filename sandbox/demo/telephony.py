"""The demo's phone lines: every demo login can press «Позвонить» (the console backend plays the call out)."""

from django.contrib.auth import get_user_model

from suz_oscar.telephony.services import line_save

LINES = {"admin@example.com": "100", "dealer1@example.com": "101", "dealer2@example.com": "102"}


def ensure_phone_lines():
    """Give the demo logins a PBX extension. Idempotent."""
    for user in get_user_model().objects.filter(email__in=LINES):
        line_save(user=user, extension=LINES[user.email])
