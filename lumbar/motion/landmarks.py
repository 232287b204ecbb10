"""Landmark streams in the design.md format: reading and validating them.

A document is `{"fps": 30.0, "source": "...", "frames": [{"t": 0.0333, "landmarks": [[x, y, z, v] x 33]}]}`
with BlazePose's 33 landmarks in its order, x and y normalised to the image width and height, `null`
landmarks where nobody was found. Optional `"width"` and `"height"` (pixels) give the image's aspect
ratio; without them 4:3 is assumed (the usual webcam and the shared clips). A frame may carry an optional
`"back"`: the back rise measured on the segmentation mask (back.py), a number or null; files without it
(most recordings) work the same. Anything malformed is refused
with a `LandmarksError` naming the frame and the field.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LANDMARK_COUNT = 33
DEFAULT_ASPECT = 4 / 3
# x and y are fractions of the picture (a point a little outside it is still real); z is on the scale of x.
# Anything this far out is no body point, and would overflow the arithmetic after it.
COORDINATE_LIMIT = 100.0
NOSE, LEFT_EAR, RIGHT_EAR = 0, 7, 8
LEFT_SHOULDER, RIGHT_SHOULDER = 11, 12
LEFT_HIP, RIGHT_HIP = 23, 24
LEFT_KNEE, RIGHT_KNEE = 25, 26
# BlazePose index of each landmark's mirror image (left <-> right).
MIRRORED = np.array([0, 4, 5, 6, 1, 2, 3, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15, 18, 17, 20, 19, 22, 21,
                     24, 23, 26, 25, 28, 27, 30, 29, 32, 31])


class LandmarksError(ValueError):
    """A landmarks document, frame or message is malformed; the message names where and what."""


@dataclass
class LandmarkStream:
    """A whole recording: times (N,), landmarks (N, 33, 4) with NaN rows where nobody was found."""

    fps: float
    times: np.ndarray
    landmarks: np.ndarray
    source: str = ""
    aspect: float = DEFAULT_ASPECT
    back: np.ndarray | None = None    # (N,) back rise per frame (NaN where not measured), if the source had it

    @property
    def found(self) -> np.ndarray:
        return ~np.isnan(self.landmarks[:, 0, 0])


def _finite(value) -> bool:
    """A JSON number usable as a float: not true/false, NaN or infinite, nor an integer too large for a float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer with hundreds of digits
        return False


