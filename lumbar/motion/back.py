"""The curve of the lower back, from BlazePose's segmentation mask: a few numbers per frame, never pixels.

Lying on the back, seen from the side, the camera rarely sees daylight under the lower back (a webcam's
mask is too coarse for a finger's width, and an arm is often in front). What it does see is the top of the
body's outline: with the lower back arched, the trunk above it rises from the pelvis; as the lower back
flattens towards the floor in a posterior tilt, that rise shrinks. So the measure is

    back rise = (mean outline height over the lower trunk) - (mean outline height over the pelvis)

heights measured square to the hip-shoulder line, away from the floor, in torso lengths (so body size and
camera distance cancel): the lower trunk is LOWER_TRUNK of the way from hip to shoulder, the pelvis
PELVIS. It is a shape seen by the camera, not a measurement of the spine or any tissue.

The browser computes the same number from the same mask (static/lumbar/player/back_rise.js) and sends it
as the frame's optional `back` field; `lumbar analyze VIDEO` computes it here.
"""
from __future__ import annotations

import numpy as np

from .landmarks import LEFT_HIP, LEFT_KNEE, LEFT_SHOULDER, RIGHT_HIP, RIGHT_KNEE, RIGHT_SHOULDER

LOWER_TRUNK = (0.15, 0.55)   # along the trunk from the hip (0) to the shoulder (1)
PELVIS = (-0.15, 0.05)
COLUMNS = 9                  # columns sampled in each stretch
REACH = 0.6                  # how far from the hip-shoulder line a column looks, torso lengths, each way
STEPS = 121                  # samples per column
MASK_LEVEL = 0.5             # a mask value above this is the person


def back_rise(mask: np.ndarray, landmarks: np.ndarray, aspect: float) -> float:
    """The back rise of one frame (NaN if it cannot be measured): `mask` (H, W) of 0-1 values,
    `landmarks` (33, 4) normalised as BlazePose gives them, `aspect` the image's width / height."""
    height, width = mask.shape
    near = 0 if landmarks[[LEFT_SHOULDER, LEFT_HIP, LEFT_KNEE], 3].sum() >= landmarks[
        [RIGHT_SHOULDER, RIGHT_HIP, RIGHT_KNEE], 3].sum() else 1
    scale = np.array([aspect, 1.0])
    shoulder, hip = landmarks[[LEFT_SHOULDER + near, LEFT_HIP + near], :2] * scale
    torso = float(np.hypot(*(shoulder - hip)))
    if not np.isfinite(torso) or torso <= 0:
        return float("nan")
    along = (shoulder - hip) / torso
    up = np.array([along[1], -along[0]])
    if up[1] > 0:                              # image y grows downwards: "up" is away from the floor
        up = -up
    reach = np.linspace(-REACH, REACH, STEPS)
    tops = []
    for lo, hi in (LOWER_TRUNK, PELVIS):
        where = np.linspace(lo, hi, COLUMNS)
        points = hip + torso * (where[:, None, None] * along + reach[None, :, None] * up)   # (columns, steps, 2)
        x = np.rint(points[..., 0] / aspect * width).astype(int)
        y = np.rint(points[..., 1] * height).astype(int)
        inside = (x >= 0) & (x < width) & (y >= 0) & (y < height)
        on = np.zeros(x.shape, dtype=bool)
        on[inside] = mask[y[inside], x[inside]] > MASK_LEVEL
        seen = on.any(axis=1)
        if not seen.any():
            return float("nan")
        last = STEPS - 1 - np.argmax(on[:, ::-1], axis=1)        # the highest sample on the body
        tops.append(reach[last[seen]].mean())
    return float(tops[0] - tops[1])
