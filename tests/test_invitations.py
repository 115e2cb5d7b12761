"""Manager invitations: a neutral answer to the inviter, a single-use link, consent before access."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.dealers import services
from suz_oscar.test.factories import DealerFactory, StaffFactory, UserFactory, create_manager

from .conftest import client_for

User = get_user_model()
Invitation = get_model("suz_dealers", "Invitation")
LINK = re.compile(r"https?://[^/\s]+(/dealer-invitation/[\w-]+/)")


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Invite through the manager page as ``inviter``; returns (response, link path of the email sent)."""

    def invite(inviter, dealer, email):
        before = len(mail.outbox)
        url = reverse("suz_dashboard:suz-manager-list", kwargs={"pk": dealer.pk})
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(inviter).post(url, {"email": email}, follow=True)
        assert len(mail.outbox) == before + 1
        return response, LINK.search(mail.outbox[-1].body).group(1)

    return invite


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def memberships():
    return sorted(User.partners.through.objects.values_list("user_id", "partner_id"))


def test_the_inviter_gets_the_same_answer_whoever_owns_the_address(send, manager_a, dealer_a, manager_b):
    customer = UserFactory(email="customer@example.com")
    staff = StaffFactory(email="staff@example.com")
    colleague = create_manager(dealer_a, email="colleague@example.com")
    before = memberships()
    answers = []
    for email in ["new@example.com", customer.email, staff.email, manager_b.email, colleague.email]:
        response, _link = send(manager_a, dealer_a, email)
        assert response.status_code == 200
        assert mail.outbox[-1].to == [email]
        answers.append([m.replace(email, "…") for m in messages_of(response)])
    assert answers == [["Приглашение отправлено на …."]] * 5
    # Nobody became a manager, nobody was created: that waits for the invitee.
    assert memberships() == before
    assert not User.objects.filter(email="new@example.com").exists()


def test_the_email_is_plain_russian_with_a_single_use_link(send, manager_a, dealer_a, settings):
    settings.SUZ_INVITATION_DAYS = 3
    send(manager_a, dealer_a, "Boss@Example.COM")
    message = mail.outbox[-1]
    assert message.to == ["Boss@example.com"]
    assert message.subject == "Приглашение стать менеджером дилера «Дилер А»"
    assert message.content_subtype == "plain" and not getattr(message, "alternatives", None)
    assert "Ссылка действует один раз и 3 дня." in message.body
    invitation = dealer_a.invitations.get()
    assert invitation.expires_at - invitation.created_at == timedelta(days=3)
    assert invitation.invited_by == manager_a
    # Only a hash of the token is stored.
    token = LINK.search(message.body).group(1).split("/")[-2]
    assert token not in invitation.token_hash and len(invitation.token_hash) == 64


@pytest.mark.parametrize("name", ["Декор\nBcc: victim@example.com", "<script>alert(1)</script> & Co"])
def test_a_dealer_name_cannot_break_the_email_or_the_page(send, staff, name):
    dealer = DealerFactory(partner__name=name)
    _response, link = send(staff, dealer, "new@example.com")
    message = mail.outbox[-1]
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.to == ["new@example.com"] and not message.bcc
    assert "&lt;" not in message.subject + message.body and "&amp;" not in message.body
    page = client_for().get(link).content.decode()
    assert "<script>alert(1)" not in page
    if "<script>" in name:
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page


def test_a_new_address_sets_a_password_and_becomes_a_manager(send, manager_a, dealer_a, dealer_b):
    _response, link = send(manager_a, dealer_a, "new@example.com")
    client = client_for()
    page = client.get(link)
    assert page.status_code == 200 and "Дилер А" in page.content.decode()
    assert "password1" in page.content.decode()

    mismatch = client.post(link, {"password1": "Str0ng-pass-42", "password2": "other-pass-42"})
    assert mismatch.status_code == 200 and "Пароли не совпадают." in mismatch.content.decode()
    weak = client.post(link, {"password1": "123", "password2": "123"})
    assert weak.status_code == 200 and not User.objects.filter(email="new@example.com").exists()
    assert "Введённый пароль слишком короткий." in weak.content.decode()

    response = client.post(link, {"password1": "Str0ng-pass-42", "password2": "Str0ng-pass-42"})
    assert response.status_code == 302
    user = User.objects.get(email="new@example.com")
    assert dealer_a.partner.users.filter(pk=user.pk).exists() and user.has_perm("partner.dashboard_access")
    # Logged in at once, and sees its own dealer only.
    assert client.get(reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer_a.pk})).status_code == 200
    assert client.get(reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer_b.pk})).status_code == 404
    assert client_for().login(username="new@example.com", password="Str0ng-pass-42")

    # The link works once.
    again = client_for().get(link)
    assert again.status_code == 410 and "Это приглашение уже принято" in again.content.decode()
    assert client_for().post(link, {"password1": "x-Str0ng-pass", "password2": "x-Str0ng-pass"}).status_code == 410
    assert User.objects.filter(email="new@example.com").count() == 1


