"""Writes to a person's reminders, each in one transaction."""
from __future__ import annotations

import hashlib
import secrets

from django.db import transaction

from .models import PushSubscription, Reminder


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def save_reminder(user, weekdays: list[int], at, time_zone: str, language: str = "en") -> Reminder:
    reminder, _created = Reminder.objects.update_or_create(
        user=user, defaults={"weekdays": sorted(weekdays), "at": at, "time_zone": time_zone, "language": language})
    return reminder


def set_paused(reminder: Reminder, paused: bool) -> None:
    reminder.paused = paused
    reminder.save(update_fields=["paused", "updated_at"])


@transaction.atomic
def new_feed_key(reminder: Reminder) -> str:
    """A new secret calendar address; the old one stops working at once. Only its hash is kept."""
    key = secrets.token_urlsafe(32)
    reminder.feed_key_hash = hash_key(key)
    reminder.save(update_fields=["feed_key_hash", "updated_at"])
    return key


def stop_feed_key(reminder: Reminder) -> None:
    reminder.feed_key_hash = ""
    reminder.save(update_fields=["feed_key_hash", "updated_at"])


@transaction.atomic
def keep_push(user, endpoint: str, keys: dict) -> None:
    """One browser's subscription; the same endpoint again (a renewed subscription) replaces it."""
    PushSubscription.objects.filter(endpoint=endpoint).delete()
    PushSubscription.objects.create(user=user, endpoint=endpoint, **keys)


def forget_push(user, endpoint: str) -> None:
    PushSubscription.objects.filter(user=user, endpoint=endpoint).delete()
