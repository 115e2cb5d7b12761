from django.core.management.base import BaseCommand

from suz_oscar.analytics.services import rollup_refresh


class Command(BaseCommand):
    help = ("Rebuild the reports' roll-ups (sales by day and hour, terms, refusals, the funnel's durations) from the "
            "order facts (Celery beat keeps them current).")

    def handle(self, *args, **options):
        self.stdout.write(f"{rollup_refresh()} roll-up rows written.")
