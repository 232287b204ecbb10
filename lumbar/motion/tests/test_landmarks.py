import json

import numpy as np
import pytest

from lumbar.motion.landmarks import (LANDMARK_COUNT, LandmarksError, mirrored, parse_document, parse_frame,
                                     read_landmarks_file)


def point(x=0.5, y=0.5, z=0.0, visibility=0.9):
    return [x, y, z, visibility]


def document(frames, **extra):
    return {"fps": 30.0, "source": "test", "frames": frames, **extra}


def frame(t, landmarks="default"):
    return {"t": t, "landmarks": [point() for _ in range(LANDMARK_COUNT)] if landmarks == "default" else landmarks}


def test_a_valid_document_becomes_arrays_with_nan_rows_where_nobody_was_found():
    stream = parse_document(document([frame(0.0), frame(0.033, None), frame(0.067)]))
    assert stream.landmarks.shape == (3, 33, 4)
    assert stream.found.tolist() == [True, False, True]
    assert stream.fps == 30.0 and stream.aspect == pytest.approx(4 / 3)


def test_width_and_height_give_the_aspect_ratio():
    assert parse_document(document([frame(0.0)], width=1280, height=720)).aspect == pytest.approx(16 / 9)


def bad(frames, **extra):
    with pytest.raises(LandmarksError) as error:
        parse_document(document(frames, **extra))
    return str(error.value)


def test_a_wrong_landmark_count_names_the_frame_and_the_count():
    message = bad([frame(0.0), frame(0.033, [point()] * 17)])
    assert "frame 1" in message and "33 landmarks" in message and "17" in message


def test_a_landmark_of_the_wrong_shape_names_the_frame_and_the_landmark():
    landmarks = [point()] * LANDMARK_COUNT
    landmarks[5] = [0.5, 0.5, 0.0]
    message = bad([frame(0.0, landmarks)])
    assert "frame 0" in message and "landmarks[5]" in message


def test_nan_names_the_frame_the_landmark_and_the_field():
    landmarks = [point() for _ in range(LANDMARK_COUNT)]
    landmarks[12][1] = float("nan")
    message = bad([frame(0.0), frame(0.033), frame(0.067, landmarks)])
    assert "frame 2" in message and "landmarks[12]" in message and "y" in message and "NaN" in message


def test_text_instead_of_a_number_is_refused():
    landmarks = [point() for _ in range(LANDMARK_COUNT)]
    landmarks[0][2] = "deep"
    message = bad([frame(0.0, landmarks)])
    assert "frame 0" in message and "landmarks[0] z" in message


def test_visibility_outside_0_to_1_names_the_frame_and_field():
    landmarks = [point() for _ in range(LANDMARK_COUNT)]
    landmarks[25][3] = 1.7
    message = bad([frame(0.0), frame(0.033, landmarks)])
    assert "frame 1" in message and "landmarks[25]" in message and "visibility" in message and "1.7" in message


def test_time_that_does_not_increase_names_the_frame():
    message = bad([frame(0.0), frame(0.033), frame(0.033)])
    assert "frame 2" in message and "t" in message and "after the previous" in message


def test_missing_fields_and_wrong_types_are_named():
    assert "frame 0 has no t" in bad([{"landmarks": None}])
    assert "frame 1 must be an object" in bad([frame(0.0), [1, 2]])
    assert "frames" in bad([])
    with pytest.raises(LandmarksError, match="fps"):
        parse_document({"frames": [frame(0.0)]})
    with pytest.raises(LandmarksError, match="fps must be positive"):
        parse_document({"fps": 0, "frames": [frame(0.0)]})


def test_a_single_frame_from_a_live_message_is_checked_against_the_previous_time():
    t, points = parse_frame(frame(1.0), "frame 7", previous_t=0.9)
    assert t == 1.0 and points.shape == (33, 4)
    with pytest.raises(LandmarksError, match="frame 8.t is 0.5"):
        parse_frame(frame(0.5), "frame 8", previous_t=1.0)


def test_reading_a_file_names_the_file_and_the_problem(tmp_path):
    with pytest.raises(LandmarksError, match="no such file"):
        read_landmarks_file(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"fps": 30, "frames": [')
    with pytest.raises(LandmarksError, match="broken.json: not valid JSON"):
        read_landmarks_file(broken)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(document([frame(0.0), frame(0.033, None)])))
    assert read_landmarks_file(good).found.tolist() == [True, False]


def test_mirroring_swaps_sides_and_flips_x():
    landmarks = np.random.default_rng(0).random((2, 33, 4))
    flipped = mirrored(landmarks)
    assert np.allclose(flipped[:, 12, 0], 1 - landmarks[:, 11, 0])
    assert np.allclose(flipped[:, 0, 1], landmarks[:, 0, 1])
    assert np.allclose(mirrored(flipped), landmarks)


def test_a_message_of_frames_reads_as_frame_by_frame_does():
    from lumbar.motion.landmarks import parse_frames
    rng = np.random.default_rng(0)
    frames = [{"t": 0.1 * (i + 1), "landmarks": rng.uniform(0, 1, (LANDMARK_COUNT, 4)).tolist(), "back": 0.1 * i}
              for i in range(4)]
    frames[2] = {"t": 0.3, "landmarks": None}
    times, landmarks, back = parse_frames(frames, previous_t=0.05)
    expected = [parse_frame(f, f"frame {i}") for i, f in enumerate(frames)]
    assert times.tolist() == [t for t, _ in expected]
    assert np.array_equal(landmarks[[0, 1, 3]], np.array([p for _, p in expected if p is not None]))
    assert np.isnan(landmarks[2]).all() and np.isnan(back[2]) and back[3] == pytest.approx(0.3)


def test_a_message_of_frames_names_its_first_problem_in_order():
    from lumbar.motion.landmarks import parse_frames
    landmarks = [point() for _ in range(LANDMARK_COUNT)]
    landmarks[4][0] = float("inf")
    frames = [frame(0.1), frame(0.2, landmarks), frame(0.2)]      # frame 2's time is wrong too, but later
    with pytest.raises(LandmarksError, match=r"^frame 8\.landmarks\[4\] x must be a finite number"):
        parse_frames(frames, previous_t=0.0, first=7)
    with pytest.raises(LandmarksError, match=r"^frame 7\.t is 0\.1, not after the previous frame's 0\.5"):
        parse_frames(frames, previous_t=0.5, first=7)
    with pytest.raises(LandmarksError, match=r"^frame 1\.back must be between"):
        parse_frames([frame(0.1), {**frame(0.2), "back": 11}])


def test_landmarks_nested_one_level_too_deep_are_named_not_passed_on():
    message = bad([frame(0.0, [[[0.5], [0.5], [0.0], [0.9]] for _ in range(LANDMARK_COUNT)])])
    assert "frame 0" in message and "landmarks[0] x must be a finite number" in message
