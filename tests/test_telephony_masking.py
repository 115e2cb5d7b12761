"""The masking rule end to end: a «звонок с сайта» dealer that holds an order finds the customer's digits, in any
format, on no page, JSON answer, export, email or SMS it can reach — until its first connected call; then the order
card shows them (a tel: link), so the search itself is known to find them."""

import re
from collections import deque
from urllib.parse import urldefrag, urlparse

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.notifications.backends import sms
from suz_oscar.telephony import services
from suz_oscar.telephony.vocabulary import Event
from suz_oscar.test.factories import create_manager

from .conftest import client_for, make_order, regional_network

NATIONAL = "9123456789"  # make_order's +7 912 345-67-89
# The ten digits with anything a formatter puts between them: spaces, dashes, dots, brackets, non-breaking spaces.
DIGITS = re.compile(r"\D{0,4}".join(NATIONAL).encode())
SKIP = ("logout", "/accounts/logout", "/media/", "/static/", "/django-admin/", "/cms/")
MAX_PAGES = 150


def crawl(client, starts):
    """Every page of the site reachable by links from ``starts`` (GET, same site), with its body."""
    seen, queue, pages = set(), deque(starts), {}
    while queue and len(pages) < MAX_PAGES:
        url = queue.popleft()
        if url in seen or any(part in url for part in SKIP):
            continue
        seen.add(url)
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        pages[url] = body
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for link in re.findall(rb'(?:href|src|action|data-url)="([^"]+)"', body):
            target = urldefrag(link.decode().replace("&amp;", "&"))[0]
            if target.startswith("/") and not target.startswith("//") and not urlparse(target).netloc:
                queue.append(target)
    return pages


@pytest.fixture
def masked(db):
    net = regional_network([10])
    dealer = net["dealers"][0]
    dealer.call_from_site = True
    dealer.save()
    manager = create_manager(dealer)
    services.line_save(user=manager, extension="101")
    mail.outbox.clear()
    sms.outbox.clear()
    dispatch = dispatch_services.dispatch_plan(order=make_order(net["city"], net["product"]))
    dispatch_services.dispatch_claim(dispatch=dispatch, dealer=dealer, user=manager)
    dispatch.refresh_from_db()
    return dispatch, manager


def test_the_masked_dealer_finds_the_number_nowhere_until_its_call_connects(masked, django_capture_on_commit_callbacks):
    dispatch, manager = masked
    client = client_for(manager)
    card = reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("suz_telephony_dashboard:suz-call-start", kwargs={"pk": dispatch.pk}))
        call = dispatch.calls.get()
        for event in (Event.MANAGER_RINGING, Event.MANAGER_ANSWERED, Event.CUSTOMER_RINGING):
            services.call_event(provider=call.provider, call_id=call.provider_call_id, event=event, at=timezone.now())
        pages = crawl(client, ["/dashboard/", card, reverse("suz_telephony_dashboard:suz-call-state",
                                                             kwargs={"pk": call.pk}),
                               reverse("suz_notifications_dashboard:suz-notifications-poll"),
                               reverse("suz_dispatch_dashboard:suz-inbox") + "?tab=mine"])
    assert card in pages and len(pages) > 20, sorted(pages)
    leaks = [url for url, body in pages.items() if DIGITS.search(body)]
    assert leaks == []
    messages = [(m.subject + m.body).encode() for m in mail.outbox if manager.email in m.to]
    messages += [m.body.encode() for m in sms.outbox if m.user == manager]
    assert not any(DIGITS.search(text) for text in messages)
    # The call connects: now the card has the number, as a tel: link.
    services.call_event(provider=call.provider, call_id=call.provider_call_id, event=Event.CONNECTED,
                        at=timezone.now())
    page = client.get(card).content
    assert DIGITS.search(page) and b'href="tel:+79123456789"' in page
