"""Smoothness of a movement: SPARC, LDLJ and the user-facing glide score.

`sparc` and `ldlj` follow the published definitions (Balasubramanian et al. 2012, "A robust and sensitive
metric for quantifying movement smoothness", IEEE TBME 59(8); 2015, "On the analysis of movement
smoothness", J NeuroEng Rehabil 12:112). On the reference profile (speed = exp(-5 t^2), t = -1..1 step
0.01, fs = 100) they return -1.41403 and -5.81636. Both are dimensionless and negative; closer to zero is
smoother. Under pose-estimation noise LDLJ saturates, so users only ever see SPARC (through the glide score).

Glide score (0-100): a linear map of the SPARC of one half-repetition,

    glide = 100 * clip((sparc - SPARC_STOP_AND_GO) / (SPARC_GLIDE - SPARC_STOP_AND_GO), 0, 1)

with SPARC_GLIDE = -1.6 and SPARC_STOP_AND_GO = -3.6, so a score of 50 (SPARC -2.6) is the line between a
glide and a stop-and-go movement. Calibration (benchmarks/motion_accuracy.py prints the figures):
- real sensor noise: half-repetitions of the UI-PRMD "correct" recordings (Kinect, 10 people x 10
  movements x 10 reps, each half from rest to the turn or back) score a median SPARC of about -1.7 (only
  one in ten is below -2.4): ordinary deliberate human movements glide;
- synthetic half-repetitions (minimum-jerk, or three sub-movements separated by full stops, as in the
  design notes) at random durations of 1-5 s with 0-3 % noise: smooth ones stay at or above about -2.3,
  stop-and-go ones at or below about -3.0;
- SPARC_GLIDE sits just below the noise-free minimum-jerk value (-1.43 with this filtering), so a
  clean glide scores 100; SPARC_STOP_AND_GO sits near the median of noisy stop-and-go halves, so a
  clear stop-and-go scores near 0. The four synthetic clips were only used to check, not to set, these.
"""
from __future__ import annotations

import numpy as np

from .filters import lowpass

SPARC_GLIDE = -1.6
SPARC_STOP_AND_GO = -3.6


def sparc(speed, fs: float, *, fc: float = 10.0, amp_th: float = 0.05, padlevel: int = 4) -> float:
    """Spectral arc length of a speed profile sampled at `fs` Hz (Balasubramanian 2015)."""
    speed = np.asarray(speed, dtype=float)
    if speed.ndim != 1 or len(speed) < 2:
        raise ValueError("sparc needs a 1-D speed profile of at least 2 samples")
    nfft = int(2 ** (np.ceil(np.log2(len(speed))) + padlevel))
    freqs = np.arange(nfft) * (fs / nfft)
    magnitude = np.abs(np.fft.fft(speed, nfft))
    if magnitude.max() == 0:
        return 0.0
    magnitude = magnitude / magnitude.max()
    within = freqs <= fc
    freqs, magnitude = freqs[within], magnitude[within]
    above = np.flatnonzero(magnitude >= amp_th)
    freqs, magnitude = freqs[above[0]:above[-1] + 1], magnitude[above[0]:above[-1] + 1]
    if len(freqs) < 2:
        return 0.0
    df = np.diff(freqs) / (freqs[-1] - freqs[0])
    return float(-np.sum(np.sqrt(df ** 2 + np.diff(magnitude) ** 2)))


def ldlj(speed, fs: float) -> float:
    """Log dimensionless jerk of a speed profile (Balasubramanian 2015, speed-based form)."""
    speed = np.asarray(speed, dtype=float)
    if speed.ndim != 1 or len(speed) < 3:
        raise ValueError("ldlj needs a 1-D speed profile of at least 3 samples")
    dt = 1.0 / fs
    duration = len(speed) * dt
    peak = np.max(np.abs(speed))
    jerk = np.diff(speed, 2) / dt ** 2
    dimensionless = duration ** 3 / peak ** 2 * np.sum(jerk ** 2) * dt
    return float(-np.log(dimensionless))


def segment_sparc(values: np.ndarray, fs: float, start: int, stop: int, margin: int | None = None) -> float:
    """SPARC of the speed of `values[start:stop]` after the zero-phase low-pass.

    The filter runs over up to `margin` extra samples each side (default 0.5 s) so that the edges of
    the segment are filtered like its middle; gaps must already be filled (no NaN).
    """
    margin = int(0.5 * fs) if margin is None else margin
    lo, hi = max(0, start - margin), min(len(values), stop + margin)
    smooth = lowpass(values[lo:hi], fs)
    speed = np.abs(np.gradient(smooth) * fs)[start - lo:stop - lo]
    return sparc(speed, fs)


def glide_score(sparc_value: float) -> int:
    """The 0-100 glide score of a half-repetition's SPARC (mapping in the module docstring)."""
    share = (sparc_value - SPARC_STOP_AND_GO) / (SPARC_GLIDE - SPARC_STOP_AND_GO)
    return int(round(100 * min(1.0, max(0.0, share))))
