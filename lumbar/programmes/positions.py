"""Where each pose and variation is done, and which ways it moves the lower back.

The pose files give a pose's position and loads; a variation done elsewhere (the chair tilt, the wall dog, a
side-lying rest) or loading differently (the arching half of the tilt) says so in its own `position` and
`loads`. Levels, as the generator counts position changes: on the floor, seated (chair), or standing.
"""
from __future__ import annotations

from .library import poses, variation

FLOOR, SEATED, STANDING = "floor", "seated", "standing"
FLOOR_POSITIONS = {"supine", "prone", "side", "hands-knees", "kneeling"}
KNEELING_POSITIONS = {"hands-knees", "kneeling"}  # weight on the knees
# The position names steps carry (`lumbar plan --json`): the pose files' hands-knees reads as all-fours.
STEP_POSITIONS = {"hands-knees": "all-fours"}


def position_of(pose: str, variation_slug: str | None) -> str:
    chosen = variation(poses()[pose], variation_slug)
    own = chosen.position if chosen else None
    return own or poses()[pose].position


def step_position(pose: str, variation_slug: str | None) -> str:
    """supine, prone, side, kneeling, all-fours, seated, chair or standing."""
    position = position_of(pose, variation_slug)
    return STEP_POSITIONS.get(position, position)


def level_of(pose: str, variation_slug: str | None) -> str:
    """floor, seated or standing: a change between two of these is a position change."""
    position = position_of(pose, variation_slug)
    return FLOOR if position in FLOOR_POSITIONS else SEATED if position in ("chair", SEATED) else position


def loads(pose: str, variation_slug: str | None) -> frozenset[str]:
    """Every direction the pose (or this version of it) loads the lower back in, not only its main label."""
    chosen = variation(poses()[pose], variation_slug)
    own = chosen.loads if chosen else None
    if own is not None:
        return frozenset(own)
    return frozenset(poses()[pose].loads)


def needs_kneeling(pose: str, variation: str | None) -> bool:
    return position_of(pose, variation) in KNEELING_POSITIONS
