from datetime import timedelta

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.core.loading import get_model

from suz_oscar.core.conf import suz_settings
from suz_oscar.core.forms import errors_as_text
from suz_oscar.dealers.selectors import dealer_for_user
from suz_oscar.dispatch import config, selectors, services
from suz_oscar.dispatch.exceptions import DispatchError
from suz_oscar.dispatch.strategies import InvalidStrategy
from suz_oscar.feedback.services import earned_set

Dispatch = get_model("suz_dispatch", "Dispatch")
DeclineReason = get_model("suz_dispatch", "DeclineReason")
FailureReason = get_model("suz_dispatch", "FailureReason")


class AssignForm(forms.Form):
    dealer = forms.ModelChoiceField(
        label=_("Dealer"), queryset=get_model("suz_dealers", "Dealer").objects.filter(is_active=True)
        .select_related("partner").order_by("partner__name"),
        widget=forms.Select(attrs={"class": "form-control suz-select2", "style": "width:100%"}),
    )


# The age filter's bound: ten years, far beyond any order and well inside what dates can hold.
MAX_AGE_HOURS = 10 * 366 * 24


def stage_choices():
    """The strategies of the chain, by key (the stage filter of the staff list)."""
    choices = {}
    for item in config.configured():
        try:
            cls = item.cls
        except InvalidStrategy:
            continue
        choices.setdefault(cls.key, cls.title)
    return list(choices.items())


class DispatchFilter(django_filters.FilterSet):
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), field_name="order__suz_place__region",
        queryset=get_model("suz_dealers", "Region").objects.filter(is_active=True), empty_label=_("All regions"),
        widget=forms.Select(attrs={"class": "form-control"}),
    )
    dealer = django_filters.ModelChoiceFilter(
        label=_("Dealer"), field_name="claimed_by",
        queryset=get_model("suz_dealers", "Dealer").objects.select_related("partner").order_by("partner__name"),
        empty_label=_("All dealers"), widget=forms.Select(attrs={"class": "form-control suz-select2"}),
    )
    stage = django_filters.ChoiceFilter(
        label=_("Stage"), method="filter_stage", choices=lambda: stage_choices(), empty_label=_("All stages"),
        widget=forms.Select(attrs={"class": "form-control"}),
    )
    older_than = django_filters.NumberFilter(
        label=_("Older than, hours"), method="filter_age", min_value=0, max_value=MAX_AGE_HOURS, max_digits=9,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"class": "form-control", "style": "max-width:6em"}),
    )

    class Meta:
        model = Dispatch
        fields = ["region", "dealer", "stage", "older_than"]

    def filter_stage(self, queryset, name, value):
        if "stage" not in queryset.query.annotations:
            queryset = selectors.with_stage(queryset)
        return queryset.filter(stage=value)

    def filter_age(self, queryset, name, value):
        return queryset.filter(created_at__lte=timezone.now() - timedelta(hours=float(value)))


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=())
    failure_reason = forms.ModelChoiceField(label=_("Failure reason"), required=False,
                                            queryset=FailureReason.objects.filter(is_active=True))
    note = forms.CharField(label=_("Comment"), required=False, max_length=255)
    earned = forms.DecimalField(label=_("Earned: what the customer paid you"), required=False, min_value=0,
                                max_digits=12, decimal_places=2,
                                help_text=_("When completing: the order total unless you correct it."))

    def __init__(self, *args, dispatch=None, **kwargs):
        super().__init__(*args, **kwargs)
        if dispatch is not None and not self.is_bound:
            self.fields["earned"].initial = dispatch.order.total_incl_tax
        labels = dict(Dispatch.STATUSES)
        moves = Dispatch.DEALER_MOVES.get(dispatch.status, ()) if dispatch is not None else ()
        self.fields["status"].choices = [(code, labels[code]) for code in moves]


class DeclineForm(forms.Form):
    reason = forms.ModelChoiceField(label=_("Reason"), queryset=DeclineReason.objects.filter(is_active=True),
                                    empty_label=None)


class DealerMixin:
    """The user's dealer (``None`` for staff, who see every order)."""

    def get_dealer(self):
        if not hasattr(self, "_dealer"):
            self._dealer = None if self.request.user.is_staff else dealer_for_user(self.request.user)
            if self._dealer is None and not self.request.user.is_staff:
                raise Http404(_("You are not a manager of any dealer."))
        return self._dealer


