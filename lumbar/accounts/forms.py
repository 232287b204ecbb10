"""Forms for accounts: inviting, adding a person by hand, and signing up from an invitation."""
from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _


class UsernameField(forms.CharField):
    """A new account's name: letters, digits and @ . + - _ only, and not taken (in any mix of capitals)."""

    default_validators = [UnicodeUsernameValidator()]

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("User name"))
        kwargs.setdefault("help_text", _("Letters, numbers and @ . + - _ only. You use it to sign in."))
        super().__init__(max_length=150, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if get_user_model().objects.filter(username__iexact=value).exists():
            raise forms.ValidationError(_("The user name %(name)s is taken. Please choose another."),
                                        code="taken", params={"name": value})
        return value


class InvitationForm(forms.Form):
    name = forms.CharField(label=_("Their name"), max_length=150,
                           help_text=_("So you know who the link is for. They see it too."))
    email = forms.EmailField(label=_("Their email (optional)"), required=False, max_length=254)


class AddPersonForm(forms.Form):
    username = UsernameField(help_text=_("Letters, numbers and @ . + - _ only. They use it to sign in."))
    email = forms.EmailField(label=_("Their email (optional)"), required=False, max_length=254)


class SignUpForm(forms.Form):
    username = UsernameField()
    email = forms.EmailField(label=_("Your email (optional)"), required=False, max_length=254,
                             help_text=_("Only used to send you a link if you forget your password."))
    password1 = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput(
        attrs={"autocomplete": "new-password"}), help_text=_("At least 10 characters. Not a common word."))
    password2 = forms.CharField(label=_("The same password again"), strip=False, widget=forms.PasswordInput(
        attrs={"autocomplete": "new-password"}))

    def __init__(self, *args, invitation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if invitation is not None and invitation.email:
            self.fields["email"].initial = invitation.email

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            person = get_user_model()(username=data.get("username", ""), email=data.get("email", ""))
            try:
                password_validation.validate_password(first, person)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
