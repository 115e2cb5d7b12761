"""Write-side operations on dealers. Views, dashboard, API and commands call these."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import timedelta
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from suz_oscar.core.conf import suz_settings
from suz_oscar.core.outbox import announce

from .exceptions import AdoptionError, InvitationError, TerritoryError

if TYPE_CHECKING:  # names of the type hints only
    from collections.abc import Iterable
    from datetime import datetime

    from django.http import HttpRequest

Partner = get_model("partner", "Partner")
Dealer = get_model("suz_dealers", "Dealer")
Invitation = get_model("suz_dealers", "Invitation")
TerritoryRequest = get_model("suz_dealers", "TerritoryRequest")
User = get_user_model()


def dashboard_access_permission() -> Permission:
    return Permission.objects.get(content_type__app_label="partner", codename="dashboard_access")


@transaction.atomic
def dealer_create(*, name: str, regions: Iterable = (), cities: Iterable = (), **fields) -> Dealer:
    """Create the Oscar partner and its dealer profile together."""
    partner = Partner.objects.create(name=name)
    dealer = Dealer.objects.create(partner=partner, **fields)
    if regions:
        dealer.regions.set(regions)
    if cities:
        dealer.cities.set(cities)
    return dealer


def dealer_rename(*, dealer: Dealer, name: str) -> None:
    if dealer.partner.name != name:
        dealer.partner.name = name
        dealer.partner.save(update_fields=["name"])


def dealer_suspend(*, dealer: Dealer, reason: str = "") -> None:
    """Take a dealer out of the network; its data and managers stay."""
    dealer.is_active = False
    dealer.suspended_at = timezone.now()
    dealer.suspension_reason = reason
    dealer.save(update_fields=["is_active", "suspended_at", "suspension_reason", "updated_at"])


def dealer_activate(*, dealer: Dealer) -> None:
    dealer.is_active = True
    dealer.suspended_at = None
    dealer.suspension_reason = ""
    dealer.save(update_fields=["is_active", "suspended_at", "suspension_reason", "updated_at"])


def _username_for(email):
    """Oscar logs users in by email; the username only has to be unique."""
    if len(email) <= 150 and not User.objects.filter(username=email).exists():
        return email
    return uuid.uuid4().hex


def manager_add(*, dealer: Dealer, user: User) -> None:
    """Give ``user`` the dealer's dashboard (no email, no consent asked: see :func:`invitation_send`)."""
    dealer.partner.users.add(user)
    user.user_permissions.add(dashboard_access_permission())


def manager_remove(*, dealer: Dealer, user: User) -> None:
    """Remove a manager; they lose dashboard access when they manage no dealer any more."""
    dealer.partner.users.remove(user)
    if not user.partners.exists():
        user.user_permissions.remove(dashboard_access_permission())




# Manager invitations ------------------------------------------------------------------------

# Why an invitation cannot be used, as the person holding the link reads it: (title, explanation).
INVITATION_PROBLEMS = {
    "invalid": (gettext_lazy("This link is not valid"),
                gettext_lazy("Check that the whole link was copied from the email, or ask the dealer for a new "
                             "invitation.")),
    Invitation.EXPIRED: (gettext_lazy("This invitation has expired"),
                         gettext_lazy("Ask the dealer to send you a new one.")),
    Invitation.REVOKED: (gettext_lazy("This invitation has been withdrawn"),
                         gettext_lazy("Ask the dealer to send you a new one if you still need access.")),
    Invitation.ACCEPTED: (gettext_lazy("This invitation has already been accepted"),
                          gettext_lazy("Each invitation link works once. Log in with your email and password.")),
    "other_email": (gettext_lazy("This invitation is for another address"),
                    gettext_lazy("Log out and log in with the account of the address the invitation was sent to.")),
    "staff": (gettext_lazy("Manufacturer staff cannot be dealer managers"),
              gettext_lazy("Your account belongs to the manufacturer's staff. Nothing has been changed.")),
    "other_dealer": (gettext_lazy("You already manage another dealer"),
                     gettext_lazy("An account can work for one dealer only. Nothing has been changed; use another "
                                  "email address for this dealer, or ask to be removed from the other one first.")),
    "account_exists": (gettext_lazy("You already have an account"),
                       gettext_lazy("Log in with it to accept the invitation.")),
}


def _token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_url(token: str, request: HttpRequest | None = None) -> str:
    """The link's absolute URL: from the request, or the current Site (an invitation sent from a command)."""
    path = reverse("suz-invitation", kwargs={"token": token})
    if request is not None:
        return request.build_absolute_uri(path)
    from suz_oscar.core.mail import site_url

    return site_url() + path


