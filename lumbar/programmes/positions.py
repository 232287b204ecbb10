"""Where each pose and variation is done, as the generator counts it: on the floor, on a chair, or standing.

The pose files give a pose's position; a few easier variations move it off the floor (the chair tilt, the
wall dog). Our classification of those variations, read from their steps, lives here.
"""
from __future__ import annotations

from .library import poses

FLOOR, SEATED, STANDING = "floor", "seated", "standing"
FLOOR_POSITIONS = {"supine", "prone", "hands-knees", "kneeling"}
KNEELING_POSITIONS = {"hands-knees", "kneeling"}  # weight on the knees

# (pose, variation) -> position, for variations done somewhere other than the pose itself
VARIATION_POSITIONS = {
    ("belly-breathing", "seated-breathing"): "seated",
    ("childs-pose", "chair-childs-pose"): "seated",
    ("downward-dog", "wall-dog"): "standing",
    ("downward-dog", "chair-dog"): "standing",
    ("pelvic-tilt", "chair-tilt"): "seated",
    ("reclined-figure-four", "chair-figure-four"): "seated",
    ("standing-side-bend", "seated-side-bend"): "seated",
    ("tree", "seated-tree"): "seated",
    ("warrior-two", "chair-warrior"): "seated",
}

# The small-range version of a pose that moves both ways, used when one direction is to be avoided.
SMALL_RANGE = {"pelvic-tilt": "smaller-range", "cat-cow": "small-range", "chair-cat-cow": "small-seated-tilt"}


def position_of(pose: str, variation: str | None) -> str:
    return VARIATION_POSITIONS.get((pose, variation), poses()[pose].position)


def level_of(pose: str, variation: str | None) -> str:
    """floor, seated or standing: a change between two of these is a position change."""
    position = position_of(pose, variation)
    return FLOOR if position in FLOOR_POSITIONS else position


def needs_kneeling(pose: str, variation: str | None) -> bool:
    return position_of(pose, variation) in KNEELING_POSITIONS
