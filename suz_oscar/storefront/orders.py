"""The customer's view of an order: a guest opens it by a signed link, a registered customer in the account."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.core.loading import get_model
from phonenumber_field.formfields import PhoneNumberField

from suz_oscar.checkout.forms import CustomerChannelsForm
from suz_oscar.checkout.links import LinkProblem, order_status_path, token_problem
from suz_oscar.checkout.services import order_link_resend
from suz_oscar.core.forms import errors_as_text
from suz_oscar.dispatch.exceptions import DispatchError
from suz_oscar.dispatch.selectors import change_variants
from suz_oscar.dispatch.services import change_request_add, dispatch_cancel_by_customer
from suz_oscar.notifications.services import comment_add
from suz_oscar.notifications.vocabulary import Role

Order = get_model("order", "Order")


def _linked_order(number, token):
    """``(order, problem)``: the order ``token`` opens, or ``(None, LinkProblem…)`` — a missing order is a
    forged link, so a link reveals nothing about orders it does not open."""
    order = Order.objects.filter(number=number).select_related("shipping_address", "suz_place").first()
    if order is None:
        return None, LinkProblem.FORGED
    problem = token_problem(order, token)
    if problem is not None:
        return None, problem
    order._suz_link_token = token
    return order, None


class OrderStatusView(generic.TemplateView):
    """A guest's order page, by its signed link; a registered customer's order goes to the account. A link
    that does not open the order (forged, expired, revoked) gets a page saying so, and a way to a new one."""

    template_name = "suz/storefront/order_status.html"

    def get(self, request, *args, **kwargs):
        order, problem = _linked_order(kwargs["number"], kwargs["hash"])
        if problem is not None:
            return link_problem_page(request, problem, kwargs["number"])
        if order.user_id is not None:
            return redirect(order_status_path(order))
        return self.render_to_response(self.get_context_data(order=order, notify_form=channels_form(order)))


def link_problem_page(request, problem, number, form=None, status=404):
    return render(request, "suz/storefront/order_link_problem.html",
                  {"problem": problem, "number": number, "form": form or LinkRequestForm(initial={"number": number})},
                  status=status)


class LinkRequestForm(forms.Form):
    """A customer whose link no longer works asks for a new one: the order's number and its phone."""

    number = forms.CharField(label=_("Order number"), max_length=128)
    phone = PhoneNumberField(label=_("The phone given with the order"))

    def clean_number(self):
        return self.cleaned_data["number"].replace("\x00", "").strip()


class LinkRequestView(generic.View):
    """Sends a fresh link to the order's own channels when the number and phone match. The answer is the same
    whether they match or not, so the form tells nobody which orders exist or whose phone is whose."""

    def post(self, request, *args, **kwargs):
        form = LinkRequestForm(request.POST)
        if not form.is_valid():
            return link_problem_page(request, request.POST.get("problem", ""), request.POST.get("number", ""),
                                     form=form, status=400)
        order_link_resend(number=form.cleaned_data["number"], phone=form.cleaned_data["phone"].as_e164,
                          base_url=request.build_absolute_uri("/"))
        return render(request, "suz/storefront/order_link_sent.html", {})


def channels_form(order, data=None):
    place = getattr(order, "suz_place", None)
    if place is None:
        return None
    return CustomerChannelsForm(data, instance=place, order=order)


class OrderChannelsView(generic.View):
    """The guest changes how we tell them about the order (the page itself always shows it)."""

    def post(self, request, *args, **kwargs):
        dispatch = customer_dispatch(request, kwargs["number"], kwargs["hash"])
        form = channels_form(dispatch.order, request.POST)
        if form is None:
            raise Http404
        if form.is_valid():
            form.save()
            messages.success(request, _("Saved: we will tell you about this order as you chose."))
        else:
            messages.error(request, errors_as_text(form))
        return redirect(order_status_path(dispatch.order))


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
    order, problem = _linked_order(number, signature)
    if problem is not None:
        raise Http404
    if order.user_id is not None and order.user_id != request.user.pk:
        raise Http404
    dispatch = get_model("suz_dispatch", "Dispatch").objects.filter(order=order).select_related(
        "claimed_by__partner").first()
    if dispatch is None:
        raise Http404
    dispatch.order = order
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
        return redirect(order_status_path(dispatch.order))


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
        return redirect(order_status_path(dispatch.order))


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
            return redirect(order_status_path(dispatch.order))
        line, product = form.cleaned_data["variant"] or (None, None)
        try:
            change_request_add(dispatch=dispatch, text=form.cleaned_data["text"], line=line, product=product,
                               user=request.user, url=_card_url(request, dispatch))
        except DispatchError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Your request is sent to the dealer. Its answer will appear on this page."))
        return redirect(order_status_path(dispatch.order))
