from django.core.management.base import BaseCommand

from suz_oscar.analytics.services import attribution_backfill


class Command(BaseCommand):
    help = "Give orders placed before sales analytics was installed an «unknown» attribution."

    def handle(self, *args, **options):
        self.stdout.write(f"{attribution_backfill()} orders attributed as unknown.")
