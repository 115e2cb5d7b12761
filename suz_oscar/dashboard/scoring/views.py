from datetime import timedelta

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.core.loading import get_model

from suz_oscar.core.forms import errors_as_text
from suz_oscar.dashboard.dealers.views import DealerObjectMixin, MineRedirectView
from suz_oscar.scoring import selectors, services

from .chart import line_chart
from .forms import AdjustForm, OrderPointsForm, PeriodForm, ScoringRulesForm

Dispatch = get_model("suz_dispatch", "Dispatch")
PointsEntry = get_model("suz_scoring", "PointsEntry")
ScoringRules = get_model("suz_scoring", "ScoringRules")


class ScorecardView(DealerObjectMixin, generic.TemplateView):
    """A dealer's rating, its history and its record of orders: staff see any dealer, managers their own."""

    template_name = "suz/dashboard/scoring/scorecard.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        dealer = ctx["dealer"]
        period = PeriodForm(self.request.GET or None)
        days = period.cleaned_data.get("days") if period.is_valid() else ""
        days = days or "90"
        since = None if days == "all" else timezone.now() - timedelta(days=int(days))
        ctx.update({
            "tab": "scorecard", "period_form": period, "days": days,
            "card": selectors.scorecard(dealer, since=since),
            "chart": line_chart(selectors.rating_history(dealer, days=int(days) if days != "all" else 3650)),
            "entries": PointsEntry.objects.filter(dealer=dealer).select_related("dispatch__order", "user")[:50],
            "adjust_form": AdjustForm() if self.request.user.is_staff else None,
            "rules": services.current_rules(),
        })
        return ctx


class MyScorecardView(MineRedirectView):
    """«Our scorecard»: a manager's own dealer; the registry (sortable by rating) for staff."""

    dealer_url_name = "suz_scoring_dashboard:suz-scorecard"

    def get_redirect_url(self, *args, **kwargs):
        url = super().get_redirect_url(*args, **kwargs)
        return url + "?sort=-rating" if self.request.user.is_staff else url


class AdjustView(DealerObjectMixin, generic.View):
    def post(self, request, *args, **kwargs):
        dealer = self.get_dealer()
        form = AdjustForm(request.POST)
        if form.is_valid():
            services.adjust(dealer=dealer, delta=form.cleaned_data["delta"], note=form.cleaned_data["note"],
                            user=request.user)
            messages.success(request, _("Points adjusted. The rating is now %(rating)s.") % {"rating": dealer.rating})
        else:
            messages.error(request, errors_as_text(form))
        return redirect("suz_scoring_dashboard:suz-scorecard", pk=dealer.pk)


class RestoreView(DealerObjectMixin, generic.View):
    def post(self, request, *args, **kwargs):
        dealer = self.get_dealer()
        services.restore(dealer=dealer, user=request.user)
        messages.success(request, _("%(dealer)s receives orders again.") % {"dealer": dealer.name})
        return redirect("suz_scoring_dashboard:suz-scorecard", pk=dealer.pk)


class OrderPointsView(generic.View):
    """Staff set «how many points the dealer gets for this order»."""

    def post(self, request, *args, **kwargs):
        dispatch = get_object_or_404(Dispatch.objects.select_related("order", "claimed_by"), pk=kwargs["pk"])
        form = OrderPointsForm(request.POST)
        if form.is_valid():
            services.set_order_points(dispatch=dispatch, points=form.cleaned_data["points"], user=request.user)
            messages.success(request, _("The order's points are set to %(points)s.")
                             % {"points": form.cleaned_data["points"]})
        else:
            messages.error(request, errors_as_text(form))
        return redirect("suz_dispatch_dashboard:suz-inbox-order", pk=dispatch.pk)


class RulesView(generic.FormView):
    """The manufacturer's points table; each save is a new version that applies to events from then on."""

    template_name = "suz/dashboard/scoring/rules.html"
    form_class = ScoringRulesForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": services.current_rules()}

    def form_valid(self, form):
        services.save_rules(form.instance, user=self.request.user)
        messages.success(self.request, _("Points table saved. It applies to events from now on; "
                                         "points already given stay as they are."))
        return redirect("suz_scoring_dashboard:suz-scoring-rules")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["versions"] = ScoringRules.objects.select_related("created_by").order_by("-created_at", "-pk")[:10]
        return ctx
