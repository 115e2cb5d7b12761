from django.contrib import messages
from django.db import transaction
from django.forms import Form
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from django_tables2.export import ExportMixin
from oscar.core.loading import get_model

from suz_oscar.conf import suz_settings
from suz_oscar.core.spreadsheets import SafeTableExport
from suz_oscar.dealers import selectors, services
from suz_oscar.dealers.exceptions import DealerError

from .filters import DealerFilter
from .forms import (
    DealerCreateForm,
    DealerProfileForm,
    DealerStaffForm,
    DealerSuspendForm,
    ManagerInviteForm,
    OutletForm,
)
from .tables import DealerTable

Outlet = get_model("suz_dealers", "Outlet")


class DealerListView(ExportMixin, SingleTableMixin, FilterView):
    """The manufacturer's registry of dealers: search, filters, sorting, CSV/XLSX export."""

    template_name = "suz/dashboard/dealers/dealer_list.html"
    table_class = DealerTable
    filterset_class = DealerFilter
    export_formats = ("csv", "xlsx")
    export_class = SafeTableExport  # no live formulas from dealers' names in the file
    export_name = "dealers"

    def get_queryset(self):
        return selectors.dealer_registry()

    def get_table_pagination(self, table):
        return {"per_page": suz_settings.SUZ_DASHBOARD_PAGE_SIZE}


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
            try:
                services.manager_invite(dealer=self.object, email=email, request=self.request)
            except DealerError as exc:
                messages.warning(self.request, str(exc))
            else:
                messages.success(self.request, _("Invitation sent to %(email)s.") % {"email": email})
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
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            services.dealer_suspend(dealer=dealer, reason=reason)
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
    """The dealer's managers, and the form to invite one more."""

    template_name = "suz/dashboard/dealers/manager_list.html"
    form_class = ManagerInviteForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["managers"] = self.get_dealer().partner.users.order_by("email")
        return ctx

    def form_valid(self, form):
        dealer = self.get_dealer()
        try:
            services.manager_invite(dealer=dealer, email=form.cleaned_data["email"], request=self.request)
        except DealerError as exc:
            form.add_error("email", str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
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
