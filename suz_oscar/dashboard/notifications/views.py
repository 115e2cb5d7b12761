import logging

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import generic
from oscar.core.loading import get_model

from suz_oscar.checkout.links import order_status_path
from suz_oscar.checkout.services import order_links_revoke
from suz_oscar.core.conf import suz_settings
from suz_oscar.core.forms import errors_as_text
from suz_oscar.dashboard.mixins import FixedPageSizeMixin
from suz_oscar.dealers.selectors import dealer_for_user
from suz_oscar.dispatch.selectors import inbox_count
from suz_oscar.notifications import selectors, services
from suz_oscar.notifications.forms import PreferencesFormMixin
from suz_oscar.notifications.vocabulary import Role, State

from .forms import CommentForm, OutboxFilterForm, RetryForm

Dispatch = get_model("suz_dispatch", "Dispatch")
logger = logging.getLogger(__name__)


class NotificationListView(generic.ListView):
    """The user's notification centre: newest first; opening it does not mark them read (a button does)."""

    template_name = "suz/dashboard/notifications/list.html"
    context_object_name = "notifications"
    paginate_by = 25

    def get_queryset(self):
        return selectors.site_notifications(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(unread=selectors.unread_count(self.request.user), **kwargs)


class MarkReadView(generic.View):
    def post(self, request, *args, **kwargs):
        services.notifications_mark_read(user=request.user)
        return redirect("suz_notifications_dashboard:suz-notifications")


SWEEP_LOCK = "suz:sweeps-without-workers"


def sweep_without_workers():
    """A site without Celery workers or beat (the demo, ``SUZ_USE_BROKER = False``) still announces the stages
    that open later, sends what waits in the outbox and calls again the customers the robot did not reach: the
    dashboard's poll runs the beat's sweeps, at most once per ``SUZ_SWEEP_SECONDS`` across processes (a cache
    lock). With workers the beat does it."""
    from django.apps import apps
    from django.core.cache import cache

    from suz_oscar.dispatch import notifications as dispatch_notifications

    if suz_settings.SUZ_USE_BROKER or not cache.add(SWEEP_LOCK, 1, suz_settings.SUZ_SWEEP_SECONDS):
        return
    for stage_id in dispatch_notifications.due_stages().values_list("pk", flat=True)[:100]:
        dispatch_notifications.notify_stage(stage_id)
    if apps.is_installed("suz_oscar.telephony"):
        from suz_oscar.telephony import robot

        try:  # the robot's next attempts (beat: robot_retry_due_task); a failure never breaks the poll
            robot.robot_retry_due()
        except Exception:
            logger.exception("the robot's retry sweep failed")
    services.notification_deliver_due()


class PollView(generic.View):
    """What the dashboard's pages ask every few seconds: unread notifications and orders in the inbox."""

    def get(self, request, *args, **kwargs):
        sweep_without_workers()
        dealer = None if request.user.is_staff else dealer_for_user(request.user)
        latest = selectors.site_notifications(request.user).filter(date_read=None).first()
        return JsonResponse({
            "unread": selectors.unread_count(request.user),
            "inbox": inbox_count(dealer, cap=100) if dealer is not None else None,
            "latest": latest.subject if latest is not None else "",
        }, json_dumps_params={"ensure_ascii": False})


class PreferencesView(PreferencesFormMixin, generic.FormView):
    """The user's matrix of event types × channels; mandatory channels are shown ticked and locked."""

    template_name = "suz/dashboard/notifications/preferences.html"
    success_url_name = "suz_notifications_dashboard:suz-notification-preferences"

    def event_types(self):
        return selectors.event_types_for(self.request.user, dealer_for_user(self.request.user) is not None)


class OutboxView(FixedPageSizeMixin, generic.ListView):
    """Staff: every message of the outbox, failed ones with their error and a retry button."""

    template_name = "suz/dashboard/notifications/outbox.html"
    context_object_name = "rows"
    paginate_by = 50

    def get_queryset(self):
        self.filter_form = OutboxFilterForm(self.request.GET or None)
        state = self.filter_form.cleaned_data.get("state") if self.filter_form.is_valid() else ""
        return selectors.outbox(state or None)

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, failed=selectors.failed_count(),
                                        failed_state=State.FAILED, **kwargs)


class RetryView(generic.View):
    def post(self, request, *args, **kwargs):
        failed = selectors.outbox(State.FAILED).values_list("pk", flat=True)
        form = RetryForm(request.POST, failed_ids=list(failed))
        if form.is_valid():
            count = services.notification_retry(ids=form.cleaned_data["ids"])
            messages.success(request, ngettext("%(count)d message is queued again.",
                                               "%(count)d messages are queued again.", count) % {"count": count})
        else:
            messages.error(request, _("Choose failed messages to send again."))
        return redirect("suz_notifications_dashboard:suz-outbox")


class CommentView(generic.View):
    """A comment on an order's card: staff on any order, a dealer's manager on the orders its dealer holds
    (any other order does not exist for it)."""

    def post(self, request, *args, **kwargs):
        dealer = None if request.user.is_staff else dealer_for_user(request.user)
        orders = Dispatch.objects.select_related("order", "claimed_by__partner")
        if not request.user.is_staff:
            if dealer is None:
                raise Http404
            orders = orders.filter(claimed_by=dealer)
        dispatch = get_object_or_404(orders, pk=kwargs["pk"])
        form = CommentForm(request.POST)
        if not form.is_valid():
            messages.error(request, errors_as_text(form))
        else:
            services.comment_add(
                dispatch=dispatch, author=request.user, role=Role.STAFF if request.user.is_staff else Role.DEALER,
                dealer=dealer, text=form.cleaned_data["text"], public=form.cleaned_data["public"],
                url=request.build_absolute_uri(order_status_path(dispatch.order)))
            messages.success(request, _("Comment added; the customer is notified.") if form.cleaned_data["public"]
                             else _("Internal comment added."))
        return redirect("suz_dispatch_dashboard:suz-inbox-order", pk=dispatch.pk)


class OrderLinkRevokeView(generic.View):
    """Staff revoke every link a guest was sent for an order (one that reached the wrong person); a new one
    goes to the order's phone and email."""

    def post(self, request, *args, **kwargs):
        dispatch = get_object_or_404(Dispatch.objects.select_related("order"), pk=kwargs["pk"])
        order_links_revoke(order=dispatch.order, base_url=request.build_absolute_uri("/"))
        messages.success(request, _("The customer's links are revoked; a new one is sent to the order's phone and "
                                    "email."))
        return redirect("suz_dispatch_dashboard:suz-inbox-order", pk=dispatch.pk)
