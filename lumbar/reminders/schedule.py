"""When the planned sessions fall: the person's reminder days and time, in their time zone (pure)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKS_AHEAD = 4


def planned_times(weekdays: list[int], at: time, zone: str, now: datetime, weeks: int = WEEKS_AHEAD) -> list[datetime]:
    """Every reminder time from `now` (aware) for the next `weeks` weeks, in order, as aware times in `zone`.
    Times a daylight-saving change skips are moved on by the gap; repeated ones are taken once."""
    tz = ZoneInfo(zone)
    local_now = now.astimezone(tz)
    found = []
    for offset in range(weeks * 7 + 1):
        day: date = local_now.date() + timedelta(days=offset)
        if day.weekday() not in weekdays:
            continue
        moment = datetime.combine(day, at, tzinfo=tz)
        moment = moment.astimezone(ZoneInfo("UTC")).astimezone(tz)  # a skipped local time moves on
        if moment > local_now and len(found) < weeks * len(weekdays):
            found.append(moment)
    return found
