"""A growing record of (time, value) samples with cheap appends and uniform-grid views of any window."""
from __future__ import annotations

import numpy as np


class SignalHistory:
    """Timestamped samples (NaN = not seen), appended one at a time, optionally trimmed to recent seconds."""

    def __init__(self, keep_s: float | None = None, capacity: int = 1024):
        self.keep_s = keep_s
        self._t = np.empty(capacity)
        self._v = np.empty(capacity)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def append(self, t: float, value: float) -> None:
        if self._n == len(self._t):
            if self.keep_s is not None and self._n and self._t[self._n - 1] - self._t[0] > self.keep_s:
                keep = self._t[: self._n] >= self._t[self._n - 1] - self.keep_s
                first = int(np.argmax(keep))
                self._t[: self._n - first] = self._t[first: self._n]
                self._v[: self._n - first] = self._v[first: self._n]
                self._n -= first
            if self._n == len(self._t):
                self._t = np.concatenate([self._t, np.empty(len(self._t))])
                self._v = np.concatenate([self._v, np.empty(len(self._v))])
        self._t[self._n] = t
        self._v[self._n] = value
        self._n += 1

    @property
    def times(self) -> np.ndarray:
        return self._t[: self._n]

    @property
    def values(self) -> np.ndarray:
        return self._v[: self._n]

    def window(self, t0: float, t1: float, fs: float) -> tuple[np.ndarray, np.ndarray, float]:
        """Samples in [t0, t1] on a uniform grid at `fs` (gaps filled linearly) and the share that was seen."""
        times, values = self.times, self.values
        lo, hi = np.searchsorted(times, [t0, t1 + 1e-9])
        times, values = times[lo:hi], values[lo:hi]
        seen = ~np.isnan(values)
        if seen.sum() < 2:
            return np.empty(0), np.empty(0), 0.0
        grid = times[0] + np.arange(int(round((times[-1] - times[0]) * fs)) + 1) / fs
        seen_share = min(1.0, seen.sum() / len(grid))
        return grid, np.interp(grid, times[seen], values[seen]), seen_share
