"""Keep one AMI connection to Asterisk open and record its calls' events (run it as a service next to the web
processes when SUZ_TELEPHONY_BACKEND is the Asterisk backend)."""

from django.core.management.base import BaseCommand, CommandError

from suz_oscar.telephony import services
from suz_oscar.telephony.backends import get_backend


class Command(BaseCommand):
    help = "Record the events of Asterisk's calls (AMI) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=None, help="stop after this many seconds")

    def handle(self, *args, seconds=None, **options):
        backend = get_backend()
        if not hasattr(backend, "listen"):
            raise CommandError("SUZ_TELEPHONY_BACKEND is not the Asterisk backend.")

        def record(event):
            services.call_event(provider=backend.key, **event.as_kwargs())

        backend.listen(record, seconds=seconds)
