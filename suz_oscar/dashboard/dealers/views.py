from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms import Form
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import generic
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from django_tables2.export import ExportMixin
from oscar.core.loading import get_model

from suz_oscar.core.conf import suz_settings
from suz_oscar.core.spreadsheets import SafeTableExport
from suz_oscar.dashboard.mixins import FixedPageSizeMixin
from suz_oscar.dealers import selectors, services
from suz_oscar.dealers.exceptions import TerritoryError

from .filters import DealerFilter
from .forms import (
    DealerCreateForm,
    DealerProfileForm,
    DealerStaffForm,
    DealerSuspendForm,
    ManagerInviteForm,
    OutletForm,
    TerritoryDecisionForm,
    TerritoryRequestForm,
)
from .tables import DealerTable

Outlet = get_model("suz_dealers", "Outlet")
TerritoryRequest = get_model("suz_dealers", "TerritoryRequest")


def invitation_sent(request, email):
    """The inviter's answer, the same whoever owns the address (see ``services.invitation_send``)."""
    messages.success(request, _("Invitation sent to %(email)s.") % {"email": email})


class DealerListView(FixedPageSizeMixin, ExportMixin, SingleTableMixin, FilterView):
    """The manufacturer's registry of dealers: search, filters, sorting, CSV/XLSX export."""

    template_name = "suz/dashboard/dealers/dealer_list.html"
    table_class = DealerTable
    filterset_class = DealerFilter
    export_formats = ("csv", "xlsx")
    export_class = SafeTableExport  # no live formulas from dealers' names in the file
    export_name = "dealers"

    def get_dataset_kwargs(self):
        return {"title": gettext("dealers")}  # the sheet's name (capitalised by SafeTableExport)

    def get_queryset(self):
        return selectors.dealer_registry()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["pending_territory_requests"] = TerritoryRequest.objects.filter(status=TerritoryRequest.PENDING).count()
        ctx["partners_to_adopt"] = selectors.partners_without_dealer().count()
        return ctx


