"""The steps of a session by role, each with its variation, dose and "why this pose" in plain words.

Roles: arrival (breath), warm-up (pelvic tilts: the heart of Lumbar's method), rounded rest (phase 1, the
second half of the core), flow (phase 4), main poses, closing rest. Adaptation's changes (swaps, progression
steps, added poses) are applied here too.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from lumbar.content.text import translated

from . import phases
from .arrangement import Item
from .directions import leaning
from .exclusions import at_level, may_do
from .fitting import MAX_REPS, MAX_SECONDS, ProgrammeError, again_round, join
from .library import poses

REST_SECONDS = {"childs-pose": 75, "knees-to-chest": 60}  # the rounded rest (the seed holds 75 s)
SUBSTITUTE_REST_SECONDS = 60
HOLD_STEP = 5  # seconds a progression step adds to a hold (a repetition pose gains one repetition)


@dataclass
class Adjustments:
    """What adaptation changes on top of the plan (adaptation.py makes these from its state)."""

    steps: dict[str, int] = field(default_factory=dict)  # pose -> progression steps
    lighter: int = 0  # steps taken off every main pose while easing back
    added: list[str] = field(default_factory=list)  # poses added by "one new pose"
    swaps: dict[str, dict] = field(default_factory=dict)  # pose -> {"pose", "variation", "why"}


def dose_scale(minutes: float) -> float:
    """Longer sessions hold poses a little longer (our rule): 1.0 up to 20 minutes, at most 1.5."""
    return min(1.5, max(1.0, minutes / 20))


def dose(slug: str, variation: str | None, scale: float = 1.0, steps: int = 0) -> tuple[int | None, int | None]:
    """(reps, seconds) from the pose file (a variation's own dose wins), scaled, plus progression steps."""
    pose = poses()[slug]
    chosen = next((v for v in pose.easier if v.slug == variation), None)
    own = {k: v for k, v in chosen.dose.model_dump().items() if v is not None} if chosen and chosen.dose else {}
    base = pose.dose.model_copy(update=own)
    if pose.kind == "reps":
        return max(1, min(MAX_REPS, round(base.reps * scale) + steps)), None
    return None, max(5, min(MAX_SECONDS, 5 * round(base.seconds * scale / 5) + HOLD_STEP * steps))


def first(profile, slugs, levels, avoid=()):
    """(slug, Decision) for the first of `slugs` that can be done at one of `levels`, else None."""
    for slug in slugs:
        if slug in avoid:
            continue
        decided = may_do(profile, slug)
        for level in ([decided.level] if decided.level in levels else []) + list(levels):
            decision = at_level(profile, slug, level)
            if decision:
                return slug, decision
    return None


def item(role, decision, reps, seconds, why, **extra) -> Item:
    return Item(role, decision.pose, decision.variation, decision.level, reps, seconds, why, **extra)


def rounded_rest(profile, levels, avoid) -> Item:
    """The rounded rest after the tilts, or a safe substitute with the reason shown."""
    found = first(profile, phases.ROUNDED_REST, levels)
    core = _("Lumbar's core: after the tilts, rest in a rounded position and let your breath slow down.")
    if found and found[0] == "childs-pose":
        return item("rounded-rest", found[1], None, REST_SECONDS["childs-pose"], join(core, found[1].why))
    childs = may_do(profile, "childs-pose")
    reason = childs.why if not childs.allowed else (
        _("Kneeling is not comfortable for you.") if not profile.kneeling
        else _("Child's pose would mean an extra change of position here."))
    if found:
        return item("rounded-rest", found[1], None, REST_SECONDS[found[0]], join(
            core, _("A rounded rest on your back in place of child's pose: %(reason)s") % {"reason": reason}))
    substitute = (first(profile, phases.REST_SUBSTITUTES, levels, avoid)
                  or first(profile, phases.REST_SUBSTITUTES, levels))
    if not substitute:
        raise ProgrammeError(_("No rest pose suits your answers after the pelvic tilts: %(reason)s")
                             % {"reason": reason})
    return item("rounded-rest", substitute[1], None, SUBSTITUTE_REST_SECONDS, join(
        _("A rest in place of the rounded rest, which does not suit you: %(reason)s") % {"reason": reason},
        substitute[1].why))


def _tilt_reason(profile) -> str:
    tilt = may_do(profile, "pelvic-tilt")
    return tilt.why if not tilt.allowed else _("here they would mean an extra change of position.")


def warm_up(profile, levels) -> Item | None:
    found = first(profile, phases.WARM_UP, levels)
    if not found:
        return None
    why = (_("Lumbar's core: slow, smooth tilts get the lower back moving gently before anything else.")
           if found[0] == "pelvic-tilt" else
           _("A gentle warm-up that moves the lower back both ways, in place of pelvic tilts: %(reason)s")
           % {"reason": _tilt_reason(profile)})
    return item("warm-up", found[1], *dose(found[0], found[1].variation), join(why, found[1].why))


def flow_items(profile, flow: phases.Flow, rounds: int) -> list[Item]:
    """The flow's poses that can be done at its level, `rounds` times; [] when too few are left."""
    found = [(at_level(profile, slug, flow.level), reps, seconds) for slug, reps, seconds in flow.poses]
    found = [f for f in found if f[0]]
    if len(found) < phases.MIN_FLOW_POSES:
        return []
    first_round = [item("flow", decision, reps, seconds, join(
        _("Part of a gentle %(flow)s: move from one pose to the next with your breath.") % {"flow": flow.name},
        decision.why), index=i) for i, (decision, reps, seconds) in enumerate(found)]
    return first_round + [again_round(i, r) for r in range(2, rounds + 1) for i in first_round]


def main_items(profile, phase, day, levels, used, adjustments: Adjustments, scale) -> list[Item]:
    """Candidates for the main poses, in the order they are tried: poses added by progression, poses the
    person leans toward, the phase's own (turned by the day, so the days of a week differ; in weeks 4-9
    standing poses first), then earlier phases' to fill time (our rule); off the floor, phase 1 may also draw
    on phase 2's chair and standing poses.
    """
    def usable(slugs) -> list:
        return [choice[1] for slug in slugs if (choice := first(profile, [slug], levels, avoid=used))]

    preferred = [s for d in sorted(leaning(profile).prefer) for s in phases.PREFERRED_EXTRAS[d]]
    own = usable(phases.POOLS[phase])
    turn = (day - 1) * len(own) // profile.days_per_week
    own = own[turn:] + own[:turn]
    if phase in phases.STANDING_PHASES:  # standing work in every session of these weeks
        own.sort(key=lambda d: d.level != "standing")
    earlier = [s for p in range(phase - 1, 0, -1) for s in phases.POOLS[p]]
    chair = phases.POOLS[2] if phase == 1 and "floor" not in levels else []
    found = {}
    for decision in usable(adjustments.added) + usable(preferred) + own + usable(earlier + chair):
        found.setdefault(decision.pose, decision)
    ordered = sorted(found.values(), key=lambda d: -2 if d.pose in adjustments.added else -d.rank)
    return [item("main", d, *dose(d.pose, d.variation, scale, adjustments.steps.get(d.pose, 0) - adjustments.lighter),
                 join(translated(poses()[d.pose].purpose), d.why), index=i, late=True) for i, d in enumerate(ordered)]


def swapped(profile, step: Item, adjustments: Adjustments, scale: float) -> Item | None:
    """The step after a swap made because it hurt; None when the swap leaves it out or no longer fits."""
    swap = adjustments.swaps.get(step.pose)
    if not swap or step.role in ("arrival", "closing"):
        return step
    target = at_level(profile, swap["pose"], step.level) if swap["pose"] else None
    if not target or swap["variation"] not in target.options:
        return None
    reps, seconds = step.reps, step.seconds
    if step.role == "main" or (reps is not None and poses()[swap["pose"]].kind != "reps"):
        reps, seconds = dose(swap["pose"], swap["variation"], scale,
                             adjustments.steps.get(swap["pose"], 0) - adjustments.lighter)
    return Item(step.role, swap["pose"], swap["variation"], step.level, reps, seconds,
                join(translated(poses()[swap["pose"]].purpose), swap["why"]), index=step.index, round=step.round,
                late=step.late)
