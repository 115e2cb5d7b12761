"""The customer's view of an order: a guest opens it by a signed link, a registered customer in the account."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.core.loading import get_model

from suz_oscar.core.forms import errors_as_text
from suz_oscar.dispatch.exceptions import DispatchError
from suz_oscar.dispatch.selectors import change_variants
from suz_oscar.dispatch.services import change_request_add, dispatch_cancel_by_customer
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


def customer_dispatch(request, number, signature):
    """The order's dispatch for the customer who may act on it: a guest by the signed link, a registered
    customer signed in as the order's owner. Any other order, a forged link or another customer's order: 404."""
    order = Order.objects.filter(number=number).first()
    if order is None or not order.check_verification_hash(signature):
        raise Http404
    if order.user_id is not None and order.user_id != request.user.pk:
        raise Http404
    dispatch = get_model("suz_dispatch", "Dispatch").objects.filter(order=order).select_related(
        "claimed_by__partner", "order").first()
    if dispatch is None:
        raise Http404
    return dispatch


def _card_url(request, dispatch):
    return request.build_absolute_uri(reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk}))


class OrderMessageView(generic.View):
    """The customer writes about the order (``customer_dispatch`` decides who may)."""

    def post(self, request, *args, **kwargs):
        dispatch = customer_dispatch(request, kwargs["number"], kwargs["hash"])
        form = MessageForm(request.POST)
        if form.is_valid():
            comment_add(dispatch=dispatch, author=request.user, role=Role.CUSTOMER, text=form.cleaned_data["text"],
                        url=_card_url(request, dispatch))
            messages.success(request, _("Your message is sent. The answer will appear on this page."))
        else:
            messages.error(request, " ".join(form.errors["text"]))
        return redirect(order_status_url(dispatch.order))


class OrderCancelView(generic.View):
    """The customer cancels the order while nobody has processed it; afterwards the page offers no button and
    a forged POST is refused with the reason."""

    def post(self, request, *args, **kwargs):
        dispatch = customer_dispatch(request, kwargs["number"], kwargs["hash"])
        try:
            dispatch_cancel_by_customer(dispatch=dispatch, user=request.user)
        except DispatchError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Your order is cancelled."))
        return redirect(order_status_url(dispatch.order))


class ChangeRequestForm(forms.Form):
    """What the customer wants changed: a variant of a line (``"<line id>:<product id>"``) and/or words."""

    variant = forms.CharField(required=False, max_length=40)
    text = forms.CharField(required=False, max_length=2000, error_messages={
        "max_length": _("The request is too long: at most 2,000 characters.")})

    def __init__(self, *args, order=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order

    def clean_text(self):
        return self.cleaned_data["text"].replace("\x00", "").strip()

    def clean_variant(self):
        value = self.cleaned_data["variant"].strip()
        if not value:
            return None
        line_id, _sep, product_id = value.partition(":")
        if not (line_id.isdigit() and product_id.isdigit()):
            raise forms.ValidationError(_("Choose one of the listed variants."))
        line = self.order.lines.filter(pk=int(line_id)).select_related("product").first()
        product = next((p for p in change_variants(line) if p.pk == int(product_id)), None) if line else None
        if product is None:
            raise forms.ValidationError(_("Choose one of the listed variants."))
        return line, product

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("variant") and not data.get("text"):
            raise forms.ValidationError(_("Describe the change, or choose another variant of a line."))
        return data


class OrderChangeView(generic.View):
    """The customer asks the dealer holding the order for a change."""

    def post(self, request, *args, **kwargs):
        dispatch = customer_dispatch(request, kwargs["number"], kwargs["hash"])
        form = ChangeRequestForm(request.POST, order=dispatch.order)
        if not form.is_valid():
            messages.error(request, errors_as_text(form))
            return redirect(order_status_url(dispatch.order))
        line, product = form.cleaned_data["variant"] or (None, None)
        try:
            change_request_add(dispatch=dispatch, text=form.cleaned_data["text"], line=line, product=product,
                               user=request.user, url=_card_url(request, dispatch))
        except DispatchError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Your request is sent to the dealer. Its answer will appear on this page."))
        return redirect(order_status_url(dispatch.order))
