"""One session of the programme: which poses, in which variation and dose, in which order, and why.

Roles: arrival (breath), warm-up (pelvic tilts), in phase 1 the rounded rest (Lumbar's core), in phase 4 a
flow, main poses, and the closing rest. Length: main poses are added in the phase's order (turned by the day
of the week for variety, then those the person leans toward first) while they fit; the arrival and closing
rests then stretch or shrink within their bounds to meet the minutes asked; if that is still short, a second
(then third) round of the main poses follows. Deterministic: no randomness.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from lumbar.content.text import translated

from . import phases
from .arrangement import Item, arrange, blocks, estimate, position_changes
from .directions import leaning
from .duration import rounded_minutes
from .exclusions import at_level, may_do
from .library import display_name, poses

# The arrival and closing rests absorb time: (shortest seconds, share of the session at most, longest seconds).
ABSORBERS = {"arrival": (60, 0.12, 300), "closing": (90, 0.20, 600)}
ABSORBER_START = 0.6  # they start at this part of their longest while main poses are chosen
REST_SECONDS = {"childs-pose": 75, "knees-to-chest": 60}  # the rounded rest (the seed holds 75 s)
SUBSTITUTE_REST_SECONDS = 60
MAX_ROUNDS = 3
MINUTES_PER_MAIN = 2.5  # at most one main pose per 2.5 minutes asked, so days can differ (our rule)
AIM = 0.10  # aim within 10% of the minutes asked; the promise is 15%
HOLD_STEP, MAX_REPS, MAX_SECONDS = 5, 30, 900


class ProgrammeError(ValueError):
    """No programme fits this profile. `max_minutes` is set when shorter sessions would fit."""

    def __init__(self, message: str, max_minutes: int | None = None):
        super().__init__(message)
        self.max_minutes = max_minutes


@dataclass
class Adjustments:
    """What adaptation changes on top of the plan (see adaptation.py)."""

    steps: dict[str, int] = field(default_factory=dict)  # pose -> progression steps (+1 rep or +5 s each)
    lighter: int = 0  # steps taken off every main pose while easing back
    added: list[str] = field(default_factory=list)  # poses added by "one new pose"
    swaps: dict[str, dict] = field(default_factory=dict)  # pose -> {"pose", "variation", "why"}


def dose_scale(minutes: float) -> float:
    """Longer sessions hold poses a little longer (our rule): 1.0 up to 20 minutes, at most 1.5."""
    return min(1.5, max(1.0, minutes / 20))


def _dose(slug: str, variation: str | None, scale: float, steps: int) -> tuple[int | None, int | None]:
    pose = poses()[slug]
    chosen = next((v for v in pose.easier if v.slug == variation), None)
    dose = pose.dose.model_copy(update={k: v for k, v in (chosen.dose.model_dump() if chosen and chosen.dose
                                                          else {}).items() if v is not None})
    if pose.kind == "reps":
        return max(1, min(MAX_REPS, round(dose.reps * scale) + steps)), None
    return None, max(5, min(MAX_SECONDS, 5 * round(dose.seconds * scale / 5) + HOLD_STEP * steps))


def _bounds(role: str, target: float) -> tuple[int, int]:
    shortest, share, longest = ABSORBERS[role]
    return shortest, max(2 * shortest, min(longest, 5 * round(share * target / 5)))


def _why(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _first(profile, slugs, levels, avoid=()) -> tuple[str, object] | None:
    """The first pose of `slugs` that can be done at one of `levels` (tried in that order)."""
    for slug in slugs:
        if slug in avoid:
            continue
        decided = may_do(profile, slug)
        for level in ([decided.level] if decided.level in levels else []) + list(levels):
            decision = at_level(profile, slug, level)
            if decision:
                return slug, decision
    return None


def _item(role, decision, reps, seconds, why, **extra) -> Item:
    return Item(role, decision.pose, decision.variation, decision.level, reps, seconds, why, **extra)


def _rest_role(profile, levels, avoid) -> Item:
    """The rounded rest after the tilts, or a safe substitute with the reason shown."""
    found = _first(profile, phases.ROUNDED_REST, levels)
    core = _("Lumbar's core: after the tilts, rest in a rounded position and let your breath slow down.")
    if found and found[0] == "childs-pose":
        return _item("rounded-rest", found[1], None, REST_SECONDS["childs-pose"], _why(core, found[1].why))
    childs = may_do(profile, "childs-pose")
    reason = childs.why if not childs.allowed else (
        _("Kneeling is not comfortable for you.") if not profile.kneeling
        else _("Child's pose would mean an extra change of position here."))
    if found:
        return _item("rounded-rest", found[1], None, REST_SECONDS[found[0]], _why(
            core, _("A rounded rest on your back in place of child's pose: %(reason)s") % {"reason": reason}))
    substitute = _first(profile, phases.REST_SUBSTITUTES, levels, avoid=avoid) or _first(
        profile, phases.REST_SUBSTITUTES, levels)
    if not substitute:
        raise ProgrammeError(_("No rest pose suits your answers after the pelvic tilts: %(reason)s") % {"reason": reason})
    return _item("rounded-rest", substitute[1], None, SUBSTITUTE_REST_SECONDS, _why(
        _("A rest in place of the rounded rest, which does not suit you: %(reason)s") % {"reason": reason},
        substitute[1].why))


def _flow_items(profile, flow: phases.Flow, rounds: int) -> list[Item]:
    found = [(at_level(profile, slug, flow.level), reps, seconds) for slug, reps, seconds in flow.poses]
    found = [f for f in found if f[0]]
    if len(found) < phases.MIN_FLOW_POSES:
        return []
    return [_item("flow", decision, reps, seconds, _why(
        _("Part of a gentle %(flow)s: move from one pose to the next with your breath (round %(round)s).")
        % {"flow": flow.name, "round": r}, decision.why), index=i, round=r)
            for r in range(1, rounds + 1) for i, (decision, reps, seconds) in enumerate(found)]


def _swap(profile, item: Item, adjustments: Adjustments, scale: float) -> Item | None:
    """The item after any swap made because it hurt; None when its swap no longer fits here."""
    swap = adjustments.swaps.get(item.pose)
    if not swap or item.role in ("arrival", "closing"):
        return item
    target = at_level(profile, swap["pose"], item.level) if swap["pose"] else None
    if not target or swap["variation"] not in target.options:
        return None
    reps, seconds = item.reps, item.seconds
    if item.role == "main" or (reps is not None and poses()[swap["pose"]].kind != "reps"):
        reps, seconds = _dose(swap["pose"], swap["variation"], scale,
                              adjustments.steps.get(swap["pose"], 0) - adjustments.lighter)
    return Item(item.role, swap["pose"], swap["variation"], item.level, reps, seconds,
                _why(translated(poses()[swap["pose"]].purpose), swap["why"]), index=item.index, round=item.round,
                late=item.late)


class _Plan:
    """The items of one session while it is being fitted to its length."""

    def __init__(self, layout, items, target):
        self.layout, self.items, self.target = layout, items, target

    def seconds(self, extra=()) -> float:
        return estimate(arrange(self.items + list(extra), self.layout))

    def stretch_rests(self) -> None:
        """Sets the arrival and closing rests (within their bounds) to land as near the target as they can."""
        rests = [i for i in self.items if i.bounds]
        for rest in rests:
            rest.seconds = rest.bounds[0]
        room = self.target - self.seconds()
        for rest in sorted(rests, key=lambda r: r.role != "closing"):  # closing rest first, it is the longer
            share = room * (0.6 if rest.role == "closing" and len(rests) > 1 else 1)
            rest.seconds = 5 * round(max(rest.bounds[0], min(rest.bounds[1], rest.bounds[0] + share)) / 5)
            room = self.target - self.seconds()

    def add_while_fits(self, candidates: list[Item], most: int) -> None:
        for candidate in candidates:
            if most > 0 and self.seconds([candidate]) <= self.target:
                self.items.append(candidate)
                most -= 1


def _pool(profile, phase: int, levels) -> list[str]:
    """The phase's poses, then earlier phases' to fill time (our rule); off the floor, phase 2's too."""
    preferred = [s for d in sorted(leaning(profile).prefer) for s in phases.PREFERRED_EXTRAS[d]]
    earlier = [s for p in range(phase - 1, 0, -1) for s in phases.POOLS[p]]
    chair = phases.POOLS[2] if phase == 1 and "floor" not in levels else []
    return list(dict.fromkeys(preferred + phases.POOLS[phase] + earlier + chair))