def _issue_token(invitation, now=None):
    """A fresh single-use token for ``invitation`` (the previous link stops working); returns the token."""
    now = now or timezone.now()
    token = secrets.token_urlsafe(32)
    invitation.token_hash = _token_hash(token)
    invitation.expires_at = now + timedelta(days=suz_settings.SUZ_INVITATION_DAYS)
    return token


def _send_invitation_email(invitation, token, request=None):
    context = {
        "dealer": invitation.dealer,
        "invitation": invitation,
        "url": invitation_url(token, request),
        "days": suz_settings.SUZ_INVITATION_DAYS,
    }
    announce("invitation", key=f"invitation:{invitation.pk}:{invitation.token_hash[:32]}", context=context,
             addresses=[("email", invitation.email)])


# An invitation renewed within this pause is not sent again: the first email's link stays the one that works.
RESEND_PAUSE = timedelta(minutes=1)


@transaction.atomic
def invitation_send(*, dealer: Dealer, email: str, invited_by: User | None = None,
                    request: HttpRequest | None = None) -> Invitation:
    """Invite ``email`` to manage ``dealer``: an email with a single-use link, nothing else.

    Whoever owns the address (nobody yet, a customer, staff, another dealer's manager, a
    manager of this dealer) the inviter gets the same answer; the person who follows the link
    is told why they cannot accept, if they cannot. A pending invitation to the same address
    is renewed rather than repeated.
    """
    email = User.objects.normalize_email(email).strip()
    invitation = (
        Invitation.objects.select_for_update()
        .filter(dealer=dealer, email__iexact=email, accepted_at=None, revoked=False)
        .first()
    )
    now = timezone.now()
    if invitation is None:
        invitation = Invitation(dealer=dealer, email=email)
    elif now - invitation.created_at < RESEND_PAUSE:
        return invitation  # sent a moment ago (a double click, a form sent twice): its link still works
    invitation.invited_by = invited_by if invited_by is not None and invited_by.is_authenticated else None
    invitation.created_at = now
    token = _issue_token(invitation, invitation.created_at)
    invitation.save()
    _send_invitation_email(invitation, token, request)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, request: HttpRequest | None = None) -> Invitation:
    """Send a pending (or expired) invitation again, with a new link and a new expiry."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.state() in (Invitation.ACCEPTED, Invitation.REVOKED):
        raise InvitationError(locked.state(), _("This invitation is no longer pending."))
    token = _issue_token(locked)
    locked.save(update_fields=["token_hash", "expires_at"])
    _send_invitation_email(locked, token, request)
    return locked


def invitation_revoke(*, invitation: Invitation) -> None:
    """Withdraw a pending invitation: its link stops working. An accepted one is left as it is."""
    Invitation.objects.filter(pk=invitation.pk, accepted_at=None).update(revoked=True)


def invitation_problem(*, invitation: Invitation | None, user: User | None = None,
                       now: datetime | None = None) -> str | None:
    """Why ``invitation`` cannot be accepted by ``user`` (a code of ``INVITATION_PROBLEMS``), or ``None``.

    With no user (or an anonymous one) only the invitation itself is checked.
    """
    if invitation is None:
        return "invalid"
    state = invitation.state(now)
    if state != Invitation.PENDING:
        return state
    if user is None or not user.is_authenticated:
        return None
    if user.email.casefold() != invitation.email.casefold():
        return "other_email"
    if user.is_staff:
        return "staff"
    if user.partners.exclude(pk=invitation.dealer.partner_id).exists():
        return "other_dealer"
    return None


def _accept(invitation, user, now):
    manager_add(dealer=invitation.dealer, user=user)
    invitation.accepted_at, invitation.accepted_by = now, user
    invitation.save(update_fields=["accepted_at", "accepted_by"])


def _lock_pending(invitation):
    locked = Invitation.objects.select_for_update(of=("self",)).select_related("dealer__partner").get(pk=invitation.pk)
    state = locked.state()
    if state != Invitation.PENDING:
        raise InvitationError(state)
    return locked


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> None:
    """``user`` (logged in, with the invited address) becomes a manager of the invitation's dealer."""
    locked = _lock_pending(invitation)
    problem = invitation_problem(invitation=locked, user=user)
    if problem is not None:
        raise InvitationError(problem)
    _accept(locked, user, timezone.now())
    return locked


@transaction.atomic
def invitation_accept_new_user(*, invitation: Invitation, password: str) -> User:
    """Create the account of the invited address with ``password`` and accept. Returns the user.

    Following the link proves the address is the visitor's; an address that already has an
    account must log in instead.
    """
    locked = _lock_pending(invitation)
    if User.objects.filter(email__iexact=locked.email).exists():
        raise InvitationError("account_exists")
    user = User(username=_username_for(locked.email), email=locked.email)
    user.set_password(password)
    user.save()
    _accept(locked, user, timezone.now())
    return user


