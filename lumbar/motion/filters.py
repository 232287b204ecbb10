"""Low-pass filters: zero-phase for finished stretches of signal, causal (one sample at a time) for live decisions."""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from scipy.signal import butter, lfilter, sosfilt, sosfilt_zi

LOWPASS_HZ = 6.0          # for smoothness: keeps stop-and-go detail, drops pose jitter
DECISION_LOWPASS_HZ = 1.5  # for live decisions on slow exercises (a rep takes several seconds)


def lowpass(values: np.ndarray, fs: float, cutoff: float = LOWPASS_HZ) -> np.ndarray:
    """Zero-phase 2nd-order Butterworth low-pass (applied forwards and backwards).

    What scipy.signal.sosfiltfilt(sos, values, padlen=...) gives (odd extension at both ends, each pass
    started in the steady state of its first sample), with the steady state worked out once per filter
    rather than at every call: a live stream filters each finished half on its own."""
    values = np.asarray(values, dtype=float)
    if cutoff >= fs / 2 or len(values) < 4:
        return values
    sos, steady = _butter_sos(cutoff, fs)
    pad = min(len(values) - 1, 9)
    extended = np.concatenate((2 * values[:1] - values[pad:0:-1], values,
                               2 * values[-1:] - values[-2:-(pad + 2):-1]))
    forward, _ = sosfilt(sos, extended, zi=steady * extended[0])
    backward, _ = sosfilt(sos, forward[::-1], zi=steady * forward[-1])
    return backward[::-1][pad:-pad]


@lru_cache(maxsize=32)
def _butter_sos(cutoff: float, fs: float) -> tuple[np.ndarray, np.ndarray]:
    """The filter's second-order sections and their steady state for a unit input."""
    sos = butter(2, cutoff, fs=fs, output="sos")
    return sos, sosfilt_zi(sos)


class CausalLowpass:
    """2nd-order Butterworth low-pass, one sample at a time (about 0.2 s of lag at 1.5 Hz)."""

    def __init__(self, fs: float, cutoff: float = DECISION_LOWPASS_HZ):
        b, a = butter(2, min(cutoff, 0.45 * fs), fs=fs)
        self.b, self.a = tuple(float(c) for c in b), tuple(float(c) for c in a)
        self.z: tuple[float, float] | None = None
        self.noise_gain = float(np.sqrt(np.sum(lfilter(b, a, np.eye(1, int(10 * fs))[0]) ** 2)))

    def __call__(self, x: float) -> float:
        b, a = self.b, self.a
        if self.z is None:  # start in steady state at the first value
            self.z = (x * (b[1] + b[2] - a[1] - a[2]), x * (b[2] - a[2]))
        y = b[0] * x + self.z[0]
        self.z = (b[1] * x - a[1] * y + self.z[1], b[2] * x - a[2] * y)
        return y


class OneEuroFilter:
    """The One Euro filter (Casiez, Roussel and Vogel 2012, "1 Euro filter: a simple speed-based low-pass
    filter for noisy input in interactive systems", CHI): an exponential smoother whose cutoff rises with
    the signal's speed, so a still point stops jittering while a moving one lags little. One call filters
    several values at time `t` (for example every landmark coordinate of a frame), each on its own; NaN
    entries (not seen) pass through and leave their state as it was. `step` takes and gives a list of
    floats (a few values per frame cost less that way than as a numpy array); calling the filter takes and
    gives an array of any shape.
    """

    def __init__(self, min_cutoff: float = 1.0, beta: float = 0.0, d_cutoff: float = 1.0):
        self.min_cutoff, self.beta, self.d_cutoff = min_cutoff, beta, d_cutoff
        self.t: float | None = None
        self.x: list[float] | None = None
        self.dx: list[float] | None = None

    @staticmethod
    def _alpha(cutoff: float, dt: float) -> float:
        rate = 2 * math.pi * cutoff * dt
        return 1.0 / (1.0 + 1.0 / rate) if rate else 0.0

    def __call__(self, t: float, x) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        return np.array(self.step(t, x.ravel().tolist()), dtype=float).reshape(x.shape)

    def step(self, t: float, x: list[float]) -> list[float]:
        if self.x is None:
            self.t, self.x, self.dx = t, list(x), [0.0] * len(x)
            return list(x)
        dt = t - self.t
        if dt <= 0:
            return [value if math.isnan(value) else last for value, last in zip(x, self.x)]
        d_alpha = self._alpha(self.d_cutoff, dt)
        min_cutoff, beta, two_pi = self.min_cutoff, self.beta, 2 * math.pi
        out, slopes, unseen = [], [], False
        for value, last, slope in zip(x, self.x, self.dx):
            if value != value:            # NaN: not seen, the state stays
                out.append(last)
                slopes.append(slope)
                unseen = True
                continue
            if last != last:              # first time seen: start there
                last, slope = value, 0.0
            slope += d_alpha * ((value - last) / dt - slope)
            rate = two_pi * (min_cutoff + beta * abs(slope)) * dt     # _alpha, inline: this is the hot loop
            out.append(last + (1.0 / (1.0 + 1.0 / rate) if rate else 0.0) * (value - last))
            slopes.append(slope)
        self.t, self.x, self.dx = t, out, slopes
        return [last if value == value else value for value, last in zip(x, out)] if unseen else out[:]
