"""Landmarks in, repetitions, holds and cues out: one code path for the live coach and for files.

Live: make a `MotionAnalyzer` per stream and `feed` it each message's frames (one or a few); it answers
with a `LiveUpdate` (rep count, glide score of each half just finished, hold time, new cues). Work per
frame is constant: features for the new frames, one step of the counter and the hold timer; a finished
half is filtered and scored once, over its own few seconds. Offline: `analyze(stream, exercise)` feeds
a whole recording the same way and returns an `Analysis` (`to_dict()` is the JSON of `lumbar analyze`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .calibration import Calibration, CalibrationRecorder
from .cues import Cue, CueWatcher
from .exercises import EXERCISES, Exercise
from .history import SignalHistory
from .holds import Hold, HoldTimer, in_child_pose, is_still
from .floor_space import FloorSpace, floor_space
from .landmarks import DEFAULT_ASPECT, LandmarkStream, parse_frames
from .repetitions import Repetition, RepetitionCounter
from .signals import FeatureExtractor

SIGNAL_NAMES = {"flexion": "trunk-thigh flexion (degrees)",
                "thigh": "thigh flexion against the resting trunk line (degrees)"}


def half_direction(exercise: Exercise, calibration: Calibration | None, index: int) -> str:
    """Name of a repetition's first (0) or second (1) half: which way the trunk-thigh flexion went."""
    rising = calibration is None or calibration.amplitude > 0
    return exercise.directions[index if rising else 1 - index]


@dataclass
class LiveUpdate:
    """The answer to one message of frames."""

    t: float | None
    person_found: bool
    calibration_stage: str      # "neutral", "demonstration" (waiting for them), "done", or "none" (holds)
    reps: int
    halves: list[dict] = field(default_factory=list)   # halves scored since the previous update
    hold_s: float | None = None                        # seconds into the current hold
    cues: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Analysis:
    exercise: Exercise
    fps: float
    times: np.ndarray
    signal: np.ndarray          # the exercise signal per frame (NaN where nobody was seen)
    found_share: float
    calibration: Calibration | None
    reps: list[Repetition]
    holds: list[Hold]
    cues: list[Cue]
    source: str = ""
    back: np.ndarray | None = None           # back rise per frame, where the source measured it
    floor_space: FloorSpace | None = None    # the back rise before and after the repetitions

    def half_direction(self, index: int) -> str:
        return half_direction(self.exercise, self.calibration, index)

    def to_dict(self) -> dict:
        def half(h, index):
            return {"direction": self.half_direction(index), "start": round(h.start, 3), "end": round(h.end, 3),
                    "duration": round(h.duration, 3), "moving_s": h.moving_s, "smoothness": h.sparc,
                    "glide": h.glide, "seen": h.seen}

        return {
            "exercise": self.exercise.name,
            "source": self.source,
            "fps": self.fps,
            "frames": len(self.times),
            "duration_s": round(float(self.times[-1] - self.times[0]) + 1 / self.fps, 3) if len(self.times) else 0.0,
            "person_found_share": round(self.found_share, 4),
            "signal": SIGNAL_NAMES[self.exercise.signal],
            "calibration": self.calibration.to_dict() if self.calibration else None,
            "reps": [{"number": r.number, "start": round(r.start, 3), "turn": round(r.turn, 3),
                      "end": None if r.end is None else round(r.end, 3), "range": round(r.peak, 3),
                      "halves": [half(h, i) for i, h in enumerate(r.halves)]} for r in self.reps],
            "holds": [{"start": round(h.start, 3), "end": round(h.end, 3), "duration": round(h.end - h.start, 3),
                       "seen_share": h.seen} for h in self.holds],
            "cues": [c.to_dict() for c in self.cues],
            "floor_space": self.floor_space.to_dict() if self.floor_space else None,
        }


