"""Reading a visit's touch from a request: UTM tags, ad click ids, the referrer's channel, the landing page.

Everything here is plain functions over strings: the middleware calls them and keeps the result in the
session and a signed cookie; the order receiver copies it to the order. Values from the visitor are cut to
their column's length and stripped of control characters, never refused.
"""

import unicodedata
from urllib.parse import urlsplit

from .vocabulary import (
    EMAIL_HOSTS,
    EMAIL_MEDIUMS,
    FIELD_LENGTHS,
    MAX_QUERY_LENGTH,
    PAID_MEDIUMS,
    SEARCH_ENGINES,
    SOCIAL_MEDIUMS,
    SOCIAL_NETWORKS,
    TOUCH_FIELDS,
    Channel,
)

UTM = ("source", "medium", "campaign", "term", "content")
CLICK_IDS = ("yclid", "gclid")


def clean(value, length):
    """``value`` as storable text: control characters (NUL, line breaks…) out, whitespace trimmed, cut."""
    text = "".join(ch for ch in str(value or "")[: length * 4] if unicodedata.category(ch) not in ("Cc", "Cs"))
    return text.strip()[:length]


def host_of(url):
    """The host of ``url`` without ``www.`` (``""`` when there is none or the URL is broken)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def _matches(host, domains):
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def search_engine(host):
    """The search engine a referrer host belongs to (``"yandex"``, ``"google"``…), or ``""``."""
    for name, domains in SEARCH_ENGINES.items():
        if _matches(host, domains):
            return name
    return ""


def classify(*, medium="", source="", referrer_host="", click_id=False):
    """The channel of a touch from its UTM medium/source, whether it carries an ad click id, and its referrer."""
    medium, source = medium.lower(), source.lower()
    if click_id or medium in PAID_MEDIUMS:
        return Channel.PAID_SEARCH
    if medium in EMAIL_MEDIUMS:
        return Channel.EMAIL
    if medium in SOCIAL_MEDIUMS:
        return Channel.SOCIAL
    if medium == "organic":
        return Channel.ORGANIC_SEARCH
    if referrer_host:
        if _matches(referrer_host, EMAIL_HOSTS):
            return Channel.EMAIL
        if search_engine(referrer_host):
            return Channel.ORGANIC_SEARCH
        if _matches(referrer_host, SOCIAL_NETWORKS):
            return Channel.SOCIAL
        return Channel.REFERRAL
    if source or medium:
        return Channel.REFERRAL  # tagged, but with nothing that says how: a partner link
    return Channel.DIRECT


def touch(*, params, referrer, landing, own_hosts, now):
    """The touch of a request: a dict of ``TOUCH_FIELDS`` plus ``at`` (ISO time).

    ``params`` is the query string (a ``QueryDict`` or dict), ``referrer`` the ``Referer`` header,
    ``own_hosts`` the site's own host names (a referrer from them is not a new visit's source).
    """
    values = {name: clean(params.get(f"utm_{name}", ""), FIELD_LENGTHS[name]) for name in UTM}
    for name in CLICK_IDS:
        values[name] = clean(params.get(name, ""), FIELD_LENGTHS[name])
    host = host_of(referrer or "")
    if host in own_hosts:
        host = ""
    values["referrer"] = clean(host, FIELD_LENGTHS["referrer"])
    values["landing"] = clean(landing, FIELD_LENGTHS["landing"])
    if not values["source"]:
        if values["yclid"]:
            values["source"] = "yandex"
        elif values["gclid"]:
            values["source"] = "google"
        elif host:
            values["source"] = search_engine(host) or clean(host, FIELD_LENGTHS["source"])
    values["channel"] = classify(medium=values["medium"], source=values["source"], referrer_host=host,
                                 click_id=bool(values["yclid"] or values["gclid"]))
    values["at"] = now.isoformat()
    return values


def is_new_visit(values, referrer_is_own):
    """Whether a request starts a visit worth recording: tagged, or arriving from another site, or the first."""
    return any(values[name] for name in UTM + CLICK_IDS) or bool(values["referrer"]) or not referrer_is_own


def clean_query(query):
    return clean(query, MAX_QUERY_LENGTH)


def stored(values):
    """A touch read back from the session or cookie, every field checked again (a cookie is client input)."""
    if not isinstance(values, dict):
        return None
    result = {name: clean(values.get(name, ""), FIELD_LENGTHS[name]) for name in TOUCH_FIELDS}
    if result["channel"] not in Channel.values:
        result["channel"] = Channel.DIRECT
    result["at"] = clean(values.get("at", ""), 40)
    return result
