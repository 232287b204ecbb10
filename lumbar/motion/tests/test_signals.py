import numpy as np
import pytest

from lumbar.motion.analysis import analyze
from lumbar.motion.landmarks import LandmarkStream, mirrored
from lumbar.motion.signals import FeatureExtractor
from lumbar.motion.tests import perturb
from lumbar.motion.tests.shared_data import SYNTHETIC, synthetic_clip


def clip(name):
    if not SYNTHETIC.exists():
        pytest.skip(f"shared data not found at {SYNTHETIC}")
    return synthetic_clip(name)


def moved(stream, scale, dx, dy):
    landmarks = stream.landmarks.copy()
    landmarks[..., 0] = landmarks[..., 0] * scale + dx
    landmarks[..., 1] = landmarks[..., 1] * scale + dy
    return LandmarkStream(stream.fps, stream.times, landmarks, stream.source, stream.aspect)


@pytest.mark.parametrize("name", ["pelvic_tilt", "cat_cow", "childs_pose"])
def test_the_signal_does_not_change_with_side_size_or_place(name):
    stream, _ = clip(name)
    original = FeatureExtractor()(stream.times, stream.landmarks)
    for landmarks in (mirrored(stream.landmarks), moved(stream, 0.5, 0.3, 0.2).landmarks):
        other = FeatureExtractor()(stream.times, landmarks)
        assert np.allclose(other.flexion, original.flexion, atol=1e-6)
        assert np.allclose(other.head_pitch, original.head_pitch, atol=1e-6, equal_nan=True)


@pytest.mark.parametrize("name", ["pelvic_tilt", "cat_cow"])
def test_mirrored_smaller_and_moved_gives_the_same_repetitions(name):
    stream, truth = clip(name)
    original = analyze(stream, truth["exercise"])
    harder, _ = perturb.mirror_and_rescale(stream)
    other = analyze(harder, truth["exercise"])
    assert len(other.reps) == len(original.reps) == len(truth["reps"])
    assert [r.turn for r in other.reps] == pytest.approx([r.turn for r in original.reps], abs=0.05)
    assert [h.glide for r in other.reps for h in r.halves] == pytest.approx(
        [h.glide for r in original.reps for h in r.halves], abs=2)


def test_the_better_seen_side_is_used():
    stream, truth = clip("pelvic_tilt")
    landmarks = stream.landmarks.copy()
    landmarks[:, 12, :2] += 0.2               # the right shoulder is nonsense ...
    landmarks[:, [12, 24, 26], 3] = 0.05      # ... and the model says it barely sees the right side
    wrong_side = FeatureExtractor()(stream.times, landmarks)
    assert np.allclose(wrong_side.flexion, FeatureExtractor()(stream.times, stream.landmarks).flexion, atol=0.5)
    assert np.corrcoef(wrong_side.flexion, truth["per_frame"]["tilt_deg"])[0, 1] > 0.9


def test_nobody_found_gives_nan_measures():
    stream, _ = clip("cat_cow")
    landmarks = stream.landmarks.copy()
    landmarks[10:20] = np.nan
    features = FeatureExtractor()(stream.times, landmarks)
    assert np.isnan(features.flexion[10:20]).all() and not np.isnan(features.flexion[20:]).any()


def test_the_one_euro_filter_calms_a_still_point_and_follows_a_moving_one():
    from lumbar.motion.filters import OneEuroFilter
    rng = np.random.default_rng(0)
    times = np.arange(0, 4, 1 / 30)
    still = 0.5 + rng.normal(0, 0.01, len(times))
    calm = OneEuroFilter(0.5, 5.0)
    filtered = np.array([calm(t, np.array([x]))[0] for t, x in zip(times, still)])
    assert filtered[30:].std() < still[30:].std() / 2.5
    moving = np.minimum(times, 2.0)                      # one unit a second, then stop
    follow = OneEuroFilter(0.5, 5.0)
    tracked = np.array([follow(t, np.array([x]))[0] for t, x in zip(times, moving)])
    assert abs(tracked[59] - moving[59]) < 0.1 and abs(tracked[-1] - 2.0) < 0.01
    gap = OneEuroFilter(0.5, 5.0)
    gap(0.0, np.array([1.0, np.nan]))
    assert gap(0.1, np.array([np.nan, 3.0])).tolist()[1] == 3.0      # first seen: starts there


@pytest.mark.parametrize("measures", [{"thigh"}, {"head_pitch"}, {"shoulder_drop", "torso_speed"}])
def test_asking_for_some_measures_gives_them_as_asking_for_all_does(measures):
    stream, _ = clip("cat_cow")
    landmarks = stream.landmarks.copy()
    landmarks[40:50] = np.nan                      # nobody found for a while
    every = FeatureExtractor()(stream.times, landmarks)
    extractor = FeatureExtractor(measures=measures)
    parts = [extractor(stream.times[i:i + 3], landmarks[i:i + 3]) for i in range(0, len(stream.times), 3)]
    some = {name: np.concatenate([getattr(part, name) for part in parts]) for name in every.__dict__}
    asked = measures | {"flexion"} | ({"flexion_rate"} if "torso_speed" in measures else set())
    for name, values in every.__dict__.items():
        if name in asked:
            assert np.allclose(some[name], values, rtol=0, atol=1e-9, equal_nan=True), name
        else:
            assert np.isnan(some[name]).all(), name


def test_an_unknown_measure_is_refused():
    with pytest.raises(ValueError, match="unknown measures: tilt"):
        FeatureExtractor(measures={"flexion", "tilt"})


def test_the_one_euro_filter_gives_the_same_on_lists_and_arrays():
    from lumbar.motion.filters import OneEuroFilter
    rng = np.random.default_rng(1)
    on_lists, on_arrays = OneEuroFilter(0.5, 5.0), OneEuroFilter(0.5, 5.0)
    for t in np.arange(0, 2, 1 / 30):
        values = rng.normal(0, 1, (2, 3))
        values[0, 1] = np.nan if t < 1 else values[0, 1]
        assert np.array_equal(on_arrays(t, values), np.array(on_lists.step(t, values.ravel().tolist())).reshape(2, 3),
                              equal_nan=True)
