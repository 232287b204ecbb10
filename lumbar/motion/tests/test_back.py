"""The back rise from a segmentation mask, the optional `back` field and the floor-space comparison."""
import math

import numpy as np
import pytest

from lumbar.motion.back import back_rise
from lumbar.motion.floor_space import CHANGE_LINE, floor_space
from lumbar.motion.landmarks import LandmarksError, parse_back, parse_document
from lumbar.motion.repetitions import Repetition

WIDTH, HEIGHT = 640, 480


def lying_person(rise_px: float, head_right: bool = True):
    """A mask of a person lying on the floor, seen from the side, whose trunk outline rises `rise_px` above
    the pelvis's over the lower trunk; and landmarks with hip at x=250 and shoulder at x=400 (px)."""
    mask = np.zeros((HEIGHT, WIDTH))
    floor = 300
    mask[floor - 40:floor, 200:460] = 1.0                                  # pelvis to shoulders, 40 px thick
    mask[floor - 40 - int(rise_px):floor - 40, 270:330] = 1.0              # the lower trunk rises above
    landmarks = np.zeros((33, 4))
    landmarks[:, 3] = 0.9
    hip, shoulder, knee = (250, floor - 20), (400, floor - 20), (180, floor - 80)
    for index, (x, y) in ((23, hip), (24, hip), (11, shoulder), (12, shoulder), (25, knee), (26, knee)):
        landmarks[index, :2] = (x / WIDTH, y / HEIGHT)
    if not head_right:
        mask = mask[:, ::-1].copy()
        landmarks[:, 0] = 1 - landmarks[:, 0]
    return mask, landmarks


@pytest.mark.parametrize("head_right", [True, False])
def test_back_rise_is_the_lower_trunk_outline_above_the_pelvis_in_torso_lengths(head_right):
    flat = back_rise(*lying_person(0, head_right), WIDTH / HEIGHT)
    arched = back_rise(*lying_person(15, head_right), WIDTH / HEIGHT)
    assert flat == pytest.approx(0.0, abs=0.01)
    assert arched == pytest.approx(15 / 150, abs=0.02)     # 15 px over a 150 px torso


def test_back_rise_is_nan_without_a_body_or_a_torso():
    mask, landmarks = lying_person(10)
    assert math.isnan(back_rise(np.zeros_like(mask), landmarks, WIDTH / HEIGHT))
    landmarks[[11, 12], :2] = landmarks[[23, 24], :2]
    assert math.isnan(back_rise(mask, landmarks, WIDTH / HEIGHT))


def test_the_back_field_is_optional_and_checked():
    points = [[0.5, 0.5, 0.0, 0.9]] * 33
    stream = parse_document({"fps": 30, "frames": [{"t": 0.0, "landmarks": points}, {"t": 0.1, "landmarks": points}]})
    assert stream.back is None
    stream = parse_document({"fps": 30, "frames": [{"t": 0.0, "landmarks": points, "back": 0.05},
                                                   {"t": 0.1, "landmarks": None, "back": None}]})
    assert stream.back[0] == 0.05 and math.isnan(stream.back[1])
    for bad, says in (("high", "finite number"), (True, "finite number"), (50, "between -10 and 10")):
        with pytest.raises(LandmarksError, match=f"frame 3.back must be .*{says}|{says}"):
            parse_back({"back": bad}, "frame 3")


def rep(start, end):
    return Repetition(1, start, (start + end) / 2, 1.0, 1.0, end=end)


def test_floor_space_compares_the_rest_before_and_after():
    times = np.arange(0, 30, 1 / 30)
    back = np.where(times < 10, 0.08, 0.05) + np.random.default_rng(1).normal(0, 0.003, len(times))
    result = floor_space(times, back, [rep(5.0, 8.0), rep(10.0, 20.0)])
    assert result.change == "flatter"
    assert result.before == pytest.approx(0.08, abs=0.003) and result.after == pytest.approx(0.05, abs=0.003)
    same = floor_space(times, np.full(len(times), 0.07) + (times > 20) * CHANGE_LINE / 2, [rep(5.0, 20.0)])
    assert same.change == "same"
    assert floor_space(times, back * np.nan, [rep(5.0, 20.0)]) is None        # no mask: no comparison
    assert floor_space(times, back, []) is None
    assert floor_space(times, back, [rep(0.5, 29.5)]) is None                  # no rest measured around them


def test_a_stream_with_back_rise_round_trips_through_its_document():
    from lumbar.motion.landmarks import to_document
    points = [[0.5, 0.5, 0.0, 0.9]] * 33
    stream = parse_document({"fps": 30, "width": 640, "height": 480, "frames": [
        {"t": 0.0, "landmarks": points, "back": 0.05}, {"t": 0.1, "landmarks": None}]})
    again = parse_document(to_document(stream))
    assert again.aspect == pytest.approx(4 / 3, abs=1e-3)
    assert np.allclose(again.landmarks, stream.landmarks, equal_nan=True)
    assert np.allclose(again.back, stream.back, equal_nan=True)
