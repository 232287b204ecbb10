"""When a pose hurt twice: its next easier variation, else a gentler pose in its place, else leave it out.

Our rule: the easier variation is the next one in the pose file's list that can be done here, at the same
level (so the session's position changes stay as they were). A variation chosen for a condition is never
traded for another; the pose is replaced instead. A replacement loads the back in no direction the pose does
not (positions.loads), carries no more load, and can be done at the same level; the rests that open and close a session are
not used, nor the getting-down-to-the-floor walk-through, and poses already in the session are not repeated.
"""
from __future__ import annotations

from django.utils.translation import gettext as _

from .exclusions import at_level
from .library import display_name, poses
from .phases import ARRIVAL, CLOSING
from .floor_skills import FLOOR_SKILLS_POSE
from .positions import level_of, loads

LOADS = {"very-low": 0, "low": 1, "moderate": 2}


def substitutes(profile, slug: str, level: str, avoid: set[str]) -> list:
    """Decisions for gentler poses that can take this one's place, best first."""
    original = poses()[slug]
    found = []
    for other in poses().values():
        if other.slug == slug or other.slug in avoid or other.slug in (*ARRIVAL, *CLOSING, FLOOR_SKILLS_POSE):
            continue
        if not loads(other.slug, None) <= loads(slug, None) or LOADS[other.load] > LOADS[original.load]:
            continue
        decision = at_level(profile, other.slug, level)
        if decision:
            found.append((other.direction != original.direction, LOADS[other.load], other.slug, decision))
    return [entry[-1] for entry in sorted(found, key=lambda e: e[:3])]


def swap_after_hurt(profile, step: dict, in_session: set[str]) -> dict:
    """{"pose", "variation", "why"} to use from now on in place of this step's pose; "pose" None leaves it out."""
    slug, variation = step["pose"], step["variation"]
    level = level_of(slug, variation)
    name = display_name(slug, variation)
    decision = at_level(profile, slug, level)
    if decision and not decision.locked and variation in decision.options:
        easier = decision.options[decision.options.index(variation) + 1:]
        if easier:
            return {"pose": slug, "variation": easier[0],
                    "why": _("An easier version, because %(name)s hurt twice.") % {"name": name}}
    for other in substitutes(profile, slug, level, in_session):
        return {"pose": other.pose, "variation": other.variation,
                "why": _("In place of %(name)s, which hurt twice.") % {"name": name}}
    return {"pose": None, "variation": None,
            "why": _("%(name)s is left out, because it hurt twice and no gentler pose fits here.") % {"name": name}}
