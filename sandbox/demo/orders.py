"""A year of demo orders with lines, attribution, dispatch history and an imported ad spend file (bulk inserts).

Channels, sources and campaigns are drawn with fixed weights so the reports tell a story: Yandex Direct's
«ремонт-потолок» campaign brings many completed sales cheaply, Google Ads' «gads-brand» costs more per sale,
VK's campaign brings orders that fail; half of «молдинги-москва»'s ads carry the campaign's id in utm_campaign
(Direct's {campaign_id}), which the spend file pairs with its name. Each order has one to three lines of its
dealer's own offers, and its total is theirs. Idempotent: nothing is made when demo orders exist.
"""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

Order = get_model("order", "Order")
OrderPlace = get_model("suz_checkout", "OrderPlace")
Dispatch = get_model("suz_dispatch", "Dispatch")
Stage = get_model("suz_dispatch", "Stage")
Visibility = get_model("suz_dispatch", "Visibility")
StatusChange = get_model("suz_dispatch", "StatusChange")
FailureReason = get_model("suz_dispatch", "FailureReason")
Dealer = get_model("suz_dealers", "Dealer")
Attribution = get_model("suz_analytics", "Attribution")
AdSpend = get_model("suz_analytics", "AdSpend")
Line = get_model("order", "Line")
StockRecord = get_model("partner", "StockRecord")

PREFIX = "D"
# (channel, source, medium, campaign, weight, completion rate, daily spend in roubles or 0)
TOUCHES = [
    ("paid_search", "yandex", "cpc", "ремонт-потолок", 22, 0.55, 1800),
    ("paid_search", "yandex", "cpc", "молдинги-москва", 10, 0.40, 1500),
    ("paid_search", "google", "cpc", "gads-brand", 8, 0.45, 2600),
    ("organic_search", "yandex", "", "", 20, 0.50, 0),
    ("organic_search", "google", "", "", 8, 0.48, 0),
    ("social", "vk", "social", "vk-lenta", 8, 0.25, 900),
    ("email", "newsletter", "email", "рассылка-весна", 4, 0.60, 0),
    ("referral", "remont-forum.ru", "", "", 5, 0.42, 0),
    ("direct", "", "", "", 15, 0.47, 0),
]
TERMS = ["потолочный плинтус", "молдинги купить", "лепнина из полиуретана", "карниз потолочный", "розетка потолочная"]
LANDINGS = ["/catalogue/", "/catalogue/plintusy_2/", "/catalogue/moldingi_3/", "/", "/search/"]
# campaign -> its id in the ad platform (the spend file's «№ кампании»)
CAMPAIGN_IDS = {"молдинги-москва": "70012345"}
STRATEGIES = ["suz_oscar.dispatch.strategies.RatingStrategy", "suz_oscar.dispatch.strategies.BasicPlusStrategy",
              "suz_oscar.dispatch.strategies.BasicStrategy"]


