"""Click-to-call: start a call from the order card, follow its state, hear its recording; the manager's line."""

import mimetypes
import re

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.core.loading import get_model

from suz_oscar.dealers.selectors import dealer_for_user
from suz_oscar.dispatch.selectors import phone_visible
from suz_oscar.telephony import selectors, services
from suz_oscar.telephony.exceptions import TelephonyError
from suz_oscar.telephony.vocabulary import State

from .forms import LineForm

Dispatch = get_model("suz_dispatch", "Dispatch")

CHUNK = 64 * 1024
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def viewer_dealer(request):
    """The user's dealer (``None`` for staff); a user who is neither gets 404."""
    if request.user.is_staff:
        return None
    dealer = dealer_for_user(request.user)
    if dealer is None:
        raise Http404(_("You are not a manager of any dealer."))
    return dealer


def elapsed(seconds):
    if seconds is None:
        return ""
    return f"{seconds // 60:02d}:{seconds % 60:02d}" if seconds < 3600 else \
        f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def call_state(call, request, dealer):
    """What the order card shows of ``call`` (never the customer's number unless ``phone_visible``)."""
    seconds = call.talk_seconds(timezone.now())
    data = {"id": call.pk, "state": call.state, "final": call.is_final,
            "html": render_to_string("suz/telephony/_call_state.html", {"call": call, "seconds": elapsed(seconds)},
                                     request=request)}
    dispatch = call.dispatch
    if call.connected_at is not None and phone_visible(dispatch, dealer):
        data["phone"] = render_to_string("suz/telephony/_phone.html", {"place": dispatch.order.suz_place})
    return data


class CallStartView(generic.View):
    """«Позвонить»: the holding dealer's manager or staff; anyone else gets 404 (the order does not exist)."""

    def post(self, request, pk):
        dealer = viewer_dealer(request)
        orders = Dispatch.objects.select_related("order__suz_place", "claimed_by")
        dispatch = get_object_or_404(orders if dealer is None else orders.filter(claimed_by=dealer), pk=pk)
        try:
            call = services.call_start(dispatch=dispatch, user=request.user)
        except TelephonyError as exc:
            messages.error(request, str(exc))
        else:
            if call.state == State.FAILED:
                messages.error(request, _("The call did not start: %(error)s") % {"error": call.error})
        return redirect(reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk}) + "#order-calls")


class CallStateView(generic.View):
    """The call's state for the order card's polling (JSON); a call the user may not see is 404."""

    def get(self, request, pk):
        dealer = viewer_dealer(request)
        call = selectors.call_for(request.user, pk)
        if call is None:
            raise Http404
        call = services.call_refresh(call=call)
        response = JsonResponse(call_state(call, request, dealer))
        response["Cache-Control"] = "no-store"
        return response


class RecordingView(generic.View):
    """A call's recording (``field="prompt"``: what the robot played), streamed with HTTP range requests so an
    ``<audio>`` element can seek; only to staff and the holding dealer's managers, anyone else gets 404."""

    field = "recording"

    def get(self, request, pk):
        call = selectors.call_for(request.user, pk)
        if call is None:
            raise Http404
        if self.field == "recording" and not call.recording and call.recording_id:
            try:  # the provider's webhook came while it was down: fetch it now
                services.call_fetch_recording(call=call)
            except Exception:  # noqa: BLE001 (any provider failure: no recording yet)
                pass
        audio = getattr(call, self.field)
        if not audio:
            raise Http404(_("There is no recording."))
        try:
            size = audio.size
            handle = audio.open("rb")
        except OSError:
            raise Http404(_("There is no recording.")) from None
        content_type = mimetypes.guess_type(audio.name)[0] or "application/octet-stream"
        start, end, status = 0, size - 1, 200
        header = request.headers.get("Range", "")
        if header:
            match = RANGE.match(header.strip())
            first, last = match.groups() if match else ("", "")
            if not match or (not first and not last):
                handle.close()
                return self.unsatisfiable(size)
            if first:
                start, end = int(first), min(int(last), size - 1) if last else size - 1
            else:  # the last N bytes
                start = max(size - int(last), 0)
            if start > end or start >= size:
                handle.close()
                return self.unsatisfiable(size)
            status = 206
        handle.seek(start)
        response = StreamingHttpResponse(self.chunks(handle, end - start + 1), status=status,
                                         content_type=content_type)
        response["Content-Length"] = str(end - start + 1)
        response["Accept-Ranges"] = "bytes"
        if status == 206:
            response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response

    @staticmethod
    def unsatisfiable(size):
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response

    @staticmethod
    def chunks(handle, remaining):
        try:
            while remaining > 0:
                block = handle.read(min(CHUNK, remaining))
                if not block:
                    break
                remaining -= len(block)
                yield block
        finally:
            handle.close()


class LineView(generic.FormView):
    """The manager's own phone for click-to-call: a PBX extension or a number."""

    template_name = "suz/dashboard/telephony/line.html"
    form_class = LineForm

    def get_initial(self):
        line = selectors.line_of(self.request.user)
        return {"extension": line.extension, "phone": line.phone} if line else {}

    def next_url(self):
        """Back to the order card the manager came from (only our own order cards: no open redirect)."""
        back = self.request.POST.get("next") or self.request.GET.get("next") or ""
        return back if re.fullmatch(r"/dashboard/inbox/\d+/", back) else ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(next_url=self.next_url(), **kwargs)

    def form_valid(self, form):
        services.line_save(user=self.request.user, extension=form.cleaned_data["extension"] or "",
                           phone=form.cleaned_data["phone"])
        messages.success(self.request, _("Your phone for calls is saved."))
        return redirect(self.next_url() or "suz_telephony_dashboard:suz-phone-line")


