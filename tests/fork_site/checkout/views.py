from suz_oscar.checkout import views


class PaymentDetailsView(views.PaymentDetailsView):
    """The host's checkout step, built on django-suz's."""

    forked_by_host = True
