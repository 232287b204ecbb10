"""The floor-space check by camera: the back rise (back.py) at rest before the repetitions and after them.

The seed's self-check asks people to feel the space between the lower back and the floor before and after
the tilts. With the camera on, the coach sets beside that what it saw: the median back rise over the rest
before the first repetition and over the rest after the last, in torso lengths, and whether the change is
larger than what the measure wobbles by at rest (CHANGE_LINE). It is a shape the camera saw, and the
words for it say so (never a measurement of the spine).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

REST_S = 3.0          # how much of the rest before the first repetition (and after the last) is used
MARGIN_S = 0.3        # kept clear of the repetition itself
MIN_SEEN_S = 1.0      # at least this much measured rest on each side, or no comparison
CHANGE_LINE = 0.01    # torso lengths: a smaller change is "about the same" (the measure's wobble at rest)


@dataclass(frozen=True)
class FloorSpace:
    before: float        # back rise at rest before the repetitions, torso lengths
    after: float
    change: str          # "flatter", "more curved" or "same"

    def to_dict(self) -> dict:
        return {"before": round(self.before, 4), "after": round(self.after, 4), "change": self.change}


def floor_space(times: np.ndarray, back: np.ndarray, reps) -> FloorSpace | None:
    """From the back rise per frame and the counted repetitions (with start and end), or None when the
    rest before or after was not measured long enough (no mask, no repetitions, or a short recording)."""
    if not reps or reps[-1].end is None or np.isnan(back).all():
        return None
    fps = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0

    def rest(t0: float, t1: float) -> float | None:
        values = back[(times >= t0) & (times <= t1)]
        values = values[~np.isnan(values)]
        return float(np.median(values)) if fps and len(values) >= MIN_SEEN_S * fps else None

    start, end = reps[0].start, reps[-1].end
    before = rest(start - MARGIN_S - REST_S, start - MARGIN_S)
    after = rest(end + MARGIN_S, end + MARGIN_S + REST_S)
    if before is None or after is None:
        return None
    difference = after - before
    change = "same" if abs(difference) < CHANGE_LINE else ("flatter" if difference < 0 else "more curved")
    return FloorSpace(before, after, change)
