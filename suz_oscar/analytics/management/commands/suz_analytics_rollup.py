from django.core.management.base import BaseCommand

from suz_oscar.analytics.services import rollup_refresh


class Command(BaseCommand):
    help = "Rebuild the sales reports' daily roll-up from the orders (Celery beat keeps it current)."

    def handle(self, *args, **options):
        self.stdout.write(f"{rollup_refresh()} roll-up rows written.")
