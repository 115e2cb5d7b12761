"""Oscar's own dashboard forms where they must follow django-suz's rules (swapped in by ``suz_oscar.core.loading``)."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.http import Http404
from django.urls import resolve
from django.utils.translation import gettext_lazy as _
from django_tables2 import TemplateColumn
from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.apps.dashboard.catalogue import tables as oscar_tables
from oscar.apps.dashboard.pages import forms as oscar_page_forms
from oscar.core.validators import URLDoesNotExistValidator

from suz_oscar.offers import services as offer_services
from suz_oscar.offers.abstract_models import PRICE_MIN

# The same bounds as dealers' offers: a price is positive (the database refuses anything else) and a
# quantity fits the column.
MIN_PRICE = Decimal("0.01")
MAX_QUANTITY = 2_147_483_647


class StockRecordForm(oscar_forms.StockRecordForm):
    """Staff's stock record on Oscar's product page: a price of zero or less is a form error, not a 500."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        price = self.fields.get("price")
        if price is not None:
            price.validators.append(MinValueValidator(MIN_PRICE))
            price.widget.attrs["min"] = str(MIN_PRICE)
        for name in ("num_in_stock", "low_stock_threshold"):
            if name in self.fields:
                self.fields[name].validators += [MinValueValidator(0), MaxValueValidator(MAX_QUANTITY)]


def flatpage_url_taken(url):
    """Whether a flat page may not live at ``url``: a view of the site answers it, or a Wagtail page does.

    Oscar asks only whether the URL resolves; with Wagtail's ``serve`` last in the URLs every path resolves, so
    Oscar refused every URL. A path only Wagtail's catch-all resolves is free unless a Wagtail page lives there.
    """
    path = "/" + url.lstrip("/")
    try:
        match = resolve(path)
    except Http404:
        match = None
    if match is not None and match.url_name == "wagtail_serve":
        return _wagtail_page_at(path)
    try:
        URLDoesNotExistValidator()(path)
    except ValidationError:
        return True
    return False


def _wagtail_page_at(path):
    from wagtail.models import Page, Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return False
    return Page.objects.filter(url_path=site.root_page.url_path + path.lstrip("/")).exists()


class PageUpdateForm(oscar_page_forms.PageUpdateForm):
    """Oscar's flat page form, for a site whose Wagtail pages are served by a catch-all URL (see above)."""

    def clean_url(self):
        url = self.cleaned_data["url"]
        if "url" in self.changed_data:
            if not url.endswith("/"):
                url += "/"
            if flatpage_url_taken(url):
                raise ValidationError(_("Specified page already exists!"), code="invalid")
        return url


class ProductTable(oscar_tables.ProductTable):
    """Oscar's product table, whose checkbox column offered a sort link that failed the page (upstream Oscar)."""

    checkbox = TemplateColumn(verbose_name="", template_name="oscar/dashboard/catalogue/product_row_checkbox.html",
                              orderable=False)


class CategoryTable(oscar_tables.CategoryTable):
    checkbox = TemplateColumn(verbose_name="", template_name="oscar/dashboard/catalogue/category_row_checkbox.html",
                              orderable=False)


class ProductForm(oscar_forms.ProductForm):
    """Oscar's product form with the manufacturer's recommended price, saved with the product.

    Empty means no recommended price. Parents of variants (their variants are priced) and dealers' own
    products (no other dealer offers them) have none: the field is not shown for them.
    """

    recommended_price = forms.DecimalField(
        label=_("Recommended price"), required=False,
        widget=forms.NumberInput(attrs={"step": "0.01", "min": str(PRICE_MIN)}),
        help_text=_("Dealers who set no price of their own, and those offering the whole line, sell at this "
                    "price. Empty: no recommended price."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        product = self.instance
        if product.is_parent or (product.pk and hasattr(product, "suz_owner")):
            del self.fields["recommended_price"]
            return
        current = getattr(product, "recommended_price", None) if product.pk else None
        if current is not None and not self.is_bound:
            self.initial["recommended_price"] = current.price

    def clean_recommended_price(self):
        """The bounds of the price columns, said once in the manager's words (``offers.services.valid_price``)."""
        try:
            return offer_services.valid_price(self.cleaned_data.get("recommended_price"))
        except offer_services.OfferError as exc:
            raise ValidationError(str(exc), code="price") from exc

    def clean(self):
        data = super().clean()
        if data.get("recommended_price") is not None and data.get("structure") == self.instance.PARENT:
            self.add_error("recommended_price", _("A product with variants has no recommended price of its own: "
                                                  "set it on each variant."))
        return data

    def save(self, *args, **kwargs):
        product = super().save(*args, **kwargs)
        if "recommended_price" in self.fields:
            offer_services.recommended_price_set(product=product, price=self.cleaned_data.get("recommended_price"))
        return product
