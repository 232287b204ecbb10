"""Forms for the journal and the check-ins. Every error names the question it is about."""
from __future__ import annotations

from datetime import datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import measures
from .models import JournalEntry
from .morning import LASTING_ANSWERS, MORNING_ANSWERS
from .vocabulary import FEELINGS, REGIONS, TRIGGERS

SCALE = [(value, str(value)) for value in range(measures.SCALE_MIN, measures.SCALE_MAX + 1)]
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


class ScaleField(forms.TypedChoiceField):
    """A 0-10 whole number chosen from a row of radio buttons, with words for both ends."""

    def __init__(self, label, *, subject, low, high, **kwargs):
        self.anchors = (low, high)
        super().__init__(
            label=label, choices=SCALE, coerce=int, widget=forms.RadioSelect,
            error_messages={
                "required": format_lazy(_("{subject}: please choose a number from 0 to 10."), subject=subject),
                "invalid_choice": format_lazy(_("{subject}: “%(value)s” is not a number from 0 to 10."),
                                              subject=subject),
            },
            **kwargs,
        )


def pain_scale(label, **kwargs) -> ScaleField:
    return ScaleField(label, subject=_("Pain"), low=_("0 = no pain"), high=_("10 = the worst pain you can imagine"),
                      **kwargs)


def ticks(label, vocabulary: dict, unknown: str) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, choices=list(vocabulary.items()), required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": unknown},
    )


class JournalEntryForm(forms.ModelForm):
    pain = pain_scale(_("How much does your back hurt?"))
    regions = ticks(_("Where is the pain?"), REGIONS, _("Where: “%(value)s” is not a place on the body map."))
    feelings = ticks(_("What does it feel like?"), FEELINGS,
                     _("What it feels like: “%(value)s” is not one of the words to tick."))
    triggers = ticks(_("What set it off?"), TRIGGERS,
                     _("What set it off: “%(value)s” is not one of the choices to tick."))
    trigger_notes = forms.CharField(label=_("Anything else that set it off (optional)"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}))
    medication = forms.CharField(label=_("Medication taken (optional)"), required=False,
                                 help_text=_("For example: ibuprofen 400 mg at 8:00."),
                                 widget=forms.Textarea(attrs={"rows": 2}))
    notes = forms.CharField(label=_("Notes (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    recorded_at = forms.DateTimeField(
        label=_("When"), input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"required": _("When: please enter a date and time."),
                        "invalid": _("When: enter a date and time, for example 2026-03-04 08:30.")},
    )

    class Meta:
        model = JournalEntry
        fields = ["pain", "regions", "feelings", "triggers", "trigger_notes", "medication", "notes", "recorded_at"]

    def clean_recorded_at(self):
        moment = self.cleaned_data["recorded_at"]
        if moment > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError(_("When: that time is in the future."))
        if moment.year < 2000:
            raise forms.ValidationError(_("When: that date is too long ago; please check the year."))
        return moment


class ActivitiesForm(forms.Form):
    """Up to five names; each box keeps the activity it had, so renaming keeps its ratings."""

    def __init__(self, *args, current_names=(), **kwargs):
        super().__init__(*args, **kwargs)
        for slot in range(measures.ACTIVITIES_MAX):
            self.fields[f"slot_{slot}"] = forms.CharField(
                label=_("Activity %(number)s") % {"number": slot + 1}, required=False, max_length=80,
                initial=current_names[slot] if slot < len(current_names) else "",
                error_messages={"max_length": _("Activity %(number)s: please keep it under 80 characters.")
                                % {"number": slot + 1}},
            )

    def clean(self):
        cleaned = super().clean()
        names = [" ".join((cleaned.get(f"slot_{slot}") or "").split()) for slot in range(measures.ACTIVITIES_MAX)]
        filled = [name for name in names if name]
        if len(filled) < measures.ACTIVITIES_MIN and not self.errors:
            raise forms.ValidationError(
                _("Please name at least %(min)s activities (you named %(count)s).")
                % {"min": measures.ACTIVITIES_MIN, "count": len(filled)})
        seen = set()
        for name in filled:
            if name.casefold() in seen:
                raise forms.ValidationError(_("“%(name)s” is listed twice; name each activity once.") % {"name": name})
            seen.add(name.casefold())
        cleaned["names"] = names
        return cleaned


class WeeklyCheckinForm(forms.Form):
    typical_pain = ScaleField(
        _("Thinking about the last 7 days, how strong was your back pain on a typical day?"),
        subject=_("Typical pain"), low=_("0 = no pain"), high=_("10 = the worst pain you can imagine"))
    spoiled_enjoyment = ScaleField(
        _("In the last 7 days, how much did your back take the pleasure out of things you like doing?"),
        subject=_("Pleasure in things"), low=_("0 = not at all"), high=_("10 = completely"))
    everyday_tasks = ScaleField(
        _("In the last 7 days, how much did your back get in the way of everyday tasks, such as chores, work "
          "or getting around?"),
        subject=_("Everyday tasks"), low=_("0 = not at all"), high=_("10 = completely"))

    def __init__(self, *args, activities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.activities = list(activities)
        for activity in self.activities:
            self.fields[f"activity_{activity.pk}"] = ScaleField(
                activity.name, subject=activity.name, low=_("0 = I can't do it"),
                high=_("10 = as well as before my back problem"))

    def impact_fields(self):
        return [self[name] for name in ("typical_pain", "spoiled_enjoyment", "everyday_tasks")]

    def activity_fields(self):
        return [self[f"activity_{activity.pk}"] for activity in self.activities]

    def activity_ratings(self) -> dict:
        return {activity: self.cleaned_data[f"activity_{activity.pk}"] for activity in self.activities}


class MorningCheckinForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Compared with your usual morning, how is your back this morning?"),
        choices=[(code, label) for code, (_direction, _points, label) in MORNING_ANSWERS.items()],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose one answer about this morning."),
                        "invalid_choice": _("“%(value)s” is not one of the answers about this morning.")},
    )
    lasting = forms.ChoiceField(
        label=_("Is soreness from the session still there this morning?"),
        choices=[(code, label) for code, (_lasting, label) in LASTING_ANSWERS.items()],
        widget=forms.RadioSelect,
        error_messages={"required": _("Soreness: please say yes or no."),
                        "invalid_choice": _("Soreness: “%(value)s” is not yes or no.")},
    )


def local_now_for_input() -> datetime:
    return timezone.localtime().replace(second=0, microsecond=0)
