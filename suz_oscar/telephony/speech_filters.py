"""Filters of the robot's script template (``SUZ_ROBOT_SCRIPT``): Russian numerals in words."""

from django import template

from . import numerals

register = template.Library()


@register.filter
def ru_number(value, gender="m"):
    """``{{ n|ru_number:"f" }}`` → «две»; gender ``m``, ``f`` or ``n``."""
    return numerals.number_words(value, gender if gender in ("m", "f", "n") else "m")


@register.filter
def ru_rubles(value):
    """``{{ amount|ru_rubles }}`` → «три тысячи двести рублей пятьдесят копеек»."""
    return numerals.rubles(value)


@register.filter
def ru_plural(value, forms):
    """``{{ n|ru_plural:"штука,штуки,штук" }}`` → «штуки» for 2 (the number itself is not repeated)."""
    parts = [part.strip() for part in str(forms).split(",")]
    if len(parts) != 3:
        return parts[0] if parts else ""
    return numerals.plural(value, parts)
