"""`make bench` telephony figures: a Mango webhook event through our view (signature, parsing, the idempotent
``call_event``), its median time and its queries, and the same event replayed (a no-op).

The timed event is the heaviest one: the customer answers a manager's call of the dealer holding the order, the
order's first contact, so analytics refreshes the order's facts too. ``telephony.webhook.ringing_queries`` is a
plain event (a phone rings); the query counts include the transaction's BEGIN and COMMIT."""

import json
import statistics
import time

CALLS = 200


def run():
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone
    from oscar.core.loading import get_model

    from suz_oscar.telephony.backends.mango import sign

    call_command("migrate", verbosity=0)
    key, salt = "bench-key", "bench-salt"
    settings.SUZ_TELEPHONY_BACKEND = "suz_oscar.telephony.backends.mango.MangoBackend"
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {"api_key": key, "api_salt": salt, "url": "http://127.0.0.1:9/"}
    settings.ALLOWED_HOSTS = ["*"]
    Call = get_model("suz_telephony", "Call")
    Dispatch = get_model("suz_dispatch", "Dispatch")
    dispatch = Dispatch.objects.filter(claimed_by__isnull=False).first() or Dispatch.objects.first()
    if dispatch is None:
        print("telephony.webhook.skipped: no orders (run the dispatch bench first)")
        return
    Call.objects.filter(provider="mango", provider_call_id__startswith="bench-").delete()
    calls = Call.objects.bulk_create([Call(dispatch=dispatch, dealer_id=dispatch.claimed_by_id, provider="mango",
                                           provider_call_id=f"bench-{i}", to_number="+79123456789",
                                           state="calling_customer") for i in range(CALLS)])
    url = reverse("suz-telephony-webhook", kwargs={"provider": "mango"}) + "events/call"
    client = Client()

    def post(call, state="Connected"):
        payload = json.dumps({"entry_id": f"E{call.pk}", "call_id": "leg", "timestamp": int(timezone.now().timestamp()),
                              "seq": 1, "call_state": state, "command_id": call.provider_call_id,
                              "to": {"number": "79123456789"}})
        return client.post(url, {"vpbx_api_key": key, "sign": sign(key, payload, salt), "json": payload})

    def timed(state):
        times = []
        for call in calls:
            started = time.perf_counter()
            assert post(call, state).status_code == 200
            times.append((time.perf_counter() - started) * 1000)
        return times

    ringing_times = timed("Appeared")
    times = timed("Connected")
    with CaptureQueriesContext(connection) as ctx:
        post(calls[0])  # a replay
    replay_queries = len(ctx)
    fresh = Call.objects.create(dispatch=dispatch, dealer_id=dispatch.claimed_by_id, provider="mango",
                                provider_call_id="bench-fresh", to_number="+79123456789", state="calling_customer")
    with CaptureQueriesContext(connection) as ringing:
        post(fresh, "Appeared")
    with CaptureQueriesContext(connection) as ctx:
        post(fresh)
    print(f"telephony.webhook.median_ms: {statistics.median(times):.1f}")
    print(f"telephony.webhook.queries: {len(ctx)}")
    print(f"telephony.webhook.ringing_median_ms: {statistics.median(ringing_times):.1f}")
    print(f"telephony.webhook.ringing_queries: {len(ringing)}")
    print(f"telephony.webhook.replay_queries: {replay_queries}")
    connected = Call.objects.filter(provider_call_id__startswith="bench-", connected_at__isnull=False).count()
    print(f"telephony.webhook.connected: {connected}")
    Call.objects.filter(provider="mango", provider_call_id__startswith="bench-").delete()
