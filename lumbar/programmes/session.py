"""One session of the programme: which poses, in which variation and dose, in which order, and why.

The arrival and closing rests fix where the session opens and closes (floor, chair or standing); the phase
(and in phase 4 the day's flow) may add one other level between them (arrangement.py). Then the roles are
filled (roles.py) and the session is fitted to the minutes asked (fitting.py). Deterministic.
"""
from __future__ import annotations

from django.utils.translation import gettext as _

from . import phases
from .arrangement import arrange, blocks, position_changes
from .duration import rounded_minutes
from .exclusions import may_do
from .first_week import gentler_start
from .fitting import AIM, ProgrammeError, SessionPlan, join, rest_bounds
from .library import display_name
from .roles import Adjustments, dose_scale, first, flow_items, item, main_items, rounded_rest, swapped, warm_up
from .floor_skills import with_floor_skills
from .sequence_rules import walk

LEVELS = ["floor", "seated", "standing"]


def _rests(profile, left_out: set[str]):
    """The arrival and closing rests: the first that suit, past any left out because they hurt twice."""
    arrival = first(profile, phases.ARRIVAL, LEVELS, left_out) or first(profile, phases.ARRIVAL, LEVELS)
    closing = first(profile, phases.CLOSING, LEVELS, left_out) or first(profile, phases.CLOSING, LEVELS)
    if not arrival or not closing:
        role, slugs = (_("arrival"), phases.ARRIVAL) if not arrival else (_("closing rest"), phases.CLOSING)
        raise ProgrammeError(_("No pose is left for the %(role)s: your answers rule out %(poses)s.") % {
            "role": role, "poses": ", ".join(display_name(s) for s in slugs)})
    return arrival[1], closing[1]


def _layout(profile, week: int, day: int, adjustments: Adjustments):
    """(arrival, closing, flow or None, blocks) for one session."""
    arrival, closing = _rests(profile, {slug for slug, swap in adjustments.swaps.items() if swap["pose"] is None})
    phase = phases.phase_of(week)
    middle, flow = phases.middle_level(phase, arrival.level, closing.level), None
    tilt = may_do(profile, phases.WARM_UP[0])
    if phase == 1 and middle is None and tilt.allowed and tilt.level not in (arrival.level, closing.level):
        middle = tilt.level  # the core's tilts are done where they can be (a chair, in pregnancy)
    if phase == 4:
        usable = [f for f in phases.FLOWS if flow_items(profile, f, 1)]
        if usable:
            flow = usable[(day - 1) % len(usable)]
            middle = middle if flow.level in (arrival.level, closing.level) else flow.level
    return arrival, closing, flow, blocks(arrival.level, middle, closing.level)


def main_candidates(profile, week: int, day: int, adjustments: Adjustments) -> list[str]:
    """The poses this session could draw its main poses from, most wanted first (for "one new pose")."""
    layout = _layout(profile, week, day, adjustments)[3]
    return [i.pose for i in main_items(profile, phases.phase_of(week), day, layout, set(), Adjustments(), 1.0)]


def build_session(profile, week: int, day: int, adjustments: Adjustments | None = None, strict: bool = True) -> dict:
    """The session for (week, day) as it is played: {"week", "day", "phase", "minutes", "position_changes",
    "steps"}. Week 1 starts small and builds up (first_week.py); from week 2 the session the person chose.

    Not strict (adapted sessions): a session that comes out short is still given, not refused."""
    adjustments = adjustments or Adjustments()
    return gentler_start(profile, chosen_session(profile, week, day, adjustments, strict), adjustments)


def chosen_session(profile, week: int, day: int, adjustments: Adjustments | None = None, strict: bool = True) -> dict:
    """The session for (week, day) at the minutes the person chose, before week 1's gentler start (which
    only takes away from it). Strict: ProgrammeError when too few poses suit to fill the minutes."""
    adjustments = adjustments or Adjustments()
    phase, target = phases.phase_of(week), profile.minutes * 60
    arrival, closing, flow, layout = _layout(profile, week, day, adjustments)
    items = [item("arrival", arrival, None, 0, join(
        _("Arrival: settle in and breathe slowly. Notice how your back feels today."), arrival.why),
        bounds=rest_bounds("arrival", target)),
        item("closing", closing, None, 0, join(
            _("Closing rest: every session ends by letting your body settle."), closing.why),
            bounds=rest_bounds("closing", target))]
    levels = [arrival.level, *(level for level in layout if level != arrival.level)]
    tilt = warm_up(profile, levels)
    if tilt:
        items.append(tilt)
    main_levels = layout
    if phase == 1:
        rest = rounded_rest(profile, [tilt.level, *levels] if tilt else levels, {arrival.pose, closing.pose})
        items.append(rest)
        if tilt and rest.level != tilt.level:  # keep the core together: no main pose between tilts and rest
            main_levels = [level for level in layout if level != tilt.level]
    if flow:
        items += flow_items(profile, flow, 2)
    scale = dose_scale(profile.minutes)
    items = [done for done in (swapped(profile, i, adjustments, scale) for i in items) if done]
    used = {i.pose for i in items}
    plan = SessionPlan(layout, items, profile.minutes)
    mains = []
    for main in main_items(profile, phase, day, main_levels, used, adjustments, scale):
        main = swapped(profile, main, adjustments, scale)
        if main and main.pose not in used:
            used.add(main.pose)
            mains.append(main)
    plan.fit(mains, profile.minutes)
    seconds = plan.seconds()
    if strict and seconds < target * (1 - AIM):
        raise ProgrammeError(_("Only about %(minutes)s minutes of poses suit your answers for a session in week "
                               "%(week)s.") % {"minutes": int(seconds // 60), "week": week},
                             max_minutes=int(seconds / 60 / (1 - AIM)))
    ordered = arrange(plan.items, layout)
    steps, _problems = walk(profile, [i.step() for i in ordered], fix=True)  # whole-session rules (pregnancy, ...)
    steps = with_floor_skills(profile, steps)
    return {"week": week, "day": day, "phase": phase, "minutes": rounded_minutes(seconds),
            "position_changes": position_changes(ordered), "steps": steps}
