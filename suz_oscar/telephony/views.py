"""The providers' webhook: ``/telephony/webhook/<provider key>/[<provider's path>]``.

The configured backend checks the signature and turns the request into events (``parse_webhook``); each goes
through ``services.call_event``, which ignores unknown call ids and replays; all in one transaction. A bad
signature or a malformed body is 400 with nothing changed; a provider that is not the configured one is 404.
"""

import logging

from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils.decorators import method_decorator
from django.views import generic
from django.views.decorators.csrf import csrf_exempt

from . import services
from .backends import backend_for
from .exceptions import BadWebhook

logger = logging.getLogger(__name__)


@method_decorator(csrf_exempt, name="dispatch")
class WebhookView(generic.View):
    http_method_names = ["post"]

    def post(self, request, provider, event=""):
        backend = backend_for(provider)
        if backend is None:
            raise Http404
        try:
            with transaction.atomic():  # the backend may lock the call it reads (``ProviderEvent.call``)
                for item in backend.parse_webhook(request):
                    services.call_event(provider=backend.key, **item.as_kwargs())
        except BadWebhook as exc:
            logger.warning("telephony webhook %s rejected: %s", provider, exc)
            return HttpResponseBadRequest("bad request", content_type="text/plain")
        return HttpResponse("ok", content_type="text/plain")
