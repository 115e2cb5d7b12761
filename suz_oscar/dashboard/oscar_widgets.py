"""Oscar's own dashboard widgets where they must follow django-suz's rules (swapped in by ``suz_oscar.core.loading``).

A module of its own: Oscar's dashboard forms load these while they are imported, so this imports none of them.
"""

from oscar.apps.dashboard.catalogue import widgets as oscar_widgets


class ProductSelect(oscar_widgets.ProductSelect):
    """Oscar's product picker (a recommendation on the product page): a form shown again with a value that is
    no product id (text, a NUL byte, a number past any key) shows no product instead of failing with a 500."""

    def optgroups(self, name, value, attrs=None):
        ids = [v for v in value if str(v).isdigit() and len(str(v)) <= 18]
        return super().optgroups(name, ids, attrs)
