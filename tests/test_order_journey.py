"""The notifications issue's whole journey through the views, participant by participant.

A guest's order: the dealer claims it, writes a public comment and an internal one, the customer answers and
asks for another colour, the dealer accepts; another guest's order is declined by the second dealer. Each
participant's chosen channels (the holder's manager switched the customer's messages off by email) and
notification centre get exactly what their matrix says, each message once — and a later sweep sends nothing
more.
"""

from collections import Counter
from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.dispatch import selectors as dispatch_selectors
from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.dispatch.tasks import sweep_stage_notifications
from suz_oscar.notifications import selectors, services
from suz_oscar.notifications.backends import sms
from suz_oscar.test.links import opens, order_links

from .conftest import client_for, make_order
from .test_customer_actions import url, variants  # noqa: F401  (a fixture)

OutboxMessage = get_model("suz_notifications", "OutboxMessage")
Notification = get_model("communication", "Notification")
DeclineReason = get_model("suz_dispatch", "DeclineReason")
ChangeRequest = get_model("suz_dispatch", "ChangeRequest")

GUEST_PHONE = "+79123456789"


def switch_off(user, *cells, phone="+79001112233"):
    """Save ``user``'s matrix with every default kept but ``cells`` (``"event:channel"``) switched off."""
    types = selectors.event_types_for(user, is_manager=True)
    enabled = {(cell["name"].split(":")[0], cell["channel"]) for row in selectors.preference_matrix(user, types)
               for cell in row["cells"] if cell["on"] and cell["name"] not in cells}
    services.preferences_save(user=user, event_types=types, enabled=enabled, phone=phone)


def received(user_or_address):
    """``{(event, channel)}`` of the rows for a user or an address, asserting each came once."""
    rows = OutboxMessage.objects.all()
    if isinstance(user_or_address, str):
        rows = rows.filter(address=user_or_address, recipient=None)
    else:
        rows = rows.filter(recipient=user_or_address)
    counted = Counter(rows.values_list("event_type", "key", "channel"))
    assert all(n == 1 for n in counted.values()), counted
    assert not rows.exclude(state="sent").exists()
    return Counter((event, channel) for event, _key, channel in counted)


def test_every_participant_gets_what_their_matrix_says_once(variants, staff,  # noqa: F811
                                                             django_capture_on_commit_callbacks):
    v = variants
    manager, other_manager = v["manager"], v["other_manager"]
    manager.first_name = "Ольга"
    manager.save()
    switch_off(manager, "customer_message:email")
    switch_off(other_manager, "order_available:email", phone="")
    card = reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": v["dispatch"].pk})
    comment = reverse("suz_notifications_dashboard:suz-order-comment", kwargs={"pk": v["dispatch"].pk})
    OutboxMessage.objects.all().delete()  # the plan's announcements of the fixture: counted below anew
    sms.outbox.clear()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        # The dealer claims, writes to the customer and to itself.
        assert client_for(manager).post(reverse("suz_dispatch_dashboard:suz-inbox-claim",
                                                kwargs={"pk": v["dispatch"].pk})).status_code == 302
        client_for(manager).post(comment, {"text": "Привезём в четверг", "public": "on"})
        client_for(manager).post(comment, {"text": "Клиент просил звонить после 18"})
    # The customer opens the link of the last SMS: the public comment only.
    link = order_links(sms.outbox[-1].body, v["order"])[-1]
    assert opens(link, v["order"])
    page = client_for().get(link).content.decode()
    assert "Привезём в четверг" in page and "после 18" not in page and "Ольга" in page
    line = v["order"].lines.get()
    with django_capture_on_commit_callbacks(execute=True):
        client_for().post(url("suz-order-message", v["order"]), {"text": "Спасибо, жду"})
        client_for().post(url("suz-order-change", v["order"]), {"variant": f"{line.pk}:{v['white'].pk}"})
        request = ChangeRequest.objects.get()
        client_for(manager).post(reverse("suz_dispatch_dashboard:suz-inbox-change",
                                         kwargs={"pk": v["dispatch"].pk, "request_pk": request.pk}),
                                 {"decision": "accept", "answer": ""})
    assert "Панель белая" in client_for().get(url("suz-order-status", v["order"])).content.decode()
    assert "Спасибо, жду" in client_for(manager).get(card).content.decode()

    # Another guest's order, declined by the second dealer: that customer hears a new dealer is being found.
    second = make_order(v["city"], v["product"])
    second.guest_email = "second@example.com"
    second.save()
    reason = DeclineReason.objects.create(title="Нет в наличии")
    with django_capture_on_commit_callbacks(execute=True):
        dispatch = dispatch_services.dispatch_plan(order=second)
    # Time passes: every stage is open and announced (the beat's sweep), the second dealer sees the order.
    dispatch.stages.update(opens_at=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        sweep_stage_notifications()
    assert dispatch.pk in [d.pk for d in dispatch_selectors.inbox(v["other"])]
    with django_capture_on_commit_callbacks(execute=True):
        decline = reverse("suz_dispatch_dashboard:suz-inbox-decline", kwargs={"pk": dispatch.pk})
        assert client_for(other_manager).post(decline, {"reason": reason.pk}).status_code == 302

    # The first guest: every customer event by email and SMS (the defaults), once each.
    assert received("guest@example.com") == Counter({("order_taken", "email"): 1, ("dealer_message", "email"): 1,
                                                     ("change_answered", "email"): 1})
    assert received(GUEST_PHONE) == Counter({("order_taken", "sms"): 1, ("dealer_message", "sms"): 1,
                                             ("change_answered", "sms"): 1, ("order_returned", "sms"): 1})
    # The second guest: told once that another dealer is being found (the shared phone gets its SMS above).
    assert received("second@example.com") == Counter({("order_returned", "email"): 1})
    # The holder's manager: the customer's message by SMS and on the site, not by email (switched off);
    # the change request by every default channel; the second order's offer by its defaults too.
    got = received(manager)
    assert got[("customer_message", "email")] == 0
    assert got[("customer_message", "sms")] == got[("customer_message", "site")] == 1
    assert got[("change_requested", "email")] == got[("change_requested", "sms")] == 1
    assert got[("change_requested", "site")] == 1
    assert set(got) <= {(e, c) for e in ("customer_message", "change_requested", "order_available")
                        for c in ("email", "sms", "site")}
    # The second dealer's manager: offers on the site only (email off, no phone), nothing of the first order.
    got = received(other_manager)
    assert set(got) == {("order_available", "site")}
    assert not OutboxMessage.objects.filter(recipient=other_manager, key__contains=str(v["order"].pk)).exists()
    # Staff: nothing here needs them (nobody waits for manual assignment).
    assert received(staff) == Counter()
    # The notification centre is the site rows, one each; the guests have no account, so no centre.
    centre = Counter(Notification.objects.filter(recipient=manager).values_list("subject", flat=True))
    assert sum(centre.values()) == OutboxMessage.objects.filter(recipient=manager, channel="site").count()
    assert all(n == 1 for n in centre.values()), centre
    # What went out equals the rows: nothing twice, and a sweep later sends nothing more.
    sent_mail, sent_sms = len(mail.outbox), len(sms.outbox)
    assert sent_mail == OutboxMessage.objects.filter(channel="email").count()
    assert sent_sms == OutboxMessage.objects.filter(channel="sms").count()
    assert services.notification_deliver_due() == 0
    assert (len(mail.outbox), len(sms.outbox)) == (sent_mail, sent_sms)
