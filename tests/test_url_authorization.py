"""Every URL of the project, requested as anonymous, a customer, dealer A, dealer B and staff.

The URL patterns are read from the resolver, not from a hand-kept list: a view of ours that is missing
from ``RULES`` fails the suite, so a new view cannot ship without a decision about who may open it. Each
is requested with dealer B's objects in its URL: dealer A must get nothing (404 for B's objects, 403 for
staff pages), a customer and anonymous nothing either. Oscar's own dashboard is staff-only for everyone
but its index (``dashboard/hardening.py``). POST-only views are POSTed by those who must be refused (and
must change nothing); the others GET them (405 proves they reach the view).
"""

from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from oscar.core.loading import get_model
from oscar.test.factories import CategoryFactory, ProductFactory, UserFactory, WishListFactory

from suz_oscar.checkout.links import order_token
from suz_oscar.dealers import services as dealer_services
from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.feedback.links import survey_token
from suz_oscar.feedback.services import complaint_file
from suz_oscar.offers.services import own_product_save
from suz_oscar.test.factories import CityFactory, DealerFactory, OutletFactory, RegionFactory, create_manager

from .conftest import client_for, make_order

LOGIN = "login"  # a redirect to a login page
OK = {200, 302, 405}


@dataclass(frozen=True)
class Rule:
    """Acceptable answers per caller; ``LOGIN`` stands for a redirect to a login page."""

    anonymous: frozenset
    customer: frozenset
    dealer_a: frozenset  # another dealer, with dealer B's objects in the URL
    dealer_b: frozenset  # the objects' own dealer
    staff: frozenset
    kwargs: object = None  # objects -> URL kwargs
    query: dict = field(default_factory=dict)


def rule(anonymous, customer, dealer_a, dealer_b, staff, kwargs=None, query=None):
    as_set = lambda v: frozenset(v if isinstance(v, set) else {v})  # noqa: E731
    return Rule(as_set(anonymous), as_set(customer), as_set(dealer_a), as_set(dealer_b), as_set(staff), kwargs,
                query or {})


def staff_only(kwargs=None, query=None):
    return rule(LOGIN, 403, 403, 403, OK, kwargs, query)


def dealer_object(kwargs, staff=OK):
    """A page of dealer B's: B and staff open it, dealer A finds nothing."""
    return rule(LOGIN, 403, 404, OK, staff, kwargs)


def dealers_and_staff():
    return rule(LOGIN, 403, OK, OK, OK)


def public(kwargs=None, query=None):
    return rule(OK, OK, OK, OK, OK, kwargs, query)


def dealer_pk(o):
    return {"pk": o.dealer_b.pk}


