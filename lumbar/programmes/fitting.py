"""Fitting a session to the minutes asked (our rule; the estimate itself is in duration.py).

Main poses are added while they fit, up to one per MINUTES_PER_MAIN minutes. The arrival and closing rests
then stretch or shrink within their bounds. Still short: one more round of the flow, then further rounds of
the main poses (at most MAX_ROUNDS in all), then longer holds and more repetitions (up to half as much
again). Too long even so: main poses are dropped from the end, then the second flow round. The session aims
within AIM of the minutes asked; the promise to the person is 15%.
"""
from __future__ import annotations

from django.utils.translation import gettext as _

from .arrangement import Item, estimate

# The arrival and closing rests absorb time: (shortest seconds, share of the session at most, longest seconds).
ABSORBERS = {"arrival": (60, 0.12, 300), "closing": (90, 0.20, 600)}
ABSORBER_START = 0.6  # they start at this part of their longest while main poses are chosen
MINUTES_PER_MAIN = 2.5  # so that days can differ and each pose gets time (our rule)
MAX_ROUNDS = 3
AIM = 0.10
MAX_REPS, MAX_SECONDS = 30, 900


class ProgrammeError(ValueError):
    """No programme fits this profile. `max_minutes` is set when shorter sessions would fit."""

    def __init__(self, message: str, max_minutes: int | None = None):
        super().__init__(message)
        self.max_minutes = max_minutes


def rest_bounds(role: str, target: float) -> tuple[int, int]:
    shortest, share, longest = ABSORBERS[role]
    return shortest, max(2 * shortest, min(longest, 5 * round(share * target / 5)))


def join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def again_round(item: Item, number: int, words: str = "") -> Item:
    return Item(**{**vars(item), "round": number, "why": join(item.why, words or _("Another round."))})


class SessionPlan:
    """The items of one session while it is fitted to its length."""

    def __init__(self, layout: list[str], items: list[Item], minutes: float):
        self.layout, self.items, self.target = layout, items, minutes * 60
        for item in self.items:
            if item.bounds:
                item.seconds = max(item.bounds[0], 5 * round(ABSORBER_START * item.bounds[1] / 5))

    def seconds(self, extra=()) -> float:
        return estimate(self.items + list(extra), self.layout)

    def short(self) -> bool:
        return self.seconds() < self.target * (1 - AIM)

    def fit(self, mains: list[Item], minutes: float) -> None:
        self._add_while_fits(mains, most=max(2, round(minutes / MINUTES_PER_MAIN)))
        self._stretch_rests()
        self._add_rounds()
        self._hold_longer()
        self._trim()

    def _stretch_rests(self) -> None:
        rests = [i for i in self.items if i.bounds]
        for rest in rests:
            rest.seconds = rest.bounds[0]
        room = self.target - self.seconds()
        for rest in sorted(rests, key=lambda r: r.role != "closing"):  # the closing rest takes more
            share = room * (0.6 if rest.role == "closing" and len(rests) > 1 else 1)
            rest.seconds = 5 * round(max(rest.bounds[0], min(rest.bounds[1], rest.bounds[0] + share)) / 5)
            room = self.target - self.seconds()

    def _add_while_fits(self, candidates: list[Item], most: int) -> None:
        for candidate in candidates:
            if most > 0 and self.seconds([candidate]) <= self.target:
                self.items.append(candidate)
                most -= 1

    def _add_rounds(self) -> None:
        words = _("Another round.")
        flow = [again_round(i, MAX_ROUNDS, words) for i in self.items if i.role == "flow" and i.round == 1]
        if flow and self.short() and self.seconds(flow) <= self.target:  # a flow round is done whole
            self.items += flow
            self._stretch_rests()
        chosen = [i for i in self.items if i.role == "main"]
        for item in [again_round(m, extra, words) for extra in range(2, MAX_ROUNDS + 1) for m in chosen]:
            if not self.short():
                break
            self._add_while_fits([item], most=1)
            self._stretch_rests()

    def _hold_longer(self) -> None:
        moving = [(i, i.reps, i.seconds) for i in self.items if i.role in ("main", "flow")]
        for tenths in range(11, 16):
            if not self.short():
                break
            for item, reps, seconds in moving:
                item.reps = reps and min(MAX_REPS, round(reps * tenths / 10))
                item.seconds = seconds and min(MAX_SECONDS, 5 * round(seconds * tenths / 50))
            self._stretch_rests()

    def _trim(self) -> None:
        droppable = [i for i in self.items if i.role == "main"][::-1] + [
            i for i in self.items if i.role == "flow" and i.round > 1]
        for item in droppable:
            if self.seconds() <= self.target * (1 + AIM):
                break
            self.items.remove(item)
            self._stretch_rests()
        if self.seconds() > self.target * (1 + AIM):
            raise ProgrammeError(_("Even the shortest session that suits your answers is longer than %(minutes)s "
                                   "minutes; please choose more minutes.") % {"minutes": int(self.target // 60)})
