"""«Аналитика»: the sales reports (HTML table, SVG chart, CSV/XLSX export) and the ad spend import.

Views only validate the filters and call ``analytics.selectors``; each report's ``columns`` lists its table and
export columns, so the page and the file always agree.
"""

import json

import tablib
from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views import generic

from suz_oscar.analytics import selectors, services, spendfiles
from suz_oscar.analytics.vocabulary import Channel, Grouping
from suz_oscar.core.conf import suz_settings
from suz_oscar.core.spreadsheets import FORMATS, export_dataset
from suz_oscar.dispatch.strategies import import_strategy
from suz_oscar.dispatch.vocabulary import Fault, Status

from .chart import bar_chart
from .forms import FunnelFilterForm, ReportFilterForm, SalesFilterForm, SpendImportForm

REPORTS = (
    ("suz_analytics_dashboard:suz-analytics-sales", _("Sales")),
    ("suz_analytics_dashboard:suz-analytics-funnel", _("Funnel")),
    ("suz_analytics_dashboard:suz-analytics-refusals", _("Refusals")),
    ("suz_analytics_dashboard:suz-analytics-advertising", _("Advertising")),
)


def _key_label(group, key):
    if key in (None, ""):
        return gettext("(not set)")
    if group == Grouping.CHANNEL:
        return str(Channel(key).label) if key in Channel.values else key
    if group == Grouping.HOUR:
        return f"{int(key):02d}:00"
    if group in (Grouping.DAY, Grouping.WEEK):
        return formats.date_format(key, "SHORT_DATE_FORMAT")
    if group == Grouping.MONTH:
        return formats.date_format(key, "YEAR_MONTH_FORMAT")
    return str(key)


class ReportView(generic.TemplateView):
    """A report page: the filter form, the figures, a chart, and ``?export=csv|xlsx``."""

    form_class = ReportFilterForm
    title = ""
    url_name = ""

    def get(self, request, *args, **kwargs):
        self.form = self.form_class(request.GET or None)
        valid = self.form.is_valid() if request.GET else True
        self.filters = self.form.filters() if request.GET and valid else None
        if not request.GET:
            self.form = self.form_class({})
            self.form.is_valid()
            self.filters = self.form.filters()
        self.report = self.build(self.filters) if self.filters is not None else None
        fmt = request.GET.get("export")
        if fmt in FORMATS and self.report is not None:
            return self.export(fmt)
        return super().get(request, *args, **kwargs)

    def build(self, filters):
        raise NotImplementedError

    def columns(self):
        """``[(header, key, kind)]``; kind: text, int, money, percent, minutes."""
        raise NotImplementedError

    def rows(self):
        return self.report["rows"]

    def export(self, fmt):
        columns = self.columns()
        data = tablib.Dataset(headers=[str(header) for header, _key, _kind in columns], title=str(self.title)[:31])
        for row in self.rows():
            data.append([_export_value(row.get(key), kind) for _header, key, kind in columns])
        content = export_dataset(data, fmt)
        stamp = timezone.localdate().isoformat()
        response = HttpResponse(content, content_type=FORMATS[fmt])
        response["Content-Disposition"] = f'attachment; filename="{self.export_name}-{stamp}.{fmt}"'
        return response

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("export", None)
        ctx.update({"form": self.form, "report": self.report, "title": self.title, "reports": REPORTS,
                    "current": self.url_name, "columns": self.columns(), "query": query.urlencode(),
                    "filters": self.filters})
        if self.report is not None:
            ctx["table_rows"] = [[(row.get(key), kind) for _h, key, kind in self.columns()] for row in self.rows()]
            ctx["chart"] = self.chart()
        return ctx

    def chart(self):
        return None


def _export_value(value, kind):
    if value is None:
        return ""
    if kind == "percent":
        return round(float(value), 1)
    if kind == "minutes":
        return round(float(value), 1)
    if kind == "money":
        return float(value)
    return value if isinstance(value, int | float) else str(value)


class SalesReportView(ReportView):
    """Sales by channel, source, campaign, term, landing page or time: orders, claimed, completed, «заработано»."""

    template_name = "suz/dashboard/analytics/report.html"
    form_class = SalesFilterForm
    title = _("Sales")
    url_name = "suz_analytics_dashboard:suz-analytics-sales"
    export_name = "sales"

    @property
    def group(self):
        return (self.form.cleaned_data.get("group") if self.form.is_valid() else "") or Grouping.CHANNEL

    def build(self, filters):
        rows, totals = selectors.sales(filters, self.group)
        for row in rows:
            row["label"] = _key_label(self.group, row["key"])
        totals["label"] = gettext("Total")
        return {"rows": rows, "totals": totals}

    def columns(self):
        return [(Grouping(self.group).label.capitalize() if self.report is not None else "", "label", "text"),
                (_("Orders"), "orders", "int"), (_("Claimed"), "claimed", "int"),
                (_("Completed"), "completed", "int"), (_("Earned, ₽"), "earned", "money"),
                (_("Conversion to completed"), "conversion", "percent")]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if self.report is not None:
            totals = self.report["totals"]
            ctx["totals_row"] = [(totals.get(key), kind) for _h, key, kind in self.columns()]
        return ctx

    def chart(self):
        rows = self.report["rows"]
        if self.group not in (Grouping.DAY, Grouping.WEEK, Grouping.MONTH, Grouping.HOUR):
            rows = rows[:15]
        return bar_chart([(row["label"], [row["completed"], row["orders"] - row["completed"]]) for row in rows],
                         [gettext("completed"), gettext("other orders")])


