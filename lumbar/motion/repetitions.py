"""Counting repetitions in a calibrated 1-D signal, one sample at a time.

The counter sees `u`, the exercise signal in units of the user's calibrated range (0 = neutral, 1 = the
demonstration's peak; see calibration.py), and works like a hysteresis switch that is relative to the
last extreme rather than to fixed levels, so that a drifting rest level does not stop it counting:
- a repetition begins when `u` has risen `enter` x the reference swing above the lowest point since the
  last one (the reference swing is the median of the last five swings, starting from two of the
  calibrated range, within 0.5-3 x calibrated: it follows smaller tired reps, not one tracking glitch);
- it is counted when `u` falls back by `exit` of its own swing, if it lasted at least `min_half_s`;
- a period prior from the autocorrelation of the last 20 s raises the entry level for a candidate that
  comes less than half a period after the previous turn (a wobble, not a new rep);
- after calibration, `start_at_rest` tells it where the user rested, so a tracker settling below neutral
  in the first frames does not inflate the first swing.
Each counted repetition is then split on the zero-phase low-passed signal: `start` (last moment within
10 % of the swing of its low point), `turn` (middle of the stretch at the top: within 10 % of the swing of
the typical level above 80 %, so a brief overshoot does not pull the turn to itself) and `end`
(first moment back within 10 % of the next low point). Both halves get a SPARC and a glide score.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .filters import CausalLowpass, lowpass
from .history import SignalHistory
from .smoothness import glide_score, movement_sparc

BAND = 0.1          # share of the swing that counts as "at" a low point or a peak
MIN_SEEN = 0.5      # a half seen less than this gets no smoothness score


@dataclass
class Half:
    start: float
    end: float
    moving_s: float                  # time spent moving (the half less its share of the pause at the top)
    sparc: float | None              # smoothness of the moving part
    glide: int | None
    seen: float

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass
class Repetition:
    number: int
    start: float
    turn: float
    peak: float                      # u at the turn (1.0 = the calibrated range)
    swing: float                     # u from the low point before to the peak
    top: float = 0.0                 # arrival within 10 % of the peak
    release: float = 0.0             # departure from it
    end: float | None = None
    halves: list[Half] = field(default_factory=list)


def estimate_period(values: np.ndarray, fs: float, min_s: float = 1.0, max_s: float = 15.0) -> float | None:
    """Dominant period (s) of a uniformly sampled signal from its autocorrelation, or None if not periodic."""
    x = values - values.mean()
    n = len(x)
    hi = min(int(max_s * fs), n // 2)
    lo = int(min_s * fs)
    if hi <= lo + 2 or not x.any():
        return None
    spectrum = np.fft.rfft(x, 2 * n)
    acf = np.fft.irfft(np.abs(spectrum) ** 2)[:hi + 1]
    acf = acf / acf[0] * n / (n - np.arange(hi + 1))    # unbiased
    middle = acf[lo:hi]
    is_peak = (middle >= acf[lo - 1:hi - 1]) & (middle > acf[lo + 1:hi + 1]) & (middle > 0.2)
    if not is_peak.any():
        return None
    heights = np.where(is_peak, middle, -np.inf)
    return (lo + int(np.argmax(heights >= 0.8 * heights.max()))) / fs


class RepetitionCounter:
    """Feed (t, u) samples with `add`; it returns repetitions as they are counted and as they finish."""

    def __init__(self, fs: float, *, enter: float = 0.5, exit: float = 0.5, min_half_s: float = 0.3,
                 settle_s: float = 0.6, keep_s: float | None = None):
        self.fs, self.enter, self.exit, self.min_half_s, self.settle_s = fs, enter, exit, min_half_s, settle_s
        self.history = SignalHistory(keep_s=keep_s)
        self.reps: list[Repetition] = []
        self.period: float | None = None
        self._smooth = CausalLowpass(fs)
        self._swings: list[float] = [1.0, 1.0]     # the calibrated range counts twice to begin with
        self.reference_swing = 1.0
        self._out = False
        self._low = (np.inf, 0.0)        # lowest (y, t) since the last repetition
        self._peak = -np.inf
        self._entered_at = 0.0
        self._pending: Repetition | None = None
        self._next_period_t: float | None = None

    def start_at_rest(self, t: float, u: float = 0.0) -> None:
        """The person is known to rest at level `u` (the calibrated neutral is 0) at time `t`."""
        self._low = (u, t)

    def add(self, t: float, u: float) -> list[Repetition]:
        """One sample (u NaN = not seen). Returns repetitions just counted or just finished."""
        self.history.append(t, u)
        if math.isnan(u):
            return []
        y = self._smooth(u)
        self._update_period(t)
        events: list[Repetition] = []
        if self._out:
            self._peak = max(self._peak, y)
            if y <= self._peak - self.exit * (self._peak - self._low[0]):
                self._out = False
                if t - self._entered_at >= self.min_half_s:
                    events += self._count(t)
                    self._low = (y, t)
            return events
        if y < self._low[0]:
            self._low = (y, t)
        pending = self._pending
        if pending and (y >= self._low[0] + 0.15 * pending.swing or t - self._low[1] >= self.settle_s):
            events.append(self._finish(pending, t))
        if y >= self._low[0] + self._entry_level(t) * self.reference_swing:
            if self._pending:
                events.append(self._finish(self._pending, t))
            self._out, self._peak, self._entered_at = True, y, t
        return events

    def finish(self) -> list[Repetition]:
        """End of the stream: finish the repetition still waiting for its end."""
        if self._pending and len(self.history):
            return [self._finish(self._pending, float(self.history.times[-1]))]
        return []

    def _entry_level(self, t: float) -> float:
        if self.period and self.reps and t - self.reps[-1].turn < 0.5 * self.period:
            return max(self.enter, 0.8)
        return self.enter

    def _update_period(self, t: float) -> None:
        if self._next_period_t is None:
            self._next_period_t = t + 1.0
        if t < self._next_period_t:
            return
        self._next_period_t = t + 1.0
        _, values, seen = self.history.window(t - 20.0, t, self.fs)
        if seen > 0.5:
            self.period = estimate_period(values, self.fs)

    def _count(self, t: float) -> list[Repetition]:
        previous = self.reps[-1] if self.reps else None
        t0 = self._low[1] - 1.5
        if previous:
            t0 = max(t0, previous.end if previous.end is not None else previous.turn)
        grid, values, _ = self.history.window(t0, t, self.fs)
        if len(grid) < 4:
            return []
        z = lowpass(values, self.fs)
        peak_i = int(np.argmax(z[np.searchsorted(grid, self._low[1]):]) + np.searchsorted(grid, self._low[1]))
        low = float(z[: peak_i + 1].min())
        swing = float(z[peak_i] - low)
        start_i = int(np.flatnonzero(z[: peak_i + 1] <= low + BAND * swing)[-1])
        high = z[start_i:][z[start_i:] >= low + (1 - 2 * BAND) * swing]
        top = z >= np.median(high) - BAND * swing        # the top, robust to a brief overshoot
        p0 = peak_i - int(np.argmin(top[peak_i::-1])) + 1 if not top[:peak_i + 1].all() else 0
        p1 = peak_i + int(np.argmin(top[peak_i:])) - 1 if not top[peak_i:].all() else len(z) - 1
        turn = float(grid[(p0 + p1) // 2])
        rep = Repetition(len(self.reps) + 1, float(grid[start_i]), turn, float(z[peak_i]), swing,
                         top=float(grid[p0]), release=float(grid[p1]))
        rep.halves.append(self._half(rep.start, turn, rep.start, rep.top, max(rep.start - 0.5, t0), turn))
        self.reps.append(rep)
        self._swings.append(swing)
        self.reference_swing = float(np.clip(np.median(self._swings[-5:]), 0.5, 3.0))
        self._pending = rep
        return [rep]

    def _finish(self, rep: Repetition, t: float) -> Repetition:
        self._pending = None
        grid, values, _ = self.history.window(rep.turn, t, self.fs)
        end = t
        if len(grid) >= 4:
            z = lowpass(values, self.fs)
            low = z.min()
            back = np.flatnonzero(z <= low + BAND * (rep.peak - low))
            end = float(grid[back[0]]) if len(back) else t
        rep.end = end
        rep.halves.append(self._half(rep.turn, end, rep.release, end, rep.turn, min(end + 0.5, t)))
        return rep

    def _half(self, t0: float, t1: float, move0: float, move1: float, lo: float, hi: float) -> Half:
        """The half [t0, t1]; its smoothness is that of the movement [move0, move1], which may extend
        into [lo, hi] (see smoothness.movement_sparc)."""
        seen = self.history.window(t0, t1, self.fs)[2]
        grid, values, _ = self.history.window(lo, hi, self.fs)
        start, stop = np.searchsorted(grid, [move0, move1 + 1e-9])
        if seen < MIN_SEEN or stop - start < 4:
            return Half(t0, t1, round(move1 - move0, 3), None, None, round(seen, 3))
        value = movement_sparc(values, self.fs, int(start), int(stop))
        return Half(t0, t1, round(move1 - move0, 3), round(value, 4), glide_score(value), round(seen, 3))
