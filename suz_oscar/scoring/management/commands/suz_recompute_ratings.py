from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from suz_oscar.scoring.services import recompute_ratings


class Command(BaseCommand):
    help = "Recompute every dealer's rating from the points ledger and report the dealers that differed."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true",
                            help="Only report differences; exit with status 1 if there are any.")

    def handle(self, *args, check=False, **options):
        from django.db import transaction

        with transaction.atomic():
            changed = recompute_ratings()
            for pk, (old, new) in sorted(changed.items()):
                self.stdout.write(_("Dealer %(pk)s: %(old)s → %(new)s") % {"pk": pk, "old": old, "new": new})
            if check:
                transaction.set_rollback(True)
        count = len(changed)
        self.stdout.write(ngettext("%(count)s rating differed from the ledger.",
                                   "%(count)s ratings differed from the ledger.", count) % {"count": count}
                          if count else _("Every rating agrees with the ledger."))
        if check and changed:
            raise SystemExit(1)
