"""Oscar's own storefront views where they must follow django-suz's rules (swapped in by ``suz_oscar.core.loading``).

The catalogue's and the basket's are in ``views``; these are the account's.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from oscar.apps.customer.wishlists import views as oscar_wishlist_views


class WishListDetailView(oscar_wishlist_views.WishListDetailView):
    """Oscar's wish list: a form sent for a line that is no longer in the list (removed in another tab, or a
    forged id) shows the list as it is now with a message; Oscar drew the form again and failed with a 500 on
    the line's missing «remove» link."""

    def form_invalid(self, form):
        if any(line.instance.pk is None for line in form.forms):
            messages.warning(self.request, _("The wish list has changed meanwhile: here it is as it is now."))
            return redirect(self.request.get_full_path())
        return super().form_invalid(form)
