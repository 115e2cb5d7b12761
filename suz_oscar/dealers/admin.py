from django.contrib import admin
from oscar.core.loading import get_model

Region = get_model("suz_dealers", "Region")
City = get_model("suz_dealers", "City")
Dealer = get_model("suz_dealers", "Dealer")
Outlet = get_model("suz_dealers", "Outlet")
Invitation = get_model("suz_dealers", "Invitation")
TerritoryRequest = get_model("suz_dealers", "TerritoryRequest")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "code", "is_active"]
    list_editable = ["is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "name_en", "code"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "population", "latitude", "longitude", "is_active"]
    list_editable = ["is_active"]
    list_filter = ["is_active", "region"]
    list_select_related = ["region"]
    search_fields = ["name", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}


class OutletInline(admin.TabularInline):
    model = Outlet
    extra = 0
    autocomplete_fields = ["city"]


@admin.register(Dealer)
class DealerAdmin(admin.ModelAdmin):
    list_display = ["__str__", "legal_name", "is_active", "accepts_site_orders", "call_from_site", "rating"]
    list_filter = ["is_active", "accepts_site_orders", "call_from_site"]
    list_select_related = ["partner"]
    search_fields = ["partner__name", "legal_name", "email"]
    autocomplete_fields = ["regions", "cities"]
    readonly_fields = ["rating"]
    inlines = [OutletInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written by the dashboard's services only (an approval changes the territory, an invitation
    sends an email): the admin reads them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["email", "dealer", "created_at", "expires_at", "accepted_at", "revoked"]
    list_filter = ["revoked"]
    list_select_related = ["dealer__partner"]
    search_fields = ["email", "dealer__partner__name"]
    exclude = ["token_hash"]


@admin.register(TerritoryRequest)
class TerritoryRequestAdmin(ReadOnlyAdmin):
    list_display = ["dealer", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["dealer__partner"]
    search_fields = ["dealer__partner__name"]
