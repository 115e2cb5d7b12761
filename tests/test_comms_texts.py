"""Staff edit the texts of our emails and SMS in Oscar's «Communications»: a row whose code is the event type's
key in capitals replaces the file template field by field; a blank field or a text that does not render leaves
the file template. Our rows are there after migrate, and Oscar's pages of them open for staff in Russian."""

from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.notifications.backends import sms
from suz_oscar.test.factories import create_manager

from .conftest import client_for, make_order, regional_network

CommunicationEventType = get_model("communication", "CommunicationEventType")


def claim_an_order(django_capture_on_commit_callbacks):
    net = regional_network([10])
    holder = net["dealers"][0]
    create_manager(holder)
    order = make_order(net["city"], net["product"])
    order.guest_email = "guest@example.com"
    order.save()
    dispatch = dispatch_services.dispatch_plan(order=order)
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_services.dispatch_claim(dispatch=dispatch, dealer=holder)
    return order, holder


def test_our_event_types_are_rows_of_oscars_communications(db):
    codes = set(CommunicationEventType.objects.values_list("code", flat=True))
    assert {"ORDER_TAKEN", "ORDER_RETURNED", "DEALER_MESSAGE", "CHANGE_ANSWERED", "ORDER_AVAILABLE"} <= codes
    assert "INVITATION" not in codes  # its one-time link stays out of editable texts


def test_the_staffs_text_replaces_the_files_field_by_field(db, django_capture_on_commit_callbacks):
    CommunicationEventType.objects.filter(code="ORDER_TAKEN").update(
        email_subject_template="Ваш заказ {{ order.number }} у «{{ dealer.name }}»",
        sms_template="{{ dealer.name }} позвонит по заказу {{ order.number }}")
    order, holder = claim_an_order(django_capture_on_commit_callbacks)
    [email] = mail.outbox
    assert email.subject == f"Ваш заказ {order.number} у «{holder.name}»"  # not escaped: a plain-text email
    assert holder.name in email.body and "позвонит" in email.body  # the body: still the file's
    assert [m.body for m in sms.outbox] == [f"{holder.name} позвонит по заказу {order.number}"]


def test_a_text_that_does_not_render_leaves_the_file_template(db, django_capture_on_commit_callbacks):
    CommunicationEventType.objects.filter(code="ORDER_TAKEN").update(email_subject_template="{% if %}сломано")
    order, _holder = claim_an_order(django_capture_on_commit_callbacks)
    [email] = mail.outbox
    assert "сломано" not in email.subject and str(order.number) in email.subject


def test_oscars_communications_pages_open_for_staff_in_russian(staff, manager_a):
    page = client_for(staff).get(reverse("dashboard:comms-list"))
    assert page.status_code == 200 and "Покупатель отменил заказ" in page.content.decode()
    assert "Письма" in page.content.decode()
    edit = client_for(staff).get(reverse("dashboard:comms-update", kwargs={"slug": "ORDER_TAKEN"}))
    assert edit.status_code == 200 and "Дилер взял ваш заказ" in edit.content.decode()
    assert client_for(manager_a).get(reverse("dashboard:comms-list")).status_code == 403
