"""Feedback in the dashboard: staff see everything; a dealer's managers only the orders their dealer holds."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.core.loading import get_model

from suz_oscar.core import timeline
from suz_oscar.core.conf import suz_settings
from suz_oscar.core.forms import errors_as_text
from suz_oscar.dashboard.dispatch.settings_views import ListSettingsView
from suz_oscar.dashboard.dispatch.views import DealerMixin
from suz_oscar.dispatch.selectors import phone_visible
from suz_oscar.feedback import selectors, services
from suz_oscar.feedback.exceptions import FeedbackError
from suz_oscar.feedback.vocabulary import ComplaintState, ReviewState

from .forms import CloseForm, CustomerSearchForm, EarnedForm, ReplyForm

Dispatch = get_model("suz_dispatch", "Dispatch")
Complaint = get_model("suz_feedback", "Complaint")
Review = get_model("suz_feedback", "Review")


def order_card(pk):
    return redirect("suz_dispatch_dashboard:suz-inbox-order", pk=pk)


class HeldOrderMixin(DealerMixin):
    """The order, for staff; for a dealer only if it holds it (any other order does not exist for it)."""

    def get_held(self, pk):
        dealer = self.get_dealer()
        qs = Dispatch.objects.select_related("order", "claimed_by__partner")
        if dealer is not None:
            qs = qs.filter(claimed_by=dealer)
        return get_object_or_404(qs, pk=pk)


class SurveySendView(generic.View):
    """Staff send the order's survey again (a new link) in one click."""

    def post(self, request, *args, **kwargs):
        dispatch = get_object_or_404(Dispatch, pk=kwargs["pk"])
        try:
            services.survey_send(dispatch=dispatch)
        except FeedbackError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The survey is sent to the customer."))
        return order_card(dispatch.pk)


class EarnedView(HeldOrderMixin, generic.View):
    """The holding dealer (or staff) confirm or correct what the customer paid."""

    def post(self, request, *args, **kwargs):
        dispatch = self.get_held(kwargs["pk"])
        form = EarnedForm(request.POST)
        if not form.is_valid():
            messages.error(request, errors_as_text(form))
            return order_card(dispatch.pk)
        try:
            services.earned_set(dispatch=dispatch, amount=form.cleaned_data["amount"], user=request.user)
        except FeedbackError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The amount earned is saved."))
        return order_card(dispatch.pk)


class ComplaintListView(DealerMixin, generic.TemplateView):
    template_name = "suz/dashboard/feedback/complaints.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        state = self.request.GET.get("state", "open")
        states = [("open", _("Open and answered"))] + [(c, label) for c, label in ComplaintState.choices
                                                        if c != ComplaintState.OPEN] + [("all", _("All"))]
        if state not in dict(states):
            state = "open"
        found = selectors.complaints(state=None if state == "all" else state, dealer=self.get_dealer())
        page = Paginator(found, suz_settings.SUZ_DASHBOARD_PAGE_SIZE).get_page(self.request.GET.get("page"))
        ctx.update({"state": state, "states": states, "page_obj": page, "complaints": list(page.object_list),
                    "paginator": page.paginator, "is_paginated": page.has_other_pages()})
        return ctx


class ComplaintMixin(DealerMixin):
    def get_complaint(self):
        dealer = self.get_dealer()
        qs = Complaint.objects.select_related("dispatch__order", "dealer__partner", "answered_by", "closed_by")
        if dealer is not None:
            qs = qs.filter(dealer=dealer, dispatch__claimed_by=dealer)
        return get_object_or_404(qs, pk=self.kwargs["pk"])


class ComplaintView(ComplaintMixin, generic.TemplateView):
    template_name = "suz/dashboard/feedback/complaint.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        complaint = self.get_complaint()
        ctx.update({"complaint": complaint, "thread": complaint.messages.select_related("author"),
                    "reply_form": ReplyForm(), "close_form": CloseForm() if self.request.user.is_staff else None,
                    "dealer": self.get_dealer()})
        return ctx


class ComplaintReplyView(ComplaintMixin, generic.View):
    def post(self, request, *args, **kwargs):
        complaint = self.get_complaint()
        form = ReplyForm(request.POST)
        if not form.is_valid():
            messages.error(request, errors_as_text(form))
        else:
            try:
                services.complaint_reply(complaint=complaint, text=form.cleaned_data["text"], user=request.user,
                                         dealer=self.get_dealer())
            except FeedbackError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("The answer is sent to the customer."))
        return redirect("suz_feedback_dashboard:suz-complaint", pk=complaint.pk)


