"""The walking goal against the minutes walked, day by day (reads only)."""
from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db.models import Sum
from django.utils import timezone

from lumbar.accounts.scopes import JOURNAL

from .models import Walk, WalkingGoal

SHOWN_DAYS = 14


def _end_of(day):
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def walking_days(grant, days: int = SHOWN_DAYS) -> dict:
    """{"goal": today's goal in minutes or None, "today": minutes walked today,
    "days": [{"day", "minutes", "goal", "met"}, ...] newest first}: each day against the goal of that day."""
    today = timezone.localdate()
    first = today - timedelta(days=days - 1)
    goals = list(grant.rows(WalkingGoal.objects, JOURNAL).values_list("set_at", "minutes"))  # newest first
    walked = dict(grant.rows(Walk.objects, JOURNAL).filter(day__gte=first, day__lte=today)
                  .values_list("day").annotate(total=Sum("minutes")).values_list("day", "total"))
    rows = []
    for offset in range(days):
        day = today - timedelta(days=offset)
        goal = next((minutes for set_at, minutes in goals if set_at < _end_of(day)), None)
        minutes = walked.get(day, 0)
        rows.append({"day": day, "minutes": minutes, "goal": goal, "met": goal is not None and minutes >= goal})
    return {"goal": goals[0][1] if goals else None, "today": rows[0]["minutes"], "days": rows}