class DealerCreateView(generic.CreateView):
    template_name = "suz/dashboard/dealers/dealer_form.html"
    form_class = DealerCreateForm

    @transaction.atomic
    def form_valid(self, form):
        data = dict(form.cleaned_data)
        name = data.pop("name")
        regions, cities = data.pop("regions"), data.pop("cities")
        email = data.pop("manager_email")
        self.object = services.dealer_create(name=name, regions=regions, cities=cities, **data)
        messages.success(self.request, _("Dealer “%(name)s” created.") % {"name": name})
        if email:
            services.invitation_send(dealer=self.object, email=email, invited_by=self.request.user,
                                     request=self.request)
            invitation_sent(self.request, email)
        return HttpResponseRedirect(reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": self.object.pk}))


class MineRedirectView(generic.RedirectView):
    """A menu entry that means "ours": a manager's own dealer page (``dealer_url_name``), a staff page for staff."""

    staff_url = "suz_dashboard:suz-dealer-list"
    dealer_url_name = "suz_dashboard:suz-dealer-update"

    def get_redirect_url(self, *args, **kwargs):
        if self.request.user.is_staff:
            return reverse(self.staff_url)
        dealer = selectors.dealer_for_user(self.request.user)
        if dealer is None:
            raise Http404(_("You are not a manager of any dealer."))
        return reverse(self.dealer_url_name, kwargs={"pk": dealer.pk})


class MyDealerView(MineRedirectView):
    """Entry point of "My dealer": a manager's own dealer, the registry for staff."""


class DealerObjectMixin:
    """Resolve ``pk`` among the dealers the user may see: others are a 404."""

    def get_dealer(self):
        if not hasattr(self, "_dealer"):
            self._dealer = get_object_or_404(selectors.dealers_for_user(self.request.user), pk=self.kwargs["pk"])
        return self._dealer

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["dealer"] = self.get_dealer()
        ctx["is_staff_view"] = self.request.user.is_staff
        return ctx


class DealerUpdateView(DealerObjectMixin, generic.UpdateView):
    template_name = "suz/dashboard/dealers/dealer_form.html"
    context_object_name = "dealer"

    def get_object(self, queryset=None):
        return self.get_dealer()

    def get_form_class(self):
        return DealerStaffForm if self.request.user.is_staff else DealerProfileForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["suspend_form"] = DealerSuspendForm()
        ctx["territory_request"] = selectors.pending_territory_request(self.get_dealer())
        return ctx

    @transaction.atomic
    def form_valid(self, form):
        services.dealer_rename(dealer=self.object, name=form.cleaned_data["name"])
        form.save()
        messages.success(self.request, _("Dealer profile saved."))
        return HttpResponseRedirect(self.request.path)


class DealerStatusView(DealerObjectMixin, generic.View):
    """Staff suspend or reactivate a dealer (POST ``action=suspend|activate``)."""

    def post(self, request, *args, **kwargs):
        dealer = self.get_dealer()
        if request.POST.get("action") == "activate":
            services.dealer_activate(dealer=dealer)
            messages.success(request, _("Dealer “%(name)s” is active again.") % {"name": dealer.name})
        else:
            form = DealerSuspendForm(request.POST)
            if not form.is_valid():
                # Not suspended with the reason silently dropped: staff see why and try again.
                error = " ".join(form.errors["reason"])
                messages.error(request, _("The dealer is not suspended: %(error)s") % {"error": error})
                return redirect("suz_dashboard:suz-dealer-update", pk=dealer.pk)
            services.dealer_suspend(dealer=dealer, reason=form.cleaned_data["reason"])
            messages.success(request, _("Dealer “%(name)s” is suspended.") % {"name": dealer.name})
        return redirect("suz_dashboard:suz-dealer-update", pk=dealer.pk)


class OutletListView(DealerObjectMixin, generic.ListView):
    template_name = "suz/dashboard/dealers/outlet_list.html"
    context_object_name = "outlets"

    def get_queryset(self):
        return self.get_dealer().outlets.select_related("city__region")


class OutletMixin(DealerObjectMixin):
    model = Outlet
    form_class = OutletForm
    template_name = "suz/dashboard/dealers/outlet_form.html"
    pk_url_kwarg = "outlet_pk"
    context_object_name = "outlet"

    def get_queryset(self):
        return self.get_dealer().outlets.all()

    def get_success_url(self):
        return reverse("suz_dashboard:suz-outlet-list", kwargs={"pk": self.get_dealer().pk})


class OutletMapMixin:
    """The coordinate picker's settings and the centres of the cities in the form."""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["map_tile_url"] = suz_settings.SUZ_MAP_TILE_URL
        ctx["map_attribution"] = suz_settings.SUZ_MAP_ATTRIBUTION
        ctx["map_default_center"] = list(suz_settings.SUZ_MAP_DEFAULT_CENTER)
        # The map follows the city chosen in the form.
        ctx["city_centers"] = {
            str(pk): [float(lat), float(lon)]
            for pk, lat, lon in ctx["form"].fields["city"].queryset.exclude(latitude=None)
            .values_list("pk", "latitude", "longitude")
        }
        return ctx


class OutletCreateView(OutletMapMixin, OutletMixin, generic.CreateView):
    def form_valid(self, form):
        form.instance.dealer = self.get_dealer()
        messages.success(self.request, _("Outlet added."))
        return super().form_valid(form)


class OutletUpdateView(OutletMapMixin, OutletMixin, generic.UpdateView):
    def form_valid(self, form):
        messages.success(self.request, _("Outlet saved."))
        return super().form_valid(form)


class OutletDeleteView(OutletMixin, generic.DeleteView):
    template_name = "suz/dashboard/dealers/outlet_delete.html"
    form_class = Form

    def form_valid(self, form):
        messages.success(self.request, _("Outlet deleted."))
        return super().form_valid(form)


class ManagerListView(DealerObjectMixin, generic.FormView):
    """The dealer's managers and open invitations, and the form to invite one more."""

    template_name = "suz/dashboard/dealers/manager_list.html"
    form_class = ManagerInviteForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["managers"] = self.get_dealer().partner.users.order_by("email")
        ctx["invitations"] = selectors.open_invitations(self.get_dealer())
        return ctx

    def form_valid(self, form):
        dealer = self.get_dealer()
        email = form.cleaned_data["email"]
        services.invitation_send(dealer=dealer, email=email, invited_by=self.request.user, request=self.request)
        invitation_sent(self.request, email)
        return redirect("suz_dashboard:suz-manager-list", pk=dealer.pk)


class ManagerRemoveView(DealerObjectMixin, generic.View):
    def post(self, request, *args, **kwargs):
        dealer = self.get_dealer()
        user = get_object_or_404(dealer.partner.users.all(), pk=kwargs["user_pk"])
        if user == request.user:
            messages.error(request, _("You cannot remove yourself."))
        else:
            services.manager_remove(dealer=dealer, user=user)
            messages.success(request, _("%(email)s is no longer a manager.") % {"email": user.email})
        return redirect("suz_dashboard:suz-manager-list", pk=dealer.pk)


class InvitationActionView(DealerObjectMixin, generic.View):
    """POST on one of the dealer's open invitations; another dealer's is a 404."""

    def get_invitation(self):
        return get_object_or_404(selectors.open_invitations(self.get_dealer()), pk=self.kwargs["invitation_pk"])

    def done(self):
        return redirect("suz_dashboard:suz-manager-list", pk=self.get_dealer().pk)


class InvitationRevokeView(InvitationActionView):
    def post(self, request, *args, **kwargs):
        invitation = self.get_invitation()
        services.invitation_revoke(invitation=invitation)
        messages.success(request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email})
        return self.done()


