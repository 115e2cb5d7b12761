"""`make bench`: storefront, price-file and dispatch figures at 1,000 dealers × 5,000 products on PostgreSQL.

Prints one `name: value` line per figure. Needs PostgreSQL (DATABASE_URL, or the local server at
127.0.0.1:5432); builds its own databases `suz_bench` and `suz_bench_stock`.

Storefront pages are compared with two baselines, each served by a long-lived process of its own: the same
site with Oscar's default strategy in place of ours (`oscar`), and a stock Oscar site with none of our apps on
the same catalogue (`stock`). Requests alternate between the sites one by one (suz, oscar, stock, then the
order rotates), so noise on this machine lands on every side alike; the comparison is repeated ROUNDS times
and the median ratio is printed with its spread (`…ratio`, `…ratio_min`, `…ratio_max`).
"""

import gzip
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEALERS, PRODUCTS, OFFERS_PER_DEALER, REPEAT = 1000, 5000, 300, 60
ROUNDS = 5  # storefront comparisons, each of REPEAT interleaved requests per site
STOCK_TABLES = ["catalogue_productclass", "catalogue_product", "partner_partner", "partner_stockrecord"]


def setup_django(strategy):
    os.environ["SUZ_BENCH_STRATEGY"] = strategy
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/suz_bench")
    os.environ["DJANGO_SETTINGS_MODULE"] = "tools.bench_settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def seed():
    """The data set, built with bulk inserts (about a minute)."""
    import random
    from decimal import Decimal

    from django.core.management import call_command
    from oscar.core.loading import get_model

    call_command("migrate", verbosity=0)
    Product = get_model("catalogue", "Product")
    ProductClass = get_model("catalogue", "ProductClass")
    Partner = get_model("partner", "Partner")
    StockRecord = get_model("partner", "StockRecord")
    Dealer = get_model("suz_dealers", "Dealer")
    Region = get_model("suz_dealers", "Region")
    RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
    if Dealer.objects.count() >= DEALERS:
        return
    rnd = random.Random(1)
    pc = ProductClass.objects.create(name="Панель", slug="panel", track_stock=True)
    Product.objects.bulk_create([
        Product(title=f"Панель {i}", slug=f"panel-{i}", upc=f"B-{i:05d}", product_class=pc, structure="standalone")
        for i in range(PRODUCTS)
    ], batch_size=2000)
    products = list(Product.objects.values_list("pk", flat=True))
    RecommendedPrice.objects.bulk_create(
        [RecommendedPrice(product_id=pk, price=Decimal(rnd.randrange(100, 1000))) for pk in products],
        batch_size=5000)
    Partner.objects.bulk_create([Partner(code=f"bench-{i}", name=f"Дилер {i}") for i in range(DEALERS)])
    partners = list(Partner.objects.filter(code__startswith="bench-").order_by("pk"))
    Dealer.objects.bulk_create([
        Dealer(partner=p, rating=rnd.randint(0, 100), priority=rnd.randint(0, 10), offers_whole_line=i % 10 == 0)
        for i, p in enumerate(partners)
    ])
    regions = list(Region.objects.order_by("pk"))
    through = Dealer.regions.through
    dealers = list(Dealer.objects.order_by("pk"))
    through.objects.bulk_create([through(dealer_id=d.pk, region_id=regions[i % len(regions)].pk)
                                 for i, d in enumerate(dealers)])
    batch = []
    for dealer in dealers:
        for pk in rnd.sample(products, OFFERS_PER_DEALER):
            batch.append(StockRecord(partner_id=dealer.partner_id, product_id=pk, partner_sku=f"{dealer.pk}-{pk}",
                                     price=Decimal(rnd.randrange(100, 1000)), num_in_stock=rnd.randint(0, 50)))
        if len(batch) >= 20000:
            StockRecord.objects.bulk_create(batch)
            batch = []
    StockRecord.objects.bulk_create(batch)


