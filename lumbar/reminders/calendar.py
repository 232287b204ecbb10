"""The reminder calendar (RFC 5545): the person's planned sessions on their chosen days and time, with an alarm.

With a programme, each coming session of the plan goes to the next reminder time, in order (session 3 of 24,
about 10 minutes); without one, the core session on each reminder time. Paused reminders give a calendar with
no events, so subscribed calendars go quiet without anything to remove.
"""
from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from .schedule import planned_times

CORE_MINUTES = 12


def planned_sessions(user, count: int) -> list[dict]:
    """The next `count` sessions the person has planned: {"title", "minutes"}."""
    from lumbar.programmes.generator import schedule
    from lumbar.programmes.models import Programme
    from lumbar.programmes.session import build_session

    programme = Programme.objects.filter(user=user).first()
    if programme is None:
        return [{"title": _("Glide and rest"), "minutes": CORE_MINUTES}] * count
    profile, state = programme.get_profile(), programme.get_state()
    if state.paused:
        return []
    plan = schedule(profile)
    adjustments = state.adjustments()
    sessions = []
    for number in range(state.position, min(len(plan), state.position + count)):
        week, day = plan[number]
        minutes = build_session(profile, week, day, adjustments, strict=False)["minutes"]
        sessions.append({"title": _("Session %(number)s of %(total)s") % {"number": number + 1, "total": len(plan)},
                         "minutes": round(minutes)})
    return sessions


def reminder_calendar(reminder) -> bytes:
    """In the language the person used when they chose their reminders."""
    with translation.override(reminder.language):
        return _calendar(reminder)


def _calendar(reminder) -> bytes:
    host = urlsplit(settings.SITE_URL).hostname or "lumbar"
    calendar = Calendar()
    calendar.add("prodid", "-//Lumbar//Practice reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Lumbar practice"))
    if not reminder.paused:
        times = planned_times(reminder.weekdays, reminder.at, reminder.time_zone, timezone.now())
        for starts, session in zip(times, planned_sessions(reminder.user, len(times))):
            calendar.add_component(_event(starts, session, host, reminder))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(starts, session: dict, host: str, reminder) -> Event:
    event = Event()
    event.add("uid", f"lumbar-practice-{reminder.user_id}-{starts:%Y%m%dT%H%M}@{host}")
    event.add("dtstamp", reminder.updated_at)
    event.add("summary", _("Lumbar: %(title)s, about %(minutes)s minutes") % session)
    event.add("dtstart", starts)
    event.add("dtend", starts + timedelta(minutes=session["minutes"]))
    event.add("description", _("A gentle session is planned for now. If today is not a good day, that is fine: "
                               "even a few slow tilts count. %(url)s") % {"url": settings.SITE_URL})
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _("Time for your gentle back session, if it suits you."))
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    return event
