"""Staff adopt the shop's existing Oscar partners as dealers (``dealers.services.partners_adopt``)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import generic
from oscar.core.loading import get_model

from suz_oscar.dealers import selectors, services
from suz_oscar.dealers.exceptions import AdoptionError

from .forms import IdsField, MultiSelect

Region = get_model("suz_dealers", "Region")
City = get_model("suz_dealers", "City")


class AdoptPartnersForm(forms.Form):
    partners = IdsField(label=_("Partners"), queryset=selectors.partners_without_dealer(),
                        widget=forms.CheckboxSelectMultiple,
                        error_messages={"required": _("Choose the partners to adopt.")})
    regions = IdsField(label=_("Regions"), queryset=Region.objects.filter(is_active=True), required=False,
                       widget=MultiSelect, help_text=_("The new dealers serve every city of these regions."))
    cities = IdsField(label=_("Cities"), queryset=City.objects.filter(is_active=True).select_related("region"),
                      required=False, widget=MultiSelect,
                      help_text=_("Single cities served outside the regions above."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = selectors.partners_without_dealer()  # read per request

    def clean(self):
        data = super().clean()
        if not data.get("regions") and not data.get("cities"):
            raise forms.ValidationError(_("Choose at least one region or city for the new dealers to serve."))
        return data


class AdoptPartnersView(generic.FormView):
    """The shop's partners that are not dealers: their stock is priced for nobody until they are adopted."""

    template_name = "suz/dashboard/dealers/partner_adopt.html"
    form_class = AdoptPartnersForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        partners = list(selectors.partners_without_dealer())
        chosen = {str(pk) for pk in (ctx["form"]["partners"].value() or [])}
        ctx["partners"] = [(partner, str(partner.pk) in chosen) for partner in partners]
        ctx["shared_users"] = list(selectors.users_of_several_partners(partners)) if partners else []
        return ctx

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            adopted = services.partners_adopt(partners=data["partners"], regions=data["regions"],
                                              cities=data["cities"])
        except AdoptionError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, ngettext(
            "%(count)d partner is now a dealer: its stock records are its offers.",
            "%(count)d partners are now dealers: their stock records are their offers.", len(adopted))
            % {"count": len(adopted)})
        return redirect("suz_dashboard:suz-dealer-list")