def _stage_label(key):
    if key == selectors.UNCLAIMED:
        return gettext("not claimed yet")
    if not key:
        return gettext("every dealer (no stage of its own)")
    try:
        return str(import_strategy(key).title)
    except Exception:  # a strategy taken out of the settings since: its stored key
        return key


class FunnelReportView(ReportView):
    """placed → claimed → first contact → processed → closed: median and 90th percentile minutes per step."""

    template_name = "suz/dashboard/analytics/report.html"
    form_class = FunnelFilterForm
    title = _("Funnel")
    url_name = "suz_analytics_dashboard:suz-analytics-funnel"
    export_name = "funnel"

    @property
    def group(self):
        return (self.form.cleaned_data.get("group") if self.form.is_valid() else "") or "region"

    def build(self, filters):
        rows = selectors.funnel(filters, self.group)
        for row in rows:
            row["label"] = _stage_label(row["key"]) if self.group == "stage" else (row["key"] or gettext("(not set)"))
        return {"rows": rows}

    def columns(self):
        columns = [(_("Row"), "label", "text"), (_("Orders"), "orders", "int")]
        names = {"claimed": _("claimed"), "contacted": _("first contact"), "processed": _("processed"),
                 "closed": _("closed")}
        for step, name in names.items():
            columns += [(_("%(step)s: orders") % {"step": name}, f"{step}_count", "int"),
                        (_("%(step)s: median ≈, min") % {"step": name}, f"{step}_median", "minutes"),
                        (_("%(step)s: 90%% ≈, min") % {"step": name}, f"{step}_p90", "minutes")]
        return columns

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["note"] = _("≈ Medians and 90th percentiles are estimated from how many orders took how long in fixed "
                        "intervals: under 3 minutes to within a minute, from 3 minutes to 30 days to within about "
                        "15 %, 30 days and more shown as 30 days.")
        return ctx

    def chart(self):
        rows = self.report["rows"][:12]
        return bar_chart([(row["label"], [row.get("claimed_median") or 0, row.get("claimed_p90") or 0,
                                          row.get("contacted_median") or 0]) for row in rows],
                         [gettext("to claim, median ≈, min"), gettext("to claim, 90% ≈, min"),
                          gettext("claim to first contact, median ≈, min")], stacked=False)


class RefusalsReportView(ReportView):
    """Failed and cancelled orders by reason, the customer's fault and the dealer's: counts and percentages."""

    template_name = "suz/dashboard/analytics/report.html"
    title = _("Refusals")
    url_name = "suz_analytics_dashboard:suz-analytics-refusals"
    export_name = "refusals"

    def build(self, filters):
        report = selectors.refusals(filters)
        for row in report["rows"]:
            row["status_label"] = str(Status(row["to_status"]).label) if row["to_status"] in Status.values else ""
            row["fault_label"] = str(Fault(row["fault"]).label) if row["fault"] in Fault.values else gettext(
                "not given")
            row["reason"] = row["reason"] or gettext("no reason given")
        report["months"] = selectors.refusals_by_month(filters)
        report["fault_shares"] = [
            (str(Fault(fault).label) if fault in Fault.values else gettext("not given"), count,
             100.0 * count / report["refused"] if report["refused"] else 0.0)
            for fault, count in sorted(report["faults"].items(), key=lambda item: -item[1])]
        return report

    def columns(self):
        return [(_("Reason"), "reason", "text"), (_("Outcome"), "status_label", "text"),
                (_("Whose fault"), "fault_label", "text"), (_("Orders"), "count", "int"),
                (_("Share of refusals"), "of_refusals", "percent"), (_("Share of all orders"), "of_orders", "percent")]

    def chart(self):
        months = self.report["months"]
        return bar_chart([(formats.date_format(month, "YEAR_MONTH_FORMAT"),
                           [counts.get(Fault.CUSTOMER, 0), counts.get(Fault.DEALER, 0), counts.get("", 0)])
                          for month, counts in months],
                         [str(Fault.CUSTOMER.label), str(Fault.DEALER.label), gettext("not given")])


