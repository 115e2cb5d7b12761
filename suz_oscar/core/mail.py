"""Plain-text emails rendered from a pair of templates, in the notification language.

``<base>_subject.txt`` and ``<base>_body.txt`` (e.g. ``suz/dispatch/emails/sla``). The subject is
folded onto one line: a dealer's name with a line break must not break a mail header. Every email of
django-suz goes through here (until the notifications outbox takes them over).
"""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from .conf import suz_settings


def site_url() -> str:
    """The site's address for links in messages sent outside a request: Oscar's ``OSCAR_URL_SCHEMA`` (``http``
    by default, as the demo serves; ``https`` in production) and the current Site's domain."""
    from django.conf import settings
    from django.contrib.sites.models import Site

    return f"{getattr(settings, 'OSCAR_URL_SCHEMA', 'http')}://{Site.objects.get_current().domain}"


def render_email(base: str, context: dict) -> tuple[str, str]:
    """``(subject, body)`` of the template pair ``base`` in ``SUZ_NOTIFICATION_LANGUAGE``."""
    with translation.override(suz_settings.SUZ_NOTIFICATION_LANGUAGE):
        subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
        body = render_to_string(f"{base}_body.txt", context)
    return subject, body


def send_email(base: str, context: dict, recipients: list[str]) -> int:
    """One email to ``recipients`` (nothing when there are none); returns how many were sent."""
    if not recipients:
        return 0
    subject, body = render_email(base, context)
    return EmailMessage(subject=subject, body=body, to=list(recipients)).send()


def send_each(messages: list[tuple[str, dict, list[str]]]) -> int:
    """Several emails over one connection: ``[(base, context, recipients), …]``."""
    emails = []
    for base, context, recipients in messages:
        if recipients:
            subject, body = render_email(base, context)
            emails.append(EmailMessage(subject=subject, body=body, to=list(recipients)))
    if not emails:
        return 0
    return get_connection().send_messages(emails)


def staff_addresses() -> list[str]:
    """The manufacturer's active staff with an email address."""
    return list(get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
                .values_list("email", flat=True))


def email_staff(base: str, context: dict, recipients: list[str] | None = None) -> int:
    """One email to the manufacturer's staff (``recipients`` saves the lookup in loops)."""
    return send_email(base, context, staff_addresses() if recipients is None else recipients)
