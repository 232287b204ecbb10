"""Builds the journal tests' world in code: entries, sessions and check-ins at chosen times."""
from datetime import datetime, time, timedelta

from django.utils import timezone

from lumbar.journal.models import Activity, ActivityRating, JournalEntry, WeeklyCheckin
from lumbar.practice.models import PracticeSession


def at(days_ago: int, hour: int = 9, minute: int = 0) -> datetime:
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def entry(user, days_ago=0, pain=5, hour=9, **fields) -> JournalEntry:
    return JournalEntry.objects.create(user=user, recorded_at=at(days_ago, hour), pain=pain, **fields)


def session(user, days_ago=0, before=None, after=None, hour=18) -> PracticeSession:
    moment = at(days_ago, hour)
    return PracticeSession.objects.create(
        user=user, sequence_slug="glide-and-rest", sequence_title="Glide and rest", started_at=moment,
        finished_at=moment, completed=True, pain_before=before, pain_after=after)


def activities(user, *names) -> list[Activity]:
    return [Activity.objects.create(user=user, name=name, position=i) for i, name in enumerate(names)]


def checkin(user, days_ago, answers=(5, 5, 5), ratings=None) -> WeeklyCheckin:
    made = WeeklyCheckin.objects.create(user=user, recorded_at=at(days_ago, 10), typical_pain=answers[0],
                                        spoiled_enjoyment=answers[1], everyday_tasks=answers[2])
    for activity, rating in (ratings or {}).items():
        ActivityRating.objects.create(checkin=made, activity=activity, rating=rating)
    return made
