from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from .screening import BY_ID

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ScreeningPageForm(forms.Form):
    """One screen of questions. Every question needs an answer: nothing is assumed to be 'no'."""

    def __init__(self, ids, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for qid in ids:
            self.fields[qid] = forms.TypedChoiceField(
                label=BY_ID[qid].text, choices=YES_NO, widget=forms.RadioSelect, coerce=lambda v: v == "yes",
                error_messages={"required": _("Please answer yes or no.")},
            )


class ClearanceForm(forms.Form):
    cleared_by = forms.CharField(label=_("Who cleared you? (name or role, e.g. 'my GP, Dr Patel')"), max_length=200)
    cleared_on = forms.DateField(label=_("When? (date of the appointment)"), widget=forms.DateInput(attrs={"type": "date"}))
    confirm = forms.BooleanField(label=_("A clinician has checked my symptoms and said gentle exercise is fine for me."))

    def clean_cleared_on(self):
        day = self.cleaned_data["cleared_on"]
        if day > date.today():
            raise forms.ValidationError(_("The date of the appointment cannot be in the future."))
        return day


class FlareForm(forms.Form):
    note = forms.CharField(label=_("What happened? (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
