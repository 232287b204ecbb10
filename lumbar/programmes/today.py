"""Where a person's programme stands today, for the programme page and the home page's card."""
from __future__ import annotations

from .adaptation import next_session
from .display import session_heading, step_rows
from .first_week import FIRST_WEEK
from .generator import schedule
from .models import Programme
from .session import build_session

NONE, PAUSED, FINISHED, READY = "none", "paused", "finished", "ready"


def programme_today(user) -> dict:
    """{"status", "programme", "profile", "state", "session", "heading", "rows", "building_up"}; building_up
    is set in week 1 (first_week.py): {"first_minutes", "your_minutes"}. Reads only: the next
    morning's check-in is counted when it is answered (and again before a session is saved)."""
    if user is None or not user.is_authenticated:
        return {"status": NONE}
    programme = Programme.objects.filter(user=user).first()
    if programme is None:
        return {"status": NONE}
    profile, state = programme.get_profile(), programme.get_state()
    today = {"programme": programme, "profile": profile, "state": state, "session": None}
    if state.paused:
        return {**today, "status": PAUSED}
    session = next_session(state, profile)
    if session is None or state.position >= len(schedule(profile)):
        return {**today, "status": FINISHED}
    return {**today, "status": READY, "session": session, "heading": session_heading(session, state.position + 1, profile),
            "rows": step_rows(session["steps"]), "building_up": _building_up(session, profile)}


def _building_up(session: dict, profile) -> dict | None:
    """What the page says while week 1 builds up, or None after it."""
    if session["week"] != FIRST_WEEK:
        return None
    return {"first_minutes": build_session(profile, FIRST_WEEK, 1, strict=False)["minutes"],
            "your_minutes": profile.minutes}
