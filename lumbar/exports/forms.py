"""Confirming that a person wants their account and data deleted."""
from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class DeleteAccountForm(forms.Form):
    """Hosted mode: the person's password (or, without one, their username typed). Local mode: a tick box,
    since the person at this computer is the only one and starts fresh."""

    confirm = forms.CharField(strip=False)

    def __init__(self, person, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        if settings.MODE == "local":
            self.way = "tick"
            self.fields["confirm"] = forms.BooleanField(
                label=gettext_lazy("Yes, delete everything Lumbar has saved about me"))
        elif person.has_usable_password():
            self.way = "password"
            self.fields["confirm"] = forms.CharField(
                label=gettext_lazy("Your password"), strip=False,
                widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
        else:
            self.way = "username"
            self.fields["confirm"] = forms.CharField(
                label=_("Type your username, %(name)s, to confirm") % {"name": person.get_username()},
                widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}))

    def _post_clean(self):
        super()._post_clean()
        if "confirm" in self.errors:  # the message is read out with the field
            self.fields["confirm"].widget.attrs.update({"aria-invalid": "true", "aria-describedby": "id_confirm-error"})

    def clean_confirm(self):
        value = self.cleaned_data["confirm"]
        if self.way == "password" and not self.person.check_password(value):
            raise forms.ValidationError(_("That is not your password. Nothing was deleted."))
        if self.way == "username" and value.strip() != self.person.get_username():
            raise forms.ValidationError(_("That is not your username. Nothing was deleted."))
        return value
