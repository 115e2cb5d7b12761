from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

from suz_oscar.core import cache


def connect():
    Dealer = get_model("suz_dealers", "Dealer")
    for model in (Dealer, get_model("suz_dealers", "Region"), get_model("suz_dealers", "City"),
                  get_model("suz_dealers", "Outlet"), get_model("partner", "Partner"),
                  get_model("catalogue", "Product"), get_model("catalogue", "ProductClass"),
                  # dealers' records without a price follow it
                  get_model("suz_offers", "RecommendedPrice")):
        post_save.connect(cache.bump, sender=model, dispatch_uid=f"suz-offers-cache-save-{model.__name__}")
        post_delete.connect(cache.bump, sender=model, dispatch_uid=f"suz-offers-cache-delete-{model.__name__}")
    for through in (Dealer.regions.through, Dealer.cities.through):
        m2m_changed.connect(cache.bump, sender=through, dispatch_uid=f"suz-offers-cache-m2m-{through.__name__}")