class InboxView(DealerMixin, generic.TemplateView):
    """Staff: every order, by status tab and filters, a page at a time. A dealer: the orders open to it, and its own."""

    template_name = "suz/dashboard/dispatch/inbox.html"
    available_limit = 200

    def paginate(self, queryset):
        page = Paginator(queryset, suz_settings.SUZ_DASHBOARD_PAGE_SIZE).get_page(self.request.GET.get("page"))
        return {"page_obj": page, "paginator": page.paginator, "is_paginated": page.has_other_pages(),
                "dispatches": list(page.object_list)}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        dealer = self.get_dealer()
        tab = self.request.GET.get("tab", "available")
        if dealer is None:
            everything = selectors.with_stage(
                Dispatch.objects.select_related("order", "claimed_by__partner").order_by("-created_at", "-pk"))
            statuses = dict(Dispatch.STATUSES)
            tab = tab if tab in statuses else "all"
            if tab != "all":
                everything = everything.filter(status=tab)
            ctx["filter"] = DispatchFilter(self.request.GET or None, queryset=everything)
            ctx.update(self.paginate(ctx["filter"].qs))
            titles = dict(stage_choices())
            for dispatch in ctx["dispatches"]:
                dispatch.stage_title = titles.get(dispatch.stage, dispatch.stage)
            ctx["status_tabs"] = [("all", _("All"))] + list(Dispatch.STATUSES)
        elif tab == "ours":
            ctx.update(self.paginate(dealer.claimed_orders.select_related("order", "claimed_by__partner")
                                     .order_by("-claimed_at", "-pk")))
        else:
            tab = "available"
            ctx["visible"] = selectors.inbox(dealer, limit=self.available_limit,
                                             related=("order__shipping_address",))
            ctx["reasons"] = list(DeclineReason.objects.filter(is_active=True))  # one query for every row
        ctx.update({"tab": tab, "dealer": dealer})
        return ctx


