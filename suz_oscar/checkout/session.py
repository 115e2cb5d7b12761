from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import exceptions
from oscar.apps.checkout import session as oscar_session

NAMESPACE = "suz"


class CheckoutSessionMixin(oscar_session.CheckoutSessionMixin):
    """A guest may check out with a phone number and no email."""

    def check_user_email_is_captured(self, request):
        if request.user.is_authenticated:
            return
        if not (self.checkout_session.get_guest_email() or self.checkout_session._get(NAMESPACE, "phone")):
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:index"),
                message=_("Please sign in or give your phone number"),
            )
