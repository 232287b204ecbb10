"""How long a step and a session take (our estimate; the player's own timing may differ a little).

  repetitions: reps x 2 x tempo (tempo is seconds each way, from the pose or variation dose)
  holds and breathing: the seconds given
  one-sided poses: twice that, plus SIDE_SWITCH_SECONDS to change sides
  every pose step: plus TRANSITION_SECONDS to hear the intro and come into and out of the pose
  every position change (floor, chair, standing): plus POSITION_CHANGE_SECONDS
"""
from __future__ import annotations

from functools import lru_cache

from .library import poses, variation

TRANSITION_SECONDS = 15
SIDE_SWITCH_SECONDS = 5
POSITION_CHANGE_SECONDS = 30


@lru_cache(maxsize=None)
def tempo(pose: str, variation_slug: str | None) -> float:
    chosen = variation(poses()[pose], variation_slug)
    own = chosen.dose.tempo if chosen and chosen.dose else None
    return own or poses()[pose].dose.tempo or 3


def step_seconds(pose: str, variation_slug: str | None, reps: int | None, seconds: int | None) -> float:
    work = seconds if seconds is not None else reps * 2 * tempo(pose, variation_slug)
    if poses()[pose].per_side:
        work = work * 2 + SIDE_SWITCH_SECONDS
    return work + TRANSITION_SECONDS


def count_position_changes(levels: list[str]) -> int:
    return sum(1 for before, after in zip(levels, levels[1:]) if before != after)


def rounded_minutes(seconds: float) -> float:
    """Minutes to the nearest half minute, as shown to the person."""
    return round(seconds / 30) / 2
