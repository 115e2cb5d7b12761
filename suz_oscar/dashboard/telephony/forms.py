from django import forms
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField


class LineForm(forms.Form):
    extension = forms.RegexField(label=_("PBX extension"), regex=r"^\d{2,8}$", required=False, max_length=8,
                                 help_text=_("The internal number of your phone on the company's PBX, e.g. 101."),
                                 error_messages={"invalid": _("An extension is 2 to 8 digits.")})
    phone = PhoneNumberField(label=_("Phone for calls"), required=False, region="RU",
                             help_text=_("Your mobile or desk phone, if you have no PBX extension. The customer "
                                         "never sees it: they see the company's number."))
