"""The 12-week programme for a profile: what `lumbar plan --json` prints.

  {"sessions": [{"week": 1, "day": 1, "phase": 1, "minutes": 19.5, "position_changes": 0,
                 "steps": [{"type": "pose", "pose": "pelvic-tilt", "variation": null, "reps": 8,
                            "seconds": null, "why": "...", "role": "warm-up"}, ...]}, ...],
   "left_out": [{"pose": "cobra", "why": "..."}, ...]}
days_per_week sessions for each of the 12 weeks. A step has reps (repetitions) or seconds (a hold, or a
repetition pose held still); role is arrival, warm-up, rounded-rest, flow, main or closing. minutes is our
estimate (duration.py), to the nearest half minute. Same profile, same programme.
"""
from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext as _

from .exclusions import decisions
from .fitting import ProgrammeError
from .phases import WEEKS
from .profile import MINUTES_RANGE
from .session import build_session


def schedule(profile) -> list[tuple[int, int]]:
    """(week, day) of every session, in order."""
    return [(week, day) for week in range(1, WEEKS + 1) for day in range(1, profile.days_per_week + 1)]


def left_out(profile) -> list[dict]:
    return [{"pose": slug, "why": d.why} for slug, d in decisions(profile).items() if not d.allowed]


def generate(profile) -> dict:
    """Every session, or ProgrammeError; when sessions were too short, the error names the longest that fit."""
    sessions, too_short = [], []
    for week, day in schedule(profile):
        try:
            sessions.append(build_session(profile, week, day))
        except ProgrammeError as error:
            if error.max_minutes is None:
                raise
            too_short.append(error.max_minutes)
    if too_short:
        longest = _longest_that_fits(profile, min(too_short))
        asked = f"{profile.minutes:g}"
        if longest is None:
            raise ProgrammeError(_("Too few poses suit your answers to fill even %(least)s-minute sessions.")
                                 % {"least": MINUTES_RANGE[0]})
        raise ProgrammeError(_("Too few poses suit your answers to fill %(asked)s-minute sessions; sessions of "
                               "%(fit)s minutes would fit.") % {"asked": asked, "fit": longest}, max_minutes=longest)
    return {"sessions": sessions, "left_out": left_out(profile)}


def _longest_that_fits(profile, guess: int) -> int | None:
    """The longest whole number of minutes, at most `guess`, for which every session fits."""
    minutes = min(guess, int(profile.minutes) - 1)
    while minutes >= MINUTES_RANGE[0]:
        shorter = replace(profile, minutes=minutes)
        try:
            for week, day in schedule(shorter):
                build_session(shorter, week, day)
            return minutes
        except ProgrammeError as error:
            minutes = min(minutes - 1, error.max_minutes or minutes - 1)
    return None