class ComplaintCloseView(ComplaintMixin, generic.View):
    """Staff decide: resolved (upheld or not) or rejected."""

    def post(self, request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied
        complaint = self.get_complaint()
        form = CloseForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a decision."))
        else:
            decision = form.cleaned_data["decision"]
            try:
                services.complaint_close(complaint=complaint, resolved=decision != "rejected",
                                         upheld=decision == "upheld", user=request.user,
                                         note=form.cleaned_data["note"])
            except FeedbackError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("The complaint is closed."))
        return redirect("suz_feedback_dashboard:suz-complaint", pk=complaint.pk)


class ReviewListView(generic.TemplateView):
    template_name = "suz/dashboard/feedback/reviews.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        state = self.request.GET.get("state", ReviewState.PENDING)
        state = state if state in ReviewState.values else ReviewState.PENDING
        page = Paginator(selectors.reviews(state), suz_settings.SUZ_DASHBOARD_PAGE_SIZE).get_page(
            self.request.GET.get("page"))
        ctx.update({"state": state, "states": ReviewState.choices, "reviews": list(page.object_list),
                    "page_obj": page, "paginator": page.paginator, "is_paginated": page.has_other_pages()})
        return ctx


class ReviewModerateView(generic.View):
    def post(self, request, *args, **kwargs):
        review = get_object_or_404(Review, pk=kwargs["pk"])
        action = request.POST.get("action")
        if action not in ("publish", "reject"):
            messages.error(request, _("Choose to publish or to reject the review."))
        else:
            services.review_moderate(review=review, publish=action == "publish", user=request.user)
            messages.success(request, _("The review is published.") if action == "publish"
                             else _("The review is rejected."))
        return redirect("suz_feedback_dashboard:suz-reviews")


class SurveyQuestionsView(ListSettingsView):
    template_name = "suz/dashboard/feedback/questions.html"
    model = get_model("suz_feedback", "SurveyQuestion")
    fields = ["text", "kind", "audience", "position", "is_active"]
    title = _("Survey questions")
    help_text = _("Every closed order's customer gets the active questions meant for them: those who bought, those "
                  "who did not, or both. The first «score» question is the dealer's score: it moves the dealer's "
                  "points by the points table. Answered questions cannot be deleted; switch them off.")
    widgets = {"text": forms.TextInput(attrs={"class": "form-control", "style": "min-width:28em"}),
               "kind": forms.Select(attrs={"class": "form-control"}),
               "audience": forms.Select(attrs={"class": "form-control"}),
               "position": forms.NumberInput(attrs={"class": "form-control", "style": "max-width:6em"})}


class CustomerSearchView(DealerMixin, generic.TemplateView):
    template_name = "suz/dashboard/feedback/customers.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = CustomerSearchForm(self.request.GET or None)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        dealer = self.get_dealer()
        found = selectors.search_customers(query, dealer=dealer) if query else []
        for customer in found:
            customer.phone_shown = phone_visible(customer.anchor, dealer)
        ctx.update({"form": form, "query": query, "customers": found, "dealer": dealer})
        return ctx


class CustomerCardView(DealerMixin, generic.TemplateView):
    """Contacts, every order with its dealer and outcome, and one timeline of every contact with the customer."""

    template_name = "suz/dashboard/feedback/customer.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        dealer = self.get_dealer()
        qs = Dispatch.objects.select_related("order__shipping_address", "order__suz_place__city", "order__user")
        if dealer is not None:
            qs = qs.filter(claimed_by=dealer)
        anchor = qs.filter(pk=self.kwargs["pk"]).first()
        if anchor is None:
            raise Http404
        # A page of the newest entries; «Показать более ранние» pages back by the cursor of the oldest one shown.
        raw = self.request.GET.get("before")
        before = timeline.Cursor.parse(raw) if raw else None
        orders = None if self.request.GET.get("orders") == "all" else suz_settings.SUZ_CUSTOMER_CARD_ORDERS
        card = selectors.customer_card(anchor, dealer, limit=suz_settings.SUZ_CUSTOMER_TIMELINE_ENTRIES,
                                       before=before, orders=orders)
        card["before"] = before
        card["bad_cursor"] = bool(raw) and before is None
        ctx.update(card)
        ctx.update({"dealer": dealer, "anchor": anchor, "phone_shown": phone_visible(anchor, dealer),
                    "status_labels": dict(Dispatch.STATUSES)})
        return ctx
