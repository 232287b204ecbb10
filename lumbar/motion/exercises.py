"""What the motion core knows about each exercise it can watch."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Exercise:
    name: str
    counts_repetitions: bool
    times_holds: bool
    min_amplitude: float        # smallest demonstration that calibrates, degrees of the exercise signal
    tempo_s: float | None       # default seconds each way (the pose library's dose); callers may pass their own
    watches_neck: bool
    directions: tuple[str, str] = ("out", "back")   # names of a half as the signal grows, and shrinks
    signal: str = "flexion"     # which Features measure is the exercise signal (see signals.py)


EXERCISES = {
    "pelvic-tilt": Exercise("pelvic-tilt", True, False, min_amplitude=1.0, tempo_s=4.0, watches_neck=False,
                            directions=("flatten", "arch"), signal="thigh"),
    "cat-cow": Exercise("cat-cow", True, False, min_amplitude=3.0, tempo_s=5.0, watches_neck=True,
                        directions=("cat", "cow")),
    "child-pose": Exercise("child-pose", False, True, min_amplitude=0.0, tempo_s=None, watches_neck=False),
}
