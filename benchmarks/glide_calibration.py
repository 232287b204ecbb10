"""Data for the glide score: SPARC of half-repetitions whose smoothness is known.

- synthetic: streams of repetitions, each half either a minimum-jerk glide or 2-4 minimum-jerk steps
  with full stops, at random tempos and noise levels, counted and scored by the real counter;
- real: the halves of the UI-PRMD "correct" repetitions (Kinect noise, ordinary deliberate movements).
"""
from __future__ import annotations

import numpy as np

from lumbar.motion.calibration import calibrate
from lumbar.motion.repetitions import RepetitionCounter
from lumbar.motion.tests import profiles
from lumbar.motion.tests.shared_data import UI_PRMD, ui_prmd_stream

FS = 30.0


def count_signal(times, values) -> list:
    """The repetitions the live code path (calibration, then counter) finds in a 1-D signal."""
    calibration = calibrate(times, values, FS, min_amplitude=0.0)
    if calibration is None:
        return []
    counter = RepetitionCounter(FS)
    counter.start_at_rest(calibration.since)
    after = times >= calibration.since
    for t, u in zip(times[after].tolist(), calibration.normalise(values[after]).tolist()):
        counter.add(t, u)
    counter.finish()
    return counter.reps


def scored_halves(reps) -> list[tuple[float, float, float]]:
    """(start, end, SPARC) of every half that got a score."""
    return [(h.start, h.end, h.sparc) for r in reps for h in r.halves if h.sparc is not None]


def synthetic_halves(streams: int = 60, seed: int = 1):
    """SPARC of halves labelled smooth (True) or stop-and-go (False): list of (smooth, sparc, noise)."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(streams):
        noise = rng.uniform(0.0, 0.03)
        kinds, rises = [], []
        for _ in range(6):
            duration = rng.uniform(1.5, 5.0)
            smooth = bool(rng.random() < 0.5)
            parts, stop_s = int(rng.integers(2, 5)), rng.uniform(0.2, 0.5)
            rises.append(profiles.minimum_jerk(int(duration * FS)) if smooth else
                         profiles.stop_and_go(duration, FS, parts=parts, stop_s=stop_s))
            kinds.append(smooth)
        signal, spans = profiles.repetitions(rises, FS, rest_s=1.5, hold_s=rng.uniform(0.3, 1.0))
        signal = signal * rng.uniform(2.0, 20.0)
        signal = signal + rng.normal(0, noise * np.ptp(signal), len(signal))
        times = np.arange(len(signal)) / FS
        for start, end, value in scored_halves(count_signal(times, signal)):
            middle = (start + end) / 2
            owner = next((k for k, (a, b) in zip(kinds, spans) if a <= middle <= b), None)
            if owner is not None:
                out.append((owner, value, noise))
    return out


def real_halves():
    """SPARC of the halves of the UI-PRMD repetitions (10 movements x 10 subjects, pauses between)."""
    if not UI_PRMD.exists():
        return []
    values = []
    for movement in range(1, 11):
        for subject in range(1, 11):
            times, signal = ui_prmd_stream(movement, subject, pauses_s=(1.0, 3.0), seed=subject)
            values += [v for _, _, v in scored_halves(count_signal(times, signal))]
    return values


def auc(positive, negative) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    p, n = np.asarray(positive)[:, None], np.asarray(negative)[None, :]
    return float(np.mean(p > n) + 0.5 * np.mean(p == n))


def best_threshold(smooth, jerky) -> tuple[float, float]:
    """The SPARC threshold with the best balanced accuracy, and that accuracy."""
    candidates = np.arange(-6.0, -1.5, 0.05)
    scores = [(np.mean(np.asarray(smooth) > th) + np.mean(np.asarray(jerky) <= th)) / 2 for th in candidates]
    best = int(np.argmax(scores))
    return float(candidates[best]), float(scores[best])
