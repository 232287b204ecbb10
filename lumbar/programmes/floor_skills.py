"""Getting down to and up from the floor, taught before the first floor session at 65 and over (clinical.md
section 6). Until the person has done it once (Profile.floor_taught), the first floor step of a session is
preceded by the walk-through (content/data/poses/getting-down-and-up.yaml), in the version the per-person
decision gives (on a bed without kneeling); under hip precautions it is left to the person's therapist. Pure.
"""
from __future__ import annotations

from django.utils.translation import gettext as _

from .exclusions import may_do
from .positions import FLOOR, level_of

FLOOR_SKILLS_POSE = "getting-down-and-up"
FLOOR_SKILLS_SECONDS = 90


def needs_floor_skills(profile) -> bool:
    return profile.older and profile.floor and not profile.floor_taught


def with_floor_skills(profile, steps: list[dict]) -> list[dict]:
    """The steps with the walk-through before the first step done on the floor (the floor-space check counts),
    when this person still needs it; otherwise the steps as they are."""
    decision = may_do(profile, FLOOR_SKILLS_POSE)
    if not needs_floor_skills(profile) or not decision.allowed:  # e.g. hip precautions: a therapist shows it
        return steps
    first = next((i for i, s in enumerate(steps) if s["type"] == "floor-space" or (
        s["type"] == "pose" and level_of(s["pose"], s.get("variation")) == FLOOR)), None)
    if first is None:
        return steps
    lesson = {"type": "pose", "pose": FLOOR_SKILLS_POSE, "variation": decision.variation, "reps": None,
              "seconds": FLOOR_SKILLS_SECONDS,
              "why": _("At 65 and over, Lumbar first shows you a safe way to get down to the floor and back up, "
                       "using a chair."), "role": "floor-skills"}
    return [*steps[:first], lesson, *steps[first:]]
