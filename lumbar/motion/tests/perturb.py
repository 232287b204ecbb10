"""Harder versions of a landmark stream, each with a map from the original times to the new ones.

Used by the tests and by benchmarks/motion_accuracy.py to check that counts and timers survive noise,
lost frames, mirroring, other tempos and pauses.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from lumbar.motion.landmarks import LandmarkStream, mirrored

TimeMap = Callable[[float], float]


def unchanged(t: float) -> float:
    return t


def with_noise(stream: LandmarkStream, sd: float, seed: int = 0) -> tuple[LandmarkStream, TimeMap]:
    """Gaussian jitter of `sd` (image heights) on every x and y."""
    rng = np.random.default_rng(seed)
    landmarks = stream.landmarks.copy()
    landmarks[..., :2] += rng.normal(0.0, sd, landmarks[..., :2].shape)
    return LandmarkStream(stream.fps, stream.times, landmarks, stream.source, stream.aspect), unchanged


def with_gaps(stream: LandmarkStream, spans: list[tuple[float, float]]) -> tuple[LandmarkStream, TimeMap]:
    """Nobody found during each (start, end) span, in seconds."""
    landmarks = stream.landmarks.copy()
    for start, end in spans:
        landmarks[(stream.times >= start) & (stream.times < end)] = np.nan
    return LandmarkStream(stream.fps, stream.times, landmarks, stream.source, stream.aspect), unchanged


def with_random_gaps(stream: LandmarkStream, share: float, mean_s: float = 0.5,
                     seed: int = 0) -> tuple[LandmarkStream, TimeMap]:
    """About `share` of the frames lost, in runs of about `mean_s` seconds."""
    rng = np.random.default_rng(seed)
    duration = float(stream.times[-1])
    spans = []
    for _ in range(int(share * duration / mean_s)):
        start = rng.uniform(0, duration)
        spans.append((start, start + rng.exponential(mean_s)))
    return with_gaps(stream, spans)


def mirror_and_rescale(stream: LandmarkStream, scale: float = 0.6, shift=(0.1, 0.15)) -> tuple[LandmarkStream, TimeMap]:
    """The person facing the other way, smaller (further away) and elsewhere in the image."""
    landmarks = mirrored(stream.landmarks)
    landmarks[..., 0] = landmarks[..., 0] * scale + shift[0]
    landmarks[..., 1] = landmarks[..., 1] * scale + shift[1]
    return LandmarkStream(stream.fps, stream.times, landmarks, stream.source, stream.aspect), unchanged


def time_scaled(stream: LandmarkStream, factor: float) -> tuple[LandmarkStream, TimeMap]:
    """The same movement `factor` times slower (factor < 1: faster), resampled at the stream's fps."""
    times = np.arange(0.0, stream.times[-1] * factor + 1e-9, 1.0 / stream.fps)
    source = np.clip(np.rint(times / factor * stream.fps).astype(int), 0, len(stream.times) - 1)
    return (LandmarkStream(stream.fps, times, stream.landmarks[source], stream.source, stream.aspect),
            lambda t: t * factor)


def with_pauses(stream: LandmarkStream, at: list[float], pause_s: float) -> tuple[LandmarkStream, TimeMap]:
    """Hold still for `pause_s` at each of the times `at` (the frame there is repeated)."""
    at = [a for a in at if a < stream.times[-1]]
    cuts = sorted(np.searchsorted(stream.times, at))
    index = []
    previous = 0
    for cut in cuts:
        index += list(range(previous, cut)) + [cut] * int(pause_s * stream.fps)
        previous = cut
    index += list(range(previous, len(stream.times)))
    times = np.arange(len(index)) / stream.fps + stream.times[0]
    return (LandmarkStream(stream.fps, times, stream.landmarks[index], stream.source, stream.aspect),
            lambda t: t + pause_s * sum(1 for a in sorted(at) if a <= t))
