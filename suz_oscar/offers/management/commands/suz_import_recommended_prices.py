"""Recommended prices for the manufacturer's products, from a file or from the shop's stock records.

    manage.py suz_import_recommended_prices --file prices.xlsx [--dry-run]
    manage.py suz_import_recommended_prices --from-stock [--partner CODE …] [--overwrite] [--dry-run]

A file is checked as in the dashboard (columns Артикул, Название, Рекомендованная цена) and applied whole or
not at all. ``--from-stock`` takes the median of the partners' prices of each product (one partner: its
price) and keeps the recommended prices already set unless ``--overwrite``.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.core.loading import get_model

from suz_oscar.offers import pricefiles, services
from suz_oscar.offers.services import OfferError


class Command(BaseCommand):
    help = ("Set recommended prices from a CSV/XLSX file (--file) or from the partners' stock records "
            "(--from-stock: the median price; existing ones kept unless --overwrite).")

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--file", metavar="PATH", help="A CSV or XLSX file: SKU, title, recommended price.")
        source.add_argument("--from-stock", action="store_true",
                            help="The median of the partners' stock record prices of each product.")
        parser.add_argument("--partner", action="append", default=[], metavar="PARTNER",
                            help="With --from-stock: only this partner's prices (code or id). Repeatable.")
        parser.add_argument("--overwrite", action="store_true",
                            help="With --from-stock: also replace recommended prices already set.")
        parser.add_argument("--dry-run", action="store_true", help="Say what would change; change nothing.")

    def handle(self, *args, file, from_stock, partner, overwrite, dry_run, **options):
        if file and (partner or overwrite):
            raise CommandError(_("--partner and --overwrite go with --from-stock only."))
        if from_stock:
            self.from_stock(partner, overwrite, dry_run)
        else:
            self.from_file(file, dry_run)

    def partners(self, values):
        Partner = get_model("partner", "Partner")
        found, unknown = [], []
        for value in values:
            condition = Q(code__iexact=value)
            if value.isdigit() and len(value) < 19:
                condition |= Q(pk=int(value))
            match = Partner.objects.filter(condition).first() if "\x00" not in value else None
            (found if match is not None else unknown).append(match or value)
        if unknown:
            raise CommandError(_("Unknown partner: %(values)s. Give its code or id.")
                               % {"values": ", ".join(repr(v) for v in unknown)})
        return found

    def from_stock(self, partner_values, overwrite, dry_run):
        partners = self.partners(partner_values) if partner_values else None
        result = services.recommended_prices_from_stock(partners=partners, overwrite=overwrite, dry_run=dry_run)
        self.report(result["created"], result["updated"], 0, dry_run)
        if result["kept"]:
            self.stdout.write(ngettext(
                "%(count)d product keeps the recommended price it has (--overwrite replaces it).",
                "%(count)d products keep the recommended price they have (--overwrite replaces it).",
                result["kept"]) % {"count": result["kept"]})
        if result["other_currency"]:
            self.stdout.write(self.style.WARNING(
                ngettext("%(count)d stock record is priced in another currency than %(currency)s and was not used.",
                         "%(count)d stock records are priced in another currency than %(currency)s and were not used.",
                         result["other_currency"])
                % {"count": result["other_currency"], "currency": services.default_currency()}))

    def from_file(self, path, dry_run):
        try:
            content = Path(path).read_bytes()
        except (OSError, ValueError) as exc:
            raise CommandError(_("Cannot read the file %(path)s: %(error)s") % {"path": path, "error": exc}) from exc
        try:
            rows, errors = pricefiles.parse_recommended_price_file(content, Path(path).name)
        except pricefiles.PriceFileError as exc:
            raise CommandError(str(exc)) from exc
        if errors:
            for error in errors:
                row = error["row"] if error["row"] is not None else "…"
                self.stderr.write(f"{row}\t{error['sku']}\t{error['message']}")
            raise CommandError(_("The file has errors; nothing was changed."))
        try:
            if dry_run:
                plan = services.recommended_prices_plan(rows=rows)
                self.report(len(plan["created"]), len(plan["updated"]), len(plan["removed"]), dry_run)
            else:
                self.report(*services.recommended_prices_apply(rows=rows), dry_run)
        except OfferError as exc:
            raise CommandError(str(exc)) from exc

    def report(self, created, updated, removed, dry_run):
        message = (_("Recommended prices: %(created)d new, %(updated)d changed, %(removed)d removed.")
                   % {"created": created, "updated": updated, "removed": removed})
        if dry_run:
            message += " " + _("Nothing was changed (--dry-run).")
        self.stdout.write(message)
