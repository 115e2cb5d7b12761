"""A dealer's promotions: the manufacturer's current promotions of its regions, joined or left from a drop-down."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import generic

from suz_oscar.promotions import selectors, services
from suz_oscar.promotions.exceptions import PromotionError
from suz_oscar.storefront.dealer_map import parse_id

from .views import DealerObjectMixin


class PromotionListView(DealerObjectMixin, generic.TemplateView):
    """GET: the promotions open to the dealer; POST ``join`` or ``leave`` with ``promotion`` (an id)."""

    template_name = "suz/dashboard/dealers/promotion_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        promotions = selectors.open_to(self.get_dealer())
        ctx["joined"] = [p for p in promotions if p.joined]
        ctx["available"] = [p for p in promotions if not p.joined]
        return ctx

    def post(self, request, *args, **kwargs):
        dealer = self.get_dealer()
        promotion_id = parse_id(request.POST.get("promotion"))
        try:
            if promotion_id is None:
                raise PromotionError(_("Choose a promotion from the list."))
            if request.POST.get("action") == "leave":
                services.promotion_leave(promotion_id=promotion_id, dealer=dealer)
                messages.success(request, _("You left the promotion: your own prices apply again."))
            else:
                promotion = services.promotion_join(promotion_id=promotion_id, dealer=dealer, user=request.user)
                messages.success(request, _("You take part in «%(title)s»: customers see its price at your offers.")
                                 % {"title": promotion.title})
        except PromotionError as error:
            messages.error(request, str(error))
        return redirect("suz_dashboard:suz-promotion-list", pk=dealer.pk)
