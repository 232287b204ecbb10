"""Where a person's programme stands today, for the programme page and the home page's card."""
from __future__ import annotations

from .adaptation import next_session
from .display import session_heading, step_rows
from .generator import schedule
from .models import Programme

NONE, PAUSED, FINISHED, READY = "none", "paused", "finished", "ready"


def programme_today(user) -> dict:
    """{"status", "programme", "profile", "state", "session", "heading", "rows"}. Reads only: the next
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
            "rows": step_rows(session["steps"])}
