"""Demo dealer network: dealers across Russia's biggest cities, with outlets and managers."""

import io
import math
import random
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from oscar.core.loading import get_model
from PIL import Image, ImageDraw, ImageFont

from suz_oscar.dealers import services
from suz_oscar.offers.vocabulary import Availability

Partner = get_model("partner", "Partner")
Dealer = get_model("suz_dealers", "Dealer")
Outlet = get_model("suz_dealers", "Outlet")
City = get_model("suz_dealers", "City")
StockRecord = get_model("partner", "StockRecord")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
User = get_user_model()

NAMES = [
    "ПолиДекор",
    "Мир отделки",
    "Панель-Центр",
    "ДомСтрой",
    "Уютный дом",
    "Отделка Плюс",
    "СтройМаркет",
    "Декор-Сервис",
    "Ремонт и Точка",
    "Интерьер-Профи",
    "Формат",
    "Стиль-М",
    "ЭкоПанель",
    "Мастер Плинтус",
    "ТопДекор",
    "Новый дом",
    "Евродекор",
    "ПрофиЛайн",
]
STREETS = [
    "ул. Ленина",
    "пр. Мира",
    "ул. Советская",
    "ул. Гагарина",
    "ул. Строителей",
    "Промышленная ул.",
    "ул. Кирова",
    "Садовая ул.",
    "ул. Победы",
    "Центральная ул.",
    "ш. Энтузиастов",
    "ул. Мичурина",
]
HOURS = ["Пн–Пт 9:00–19:00, Сб 10:00–16:00", "Ежедневно 9:00–21:00", "Пн–Сб 8:00–18:00"]
LOGO_COLOURS = [(32, 94, 160), (196, 64, 52), (46, 139, 87), (120, 72, 160), (220, 140, 30), (40, 40, 40)]


def _logo(name, seed):
    rnd = random.Random(seed)
    img = Image.new("RGB", (240, 120), rnd.choice(LOGO_COLOURS))
    draw = ImageDraw.Draw(img)
    initials = "".join(word[0] for word in name.replace("-", " ").split()[:2]).upper()
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 56)
    except OSError:
        font = ImageFont.load_default()
    draw.text((120, 60), initials, fill=(255, 255, 255), font=font, anchor="mm")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return ContentFile(buf.getvalue(), name=f"{seed}.png")


def _phone(rnd):
    return f"+79{rnd.randint(10, 99)}{rnd.randint(1000000, 9999999)}"


# A dealer serves its whole region when every city of it is this close to the dealer's city
# (else its own city only: a Krasnoyarsk dealer does not deliver to Norilsk, 1,500 km away)...
REGION_KM = 280
# ...and sometimes one more city this close, never a remote one.
NEAR_KM = 150