class InvitationResendView(InvitationActionView):
    def post(self, request, *args, **kwargs):
        invitation = self.get_invitation()
        services.invitation_resend(invitation=invitation, request=request)
        invitation_sent(request, invitation.email)
        return self.done()


class TerritoryView(DealerObjectMixin, generic.FormView):
    """The dealer's regions and cities, its requests to change them, and (managers) the request form.

    Staff change the territory directly in the profile and decide requests on their pages.
    """

    template_name = "suz/dashboard/dealers/territory.html"
    form_class = TerritoryRequestForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["dealer"] = self.get_dealer()
        pending = selectors.pending_territory_request(self.get_dealer())
        if pending is not None and self.request.method == "GET":
            # Start from the request still waiting: the new one replaces it.
            kwargs["initial"] = {"regions": pending.regions.all(), "cities": pending.cities.all(),
                                 "comment": pending.comment}
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        dealer = self.get_dealer()
        ctx["regions"] = dealer.regions.order_by("name")
        ctx["cities"] = dealer.cities.select_related("region").order_by("name")
        ctx["requests"] = selectors.territory_requests(dealer)[:20]
        ctx["pending"] = selectors.pending_territory_request(dealer)
        return ctx

    def post(self, request, *args, **kwargs):
        if request.user.is_staff:
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        dealer = self.get_dealer()
        try:
            territory_request = services.territory_request_submit(
                dealer=dealer, regions=form.cleaned_data["regions"], cities=form.cleaned_data["cities"],
                comment=form.cleaned_data["comment"], user=self.request.user,
            )
        except TerritoryError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Your request is sent to the manufacturer. Until it is approved, your "
                                         "current regions and cities stay in force."))
        return redirect("suz_dashboard:suz-territory-request", pk=dealer.pk, request_pk=territory_request.pk)


def territory_diff(territory_request):
    """What approving ``territory_request`` would add to and remove from its dealer's territory."""
    dealer = territory_request.dealer
    current_regions, current_cities = set(dealer.regions.all()), set(dealer.cities.select_related("region"))
    asked_regions, asked_cities = set(territory_request.regions.all()), set(territory_request.cities.all())

    def by_name(items):
        return sorted(items, key=lambda item: item.name)

    return {
        "regions_added": by_name(asked_regions - current_regions),
        "regions_removed": by_name(current_regions - asked_regions),
        "cities_added": by_name(asked_cities - current_cities),
        "cities_removed": by_name(current_cities - asked_cities),
    }


class TerritoryRequestView(DealerObjectMixin, generic.DetailView):
    """One request: what it asks for against the current territory, its state; staff decide here."""

    template_name = "suz/dashboard/dealers/territory_request.html"
    context_object_name = "territory_request"
    pk_url_kwarg = "request_pk"

    def get_queryset(self):
        return selectors.territory_requests(self.get_dealer())

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(territory_diff(self.object))
        if self.request.user.is_staff and self.object.status == TerritoryRequest.PENDING:
            ctx["decision_form"] = kwargs.get("decision_form") or TerritoryDecisionForm()
        return ctx


class TerritoryDecideView(TerritoryRequestView):
    """Staff approve (the territory changes in the same transaction) or reject with a comment (POST)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.object = territory_request = self.get_object()
        form = TerritoryDecisionForm(request.POST)
        if form.is_valid():
            comment = form.cleaned_data["staff_comment"]
            try:
                if request.POST.get("action") == "approve":
                    services.territory_request_approve(request=territory_request, user=request.user, comment=comment)
                    messages.success(request, _("Request approved: the dealer's territory is changed."))
                else:
                    services.territory_request_reject(request=territory_request, user=request.user, comment=comment)
                    messages.success(request, _("Request rejected."))
            except TerritoryError as exc:
                form.add_error("staff_comment", str(exc))
            else:
                return redirect("suz_dashboard:suz-territory-request", pk=self.get_dealer().pk,
                                request_pk=territory_request.pk)
        return self.render_to_response(self.get_context_data(decision_form=form))


class TerritoryRequestListView(generic.ListView):
    """Staff: the dealers' territory requests, the waiting ones by default."""

    template_name = "suz/dashboard/dealers/territory_request_list.html"
    context_object_name = "territory_requests"
    paginate_by = 25

    def get_status(self):
        status = self.request.GET.get("status", TerritoryRequest.PENDING)
        return status if status in dict(TerritoryRequest.STATUSES) else TerritoryRequest.PENDING

    def get_queryset(self):
        return selectors.territory_requests(status=self.get_status())

    def paginate_queryset(self, queryset, page_size):
        # A page number out of range or not a number shows the nearest page instead of a 404.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["status"] = self.get_status()
        ctx["statuses"] = TerritoryRequest.STATUSES
        return ctx
