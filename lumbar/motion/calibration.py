"""The user's own range: a neutral position, then one demonstration repetition.

Live, the coach asks the user to rest in the neutral position and then do one slow repetition; offline,
the start of the recording plays that part (a recording that starts mid-movement calibrates badly). The
result maps the exercise signal to `u`: 0 at neutral, 1 at the demonstration's peak, whichever way the
signal moves (so the counter does not care which side faces the camera or which way an angle grows).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .filters import CausalLowpass

NOISE_FACTOR = 6.0   # a demonstration must move this many times the noise of the filtered signal


@dataclass(frozen=True)
class Calibration:
    neutral: float
    amplitude: float     # signed: demonstration peak minus neutral, in signal units
    since: float = float("-inf")   # end of the neutral stretch: counting starts there

    def normalise(self, value):
        """Signal value(s) -> u (0 = neutral, 1 = the demonstration's peak)."""
        return (value - self.neutral) / self.amplitude

    def to_dict(self) -> dict:
        return {"neutral": round(self.neutral, 4), "amplitude": round(self.amplitude, 4)}


def noise_level(values: np.ndarray) -> float:
    """Robust sample noise of a slowly moving signal, from the spread of its second differences."""
    d2 = np.diff(values[~np.isnan(values)], 2)
    if len(d2) < 3:
        return 0.0
    return float(1.4826 * np.median(np.abs(d2 - np.median(d2))) / np.sqrt(6))


class CalibrationRecorder:
    """Feed the exercise signal; `add` returns the Calibration once the demonstration is complete.

    Neutral is the median of the first `neutral_s` (at most 1) seconds seen. The demonstration is the
    first excursion of the low-passed signal from neutral larger than `min_amplitude` (signal units) and
    than NOISE_FACTOR times its noise (measured over the first second); it is complete once the signal
    has come back halfway. `stage` says what the recorder waits for.
    """

    def __init__(self, fs: float, *, min_amplitude: float, neutral_s: float = 0.5):
        self.fs, self.min_amplitude, self.neutral_s = fs, min_amplitude, neutral_s
        self._first_t: float | None = None
        self._early: list[float] = []          # the first second, for the noise level
        self._noise_known = False
        self._neutral: float | None = None
        self._threshold = min_amplitude
        self._smooth = CausalLowpass(fs)
        self._extreme = 0.0

    @property
    def stage(self) -> str:
        return "neutral" if self._neutral is None else "demonstration"

    def add(self, t: float, value: float) -> Calibration | None:
        if math.isnan(value):
            return None
        if self._first_t is None:
            self._first_t = t
        elapsed = t - self._first_t
        y = self._smooth(value)
        if not self._noise_known:
            if elapsed <= 1.0:
                self._early.append(value)
            else:
                self._noise_known = True
                self._threshold = max(self.min_amplitude,
                                      NOISE_FACTOR * self._smooth.noise_gain * noise_level(np.array(self._early)))
        if self._neutral is None:
            if elapsed < self.neutral_s:
                return None
            self._neutral = float(np.median(self._early[:-1] or self._early))
        deviation = y - self._neutral
        if abs(deviation) > abs(self._extreme):
            self._extreme = deviation
        if self._noise_known and abs(self._extreme) >= self._threshold and abs(deviation) <= 0.5 * abs(self._extreme):
            return Calibration(self._neutral, self._extreme, self._first_t + self.neutral_s)
        return None


def calibrate(times: np.ndarray, values: np.ndarray, fs: float, *, min_amplitude: float) -> Calibration | None:
    """Offline: the calibration the live recorder would reach on these samples, or None."""
    recorder = CalibrationRecorder(fs, min_amplitude=min_amplitude)
    for t, value in zip(times, values):
        calibration = recorder.add(float(t), float(value))
        if calibration:
            return calibration
    return None
