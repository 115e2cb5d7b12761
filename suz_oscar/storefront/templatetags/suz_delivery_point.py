"""The checkout's optional delivery point: where the map opens (the chosen city's centre, or the point set)."""

from django import template
from oscar.core.loading import get_model

from suz_oscar.core.conf import suz_settings

register = template.Library()


@register.inclusion_tag("suz/feedback/_delivery_point_map.html")
def suz_delivery_point_picker(form):
    center = list(suz_settings.SUZ_MAP_DEFAULT_CENTER)
    city_id = form["city"].value() if form is not None and "city" in form.fields else None
    city = get_model("suz_dealers", "City").objects.filter(pk=city_id).first() if str(city_id or "").isdigit() \
        else None
    if city is not None and city.latitude is not None:
        center = [float(city.latitude), float(city.longitude), 12]
    return {"center": center, "tiles": suz_settings.SUZ_MAP_TILE_URL, "attribution": suz_settings.SUZ_MAP_ATTRIBUTION}
