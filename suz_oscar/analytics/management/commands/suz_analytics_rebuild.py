from django.core.management.base import BaseCommand

from suz_oscar.analytics.services import analytics_rebuild


class Command(BaseCommand):
    help = ("Rebuild every order's facts and the reports' roll-ups from the orders (the order's "
            "changes keep them current; run this after loading orders by SQL or restoring a backup).")

    def handle(self, *args, **options):
        facts, rows = analytics_rebuild()
        self.stdout.write(f"{facts} order facts and {rows} roll-up rows written.")
