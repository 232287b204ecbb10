"""The core session ("Glide and rest", content/data/sequences/glide-and-rest.yaml), and every other stored
sequence (the first session, the flare session), as it is played for one person: every pose asks the per-person decision (exclusions.py), and the whole session the sequence rules.

Each pose step keeps its place in the method: where the pose itself is not for the person, the first
alternative that does the same job (the tilts: phases.WARM_UP; the rounded rest: the sequence's kneeling-free
choice, then phases.ROUNDED_REST; the closing rest: phases.CLOSING), and only then a stand-in (the rounded
rest: phases.REST_SUBSTITUTES; the knee hugs: one knee at a time). A version the sequence names (tiny tilts) is
used when the decision leaves the choice open and lists it for this person. Within each, the level the session is already at comes first, so nobody gets
up and down between the tilts and the rest (the tilts go wherever this person can do them). Such a step says
why in `in_place_of`. The floor-space check stays only when the tilts are done lying on the back (it
compares lying there before and after them). A role nothing fits is left out, with why, in `left_out`. At 65
and over, getting down to the floor is shown first until the person has done it once (floor_skills.py).
"""
from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext as _

from . import phases
from .exclusions import at_level, cautions_for, may_do
from .floor_skills import with_floor_skills
from .library import display_name, poses
from .positions import needs_kneeling, position_of
from .sequence_rules import walk

# the method's poses -> their role in the session (as the programme names roles)
ROLES = {"pelvic-tilt": "warm-up", "childs-pose": "rounded-rest", "relaxation": "closing"}
# pose -> (poses that do the same job, stand-ins when none of those can be done)
ALTERNATIVES = {
    "pelvic-tilt": (phases.WARM_UP, []),
    "childs-pose": (phases.ROUNDED_REST, phases.REST_SUBSTITUTES),
    "relaxation": (phases.CLOSING, []),
    "knees-to-chest": (["single-knee-to-chest"], []),  # the flare session's knee hugs
}


def _choose(profile, step: dict, level: str | None):
    """(slug, Decision) for this step of the core, or (None, why the step's own pose is left out). With a
    level (the one the session is at), staying there comes first; the first pose goes wherever it can."""
    own = step["pose"]
    same_job, stand_ins = ALTERNATIVES.get(own, ([], []))
    same_job = list(dict.fromkeys([own, *filter(None, [step.get("instead_if_no_kneeling")]), *same_job]))
    tries = []
    for group in (same_job, stand_ins):
        tries += [(slug, level) for slug in group if level] + [(slug, None) for slug in group]
    for slug, at in tries:
        decision = at_level(profile, slug, at) if at else may_do(profile, slug)
        if decision and decision.allowed:
            return slug, decision
    return None, may_do(profile, own).why


def _sequence_version(profile, step: dict, slug: str, decided):
    """The version the sequence names (the flare session's tiny tilts) when the decision left the choice open
    and lists it among this person's options at this level; otherwise the decision stands."""
    wanted = step.get("variation")
    if slug != step["pose"] or not wanted or decided.locked or decided.variation or wanted not in decided.options:
        return decided
    return replace(decided, variation=wanted, why="", notes=cautions_for(profile, slug, wanted))


def _dose(step: dict, slug: str) -> tuple[int | None, int | None]:
    """The sequence's dose when the pose is its own or the kinds match (a rest held as long); else the pose's."""
    if slug == step["pose"]:
        return step.get("reps"), step.get("seconds")
    if step.get("seconds") is not None:
        return None, step["seconds"]
    pose = poses()[slug]
    return (step.get("reps"), None) if pose.kind == "reps" else (None, pose.dose.seconds)


def core_steps(profile, sequence_steps: list[dict]) -> tuple[list[dict], list[dict]]:
    """(the steps as played, [{"pose", "why"}] for poses of the method left out) for this person."""
    steps, left_out = [], []
    level = None
    for step in sequence_steps:
        if step["type"] != "pose":
            steps.append(dict(step))
            continue
        slug, decided = _choose(profile, step, level)
        if slug is None:
            left_out.append({"pose": step["pose"], "why": decided})
            continue
        decided = _sequence_version(profile, step, slug, decided)
        level = decided.level
        reps, seconds = _dose(step, slug)
        why, in_place_of = decided.why, None
        if slug != step["pose"]:
            own = may_do(profile, step["pose"])
            because = own.why if not own.allowed else _("Kneeling is not comfortable for you.") if (
                not profile.kneeling and needs_kneeling(step["pose"], None)) else _("it keeps you in one position.")
            why = _("%(name)s in place of %(usual)s: %(because)s") % {
                "name": display_name(slug, decided.variation), "usual": display_name(step["pose"]).lower(),
                "because": because[:1].lower() + because[1:]}
            in_place_of = why
        steps.append({"type": "pose", "pose": slug, "variation": decided.variation, "reps": reps, "seconds": seconds,
                      "intro": step.get("intro") if slug == step["pose"] else None, "why": why,
                      "in_place_of": in_place_of, "role": ROLES.get(step["pose"], "main")})
    steps, _problems = walk(profile, steps, fix=True)
    if not any(s["type"] == "pose" and s["role"] == "warm-up" and position_of(s["pose"], s["variation"]) == "supine"
               for s in steps):  # the check compares lying on the back before and after tilts done there
        steps = [s for s in steps if s["type"] != "floor-space"]
    return with_floor_skills(profile, steps), left_out
