"""Staff run promotions from the Wagtail admin («Акции»): a snippet viewset over django-suz's promotions."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

Promotion = get_model("suz_promotions", "Promotion")


class PromotionViewSet(SnippetViewSet):
    model = Promotion
    icon = "tag"
    menu_label = _("Promotions")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "starts_at", "ends_at", "is_active",
                    Column("participants", label=_("Dealers taking part"))]
    list_filter = ["is_active"]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel([FieldPanel("products"), FieldPanel("categories")], heading=_("What it covers")),
        MultiFieldPanel([FieldRowPanel([FieldPanel("promo_price"), FieldPanel("percent_off")])],
                        heading=_("Price: a promo price or a percentage off the recommended price")),
        FieldPanel("regions"),
        FieldPanel("is_active"),
    ]

    def get_queryset(self, request):
        return Promotion.objects.annotate(participants=Count("participations"))


register_snippet(PromotionViewSet)
