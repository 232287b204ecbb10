"""When a weekly class next happens, in the site's time zone (settings.TIME_ZONE)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def site_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def first_on_or_after(class_time, day: date) -> datetime:
    """The class's first start on or after this day, as a time in the site's zone."""
    ahead = (class_time.weekday - day.weekday()) % 7
    return datetime.combine(day + timedelta(days=ahead), class_time.starts_at, tzinfo=site_zone())


@dataclass(frozen=True)
class Occurrence:
    class_time: object
    starts: datetime

    @property
    def ends(self) -> datetime:
        return self.starts + timedelta(minutes=self.class_time.minutes)


def next_occurrences(class_times, now: datetime | None = None, limit: int = 5) -> list[Occurrence]:
    """The next start of each class not yet over, soonest first."""
    now = (now or timezone.now()).astimezone(site_zone())
    found = []
    for class_time in class_times:
        starts = first_on_or_after(class_time, now.date() - timedelta(days=1))
        while starts + timedelta(minutes=class_time.minutes) <= now:
            starts = datetime.combine(starts.date() + timedelta(days=7), class_time.starts_at, tzinfo=site_zone())
        found.append(Occurrence(class_time, starts))
    return sorted(found, key=lambda o: o.starts)[:limit]
