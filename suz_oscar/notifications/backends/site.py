"""The site's own notification centre: Oscar's ``communication.Notification`` (the customer's account lists them,
the dashboard shows them with an unread badge). The text is escaped here: Oscar shows the subject as HTML."""

from django.utils.html import escape, linebreaks
from oscar.core.loading import get_model

from .base import BaseBackend


class SiteBackend(BaseBackend):
    def send_messages(self, messages):
        Notification = get_model("communication", "Notification")
        rows = [Notification(recipient=m.user, subject=escape(m.subject)[:255], body=linebreaks(escape(m.body)))
                for m in messages if m.user is not None]
        Notification.objects.bulk_create(rows)
        return len(rows)
