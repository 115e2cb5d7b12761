"""Write-side operations on dealers. Views, dashboard, API and commands call these."""

import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from .exceptions import ManagerInviteError

Partner = get_model("partner", "Partner")
Dealer = get_model("suz_dealers", "Dealer")
User = get_user_model()


def dashboard_access_permission():
    return Permission.objects.get(content_type__app_label="partner", codename="dashboard_access")


@transaction.atomic
def dealer_create(*, name, regions=(), cities=(), **fields):
    """Create the Oscar partner and its dealer profile together."""
    partner = Partner.objects.create(name=name)
    dealer = Dealer.objects.create(partner=partner, **fields)
    if regions:
        dealer.regions.set(regions)
    if cities:
        dealer.cities.set(cities)
    return dealer


def dealer_rename(*, dealer, name):
    if dealer.partner.name != name:
        dealer.partner.name = name
        dealer.partner.save(update_fields=["name"])


def dealer_suspend(*, dealer, reason=""):
    """Take a dealer out of the network; its data and managers stay."""
    dealer.is_active = False
    dealer.suspended_at = timezone.now()
    dealer.suspension_reason = reason
    dealer.save(update_fields=["is_active", "suspended_at", "suspension_reason", "updated_at"])


def dealer_activate(*, dealer):
    dealer.is_active = True
    dealer.suspended_at = None
    dealer.suspension_reason = ""
    dealer.save(update_fields=["is_active", "suspended_at", "suspension_reason", "updated_at"])


def _username_for(email):
    """Oscar logs users in by email; the username only has to be unique."""
    if len(email) <= 150 and not User.objects.filter(username=email).exists():
        return email
    return uuid.uuid4().hex


@transaction.atomic
def manager_invite(*, dealer, email, request=None):
    """Make ``email`` a manager of ``dealer`` and email them a link to set a password.

    A user may manage one dealer only: that keeps each manager's dashboard to
    one dealer's data. Returns ``(user, created)``.
    """
    email = User.objects.normalize_email(email).strip()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if user is not None:
        other = user.partners.exclude(pk=dealer.partner_id).first()
        if other is not None:
            raise ManagerInviteError(_("%(email)s already manages another dealer.") % {"email": email})
        if user.partners.filter(pk=dealer.partner_id).exists():
            raise ManagerInviteError(_("%(email)s is already a manager of this dealer.") % {"email": email})
        if user.is_staff:
            raise ManagerInviteError(
                _("%(email)s is a staff member and cannot be a dealer manager.") % {"email": email}
            )
    else:
        user = User(username=_username_for(email), email=email)
        user.set_unusable_password()
        user.save()
    manager_add(dealer=dealer, user=user)
    transaction.on_commit(lambda: send_manager_invitation(dealer=dealer, user=user, request=request))
    return user, created


def manager_add(*, dealer, user):
    """Give ``user`` the dealer's dashboard (no email; see :func:`manager_invite`)."""
    dealer.partner.users.add(user)
    user.user_permissions.add(dashboard_access_permission())


def manager_remove(*, dealer, user):
    """Remove a manager; they lose dashboard access when they manage no dealer any more."""
    dealer.partner.users.remove(user)
    if not user.partners.exists():
        user.user_permissions.remove(dashboard_access_permission())


def set_password_url(user, request=None):
    path = reverse(
        "password-reset-confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return request.build_absolute_uri(path) if request is not None else path


def send_manager_invitation(*, dealer, user, request=None):
    """Email the invitation: a set-password link for a new user, a login link otherwise."""
    needs_password = not user.has_usable_password()
    context = {
        "dealer": dealer,
        "user": user,
        "needs_password": needs_password,
        "set_password_url": set_password_url(user, request) if needs_password else None,
        "login_url": (
            request.build_absolute_uri(reverse("dashboard:index"))
            if request is not None
            else reverse("dashboard:index")
        ),
    }
    subject = render_to_string("suz/dealers/emails/manager_invite_subject.txt", context).strip()
    body = render_to_string("suz/dealers/emails/manager_invite_body.txt", context)
    EmailMultiAlternatives(subject=subject, body=body, to=[user.email]).send()