class DealerActionMixin(DealerMixin):
    """Claiming and declining are a dealer's acts; staff assign orders by hand instead."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.get_dealer() is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_seen_dispatch(self):
        """The order, if it ever was open to the dealer or is its own; to any other dealer it does not exist."""
        dealer = self.get_dealer()
        dispatch = get_object_or_404(Dispatch.objects.select_related("order"), pk=self.kwargs["pk"])
        if dispatch.claimed_by_id != dealer.pk and not selectors.has_seen(dispatch, dealer):
            raise Http404
        return dispatch


class DispatchMixin(DealerMixin):
    def get_dispatch(self):
        dealer = self.get_dealer()
        qs = Dispatch.objects.select_related("order", "claimed_by__partner")
        if dealer is not None:
            # Available to the dealer now, or already its own; anything else does not exist for it.
            qs = qs.filter(Q(claimed_by=dealer) | selectors.available(dealer))
        return get_object_or_404(qs, pk=self.kwargs["pk"])


class OrderView(DispatchMixin, generic.TemplateView):
    template_name = "suz/dashboard/dispatch/order.html"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # A link to an order the dealer saw (an email, the inbox a minute ago) that another dealer took
            # meanwhile: say so, rather than "not found". Orders it never saw stay unknown to it.
            dealer = self.get_dealer()
            seen = Dispatch.objects.filter(pk=kwargs["pk"]).select_related("order").first()
            if dealer is None or seen is None or not selectors.has_seen(seen, dealer):
                raise
            messages.info(request, _("Order %(number)s: %(reason)s") % {
                "number": seen.order.number, "reason": selectors.claim_refusal(seen, dealer)})
            return redirect("suz_dispatch_dashboard:suz-inbox")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        dispatch = self.get_dispatch()
        dealer = self.get_dealer()
        order = dispatch.order
        place = getattr(order, "suz_place", None)
        ctx.update({
            "dispatch": dispatch, "order": order, "place": place, "lines": order.lines.all(), "dealer": dealer,
            "phone_hidden": not selectors.phone_visible(dispatch, dealer),
            "history": dispatch.history.select_related("dealer__partner", "user", "failure_reason",
                                                       "decline_reason"),
            "status_form": StatusForm(dispatch=dispatch) if dealer is not None and dispatch.claimed_by_id == dealer.pk
            else None,
            "status_labels": dict(Dispatch.STATUSES),
            "assign_form": AssignForm() if dealer is None and dispatch.status not in Dispatch.CLOSED else None,
        })
        if dealer is None:
            ctx.update(self.staff_context(dispatch))
        return ctx

    def staff_context(self, dispatch):
        """The plan with the strategies' titles, who could take the order and why not, and the order's points."""
        from suz_oscar.scoring.selectors import order_credit

        titles = dict(stage_choices())
        stages = list(dispatch.stages.prefetch_related("dealers__partner"))
        for stage in stages:
            stage.title = titles.get(stage.strategy, stage.strategy)
        override = getattr(dispatch, "points_override", None)
        place = getattr(dispatch.order, "suz_place", None)
        return {"stages": stages, "order_credit": order_credit(dispatch), "order_points": override,
                "can_set_points": True,
                "eligibility": selectors.eligibility_report(dispatch) if place is not None else None}


class ClaimView(DealerActionMixin, generic.View):
    def post(self, request, *args, **kwargs):
        dealer = self.get_dealer()
        dispatch = self.get_seen_dispatch()
        try:
            services.dispatch_claim(dispatch=dispatch, dealer=dealer, user=request.user, now=timezone.now())
        except DispatchError as exc:
            messages.error(request, str(exc))
            if Dispatch.objects.filter(pk=dispatch.pk, claimed_by=dealer).exists():
                return redirect("suz_dispatch_dashboard:suz-inbox-order", pk=dispatch.pk)
            return redirect("suz_dispatch_dashboard:suz-inbox")
        messages.success(request, _("Order %(number)s is yours.") % {"number": dispatch.order.number})
        return redirect("suz_dispatch_dashboard:suz-inbox-order", pk=dispatch.pk)


class DeclineView(DealerActionMixin, generic.View):
    def post(self, request, *args, **kwargs):
        dealer = self.get_dealer()
        dispatch = self.get_seen_dispatch()
        form = DeclineForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a reason."))
        else:
            try:
                services.dispatch_decline(dispatch=dispatch, dealer=dealer, reason=form.cleaned_data["reason"],
                                          user=request.user)
            except DispatchError as exc:
                messages.error(request, str(exc))
            else:
                messages.info(request, _("You declined order %(number)s.") % {"number": dispatch.order.number})
        return redirect("suz_dispatch_dashboard:suz-inbox")


class StatusView(DealerActionMixin, generic.View):
    def post(self, request, *args, **kwargs):
        dealer = self.get_dealer()
        dispatch = get_object_or_404(dealer.claimed_orders, pk=kwargs["pk"])
        form = StatusForm(request.POST, dispatch=dispatch)
        if not form.is_valid():
            messages.error(request, errors_as_text(form))
        else:
            try:
                services.dispatch_set_status(
                    dispatch=dispatch, dealer=dealer, user=request.user, to_status=form.cleaned_data["status"],
                    failure_reason=form.cleaned_data["failure_reason"], note=form.cleaned_data["note"],
                )
            except DispatchError as exc:
                messages.error(request, str(exc))
            else:
                if form.cleaned_data["status"] == Dispatch.COMPLETED and form.cleaned_data["earned"] is not None:
                    earned_set(dispatch=dispatch, amount=form.cleaned_data["earned"], user=request.user)
                messages.success(request, _("Order status changed."))
        return redirect("suz_dispatch_dashboard:suz-inbox-order", pk=dispatch.pk)


class GiveUpView(DealerActionMixin, generic.View):
    def post(self, request, *args, **kwargs):
        dealer = self.get_dealer()
        dispatch = get_object_or_404(dealer.claimed_orders, pk=kwargs["pk"])
        try:
            services.dispatch_give_up(dispatch=dispatch, dealer=dealer, user=request.user,
                                      note=request.POST.get("note", "").replace("\x00", "")[:255])
        except DispatchError as exc:
            messages.error(request, str(exc))
            return redirect("suz_dispatch_dashboard:suz-inbox-order", pk=dispatch.pk)
        messages.info(request, _("You gave order %(number)s back; it goes to other dealers.")
                      % {"number": dispatch.order.number})
        return redirect("suz_dispatch_dashboard:suz-inbox")


class AssignView(DispatchMixin, generic.View):
    """Staff assign or reassign an order by hand."""

    def post(self, request, *args, **kwargs):
        dispatch = self.get_dispatch()
        form = AssignForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a dealer."))
        else:
            try:
                services.dispatch_assign(dispatch=dispatch, dealer=form.cleaned_data["dealer"], user=request.user)
            except DispatchError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Order %(number)s is assigned to %(dealer)s.")
                                 % {"number": dispatch.order.number, "dealer": form.cleaned_data["dealer"].name})
        return redirect("suz_dispatch_dashboard:suz-inbox-order", pk=dispatch.pk)


class ChangeAnswerView(DealerActionMixin, generic.View):
    """The dealer holding the order accepts the customer's change request or answers that it cannot (the order
    then goes back to dispatch without it). Another dealer's order, or a request of another order: 404."""

    def post(self, request, *args, **kwargs):
        dealer = self.get_dealer()
        dispatch = get_object_or_404(dealer.claimed_orders.select_related("order"), pk=kwargs["pk"])
        change = get_object_or_404(get_model("suz_dispatch", "ChangeRequest"), pk=kwargs["request_pk"],
                                   dispatch=dispatch)
        decision = request.POST.get("decision")
        answer = request.POST.get("answer", "")[:500]
        if decision not in ("accept", "refuse"):
            messages.error(request, _("Choose whether you accept the change."))
            return redirect("suz_dispatch_dashboard:suz-inbox-order", pk=dispatch.pk)
        try:
            if decision == "accept":
                services.change_request_accept(request=change, dealer=dealer, user=request.user, answer=answer)
            else:
                services.change_request_refuse(request=change, dealer=dealer, user=request.user, answer=answer)
        except DispatchError as exc:
            messages.error(request, str(exc))
            return redirect("suz_dispatch_dashboard:suz-inbox-order", pk=dispatch.pk)
        if decision == "accept":
            messages.success(request, _("The change is accepted; the customer is told."))
            return redirect("suz_dispatch_dashboard:suz-inbox-order", pk=dispatch.pk)
        messages.info(request, _("Order %(number)s goes back to dispatch with the change; the customer is told.")
                      % {"number": dispatch.order.number})
        return redirect("suz_dispatch_dashboard:suz-inbox")
