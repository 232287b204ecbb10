import importlib.util

import numpy as np
import pytest

from lumbar.motion.landmarks import read_landmarks_file
from lumbar.motion.tests.shared_data import SYNTHETIC

pytestmark = [
    pytest.mark.skipif(importlib.util.find_spec("mediapipe") is None,
                       reason="the video extra (mediapipe) is not installed"),
    pytest.mark.skipif(not SYNTHETIC.exists(), reason=f"shared data not found at {SYNTHETIC}"),
]


def test_landmarks_from_a_shared_clip_match_its_landmarks_file():
    from lumbar.motion.video import landmarks_from_video

    stream = landmarks_from_video(SYNTHETIC / "childs_pose.mp4")
    reference = read_landmarks_file(SYNTHETIC / "childs_pose_landmarks.json")
    assert stream.landmarks.shape == reference.landmarks.shape
    assert np.allclose(stream.landmarks, reference.landmarks, atol=1e-4, equal_nan=True)
    assert stream.aspect == pytest.approx(4 / 3)
