"""Oscar's own dashboard views where django-suz's screens take their place (swapped in by ``core.loading``).

Oscar keeps its URLs, names and permission checks; only the view behind them changes.
"""

from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from oscar.apps.dashboard import views as oscar_views
from oscar.apps.dashboard.catalogue import views as oscar_catalogue_views
from oscar.apps.dashboard.pages import views as oscar_page_views

from suz_oscar.core.conf import suz_settings
from suz_oscar.dealers.selectors import dealer_for_user

from .oscar_forms import flatpage_url_taken


class IndexView(oscar_views.IndexView):
    """``/dashboard/``: a dealer's manager lands on its order inbox; staff on Oscar's index.

    Oscar's index would show a dealer shop-wide figures and buttons to sections closed to it.
    """

    def get(self, request, *args, **kwargs):
        if not request.user.is_staff and dealer_for_user(request.user) is not None:
            return redirect(suz_settings.SUZ_DEALER_DASHBOARD_HOME)
        return super().get(request, *args, **kwargs)


class OrderListView(RedirectView):
    """One order list for staff: Oscar's (which knows nothing of dispatch) leads to ours, with its query."""

    pattern_name = "suz_dispatch_dashboard:suz-inbox"
    query_string = True


class PartnersRedirectView(RedirectView):
    """Partners are dealers, kept in the dealer registry: Oscar's partner pages would link a user to a second
    dealer (each manager works for one) or delete a partner with its dealer."""

    pattern_name = "suz_dashboard:suz-dealer-list"

    def get_redirect_url(self, *args, **kwargs):
        return super().get_redirect_url()  # the registry takes none of Oscar's URL arguments

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)


PartnerListView = PartnerCreateView = PartnerManageView = PartnerDeleteView = PartnersRedirectView
PartnerUserLinkView = PartnerUserUnlinkView = PartnerUserCreateView = PartnerUserSelectView = PartnersRedirectView
PartnerUserUpdateView = PartnersRedirectView


class PageCreateView(oscar_page_views.PageCreateView):
    """Oscar's new flat page, checked like ``oscar_forms.PageUpdateForm`` (Wagtail's catch-all is no page)."""

    def form_valid(self, form):
        page = form.save(commit=False)
        if not page.url:
            page.url = f"/{slugify(page.title)}/"
        if flatpage_url_taken(page.url):
            form.add_error("url", _("Specified page already exists!"))
            return self.form_invalid(form)
        return oscar_page_views.PageCreateUpdateMixin.form_valid(self, form)


class StockAlertListView(oscar_catalogue_views.StockAlertListView):
    """Oscar's stock alerts, without its 500 on an invalid status (``?status=`` empty or with a NUL byte): every
    alert is listed, the filter shows its error."""

    description = _("All alerts")


class CategoryUpdateView(oscar_catalogue_views.CategoryUpdateView):
    """Oscar's category form: shown again with an error (an empty name), its «View on site» link is the saved
    category's, not the half-edited one's with no slug (Oscar failed with a 500)."""

    def form_invalid(self, form):
        self.object = type(self.object)._default_manager.get(pk=self.object.pk)
        return super().form_invalid(form)