def ensure_orders(count=2400, days=365, seed=15):
    """``count`` orders over the last ``days`` days; returns how many were made."""
    if Order.objects.filter(number__startswith=PREFIX + "-").exists():
        return 0
    rnd = random.Random(seed)
    dealers = [(dealer, outlet.city) for dealer in Dealer.objects.filter(partner__code__startswith="demo-")
               .order_by("partner__code")[:60] for outlet in dealer.outlets.select_related("city")[:1]]
    if not dealers:
        return 0
    reasons = list(FailureReason.objects.all())
    now = timezone.now()
    weights = [touch[4] for touch in TOUCHES]
    plans = []
    for n in range(count):
        # Older orders thin out: the shop grows over the year.
        placed = now - timedelta(days=days * (1 - n / count) ** 1.3, minutes=rnd.randint(0, 600))
        placed = placed.replace(hour=rnd.choice([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]))
        if placed > now:
            placed = now - timedelta(minutes=rnd.randint(5, 300))
        touch = rnd.choices(TOUCHES, weights)[0]
        # The first two demo dealers (Moscow) get a share worth seeing in their reports.
        dealer, city = dealers[0 if n % 7 == 0 else 1 if n % 7 == 1 else rnd.randrange(len(dealers))]
        plans.append((n, placed, touch, dealer, city))
    offers = _offers([dealer for dealer, _city in dealers])
    baskets = [_basket(rnd, offers.get(dealer.pk) or offers["any"]) for _n, _p, _t, dealer, _c in plans]
    orders = Order.objects.bulk_create([
        Order(number=f"{PREFIX}-{n + 1:06d}", currency="RUB",
              total_incl_tax=sum(price * quantity for _record, price, quantity in basket),
              total_excl_tax=sum(price * quantity for _record, price, quantity in basket),
              shipping_incl_tax=Decimal(0), shipping_excl_tax=Decimal(0),
              status="Pending", guest_email=f"buyer{n % 900}@example.com", date_placed=placed)
        for (n, placed, _touch, _dealer, _city), basket in zip(plans, baskets, strict=True)], batch_size=500)
    Line.objects.bulk_create([_line(order, dealer, record, price, quantity)
                              for order, (_n, _p, _t, dealer, _c), basket in zip(orders, plans, baskets, strict=True)
                              for record, price, quantity in basket], batch_size=500)
    places, dispatches, attributions = [], [], []
    for order, (n, placed, touch, _dealer, city) in zip(orders, plans, strict=True):
        # One buyer a phone, some buying again: a customer card of a few orders, not of every demo order.
        phone = f"+7900{3_000_000 + n % 900:07d}"
        places.append(OrderPlace(order=order, city=city, region=city.region, phone=phone))
        channel, source, medium, campaign = touch[:4]
        term = rnd.choice(TERMS) if channel in ("paid_search", "organic_search") else ""
        landing = rnd.choice(LANDINGS)
        if campaign in CAMPAIGN_IDS and rnd.random() < 0.5:
            campaign = CAMPAIGN_IDS[campaign]  # the ad's link carries the id
        first = {"first_channel": channel, "first_source": source, "first_medium": medium,
                 "first_campaign": campaign, "first_term": term, "first_landing": landing,
                 "first_at": placed - timedelta(days=rnd.randint(0, 6), minutes=rnd.randint(5, 90))}
        attributions.append(Attribution(
            order=order, placed_at=placed, **first, **{key.replace("first_", "last_"): value
                                                        for key, value in first.items()},
            first_yclid=str(rnd.randrange(10**15, 10**16)) if source == "yandex" and medium == "cpc" else "",
            last_yclid="", search_queries=[rnd.choice(TERMS)] if rnd.random() < 0.3 else [],
            client_id=str(rnd.randrange(10**18, 10**19)) if rnd.random() < 0.8 else ""))
        dispatches.append(Dispatch(order=order, status="new"))
    OrderPlace.objects.bulk_create(places, batch_size=500)
    Attribution.objects.bulk_create(attributions, batch_size=500)
    Dispatch.objects.bulk_create(dispatches, batch_size=500)
    stages, history, updates = [], [], []
    for dispatch, (_n, placed, touch, dealer, _city) in zip(dispatches, plans, strict=True):
        age = now - placed
        claim = timedelta(minutes=rnd.lognormvariate(2.3, 0.9))
        strategy = rnd.choices(STRATEGIES, [5, 2, 3])[0]
        if strategy.endswith("RatingStrategy"):
            claim = claim * 0.6
        if claim > age or rnd.random() < 0.04:
            dispatch.status = "offered" if rnd.random() < 0.7 else "manual"
            continue
        dispatch.claimed_by, dispatch.claimed_at = dealer, placed + claim
        stages.append((dispatch, strategy, placed, dealer))
        contact = dispatch.claimed_at + timedelta(minutes=rnd.lognormvariate(3.5, 1.0))
        if contact > now:
            dispatch.status = "accepted"
            continue
        history.append(StatusChange(dispatch=dispatch, from_status="accepted", to_status="processed", dealer=dealer,
                                    created_at=contact))
        close = contact + timedelta(hours=rnd.lognormvariate(3.8, 0.8))
        if close > now:
            dispatch.status = "processed"
            continue
        outcome = rnd.random()
        if outcome < touch[5]:
            dispatch.status = "completed"
            history.append(StatusChange(dispatch=dispatch, from_status="processed", to_status="completed",
                                        dealer=dealer, created_at=close))
        elif outcome < touch[5] + 0.08:
            dispatch.status = "cancelled"
            history.append(StatusChange(dispatch=dispatch, from_status="processed", to_status="cancelled",
                                        dealer=dealer, fault="customer", note="Покупатель отменил заказ",
                                        created_at=close))
        else:
            dispatch.status = "failed"
            reason = rnd.choice(reasons) if reasons else None
            history.append(StatusChange(dispatch=dispatch, from_status="processed", to_status="failed",
                                        dealer=dealer, failure_reason=reason, fault=reason.fault if reason else "",
                                        created_at=close))
    for dispatch in dispatches:
        updates.append(dispatch)
    Dispatch.objects.bulk_update(updates, ["status", "claimed_by", "claimed_at"], batch_size=500)
    made_stages = Stage.objects.bulk_create([Stage(dispatch=d, position=0, strategy=s, opens_at=p)
                                             for d, s, p, _dealer in stages], batch_size=500)
    Visibility.objects.bulk_create([Visibility(dispatch=d, dealer=dealer, stage=stage, opens_at=p, is_open=False)
                                    for stage, (d, _s, p, dealer) in zip(made_stages, stages, strict=True)],
                                   batch_size=500)
    StatusChange.objects.bulk_create(history, batch_size=500)
    ensure_spend(days=days, seed=seed)
    from suz_oscar.analytics.services import analytics_rebuild

    analytics_rebuild()  # rows written in bulk: the order facts and the roll-up from them
    return len(orders)


