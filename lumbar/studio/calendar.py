"""A client's class calendar in iCalendar form (RFC 5545): their teachers' weekly classes, recurring (RRULE)."""
from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import BookingLink, ClassTime
from .naming import teacher_name
from lumbar.accounts.access import teachers_of
from .schedule import first_on_or_after, site_zone

ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def class_event(class_time, booking_url: str | None, host: str) -> Event:
    starts = first_on_or_after(class_time, class_time.created_at.astimezone(site_zone()).date())
    event = Event()
    event.add("uid", f"lumbar-class-{class_time.pk}@{host}")
    event.add("dtstamp", class_time.updated_at)
    event.add("summary", class_time.title)
    event.add("dtstart", starts)
    event.add("dtend", starts + timedelta(minutes=class_time.minutes))
    event.add("rrule", {"FREQ": "WEEKLY", "BYDAY": [ICAL_DAYS[class_time.weekday]]})
    event.add("location", class_time.place or _("By video call"))
    description = _("With %(teacher)s.") % {"teacher": teacher_name(class_time.teacher)}
    if class_time.by_video and class_time.place:
        description += " " + _("Also by video call.")
    if booking_url:
        description += " " + _("Book: %(url)s") % {"url": booking_url}
        event.add("url", booking_url)
    event.add("description", description)
    return event


def class_calendar(client) -> bytes:
    """The calendar a client subscribes to: every weekly class of every teacher looking after them now."""
    teachers = list(teachers_of(client))
    links = dict(BookingLink.objects.filter(teacher__in=teachers).values_list("teacher_id", "url"))
    host = urlsplit(settings.SITE_URL).hostname or "lumbar"
    calendar = Calendar()
    calendar.add("prodid", "-//Lumbar//Class times//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Your teacher's classes"))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for class_time in ClassTime.objects.filter(teacher__in=teachers).select_related("teacher"):
        calendar.add_component(class_event(class_time, links.get(class_time.teacher_id), host))
    calendar.add_missing_timezones()
    return calendar.to_ical()
