"""Case-insensitive text search that works for any alphabet on PostgreSQL and SQLite alike.

PostgreSQL's ``LOWER`` folds the case of any alphabet; SQLite's ``LIKE`` and ``lower()`` fold
ASCII only, so «Полидекор» would miss «ПолиДекор» there. :func:`install` registers a
deterministic Python function, ``suz_fold``, on every SQLite connection, and the ``suz_fold``
transform compiles to it on SQLite and to ``LOWER`` elsewhere. Both sides of a search are
folded the same way: lower case, and «ё» read as «е» (Russian writers often type one for the
other).
"""

from django.db import models
from django.db.backends.signals import connection_created
from django.db.models import Q

SQLITE_FUNCTION = "suz_fold"


def fold(value):
    """What :class:`Fold` does in the database, in Python: for the search term."""
    return value.lower().replace("ё", "е")


def _sqlite_fold(value):
    return None if value is None else fold(str(value))


def _register(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, _sqlite_fold, deterministic=True)


def install():
    """Register ``suz_fold`` on each new SQLite connection (called from an app's ``ready``)."""
    connection_created.connect(_register, dispatch_uid="suz_oscar.core.search.fold")


class Fold(models.Transform):
    """``field__suz_fold__contains=fold(term)``: a case- and ё-insensitive comparison."""

    lookup_name = "suz_fold"
    output_field = models.TextField()

    def as_sql(self, compiler, connection):
        lhs, params = compiler.compile(self.lhs)
        return f"REPLACE(LOWER({lhs}), 'ё', 'е')", params

    def as_sqlite(self, compiler, connection):
        lhs, params = compiler.compile(self.lhs)
        return f"{SQLITE_FUNCTION}({lhs})", params


models.CharField.register_lookup(Fold)
models.TextField.register_lookup(Fold)


def icontains_any(fields, value):
    """A ``Q`` matching rows where any of ``fields`` (text fields, across relations too) contains ``value``.

    Case and ё/е are ignored on every database. NUL characters, which PostgreSQL refuses in a
    query, are dropped from ``value``.
    """
    term = fold(value.replace("\x00", ""))
    if value and not term:
        return Q(pk__in=[])
    q = Q()
    for field in fields:
        q |= Q(**{f"{field}__{Fold.lookup_name}__contains": term})
    return q