def serve_pages(site):
    """Child process: answer ``{"url": …}`` lines on stdin with the page's time (or query count), as ``site``."""
    import json

    if site == "stock":
        os.environ["DJANGO_SETTINGS_MODULE"] = "tools.bench_stock_settings"
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
    else:
        setup_django(site)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if site != "stock":
        client.get("/", {"city": "moskva"})
    if site == "suz":
        from oscar.core.loading import get_model

        # A product that a dealer of the city has on its own price list (the usual case).
        product = offered_product(get_model("suz_dealers", "City").objects.get(slug="moskva"))
        print(json.dumps({"catalogue_list": "/catalogue/", "product_page": product.get_absolute_url()}), flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        if command.get("queries"):
            with CaptureQueriesContext(connection) as ctx:
                client.get(command["url"])
            print(json.dumps({"queries": len(ctx)}), flush=True)
            continue
        started = time.perf_counter()
        response = client.get(command["url"])
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (site, command["url"], response.status_code)
        print(json.dumps({"ms": elapsed}), flush=True)


class Site:
    """A ``serve_pages`` child process."""

    def __init__(self, name, env):
        import json

        self.name, self.json = name, json
        self.process = subprocess.Popen([sys.executable, __file__, "serve", name], env=env, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def ask(self, **command):
        self.process.stdin.write(self.json.dumps(command) + "\n")
        self.process.stdin.flush()
        return self.json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)


def compare_pages(env):
    """Interleaved requests to the three sites; the median ratio over ROUNDS and its spread."""
    import json

    sites = {name: Site(name, env) for name in ("suz", "oscar", "stock")}
    urls = json.loads(sites["suz"].process.stdout.readline())
    baselines = {"catalogue_list": ("oscar",), "product_page": ("oscar", "stock")}
    try:
        for page, url in urls.items():
            compared = ["suz", *baselines[page]]
            for name in compared:
                sites[name].ask(url=url)  # warm-up, alike for all
                print(f"storefront.{page}.{name}.queries: {sites[name].ask(url=url, queries=True)['queries']}")
            ratios = {name: [] for name in baselines[page]}
            medians = {name: [] for name in compared}
            for _round in range(ROUNDS):
                times = {name: [] for name in compared}
                for i in range(REPEAT):
                    order = compared[i % len(compared):] + compared[:i % len(compared)]
                    for name in order:
                        times[name].append(sites[name].ask(url=url)["ms"])
                for name in compared:
                    medians[name].append(statistics.median(times[name]))
                for name in baselines[page]:
                    ratios[name].append(statistics.median(times["suz"]) / statistics.median(times[name]))
            for name in compared:
                print(f"storefront.{page}.{name}.median_ms: {statistics.median(medians[name]):.1f}")
            for name in baselines[page]:
                label = "" if name == "oscar" else ".vs_stock_site"
                values = sorted(ratios[name])
                print(f"storefront.{page}{label}.ratio: {statistics.median(values):.2f}")
                print(f"storefront.{page}{label}.ratio_min: {values[0]:.2f}")
                print(f"storefront.{page}{label}.ratio_max: {values[-1]:.2f}")
    finally:
        for site in sites.values():
            site.close()


def seed_stock():
    """The stock Oscar site's database: Oscar's schema, and the bench's products, partners and stock records."""
    import psycopg

    os.environ["DJANGO_SETTINGS_MODULE"] = "tools.bench_stock_settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    source = psycopg.connect(os.environ["DATABASE_URL"])
    target = psycopg.connect(os.environ["SUZ_BENCH_STOCK_URL"])
    with target.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(STOCK_TABLES)} CASCADE")
    for table in STOCK_TABLES:
        with target.cursor() as cursor:
            cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s", [table])
            columns = ", ".join(row[0] for row in cursor.fetchall())
        with source.cursor().copy(f"COPY (SELECT {columns} FROM {table}) TO STDOUT") as out, \
                target.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as into:
            for block in out:
                into.write(block)
        with target.cursor() as cursor:
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")
    target.commit()


def run_import():
    setup_django("suz")
    from oscar.core.loading import get_model

    from suz_oscar.offers import pricefiles, services

    Dealer = get_model("suz_dealers", "Dealer")
    Product = get_model("catalogue", "Product")
    dealer = Dealer.objects.order_by("pk").last()
    skus = list(Product.objects.filter(upc__startswith="B-").values_list("upc", flat=True)[:5000])
    content = ("Артикул;Цена;Наличие;Количество\n" + "".join(f"{s};{100 + i % 900};в наличии;{i % 40}\n"
                                                              for i, s in enumerate(skus))).encode()
    started = time.perf_counter()
    rows, errors = pricefiles.parse_price_file(content, "bench.csv", dealer)
    checked = time.perf_counter()
    services.offers_apply(dealer=dealer, rows=rows)
    done = time.perf_counter()
    assert not errors and len(rows) == 5000
    print(f"offers.import_5000.check_s: {checked - started:.2f}")
    print(f"offers.import_5000.apply_s: {done - checked:.2f}")
    print(f"offers.import_5000.total_s: {done - started:.2f}")


