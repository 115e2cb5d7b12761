"""When the dealer first reached the customer: the funnel's «first contact» step, in one place.

The first connected call through the system, else the dealer's first message to the customer in the order's
conversation, else the order's «processed» mark. Calls and messages live in apps beside analytics (layer 6,
which must not import each other): they are read here by their model label, only when the app is installed,
and ``receivers`` refreshes an order's facts when one of ``CONTACT_MODELS`` is saved.

"""

from django.apps import apps
from django.db.models import DateTimeField, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from suz_oscar.dispatch.vocabulary import Status

# "app_label.Model" -> the app's module: a save of one of these may change an order's first contact.
CONTACT_MODELS = {"suz_telephony.Call": "suz_oscar.telephony", "suz_notifications.Comment": "suz_oscar.notifications"}


def _installed(label):
    return apps.is_installed(CONTACT_MODELS[label])


def first_call(dispatch_ref):
    """The first call of the holding dealer's manager that connected with the customer, as a subquery; or None."""
    if not _installed("suz_telephony.Call"):
        return None
    Call = apps.get_model("suz_telephony", "Call")
    return Subquery(Call.objects.filter(dispatch=dispatch_ref, kind="manager", connected_at__isnull=False,
                                        dealer=OuterRef("order__suz_dispatch__claimed_by"))
                    .order_by("connected_at").values("connected_at")[:1], output_field=DateTimeField())


def first_message(dispatch_ref):
    """The dealer's first message visible to the customer, as a subquery on ``dispatch_ref``; or None."""
    if not _installed("suz_notifications.Comment"):
        return None
    Comment = apps.get_model("suz_notifications", "Comment")
    return Subquery(Comment.objects.filter(dispatch=dispatch_ref, public=True, dealer__isnull=False)
                    .order_by("created_at").values("created_at")[:1], output_field=DateTimeField())


def processed_at(path):
    """When the order was first marked «processed» (``path``: the way to the dispatch, ``…__``)."""
    return Min(f"{path}history__created_at", filter=Q(**{f"{path}history__to_status": Status.PROCESSED}))


def first_contact(*, dispatch_ref=None, processed=None):
    """The first contact of the order whose dispatch is ``dispatch_ref`` (an ``OuterRef``), falling back to
    ``processed`` (an expression of the «processed» time)."""
    dispatch_ref = dispatch_ref if dispatch_ref is not None else OuterRef("order__suz_dispatch")
    found = [source for source in (first_call(dispatch_ref), first_message(dispatch_ref)) if source is not None]
    return Coalesce(*found, processed, output_field=DateTimeField()) if found else processed