def test_an_existing_customer_logs_in_and_accepts(send, manager_a, dealer_a):
    customer = UserFactory(email="buyer@example.com")
    _response, link = send(manager_a, dealer_a, "BUYER@example.com")
    assert not dealer_a.partner.users.filter(pk=customer.pk).exists()

    anonymous = client_for()
    page = anonymous.get(link)
    assert page.status_code == 200 and "password1" not in page.content.decode()
    login_url = f"{reverse('customer:login')}?next={link}"
    assert login_url in page.content.decode()
    # Following the link without an account cannot take the existing address over.
    assert anonymous.post(link, {"password1": "Str0ng-pass-42", "password2": "Str0ng-pass-42"}).status_code == 200
    assert not customer.partners.exists()

    response = anonymous.post(login_url, {"login-username": "buyer@example.com", "login-password": "demo",
                                          "login-redirect_url": link, "login_submit": "1"})
    assert response.status_code == 302 and response["Location"] == link
    page = anonymous.get(link)
    assert "Принять приглашение" in page.content.decode()
    assert not customer.partners.exists()  # not before the button
    assert anonymous.post(link).status_code == 302
    assert dealer_a.partner.users.filter(pk=customer.pk).exists()
    assert dealer_a.invitations.get().accepted_by == customer


@pytest.mark.parametrize("who,title", [
    ("staff", "Сотрудники производителя не могут быть менеджерами дилера"),
    ("other_dealer", "Вы уже управляете другим дилером"),
    ("other_email", "Это приглашение отправлено на другой адрес"),
])
def test_who_cannot_accept_is_told_why_and_nothing_changes(send, manager_a, dealer_a, dealer_b, who, title):
    user = {
        "staff": lambda: StaffFactory(email="person@example.com"),
        "other_dealer": lambda: create_manager(dealer_b, email="person@example.com"),
        "other_email": lambda: UserFactory(email="someone-else@example.com"),
    }[who]()
    _response, link = send(manager_a, dealer_a, "person@example.com")
    before = memberships()
    client = client_for(user)
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 403
        assert title in response.content.decode()
    assert memberships() == before
    assert dealer_a.invitations.get().accepted_at is None


@pytest.mark.parametrize("spoil", ["expired", "revoked", "forged"])
def test_dead_links_say_so_and_reveal_nothing(send, manager_a, dealer_a, spoil):
    _response, link = send(manager_a, dealer_a, "new@example.com")
    invitation = dealer_a.invitations.get()
    if spoil == "expired":
        Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
        status, title = 410, "Срок действия приглашения истёк"
    elif spoil == "revoked":
        services.invitation_revoke(invitation=invitation)
        status, title = 410, "Приглашение отозвано"
    else:
        link = link[:-5] + "AAAA/"
        status, title = 404, "Ссылка недействительна"
    for response in (client_for().get(link),
                     client_for().post(link, {"password1": "Str0ng-pass-42", "password2": "Str0ng-pass-42"})):
        assert response.status_code == status
        page = response.content.decode()
        assert title in page
        assert "Дилер А" not in page and "new@example.com" not in page
    assert not User.objects.filter(email="new@example.com").exists()


