from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class DealersDashboardConfig(OscarDashboardConfig):
    """Dealer registry (staff) and each dealer's own profile, outlets and managers.

    Object access is checked in the views: a dealer's pages resolve only among
    the dealers the user may see, so another dealer's pages are a 404.
    """

    label = "suz_dealers_dashboard"
    name = "suz_oscar.dashboard.dealers"
    verbose_name = _("Dealers dashboard")
    default_auto_field = "django.db.models.BigAutoField"

    default_permissions = ["is_staff"]
    staff_or_dealer = (["is_staff"], ["partner.dashboard_access"])
    permissions_map = {
        "suz-dealer-mine": staff_or_dealer,
        "suz-dealer-update": staff_or_dealer,
        "suz-outlet-list": staff_or_dealer,
        "suz-outlet-create": staff_or_dealer,
        "suz-outlet-update": staff_or_dealer,
        "suz-outlet-delete": staff_or_dealer,
        "suz-manager-list": staff_or_dealer,
        "suz-manager-remove": staff_or_dealer,
        "suz-invitation-revoke": staff_or_dealer,
        "suz-invitation-resend": staff_or_dealer,
        "suz-territory": staff_or_dealer,
        "suz-territory-request": staff_or_dealer,
        # Deciding a request and the list of requests are the manufacturer's (default_permissions).
        "suz-offer-list": staff_or_dealer,
        "suz-offer-whole-line": staff_or_dealer,
        "suz-offer-export": staff_or_dealer,
        "suz-offer-import": staff_or_dealer,
        "suz-offer-import-detail": staff_or_dealer,
        "suz-own-product-list": staff_or_dealer,
        "suz-own-product-create": staff_or_dealer,
        "suz-own-product-update": staff_or_dealer,
        "suz-own-product-delete": staff_or_dealer,
        "suz-promotion-list": staff_or_dealer,
    }

    def ready(self):
        # Through Oscar's get_class: a site forks this app the Oscar way and replaces one view.
        self.list_view = get_class("suz_dealers_dashboard.views", "DealerListView")
        self.create_view = get_class("suz_dealers_dashboard.views", "DealerCreateView")
        self.mine_view = get_class("suz_dealers_dashboard.views", "MyDealerView")
        self.update_view = get_class("suz_dealers_dashboard.views", "DealerUpdateView")
        self.status_view = get_class("suz_dealers_dashboard.views", "DealerStatusView")
        self.outlet_list_view = get_class("suz_dealers_dashboard.views", "OutletListView")
        self.outlet_create_view = get_class("suz_dealers_dashboard.views", "OutletCreateView")
        self.outlet_update_view = get_class("suz_dealers_dashboard.views", "OutletUpdateView")
        self.outlet_delete_view = get_class("suz_dealers_dashboard.views", "OutletDeleteView")
        self.manager_list_view = get_class("suz_dealers_dashboard.views", "ManagerListView")
        self.manager_remove_view = get_class("suz_dealers_dashboard.views", "ManagerRemoveView")
        self.invitation_revoke_view = get_class("suz_dealers_dashboard.views", "InvitationRevokeView")
        self.invitation_resend_view = get_class("suz_dealers_dashboard.views", "InvitationResendView")
        self.territory_view = get_class("suz_dealers_dashboard.views", "TerritoryView")
        self.territory_request_view = get_class("suz_dealers_dashboard.views", "TerritoryRequestView")
        self.territory_decide_view = get_class("suz_dealers_dashboard.views", "TerritoryDecideView")
        self.territory_request_list_view = get_class("suz_dealers_dashboard.views", "TerritoryRequestListView")
        self.offer_list_view = get_class("suz_dealers_dashboard.offers", "OfferListView")
        self.offer_whole_line_view = get_class("suz_dealers_dashboard.offers", "WholeLineView")
        self.offer_export_view = get_class("suz_dealers_dashboard.offers", "OfferExportView")
        self.offer_import_view = get_class("suz_dealers_dashboard.offers", "OfferImportView")
        self.offer_import_detail_view = get_class("suz_dealers_dashboard.offers", "OfferImportDetailView")
        self.own_product_list_view = get_class("suz_dealers_dashboard.offers", "OwnProductListView")
        self.own_product_form_view = get_class("suz_dealers_dashboard.offers", "OwnProductFormView")
        self.own_product_delete_view = get_class("suz_dealers_dashboard.offers", "OwnProductDeleteView")
        # Staff only (default_permissions): adopting the shop's partners, recommended prices in bulk.
        self.partner_adopt_view = get_class("suz_dealers_dashboard.adoption", "AdoptPartnersView")
        self.recommended_price_view = get_class("suz_dealers_dashboard.recommended", "RecommendedPriceView")
        self.recommended_price_from_stock_view = get_class("suz_dealers_dashboard.recommended",
                                                           "RecommendedPriceFromStockView")
        self.recommended_price_export_view = get_class("suz_dealers_dashboard.recommended",
                                                       "RecommendedPriceExportView")
        self.recommended_price_import_view = get_class("suz_dealers_dashboard.recommended",
                                                       "RecommendedPriceImportView")
        self.promotion_list_view = get_class("suz_dealers_dashboard.promotions", "PromotionListView")

    def get_urls(self):
        urls = [
            path("", self.list_view.as_view(), name="suz-dealer-list"),
            path("create/", self.create_view.as_view(), name="suz-dealer-create"),
            path("mine/", self.mine_view.as_view(), name="suz-dealer-mine"),
            path("territory-requests/", self.territory_request_list_view.as_view(),
                 name="suz-territory-request-list"),
            path("adopt/", self.partner_adopt_view.as_view(), name="suz-partner-adopt"),
            path("recommended-prices/", self.recommended_price_view.as_view(), name="suz-recommended-prices"),
            path("recommended-prices/from-stock/", self.recommended_price_from_stock_view.as_view(),
                 name="suz-recommended-price-from-stock"),
            path("recommended-prices/export/", self.recommended_price_export_view.as_view(),
                 name="suz-recommended-price-export"),
            path("recommended-prices/import/<int:import_pk>/", self.recommended_price_import_view.as_view(),
                 name="suz-recommended-price-import"),
            path("<int:pk>/", self.update_view.as_view(), name="suz-dealer-update"),
            path("<int:pk>/status/", self.status_view.as_view(), name="suz-dealer-status"),
            path("<int:pk>/outlets/", self.outlet_list_view.as_view(), name="suz-outlet-list"),
            path("<int:pk>/outlets/create/", self.outlet_create_view.as_view(), name="suz-outlet-create"),
            path("<int:pk>/outlets/<int:outlet_pk>/", self.outlet_update_view.as_view(), name="suz-outlet-update"),
            path(
                "<int:pk>/outlets/<int:outlet_pk>/delete/",
                self.outlet_delete_view.as_view(),
                name="suz-outlet-delete",
            ),
            path("<int:pk>/managers/", self.manager_list_view.as_view(), name="suz-manager-list"),
            path("<int:pk>/offers/", self.offer_list_view.as_view(), name="suz-offer-list"),
            path("<int:pk>/offers/whole-line/", self.offer_whole_line_view.as_view(), name="suz-offer-whole-line"),
            path("<int:pk>/offers/export/", self.offer_export_view.as_view(), name="suz-offer-export"),
            path("<int:pk>/offers/import/", self.offer_import_view.as_view(), name="suz-offer-import"),
            path(
                "<int:pk>/offers/import/<int:import_pk>/",
                self.offer_import_detail_view.as_view(),
                name="suz-offer-import-detail",
            ),
            path("<int:pk>/own-products/", self.own_product_list_view.as_view(), name="suz-own-product-list"),
            path("<int:pk>/own-products/create/", self.own_product_form_view.as_view(),
                 name="suz-own-product-create"),
            path("<int:pk>/own-products/<int:product_pk>/", self.own_product_form_view.as_view(),
                 name="suz-own-product-update"),
            path("<int:pk>/own-products/<int:product_pk>/delete/", self.own_product_delete_view.as_view(),
                 name="suz-own-product-delete"),
            path(
                "<int:pk>/managers/<int:user_pk>/remove/",
                self.manager_remove_view.as_view(),
                name="suz-manager-remove",
            ),
            path("<int:pk>/invitations/<int:invitation_pk>/revoke/", self.invitation_revoke_view.as_view(),
                 name="suz-invitation-revoke"),
            path("<int:pk>/invitations/<int:invitation_pk>/resend/", self.invitation_resend_view.as_view(),
                 name="suz-invitation-resend"),
            path("<int:pk>/promotions/", self.promotion_list_view.as_view(), name="suz-promotion-list"),
            path("<int:pk>/territory/", self.territory_view.as_view(), name="suz-territory"),
            path("<int:pk>/territory/<int:request_pk>/", self.territory_request_view.as_view(),
                 name="suz-territory-request"),
            path("<int:pk>/territory/<int:request_pk>/decide/", self.territory_decide_view.as_view(),
                 name="suz-territory-decide"),
        ]
        return self.post_process_urls(urls)
