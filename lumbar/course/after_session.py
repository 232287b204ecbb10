"""What the player's summary offers next (read only, worked out when the player page is opened):
after the first session, the programme (when there is none yet); after each of the first sessions, the
next lesson of the course (session n offers lesson n)."""
from __future__ import annotations

from lumbar.accounts.scopes import PRACTICE
from lumbar.practice.models import PracticeSession
from lumbar.programmes.models import Programme

from .lessons import lesson_number


def what_next(grant) -> dict:
    """{"number": this session's number, "programme_offer": bool, "lesson": a shown lesson or None}."""
    if grant.client is None or not grant.may_read(PRACTICE):
        return {"number": None, "programme_offer": False, "lesson": None}
    number = grant.rows(PracticeSession.objects, PRACTICE).count() + 1  # this one is not saved yet
    has_programme = grant.rows(Programme.objects, PRACTICE).exists()
    upcoming = lesson_number(number)
    return {"number": number, "programme_offer": number == 1 and not has_programme,
            "lesson": upcoming.shown() if upcoming else None}
