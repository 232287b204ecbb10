"""The 12-week programme for a profile: what `lumbar plan --json` prints.

  {"sessions": [{"week": 1, "day": 1, "phase": 1, "minutes": 8, "position_changes": 0,
                 "steps": [{"type": "pose", "pose": "pelvic-tilt", "variation": null, "reps": 6,
                            "seconds": null, "why": "...", "role": "warm-up", "position": "supine",
                            "ease_to": "smaller-range", "cautions": ["..."]}, ...]}, ...],
   "left_out": [{"pose": "cobra", "why": "..."}, ...],
   "core": {"steps": [{"type": "floor-space", "moment": "before"}, {"type": "pain", "moment": "before"},
                      <pose steps in the same shape>, ...], "left_out": [{"pose", "why"}]}}
position, ease_to (the version "ease off" switches to for this person, or null) and cautions (the lines shown
and spoken for this person) come from the per-person decision (exclusions.check_step); core is the core
session ("Glide and rest") exactly as it would be played for this person (core.py).
days_per_week sessions for each of the 12 weeks. A step has reps (repetitions) or seconds (a hold, or a
repetition pose held still); role is arrival, warm-up, rounded-rest, flow, main or closing. minutes is our
estimate (duration.py), to the nearest half minute; week 1 starts small and builds up (first_week.py). Same
profile, same programme.
"""
from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext as _

from lumbar.content.loader import read_sequences

from .core import core_steps
from .exclusions import check_step, decisions
from .fitting import ProgrammeError
from .phases import WEEKS
from .profile import MINUTES_RANGE
from .floor_skills import FLOOR_SKILLS_POSE
from .positions import step_position
from .session import build_session

CORE_SEQUENCE = "glide-and-rest"


def schedule(profile) -> list[tuple[int, int]]:
    """(week, day) of every session, in order."""
    return [(week, day) for week in range(1, WEEKS + 1) for day in range(1, profile.days_per_week + 1)]


def left_out(profile) -> list[dict]:
    return [{"pose": slug, "why": d.why} for slug, d in decisions(profile).items() if not d.allowed]


def generate(profile) -> dict:
    """Every session, or ProgrammeError; when sessions were too short, the error names the longest that fit."""
    sessions, too_short, building = [], [], profile
    for week, day in schedule(profile):
        try:
            sessions.append(build_session(building, week, day))
            if any(s["pose"] == FLOOR_SKILLS_POSE for s in sessions[-1]["steps"]):
                building = replace(building, floor_taught=True)  # shown once, before the first floor session
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
    return {"sessions": [{**s, "steps": [with_facts(profile, step) for step in s["steps"]]} for s in sessions],
            "left_out": left_out(profile), "core": core(profile)}


def with_facts(profile, step: dict) -> dict:
    """A pose step with where it is done, its easier version and its cautions for this person."""
    if step["type"] != "pose":
        return step
    checked = check_step(profile, step["pose"], step.get("variation"))
    return {**step, "position": step_position(step["pose"], step.get("variation")), "ease_to": checked.ease_to,
            "cautions": list(checked.cautions)}


def core(profile) -> dict:
    """The core session for this person, in the programme's step shape."""
    sequence = next(s for s in read_sequences() if s.slug == CORE_SEQUENCE)
    played, missing = core_steps(profile, [step.model_dump(exclude_none=True) for step in sequence.steps])
    steps = []
    for step in played:
        if step["type"] == "pose":
            step = {"type": "pose", "pose": step["pose"], "variation": step["variation"], "reps": step["reps"],
                    "seconds": step["seconds"], "why": step["why"] or step.get("intro") or "", "role": step["role"]}
        steps.append(with_facts(profile, step))
    return {"steps": steps, "left_out": missing}


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
