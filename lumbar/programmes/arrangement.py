"""Ordering a session's steps so it changes position (floor, chair, standing) at most twice.

A session is laid out as up to three blocks: the level it opens on, at most one other level, and the level
it closes on ([floor], [floor, standing, floor], [seated, standing, floor] ...). Each step goes into a
block of its own level: early steps (warm-up, core, flows) into the first such block, the rest into the
last. Two changes at most, by construction.
"""
from __future__ import annotations

from dataclasses import dataclass

from .duration import POSITION_CHANGE_SECONDS, count_position_changes, step_seconds

ROLE_ORDER = {"arrival": 0, "warm-up": 1, "rounded-rest": 2, "flow": 3, "main": 4, "closing": 9}


@dataclass
class Item:
    role: str  # arrival, warm-up, rounded-rest, flow, main, closing
    pose: str
    variation: str | None
    level: str
    reps: int | None
    seconds: int | None
    why: str
    index: int = 0  # order among items of the same role and round
    round: int = 1
    late: bool = False  # goes into the last block of its level, not the first
    bounds: tuple[int, int] | None = None  # seconds range for the rests that absorb time

    def step(self) -> dict:
        return {"type": "pose", "pose": self.pose, "variation": self.variation, "reps": self.reps,
                "seconds": self.seconds, "why": self.why, "role": self.role}


def blocks(opening: str, middle: str | None, closing: str) -> list[str]:
    levels = [level for level in (opening, middle, closing) if level]
    return [level for i, level in enumerate(levels) if i == 0 or level != levels[i - 1]]


def arrange(items: list[Item], layout: list[str]) -> list[Item]:
    """Items in session order; an item whose level has no block is left out (callers filter first)."""
    placed: list[tuple[int, tuple, Item]] = []
    earliest = 0  # the rounded rest never comes before the warm-up
    for item in sorted(items, key=lambda i: ROLE_ORDER[i.role]):
        where = [b for b, level in enumerate(layout) if level == item.level and b >= earliest]
        if item.role == "arrival":
            where = [0]
        elif item.role == "closing":
            where = [len(layout) - 1]
        where = where or [b for b, level in enumerate(layout) if level == item.level]
        if not where:
            continue
        block = where[-1] if item.late else where[0]
        if item.role == "warm-up":
            earliest = block
        placed.append((block, (ROLE_ORDER[item.role], item.round, item.index), item))
    return [item for _, _, item in sorted(placed, key=lambda p: (p[0], p[1]))]


def estimate(items: list[Item], layout: list[str]) -> float:
    """Seconds for these items once arranged (duration.py), without arranging them: the first and last
    blocks always hold the rests, a middle block counts when some item is at its level."""
    present = {i.level for i in items}
    kept = [level for b, level in enumerate(layout) if b in (0, len(layout) - 1) or level in present]
    changes = sum(1 for before, after in zip(kept, kept[1:]) if before != after)
    work = sum(step_seconds(i.pose, i.variation, i.reps, i.seconds) for i in items if i.level in layout)
    return work + POSITION_CHANGE_SECONDS * changes


def position_changes(ordered: list[Item]) -> int:
    return count_position_changes([i.level for i in ordered])