def offered_product(city):
    from oscar.core.loading import get_model

    from suz_oscar.offers.selectors import dealers_serving

    Product = get_model("catalogue", "Product")
    StockRecord = get_model("partner", "StockRecord")
    partners = [d.partner_id for d in dealers_serving(city)]
    return Product.objects.get(pk=StockRecord.objects.filter(partner_id__in=partners)
                               .order_by("product_id").values_list("product_id", flat=True)[100])


def run_dispatch():
    """The dispatch plan of an order in Moscow, and a dealer's inbox among 100,000 open orders."""
    setup_django("suz")
    from datetime import timedelta
    from decimal import Decimal

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from oscar.core.loading import get_model
    from oscar.test.basket import add_product
    from oscar.test.factories import create_basket, create_order

    from suz_oscar.dispatch import selectors, services
    from suz_oscar.offers.strategy import RegionalStrategy

    City = get_model("suz_dealers", "City")
    OrderPlace = get_model("suz_checkout", "OrderPlace")
    Order = get_model("order", "Order")
    Dispatch = get_model("suz_dispatch", "Dispatch")
    Visibility = get_model("suz_dispatch", "Visibility")
    moscow = City.objects.select_related("region").get(slug="moskva")
    product = offered_product(moscow)

    def new_order():
        basket = create_basket(empty=True)
        basket.strategy = RegionalStrategy(city=moscow)
        add_product(basket, product=product)
        order = create_order(basket=basket)
        OrderPlace.objects.create(order=order, city=moscow, region=moscow.region, phone="+79000000000")
        return order

    orders = [new_order() for _ in range(REPEAT + 2)]
    services.dispatch_plan(order=orders.pop())  # warm the caches
    times = []
    for order in orders[:-1]:
        started = time.perf_counter()
        services.dispatch_plan(order=order)
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        services.dispatch_plan(order=orders[-1])
    reads = [q for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    print(f"dispatch.plan.median_ms: {statistics.median(times):.1f}")
    control = [q for q in ctx.captured_queries if q["sql"].split()[0].upper() in ("BEGIN", "COMMIT", "SAVEPOINT",
                                                                                     "RELEASE")]
    print(f"dispatch.plan.queries: {len(ctx)}")
    print(f"dispatch.plan.data_queries: {len(ctx) - len(control)}")  # without BEGIN/COMMIT
    print(f"dispatch.plan.read_queries: {len(reads)}")
    if os.environ.get("SUZ_BENCH_SQL") == "1":
        for query in ctx.captured_queries:
            print("#", query["sql"][:100], file=sys.stderr)

    dealer = selectors.dealers_serving(moscow)[0]
    missing = 100_000 - selectors.inbox(dealer).count()
    now = timezone.now()
    for start in range(0, max(missing, 0), 10_000):
        size = min(10_000, missing - start)
        batch = Order.objects.bulk_create([
            Order(number=f"bench-{now.timestamp():.0f}-{start + i}", currency="RUB", site_id=1,
                  total_incl_tax=Decimal(100), total_excl_tax=Decimal(100), shipping_incl_tax=0,
                  shipping_excl_tax=0, status="new", date_placed=now)
            for i in range(size)
        ])
        dispatches = Dispatch.objects.bulk_create([Dispatch(order=o, status=Dispatch.OFFERED) for o in batch])
        Visibility.objects.bulk_create([Visibility(dispatch=d, dealer=dealer, opens_at=now - timedelta(minutes=5))
                                        for d in dispatches])
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        page = list(selectors.inbox(dealer, limit=50))
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        list(selectors.inbox(dealer, limit=50))
    print(f"dispatch.inbox.open_orders: {selectors.inbox(dealer).count()}")
    print(f"dispatch.inbox.median_ms: {statistics.median(times):.1f}")
    print(f"dispatch.inbox.queries: {len(ctx)}")
    assert len(page) == 50
    # The menu's badge on every dashboard page: counted up to 100 («99+»), not over every open order.
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        selectors.inbox_count(dealer)
        times.append((time.perf_counter() - started) * 1000)
    print(f"dispatch.inbox_badge.median_ms: {statistics.median(times):.1f}")


def run_analytics():
    """Sales reports at 1,000,000 orders over two years (tools/bench_analytics.py)."""
    setup_django("suz")
    from tools import bench_analytics

    bench_analytics.run()


NOTIFICATIONS_PENDING, NOTIFICATIONS_DELIVERED, NOTIFICATION_EVENTS = 100_000, 10_000, 200


def run_notifications():
    """The outbox with NOTIFICATIONS_PENDING rows waiting: one worker's throughput over the first
    NOTIFICATIONS_DELIVERED of them (the sweep's own query and claim per row, the locmem email and SMS
    backends, Oscar's on-site notification rows), then the time from an event's commit to its delivered rows
    (eager delivery, no broker) while the backlog is still there."""
    setup_django("suz")
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction
    from oscar.core.loading import get_model

    from suz_oscar.core import queue
    from suz_oscar.core.outbox import announce
    from suz_oscar.notifications import services

    call_command("migrate", verbosity=0)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SUZ_NOTIFICATION_BACKENDS = {**settings.SUZ_NOTIFICATION_BACKENDS,
                                          "sms": "suz_oscar.notifications.backends.sms.LocmemBackend"}
    queue.mark_unavailable()  # a worker's view: no broker to nudge; delivery happens here
    OutboxMessage = get_model("suz_notifications", "OutboxMessage")
    User = get_user_model()
    OutboxMessage.objects.all().delete()
    users = list(User.objects.filter(username__startswith="bench-notify-"))
    if not users:
        users = User.objects.bulk_create([User(username=f"bench-notify-{i}", email=f"n{i}@example.com")
                                          for i in range(100)])
        users = list(User.objects.filter(username__startswith="bench-notify-"))
    channels = [("email", lambda u: u.email), ("sms", lambda u: f"+7916{u.pk:07d}"), ("site", lambda u: f"user:{u.pk}")]
    rows = []
    for i in range(NOTIFICATIONS_PENDING):
        user = users[i % len(users)]
        channel, address = channels[i % 3]
        rows.append(OutboxMessage(event_type="order_available", key=f"bench:{i}", channel=channel, recipient=user,
                                  address=address(user), subject=f"Новый заказ {i}", body="Откройте заказ в панели"))
    OutboxMessage.objects.bulk_create(rows, batch_size=5000)
    print(f"notifications.pending: {OutboxMessage.objects.filter(state='pending').count()}")
    from django.core import mail

    started, sent = time.perf_counter(), 0
    while sent < NOTIFICATIONS_DELIVERED:
        sent += services.notification_deliver_due(limit=500)
        mail.outbox = []
    elapsed = time.perf_counter() - started
    print(f"notifications.deliver.per_s: {sent / elapsed:.0f}")
    staff = users[0]
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    User.objects.filter(is_staff=True).exclude(pk=staff.pk).update(is_staff=False)
    times = []
    for i in range(NOTIFICATION_EVENTS):
        started = time.perf_counter()
        with transaction.atomic():  # the event's transaction; its rows are delivered right after commit
            announce("order_manual", key=f"bench-event:{i}", staff=True, context={"order": None, "dispatch": None})
        times.append((time.perf_counter() - started) * 1000)
    undelivered = OutboxMessage.objects.filter(key__startswith="bench-event:").exclude(state="sent").count()
    print(f"notifications.latency.median_ms: {statistics.median(times):.1f}")
    print(f"notifications.latency.undelivered: {undelivered}")
    print(f"notifications.pending_left: {OutboxMessage.objects.filter(state='pending').count()}")


def run_map():
    """«Где купить»: the map's JSON for a city and for the whole country at 1,000 dealers × 5 outlets, built
    afresh each time (the cache emptied: the worst case; cached answers cost no query)."""
    import json
    import random

    from django.core.cache import cache
    from django.core.serializers.json import DjangoJSONEncoder
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from oscar.core.loading import get_model

    setup_django("suz")
    from django.core.management import call_command

    from suz_oscar.core.cache import bump
    from suz_oscar.storefront.dealer_map import dealer_map

    call_command("migrate", verbosity=0)

    City = get_model("suz_dealers", "City")
    Dealer = get_model("suz_dealers", "Dealer")
    Outlet = get_model("suz_dealers", "Outlet")
    rnd = random.Random(2)
    cities = list(City.objects.filter(latitude__isnull=False).order_by("-population")[:300])
    if not Outlet.objects.filter(dealer__partner__code__startswith="bench-").exists():
        Outlet.objects.bulk_create([
            Outlet(dealer=dealer, city=city, address=f"ул. Ленина, д. {n}", opening_hours="Пн–Пт 9:00–19:00",
                   latitude=round(float(city.latitude) + rnd.uniform(-0.1, 0.1), 6),
                   longitude=round(float(city.longitude) + rnd.uniform(-0.1, 0.1), 6))
            for dealer in Dealer.objects.filter(partner__code__startswith="bench-")
            for n, city in enumerate(rnd.sample(cities, 5))
        ], batch_size=5000)
        bump()
    city = cities[0]
    client = Client()
    url = "/dealers/map.json"
    for name, query in (("city", {"place": city.slug}), ("country", {})):
        times = []
        for _ in range(REPEAT // 3):
            cache.clear()
            started = time.perf_counter()
            response = client.get(url, query)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            client.get(url, query)
        data = response.json()
        print(f"map.{name}.median_ms: {statistics.median(times):.1f}")
        print(f"map.{name}.queries: {len(ctx)}")
        print(f"map.{name}.dealers: {len(data['dealers'])}")
        print(f"map.{name}.outlets: {sum(len(d['o']) for d in data['dealers'])}")
        print(f"map.{name}.kb: {len(response.content) / 1024:.0f}")
        print(f"map.{name}.gzip_kb: {len(gzip.compress(response.content)) / 1024:.0f}")
        readable = json.dumps(dealer_map(city_slug=query.get("place")), ensure_ascii=False, separators=(",", ":"),
                              cls=DjangoJSONEncoder).encode()  # the same data before compact(): for comparison
        print(f"map.{name}.readable_kb: {len(readable) / 1024:.0f}")
        if name == "country":
            print(f"wagtail.dealer_map_json.ms: {statistics.median(times):.1f}")
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        client.get(url, {})
        times.append((time.perf_counter() - started) * 1000)
    print(f"map.country.cached_median_ms: {statistics.median(times):.1f}")


def run_robot():
    """The robot's text for a 20-line order (numerals in words, the template rendered): what each confirmation
    call costs before synthesis. The order is built and rolled back."""
    setup_django("suz")
    from decimal import Decimal

    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext, override_settings
    from oscar.test.basket import add_product
    from oscar.test.factories import ProductFactory, create_basket, create_order

    from suz_oscar.telephony import speech

    nouns = {"стеновая панель": ("f", "стеновая панель", "стеновые панели", "стеновых панелей", "стеновую панель")}
    with transaction.atomic(), override_settings(SUZ_ROBOT_NOUNS=nouns):
        basket = create_basket(empty=True)
        for i in range(20):  # half the titles agree with their number, half are counted in pieces
            title = f"Стеновая панель «Норд {i}», графит" if i % 2 else f"Клей монтажный {i}, 310 мл"
            add_product(basket, price=Decimal("1234.56"), quantity=i + 1,
                        product=ProductFactory(title=title, stockrecords=[]))
        order = create_order(basket=basket)
        times = []
        for _ in range(REPEAT):
            began = time.perf_counter()
            text = speech.render_script(order).text
            times.append((time.perf_counter() - began) * 1000)
        with CaptureQueriesContext(connection) as ctx:
            speech.render_script(order)
        transaction.set_rollback(True)
    print(f"telephony.robot_text.median_ms: {statistics.median(times):.2f}")
    print(f"telephony.robot_text.queries: {len(ctx)}")
    print(f"telephony.robot_text.chars: {len(text)}")


def run_telephony():
    setup_django("suz")
    from tools import bench_telephony

    bench_telephony.run()


def run_feedback():
    """The customer card of a customer with 200 orders and 5,000 timeline entries (tools/bench_feedback.py)."""
    setup_django("suz")
    from django.core.management import call_command

    from tools import bench_feedback

    call_command("migrate", verbosity=0)
    bench_feedback.run()


def run_promotion():
    """The product page with a running promotion against the same kind of page without one: two products of
    Moscow offered by the same dealers, one in a promotion every one of them joined. Requests alternate one by
    one; the median ratio over ROUNDS (the promotions are cached: pricing by them costs no query)."""
    from datetime import timedelta
    from decimal import Decimal

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from oscar.core.loading import get_model

    setup_django("suz")
    from suz_oscar.core.cache import bump
    from suz_oscar.offers.selectors import dealers_serving

    City = get_model("suz_dealers", "City")
    Product = get_model("catalogue", "Product")
    StockRecord = get_model("partner", "StockRecord")
    Promotion = get_model("suz_promotions", "Promotion")
    Participation = get_model("suz_promotions", "Participation")
    moscow = City.objects.get(slug="moskva")
    dealers = dealers_serving(moscow)
    promoted, plain = Product.objects.filter(slug__in=["panel-1", "panel-2"]).order_by("slug")
    for product in (promoted, plain):  # the same dealers offer both
        StockRecord.objects.filter(product=product, partner__in=[d.partner_id for d in dealers]).delete()
        StockRecord.objects.bulk_create([
            StockRecord(partner_id=d.partner_id, product=product, partner_sku=f"promo-{d.pk}-{product.pk}",
                        price=Decimal("500"), num_in_stock=5) for d in dealers])
    Promotion.objects.filter(title="bench").delete()
    now = timezone.now()
    promotion = Promotion.objects.create(title="bench", promo_price=Decimal("399"),
                                         starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=7))
    promotion.products.add(promoted)
    promotion.regions.add(moscow.region)
    Participation.objects.bulk_create([Participation(promotion=promotion, dealer=d) for d in dealers])
    bump()
    urls = {"promoted": promoted.get_absolute_url(), "plain": plain.get_absolute_url()}
    clients = {}
    for name, url in urls.items():  # a visitor per page: neither lists the other as recently viewed
        clients[name] = client = Client()
        client.get("/", {"city": "moskva"})
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200 and (name == "plain" or b"suz-promo-badge" in response.content)
        print(f"storefront.product_page.{name}.queries: {len(ctx)}")
    ratios = []
    for _round in range(ROUNDS):
        times = {name: [] for name in urls}
        for i in range(REPEAT):
            for name in (("promoted", "plain") if i % 2 else ("plain", "promoted")):
                started = time.perf_counter()
                clients[name].get(urls[name])
                times[name].append((time.perf_counter() - started) * 1000)
        ratios.append(statistics.median(times["promoted"]) / statistics.median(times["plain"]))
    ratios.sort()
    print(f"storefront.product_page.promotion.ratio: {statistics.median(ratios):.2f}")
    print(f"storefront.product_page.promotion.ratio_min: {ratios[0]:.2f}")
    print(f"storefront.product_page.promotion.ratio_max: {ratios[-1]:.2f}")
    print(f"storefront.product_page.promotion.dealers: {len(dealers)}")


def main():
    if len(sys.argv) > 1:
        {"serve": lambda: serve_pages(sys.argv[2]), "import": run_import, "dispatch": run_dispatch, "map": run_map,
         "promotion": run_promotion, "analytics": run_analytics, "notifications": run_notifications,
         "robot": run_robot, "telephony": run_telephony, "feedback": run_feedback,
         "seed": lambda: (setup_django("suz"), seed()), "seed_stock": seed_stock}[sys.argv[1]]()
        return
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    url = env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/suz_bench")
    stock_url = env.setdefault("SUZ_BENCH_STOCK_URL", url + "_stock")
    server = url.rsplit("/", 1)[0] + "/postgres"
    databases = [url.rsplit("/", 1)[1], stock_url.rsplit("/", 1)[1]]
    if os.environ.get("SUZ_BENCH_KEEP") != "1":
        for dbname in databases:
            subprocess.run(["psql", server, "-qc", f"DROP DATABASE IF EXISTS {dbname}"], check=True)
            subprocess.run(["psql", server, "-qc", f"CREATE DATABASE {dbname}"], check=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, __file__, "seed"], env=env, check=True)
    print(f"bench.seed_s: {time.perf_counter() - started:.0f}")
    print(f"bench.dealers: {DEALERS}")
    print(f"bench.products: {PRODUCTS}")
    subprocess.run([sys.executable, __file__, "seed_stock"], env=env, check=True)
    compare_pages(env)
    subprocess.run([sys.executable, __file__, "import"], env=env, check=True)
    subprocess.run([sys.executable, __file__, "dispatch"], env=env, check=True)
    subprocess.run([sys.executable, __file__, "analytics"], env=env, check=True)
    subprocess.run([sys.executable, __file__, "notifications"], env=env, check=True)
    subprocess.run([sys.executable, __file__, "map"], env=env, check=True)
    subprocess.run([sys.executable, __file__, "robot"], env=env, check=True)
    subprocess.run([sys.executable, __file__, "telephony"], env=env, check=True)
    subprocess.run([sys.executable, __file__, "feedback"], env=env, check=True)
    subprocess.run([sys.executable, __file__, "promotion"], env=env, check=True)


if __name__ == "__main__":
    main()
