"""What a report for a clinician holds, for one person and a period: read-only, from the apps' own records.

The charts and sentences are the progress page's (journal/progress.py: the same thresholds and renderer),
limited to the period. The person's own notes come in only when they choose so.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from lumbar.journal import progress

DEFAULT_DAYS, MAX_DAYS = 90, 3660


@dataclass
class Report:
    person: str
    start: date
    end: date
    days: int
    sessions: int = 0
    completed: int = 0
    per_week: float = 0.0
    poses: list = field(default_factory=list)      # [(name, times done)], most practised first
    hurt: list = field(default_factory=list)       # [(name, times rated "it hurt")]
    measures: list = field(default_factory=list)   # progress.Measure, pain first
    screening: str = ""
    events: list = field(default_factory=list)     # [(date, sentence)]: urgent stops, clinicians, flares
    direction: list = field(default_factory=list)  # sentences from the direction check
    notes: list = field(default_factory=list)      # [(date, text)], only when chosen


SCREENING_WORDS = {
    "clear": lambda: _("Safety questions answered; nothing in them stops gentle practice."),
    "needed": lambda: _("The safety questions are due again (every 4 weeks, and after a flare or a stop)."),
    "urgent": lambda: _("Urgent symptoms were reported; sessions stay locked until a clinician's assessment is "
                        "recorded."),
    "clearance": lambda: _("The answers asked for a clinician's clearance, not yet recorded."),
    "paused": lambda: _("The programme is paused."),
}


def build(user, days: int = DEFAULT_DAYS, include_notes: bool = False) -> Report:
    from lumbar.practice.models import PracticeSession, PracticeStep
    from lumbar.safety.gate import screening_state

    end = timezone.localdate()
    since = timezone.now() - timedelta(days=days)
    report = Report(person=user.username, start=end - timedelta(days=days), end=end, days=days)
    sessions = PracticeSession.objects.filter(user=user, finished_at__gte=since)
    report.sessions = sessions.count()
    report.completed = sessions.filter(completed=True).count()
    report.per_week = round(report.sessions / (days / 7), 1)
    steps = PracticeStep.objects.filter(session__in=sessions)
    report.poses = Counter(steps.filter(status="done").values_list("pose_name", flat=True)).most_common(8)
    report.hurt = Counter(steps.filter(rating="hurt").values_list("pose_name", flat=True)).most_common()
    overall, blocks = progress.activity_measures(user, since)
    report.measures = [m for m in (progress.pain_measure(user, since), progress.impact_measure(user, since), overall,
                                   *blocks) if m is not None]
    report.screening = SCREENING_WORDS[screening_state(user)]()
    report.events = _events(user, since)
    report.direction = _direction(user)
    if include_notes:
        from lumbar.journal.models import JournalEntry

        report.notes = [(timezone.localdate(e.recorded_at), e.notes) for e in JournalEntry.objects.owned_by(user)
                        .live().filter(recorded_at__gte=since).exclude(notes="").order_by("recorded_at")]
    return report


def _events(user, since) -> list:
    from lumbar.safety.models import Assessment, DirectionStop, Flare, SymptomEvent
    from lumbar.safety.stop_rules import STOP_SESSION

    day = timezone.localdate
    events = [(day(e.created_at), _("Stopped a session for urgent symptoms (pain %(pain)s/10).") % {"pain": e.pain})
              for e in SymptomEvent.objects.filter(user=user, created_at__gte=since, action=STOP_SESSION)]
    events += [(a.assessed_on, _("Assessed by %(who)s. Their advice on exercise: %(advice)s")
                % {"who": a.assessed_by, "advice": a.exercise_advice})
               for a in Assessment.objects.filter(user=user, created_at__gte=since)]
    events += [(day(f.created_at), _("Reported a flare.")) for f in Flare.objects.filter(user=user, created_at__gte=since)]
    events += [(day(d.created_at), _("Movement that %(direction)s the lower back was stopped.")
                % {"direction": _("rounds") if d.direction == "flexion" else _("arches")})
               for d in DirectionStop.objects.filter(user=user, created_at__gte=since)]
    return sorted(events, key=lambda event: event[0])


def _direction(user) -> list:
    from lumbar.programmes.direction_check import describe
    from lumbar.programmes.models import Programme

    programme = Programme.objects.filter(user=user).first()
    if programme is None:
        return []
    answers = dict(programme.get_profile().direction_check)
    return [describe(direction, response, answers) for direction, response in sorted(answers.items())]