def distance_km(a, b):
    """Great-circle distance between two cities (or outlets) with coordinates."""
    lat1, lon1, lat2, lon2 = (math.radians(float(v)) for v in (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _serve_nearby(dealer, city, region_cities, all_cities, rnd, extra):
    """The dealer's own region (or city, in a vast region) and, with ``extra``, one city near it."""
    if all(distance_km(city, other) <= REGION_KM for other in region_cities):
        dealer.regions.add(city.region)
        served = set(region_cities)
    else:
        dealer.cities.add(city)
        served = {city}
    if extra:
        near = [other for other in all_cities if other not in served and distance_km(city, other) <= NEAR_KM]
        if near:
            dealer.cities.add(rnd.choice(near))


def ensure_network(dealers=120):
    """Create ``dealers`` dealers (codes ``demo-001``…) in the biggest cities. Idempotent.

    Dealers 1 and 2 both serve Moscow: the demo logins dealer1 and dealer2. Each serves
    the region of its city, or a city near it, never a remote one (see ``_serve_nearby``).
    """
    rnd = random.Random(1703)
    all_cities = list(City.objects.filter(is_active=True).exclude(latitude=None).select_related("region"))
    by_region = defaultdict(list)
    for city in all_cities:
        by_region[city.region_id].append(city)
    cities = sorted(all_cities, key=lambda city: -(city.population or 0))[:60]
    if not cities:
        raise RuntimeError("No cities: run migrations first (they load the regions and cities).")
    moscow = cities[0]
    now = timezone.now()
    created = 0
    for n in range(1, dealers + 1):
        code = f"demo-{n:03d}"
        # Spread over the cities: the first two share Moscow, then a round over the list.
        city = moscow if n <= 2 else cities[(n - 3) % len(cities)]
        if n <= 2:
            name = ["ПолиДекор Москва", "Отделка Плюс Москва"][n - 1]
        else:
            name = f"{NAMES[(n - 1) % len(NAMES)]} {city.name}"
        if Partner.objects.filter(code=code).exists():
            continue
        partner = Partner.objects.create(code=code, name=name)
        dealer = Dealer.objects.create(
            partner=partner,
            legal_name=f"ООО «{name}»",
            description=f"Отделочные материалы из ПВХ в городе {city.name}: продажа, доставка и монтаж.",
            website=f"https://{code}.example.com",
            phone=_phone(rnd),
            email=f"info@{code}.example.com",
            accepts_site_orders=n <= 2 or rnd.random() < 0.9,
            call_from_site=n == 1 or (n > 2 and rnd.random() < 0.4),
            is_active=n <= 2 or rnd.random() < 0.95,
            registered_at=now - timedelta(days=rnd.randint(10, 1100)),
        )
        if not dealer.is_active:
            dealer.suspended_at = now - timedelta(days=rnd.randint(1, 30))
            dealer.suspension_reason = "Не обновлял прайс-лист"
        dealer.logo.save(f"{code}.png", _logo(name, code), save=False)
        dealer.save()
        # A separate generator for the nearby city keeps the rest of the demo data as it was.
        _serve_nearby(dealer, city, by_region[city.region_id], all_cities, random.Random(code),
                      extra=rnd.random() < 0.3)
        outlets = []
        for k in range(rnd.randint(1, 5)):
            lat = Decimal(str(city.latitude)) + Decimal(rnd.uniform(-0.06, 0.06)).quantize(Decimal("0.000001"))
            lon = Decimal(str(city.longitude)) + Decimal(rnd.uniform(-0.09, 0.09)).quantize(Decimal("0.000001"))
            outlets.append(
                Outlet(
                    dealer=dealer,
                    city=city,
                    name=f"Магазин №{k + 1}" if k else "Главный салон",
                    address=f"{rnd.choice(STREETS)}, д. {rnd.randint(1, 180)}",
                    latitude=lat,
                    longitude=lon,
                    phone=_phone(rnd),
                    opening_hours=rnd.choice(HOURS),
                )
            )
        Outlet.objects.bulk_create(outlets)
        if n > 2:
            # A manager who accepted the invitation at some point, for the registry's last-login column.
            first_name, last_name = MANAGER_NAMES[n % len(MANAGER_NAMES)]
            manager = User.objects.create(
                username=f"manager-{code}@example.com",
                email=f"manager-{code}@example.com",
                first_name=first_name,
                last_name=last_name,
                last_login=now - timedelta(hours=rnd.randint(1, 24 * 60)) if rnd.random() < 0.8 else None,
            )
            manager.set_unusable_password()
            manager.save(update_fields=["password"])
            services.manager_add(dealer=dealer, user=manager)
        created += 1
    return created


def ensure_offers():
    """Give each demo dealer without offers its assortment. Idempotent.

    About a third offer the whole line at recommended prices; the others stock
    part of the catalogue at their own prices, some items on order. Dealer 1 has
    its own price list, dealer 2 the whole line.
    """
    rnd = random.Random(42)
    recommended = list(RecommendedPrice.objects.values_list("product_id", "price"))
    records = []
    for dealer in Dealer.objects.filter(partner__code__startswith="demo-").select_related("partner").order_by("pk"):
        if dealer.offers_whole_line or dealer.partner.stockrecords.exists():
            continue
        code = dealer.partner.code
        dealer.priority = rnd.randint(0, 10)
        if code == "demo-002" or (code != "demo-001" and rnd.random() < 0.33):
            dealer.offers_whole_line = True
            dealer.save(update_fields=["offers_whole_line", "priority"])
            continue
        dealer.save(update_fields=["priority"])
        share = rnd.uniform(0.4, 0.9)
        for product_id, price in recommended:
            if rnd.random() > share:
                continue
            stock = rnd.choice([None, 0] + [rnd.randint(1, 300)] * 4)
            records.append(
                StockRecord(
                    partner=dealer.partner,
                    product_id=product_id,
                    partner_sku=f"{code}-{product_id}",
                    price=(price * Decimal(rnd.uniform(0.85, 1.15))).quantize(Decimal("1")),
                    price_currency="RUB",
                    num_in_stock=stock,
                )
            )
    StockRecord.objects.bulk_create(records, batch_size=2000)
    return len(records)


# Managers' names: the robot names the manager who took the order («ваш менеджер — Ирина Петрова»).
MANAGER_NAMES = [
    ("Ирина", "Петрова"), ("Алексей", "Соколов"), ("Мария", "Волкова"), ("Дмитрий", "Морозов"),
    ("Елена", "Новикова"), ("Сергей", "Лебедев"), ("Наталья", "Козлова"), ("Андрей", "Павлов"),
    ("Татьяна", "Семёнова"), ("Павел", "Егоров"), ("Юлия", "Орлова"), ("Никита", "Фёдоров"),
]


def ensure_user(email, *, password, staff=False, dealer_code=None, name=None):
    """A demo login (``name``: its first and last name). Idempotent."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email, email=email)
    if name:
        user.first_name, user.last_name = name
    user.is_staff = user.is_superuser = staff
    user.is_active = True
    user.set_password(password)
    user.save()
    if dealer_code:
        dealer = Dealer.objects.get(partner__code=dealer_code)
        if not dealer.partner.users.filter(pk=user.pk).exists():
            services.manager_add(dealer=dealer, user=user)
    return user


def ensure_manager_names():
    """Name the demo dealers' managers who have no first name yet (a demo database made before they had names).
    Idempotent."""
    unnamed = User.objects.filter(partners__isnull=False, first_name="").distinct().order_by("pk")
    for user in unnamed:
        user.first_name, user.last_name = MANAGER_NAMES[user.pk % len(MANAGER_NAMES)]
        user.save(update_fields=["first_name", "last_name"])


SERVICES = [
    ("SRV-1", "Доставка по городу", (300, 900)),
    ("SRV-2", "Подъём на этаж", (100, 400)),
    ("SRV-3", "Монтаж стеновых панелей, за м²", (250, 600)),
    ("SRV-4", "Монтаж плинтуса, за погонный метр", (80, 250)),
]


def ensure_services():
    """The manufacturer's services and the demo dealers' prices for them. Idempotent."""
    Product = get_model("catalogue", "Product")
    ProductClass = get_model("catalogue", "ProductClass")
    service_class = ProductClass.objects.get(slug="services")
    rnd = random.Random(7)
    made = 0
    for upc, title, (low, high) in SERVICES:
        service, created = Product.objects.get_or_create(
            upc=upc, defaults={"title": title, "product_class": service_class, "structure": Product.STANDALONE}
        )
        if not created:
            continue
        records = [
            StockRecord(
                partner_id=partner_id,
                product=service,
                partner_sku=upc,
                price=Decimal(rnd.randrange(low, high, 50)),
                price_currency="RUB",
                num_in_stock=None,
            )
            for partner_id in Dealer.objects.filter(partner__code__startswith="demo-").values_list(
                "partner_id", flat=True
            )
            if rnd.random() < 0.8
        ]
        StockRecord.objects.bulk_create(records)
        made += len(records)
    return made


def ensure_own_products():
    """Dealer 1 also sells goods the manufacturer does not make. Idempotent."""
    from suz_oscar.offers.services import own_product_save

    dealer = Dealer.objects.get(partner__code="demo-001")
    if dealer.own_products.exists():
        return 0
    for title, price in (("Клей монтажный для панелей, 310 мл", 390), ("Герметик силиконовый белый, 280 мл", 320)):
        own_product_save(
            dealer=dealer, title=title, price=Decimal(price), availability=Availability.IN_STOCK, quantity=40,
            description="<p>Товар дилера «ПолиДекор Москва».</p>",
        )
    return 2


def ensure_decline_reasons():
    DeclineReason = get_model("suz_dispatch", "DeclineReason")
    titles = ["Нет товара в наличии", "Не доставляем по этому адресу", "Не успеем в срок", "Другое"]
    for position, title in enumerate(titles):
        DeclineReason.objects.get_or_create(title=title, defaults={"position": position})
    FailureReason = get_model("suz_dispatch", "FailureReason")
    for title, fault in (("Покупатель передумал", "customer"), ("Не дозвонились до покупателя", "customer"),
                         ("Товара не оказалось в наличии", "dealer"), ("Сорвали срок доставки", "dealer")):
        FailureReason.objects.get_or_create(title=title, defaults={"fault": fault})


def ensure_points():
    """A points history, so ratings differ and scorecards have a chart: once, if the ledger is empty.

    «ПолиДекор Москва» (dealer1) leads Moscow; «Отделка Плюс Москва» (dealer2) follows.
    """
    from suz_oscar.scoring import services as scoring

    PointsEntry = get_model("suz_scoring", "PointsEntry")
    if PointsEntry.objects.exists():
        return 0
    rnd = random.Random(2024)
    now = timezone.now()
    made = 0
    for dealer in Dealer.objects.filter(partner__code__startswith="demo-").order_by("partner__code"):
        lead = {"demo-001": 40, "demo-002": 20}.get(dealer.partner.code)
        start = Decimal(lead if lead is not None else rnd.randint(0, 30))
        scoring.record(dealer=dealer, delta=start, reason=PointsEntry.MANUAL, note="Начальные баллы (демо)",
                       now=now - timedelta(days=60))
        made += 1
        history = {"demo-001": (10, 10, -5, 10, 10, -10, 10, 10),
                   "demo-002": (10, -10, 10, -5, 10, 10, -10, 5)}.get(dealer.partner.code, ())
        for days, delta in zip((50, 41, 33, 26, 18, 12, 7, 3), history, strict=False):
            scoring.record(dealer=dealer, delta=delta, reason=PointsEntry.MANUAL, note="История (демо)",
                           now=now - timedelta(days=days))
            made += 1
    return made


def ensure_site(domain="127.0.0.1:8000"):
    """The site's address in emails (Oscar builds order links from it): the demo's, not example.com."""
    from django.conf import settings
    from django.contrib.sites.models import Site

    Site.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.OSCAR_SHOP_NAME})
