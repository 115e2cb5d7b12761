"""Read-side queries for dealers, scoped to what a user may see."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from django.db.models import Count, Max, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from oscar.core.loading import get_model

if TYPE_CHECKING:  # names of the type hints only
    from django.contrib.auth.models import AbstractBaseUser as User
    from django.db.models import QuerySet

Dealer = get_model("suz_dealers", "Dealer")
Region = get_model("suz_dealers", "Region")
Dispatch = get_model("suz_dispatch", "Dispatch")
Invitation = get_model("suz_dealers", "Invitation")
TerritoryRequest = get_model("suz_dealers", "TerritoryRequest")


def taking_orders() -> QuerySet:
    """Dealers that get site orders and show in the storefront: active, accepting them, not taken out by scoring."""
    return Dealer.objects.filter(is_active=True, accepts_site_orders=True, excluded_at=None)


def dealers_for_user(user: User) -> QuerySet:
    """Dealers ``user`` may open in the dashboard: all for staff, else the user's own."""
    qs = Dealer.objects.select_related("partner")
    if not user.is_authenticated:
        return qs.none()
    if user.is_staff:
        return qs
    return qs.filter(partner__users=user)


def dealer_for_user(user: User) -> Dealer | None:
    """The dealer a (non-staff) manager works for, or ``None``."""
    if not user.is_authenticated:
        return None
    return Dealer.objects.select_related("partner").filter(partner__users=user).first()


def dealer_registry() -> QuerySet:
    """Dealers annotated for the manufacturer's registry.

    ``orders_count`` is the number of orders the dealer has claimed and holds (an order given
    back to dispatch leaves it), not of order lines priced from its stock. It comes from a
    subquery so that the manager join used for the last-login column does not multiply it.
    """
    orders = (
        Dispatch.objects.filter(claimed_by=OuterRef("pk"))
        .order_by()
        .values("claimed_by")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Dealer.objects.select_related("partner")
        .prefetch_related(Prefetch("regions", queryset=Region.objects.order_by("name")))
        .annotate(
            managers_last_login=Max("partner__users__last_login"),
            orders_count=Coalesce(Subquery(orders), 0),
        )
    )


def invitation_by_token(token: str) -> Invitation | None:
    """The invitation a link's token opens, whatever its state, or ``None`` for a token we never issued."""
    if not token or len(token) > 100:
        return None
    digest = hashlib.sha256(token.encode()).hexdigest()
    return Invitation.objects.select_related("dealer__partner").filter(token_hash=digest).first()


def open_invitations(dealer: Dealer) -> QuerySet:
    """Invitations of ``dealer`` neither accepted nor revoked (expired ones included: they can be sent again)."""
    return dealer.invitations.filter(accepted_at=None, revoked=False).order_by("email")


def territory_requests(dealer: Dealer | None = None, status: str | None = None) -> QuerySet:
    qs = TerritoryRequest.objects.select_related("dealer__partner", "created_by", "decided_by").prefetch_related(
        Prefetch("regions", queryset=Region.objects.order_by("name")), "cities__region",
    )
    if dealer is not None:
        qs = qs.filter(dealer=dealer)
    if status is not None:
        qs = qs.filter(status=status)
    return qs


def pending_territory_request(dealer: Dealer) -> TerritoryRequest | None:
    return territory_requests(dealer, TerritoryRequest.PENDING).first()


def manager_addresses(dealer: Dealer) -> list[str]:
    """Addresses of a dealer's active managers (``partner.users`` prefetched or not)."""
    return [user.email for user in dealer.partner.users.all() if user.is_active and user.email]


def partners_without_dealer() -> QuerySet:
    """The shop's Oscar partners that are not dealers (yet), with ``offers_count`` (their stock records) and
    ``users_count``: what adopting them would bring (``services.partners_adopt``)."""
    from django.db.models import Q

    Partner = get_model("partner", "Partner")
    stock = (get_model("partner", "StockRecord").objects.filter(partner=OuterRef("pk")).order_by()
             .values("partner").annotate(n=Count("pk")).values("n"))
    from suz_oscar.core.conf import suz_settings

    manufacturer = suz_settings.SUZ_MANUFACTURER_PARTNER_CODE  # stands for the manufacturer's staff: no dealer
    return (
        Partner.objects.filter(~Q(pk__in=Dealer.objects.values("partner_id")))
        .exclude(code=manufacturer or None)
        .annotate(offers_count=Coalesce(Subquery(stock), 0), users_count=Count("users", distinct=True))
        .order_by("name", "pk")
    )


def users_of_several_partners(partners) -> QuerySet:
    """Users linked to one of ``partners`` and to some other partner too: as managers they would see one dealer
    only (each manager works for one)."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    linked = User.objects.filter(partners__in=list(partners)).values("pk")
    return (User.objects.filter(pk__in=linked).annotate(n=Count("partners", distinct=True)).filter(n__gt=1)
            .order_by("email"))
