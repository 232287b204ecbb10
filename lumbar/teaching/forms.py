from django import forms
from django.utils.translation import gettext_lazy as _

from lumbar.programmes.forms import pose_choices
from lumbar.programmes.profile import DAYS_RANGE, MINUTES_RANGE


class AdjustForm(forms.Form):
    """A teacher's adjustments to a client's programme; the client's own answers stay as they gave them."""

    minutes = forms.IntegerField(label=_("Minutes a session"), min_value=int(MINUTES_RANGE[0]),
                                 max_value=int(MINUTES_RANGE[1]))
    days_per_week = forms.IntegerField(label=_("Days a week"), min_value=DAYS_RANGE[0], max_value=DAYS_RANGE[1])
    leave_out = forms.MultipleChoiceField(label=_("Poses to leave out"), required=False,
                                          widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leave_out"].choices = [(slug, name) for slug, name in pose_choices()]

    @classmethod
    def for_programme(cls, programme):
        answers = programme.profile if programme else {}
        return cls(initial={"minutes": int(answers.get("minutes", 15)), "days_per_week": answers.get("days_per_week", 3),
                            "leave_out": answers.get("exclude", [])})