def test_resend_issues_a_new_link_and_revoke_withdraws_it(send, manager_a, dealer_a,
                                                          django_capture_on_commit_callbacks):
    _response, old_link = send(manager_a, dealer_a, "new@example.com")
    invitation = dealer_a.invitations.get()
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(days=1))
    client = client_for(manager_a)
    page = client.get(reverse("suz_dashboard:suz-manager-list", kwargs={"pk": dealer_a.pk})).content.decode()
    assert "new@example.com" in page and "Истекло" in page and "Отозвать" in page

    resend = reverse("suz_dashboard:suz-invitation-resend", kwargs={"pk": dealer_a.pk, "invitation_pk": invitation.pk})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(resend).status_code == 302
    new_link = LINK.search(mail.outbox[-1].body).group(1)
    assert new_link != old_link
    assert client_for().get(old_link).status_code == 404
    assert client_for().get(new_link).status_code == 200
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now()

    # Inviting the same address again at once (a double click, a form sent twice) sends nothing more: the
    # link just sent keeps working. Later, it renews the open invitation instead of adding one.
    before = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("suz_dashboard:suz-manager-list", kwargs={"pk": dealer_a.pk}), {"email": "new@example.com"})
    assert len(mail.outbox) == before and client_for().get(new_link).status_code == 200
    Invitation.objects.filter(pk=invitation.pk).update(created_at=timezone.now() - timedelta(minutes=2))
    send(manager_a, dealer_a, "NEW@example.com")
    assert dealer_a.invitations.count() == 1

    revoke = reverse("suz_dashboard:suz-invitation-revoke", kwargs={"pk": dealer_a.pk, "invitation_pk": invitation.pk})
    assert client.post(revoke).status_code == 302
    assert client_for().get(LINK.search(mail.outbox[-1].body).group(1)).status_code == 410
    page = client.get(reverse("suz_dashboard:suz-manager-list", kwargs={"pk": dealer_a.pk})).content.decode()
    assert 'id="invitation-table"' not in page
    # Revoked: neither resent nor revoked again.
    assert client.post(resend).status_code == 404


@pytest.mark.parametrize("name", ["suz-invitation-revoke", "suz-invitation-resend"])
def test_invitation_action_urls_matrix(name, dealer_b, manager_a, manager_b, customer, staff,
                                       django_capture_on_commit_callbacks):
    def call(user):
        # Each call gets a fresh open invitation of dealer B (a revoke closes it).
        invitation = services.invitation_send(dealer=dealer_b, email=f"x{Invitation.objects.count()}@example.com")
        url = reverse(f"suz_dashboard:{name}", kwargs={"pk": dealer_b.pk, "invitation_pk": invitation.pk})
        with django_capture_on_commit_callbacks(execute=True):
            return client_for(user).post(url)

    response = call(None)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert call(customer).status_code == 403
    assert call(manager_a).status_code == 404
    assert call(manager_b).status_code == 302
    assert call(staff).status_code == 302
    # Dealer A's manager cannot reach dealer B's invitation through dealer A's URL either.
    invitation = services.invitation_send(dealer=dealer_b, email="y@example.com")
    url = reverse(f"suz_dashboard:{name}", kwargs={"pk": manager_a.partners.get().dealer.pk,
                                                   "invitation_pk": invitation.pk})
    assert client_for(manager_a).post(url).status_code == 404
    invitation.refresh_from_db()
    assert not invitation.revoked


def test_invitation_link_matrix(send, manager_a, dealer_a, manager_b, customer, staff):
    """The link itself: nobody but the invited address's owner can use it, whoever is logged in."""
    _response, link = send(manager_a, dealer_a, "holder@example.com")
    before = memberships()
    for user in (customer, manager_b, staff):
        client = client_for(user)
        assert client.get(link).status_code == 403
        assert client.post(link).status_code == 403
    assert memberships() == before and dealer_a.invitations.get().accepted_at is None
    # The token holder, not logged in, with an address that has no account yet.
    holder = client_for()
    assert holder.get(link).status_code == 200
    assert holder.post(link, {"password1": "Str0ng-pass-42", "password2": "Str0ng-pass-42"}).status_code == 302
    assert dealer_a.partner.users.filter(email="holder@example.com").exists()


def test_an_invitation_sent_without_a_request_has_an_absolute_link(dealer_a, django_capture_on_commit_callbacks,
                                                                    settings):
    """From a command or a task: the link is built on the current Site's domain, with Oscar's scheme (http as
    the demo serves, https in production)."""
    from django.contrib.sites.models import Site

    settings.OSCAR_URL_SCHEMA = "https"
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_send(dealer=dealer_a, email="new@example.com")
    assert f"https://{Site.objects.get_current().domain}/dealer-invitation/" in mail.outbox[-1].body
