import numpy as np
import pytest

from lumbar.motion.analysis import analyze
from lumbar.motion.cues import CueWatcher
from lumbar.motion.landmarks import LandmarkStream
from lumbar.motion.repetitions import Half, Repetition
from lumbar.motion.tests.shared_data import SYNTHETIC, synthetic_clip


def cat_cow():
    if not SYNTHETIC.exists():
        pytest.skip(f"shared data not found at {SYNTHETIC}")
    return synthetic_clip("cat_cow")


def lift_head_in_cow(stream, truth, degrees=60.0):
    """The same cat-cow, but the face turned up by `degrees` whenever the back is well into cow."""
    landmarks = stream.landmarks.copy()
    cow = np.array(truth["per_frame"]["catcow"]) < -0.5
    scale = np.array([stream.aspect, 1.0])
    ears = landmarks[cow][:, [7, 8], :2].mean(axis=1) * scale
    face = landmarks[cow][:, 0, :2] * scale - ears
    forward = np.sign(landmarks[cow][:, 11, 0] - landmarks[cow][:, 23, 0])
    pitch = np.arctan2(-face[:, 1], face[:, 0] * forward) + np.radians(degrees)
    length = np.hypot(*face.T)
    nose = ears + np.stack([np.cos(pitch) * length * forward, -np.sin(pitch) * length], axis=1)
    landmarks[np.flatnonzero(cow), 0, :2] = nose / scale
    return LandmarkStream(stream.fps, stream.times, landmarks, stream.source, stream.aspect)


def test_a_head_lifted_to_look_up_in_cow_gets_the_neck_cue_and_a_neutral_neck_does_not():
    stream, truth = cat_cow()
    assert [c for c in analyze(stream, "cat-cow").cues if c.code == "neck"] == []
    cues = [c for c in analyze(lift_head_in_cow(stream, truth), "cat-cow").cues if c.code == "neck"]
    assert cues and "neck" in cues[0].message
    first_cow = next(t for t, v in zip(stream.times, truth["per_frame"]["catcow"]) if v < -0.5)
    assert first_cow <= cues[0].t < first_cow + 1.0
    assert cues[0].detail["lift_deg"] > 35


def test_halves_much_faster_than_the_tempo_get_the_tempo_cue():
    stream, _ = cat_cow()
    slow_enough = analyze(stream, "cat-cow", tempo_s=1.5).cues
    too_fast = analyze(stream, "cat-cow", tempo_s=10.0).cues
    assert not [c for c in slow_enough if c.code == "tempo"]
    tempo = [c for c in too_fast if c.code == "tempo"]
    assert tempo and tempo[0].detail["tempo_s"] == 10.0 and "10 seconds" in tempo[0].message
    assert all(b.t - a.t >= 15.0 for a, b in zip(tempo, tempo[1:]))     # not repeated within 15 s


def rep(number, swing, at):
    return Repetition(number, at, at + 2.0, swing, swing, halves=[Half(at, at + 2.0, 2.0, None, None, 1.0)])


def test_a_repetition_far_larger_than_the_demonstration_gets_the_range_cue():
    watcher = CueWatcher(tempo_s=None, watch_neck=False)
    assert watcher.on_repetition(rep(1, 1.0, 0.0)) == [] and watcher.on_repetition(rep(2, 1.1, 5.0)) == []
    assert watcher.on_repetition(rep(3, 1.4, 10.0)) == []
    [cue] = watcher.on_repetition(rep(4, 1.9, 15.0))
    assert cue.code == "range" and cue.detail == {"rep": 4, "range_ratio": 1.81}
    assert watcher.on_repetition(rep(5, 2.0, 20.0)) == []       # the same cue waits 15 s
    assert watcher.on_repetition(rep(6, 2.0, 35.0))[0].code == "range"
