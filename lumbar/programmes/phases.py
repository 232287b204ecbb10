"""The 12-week plan's shape: four 3-week phases after the Saper protocol (clinical.md section 5).

Phase 1 (weeks 1-3): floor work, mostly lying on the back, with Lumbar's core (slow pelvic tilts, then a
rounded rest) in every session. Phases 2-3 (weeks 4-9): standing and strength poses join. Phase 4
(weeks 10-12): gentle flows, short linked poses repeated with the breath (made of library poses; the
library has no sun salutation, and a slow flow suits a sore back better, our rule). Every session opens with
arrival and breath and closes with rest. The pools and their order are our rule.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .positions import FLOOR, SEATED, STANDING

WEEKS, WEEKS_PER_PHASE = 12, 3
# The level a session may visit between its opening and closing blocks (None: stay where it started).
# Phase 1 stays on the floor; for someone who cannot use the floor it may stand (our rule).
MIDDLE_LEVEL = {1: None, 2: STANDING, 3: STANDING, 4: STANDING}  # phase 4: unless the day's flow is elsewhere
STANDING_PHASES = (2, 3)

# Roles, each a list of candidate poses in order of preference.
ARRIVAL = ["belly-breathing", "constructive-rest", "mountain"]
WARM_UP = ["pelvic-tilt", "cat-cow", "chair-cat-cow"]
ROUNDED_REST = ["childs-pose", "knees-to-chest"]
REST_SUBSTITUTES = ["constructive-rest", "belly-breathing"]  # when no rounded rest suits the person
CLOSING = ["relaxation", "constructive-rest", "belly-breathing", "childs-pose"]

# Main poses per phase, most wanted first. Chair poses stand in for floor ones when the floor is out.
POOLS = {
    1: ["knees-to-chest", "cat-cow", "supine-twist", "bridge", "reclined-cobbler", "single-knee-to-chest",
        "supported-bridge", "reclined-figure-four", "happy-baby", "chair-cat-cow", "seated-chair-twist",
        "standing-side-bend", "tree", "mountain"],
    2: ["mountain", "standing-side-bend", "tree", "bridge", "bird-dog", "sphinx", "warrior-two", "cat-cow",
        "supine-twist", "chair-cat-cow", "seated-chair-twist", "reclined-figure-four", "knees-to-chest",
        "supported-bridge", "childs-pose"],
    3: ["warrior-two", "tree", "downward-dog", "bird-dog", "low-lunge", "bridge", "cobra", "locust",
        "standing-side-bend", "mountain", "thread-the-needle", "sphinx", "standing-forward-fold",
        "seated-chair-twist", "chair-cat-cow", "supine-twist", "legs-up-the-wall", "childs-pose"],
    4: ["bridge", "bird-dog", "sphinx", "reclined-figure-four", "supported-bridge", "legs-up-the-wall",
        "seated-chair-twist", "warrior-two", "tree", "thread-the-needle", "supine-twist", "childs-pose"],
}
# Poses that join every phase's pool, first, when a direction eases the back (clinical.md section 6:
# sphinx is the first choice for an extension preference).
PREFERRED_EXTRAS = {"flexion": ["knees-to-chest", "single-knee-to-chest"], "extension": ["sphinx"]}


@dataclass(frozen=True)
class Flow:
    slug: str
    name: str
    level: str
    poses: tuple[tuple[str, int | None, int | None], ...]  # (pose, reps, seconds): short, linked doses


FLOWS = [
    Flow("standing-flow", _("standing flow"), STANDING, (
        ("mountain", None, 15), ("standing-side-bend", None, 10), ("warrior-two", None, 15), ("tree", None, 15))),
    Flow("lying-flow", _("lying flow"), FLOOR, (
        ("pelvic-tilt", 4, None), ("bridge", 4, None), ("knees-to-chest", 4, None), ("supine-twist", None, 15))),
    Flow("hands-and-knees-flow", _("hands-and-knees flow"), FLOOR, (
        ("cat-cow", 4, None), ("bird-dog", 2, None), ("downward-dog", None, 15), ("childs-pose", None, 20))),
    Flow("chair-flow", _("chair flow"), SEATED, (
        ("chair-cat-cow", 4, None), ("seated-chair-twist", None, 10), ("standing-side-bend", None, 10),
        ("childs-pose", None, 20))),
]
MIN_FLOW_POSES = 2  # a flow with fewer usable poses is not a flow (our rule)


def middle_level(phase: int, opening: str, closing: str) -> str | None:
    if phase == 1 and FLOOR not in (opening, closing):
        return STANDING
    return MIDDLE_LEVEL[phase]


def phase_of(week: int) -> int:
    return (week - 1) // WEEKS_PER_PHASE + 1
