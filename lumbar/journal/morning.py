"""The next-morning check-in after a session day: which day is waiting for an answer, and the answers."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# code -> (direction, points at least, label). Points are on the 0-10 pain scale (clinical.md section 5
# uses "worse by 2 or more" to step back, so the bands are 1, 2-3 and 4 or more).
MORNING_ANSWERS = {
    "better-4": ("better", 4, _("Better, by 4 points or more")),
    "better-2": ("better", 2, _("Better, by 2 to 3 points")),
    "better-1": ("better", 1, _("A little better, about 1 point")),
    "same": ("same", 0, _("About the same as usual")),
    "worse-1": ("worse", 1, _("A little worse, about 1 point")),
    "worse-2": ("worse", 2, _("Worse, by 2 to 3 points")),
    "worse-4": ("worse", 4, _("Worse, by 4 points or more")),
}

# Is soreness from the session still there this morning? code -> (lasting, label).
LASTING_ANSWERS = {
    "yes": (True, _("Yes, some soreness from the session is still there")),
    "no": (False, _("No, it has gone, or there was none")),
}

# A morning can be answered up to this many days late (then it is no longer "the next morning").
ANSWER_WITHIN_DAYS = 7


def answer_code(checkin) -> str:
    return "same" if checkin.direction == "same" else f"{checkin.direction}-{checkin.points}"


def answer_label(checkin) -> str:
    return str(MORNING_ANSWERS[answer_code(checkin)][2])


def lasting_code(checkin) -> str | None:
    """"yes" / "no", or None for an answer saved before the question was asked."""
    return None if checkin.lasting is None else ("yes" if checkin.lasting else "no")


def lasting_label(checkin) -> str:
    code = lasting_code(checkin)
    return str(LASTING_ANSWERS[code][1]) if code else ""


def session_days(user, since: date, until: date) -> set[date]:
    """Local dates on which this person finished a practice session (ended early counts too)."""
    from lumbar.practice.models import PracticeSession

    start = timezone.make_aware(datetime.combine(since, time.min))
    end = timezone.make_aware(datetime.combine(until + timedelta(days=1), time.min))
    moments = PracticeSession.objects.filter(user=user, finished_at__gte=start, finished_at__lt=end) \
        .values_list("finished_at", flat=True)
    return {timezone.localdate(moment) for moment in moments}


def pending_morning_checkin(user, today: date | None = None) -> date | None:
    """The session day whose next morning is today and not yet answered, or None.

    Today is the morning after a day with a recorded practice session, and there is no answer for that day.
    """
    from .models import MorningCheckin

    if user is None or not user.is_authenticated:
        return None
    today = today or timezone.localdate()
    yesterday = today - timedelta(days=1)
    if yesterday not in session_days(user, yesterday, yesterday):
        return None
    if MorningCheckin.objects.owned_by(user).filter(session_day=yesterday).exists():
        return None
    return yesterday


def answerable_day_problem(user, day: date, today: date | None = None) -> str | None:
    """Why this day cannot be answered (a sentence), or None when it can."""
    today = today or timezone.localdate()
    if day >= today:
        return str(_("The morning check-in is about the morning after a session day, so it opens the next day."))
    if day < today - timedelta(days=ANSWER_WITHIN_DAYS):
        return str(_("That session day is more than a week ago, too long to remember a morning well."))
    if day not in session_days(user, day, day):
        return str(_("There is no session recorded on that day, so there is no morning after it to ask about."))
    return None
