"""The customer's view of an order: a guest opens it by a signed link, a registered customer in the account."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.core.loading import get_model

from suz_oscar.notifications.services import comment_add
from suz_oscar.notifications.vocabulary import Role

Order = get_model("order", "Order")


def order_status_url(order):
    """The page where the customer follows ``order``.

    A guest's link carries Oscar's verification hash (an HMAC of the order number under ``SECRET_KEY``):
    unguessable, and it asks for nothing the guest never gave (Oscar's own page asks for an email).
    """
    if order.user_id is not None:
        return reverse("customer:order", kwargs={"order_number": order.number})
    return reverse("suz-order-status", kwargs={"number": order.number, "hash": order.verification_hash()})


class OrderStatusView(generic.DetailView):
    """A guest's order page, by its signed link; a registered customer's order goes to the account."""

    template_name = "suz/storefront/order_status.html"
    context_object_name = "order"

    def get_object(self, queryset=None):
        number, signature = self.kwargs["number"], self.kwargs["hash"]
        order = Order.objects.filter(number=number).select_related("shipping_address").first()
        if order is None or not order.check_verification_hash(signature):
            raise Http404
        return order

    def get(self, request, *args, **kwargs):
        order = self.get_object()
        if order.user_id is not None:
            return redirect(order_status_url(order))
        self.object = order
        return self.render_to_response(self.get_context_data(object=order))


class MessageForm(forms.Form):
    text = forms.CharField(max_length=2000, error_messages={
        "required": _("Write your message."), "max_length": _("The message is too long: at most 2,000 characters.")})

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\x00", "").strip()
        if not text:
            raise forms.ValidationError(_("Write your message."))
        return text


class OrderMessageView(generic.View):
    """The customer writes about the order: a guest by the signed link, a registered customer signed in as the
    order's owner. Any other order, a forged link or another customer's order: 404."""

    def post(self, request, *args, **kwargs):
        order = Order.objects.filter(number=kwargs["number"]).first()
        if order is None or not order.check_verification_hash(kwargs["hash"]):
            raise Http404
        if order.user_id is not None and order.user_id != request.user.pk:
            raise Http404
        dispatch = get_model("suz_dispatch", "Dispatch").objects.filter(order=order).select_related(
            "claimed_by__partner", "order").first()
        if dispatch is None:
            raise Http404
        form = MessageForm(request.POST)
        if form.is_valid():

            card = reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk})
            comment_add(dispatch=dispatch, author=request.user, role=Role.CUSTOMER, text=form.cleaned_data["text"],
                        url=request.build_absolute_uri(card))
            messages.success(request, _("Your message is sent. The answer will appear on this page."))
        else:
            messages.error(request, " ".join(form.errors["text"]))
        return redirect(order_status_url(order))
