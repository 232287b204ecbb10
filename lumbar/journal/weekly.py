"""A person's pain this week and last week, from everything they recorded: what the programme's
"worse week on week" rule reads (the rule itself is programmes/adaptation.py's, and pure).

Weeks are rolling, not calendar weeks: "this week" is the 7 days ending on a given day (that day and the
6 before it), "last week" the 7 days before those. Each week gives two figures, so that one skipped kind of
check-in never hides a worsening:
  pain     the mean of every 0-10 pain rating dated in that week: journal entries (not deleted), pain
           before and pain after each practice session (by the day it finished), and the weekly check-in's
           "typical day" pain (by the day it was answered); None when there is none
  morning  the mean change from a usual morning over the next-morning check-ins about that week's
           mornings (dated the day after the session day; + is worse, in points); None when there is none
Ratings dated before `since` (e.g. the day a paused programme was resumed) are left out, so a comparison
starts afresh.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from statistics import fmean

from django.utils import timezone

from lumbar.practice.models import PracticeSession

from .models import JournalEntry, MorningCheckin, WeeklyCheckin

WEEK_DAYS = 7


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _week(pain: list, morning: list) -> dict:
    return {"pain": fmean(pain) if pain else None, "morning": fmean(morning) if morning else None}


def pain_weeks(user, last_day: date, since: date | None = None) -> dict:
    """{"last_week": {"pain", "morning"}, "this_week": {"pain", "morning"}}; this week ends on `last_day`."""
    this_start = last_day - timedelta(days=WEEK_DAYS - 1)
    first_day = this_start - timedelta(days=WEEK_DAYS)
    if since is not None:
        first_day = max(first_day, since)
    start, end = _start_of(first_day), _start_of(last_day + timedelta(days=1))
    pain, morning = defaultdict(list), defaultdict(list)

    def week_of(day: date) -> str | None:
        if day < first_day or day > last_day:
            return None
        return "this_week" if day >= this_start else "last_week"

    def add(into, day: date, value) -> None:
        week = week_of(day)
        if week and value is not None:
            into[week].append(value)

    for moment, value in JournalEntry.objects.owned_by(user).live() \
            .filter(recorded_at__gte=start, recorded_at__lt=end).values_list("recorded_at", "pain"):
        add(pain, timezone.localdate(moment), value)
    for moment, before, after in PracticeSession.objects.filter(user=user, finished_at__gte=start, finished_at__lt=end) \
            .values_list("finished_at", "pain_before", "pain_after"):
        add(pain, timezone.localdate(moment), before)
        add(pain, timezone.localdate(moment), after)
    for moment, value in WeeklyCheckin.objects.owned_by(user) \
            .filter(recorded_at__gte=start, recorded_at__lt=end).values_list("recorded_at", "typical_pain"):
        add(pain, timezone.localdate(moment), value)
    mornings = MorningCheckin.objects.owned_by(user).filter(
        session_day__gte=first_day - timedelta(days=1), session_day__lt=last_day)
    for checkin in mornings:
        add(morning, checkin.session_day + timedelta(days=1), checkin.signed_change)
    return {week: _week(pain[week], morning[week]) for week in ("last_week", "this_week")}