class AdvertisingReportView(ReportView):
    """Spend per campaign against completed sales: cost per completed order and ROMI."""

    template_name = "suz/dashboard/analytics/report.html"
    title = _("Advertising")
    url_name = "suz_analytics_dashboard:suz-analytics-advertising"
    export_name = "advertising"

    def build(self, filters):
        return {"rows": selectors.advertising(filters)}

    def columns(self):
        return [(_("Campaign"), "campaign", "text"), (_("Campaign id"), "campaign_ids", "text"),
                (_("Platform"), "platform_label", "text"),
                (_("Spend, ₽"), "spend", "money"), (_("Clicks"), "clicks", "int"), (_("Orders"), "orders", "int"),
                (_("Completed"), "completed", "int"), (_("Earned, ₽"), "earned", "money"),
                (_("Cost per completed order, ₽"), "cost_per_completed", "money"), (_("ROMI"), "romi", "percent")]

    def rows(self):
        for row in self.report["rows"]:
            row["platform_label"] = spendfiles.PLATFORM_TITLES.get(row["platform"], row["platform"])
        return self.report["rows"]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["import_form"] = SpendImportForm()
        return ctx

    def chart(self):
        rows = [row for row in self.report["rows"] if row["spend"] or row["earned"]][:12]
        return bar_chart([(row["campaign"], [row["spend"], row["earned"]]) for row in rows],
                         [gettext("spend"), gettext("earned")], stacked=False)


class SpendImportView(generic.FormView):
    """Upload a spend file: every row checked, applied whole or not at all."""

    form_class = SpendImportForm
    template_name = "suz/dashboard/analytics/spend_import.html"

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        if upload.size > spendfiles.tabular.MAX_FILE_SIZE:
            form.add_error("file", gettext("The file is larger than 20 MB."))
            return self.form_invalid(form)
        try:
            rows, errors, platform = spendfiles.parse_spend_file(upload.read(), upload.name)
        except spendfiles.SpendFileError as exc:
            form.add_error("file", str(exc))
            return self.form_invalid(form)
        if errors:
            return self.render_to_response(self.get_context_data(form=form, errors=errors))
        created, updated = services.spend_import(rows=rows)
        messages.success(self.request, ngettext(
            "%(platform)s: %(rows)d row imported (%(created)d new, %(updated)d replaced).",
            "%(platform)s: %(rows)d rows imported (%(created)d new, %(updated)d replaced).", len(rows)) % {
            "platform": spendfiles.PLATFORM_TITLES[platform], "rows": len(rows), "created": created,
            "updated": updated})
        return redirect("suz_analytics_dashboard:suz-analytics-advertising")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update({"title": _("Import ad spend"), "reports": REPORTS,
                    "current": "suz_analytics_dashboard:suz-analytics-advertising"})
        return ctx


class OfflineConversionsView(generic.View):
    """Completed sales for the ad platforms: ``?format=metrica`` is Yandex Metrica's offline conversions CSV
    (ClientId or Yclid, goal, Unix time, price, currency), ``?format=ga4`` GA4 Measurement Protocol payloads,
    one JSON object a line; with the report's filters."""

    def get(self, request, *args, **kwargs):
        form = ReportFilterForm(request.GET)
        fmt = request.GET.get("format")
        if fmt not in ("metrica", "ga4") or not form.is_valid():
            return HttpResponseBadRequest(gettext("Choose the Metrica or the GA4 format, with valid filters."),
                                          content_type="text/plain; charset=utf-8")
        rows = selectors.conversions(form.filters())
        stamp = timezone.localdate().isoformat()
        if fmt == "metrica":
            data = tablib.Dataset(headers=["ClientId", "Yclid", "Target", "DateTime", "Price", "Currency"])
            for row in rows:
                yclid = row["last_yclid"] or row["first_yclid"]
                if not (row["client_id"] or yclid):
                    continue
                when = row["completed_at"] or row["placed_at"]
                data.append([row["client_id"], yclid if not row["client_id"] else "",
                             suz_settings.SUZ_ANALYTICS_METRICA_GOAL, int(when.timestamp()),
                             f"{row['earned']:.2f}", "RUB"])
            response = HttpResponse(export_dataset(data, "csv"), content_type=FORMATS["csv"])
            response["Content-Disposition"] = f'attachment; filename="metrica-offline-conversions-{stamp}.csv"'
            return response
        lines = []
        for row in rows:
            if not row["ga_client_id"]:
                continue
            when = row["completed_at"] or row["placed_at"]
            lines.append(json.dumps({
                "client_id": row["ga_client_id"], "timestamp_micros": int(when.timestamp() * 1_000_000),
                "events": [{"name": suz_settings.SUZ_ANALYTICS_GA4_EVENT, "params": {
                    "transaction_id": row["order__number"], "value": float(row["earned"]), "currency": "RUB"}}],
            }, ensure_ascii=False))
        response = HttpResponse("\n".join(lines) + ("\n" if lines else ""),
                                content_type="application/x-ndjson; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="ga4-measurement-protocol-{stamp}.jsonl"'
        return response
