from celery import shared_task


@shared_task(ignore_result=True)
def refresh_rollup():
    """Periodic (celery beat, every 5 minutes): the roll-ups' days and months whose facts were written since they
    were last current (``services.rollup_refresh_changed``); until then the reports read those days from the
    facts."""
    from .services import rollup_refresh_changed

    rollup_refresh_changed()


@shared_task(ignore_result=True)
def rebuild_rollup():
    """Periodic (celery beat, nightly): every roll-up from the facts (orders deleted since are gone from them)."""
    from .services import rollup_refresh

    rollup_refresh()
