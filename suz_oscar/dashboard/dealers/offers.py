"""A dealer's offers: the whole manufacturer catalogue with the dealer's price and availability."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import generic
from oscar.core.loading import get_model

from suz_oscar.core.images import validate_image
from suz_oscar.core.search import icontains_any
from suz_oscar.core.tabular import has_control_characters
from suz_oscar.offers import pricefiles, selectors, services
from suz_oscar.offers.abstract_models import PRICE_MAX, PRICE_MIN, QUANTITY_MAX
from suz_oscar.offers.services import OfferError
from suz_oscar.offers.vocabulary import Availability

from .views import DealerObjectMixin

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
OfferImport = get_model("suz_offers", "OfferImport")

PAGE_SIZE = 50
MAX_ID = 2**63 - 1  # the largest id a database column holds
PERCENT_MIN, PERCENT_MAX = -99, 1000  # bulk "change the price by a percentage"
# Not offered first: most of the catalogue, for most dealers.
AVAILABILITY_CHOICES = [(a.value, a.label) for a in (Availability.NOT_OFFERED, Availability.IN_STOCK,
                                                     Availability.ON_ORDER)]


class OfferFilterForm(forms.Form):
    q = forms.CharField(label=_("Product or SKU"), required=False,
                        widget=forms.TextInput(attrs={"class": "form-control", "placeholder": _("Title or SKU")}))
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.all(), required=False,
                                      empty_label=_("All categories"),
                                      widget=forms.Select(attrs={"class": "form-control"}))
    shown = forms.ChoiceField(
        label=_("Show"), required=False,
        choices=(("", _("whole catalogue")), ("offered", _("our offers")), ("missing", _("not offered"))),
        widget=forms.Select(attrs={"class": "form-control"}),
    )


class OfferRowForm(forms.Form):
    # Bounded like the database's ids: a number past them is a form error, not an overflow in a query.
    product_id = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)

    def clean(self):
        data = super().clean()
        if data.get("availability") == Availability.NOT_OFFERED and data.get("price"):
            # A price typed on a row left «not offered» would be dropped without a word.
            self.add_error("availability", _("You set a price: choose «in stock» or «on order» to offer it."))
        return data

    selected = forms.BooleanField(required=False)
    availability = forms.ChoiceField(choices=AVAILABILITY_CHOICES,
                                     widget=forms.Select(attrs={"class": "form-control form-control-sm"}))
    quantity = forms.IntegerField(required=False, min_value=0, max_value=QUANTITY_MAX,
                                  widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}))
    price = forms.DecimalField(required=False, min_value=PRICE_MIN, max_value=PRICE_MAX, max_digits=12,
                               decimal_places=2,
                               widget=forms.NumberInput(attrs={"class": "form-control form-control-sm",
                                                               "step": "0.01"}))


class BaseOfferRowFormSet(forms.BaseFormSet):
    def clean(self):
        counts = self.management_form.cleaned_data
        if min(counts.get(forms.formsets.TOTAL_FORM_COUNT, 0), counts.get(forms.formsets.INITIAL_FORM_COUNT, 0)) < 0:
            raise forms.ValidationError(_("The form came back damaged. Reload the page and try again."))


# A page never has more rows than PAGE_SIZE: a tampered TOTAL_FORMS is a form error, not thousands of forms.
OfferRowFormSet = forms.formset_factory(OfferRowForm, formset=BaseOfferRowFormSet, extra=0, max_num=PAGE_SIZE,
                                        validate_max=True, absolute_max=PAGE_SIZE)


def submitted_product_id(form):
    """The product a row form stands for, read without trusting the POST (``None`` if unreadable)."""
    value = form["product_id"].value() if form.is_bound else form.initial.get("product_id")
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= MAX_ID else None



BULK_ACTIONS = (
    ("", _("— with the selected —")),
    ("rrp", _("offer at the recommended price")),
    ("percent", _("change the price by a percentage")),
    ("on_order", _("mark as on order")),
    ("remove", _("stop offering")),
)


class BulkForm(forms.Form):
    action = forms.ChoiceField(choices=BULK_ACTIONS, required=False,
                               widget=forms.Select(attrs={"class": "form-control form-control-sm"}))
    percent = forms.DecimalField(required=False, max_digits=5, decimal_places=1, min_value=PERCENT_MIN,
                                 max_value=PERCENT_MAX,
                                 widget=forms.NumberInput(attrs={"class": "form-control form-control-sm",
                                                                 "placeholder": "%", "step": "0.1"}))

    def clean(self):
        data = super().clean()
        if data.get("action") == "percent" and data.get("percent") is None:
            self.add_error("percent", _("Give the percentage, e.g. 5 or -10."))
        return data


class OfferListView(DealerObjectMixin, generic.TemplateView):
    """The catalogue with the dealer's offers, editable in place and in bulk."""

    template_name = "suz/dashboard/dealers/offer_list.html"

    def get_products(self):
        form = self.filter_form = OfferFilterForm(self.request.GET or None)
        products = selectors.dealer_catalogue(self.get_dealer()).select_related(
            "parent", "recommended_price").order_by("upc", "pk")
        if form.is_valid():
            q = form.cleaned_data["q"].strip()
            if q:
                products = products.filter(icontains_any(["title", "parent__title", "upc"], q))
            category = form.cleaned_data["category"]
            if category is not None:
                ids = category.get_descendants_and_self()
                products = products.filter(Q(categories__in=ids) | Q(parent__categories__in=ids)).distinct()
            offered = selectors.offered_by(self.get_dealer())
            if form.cleaned_data["shown"] == "offered":
                products = products.filter(offered)
            elif form.cleaned_data["shown"] == "missing":
                products = products.exclude(offered)
        return products

    def get_page(self):
        paginator = Paginator(self.get_products(), PAGE_SIZE)
        return paginator.get_page(self.request.GET.get("page"))

    def records_for(self, products):
        return {sr.product_id: sr for sr in StockRecord.objects.filter(
            partner=self.get_dealer().partner, product__in=products)}

    def initial_rows(self, products, records):
        dealer = self.get_dealer()
        rows = []
        for product in products:
            record = records.get(product.pk)
            availability, quantity = services.availability_of(record, dealer=dealer, product=product)
            rows.append({"product_id": product.pk, "availability": availability, "quantity": quantity,
                         "price": record.price if record is not None else None,
                         "implied": record is None and availability == Availability.IN_STOCK})
        return rows

    def get_context_data(self, formset=None, bulk_form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        page = self.page = getattr(self, "page", None) or self.get_page()
        products = list(page.object_list)
        records = self.records_for(products)
        if formset is None:
            formset = OfferRowFormSet(initial=self.initial_rows(products, records), prefix="offers")
        by_id = {p.pk: p for p in products}
        if formset.is_bound:  # a re-shown POST: its rows, whatever page they came from
            missing = {submitted_product_id(form) for form in formset} - set(by_id) - {None}
            if missing:
                by_id.update(selectors.dealer_catalogue(self.get_dealer()).select_related(
                    "parent", "recommended_price").in_bulk(missing))
        ctx.update({
            "filter_form": self.filter_form, "page_obj": page, "formset": formset,
            "bulk_form": bulk_form or BulkForm(prefix="bulk"),
            "rows": [(form, by_id.get(submitted_product_id(form))) for form in formset],
            "query": urlencode({k: v for k, v in self.request.GET.items() if k != "page"}),
            "offers_count": StockRecord.objects.filter(partner=self.get_dealer().partner).count(),
        })
        return ctx

    def post(self, request, *args, **kwargs):
        dealer = self.get_dealer()
        self.page = self.get_page()
        formset = OfferRowFormSet(request.POST, prefix="offers")
        bulk = BulkForm(request.POST, prefix="bulk")

        def refuse(message=None):
            messages.error(request, message or _("Some rows have errors; nothing was saved."))
            return self.render_to_response(self.get_context_data(formset=formset, bulk_form=bulk))

        if not (formset.is_valid() and bulk.is_valid()):
            return refuse()
        forms_by_id = {}
        for form in formset:
            if not form.cleaned_data:
                continue  # an extra form left empty
            product_id = form.cleaned_data["product_id"]
            if product_id in forms_by_id:
                form.add_error(None, _("This product is listed twice."))
            forms_by_id[product_id] = form
        # Rows may only be products of the dealer's catalogue (never another dealer's own products).
        products = selectors.dealer_catalogue(dealer).select_related("recommended_price").in_bulk(forms_by_id)
        for product_id, form in forms_by_id.items():
            if product_id not in products:
                form.add_error(None, _("This product is not in your catalogue."))
        if any(form.errors for form in formset):
            return refuse()
        rows = [form.cleaned_data for form in forms_by_id.values()]
        action = bulk.cleaned_data.get("action")
        if action:
            rows = [self.bulk_row(row, products[row["product_id"]], action, bulk.cleaned_data.get("percent"))
                    if row["selected"] else row for row in rows]
        for row in rows:
            form = forms_by_id[row["product_id"]]
            if row.get("price_error"):
                form.add_error("price", row["price_error"])
            elif services.needs_price(availability=row["availability"], price=row.get("price"),
                                      has_recommended_price=hasattr(products[row["product_id"]], "recommended_price")):
                form.add_error("price", _("Set a price: this product has no recommended price."))
        if any(form.errors for form in formset):
            return refuse()
        try:
            created, updated, removed = services.offers_apply(dealer=dealer, rows=rows)
        except OfferError as exc:
            return refuse(str(exc))
        changed = created + updated + removed
        messages.success(request, ngettext("%(count)d offer changed.", "%(count)d offers changed.", changed)
                         % {"count": changed})
        return redirect(request.get_full_path())

    def bulk_row(self, row, product, action, percent):
        """``row`` with the bulk action applied; a price it cannot take is set as ``price_error``."""
        row = dict(row)
        if action == "remove":
            row["availability"] = Availability.NOT_OFFERED
        elif action == "on_order":
            row["availability"] = Availability.ON_ORDER
        elif action == "rrp":
            row["price"] = None
            if row["availability"] == Availability.NOT_OFFERED:
                row["availability"] = Availability.IN_STOCK
        elif action == "percent":
            base = row["price"] or getattr(getattr(product, "recommended_price", None), "price", None)
            if base is not None:
                try:
                    row["price"] = services.price_changed_by(base, percent)
                except OfferError as exc:
                    row["price_error"] = str(exc)
        return row


class WholeLineView(DealerObjectMixin, generic.View):
    def post(self, request, *args, **kwargs):
        dealer = self.get_dealer()
        enabled = request.POST.get("enabled") == "1"
        services.dealer_set_whole_line(dealer=dealer, enabled=enabled)
        if enabled:
            messages.success(request, _("Whole product line in stock: every product is offered at the recommended "
                                        "price unless you set your own offer."))
        else:
            messages.success(request, _("Only the products you list are offered now."))
        return redirect("suz_dashboard:suz-offer-list", pk=dealer.pk)


class OfferExportView(DealerObjectMixin, generic.View):
    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format", "xlsx")
        if fmt not in pricefiles.FORMATS:
            raise Http404
        dealer = self.get_dealer()
        content = pricefiles.export_offers(dealer, fmt)
        if fmt == "csv":
            content = "\ufeff" + content  # Excel opens UTF-8 CSV correctly with a BOM
        response = HttpResponse(content, content_type=pricefiles.FORMATS[fmt])
        response["Content-Disposition"] = f'attachment; filename="offers-{dealer.partner.code}.{fmt}"'
        return response


class PriceFileForm(forms.Form):
    file = forms.FileField(label=_("Price file (CSV or XLSX)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if has_control_characters(upload.name):
            raise forms.ValidationError(_("The file name contains control characters (such as zero bytes). "
                                          "Rename the file and upload it again."))
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a CSV or XLSX file."))
        if upload.size > pricefiles.MAX_FILE_SIZE:  # refused before a byte of it is read
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class OfferImportView(DealerObjectMixin, generic.FormView):
    """Upload a price file; it is checked, then shown for confirmation."""

    template_name = "suz/dashboard/dealers/offer_import.html"
    form_class = PriceFileForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # The list shows names and dates: the checked rows (up to 50,000 each) stay in the database.
        ctx["imports"] = self.get_dealer().offer_imports.defer("rows", "errors")[:10]
        ctx["max_rows"] = services.shown_number(pricefiles.MAX_ROWS)
        return ctx

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            rows, errors = pricefiles.parse_price_file(upload.read(), upload.name, self.get_dealer())
        except pricefiles.PriceFileError as exc:
            form.add_error("file", str(exc))
            return self.form_invalid(form)
        record = services.offer_import_record(dealer=self.get_dealer(), filename=upload.name,
                                              user=self.request.user, rows=rows, errors=errors)
        return redirect("suz_dashboard:suz-offer-import-detail", pk=record.dealer_id, import_pk=record.pk)


class OfferImportDetailView(DealerObjectMixin, generic.TemplateView):
    """The preview of a checked file, and applying it (all rows or none)."""

    template_name = "suz/dashboard/dealers/offer_import_detail.html"

    def get_import(self):
        return get_object_or_404(self.get_dealer().offer_imports, pk=self.kwargs["import_pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        record = ctx["import"] = self.get_import()
        sample = record.rows[:20]
        products = Product.objects.select_related("parent", "recommended_price").in_bulk(
            [row["product_id"] for row in sample])
        records = {sr.product_id: sr for sr in StockRecord.objects.filter(
            partner=self.get_dealer().partner, product_id__in=products)}
        ctx["sample"] = [(row, products.get(row["product_id"]), records.get(row["product_id"])) for row in sample]
        ctx["availability_labels"] = dict(AVAILABILITY_CHOICES)
        return ctx

    def post(self, request, *args, **kwargs):
        record = self.get_import()
        if record.errors:
            messages.error(request, _("Fix the errors in the file and upload it again; nothing was changed."))
        elif record.status == OfferImport.APPLIED:
            messages.info(request, _("This file has already been applied."))
        else:
            try:
                created, updated, removed = services.offer_import_apply(offer_import=record)
            except OfferError as exc:  # a file checked by an older version, with values we no longer take
                messages.error(request, _("Nothing was changed: %(error)s Upload the file again.") % {"error": exc})
                return redirect(request.path)
            messages.success(request, _("Price file applied: %(created)d new offers, %(updated)d changed, "
                                        "%(removed)d removed.")
                             % {"created": created, "updated": updated, "removed": removed})
            return redirect("suz_dashboard:suz-offer-list", pk=record.dealer_id)
        return redirect(request.path)




class OwnProductForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=services.TITLE_MAX)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Paragraphs, bold and italic, lists, headings, tables and links are kept; "
                    "scripts, styles and other markup are removed."),
    )
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.all(), required=False)
    image = forms.ImageField(label=_("Image"), required=False)
    price = forms.DecimalField(label=_("Price"), min_value=PRICE_MIN, max_value=PRICE_MAX, max_digits=12,
                               decimal_places=2)
    availability = forms.ChoiceField(label=_("Availability"), choices=AVAILABILITY_CHOICES[1:])
    quantity = forms.IntegerField(label=_("Quantity"), required=False, min_value=0, max_value=QUANTITY_MAX)

    def clean_image(self):
        return validate_image(self.cleaned_data.get("image"))


class OwnProductMixin(DealerObjectMixin):
    def get_own_product(self):
        owned = self.get_dealer().own_products.select_related("product")
        return get_object_or_404(owned, product_id=self.kwargs["product_pk"]).product


class OwnProductListView(DealerObjectMixin, generic.TemplateView):
    """Goods the dealer sells that the manufacturer does not make."""

    template_name = "suz/dashboard/dealers/own_product_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        dealer = self.get_dealer()
        owned = dealer.own_products.select_related("product").order_by("product__title")
        records = {sr.product_id: sr for sr in StockRecord.objects.filter(
            partner=dealer.partner, product__in=[o.product_id for o in owned])}
        ctx["items"] = [(o.product, records.get(o.product_id)) for o in owned]
        return ctx


class OwnProductFormView(OwnProductMixin, generic.FormView):
    template_name = "suz/dashboard/dealers/own_product_form.html"
    form_class = OwnProductForm

    def get_product(self):
        return self.get_own_product() if "product_pk" in self.kwargs else None

    def get_initial(self):
        product = self.get_product()
        if product is None:
            return {"availability": Availability.IN_STOCK}
        record = StockRecord.objects.filter(partner=self.get_dealer().partner, product=product).first()
        availability, quantity = services.availability_of(record)
        return {"title": product.title, "description": product.description,
                "category": product.categories.first(), "price": record.price if record else None,
                "availability": Availability.IN_STOCK if availability == Availability.NOT_OFFERED else availability,
                "quantity": quantity}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["product"] = self.get_product()
        return ctx

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.own_product_save(
                dealer=self.get_dealer(), product=self.get_product(), title=data["title"],
                description=data["description"], category=data["category"], image=data["image"],
                price=data["price"], availability=data["availability"], quantity=data["quantity"],
            )
        except OfferError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Product “%(title)s” saved.") % {"title": data["title"]})
        return redirect("suz_dashboard:suz-own-product-list", pk=self.get_dealer().pk)


class OwnProductDeleteView(OwnProductMixin, generic.View):
    def post(self, request, *args, **kwargs):
        product = self.get_own_product()
        title = product.title
        product.delete()
        messages.success(request, _("Product “%(title)s” deleted.") % {"title": title})
        return redirect("suz_dashboard:suz-own-product-list", pk=self.get_dealer().pk)
