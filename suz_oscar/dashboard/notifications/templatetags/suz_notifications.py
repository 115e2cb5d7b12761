from django import template

from suz_oscar.core.conf import suz_settings

register = template.Library()


@register.simple_tag
def poll_seconds():
    """How often the dashboard asks for news (``SUZ_INBOX_POLL_SECONDS``)."""
    return max(1, int(suz_settings.SUZ_INBOX_POLL_SECONDS))