def _too_large(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and not _finite(value)


def _number(value, where: str, *, positive: bool = False) -> float:
    if _too_large(value):
        raise LandmarksError(f"{where} is too large (a whole number of {len(str(value))} digits)")
    if not _finite(value):
        raise LandmarksError(f"{where} must be a finite number, not {json.dumps(value)[:40]}")
    if positive and value <= 0:
        raise LandmarksError(f"{where} must be positive, not {value}")
    return float(value)


def _as_array(value) -> np.ndarray | None:
    """Nested lists of numbers as a float array; None if they are not."""
    try:
        return np.array(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return None


def _usable(array: np.ndarray) -> bool:
    """Landmarks (..., 4) all finite, with coordinates within COORDINATE_LIMIT and visibilities from 0 to 1."""
    visibility = array[..., 3]        # (a NaN anywhere makes its extreme NaN, and each comparison false)
    return bool(np.abs(array[..., :3]).max() <= COORDINATE_LIMIT and 0 <= visibility.min() and visibility.max() <= 1)


def parse_landmarks(value, where: str) -> np.ndarray | None:
    """One frame's `landmarks` field -> (33, 4) float array, or None for `null` (nobody found)."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != LANDMARK_COUNT:
        count = f"{len(value)} landmarks" if isinstance(value, list) else type(value).__name__
        raise LandmarksError(f"{where}.landmarks must be a list of {LANDMARK_COUNT} landmarks, not {count}")
    array = _as_array(value)
    if array is not None and array.shape == (LANDMARK_COUNT, 4) and _usable(array):
        return array
    # something is wrong: walk the lists to name it
    for index, point in enumerate(value):
        if not isinstance(point, list) or len(point) != 4:
            raise LandmarksError(f"{where}.landmarks[{index}] must be [x, y, z, visibility]")
    if array is None or array.shape != (LANDMARK_COUNT, 4) or not np.isfinite(array).all():
        bad = next((i, j) for i, point in enumerate(value) for j, number in enumerate(point) if not _finite(number))
        field, number = ["x", "y", "z", "visibility"][bad[1]], value[bad[0]][bad[1]]
        if _too_large(number):
            raise LandmarksError(f"{where}.landmarks[{bad[0]}] {field}: a number in these frames is too large "
                                 f"(coordinates are fractions of the picture, from -{COORDINATE_LIMIT:g} to "
                                 f"{COORDINATE_LIMIT:g})")
        raise LandmarksError(f"{where}.landmarks[{bad[0]}] {field} must be a finite number, "
                             f"not {json.dumps(value[bad[0]][bad[1]])[:40]}")
    far = np.flatnonzero((np.abs(array[:, :3]) > COORDINATE_LIMIT).any(axis=1))
    if len(far):
        j = int(np.argmax(np.abs(array[far[0], :3]) > COORDINATE_LIMIT))
        raise LandmarksError(f"{where}.landmarks[{far[0]}] {'xyz'[j]} must be between -{COORDINATE_LIMIT:g} and "
                             f"{COORDINATE_LIMIT:g} (a fraction of the picture), not {array[far[0], j]:g}")
    outside = np.flatnonzero((array[:, 3] < 0) | (array[:, 3] > 1))
    if len(outside):
        raise LandmarksError(f"{where}.landmarks[{outside[0]}] visibility must be between 0 and 1, "
                             f"not {array[outside[0], 3]:g}")
    return array


def parse_frame(frame, where: str, previous_t: float | None = None) -> tuple[float, np.ndarray | None]:
    """One `{"t": ..., "landmarks": ...}` frame -> (t, array or None); `t` must increase."""
    if not isinstance(frame, dict):
        raise LandmarksError(f"{where} must be an object with t and landmarks")
    for key in ("t", "landmarks"):
        if key not in frame:
            raise LandmarksError(f"{where} has no {key}")
    t = _number(frame["t"], f"{where}.t")
    if previous_t is not None and t <= previous_t:
        raise LandmarksError(f"{where}.t is {t:g}, not after the previous frame's {previous_t:g}")
    return t, parse_landmarks(frame["landmarks"], where)


BACK_LIMIT = 10.0   # torso lengths: a back rise beyond this is no measurement


def parse_back(frame: dict, where: str) -> float:
    """A frame's optional `back` field -> float, NaN when absent or null."""
    value = frame.get("back")
    if value is None:
        return math.nan
    value = _number(value, f"{where}.back")
    if abs(value) > BACK_LIMIT:
        raise LandmarksError(f"{where}.back must be between -{BACK_LIMIT:g} and {BACK_LIMIT:g} "
                             f"(torso lengths), not {value:g}")
    return value


def parse_frames(frames: list, previous_t: float | None = None, first: int = 0
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A list of frames (numbered from `first` in messages; the first `t` must come after `previous_t`) ->
    times (k,), landmarks (k, 33, 4) with NaN rows where nobody was found, and back (k,) (NaN where absent)."""
    quick = _parse_valid_frames(frames, previous_t)
    if quick is not None:
        return quick
    # something is wrong: frame by frame, field by field, so that the error names the first problem
    times, back = np.empty(len(frames)), np.empty(len(frames))
    landmarks = np.full((len(frames), LANDMARK_COUNT, 4), np.nan)
    for i, frame in enumerate(frames):
        previous_t, points = parse_frame(frame, f"frame {first + i}", previous_t)
        times[i], back[i] = previous_t, parse_back(frame, f"frame {first + i}")
        if points is not None:
            landmarks[i] = points
    return times, landmarks, back


def _parse_valid_frames(frames: list, previous_t: float | None) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """parse_frames for frames that are all valid, with one numpy conversion of all the landmarks (the
    field-by-field checks cost more than everything else a live message needs); None if anything is not."""
    times, back, found, points = [], [], [], []
    for i, frame in enumerate(frames):
        if type(frame) is not dict or "landmarks" not in frame:
            return None
        t, rise, value = frame.get("t"), frame.get("back"), frame["landmarks"]
        if not _finite(t) or (previous_t is not None and not t > previous_t):
            return None
        if rise is not None and not (_finite(rise) and abs(rise) <= BACK_LIMIT):
            return None
        if value is not None:
            if type(value) is not list or len(value) != LANDMARK_COUNT:
                return None
            found.append(i)
            points.append(value)
        previous_t = t
        times.append(float(t))
        back.append(math.nan if rise is None else float(rise))
    landmarks = np.full((len(frames), LANDMARK_COUNT, 4), np.nan)
    if points:
        array = _as_array(points)
        if array is None or array.shape != (len(points), LANDMARK_COUNT, 4) or not _usable(array):
            return None
        landmarks[found] = array
    return np.array(times), landmarks, np.array(back)


def aspect_of(document: dict) -> float:
    """Image width / height from optional `width` and `height`, else 4:3."""
    if "width" in document or "height" in document:
        return _number(document.get("width"), "width", positive=True) / _number(
            document.get("height"), "height", positive=True)
    return DEFAULT_ASPECT


def parse_document(document) -> LandmarkStream:
    """A decoded landmarks document -> LandmarkStream."""
    if not isinstance(document, dict):
        raise LandmarksError("the landmarks file must be a JSON object with fps and frames")
    if "fps" not in document:
        raise LandmarksError("the landmarks file has no fps")
    fps = _number(document["fps"], "fps", positive=True)
    frames = document.get("frames")
    if not isinstance(frames, list) or not frames:
        raise LandmarksError("frames must be a non-empty list")
    times, landmarks, back = parse_frames(frames)
    source = document.get("source", "")
    return LandmarkStream(fps, times, landmarks, source if isinstance(source, str) else "", aspect_of(document),
                          back if not np.isnan(back).all() else None)


def to_document(stream: LandmarkStream) -> dict:
    """A stream as a landmarks document (the inverse of parse_document, `back` included where measured)."""
    frames = []
    for i, t in enumerate(stream.times.tolist()):
        points = stream.landmarks[i]
        frame = {"t": round(t, 4), "landmarks": None if np.isnan(points[0, 0]) else np.round(points, 5).tolist()}
        if stream.back is not None and not math.isnan(stream.back[i]):
            frame["back"] = round(float(stream.back[i]), 5)
        frames.append(frame)
    return {"fps": stream.fps, "source": stream.source, "width": round(stream.aspect * 1000), "height": 1000,
            "frames": frames}


def read_landmarks_file(path) -> LandmarkStream:
    """Read and validate a landmarks JSON file; every problem is a LandmarksError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LandmarksError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise LandmarksError(f"{path}: cannot be read ({error})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise LandmarksError(f"{path}: not valid JSON ({error})") from None
    try:
        return parse_document(document)
    except LandmarksError as error:
        raise LandmarksError(f"{path}: {error}") from None


def mirrored(landmarks: np.ndarray) -> np.ndarray:
    """The same pose seen in a mirror: x -> 1 - x and left/right landmarks swapped."""
    flipped = landmarks[..., MIRRORED, :].copy()
    flipped[..., 0] = 1.0 - flipped[..., 0]
    return flipped
