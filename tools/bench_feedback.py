"""`make bench`, the customer card: a customer with 200 orders (guest orders with one phone) and 5,000 timeline
entries (comments, status changes, complaints, surveys), opened by staff.

Prints `feedback.customer_card.median_ms` (the newest SUZ_CUSTOMER_TIMELINE_ENTRIES entries),
`feedback.customer_card.older_page_median_ms` (the page before them, «Показать более ранние записи») and
`feedback.customer_card.queries` (and the queries at 20 orders: the number must not grow with the orders or the
entries). Run alone: `python tools/bench.py feedback`.
"""

import re
import statistics
import time
from decimal import Decimal
from urllib.parse import unquote

ORDERS = 200
ENTRIES = 5000
REPEAT = 7
PHONE = "+79169990000"


def _seed(prefix, orders, entries):
    from django.utils import timezone
    from oscar.core.loading import get_model

    Order = get_model("order", "Order")
    OrderPlace = get_model("suz_checkout", "OrderPlace")
    Dispatch = get_model("suz_dispatch", "Dispatch")
    StatusChange = get_model("suz_dispatch", "StatusChange")
    Comment = get_model("suz_notifications", "Comment")
    Complaint = get_model("suz_feedback", "Complaint")
    ComplaintMessage = get_model("suz_feedback", "ComplaintMessage")
    Survey = get_model("suz_feedback", "Survey")
    OutboxMessage = get_model("suz_notifications", "OutboxMessage")
    Dealer = get_model("suz_dealers", "Dealer")
    City = get_model("suz_dealers", "City")

    found = Dispatch.objects.filter(order__number__startswith=prefix).order_by("pk").first()
    if found is not None:
        return found
    from suz_oscar.test.factories import CityFactory, DealerFactory

    dealer = Dealer.objects.order_by("pk").first() or DealerFactory()
    city = City.objects.order_by("pk").first() or CityFactory()
    now = timezone.now()
    made = Order.objects.bulk_create([
        Order(number=f"{prefix}{n:05d}", currency="RUB", total_incl_tax=Decimal(1000 + n), total_excl_tax=0,
              shipping_incl_tax=0, shipping_excl_tax=0, status="Pending", guest_email="",
              date_placed=now - timezone.timedelta(days=orders - n)) for n in range(orders)])
    OrderPlace.objects.bulk_create([OrderPlace(order=o, city=city, region=city.region, phone=PHONE) for o in made])
    dispatches = Dispatch.objects.bulk_create([
        Dispatch(order=o, status="completed", claimed_by=dealer, claimed_at=o.date_placed) for o in made])
    # entries per order: comments, a status change, a complaint and its answer, a survey, two messages to the
    # customer (email and SMS)
    per = entries // orders
    comments, changes, complaints, surveys, sent = [], [], [], [], []
    for d in dispatches:
        at = d.claimed_at
        surveys.append(Survey(dispatch=d, dealer=dealer, sold=True, nonce="x", sent_at=at, answered_at=at, score=4))
        complaints.append(Complaint(dispatch=d, dealer=dealer, text="Долго везли", created_at=at))
        changes += [StatusChange(dispatch=d, from_status="accepted", to_status="completed", dealer=dealer,
                                 created_at=at)] * 1
        comments += [Comment(dispatch=d, role="dealer", dealer=dealer, text=f"Комментарий {i}", public=bool(i % 2),
                             created_at=at) for i in range(per - 7)]
        sent += [OutboxMessage(event_type="order_taken", key=f"bench:{d.pk}", channel=channel, address=address,
                               order_id=d.order_id, subject="Дилер взял ваш заказ", state="sent", created_at=at,
                               sent_at=at) for channel, address in (("email", "b@example.com"), ("sms", PHONE))]
    Comment.objects.bulk_create(comments, batch_size=1000)
    OutboxMessage.objects.bulk_create(sent, batch_size=1000)
    StatusChange.objects.bulk_create(changes, batch_size=1000)
    Survey.objects.bulk_create(surveys, batch_size=1000)
    made_complaints = Complaint.objects.bulk_create(complaints, batch_size=1000)
    ComplaintMessage.objects.bulk_create(
        [ComplaintMessage(complaint=c, role="customer", text=c.text, created_at=c.created_at) for c in made_complaints]
        + [ComplaintMessage(complaint=c, role="dealer", text="Разберёмся", created_at=c.created_at)
           for c in made_complaints], batch_size=1000)
    return dispatches[0]


def run():
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from suz_oscar.core import timeline
    from suz_oscar.test.factories import StaffFactory

    anchor = _seed("FB-", ORDERS, ENTRIES)
    entries = len(timeline.entries_for(
        list(anchor.__class__.objects.filter(order__number__startswith="FB-").values_list("pk", flat=True)),
        public_only=False))
    client = Client()
    staff = get_user_model().objects.filter(email="bench-feedback@example.com").first()  # a kept database: reuse
    client.force_login(staff or StaffFactory(is_superuser=True, email="bench-feedback@example.com"))
    url = reverse("suz_feedback_dashboard:suz-customer", kwargs={"pk": anchor.pk})
    client.get(url)
    times, cpu = [], []  # the wall clock, and this process's CPU (the shared machine's load moves it less)
    for _ in range(REPEAT):
        started, started_cpu = time.perf_counter(), time.process_time()
        assert client.get(url).status_code == 200
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    # «Показать более ранние записи»: the page before those
    older = unquote(re.search(r'\?before=([^"]+)"', client.get(url).content.decode())[1])
    paged = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        assert client.get(url, {"before": older}).status_code == 200
        paged.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    small = _seed("FS-", 20, 500)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("suz_feedback_dashboard:suz-customer", kwargs={"pk": small.pk}))
    print(f"feedback.customer_card.orders: {ORDERS}")
    print(f"feedback.customer_card.entries: {entries}")
    print(f"feedback.customer_card.median_ms: {statistics.median(times):.1f}")
    print(f"feedback.customer_card.cpu_median_ms: {statistics.median(cpu):.1f}")
    print(f"feedback.customer_card.older_page_median_ms: {statistics.median(paged):.1f}")
    print(f"feedback.customer_card.queries: {len(ctx)}")
    print(f"feedback.customer_card.queries_at_20_orders: {len(few)}")
