"""Where a person is in their programme and what adaptation has changed: plain data, stored as JSON.

  {"version": 1,
   "position": 0,            sessions done; the next session is schedule[position]
   "ladder": [],             progression steps, oldest first: {"pose": slug, "kind": "rep" | "hold" | "new"}
   "easing": null,           stepping back: {"rungs": n steps off the top of the ladder, "sessions_left": n}
   "hurt": {},               "it hurt" taps per pose since its last swap
   "swaps": {},              pose -> {"pose": slug or null (left out), "variation": slug or null, "why": text}
   "mornings": {},           programme week ("1".."12") -> the mornings' change from usual (+better, -worse)
   "last_session": null,     the session done last: {"index", "week", "day", "mains": [slugs],
                             "ratings": {slug: rating}, "pain_after": n or null, "morning_done": bool}
   "paused": null,           why the programme is paused ("worse-week-on-week"), or null
   "resumed_on": null}       ISO date the programme last went on after a pause (the weekly pain comparison
                             counts only ratings from then on), or null
"""
from __future__ import annotations

import copy
from collections import Counter
from dataclasses import asdict, dataclass, field

from .roles import Adjustments

VERSION = 1


@dataclass
class ProgrammeState:
    position: int = 0
    ladder: list[dict] = field(default_factory=list)
    easing: dict | None = None
    hurt: dict[str, int] = field(default_factory=dict)
    swaps: dict[str, dict] = field(default_factory=dict)
    mornings: dict[str, list[int]] = field(default_factory=dict)
    last_session: dict | None = None
    paused: str | None = None
    resumed_on: str | None = None

    def to_dict(self) -> dict:
        return {"version": VERSION, **copy.deepcopy(asdict(self))}

    @classmethod
    def from_dict(cls, data: dict) -> "ProgrammeState":
        data = {k: v for k, v in data.items() if k != "version"}
        return cls(**copy.deepcopy(data))

    def copy(self) -> "ProgrammeState":
        return ProgrammeState.from_dict(self.to_dict())

    def kept_ladder(self) -> list[dict]:
        """The ladder without the steps taken off while easing back."""
        off = self.easing["rungs"] if self.easing else 0
        return self.ladder[:max(0, len(self.ladder) - off)]

    def adjustments(self) -> Adjustments:
        kept = self.kept_ladder()
        off = self.easing["rungs"] if self.easing else 0
        return Adjustments(
            steps=dict(Counter(rung["pose"] for rung in kept if rung["kind"] != "new")),
            lighter=max(0, off - len(self.ladder)),
            added=[rung["pose"] for rung in kept if rung["kind"] == "new"],
            swaps=copy.deepcopy(self.swaps),
        )
