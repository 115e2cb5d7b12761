"""Adopt the shop's existing Oscar partners as dealers, so that their stock is priced again.

    manage.py suz_adopt_partners --region RU-MOW --region RU-MOS --city kazan [--partner CODE …] [--dry-run]

Without ``--partner`` every partner that is not a dealer yet is adopted. See ``services.partners_adopt``.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.core.loading import get_model

from suz_oscar.dealers import selectors, services
from suz_oscar.dealers.exceptions import AdoptionError

Region = get_model("suz_dealers", "Region")
City = get_model("suz_dealers", "City")


def _by_key(queryset, value, fields):
    """The one row whose ``fields`` (or id) equal ``value``, else ``None``."""
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__iexact": value})
    if value.isdigit() and len(value) < 19:
        condition |= Q(pk=int(value))
    found = list(queryset.filter(condition)[:2])
    return found[0] if len(found) == 1 else None


class Command(BaseCommand):
    help = ("Make the shop's Oscar partners that are not dealers yet dealers serving the regions and cities "
            "given; their stock records stay as their offers. Idempotent; --dry-run only lists.")

    def add_arguments(self, parser):
        parser.add_argument("--region", action="append", default=[], metavar="REGION",
                            help="A region to serve: its slug, ISO code (RU-MOW) or id. Repeat for several.")
        parser.add_argument("--city", action="append", default=[], metavar="CITY",
                            help="A single city to serve: its slug or id. Repeat for several.")
        parser.add_argument("--partner", action="append", default=[], metavar="PARTNER",
                            help="Only this partner: its code or id. Repeat for several (default: all).")
        parser.add_argument("--dry-run", action="store_true", help="List what would be done; change nothing.")

    def resolve(self, values, queryset, fields, message):
        found, unknown = [], []
        for value in values:
            row = _by_key(queryset, value.strip(), fields) if value.strip() and "\x00" not in value else None
            (found if row is not None else unknown).append(row if row is not None else value)
        if unknown:
            raise CommandError(message % {"values": ", ".join(repr(v) for v in unknown)})
        return found

    def handle(self, *args, region, city, partner, dry_run, **options):
        regions = self.resolve(region, Region.objects.all(), ("slug", "code"),
                               _("Unknown region: %(values)s. Give a slug, an ISO code (RU-MOW) or an id."))
        cities = self.resolve(city, City.objects.all(), ("slug",), _("Unknown city: %(values)s. Give a slug or an id."))
        Partner = get_model("partner", "Partner")
        if partner:
            chosen = self.resolve(partner, Partner.objects.all(), ("code",),
                                  _("Unknown partner: %(values)s. Give its code or id."))
            dealers = [p for p in chosen if hasattr(p, "dealer")]
            for p in dealers:
                self.stdout.write(_("«%(name)s» is a dealer already: left as it is.") % {"name": p.name})
        else:
            chosen = list(selectors.partners_without_dealer())
        try:
            adopted = services.partners_adopt(partners=chosen, regions=regions, cities=cities, dry_run=dry_run)
        except AdoptionError as exc:
            raise CommandError(str(exc)) from exc
        if not adopted:
            self.stdout.write(_("No partner to adopt: every partner is a dealer already. Nothing was changed."))
            return
        territory = ", ".join([r.name for r in regions] + [c.name for c in cities])
        for p in adopted:
            offers = p.stockrecords.count()
            self.stdout.write(ngettext("«%(name)s» (%(code)s): %(count)d stock record becomes its offers",
                                       "«%(name)s» (%(code)s): %(count)d stock records become its offers", offers)
                              % {"name": p.name, "code": p.code, "count": offers})
        for user in selectors.users_of_several_partners(adopted):
            self.stdout.write(self.style.WARNING(
                _("%(email)s is a user of several partners: as a manager they will see one dealer only.")
                % {"email": user.email or user.get_username()}))
        if dry_run:
            self.stdout.write(ngettext(
                "%(count)d partner would become a dealer serving: %(territory)s. Nothing was changed (--dry-run).",
                "%(count)d partners would become dealers serving: %(territory)s. Nothing was changed (--dry-run).",
                len(adopted)) % {"count": len(adopted), "territory": territory})
        else:
            self.stdout.write(self.style.SUCCESS(ngettext(
                "%(count)d partner is now a dealer serving: %(territory)s.",
                "%(count)d partners are now dealers serving: %(territory)s.",
                len(adopted)) % {"count": len(adopted), "territory": territory}))
