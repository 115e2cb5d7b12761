"""The manufacturer's recommended prices in bulk: a CSV/XLSX file out and in (checked, previewed, applied
whole), and prices taken from the partners' stock records."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.core.loading import get_model

from suz_oscar.offers import pricefiles, selectors, services
from suz_oscar.offers.services import OfferError

from .offers import PriceFileForm

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
RecommendedPriceImport = get_model("suz_offers", "RecommendedPriceImport")


class RecommendedPriceFileForm(PriceFileForm):
    file = forms.FileField(label=_("File of recommended prices (CSV or XLSX)"))


class PartnerChoiceField(forms.ModelChoiceField):
    """An id past the database's range is an invalid choice, not an overflow in the query (SQLite)."""

    def to_python(self, value):
        if value not in self.empty_values:
            try:
                valid = 0 < int(str(value)) < 2**63
            except ValueError:
                valid = False
            if not valid:
                raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class FromStockForm(forms.Form):
    partner = PartnerChoiceField(
        label=_("Take the prices of"), queryset=Partner.objects.order_by("name"), required=False,
        empty_label=_("every partner (the median price)"), widget=forms.Select(attrs={"class": "form-control"}))
    overwrite = forms.BooleanField(label=_("Replace recommended prices already set"), required=False)


class RecommendedPriceView(generic.FormView):
    """Export, upload and recent files of recommended prices; and the form to take them from stock records."""

    template_name = "suz/dashboard/dealers/recommended_prices.html"
    form_class = RecommendedPriceFileForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["imports"] = RecommendedPriceImport.objects.defer("rows", "errors")[:10]
        ctx["products_count"] = selectors.recommended_price_catalogue().count()
        ctx["priced_count"] = RecommendedPrice.objects.count()
        ctx["from_stock_form"] = kwargs.get("from_stock_form") or FromStockForm()
        ctx["max_rows"] = services.shown_number(pricefiles.MAX_ROWS)
        return ctx

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            rows, errors = pricefiles.parse_recommended_price_file(upload.read(), upload.name)
        except pricefiles.PriceFileError as exc:
            form.add_error("file", str(exc))
            return self.form_invalid(form)
        record = services.recommended_price_import_record(filename=upload.name, user=self.request.user, rows=rows,
                                                          errors=errors)
        return redirect("suz_dashboard:suz-recommended-price-import", import_pk=record.pk)


class RecommendedPriceFromStockView(RecommendedPriceView):
    """POST: recommended prices from the stock records (the median, or one partner's), existing ones kept
    unless asked."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = FromStockForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Nothing was changed: choose a partner from the list."))
            return self.render_to_response(self.get_context_data(from_stock_form=form))
        partner = form.cleaned_data["partner"]
        result = services.recommended_prices_from_stock(partners=[partner] if partner else None,
                                                        overwrite=form.cleaned_data["overwrite"])
        messages.success(request, _("Recommended prices from the stock records: %(created)d new, %(updated)d "
                                    "changed, %(kept)d kept as they were.") % result)
        if result["other_currency"]:
            messages.warning(request, _("Stock records in another currency than %(currency)s were not used: "
                                        "%(count)d.") % {"currency": services.default_currency(),
                                                        "count": result["other_currency"]})
        return redirect("suz_dashboard:suz-recommended-prices")


class RecommendedPriceExportView(generic.View):
    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format", "xlsx")
        if fmt not in pricefiles.FORMATS:
            raise Http404
        content = pricefiles.export_recommended_prices(fmt)
        if fmt == "csv":
            content = "\ufeff" + content  # Excel opens UTF-8 CSV correctly with a BOM
        response = HttpResponse(content, content_type=pricefiles.FORMATS[fmt])
        response["Content-Disposition"] = f'attachment; filename="recommended-prices.{fmt}"'
        return response


class RecommendedPriceImportView(generic.TemplateView):
    """The preview of a checked file (what changes), and applying it: every row or none."""

    template_name = "suz/dashboard/dealers/recommended_price_import.html"

    def get_import(self):
        return get_object_or_404(RecommendedPriceImport, pk=self.kwargs["import_pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        record = ctx["import"] = self.get_import()
        if not record.errors and record.status == RecommendedPriceImport.PENDING:
            try:
                plan = services.recommended_prices_plan(rows=record.rows)
            except OfferError as exc:
                ctx["stale"] = str(exc)
            else:
                ctx["plan"] = {"created": len(plan["created"]), "updated": len(plan["updated"]),
                               "removed": len(plan["removed"]), "unchanged": plan["unchanged"]}
        sample = record.rows[:20]
        products = Product.objects.select_related("parent", "recommended_price").in_bulk(
            [row["product_id"] for row in sample])
        ctx["sample"] = [(row, products.get(row["product_id"])) for row in sample]
        return ctx

    def post(self, request, *args, **kwargs):
        record = self.get_import()
        if record.errors:
            messages.error(request, _("Fix the errors in the file and upload it again; nothing was changed."))
        elif record.status == RecommendedPriceImport.APPLIED:
            messages.info(request, _("This file has already been applied."))
        else:
            try:
                created, updated, removed = services.recommended_price_import_apply(price_import=record)
            except OfferError as exc:  # the catalogue changed since the file was checked
                messages.error(request, _("Nothing was changed: %(error)s Upload the file again.") % {"error": exc})
                return redirect(request.path)
            messages.success(request, _("Recommended prices applied: %(created)d new, %(updated)d changed, "
                                        "%(removed)d removed.")
                             % {"created": created, "updated": updated, "removed": removed})
            return redirect("suz_dashboard:suz-recommended-prices")
        return redirect(request.path)
