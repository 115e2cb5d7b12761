"""The words of sales analytics: channels, touches, report groupings."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """Where a visit came from, as read from its UTM tags, click ids and referrer."""

    PAID_SEARCH = "paid_search", _("paid search")
    ORGANIC_SEARCH = "organic_search", _("organic search")
    SOCIAL = "social", _("social networks")
    EMAIL = "email", _("email")
    REFERRAL = "referral", _("referral")
    DIRECT = "direct", _("direct")
    UNKNOWN = "unknown", _("unknown (placed outside the storefront)")


class Touch(models.TextChoices):
    """Which of an order's touches a report credits."""

    LAST = "last", _("last non-direct touch")
    FIRST = "first", _("first touch")


# The attribution fields each touch has (``first_<name>`` and ``last_<name>`` on the model).
TOUCH_FIELDS = ("channel", "source", "medium", "campaign", "term", "content", "landing", "referrer", "yclid", "gclid")

# Longest stored value of each touch field; longer input is cut, never refused.
FIELD_LENGTHS = {"channel": 16, "source": 100, "medium": 100, "campaign": 150, "term": 150, "content": 150,
                 "landing": 255, "referrer": 255, "yclid": 64, "gclid": 128}
MAX_SEARCH_QUERIES = 10
MAX_QUERY_LENGTH = 100

# Search engines recognised by referrer host (a host ends with one of these) and social networks.
SEARCH_ENGINES = {
    "yandex": ("yandex.ru", "yandex.com", "ya.ru", "yandex.by", "yandex.kz", "yandex.com.tr"),
    "google": ("google.com", "google.ru", "google.by", "google.kz", "google.com.ua"),
    "bing": ("bing.com",),
    "mail.ru": ("go.mail.ru",),
    "duckduckgo": ("duckduckgo.com",),
}
SOCIAL_NETWORKS = ("vk.com", "vk.ru", "ok.ru", "t.me", "telegram.org", "instagram.com", "facebook.com",
                   "youtube.com", "dzen.ru", "pinterest.com", "x.com", "twitter.com", "rutube.ru")
EMAIL_HOSTS = ("mail.yandex.ru", "e.mail.ru", "mail.google.com", "outlook.live.com")
PAID_MEDIUMS = ("cpc", "ppc", "paid", "paidsearch", "paid_search", "cpm", "cpa", "cpv")
EMAIL_MEDIUMS = ("email", "e-mail", "newsletter", "mailing")
SOCIAL_MEDIUMS = ("social", "smm", "social-network", "social_network", "sm")


class Grouping(models.TextChoices):
    """What the sales report's rows are."""

    CHANNEL = "channel", _("channel")
    SOURCE = "source", _("source")
    CAMPAIGN = "campaign", _("campaign")
    TERM = "term", _("search term")
    LANDING = "landing", _("landing page")
    DAY = "day", _("day")
    WEEK = "week", _("week")
    MONTH = "month", _("month")
    HOUR = "hour", _("hour of the day")
