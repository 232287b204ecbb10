from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .screening import NO, UNSURE, YES, needs_answer

ANSWERS = [(YES, _("Yes")), (NO, _("No")), (UNSURE, _("Not sure"))]


class ScreeningPageForm(forms.Form):
    """One screen of questions. Every question needs an answer: nothing is assumed to be 'no'.

    A follow-up ("did it start in the last 2 weeks?") needs an answer only when a question it follows was
    answered yes or not sure.
    """

    def __init__(self, page, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        for question in page.questions:
            self.fields[question.key] = forms.ChoiceField(
                label=question.text, choices=ANSWERS, widget=forms.RadioSelect, required=not question.follows,
                error_messages={"required": _("Please answer yes, no or not sure.")},
            )

    def clean(self):
        answers = super().clean()
        for question in self.page.questions:
            if not question.follows:
                continue
            if needs_answer(question, answers):
                if not answers.get(question.key) and question.key not in self.errors:
                    self.add_error(question.key, _("You said yes or not sure above, so please answer this too."))
            else:
                answers.pop(question.key, None)  # not needed: an answer to it is not kept
        return answers


def _not_in_future(day):
    if day > timezone.localdate():
        raise forms.ValidationError(_("The date cannot be in the future."))
    return day


class ClearanceForm(forms.Form):
    FOR = [("all", _("All exercise")), ("limits", _("Exercise, with some limits"))]

    cleared_by = forms.CharField(label=_("Who cleared you? (name or role, e.g. 'my GP, Dr Patel')"), max_length=200)
    cleared_on = forms.DateField(label=_("When? (date of the appointment)"), widget=forms.DateInput(attrs={"type": "date"}))
    cleared_for = forms.ChoiceField(label=_("What did they clear you for?"), choices=FOR, widget=forms.RadioSelect)
    limits = forms.CharField(label=_("If there are limits, what are they? (e.g. 'no twisting for 6 weeks')"),
                             required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
    confirm = forms.BooleanField(label=_("A clinician has checked my symptoms and said gentle exercise is fine for me."))

    def clean_cleared_on(self):
        return _not_in_future(self.cleaned_data["cleared_on"])

    def clean(self):
        data = super().clean()
        if data.get("cleared_for") == "limits" and not data.get("limits", "").strip():
            self.add_error("limits", _("Please write down the limits the clinician gave you."))
        if data.get("cleared_for") == "all":
            data["limits"] = ""
        return data


class AssessmentForm(forms.Form):
    assessed_by = forms.CharField(label=_("Who checked you? (name or role, e.g. 'the emergency doctor')"),
                                  max_length=200)
    assessed_on = forms.DateField(label=_("When? (date you were checked)"), widget=forms.DateInput(attrs={"type": "date"}))
    exercise_advice = forms.CharField(label=_("What did they say about exercise?"), max_length=2000,
                                      widget=forms.Textarea(attrs={"rows": 3}))

    def clean_assessed_on(self):
        return _not_in_future(self.cleaned_data["assessed_on"])


class FlareForm(forms.Form):
    note = forms.CharField(label=_("What happened? (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class LiftDirectionForm(forms.Form):
    note = forms.CharField(label=_("What did your clinician or teacher advise?"), max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 3}))