RULES = {
    # The storefront
    "suz-after-login": public(),
    "suz-city-set": public(),
    "suz-city-search": public(query={"q": "Мос"}),
    "suz-dealer-map": public(query={"place": "moskva", "product": "1"}),
    "suz-order-status": public(lambda o: {"number": o.guest_order.number, "hash": order_token(o.guest_order)}),
    "suz-order-message": public(lambda o: {"number": o.guest_order.number,
                                           "hash": order_token(o.guest_order)}),
    "suz-order-cancel": public(lambda o: {"number": o.guest_order.number, "hash": order_token(o.guest_order)}),
    "suz-order-change": public(lambda o: {"number": o.guest_order.number, "hash": order_token(o.guest_order)}),
    "suz-order-channels": public(lambda o: {"number": o.guest_order.number, "hash": order_token(o.guest_order)}),
    "suz-order-link-request": public(),
    # A registered customer's notification settings: any signed-in user's own, nobody else's
    "suz-account-notifications": rule(LOGIN, OK, OK, OK, OK),
    # Oscar's wish list (ours without its 500 on a line no longer there): its owner's only
    "customer:wishlists-detail": rule(404, 404, 404, 404, 404, lambda o: {"key": o.wishlist.key}),
    "basket:add": public(lambda o: {"pk": o.product.pk}),
    "catalogue:index": public(),
    "search:search": public(query={"q": "панель"}),
    "catalogue:category": public(lambda o: {"category_slug": o.category.slug, "pk": o.category.pk}),
    "checkout:index": public(),
    "checkout:shipping-address": public(),
    "checkout:payment-details": public(),
    "checkout:preview": public(),
    # Oscar's dashboard pages our views answer: its index (a dealer lands on its inbox), its order list
    # (leads staff to ours), its partner pages (lead staff to the dealer registry) and pages it failed on.
    "dashboard:index": rule(LOGIN, 403, 302, 302, OK),
    "dashboard:order-list": rule(LOGIN, 403, 403, 403, 302),
    "dashboard:page-create": staff_only(),  # a flat page behind Wagtail's catch-all
    "dashboard:stock-alert-list": staff_only(),  # without Oscar's 500 on an invalid status
    "dashboard:catalogue-category-update": staff_only(lambda o: {"pk": o.category.pk}),  # nor on an empty name
    **{f"dashboard:partner-{name}": rule(LOGIN, 403, 403, 403, 302) for name in (
        "list", "create", "manage", "delete", "user-create", "user-select", "user-link", "user-unlink",
        "user-update")},
    # Dealers (staff's registry; each dealer's own pages)
    "suz_dashboard:suz-dealer-list": staff_only(),
    "suz_dashboard:suz-dealer-create": staff_only(),
    "suz_dashboard:suz-dealer-mine": dealers_and_staff(),
    "suz_dashboard:suz-dealer-update": dealer_object(dealer_pk),
    "suz_dashboard:suz-dealer-status": staff_only(dealer_pk),
    "suz_dashboard:suz-outlet-list": dealer_object(dealer_pk),
    "suz_dashboard:suz-outlet-create": dealer_object(dealer_pk),
    "suz_dashboard:suz-outlet-update": dealer_object(lambda o: {"pk": o.dealer_b.pk, "outlet_pk": o.outlet.pk}),
    "suz_dashboard:suz-outlet-delete": dealer_object(lambda o: {"pk": o.dealer_b.pk, "outlet_pk": o.outlet.pk}),
    "suz_dashboard:suz-manager-list": dealer_object(dealer_pk),
    "suz_dashboard:suz-manager-remove": dealer_object(lambda o: {"pk": o.dealer_b.pk, "user_pk": o.second_manager.pk}),
    "suz_dashboard:suz-offer-list": dealer_object(dealer_pk),
    "suz_dashboard:suz-offer-whole-line": dealer_object(dealer_pk),
    "suz_dashboard:suz-offer-export": dealer_object(dealer_pk),
    "suz_dashboard:suz-offer-import": dealer_object(dealer_pk),
    "suz_dashboard:suz-offer-import-detail": dealer_object(lambda o: {"pk": o.dealer_b.pk,
                                                                       "import_pk": o.offer_import.pk}),
    "suz_dashboard:suz-invitation-revoke": dealer_object(lambda o: {"pk": o.dealer_b.pk,
                                                                     "invitation_pk": o.invitation.pk}),
    "suz_dashboard:suz-invitation-resend": dealer_object(lambda o: {"pk": o.dealer_b.pk,
                                                                     "invitation_pk": o.invitation.pk}),
    # Only the invited address may accept: others (logged in as someone else) are told they cannot.
    "suz-invitation": rule(OK, 403, 403, 403, 403, lambda o: {"token": o.invitation_token}),
    "suz_dashboard:suz-territory": dealer_object(dealer_pk),
    "suz_dashboard:suz-territory-request": dealer_object(lambda o: {"pk": o.dealer_b.pk,
                                                                     "request_pk": o.territory_request.pk}),
    "suz_dashboard:suz-territory-decide": staff_only(lambda o: {"pk": o.dealer_b.pk,
                                                                 "request_pk": o.territory_request.pk}),
    "suz_dashboard:suz-territory-request-list": staff_only(),
    # The shop's partners adopted as dealers; the manufacturer's recommended prices in bulk
    "suz_dashboard:suz-partner-adopt": staff_only(),
    "suz_dashboard:suz-recommended-prices": staff_only(),
    "suz_dashboard:suz-recommended-price-from-stock": staff_only(),
    "suz_dashboard:suz-recommended-price-export": staff_only(query={"format": "csv"}),
    "suz_dashboard:suz-recommended-price-import": staff_only(lambda o: {"import_pk": o.price_import.pk}),
    "suz_dashboard:suz-own-product-list": dealer_object(dealer_pk),
    "suz_dashboard:suz-promotion-list": dealer_object(dealer_pk),
    "suz_dashboard:suz-own-product-create": dealer_object(dealer_pk),
    "suz_dashboard:suz-own-product-update": dealer_object(lambda o: {"pk": o.dealer_b.pk,
                                                                      "product_pk": o.own_product.pk}),
    "suz_dashboard:suz-own-product-delete": dealer_object(lambda o: {"pk": o.dealer_b.pk,
                                                                      "product_pk": o.own_product.pk}),
    # Orders: the inbox, an order of dealer B's, an order open to dealer B alone
    "suz_dispatch_dashboard:suz-inbox": dealers_and_staff(),
    "suz_dispatch_dashboard:suz-inbox-order": dealer_object(lambda o: {"pk": o.claimed.pk}),
    "suz_dispatch_dashboard:suz-inbox-claim": dealer_object(lambda o: {"pk": o.offered.pk}, staff=403),
    "suz_dispatch_dashboard:suz-inbox-decline": dealer_object(lambda o: {"pk": o.offered.pk}, staff=403),
    "suz_dispatch_dashboard:suz-inbox-status": dealer_object(lambda o: {"pk": o.claimed.pk}, staff=403),
    "suz_dispatch_dashboard:suz-inbox-give-up": dealer_object(lambda o: {"pk": o.claimed.pk}, staff=403),
    "suz_dispatch_dashboard:suz-inbox-assign": staff_only(lambda o: {"pk": o.claimed.pk}),
    "suz_dispatch_dashboard:suz-inbox-change": dealer_object(lambda o: {"pk": o.claimed.pk,
                                                                         "request_pk": o.change_request.pk}, staff=403),
    "suz_dispatch_dashboard:suz-strategies": staff_only(),
    "suz_dispatch_dashboard:suz-strategy-action": staff_only(),
    "suz_dispatch_dashboard:suz-strategy-edit": staff_only(
        query={"path": "suz_oscar.dispatch.strategies.RatingStrategy"}),
    "suz_dispatch_dashboard:suz-priority-dealers": staff_only(),
    "suz_dispatch_dashboard:suz-decline-reasons": staff_only(),
    "suz_dispatch_dashboard:suz-failure-reasons": staff_only(),
    # Scoring
    "suz_scoring_dashboard:suz-scorecard-mine": dealers_and_staff(),
    "suz_scoring_dashboard:suz-scorecard": dealer_object(dealer_pk),
    "suz_scoring_dashboard:suz-scoring-adjust": staff_only(dealer_pk),
    "suz_scoring_dashboard:suz-scoring-restore": staff_only(dealer_pk),
    "suz_scoring_dashboard:suz-order-points": staff_only(lambda o: {"pk": o.claimed.pk}),
    "suz_scoring_dashboard:suz-scoring-rules": staff_only(),
    # Sales analytics
    "suz_analytics_dashboard:suz-analytics-sales": staff_only(),
    "suz_analytics_dashboard:suz-analytics-funnel": staff_only(),
    "suz_analytics_dashboard:suz-analytics-refusals": staff_only(),
    "suz_analytics_dashboard:suz-analytics-advertising": staff_only(),
    "suz_analytics_dashboard:suz-analytics-spend-import": staff_only(),
    "suz_analytics_dashboard:suz-analytics-conversions": staff_only(query={"format": "metrica"}),
    # Notifications: each user's own centre and settings; the outbox is staff's
    "suz_notifications_dashboard:suz-notifications": dealers_and_staff(),
    "suz_notifications_dashboard:suz-notifications-read": dealers_and_staff(),
    "suz_notifications_dashboard:suz-notifications-poll": dealers_and_staff(),
    "suz_notifications_dashboard:suz-notification-preferences": dealers_and_staff(),
    "suz_notifications_dashboard:suz-outbox": staff_only(query={"state": "failed"}),
    "suz_notifications_dashboard:suz-outbox-retry": staff_only(),
    "suz_notifications_dashboard:suz-order-comment": dealer_object(lambda o: {"pk": o.claimed.pk}),
    "suz_notifications_dashboard:suz-order-link-revoke": staff_only(lambda o: {"pk": o.claimed.pk}),
    # Telephony: the providers' webhook (POST only, signed), click-to-call and recordings of dealer B's order
    "suz-telephony-webhook": public(lambda o: {"provider": "mango"}),
    "suz-telephony-webhook-event": public(lambda o: {"provider": "mango", "event": "events/call"}),
    "suz_telephony_dashboard:suz-call-start": dealer_object(lambda o: {"pk": o.claimed.pk}),
    "suz_telephony_dashboard:suz-call-state": dealer_object(lambda o: {"pk": o.call.pk}),
    "suz_telephony_dashboard:suz-call-recording": dealer_object(lambda o: {"pk": o.call.pk}),
    "suz_telephony_dashboard:suz-call-prompt": dealer_object(lambda o: {"pk": o.call.pk}),
    "suz_telephony_dashboard:suz-phone-line": dealers_and_staff(),
    # Feedback: the customer's survey link and complaint; complaints, reviews, questions, the customer card
    "suz-survey": public(lambda o: {"token": survey_token(o.survey)}),
    "suz-survey-review": public(lambda o: {"token": survey_token(o.survey)}),
    "suz-order-complaint": public(lambda o: {"number": o.guest_order.number,
                                             "hash": order_token(o.guest_order)}),
    "suz_feedback_dashboard:suz-survey-send": staff_only(lambda o: {"pk": o.claimed.pk}),
    "suz_feedback_dashboard:suz-earned": dealer_object(lambda o: {"pk": o.claimed.pk}),
    "suz_feedback_dashboard:suz-complaints": dealers_and_staff(),
    "suz_feedback_dashboard:suz-complaint": dealer_object(lambda o: {"pk": o.complaint.pk}),
    "suz_feedback_dashboard:suz-complaint-reply": dealer_object(lambda o: {"pk": o.complaint.pk}),
    "suz_feedback_dashboard:suz-complaint-close": staff_only(lambda o: {"pk": o.complaint.pk}),
    "suz_feedback_dashboard:suz-reviews": staff_only(),
    "suz_feedback_dashboard:suz-review-moderate": staff_only(),
    "suz_feedback_dashboard:suz-survey-questions": staff_only(),
    "suz_feedback_dashboard:suz-customers": dealers_and_staff(),
    "suz_feedback_dashboard:suz-customer": dealer_object(lambda o: {"pk": o.claimed.pk}),
    # Regions and cities
    "suz_dashboard_geo:suz-region-list": staff_only(),
    "suz_dashboard_geo:suz-region-create": staff_only(),
    "suz_dashboard_geo:suz-region-update": staff_only(lambda o: {"pk": o.region.pk}),
    "suz_dashboard_geo:suz-city-list": staff_only(),
    "suz_dashboard_geo:suz-city-create": staff_only(),
    "suz_dashboard_geo:suz-city-update": staff_only(lambda o: {"pk": o.city.pk}),
}

