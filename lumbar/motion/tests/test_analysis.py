import json

import numpy as np
import pytest

from lumbar.motion.analysis import MotionAnalyzer, analyze
from lumbar.motion.landmarks import LandmarksError
from lumbar.motion.tests.shared_data import SYNTHETIC, synthetic_clip


def clip(name):
    if not SYNTHETIC.exists():
        pytest.skip(f"shared data not found at {SYNTHETIC}")
    return synthetic_clip(name)


def as_messages(stream, per_message):
    """The stream as the browser would send it: lists of JSON frames."""
    frames = [{"t": float(t), "landmarks": None if np.isnan(points[0, 0]) else points.tolist()}
              for t, points in zip(stream.times, stream.landmarks)]
    return [json.loads(json.dumps(frames[i:i + per_message])) for i in range(0, len(frames), per_message)]


def test_live_frame_by_frame_gives_what_the_offline_analysis_gives():
    stream, _ = clip("pelvic_tilt")
    offline = analyze(stream, "pelvic-tilt").to_dict()
    live = MotionAnalyzer("pelvic-tilt", fps=stream.fps)
    updates = [live.feed_frames(message) for message in as_messages(stream, 1)]
    assert live.finish().to_dict()["reps"] == offline["reps"]
    assert updates[-1].reps == len(offline["reps"]) == 6
    scored = [(h["rep"], h["half"], h["glide"]) for u in updates for h in u.halves]
    expected = [(r["number"], i + 1, h["glide"]) for r in offline["reps"] for i, h in enumerate(r["halves"])]
    assert sorted(scored) == sorted(expected[:-1])     # the last half ends when the stream does
    stages = [u.calibration_stage for u in updates]
    assert stages[0] == "neutral" and "demonstration" in stages and stages[-1] == "done"


def test_the_count_goes_up_while_the_person_is_still_moving():
    stream, truth = clip("cat_cow")
    live = MotionAnalyzer("cat-cow", fps=stream.fps)
    counted_at = {}
    for message in as_messages(stream, 3):
        update = live.feed_frames(message)
        counted_at.setdefault(update.reps, update.t)
    for number, rep in enumerate(truth["reps"], start=1):
        assert counted_at[number] < rep["end"]          # counted before the rep is over


def test_a_malformed_message_is_refused_by_name_and_changes_nothing():
    stream, _ = clip("cat_cow")
    live = MotionAnalyzer("cat-cow", fps=stream.fps)
    messages = as_messages(stream, 3)
    live.feed_frames(messages[0])
    bad = json.loads(json.dumps(messages[1]))
    bad[2]["landmarks"][0][3] = 2.0
    with pytest.raises(LandmarksError, match=r"frame 5\.landmarks\[0\] visibility"):
        live.feed_frames(bad)
    with pytest.raises(LandmarksError, match="frame 3.t is 0"):
        live.feed_frames(messages[0])                    # time going backwards
    assert live.frames == 3
    live.feed_frames(messages[1])
    assert live.frames == 6


def test_hold_time_is_reported_live_in_childs_pose():
    stream, truth = clip("childs_pose")
    live = MotionAnalyzer("child-pose", fps=stream.fps)
    holds = [live.feed_frames(m).hold_s for m in as_messages(stream, 3)]
    (start, end), = truth["holds"]
    at_ten_seconds = holds[int(10 * stream.fps / 3)]
    assert at_ten_seconds == pytest.approx(10 - start, abs=0.5)
    assert holds[0] is None and holds[-1] is None


def test_live_memory_stays_bounded_on_a_long_stream():
    stream, _ = clip("cat_cow")
    live = MotionAnalyzer("cat-cow", fps=stream.fps, keep_s=20.0)
    duration = stream.times[-1] + 1 / stream.fps
    for lap in range(6):
        live.feed(stream.times + lap * duration, stream.landmarks)
    assert len(live.signal) < 2 * 20 * stream.fps and len(live.counter.history) < 2 * 20 * stream.fps
    assert len(live.counter.reps) >= 25
