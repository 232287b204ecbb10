"""Low-pass filters: zero-phase for finished stretches of signal, causal (one sample at a time) for live decisions."""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from scipy.signal import butter, lfilter, sosfiltfilt

LOWPASS_HZ = 6.0          # for smoothness: keeps stop-and-go detail, drops pose jitter
DECISION_LOWPASS_HZ = 1.5  # for live decisions on slow exercises (a rep takes several seconds)


def lowpass(values: np.ndarray, fs: float, cutoff: float = LOWPASS_HZ) -> np.ndarray:
    """Zero-phase 2nd-order Butterworth low-pass (applied forwards and backwards)."""
    values = np.asarray(values, dtype=float)
    if cutoff >= fs / 2 or len(values) < 4:
        return values
    return sosfiltfilt(_butter_sos(cutoff, fs), values, padlen=min(len(values) - 1, 9))


@lru_cache(maxsize=32)
def _butter_sos(cutoff: float, fs: float) -> np.ndarray:
    return butter(2, cutoff, fs=fs, output="sos")


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
    the signal's speed, so a still point stops jittering while a moving one lags little. Vectorised: one
    call filters an array of values (for example every landmark coordinate of a frame) at time `t`; NaN
    entries (not seen) pass through and leave their state as it was.
    """

    def __init__(self, min_cutoff: float = 1.0, beta: float = 0.0, d_cutoff: float = 1.0):
        self.min_cutoff, self.beta, self.d_cutoff = min_cutoff, beta, d_cutoff
        self.t: float | None = None
        self.x: np.ndarray | None = None
        self.dx: np.ndarray | None = None

    @staticmethod
    def _alpha(cutoff, dt: float):
        return 1.0 / (1.0 + 1.0 / (2 * np.pi * cutoff * dt))

    def __call__(self, t: float, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        if self.x is None:
            self.t, self.x, self.dx = t, x.copy(), np.zeros_like(x)
            return x.copy()
        dt = t - self.t
        if dt <= 0:
            return np.where(np.isnan(x), x, self.x)
        fresh = np.isnan(self.x) & ~np.isnan(x)           # first time seen: start there
        self.x[fresh], self.dx[fresh] = x[fresh], 0.0
        dx = (x - self.x) / dt
        dx_hat = self.dx + self._alpha(self.d_cutoff, dt) * (dx - self.dx)
        cutoff = self.min_cutoff + self.beta * np.abs(dx_hat)
        x_hat = self.x + self._alpha(cutoff, dt) * (x - self.x)
        seen = ~np.isnan(x)
        self.x[seen], self.dx[seen] = x_hat[seen], dx_hat[seen]
        self.t = t
        return np.where(seen, x_hat, np.nan)