# Oscar's dashboard: staff only, but for its index (a dealer lands on its inbox) and the login pages.
OSCAR_DASHBOARD_EXCEPTIONS = {
    "dashboard:login": public(),
    "dashboard:logout": public(),
}


def walk(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            yield from walk(pattern.url_patterns, f"{namespace}:{inner}" if namespace and inner else inner or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            view = getattr(pattern.callback, "view_class", pattern.callback)
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, pattern, view


def is_ours(name, view):
    if name.startswith("admin:"):
        return False  # Django's admin (staff with model permissions): its own matter
    return name.split(":")[-1].startswith("suz") or view.__module__.startswith(("suz_oscar", "suz_wagtail", "sandbox"))


def project_urls():
    """``{name: (view, ours, kwarg names)}`` of every named URL of ours or of Oscar's dashboard (first pattern)."""
    found = {}
    for name, pattern, view in walk(get_resolver().url_patterns):
        if is_ours(name, view) or name.startswith("dashboard:"):
            names = set(getattr(pattern.pattern, "converters", None) or pattern.pattern.regex.groupindex)
            found.setdefault(name, (view, is_ours(name, view), names))
    return found


def test_every_view_of_ours_has_an_access_rule():
    ours = {name for name, (_view, mine, _kwargs) in project_urls().items() if mine}
    assert ours - set(RULES) == set(), "Add these views to RULES in tests/test_url_authorization.py"
    assert set(RULES) - ours == set(), "These RULES name URLs that no longer exist"


class Objects:
    """Dealer B's world (and a city of its own), and a dealer A that serves elsewhere."""

    def __init__(self):
        Dispatch = get_model("suz_dispatch", "Dispatch")
        self.region = RegionFactory()
        self.city = CityFactory(region=self.region)
        self.dealer_a = DealerFactory(partner__name="Дилер А", regions=[RegionFactory()])
        self.dealer_b = DealerFactory(partner__name="Дилер Б", regions=[self.region])
        self.manager_a = create_manager(self.dealer_a)
        self.manager_b = create_manager(self.dealer_b)
        self.second_manager = create_manager(self.dealer_b)
        self.outlet = OutletFactory(dealer=self.dealer_b, city=self.city)
        self.offer_import = get_model("suz_offers", "OfferImport").objects.create(dealer=self.dealer_b,
                                                                                   filename="b.csv")
        self.own_product = own_product_save(dealer=self.dealer_b, title="Клей Б", price=Decimal(10),
                                            availability="in_stock")
        self.price_import = get_model("suz_offers", "RecommendedPriceImport").objects.create(filename="rrp.csv")
        self.category = CategoryFactory(name="Панели")
        self.wishlist = WishListFactory(owner=UserFactory())
        self.product = ProductFactory(title="Панель", stockrecords=[])
        get_model("partner", "StockRecord").objects.create(partner=self.dealer_b.partner, product=self.product,
                                                           partner_sku="b1", price=Decimal("100"))
        self.claimed = dispatch_services.dispatch_plan(order=make_order(self.city, self.product))
        dispatch_services.dispatch_claim(dispatch=self.claimed, dealer=self.dealer_b)
        self.change_request = dispatch_services.change_request_add(dispatch=self.claimed, text="Другой цвет")
        self.call = _robot_call(self.claimed)
        self.offered = dispatch_services.dispatch_plan(order=make_order(self.city, self.product))
        assert self.offered.status == Dispatch.OFFERED
        self.guest_order = self.offered.order
        self.survey = get_model("suz_feedback", "Survey").objects.create(dispatch=self.claimed, dealer=self.dealer_b,
                                                                          nonce="n")
        self.complaint = complaint_file(dispatch=self.claimed, text="Не перезвонили")
        get_model("suz_dispatch", "DeclineReason").objects.create(title="Нет")
        self.invitation = dealer_services.invitation_send(dealer=self.dealer_b, email="new-manager@example.com")
        self.invitation_token = dealer_services._issue_token(self.invitation)  # the email's link (sent at commit)
        self.invitation.save()
        self.territory_request = dealer_services.territory_request_submit(
            dealer=self.dealer_b, regions=[self.region, RegionFactory()], cities=[], comment="Расширяемся")


def _robot_call(dispatch):
    """A call of the order with a recording and the robot's audio (telephony's URLs need one)."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from suz_oscar.telephony import services as telephony_services

    call = telephony_services.call_start(dispatch=dispatch, kind="robot", script="Здравствуйте",
                                         prompt=ContentFile(b"RIFF-prompt", name="prompt.wav"))
    telephony_services.call_event(provider=call.provider, call_id=call.provider_call_id, event="recording",
                                  at=timezone.now(), content=b"RIFF-recording", filename="r.wav")
    return call


def generic_kwargs(names, o):
    """Values for the URL kwargs of Oscar's dashboard: ours where they name our objects, else any id."""
    values = {"partner_pk": o.dealer_b.partner_id, "user_pk": o.manager_b.pk, "number": o.claimed.order.number,
              "slug": "order-placed", "product_class_slug": "x"}
    return {name: values.get(name, 1) for name in names}


def answers_as(client, method, url):
    response = getattr(client, method)(url)
    if response.status_code == 302 and "login" in response["Location"]:
        return LOGIN
    return response.status_code


def check(name, rule_, view, names, o, users):
    kwargs = rule_.kwargs(o) if rule_.kwargs else generic_kwargs(names, o)
    url = reverse(name, kwargs=kwargs)
    if rule_.query:
        from urllib.parse import urlencode

        url += "?" + urlencode(rule_.query)
    post_only = not hasattr(view, "get") and hasattr(view, "post")
    problems = []
    for role, user in users.items():
        allowed = getattr(rule_, role)
        refused = not (allowed & OK)
        method = "post" if post_only and refused else "get"
        got = answers_as(client_for(user), method, url)
        if got not in allowed:
            problems.append(f"{role} {method.upper()} {url}: {got}, expected {sorted(map(str, allowed))}")
    return problems


@pytest.mark.parametrize("group", ["ours", "oscar_dashboard"])
def test_who_may_open_every_url(group, customer, staff):
    o = Objects()
    users = {"anonymous": None, "customer": customer, "dealer_a": o.manager_a, "dealer_b": o.manager_b,
             "staff": staff}
    problems = []
    for name, (view, mine, names) in sorted(project_urls().items()):
        if group == "ours" and mine:
            problems += check(name, RULES[name], view, names, o, users)
        elif group == "oscar_dashboard" and not mine:
            rule_ = OSCAR_DASHBOARD_EXCEPTIONS.get(name) or rule(LOGIN, 403, 403, 403, OK | {404})
            problems += check(name, rule_, view, names, o, users)
    assert problems == []
    # Dealer B's things are as they were: nobody refused changed anything.
    o.dealer_b.refresh_from_db()
    assert o.dealer_b.is_active and o.dealer_b.partner.users.count() == 2
    o.invitation.refresh_from_db()
    o.territory_request.refresh_from_db()
    assert o.invitation.state() == "pending" and o.territory_request.status == "pending"
    assert list(o.dealer_b.regions.all()) == [o.region]
    assert o.dealer_b.own_products.exists() and o.dealer_b.outlets.exists()
    assert get_model("suz_telephony", "Call").objects.count() == 1  # nobody refused started a call
    o.offered.refresh_from_db()
    assert o.offered.claimed_by_id is None and not o.offered.visibility.filter(declined_at__isnull=False).exists()
    o.complaint.refresh_from_db()
    assert o.complaint.state == "open" and o.complaint.messages.count() == 1
