"""What the progress page shows: each measure's chart, its table, and one sentence in words."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import fmean

from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from lumbar.practice.models import PracticeSession

from . import charts, measures
from .models import Activity, ActivityRating, JournalEntry, WeeklyCheckin

EMPTY, ONE, MANY = "empty", "one", "many"


def day_label(day: date) -> str:
    return date_format(day, "j M")


def long_day(day: date) -> str:
    return date_format(day, "j F Y")


@dataclass
class Measure:
    """One block of the progress page. `state` is empty, one (a single day: no chart) or many."""

    key: str
    heading: str
    state: str
    sentence: str
    verdict: measures.Verdict | None = None
    svg: SafeString = mark_safe("")
    table: SafeString = mark_safe("")
    notes: list = field(default_factory=list)


def _draw(chart: charts.TimeChart) -> tuple[SafeString, SafeString]:
    # Both strings are built by the renderer with every piece of text escaped.
    return (mark_safe(charts.render_svg(chart, day_label=day_label)),  # noqa: S308
            mark_safe(charts.render_table(chart, date_header=_("Date"), marked_yes=_("Yes"),  # noqa: S308
                                          day_label=long_day)))


def _since(queryset, since, field: str):
    """Rows from the moment `since` on (a report's period), or all of them."""
    return queryset if since is None else queryset.filter(**{f"{field}__gte": since})


def pain_measure(user, since=None) -> Measure:
    entries = _since(JournalEntry.objects.owned_by(user).live(), since, "recorded_at").values_list("recorded_at", "pain")
    sessions = _since(PracticeSession.objects.filter(user=user), since, "finished_at").values_list(
        "finished_at", "pain_before", "pain_after")
    journal_by_day, before, after, session_days, ratings = defaultdict(list), [], [], set(), []
    for moment, pain in entries:
        day = timezone.localdate(moment)
        journal_by_day[day].append(pain)
        ratings.append((day, pain))
    for moment, pain_before, pain_after in sessions:
        day = timezone.localdate(moment)
        session_days.add(day)
        if pain_before is not None:
            before.append((day, pain_before))
            ratings.append((day, pain_before))  # pain before a session is the person's usual state
        if pain_after is not None:
            after.append((day, pain_after))
    heading = _("Pain")
    days_with_pain = {day for day, _value in ratings + after}
    if not days_with_pain:
        return Measure("pain", heading, EMPTY, _(
            "No pain ratings yet. Add a journal entry, or do a session: each one asks about your pain."))
    if len(days_with_pain) == 1:
        (day,) = days_with_pain
        values = [value for _day, value in ratings + after]
        return Measure("pain", heading, ONE, _(
            "So far you have pain ratings from one day (%(day)s): %(value)s out of 10 on average. Add entries on "
            "other days to see a line.") % {"day": long_day(day), "value": measures.number(fmean(values))})
    comparison = measures.compare_first_and_latest_week(ratings)
    if comparison:
        verdict = measures.interpret_pain_change(comparison.baseline, comparison.current)
        sentence = measures.change_sentence(_("Your average pain"), comparison.baseline, comparison.current,
                                            comparison.days, verdict)
    else:
        verdict = None
        values = [value for _day, value in ratings] or [value for _day, value in after]
        span = (max(days_with_pain) - min(days_with_pain)).days
        sentence = _(
            "So far your pain has averaged %(value)s out of 10 %(period)s. Once your ratings cover two weeks, "
            "we compare your first week with your latest.") % {
            "value": measures.number(fmean(values)), "period": measures.over_period(span)}
    chart = charts.TimeChart(
        title=_("Pain over time"), summary=sentence, value_caption=_("Pain: 0 = no pain, 10 = worst imaginable"),
        series=(
            charts.Series(_("Journal (average per day)"),
                          tuple((day, measures.shown(fmean(v))) for day, v in sorted(journal_by_day.items()))),
            charts.Series(_("Before a session"), tuple(before), marker="square", joined=False),
            charts.Series(_("After a session"), tuple(after), marker="triangle", joined=False),
        ),
        marked_days=tuple(sorted(session_days)), marked_name=_("Session day"), empty_text=_("No data yet"))
    svg, table = _draw(chart)
    return Measure("pain", heading, MANY, sentence, verdict, svg, table)


def impact_measure(user, since=None) -> Measure:
    checkins = list(_since(WeeklyCheckin.objects.owned_by(user), since, "recorded_at").order_by("recorded_at", "pk"))
    heading = _("Impact score")
    notes = [_("These three questions are our own and have not been tested in research, so read a change as a "
               "rough guide. Lower is better.")]
    if not checkins:
        return Measure("impact", heading, EMPTY, _(
            "No weekly check-ins yet. Your first one is your starting point."), notes=notes)
    first, last = checkins[0], checkins[-1]
    start, latest = measures.shown(first.impact_score), measures.shown(last.impact_score)
    if len(checkins) == 1:
        return Measure("impact", heading, ONE, _(
            "Your starting impact score is %(value)s out of 10 (%(day)s). Check in again next week to see how it "
            "changes.") % {"value": measures.number(start), "day": long_day(timezone.localdate(first.recorded_at))},
            notes=notes)
    verdict = measures.interpret_impact_change(start, latest)
    days = (timezone.localdate(last.recorded_at) - timezone.localdate(first.recorded_at)).days
    sentence = measures.change_sentence(_("Your impact score"), start, latest, days, verdict)
    chart = charts.TimeChart(
        title=_("Impact score over time"), summary=sentence,
        value_caption=_("Impact: 0 = no impact, 10 = the most"),
        series=(charts.Series(_("Impact score"), tuple(
            (timezone.localdate(c.recorded_at), measures.shown(c.impact_score)) for c in checkins)),))
    svg, table = _draw(chart)
    return Measure("impact", heading, MANY, sentence, verdict, svg, table, notes)


def activity_measures(user, since=None) -> tuple[Measure | None, list[Measure]]:
    """The overall activities sentence (same activities, first vs latest check-in) and one block per activity."""
    current_first = F("retired_at").asc(nulls_first=True)
    activities = list(Activity.objects.owned_by(user).order_by(current_first, "position", "pk"))
    ratings = _since(ActivityRating.objects.filter(activity__in=activities), since, "checkin__recorded_at") \
        .select_related("checkin").order_by("checkin__recorded_at", "checkin__pk")
    by_activity, by_checkin = defaultdict(list), defaultdict(dict)
    for rating in ratings:
        by_activity[rating.activity_id].append((timezone.localdate(rating.checkin.recorded_at), rating.rating))
        by_checkin[rating.checkin].update({rating.activity_id: rating.rating})
    blocks = []
    for activity in activities:
        points = by_activity[activity.pk]
        if activity.retired_at and not points:
            continue
        heading = activity.name if not activity.retired_at else _("%(name)s (no longer rated)") % {"name": activity.name}
        blocks.append(_one_activity(activity, heading, points))
    overall = _overall_activities(by_checkin) if by_checkin else None
    return overall, blocks


def _one_activity(activity, heading: str, points: list) -> Measure:
    key = f"activity-{activity.pk}"
    if not points:
        return Measure(key, heading, EMPTY, _("Not rated yet: you rate it at your next weekly check-in."))
    if len({day for day, _value in points}) == 1:
        return Measure(key, heading, ONE, _(
            "%(name)s: %(value)s out of 10 at the start (%(day)s). Rate it again at your next weekly check-in to "
            "see a change.") % {"name": activity.name, "value": measures.number(points[0][1]),
                                "day": long_day(points[0][0])})
    (first_day, first), (last_day, last) = points[0], points[-1]
    verdict = measures.interpret_one_activity_change(first, last)
    sentence = measures.change_sentence(activity.name, first, last, (last_day - first_day).days, verdict)
    chart = charts.TimeChart(
        title=_("%(name)s over time") % {"name": activity.name}, summary=sentence,
        value_caption=_("0 = can't do it, 10 = as well as before"),
        series=(charts.Series(activity.name, tuple(points), marker="diamond"),), plot_height=160)
    svg, table = _draw(chart)
    return Measure(key, heading, MANY, sentence, verdict, svg, table)


def _overall_activities(by_checkin: dict) -> Measure:
    checkins = list(by_checkin)
    first, last = by_checkin[checkins[0]], by_checkin[checkins[-1]]
    shared = [activity for activity in first if activity in last]
    heading = _("Your activities together")
    if len(checkins) == 1 or not shared:
        start = measures.shown(measures.activities_score(last.values()))
        return Measure("activities", heading, ONE, _(
            "Your activities score is %(value)s out of 10 (the average of your ratings; higher is better). We "
            "compare it once you have rated the same activities twice.") % {"value": measures.number(start)})
    start = measures.shown(measures.activities_score(first[a] for a in shared))
    latest = measures.shown(measures.activities_score(last[a] for a in shared))
    verdict = measures.interpret_activities_change(start, latest)
    days = (timezone.localdate(checkins[-1].recorded_at) - timezone.localdate(checkins[0].recorded_at)).days
    sentence = measures.change_sentence(_("Your activities score"), start, latest, days, verdict)
    return Measure("activities", heading, MANY, sentence, verdict)
