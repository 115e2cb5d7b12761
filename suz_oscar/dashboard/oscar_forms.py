"""Oscar's own dashboard forms where they must follow django-suz's rules (swapped in by ``suz_oscar.core.loading``)."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from oscar.apps.dashboard.catalogue import forms as oscar_forms

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
