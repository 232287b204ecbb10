"""The walking goal and a walk, as forms. Every error names what it is about."""
from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import WALK_DAY_MAX, WALK_GOAL_MAX

OLDEST_DAY = 60  # a walk can be added up to this many days back


def _minutes(label, largest: int, subject) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=1, max_value=largest, error_messages={
        "required": format_lazy(_("{subject}: please enter a number of minutes."), subject=subject),
        "invalid": format_lazy(_("{subject}: please enter a whole number of minutes."), subject=subject),
        "min_value": format_lazy(_("{subject}: at least 1 minute."), subject=subject),
        "max_value": format_lazy(_("{subject}: at most %(limit_value)s minutes."), subject=subject),
    })


class WalkingGoalForm(forms.Form):
    goal = _minutes(_("Your daily walking goal, in minutes"), WALK_GOAL_MAX, _("Daily goal"))


class WalkForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}), error_messages={
        "required": _("Day: please enter the day you walked."),
        "invalid": _("Day: please enter a date such as 2026-03-04.")})
    minutes = _minutes(_("Minutes walked"), WALK_DAY_MAX, _("Minutes walked"))

    def clean_day(self):
        day, today = self.cleaned_data["day"], timezone.localdate()
        if day > today:
            raise forms.ValidationError(_("Day: that day has not come yet."))
        if day < today - timedelta(days=OLDEST_DAY):
            raise forms.ValidationError(_("Day: walks can be added for the last %(days)s days.") % {"days": OLDEST_DAY})
        return day
