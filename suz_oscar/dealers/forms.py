from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _


def password_validators():
    """The site's password validators; a site with none still gets a minimum length for dealer accounts."""
    return password_validation.get_default_password_validators() or [password_validation.MinimumLengthValidator()]


class InvitationSignupForm(forms.Form):
    """The password of the account an invitation creates (the email is the invitation's)."""

    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["password1"].help_text = password_validation.password_validators_help_text_html(
            password_validators()
        )

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second:
            if first != second:
                self.add_error("password2", _("The two passwords do not match."))
            else:
                try:
                    password_validation.validate_password(first, get_user_model()(email=self.email),
                                                         password_validators())
                except forms.ValidationError as exc:
                    self.add_error("password1", exc)
        return data
