from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from suz_oscar.dealers.geo import load_reference_data


class Command(BaseCommand):
    help = "Load the shipped regions and cities of Russia (missing ones only, unless --overwrite)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite", action="store_true",
            help="Also reset names and coordinates of existing regions and cities to the shipped data.",
        )

    def handle(self, *args, overwrite=False, **options):
        regions, cities = load_reference_data(
            get_model("suz_dealers", "Region"), get_model("suz_dealers", "City"), overwrite=overwrite
        )
        self.stdout.write(_("Regions created: %(regions)d, cities created: %(cities)d")
                          % {"regions": regions, "cities": cities})
