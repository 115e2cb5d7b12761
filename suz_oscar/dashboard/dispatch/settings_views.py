"""The manufacturer's dispatch settings: the strategy chain, priority dealers, decline and failure reasons."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.core.loading import get_model

from suz_oscar.dispatch import config
from suz_oscar.dispatch.strategies import BasicPlusStrategy, InvalidStrategy

Dealer = get_model("suz_dealers", "Dealer")
PriorityQuota = get_model("suz_dispatch", "PriorityQuota")


def _chain():
    """Rows of the strategy screen: the configured chain with each class, or the error that stops it loading."""
    rows = []
    for position, item in enumerate(config.configured()):
        try:
            strategy = item.build()
        except InvalidStrategy as exc:
            rows.append({"item": item, "error": str(exc), "position": position})
            continue
        rows.append({"item": item, "strategy": strategy, "position": position,
                     "has_quotas": isinstance(strategy, BasicPlusStrategy)})
    return rows


class StrategyListView(generic.TemplateView):
    template_name = "suz/dashboard/dispatch/strategy_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["rows"] = _chain()
        ctx["priority_dealers"] = PriorityQuota.objects.filter(is_active=True).count()
        ctx["tab"] = "strategies"
        return ctx


class StrategyMixin:
    def get_item(self):
        path = self.request.POST.get("path") or self.request.GET.get("path")
        item = next((item for item in config.configured() if item.path == path), None)
        if item is None:
            raise Http404(_("No such strategy."))
        return item


class StrategyActionView(StrategyMixin, generic.View):
    """Move a strategy up or down the chain, or switch it on or off."""

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        action = request.POST.get("action")
        if action in ("up", "down"):
            config.move(item.path, -1 if action == "up" else 1)
            messages.success(request, _("The order of the strategies is saved. It applies to new orders."))
        elif action in ("enable", "disable"):
            config.update(item.path, enabled=action == "enable")
            messages.success(request, _("Strategy switched on.") if action == "enable"
                             else _("Strategy switched off."))
        else:
            messages.error(request, _("Unknown action."))
        return redirect("suz_dispatch_dashboard:suz-strategies")


class StrategyForm(forms.Form):
    """``is_enabled`` plus the fields the strategy class declares for its options."""

    is_enabled = forms.BooleanField(label=_("Enabled"), required=False)

    def __init__(self, *args, strategy_class, **kwargs):
        super().__init__(*args, **kwargs)
        self.strategy_class = strategy_class
        self.fields.update(strategy_class.option_fields())
        for field in self.fields.values():
            if not isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs.setdefault("class", "form-control")

    def clean(self):
        cleaned = super().clean()
        options = {name: cleaned.get(name) for name in self.strategy_class.option_fields()}
        try:
            cleaned["options"] = self.strategy_class.clean_options(options)
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc
        return cleaned


class StrategyEditView(StrategyMixin, generic.FormView):
    template_name = "suz/dashboard/dispatch/strategy_form.html"
    form_class = StrategyForm

    def dispatch(self, request, *args, **kwargs):
        self.item = self.get_item()
        try:
            self.strategy = self.item.build()
        except InvalidStrategy as exc:
            raise Http404(str(exc)) from exc
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "strategy_class": type(self.strategy)}

    def get_initial(self):
        return {"is_enabled": self.item.enabled, **self.strategy.options}

    def form_valid(self, form):
        config.update(self.item.path, enabled=form.cleaned_data["is_enabled"], options=form.cleaned_data["options"])
        messages.success(self.request, _("Strategy “%(title)s” is saved. It applies to new orders.")
                         % {"title": self.strategy.title})
        return redirect("suz_dispatch_dashboard:suz-strategies")

    def get_context_data(self, **kwargs):
        return super().get_context_data(strategy=self.strategy, item=self.item, tab="strategies", **kwargs)


class PriorityQuotaForm(forms.ModelForm):
    class Meta:
        model = PriorityQuota
        fields = ["dealer", "amount", "unit", "period", "is_active"]
        widgets = {
            "dealer": forms.Select(attrs={"class": "form-control suz-select2", "style": "width:22em"}),
            "amount": forms.NumberInput(attrs={"class": "form-control", "style": "max-width:7em"}),
            "unit": forms.Select(attrs={"class": "form-control"}),
            "period": forms.Select(attrs={"class": "form-control"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dealer"].queryset = Dealer.objects.select_related("partner").order_by("partner__name")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("unit") == PriorityQuota.PERCENT and (cleaned.get("amount") or 0) > 100:
            self.add_error("amount", _("A share cannot be more than 100%."))
        if cleaned.get("amount") == 0:
            self.add_error("amount", _("A quota of zero gives the dealer nothing; switch it off instead."))
        return cleaned


class ListSettingsView(generic.TemplateView):
    """One page that edits a whole short list (a model formset): add rows, change them, switch them off."""

    template_name = "suz/dashboard/dispatch/settings_formset.html"
    model = None
    form = None
    fields = ()
    widgets = None
    can_delete = False
    title = ""
    help_text = ""
    tab = ""

    def get_formset(self):
        FormSet = forms.modelformset_factory(self.model, form=self.form or forms.ModelForm, fields=self.fields,
                                             widgets=self.widgets, extra=1, can_delete=self.can_delete)
        return FormSet(self.request.POST or None, queryset=self.model.objects.all())

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("formset", self.get_formset())
        ctx.update({"title": self.title, "help_text": self.help_text, "tab": self.tab})
        return ctx

    def post(self, request, *args, **kwargs):
        formset = self.get_formset()
        if formset.is_valid():
            formset.save()
            messages.success(request, _("Saved."))
            return redirect(request.path)
        messages.error(request, _("Please correct the errors below."))
        return self.render_to_response(self.get_context_data(formset=formset))


class PriorityDealersView(ListSettingsView):
    model = PriorityQuota
    form = PriorityQuotaForm
    fields = PriorityQuotaForm.Meta.fields
    can_delete = True
    title = _("Priority dealers")
    help_text = _("The basic+ strategy shows each order first to the priority dealers that are under their quota. "
                  "A quota counts the orders a dealer is shown first: a number, or a share of the region's orders, "
                  "per day, week or month.")
    tab = "priority"


class DeclineReasonsView(ListSettingsView):
    model = get_model("suz_dispatch", "DeclineReason")
    fields = ["title", "position", "is_active"]
    title = _("Decline reasons")
    help_text = _("Dealers choose one of the active reasons when they turn an order down. "
                  "A reason already used cannot be deleted; switch it off.")
    widgets = {"title": forms.TextInput(attrs={"class": "form-control", "style": "min-width:24em"}),
               "position": forms.NumberInput(attrs={"class": "form-control", "style": "max-width:6em"}),
               "fault": forms.Select(attrs={"class": "form-control", "style": "min-width:14em"})}
    tab = "decline"


class FailureReasonsView(DeclineReasonsView):
    model = get_model("suz_dispatch", "FailureReason")
    fields = ["title", "fault", "is_active"]
    title = _("Failure reasons")
    help_text = _("Dealers choose one when an order fails; the fault decides whose record it counts against. "
                  "A reason already used cannot be deleted; switch it off.")
    tab = "failure"
