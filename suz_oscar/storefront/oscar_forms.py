"""Oscar's own storefront forms where they must follow django-suz's rules (swapped in by ``suz_oscar.core.loading``)."""

from django import forms
from django.core.exceptions import ValidationError
from oscar.apps.catalogue.reviews import forms as oscar_review_forms


class StarsField(forms.TypedChoiceField):
    """A review's score as the form shows it again: the number of stars chosen, or none — never the text posted,
    which Oscar's ``as_stars`` cannot round (a 500 for a customer who left the title empty)."""

    def bound_data(self, data, initial):
        try:
            return self.clean(data)
        except ValidationError:
            return initial


class ProductReviewForm(oscar_review_forms.ProductReviewForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        score = self.fields["score"]
        self.fields["score"] = StarsField(choices=score.choices, coerce=score.coerce, empty_value=score.empty_value,
                                          required=score.required, label=score.label, widget=score.widget,
                                          help_text=score.help_text)