class MotionAnalyzer:
    """One person's stream of frames for one exercise."""

    def __init__(self, exercise: str, *, fps: float = 30.0, aspect: float = DEFAULT_ASPECT,
                 calibration: Calibration | None = None, tempo_s: float | None = None, keep_s: float | None = 120.0):
        self.exercise = EXERCISES[exercise]
        self.fps = fps
        measures = {self.exercise.signal}
        if self.exercise.times_holds:
            measures |= {"shoulder_drop", "torso_speed", "flexion_rate"}
        if self.exercise.watches_neck:
            measures.add("head_pitch")
        self.features = FeatureExtractor(aspect, measures)     # only what this exercise looks at
        self.signal = SignalHistory(keep_s=keep_s)
        self.back = SignalHistory(keep_s=keep_s)
        self.frames = 0
        self.found = 0
        self.calibration = calibration
        self.recorder = CalibrationRecorder(fps, min_amplitude=self.exercise.min_amplitude)
        self.counter = RepetitionCounter(fps, keep_s=keep_s)
        self.holds = HoldTimer()
        self.cues = CueWatcher(tempo_s=tempo_s if tempo_s is not None else self.exercise.tempo_s,
                               watch_neck=self.exercise.watches_neck)
        self._last_t: float | None = None
        self._update: LiveUpdate | None = None

    def feed_frames(self, frames: list) -> LiveUpdate:
        """Frames as decoded JSON (a WebSocket message); a malformed one raises LandmarksError."""
        return self.feed(*parse_frames(frames, self._last_t, self.frames))

    def feed(self, times: np.ndarray, landmarks: np.ndarray, back: np.ndarray | None = None) -> LiveUpdate:
        """Validated frames: times (k,), landmarks (k, 33, 4) with NaN rows where nobody was found, and
        optionally the back rise (k,) measured on the segmentation mask (NaN where not measured)."""
        self._update = update = LiveUpdate(self._last_t, False, self._calibration_stage(), len(self.counter.reps))
        if not len(times):
            return update
        times = times.tolist()
        measured = self.features.measure(times, landmarks)
        signal = measured[self.exercise.signal]
        found = (~np.isnan(landmarks[:, 0, 0])).tolist()
        back = [math.nan] * len(times) if back is None else back.tolist()
        counts, holds, neck = self.exercise.counts_repetitions, self.exercise.times_holds, self.cues.watch_neck
        for i, t in enumerate(times):
            flexion = signal[i]
            self.frames += 1
            self.found += found[i]
            self.signal.append(t, flexion)
            self.back.append(t, back[i])
            self._last_t = t
            if counts:
                self._count(t, flexion)
            if holds:
                seen = not math.isnan(flexion)           # found, and seen well enough to measure
                pose = in_child_pose(flexion, measured["shoulder_drop"][i]) if seen else None
                self.holds.add(t, pose, is_still(measured["torso_speed"][i], measured["flexion_rate"][i]))
            if neck:
                self._cue(self.cues.on_frame(t, measured["head_pitch"][i]))
            update.t, update.person_found = t, found[i]
        update.reps = len(self.counter.reps)
        update.calibration_stage = self._calibration_stage()
        update.hold_s = round(self.holds.elapsed(update.t), 2) if self.holds.current else None
        return update

    def finish(self) -> Analysis:
        """End of the stream: close what is open and return the whole analysis."""
        self._update = LiveUpdate(self._last_t, False, self._calibration_stage(), len(self.counter.reps))
        for rep in self.counter.finish():
            self._scored(rep, 1)
        self.holds.finish()
        back = self.back.values.copy()
        return Analysis(self.exercise, self.fps, self.signal.times.copy(), self.signal.values.copy(),
                        self.found / self.frames if self.frames else 0.0, self.calibration, self.counter.reps,
                        self.holds.holds, self.cues.cues, back=None if np.isnan(back).all() else back,
                        floor_space=floor_space(self.back.times, back, self.counter.reps)
                        if self.exercise.counts_repetitions else None)

    def _calibration_stage(self) -> str:
        if not self.exercise.counts_repetitions:
            return "none"
        return "done" if self.calibration else self.recorder.stage

    def _count(self, t: float, flexion: float) -> None:
        if self.calibration is None:
            self.calibration = self.recorder.add(t, flexion)
            if self.calibration is None:
                return
            self.counter.start_at_rest(self.calibration.since)
            times, values = self.signal.times[:-1], self.signal.values[:-1]   # replay what came before
            after = times >= self.calibration.since
            for before, value in zip(times[after].tolist(), values[after].tolist()):
                self._step(before, value)
        self._step(t, flexion)

    def _step(self, t: float, flexion: float) -> None:
        for rep in self.counter.add(t, self.calibration.normalise(flexion)):
            if len(rep.halves) == 1:
                self._cue(self.cues.on_repetition(rep))
                self._scored(rep, 0)
            else:
                self._scored(rep, 1)

    def _scored(self, rep: Repetition, index: int) -> None:
        half = rep.halves[index]
        self._cue(self.cues.on_half(rep, half))
        self._update.halves.append({
            "rep": rep.number, "half": index + 1, "direction": half_direction(self.exercise, self.calibration, index),
            "start": round(half.start, 3), "end": round(half.end, 3), "smoothness": half.sparc, "glide": half.glide})

    def _cue(self, cues: list[Cue]) -> None:
        self._update.cues += [cue.to_dict() for cue in cues]


def analyze(stream: LandmarkStream, exercise: str, *, tempo_s: float | None = None, batch: int = 300,
            progress=None) -> Analysis:
    """A whole recording through the live code path; `progress(done, total)` is called per batch."""
    analyzer = MotionAnalyzer(exercise, fps=stream.fps, aspect=stream.aspect, tempo_s=tempo_s, keep_s=None)
    total = len(stream.times)
    for lo in range(0, total, batch):
        analyzer.feed(stream.times[lo:lo + batch], stream.landmarks[lo:lo + batch],
                      None if stream.back is None else stream.back[lo:lo + batch])
        if progress:
            progress(min(lo + batch, total), total)
    result = analyzer.finish()
    result.source = stream.source
    return result
