"""Worse week on week (clinical.md section 5; our rule, clinician review pending): the comparisons adaptation.py
pauses a programme on, and the sentence that says why. Pure.

  worse_week_on_week(last_week, this_week): this week's figures (journal/weekly.py) against last week's by the
      cautious rule of clinical.md section 4 (journal/measures.py); a figure missing from either week is not
      compared.
  worse_mornings_two_weeks(mornings, week): mornings worse than usual two programme weeks running, their mean
      at least WORSE_WEEK_POINTS worse.
"""
from __future__ import annotations

from statistics import mean

from django.utils.translation import gettext as _

from lumbar.journal import measures

WEEKS = ("last_week", "this_week")
WORSE_WEEK_POINTS = 1


def check_weeks(weeks) -> dict:
    """{"last_week": {"pain", "morning"}, "this_week": {...}}, each a number or null; ValueError names the problem."""
    if not isinstance(weeks, dict) or set(weeks) != set(WEEKS):
        raise ValueError("weeks: must be an object with last_week and this_week")
    for week in WEEKS:
        figures = weeks[week]
        if not isinstance(figures, dict) or set(figures) != {"pain", "morning"}:
            raise ValueError(f"weeks.{week}: must be an object with pain and morning")
        for name, low in (("pain", 0), ("morning", -10)):
            value = figures[name]
            if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)
                                      or not low <= value <= 10):
                raise ValueError(f"weeks.{week}.{name}: must be a number from {low} to 10 or null, not {value!r}")
    return weeks


def worse_week_on_week(last_week: dict, this_week: dict) -> str | None:
    """Which figure got worse from last week to this week by the cautious rule: "pain", "morning", or None.
    Each week is {"pain": mean 0-10 or None, "morning": mean change from a usual morning, + worse, or None}."""
    if last_week["pain"] is not None and this_week["pain"] is not None \
            and measures.pain_worsened(last_week["pain"], this_week["pain"]):
        return "pain"
    if last_week["morning"] is not None and this_week["morning"] is not None \
            and measures.shown(this_week["morning"] - last_week["morning"]) >= measures.WORSE_RISE_POINTS:
        return "morning"
    return None


def pause_text(worse: str, weeks: dict) -> str:
    """The changelog's sentence for a pause on `worse` ("pain" or "morning")."""
    last, this = weeks["last_week"][worse], weeks["this_week"][worse]
    if worse == "pain":
        return _("Programme paused: your pain in the last 7 days (%(this)s out of 10 on average) is worse than "
                 "the week before (%(last)s). Please talk to your doctor or a physio before you go on.") % {
            "this": measures.number(this), "last": measures.number(last)}
    return _("Programme paused: your mornings in the last 7 days were %(points)s points worse on average "
             "than the week before. Please talk to your doctor or a physio before you go on.") % {
        "points": measures.number(this - last)}


def worse_mornings_two_weeks(mornings: dict, week: int) -> bool:
    this, before = mornings.get(str(week)), mornings.get(str(week - 1))
    return bool(this and before) and mean(this) <= -WORSE_WEEK_POINTS and mean(before) <= -WORSE_WEEK_POINTS
