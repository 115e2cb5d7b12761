from celery import shared_task


@shared_task(ignore_result=True)
def recompute_ratings():
    """Periodic (celery beat, nightly): with a rolling window, old points leave the rating."""
    from .services import recompute_ratings

    recompute_ratings()