def _mains(profile, phase, day, levels, used, adjustments, scale) -> list[Item]:
    pool = _pool(profile, phase, levels)
    turn = (day - 1) * 2 % len(pool)
    pool = adjustments.added + pool[turn:] + pool[:turn]
    found = []
    for slug in dict.fromkeys(pool):
        choice = _first(profile, [slug], levels, avoid=used)
        if choice:
            found.append(choice[1])
    found.sort(key=lambda d: -d.rank if d.pose not in adjustments.added else -2)
    items = []
    for index, decision in enumerate(found):
        steps = adjustments.steps.get(decision.pose, 0) - adjustments.lighter
        reps, seconds = _dose(decision.pose, decision.variation, scale, steps)
        items.append(_item("main", decision, reps, seconds, _why(translated(poses()[decision.pose].purpose),
                                                                  decision.why), index=index, late=True))
    return items


def build_session(profile, week: int, day: int, adjustments: Adjustments | None = None) -> dict:
    adjustments = adjustments or Adjustments()
    phase, target = phases.phase_of(week), profile.minutes * 60
    scale = dose_scale(profile.minutes)
    levels_all = ["floor", "seated", "standing"]
    arrival = _first(profile, phases.ARRIVAL, levels_all)
    closing = _first(profile, phases.CLOSING, levels_all)
    if not arrival or not closing:
        role = _("arrival") if not arrival else _("closing rest")
        raise ProgrammeError(_("No pose is left for the %(role)s: your answers rule out %(poses)s.") % {
            "role": role, "poses": ", ".join(display_name(s) for s in (phases.ARRIVAL if not arrival else phases.CLOSING))})
    opening, ending = arrival[1].level, closing[1].level
    items = [_item("arrival", arrival[1], None, 0, _why(
        _("Arrival: settle in and breathe slowly. Notice how your back feels today."), arrival[1].why),
        bounds=_bounds("arrival", target)),
        _item("closing", closing[1], None, 0, _why(
            _("Closing rest: every session ends by letting your body settle."), closing[1].why),
            bounds=_bounds("closing", target))]
    flows = []
    middle = phases.middle_level(phase, opening, ending)
    if phase == 4:
        usable = [f for f in phases.FLOWS if _flow_items(profile, f, 1)]
        if usable:
            flow = usable[(day - 1) % len(usable)]
            flows = _flow_items(profile, flow, 2)
            middle = middle if flow.level in (opening, ending) else flow.level
    layout = blocks(opening, middle, ending)
    levels = [opening, *(level for level in layout if level != opening)]
    warm_up = _first(profile, phases.WARM_UP, levels)
    if warm_up:
        tilt = warm_up[0] == "pelvic-tilt"
        why = (_("Lumbar's core: slow, smooth tilts get the lower back moving gently before anything else.") if tilt
               else _("A gentle warm-up that moves the lower back both ways, in place of pelvic tilts: %(reason)s")
               % {"reason": may_do(profile, "pelvic-tilt").why or _("they do not fit here.")})
        items.append(_item("warm-up", warm_up[1], *_dose(warm_up[0], warm_up[1].variation, 1.0, 0),
                           _why(why, warm_up[1].why)))
    if phase == 1:
        items.append(_rest_role(profile, [warm_up[1].level] + levels if warm_up else levels,
                                avoid={arrival[0], closing[0]}))
    items += flows
    items = [swapped for swapped in (_swap(profile, item, adjustments, scale) for item in items) if swapped]
    used = {i.pose for i in items}
    plan = _Plan(layout, items, target)
    for item in plan.items:
        if item.bounds:
            item.seconds = max(item.bounds[0], 5 * round(ABSORBER_START * item.bounds[1] / 5))
    mains = [m for m in (_swap(profile, m, adjustments, scale) for m in _mains(
        profile, phase, day, layout, used, adjustments, scale)) if m and m.pose not in used]
    plan.add_while_fits(mains, most=max(2, round(profile.minutes / MINUTES_PER_MAIN)))
    plan.stretch_rests()
    _add_rounds(plan)
    _trim(plan)
    seconds = plan.seconds()
    if seconds < target * (1 - AIM):
        raise ProgrammeError(_("Only about %(minutes)s minutes of poses suit your answers for a session in week "
                               "%(week)s.") % {"minutes": int(seconds // 60), "week": week},
                             max_minutes=int(seconds / 60 / (1 - AIM)))
    ordered = arrange(plan.items, layout)
    return {"week": week, "day": day, "phase": phase, "minutes": rounded_minutes(seconds),
            "position_changes": position_changes(ordered), "steps": [i.step() for i in ordered]}


def _add_rounds(plan: _Plan) -> None:
    """Still short with the longest rests: one more round of the flow, then further rounds of the main poses."""
    flow = [i for i in plan.items if i.role == "flow" and i.round == 1]
    chosen = [i for i in plan.items if i.role == "main"]
    again = [Item(**{**vars(i), "round": MAX_ROUNDS, "why": i.why.replace("(round 1)", f"(round {MAX_ROUNDS})")})
             for i in flow]
    for extra in range(2, MAX_ROUNDS + 1):
        again += [Item(**{**vars(m), "round": extra, "why": _why(m.why, _("Another round."))}) for m in chosen]
    for item in again:
        if plan.seconds() >= plan.target * (1 - AIM):
            break
        plan.add_while_fits([item], most=1)
        plan.stretch_rests()


def _trim(plan: _Plan) -> None:
    """Too long even with the shortest rests: drop main poses from the end, then the second flow round."""
    droppable = [i for i in plan.items if i.role == "main"][::-1] + [
        i for i in plan.items if i.role == "flow" and i.round > 1]
    for item in droppable:
        if plan.seconds() <= plan.target * (1 + AIM):
            break
        plan.items.remove(item)
        plan.stretch_rests()
    if plan.seconds() > plan.target * (1 + AIM):
        raise ProgrammeError(_("Even the shortest session that suits your answers is longer than %(minutes)s "
                               "minutes; please choose more minutes.") % {"minutes": int(plan.target // 60)})