def _offers(dealers):
    """``{dealer pk: [(stock record, price)]}`` of the dealers' own priced offers, and ``"any"``: every dealer's
    (for a dealer without offers of its own)."""
    records = (StockRecord.objects.filter(partner__dealer__in=dealers, price__gt=0)
               .select_related("product", "partner__dealer").order_by("pk"))
    offers = {"any": []}
    for record in records:
        offers.setdefault(record.partner.dealer.pk, []).append((record, record.price))
        offers["any"].append((record, record.price))
    return offers


def _basket(rnd, offers):
    """One to three different offers with quantities: ``[(stock record, unit price, quantity)]``."""
    if not offers:
        return []
    chosen = rnd.sample(offers, k=min(len(offers), rnd.choice([1, 1, 2, 3])))
    return [(record, price, rnd.choice([1, 1, 2, 4, 10])) for record, price in chosen]


def _line(order, dealer, record, price, quantity):
    """An order line as Oscar's checkout writes it, naming the dealer that sells it."""
    own = record.partner_id == dealer.partner_id
    total = price * quantity
    return Line(order=order, partner_id=dealer.partner_id, partner_name=dealer.name,
                partner_sku=record.partner_sku, stockrecord=record if own else None, product=record.product,
                title=record.product.get_title(), upc=record.product.upc or "", quantity=quantity,
                line_price_incl_tax=total, line_price_excl_tax=total, line_price_before_discounts_incl_tax=total,
                line_price_before_discounts_excl_tax=total, unit_price_incl_tax=price, unit_price_excl_tax=price,
                status="", num_allocated=0)


def spend_rows(days=365, seed=15):
    """The demo's ad spend, as rows of the imported file (Yandex Direct and Google Ads)."""
    rnd = random.Random(seed)
    today = timezone.localdate()
    rows = []
    for _channel, source, _medium, campaign, _w, _rate, daily in TOUCHES:
        if not daily:
            continue
        platform = "google_ads" if source == "google" else "yandex_direct"
        for back in range(days):
            spend = Decimal(daily * rnd.uniform(0.6, 1.4)).quantize(Decimal("0.01"))
            rows.append({"day": today - timedelta(days=back), "platform": platform, "campaign": campaign,
                         "campaign_id": CAMPAIGN_IDS.get(campaign, ""),
                         "spend": spend, "clicks": int(spend / Decimal(rnd.randint(18, 40))), "impressions": 0})
    return rows


def ensure_spend(days=365, seed=15):
    from suz_oscar.analytics.services import spend_import

    if AdSpend.objects.exists():
        return 0
    return sum(spend_import(rows=spend_rows(days, seed)))
