"""Strings of Oscar's own templates that Oscar's Russian catalogue leaves untranslated.

Marked here so that `make messages` puts them into our catalogue, which Django
merges with Oscar's. Whitespace must match Oscar's templates exactly.
"""

from django.utils.translation import gettext_noop

OSCAR_STRINGS = [
    # oscar/partials/pagination.html, oscar/dashboard/partials/pagination.html
    gettext_noop("\n                        Page %(page_num)s of %(total_pages)s\n                    "),
    # oscar/basket/messages/new_total.html (the message after «add to basket»), oscar/partials/mini_basket.html
    gettext_noop("Your basket is now empty"),
    gettext_noop("\n        Your basket total is now <strong>%(total)s</strong>\n        "),
    gettext_noop("View basket"),
    gettext_noop("Checkout now"),
    # oscar/dashboard/catalogue/product_list.html: the bulk actions' select («-- choose action --»)
    gettext_noop("choose action"),
    # oscar.apps.communication: the categories of «Письма» (Dashboard → Communications)
    gettext_noop("Order related"),
    gettext_noop("User related"),
]
