"""Week 1 starts small and builds up (our rule; clinical.md section 5: start low, grow slowly).

A person in pain meets the programme through its first session, so week 1 does less: the first session is
Lumbar's core and its rests (arrival, slow tilts, the rounded rest, closing rest: about 8 minutes, FIRST_MINUTES),
and each later session of the week adds a little, up to LAST_MINUTES (or the person's own minutes when
fewer) and MOST_MAINS main poses by the last session of the week. Main poses are held for a part of their usual
time (SHORT_HOLD rising to 1), the tilts start at FIRST_TILTS. From week 2 the session the person chose.

gentler_start(profile, session, adjustments) only takes away: it keeps the built session's poses, versions and
order (every one already passed the per-person decision and the whole-sequence rules) and only drops main poses
and shortens doses, so nothing is allowed here that was not allowed before; it never lengthens a step. Dropping a
pose can join two spells on the back, so the whole-sequence rules are walked again (sequence_rules.walk).

Adaptation still shows in week 1 (the built session already carries it; roles.py): a pose added by "one new
pose" is kept on top of the week's main poses, a progression step (one more repetition, a hold HOLD_STEP
seconds longer) is added after the main pose is shortened, and a step back ("every pose a little lighter")
takes one repetition or HOLD_STEP seconds off the tilts and the rounded rest too, since week 1's first
sessions are mostly those.
"""
from __future__ import annotations

from .duration import POSITION_CHANGE_SECONDS, count_position_changes, rounded_minutes, step_seconds
from .library import poses
from .positions import level_of
from .roles import HOLD_STEP, Adjustments, dose, dose_scale
from .sequence_rules import walk

FIRST_WEEK = 1
FIRST_MINUTES, LAST_MINUTES = 8, 15
MOST_MAINS = 2
SHORT_HOLD = 0.6  # main poses are held this part of their time in week 1's first session
FIRST_TILTS = 6  # as in the first session (content/data/sequences/first-session.yaml)
ROUNDED_REST_SECONDS = (60, 75)  # the rounded rest, first session to last
# the rests that absorb the rest of the time: (shortest, longest) seconds
RESTS = {"arrival": (60, 120), "closing": (90, 180)}
KEPT_ROLES = ("arrival", "warm-up", "rounded-rest", "closing", "floor-skills")


def growth(day: int, days_per_week: int) -> float:
    """0 at week 1's first session, 1 at its last (0 when there is only one)."""
    return (day - 1) / (days_per_week - 1) if days_per_week > 1 else 0.0


def minutes_for(profile, day: int) -> float:
    """About how long week 1's session `day` lasts: FIRST_MINUTES growing to LAST_MINUTES, never over the
    person's own minutes."""
    share = growth(day, profile.days_per_week)
    return min(profile.minutes, FIRST_MINUTES + share * (LAST_MINUTES - FIRST_MINUTES))


def _five(seconds: float) -> int:
    return max(5, 5 * round(seconds / 5))


def _shorter(step: dict, share: float, scale: float, extra: int = 0) -> dict:
    """A main pose at `share` of its usual dose (the pose's own, scaled as roles.dose does), then `extra`
    progression steps (negative: stepping back) on top; never more than the built step."""
    reps, seconds = step.get("reps"), step.get("seconds")
    usual_reps, usual_seconds = dose(step["pose"], step.get("variation"), scale)
    if reps:
        reps = min(reps, max(1, round((usual_reps or reps) * share) + extra))
    if seconds:
        seconds = min(seconds, max(5, _five((usual_seconds or seconds) * share) + HOLD_STEP * extra))
    return {**step, "reps": reps, "seconds": seconds}


def session_seconds(steps: list[dict]) -> float:
    """duration.py's estimate for these steps, position changes included."""
    poses_only = [s for s in steps if s["type"] == "pose"]
    work = sum(step_seconds(s["pose"], s.get("variation"), s.get("reps"), s.get("seconds")) for s in poses_only)
    levels = [level_of(s["pose"], s.get("variation")) for s in poses_only]
    return work + POSITION_CHANGE_SECONDS * count_position_changes(levels)


