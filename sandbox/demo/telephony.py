"""The demo's telephony: every demo login can press «Позвонить» (the console backend plays the call out), and an
order placed in Moscow a few minutes ago waits for dealer1, so its journey — take the order, call the customer,
the number appears, hear the recording, «Обработан», the robot's call on the card — starts right after logging in.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from suz_oscar.telephony.services import line_save

LINES = {"admin@example.com": "100", "dealer1@example.com": "101", "dealer2@example.com": "102"}
WAITING_EMAIL = "olga.vasilyeva@example.com"  # the waiting order's customer (a guest, by phone)
WAITING_PHONE = "+79165550101"


def ensure_phone_lines():
    """Give the demo logins a PBX extension. Idempotent."""
    for user in get_user_model().objects.filter(email__in=LINES):
        line_save(user=user, extension=LINES[user.email])


def ensure_waiting_order(quantity=2):
    """An order of a guest in Moscow, placed now through Oscar's order creator and planned by dispatch, offered to
    dealer1 («звонок с сайта»: its phone stays hidden until a call). Made only when nothing waits for dealer1 in
    its inbox, so each ``suz_demo`` leaves one to take. Returns the order or ``None``."""
    from suz_oscar.checkout.services import order_place_record
    from suz_oscar.checkout.shipping import DealerDelivery
    from suz_oscar.dispatch import selectors as dispatch_selectors
    from suz_oscar.dispatch import services as dispatch_services
    from suz_oscar.offers.strategy import RegionalStrategy

    Dealer = get_model("suz_dealers", "Dealer")
    dealer = Dealer.objects.get(partner__code="demo-001")
    if dispatch_selectors.inbox_count(dealer, cap=1):
        return None
    moscow = get_model("suz_dealers", "City").objects.select_related("region").get(slug="moskva")
    record = (get_model("partner", "StockRecord").objects.filter(partner=dealer.partner, num_in_stock__gte=quantity,
                                                                 product__structure="child")
              .select_related("product").order_by("pk").first())
    basket = get_model("basket", "Basket").objects.create()
    basket.strategy = RegionalStrategy(city=moscow)
    basket.add_product(record.product, quantity=quantity)
    shipping = DealerDelivery()
    charge = shipping.calculate(basket)
    total = get_class("checkout.calculators", "OrderTotalCalculator")().calculate(basket, charge)
    address = get_model("order", "ShippingAddress").objects.create(
        first_name="Ольга", last_name="Васильева", line1="Новый Арбат, 15, кв. 42", line4="Москва",
        country=get_model("address", "Country").objects.get(iso_3166_1_a2="RU"), phone_number=WAITING_PHONE)
    order = get_class("order.utils", "OrderCreator")().place_order(
        basket=basket, total=total, shipping_method=shipping, shipping_charge=charge, shipping_address=address,
        order_number=get_class("order.utils", "OrderNumberGenerator")().order_number(basket),
        guest_email=WAITING_EMAIL, date_placed=timezone.now())
    basket.submit()
    order_place_record(order=order, data={"city_id": moscow.pk, "phone": WAITING_PHONE})
    dispatch_services.dispatch_plan(order=order)
    return order
