"""Writes. They take users and objects, never the request; each is all or nothing."""
from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .models import Activity, ActivityRating, JournalEntry, MorningCheckin, Walk, WalkingGoal, WeeklyCheckin
from .morning import LASTING_ANSWERS, MORNING_ANSWERS

ENTRY_FIELDS = ["recorded_at", "pain", "regions", "feelings", "triggers", "trigger_notes", "medication", "notes"]


def _check_owner(user, *objects) -> None:
    for obj in objects:
        if obj.user_id != user.pk:
            raise PermissionDenied("not this person's data")


def add_entry(user, values: dict) -> JournalEntry:
    return JournalEntry.objects.create(user=user, **{field: values[field] for field in ENTRY_FIELDS})


def change_entry(user, entry: JournalEntry, values: dict) -> JournalEntry:
    _check_owner(user, entry)
    for field in ENTRY_FIELDS:
        setattr(entry, field, values[field])
    entry.save()
    return entry


def delete_entry(user, entry: JournalEntry) -> JournalEntry:
    """Marks the entry deleted; nothing else about it changes, so undo restores it exactly."""
    _check_owner(user, entry)
    if entry.deleted_at is None:
        JournalEntry.objects.filter(pk=entry.pk).update(deleted_at=timezone.now())
        entry.refresh_from_db()
    return entry


def restore_entry(user, entry: JournalEntry) -> JournalEntry:
    _check_owner(user, entry)
    JournalEntry.objects.filter(pk=entry.pk).update(deleted_at=None)
    entry.refresh_from_db()
    return entry


@transaction.atomic
def save_activities(user, names: list[str]) -> list[Activity]:
    """Box i keeps the person's i-th current activity: a new name renames it (ratings stay attached), an
    empty box retires it (kept, with its ratings, for the progress page), a filled empty box adds one."""
    current = list(Activity.objects.owned_by(user).filter(retired_at__isnull=True))
    now = timezone.now()
    kept = []
    for slot, name in enumerate(names):
        activity = current[slot] if slot < len(current) else None
        if activity and not name:
            if activity.ratings.exists():
                activity.retired_at = now
                activity.save(update_fields=["retired_at"])
            else:
                activity.delete()
        elif activity:
            activity.name, activity.position = name, slot
            activity.save(update_fields=["name", "position"])
            kept.append(activity)
        elif name:
            kept.append(Activity.objects.create(user=user, name=name, position=slot))
    return kept


@transaction.atomic
def record_weekly_checkin(user, answers: dict, ratings: dict) -> WeeklyCheckin:
    """The three impact answers and a rating for each of the person's activities, saved together."""
    _check_owner(user, *ratings)
    checkin = WeeklyCheckin.objects.create(
        user=user, recorded_at=timezone.now(), typical_pain=answers["typical_pain"],
        spoiled_enjoyment=answers["spoiled_enjoyment"], everyday_tasks=answers["everyday_tasks"])
    ActivityRating.objects.bulk_create(
        ActivityRating(checkin=checkin, activity=activity, rating=rating) for activity, rating in ratings.items())
    return checkin


def record_morning_checkin(user, session_day: date, answer: str, lasting: str) -> MorningCheckin:
    """Saves (or replaces) the answers about the morning after `session_day`: `answer` a MORNING_ANSWERS
    code, `lasting` a LASTING_ANSWERS code."""
    direction, points, _label = MORNING_ANSWERS[answer]
    still_sore, _label = LASTING_ANSWERS[lasting]
    checkin, _created = MorningCheckin.objects.update_or_create(
        user=user, session_day=session_day,
        defaults={"direction": direction, "points": points, "lasting": still_sore, "answered_at": timezone.now()})
    return checkin


def set_walking_goal(user, minutes: int) -> WalkingGoal:
    return WalkingGoal.objects.create(user=user, minutes=minutes, set_at=timezone.now())


def record_walk(user, day: date, minutes: int) -> Walk:
    return Walk.objects.create(user=user, day=day, minutes=minutes, recorded_at=timezone.now())
