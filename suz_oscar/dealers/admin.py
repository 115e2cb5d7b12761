from django.contrib import admin
from oscar.core.loading import get_model

Region = get_model("suz_dealers", "Region")
City = get_model("suz_dealers", "City")
Dealer = get_model("suz_dealers", "Dealer")
Outlet = get_model("suz_dealers", "Outlet")


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
