"""Email through Django's own email backend (``EMAIL_BACKEND``: locmem in tests, console in the demo)."""

from django.core.mail import EmailMessage, get_connection

from .base import BaseBackend


class EmailBackend(BaseBackend):
    def send_messages(self, messages):
        emails = [EmailMessage(subject=m.subject, body=m.body, to=[m.to]) for m in messages]
        return get_connection(fail_silently=self.fail_silently).send_messages(emails) or 0
