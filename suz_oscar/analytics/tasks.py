from datetime import timedelta

from celery import shared_task

# A beat run rebuilds the days of orders changed in this window: twice its interval, so a late run loses
# nothing; the nightly full rebuild catches up after a longer stop.
REFRESH_WINDOW = timedelta(minutes=10)


@shared_task(ignore_result=True)
def refresh_rollup():
    """Periodic (celery beat, every 5 minutes): the sales roll-up's days whose orders changed."""
    from django.utils import timezone

    from .services import rollup_refresh_changed

    rollup_refresh_changed(since=timezone.now() - REFRESH_WINDOW)


@shared_task(ignore_result=True)
def rebuild_rollup():
    """Periodic (celery beat, nightly): the whole sales roll-up."""
    from .services import rollup_refresh

    rollup_refresh()
