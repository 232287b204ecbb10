"""Form cues, only the ones landmarks can support.

- `neck`: in cat-cow, the head lifted well above where it was in neutral (ear-to-nose direction more than
  35 degrees above the neutral one for a second): clinical.md section 1, the one serious adverse event in
  the yoga trials followed neck hyperextension in cow; the neck stays neutral.
- `tempo`: a half-repetition moved through in less than half the prescribed time each way.
- `range`: a repetition more than 1.6 times the swing of the demonstration repetitions (the first two).
The same cue is not repeated within `cooldown_s`. Codes are stable; messages are English defaults for
the caller to translate.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .repetitions import Half, Repetition

NECK_LIFT_DEG = 35.0
NECK_SUSTAIN_S = 1.0
TEMPO_SHARE = 0.5
RANGE_FACTOR = 1.6
DEMONSTRATION_REPS = 2
MESSAGES = {
    "neck": "Keep your neck long: let your head follow your spine instead of lifting it to look up.",
    "tempo": "Slow down: take about {tempo:g} seconds each way.",
    "range": "Stay in the easy part of the range: smaller is fine.",
}


@dataclass
class Cue:
    t: float
    code: str
    message: str
    detail: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"t": round(self.t, 3), "code": self.code, "message": self.message, **self.detail}


class CueWatcher:
    """Watches frames and repetitions; each `on_*` method returns the cues to give now."""

    def __init__(self, *, tempo_s: float | None, watch_neck: bool, cooldown_s: float = 15.0):
        self.tempo_s, self.watch_neck, self.cooldown_s = tempo_s, watch_neck, cooldown_s
        self.cues: list[Cue] = []
        self._last_given: dict[str, float] = {}
        self._neutral_pitch: list[float] = []      # the first second: the neutral head position
        self._neutral: float | None = None
        self._first_t: float | None = None
        self._lifted_since: float | None = None
        self._demonstration: list[float] = []

    def on_frame(self, t: float, head_pitch: float) -> list[Cue]:
        if not self.watch_neck or math.isnan(head_pitch):
            return []
        self._first_t = t if self._first_t is None else self._first_t
        if t - self._first_t <= 1.0:
            self._neutral_pitch.append(head_pitch)
            return []
        if self._neutral is None:
            self._neutral = sorted(self._neutral_pitch)[len(self._neutral_pitch) // 2]
        neutral = self._neutral
        if head_pitch - neutral <= NECK_LIFT_DEG:
            self._lifted_since = None
            return []
        self._lifted_since = t if self._lifted_since is None else self._lifted_since
        if t - self._lifted_since < NECK_SUSTAIN_S:
            return []
        return self._give(self._lifted_since, "neck", lift_deg=round(head_pitch - neutral, 1))

    def on_repetition(self, rep: Repetition) -> list[Cue]:
        if len(self._demonstration) < DEMONSTRATION_REPS:
            self._demonstration.append(rep.swing)
            return []
        reference = sum(self._demonstration) / len(self._demonstration)
        if rep.swing > RANGE_FACTOR * reference:
            return self._give(rep.turn, "range", rep=rep.number, range_ratio=round(rep.swing / reference, 2))
        return []

    def on_half(self, rep: Repetition, half: Half) -> list[Cue]:
        if self.tempo_s and half.moving_s < TEMPO_SHARE * self.tempo_s:
            return self._give(half.end, "tempo", rep=rep.number, seconds=round(half.moving_s, 2),
                              tempo_s=self.tempo_s)
        return []

    def _give(self, t: float, code: str, **detail) -> list[Cue]:
        last = self._last_given.get(code)
        if last is not None and t - last < self.cooldown_s:
            return []
        self._last_given[code] = t
        cue = Cue(t, code, MESSAGES[code].format(tempo=self.tempo_s or 0), detail)
        self.cues.append(cue)
        return [cue]