# Territory requests --------------------------------------------------------------------------


def _same_territory(dealer, regions, cities):
    return (set(dealer.regions.values_list("pk", flat=True)) == {r.pk for r in regions}
            and set(dealer.cities.values_list("pk", flat=True)) == {c.pk for c in cities})


@transaction.atomic
def territory_request_submit(*, dealer: Dealer, regions: Iterable, cities: Iterable, comment: str = "",
                             user: User | None = None) -> TerritoryRequest:
    """A dealer asks to serve ``regions`` and ``cities`` (its whole territory); staff decide.

    The dealer's current territory stays in force until then. A request still waiting is
    replaced by the new one.
    """
    if _same_territory(dealer, regions, cities):
        raise TerritoryError(_("This is already your territory: change the regions or cities you ask for."))
    # Lock the dealer row: two managers submitting at once make one request, not two.
    Dealer.objects.select_for_update().filter(pk=dealer.pk).first()
    request = TerritoryRequest.objects.filter(dealer=dealer, status=TerritoryRequest.PENDING).first()
    if request is None:
        request = TerritoryRequest(dealer=dealer)
    request.comment, request.created_at = comment, timezone.now()
    request.created_by = user if user is not None and user.is_authenticated else None
    request.save()
    request.regions.set(regions)
    request.cities.set(cities)
    return request


def _lock_pending_request(request):
    locked = TerritoryRequest.objects.select_for_update(of=("self",)).select_related("dealer").get(pk=request.pk)
    if locked.status != TerritoryRequest.PENDING:
        raise TerritoryError(_("This request has already been decided."))
    return locked


@transaction.atomic
def territory_request_approve(*, request: TerritoryRequest, user: User, comment: str = "") -> TerritoryRequest:
    """Apply the requested territory to the dealer and close the request, in one transaction."""
    locked = _lock_pending_request(request)
    locked.dealer.regions.set(locked.regions.all())
    locked.dealer.cities.set(locked.cities.all())
    locked.status, locked.decided_by, locked.decided_at = TerritoryRequest.APPROVED, user, timezone.now()
    locked.staff_comment = comment
    locked.save(update_fields=["status", "decided_by", "decided_at", "staff_comment"])
    Dealer.objects.filter(pk=locked.dealer_id).update(updated_at=locked.decided_at)
    return locked


@transaction.atomic
def territory_request_reject(*, request: TerritoryRequest, user: User, comment: str) -> TerritoryRequest:
    """Close the request unchanged; ``comment`` tells the dealer why."""
    if not comment.strip():
        raise TerritoryError(_("Tell the dealer why the request is rejected."))
    locked = _lock_pending_request(request)
    locked.status, locked.decided_by, locked.decided_at = TerritoryRequest.REJECTED, user, timezone.now()
    locked.staff_comment = comment
    locked.save(update_fields=["status", "decided_by", "decided_at", "staff_comment"])
    return locked


# Adopting a shop's existing partners -----------------------------------------------------------------


def partners_adopt(*, partners: Iterable, regions: Iterable = (), cities: Iterable = (),
                   dry_run: bool = False) -> list:
    """Make each of the shop's Oscar ``partners`` that is not a dealer yet a dealer serving ``regions`` and
    ``cities``; returns those partners (with ``dry_run``, those it would adopt, writing nothing).

    Nothing of the partner changes: its stock records are its offers as they are (a record without a price
    follows the recommended price), its users become the dealer's managers (with Oscar's dashboard access).
    A partner that is a dealer already is left alone, so running it again changes nothing. All partners or,
    on any failure, none. ``AdoptionError`` when there is no region or city to serve.
    """
    regions, cities = list(regions), list(cities)
    if not regions and not cities:
        raise AdoptionError(_("Choose at least one region or city for the new dealers to serve."))
    ids = {partner.pk for partner in partners}
    with transaction.atomic():
        candidates = list(Partner.objects.select_for_update().filter(pk__in=ids)
                          .exclude(pk__in=Dealer.objects.values("partner_id")).order_by("name", "pk"))
        if dry_run:
            return candidates
        adopted = []
        access = dashboard_access_permission()
        for partner in candidates:
            dealer, created = Dealer.objects.get_or_create(partner=partner)
            if not created:  # adopted meanwhile by someone else
                continue
            dealer.regions.set(regions)
            dealer.cities.set(cities)
            for user in partner.users.filter(is_staff=False):
                user.user_permissions.add(access)
            adopted.append(partner)
    return adopted