def _added(adjustments: Adjustments) -> set[str]:
    """The poses adaptation added ("one new pose"), under the pose a swap put in their place."""
    swaps = adjustments.swaps
    return {(swaps[slug]["pose"] if slug in swaps else slug) for slug in adjustments.added} - {None}


def _trimmed(steps: list[dict], mains: int, share: float, adjustments: Adjustments, scale: float) -> list[dict]:
    """The main poses: the first `mains` (the first round only), shortened, and every pose adaptation added."""
    kept, seen, added = [], set(), _added(adjustments)
    for step in steps:
        role = step.get("role")
        if step["type"] != "pose" or role in KEPT_ROLES:
            kept.append(step)
        elif role == "main" and step["pose"] not in seen and (step["pose"] in added or len(seen - added) < mains):
            seen.add(step["pose"])
            extra = adjustments.steps.get(step["pose"], 0) - adjustments.lighter
            kept.append(_shorter(step, SHORT_HOLD + (1 - SHORT_HOLD) * share, scale, extra))
    return kept


def _core_doses(steps: list[dict], share: float, lighter: int = 0) -> list[dict]:
    out = []
    for step in steps:
        role = step.get("role")
        if role == "warm-up" and step.get("reps"):
            usual = poses()[step["pose"]].dose.reps or step["reps"]
            gentle = round(FIRST_TILTS + share * max(0, usual - FIRST_TILTS))
            step = {**step, "reps": max(1, min(step["reps"], gentle) - lighter)}
        elif role == "rounded-rest" and step.get("seconds"):
            low, high = ROUNDED_REST_SECONDS
            gentle = _five(low + share * (high - low))
            step = {**step, "seconds": max(5, min(step["seconds"], gentle) - HOLD_STEP * lighter)}
        elif role in RESTS and step.get("seconds"):
            step = {**step, "seconds": min(step["seconds"], RESTS[role][0])}
        out.append(step)
    return out


def gentler_start(profile, session: dict, adjustments: Adjustments | None = None) -> dict:
    """The session as week 1 plays it: fewer poses, shorter holds, minutes counted again; other weeks as built.
    `adjustments` are adaptation's changes that the built session already carries (see above)."""
    if session["week"] != FIRST_WEEK:
        return session
    adjustments = adjustments or Adjustments()
    share = growth(session["day"], profile.days_per_week)
    mains = round(share * MOST_MAINS)
    original = [{**s, "_built": i} for i, s in enumerate(session["steps"])]
    trimmed = _trimmed(original, mains, share, adjustments, dose_scale(profile.minutes))
    steps = _core_doses(trimmed, share, adjustments.lighter)
    ceilings = {i: s.get("seconds") for i, s in enumerate(session["steps"])}
    steps = _fill(steps, ceilings, minutes_for(profile, session["day"]) * 60)
    steps = [{k: v for k, v in s.items() if k != "_built"} for s in steps]
    steps, _problems = walk(profile, steps, fix=True)  # dropping a pose can join two spells on the back
    seconds = session_seconds(steps)
    levels = [level_of(s["pose"], s.get("variation")) for s in steps if s["type"] == "pose"]
    return {**session, "steps": steps, "minutes": rounded_minutes(seconds),
            "position_changes": count_position_changes(levels)}


def _fill(steps: list[dict], ceilings: dict, target: float) -> list[dict]:
    """The arrival and closing rests grow toward the target (the closing one first), never past their longest
    nor past what the built session gave them."""
    steps = list(steps)
    for role in ("closing", "arrival"):
        for index, step in enumerate(steps):
            if step.get("role") != role or not step.get("seconds"):
                continue
            room = target - session_seconds(steps)
            ceiling = min(RESTS[role][1], ceilings.get(step.get("_built")) or step["seconds"])
            steps[index] = {**step, "seconds": min(ceiling, max(step["seconds"], _five(step["seconds"] + room)))}
    return steps
