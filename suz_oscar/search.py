"""Case-insensitive text search that also works for Cyrillic on SQLite.

PostgreSQL's ``icontains`` folds the case of any alphabet; SQLite's ``LIKE``
folds ASCII only, so "пермь" would miss "Пермь" in the demo database. There we
also try the usual capitalisations of the query.
"""

from django.db import connection
from django.db.models import Q


def icontains_any(fields, value):
    """A ``Q`` matching rows where any of ``fields`` contains ``value``, ignoring case."""
    variants = {value}
    if connection.vendor == "sqlite":
        variants |= {value.lower(), value.upper(), value.capitalize(), value.title()}
    q = Q()
    for field in fields:
        for variant in variants:
            q |= Q(**{f"{field}__icontains": variant})
    return q
