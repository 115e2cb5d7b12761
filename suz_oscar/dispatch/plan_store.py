"""Writing a dispatch plan: the dispatch, its stages and the visibility rows, all or nothing.

On PostgreSQL one statement writes them (data-modifying CTEs), so placing an
order costs one round trip and no BEGIN/COMMIT; elsewhere (SQLite, the demo)
three ORM inserts in a transaction. Both fill in the primary keys.
"""

from django.db import connection, transaction
from oscar.core.loading import get_model

Dispatch = get_model("suz_dispatch", "Dispatch")
Stage = get_model("suz_dispatch", "Stage")
Visibility = get_model("suz_dispatch", "Visibility")


def store_plan(dispatch, stages, visibility):
    """Insert ``dispatch``, its ``stages`` and ``visibility`` rows (their ``stage`` among ``stages``)."""
    if connection.vendor == "postgresql" and stages:
        if connection.in_atomic_block:  # a savepoint keeps the caller's transaction usable if this fails
            with transaction.atomic():
                _store_in_one_statement(dispatch, stages, visibility)
        else:  # one statement is atomic on its own
            _store_in_one_statement(dispatch, stages, visibility)
        return
    with transaction.atomic():
        dispatch.save(force_insert=True)
        Stage.objects.bulk_create(stages)
        Visibility.objects.bulk_create(visibility)


def _columns(model, skip):
    return [f for f in model._meta.concrete_fields if not f.primary_key and f.name not in skip]


def _values(fields, objects, extra=()):
    """``VALUES`` rows of ``objects`` with typed placeholders, and their parameters.

    ``extra``: for each object, integers to put before its fields (the stage position of a visibility row).
    """
    placeholders = "(" + ", ".join(["%s::integer"] * (len(extra[0]) if extra else 0) + [
        f"%s::{f.db_type(connection)}" for f in fields]) + ")"
    params = []
    for obj, head in zip(objects, extra or [()] * len(objects), strict=True):
        params += list(head) + [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
    return ", ".join([placeholders] * len(objects)), params


def _store_in_one_statement(dispatch, stages, visibility):
    quote = connection.ops.quote_name
    d_fields = _columns(Dispatch, ())
    s_fields = _columns(Stage, ("dispatch",))
    v_fields = _columns(Visibility, ("dispatch", "stage"))
    d_values, d_params = _values(d_fields, [dispatch])
    s_values, s_params = _values(s_fields, stages)
    sql = (
        f"WITH d AS (INSERT INTO {quote(Dispatch._meta.db_table)} "
        f"({', '.join(quote(f.column) for f in d_fields)}) VALUES {d_values} RETURNING id), "
        f"s AS (INSERT INTO {quote(Stage._meta.db_table)} "
        f"(dispatch_id, {', '.join(quote(f.column) for f in s_fields)}) "
        f"SELECT d.id, v.* FROM d, (VALUES {s_values}) AS v RETURNING id, position)"
    )
    params = d_params + s_params
    if visibility:
        positions = [(row.stage.position,) for row in visibility]
        v_values, v_params = _values(v_fields, visibility, positions)
        names = ", ".join(["position"] + [f"c{i}" for i in range(len(v_fields))])
        sql += (
            f", v AS (INSERT INTO {quote(Visibility._meta.db_table)} "
            f"(dispatch_id, stage_id, {', '.join(quote(f.column) for f in v_fields)}) "
            f"SELECT d.id, s.id, {', '.join(f'v.c{i}' for i in range(len(v_fields)))} "
            f"FROM d, (VALUES {v_values}) AS v({names}) JOIN s ON s.position = v.position)"
        )
        params += v_params
    sql += " SELECT (SELECT id FROM d), ARRAY(SELECT id FROM s ORDER BY position)"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        dispatch_id, stage_ids = cursor.fetchone()
    dispatch.pk = dispatch_id
    dispatch._state.adding = False
    for stage, pk in zip(sorted(stages, key=lambda s: s.position), stage_ids, strict=True):
        stage.pk, stage.dispatch_id = pk, dispatch_id
        stage._state.adding = False
