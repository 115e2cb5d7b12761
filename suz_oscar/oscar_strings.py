"""Strings of Oscar's own templates that Oscar's Russian catalogue leaves untranslated.

Marked here so that `make messages` puts them into our catalogue, which Django
merges with Oscar's. Whitespace must match Oscar's templates exactly.
"""

from django.utils.translation import gettext_noop

OSCAR_STRINGS = [
    # oscar/partials/pagination.html, oscar/dashboard/partials/pagination.html
    gettext_noop("\n                        Page %(page_num)s of %(total_pages)s\n                    "),
]
