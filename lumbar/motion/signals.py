"""Body measures from landmarks, robust to which side faces the camera, body size and distance.

Everything is an angle or a ratio of body lengths, computed in image units with x scaled by the aspect
ratio (normalised x and y are not the same length). The camera sees one side well and guesses the other,
so each measure is taken from both sides and blended by how well each side is seen (the minimum
visibility of its shoulder, hip and knee, averaged over about a second): the better-seen side wins
smoothly, without jumps when visibilities cross.

The exercise signal is the trunk-thigh flexion (180 degrees minus the shoulder-hip-knee angle):
- pelvic tilt (lying on the back, knees bent): a posterior tilt rolls the hip up off the knee-shoulder
  chord and brings the knee towards the head, so the angle closes by a few degrees;
- cat-cow (hands and knees): rounding into cat tips the trunk down towards the vertical thighs and
  arching into cow tips it away, so the angle swings both ways about neutral;
- child's pose: from 0 degrees kneeling tall to about 170 degrees folded over the thighs.
"""
from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np

from .landmarks import (DEFAULT_ASPECT, LEFT_EAR, LEFT_HIP, LEFT_KNEE, LEFT_SHOULDER, NOSE, RIGHT_EAR,
                        RIGHT_HIP, RIGHT_KNEE, RIGHT_SHOULDER)

SIDES = ((LEFT_SHOULDER, LEFT_HIP, LEFT_KNEE, LEFT_EAR), (RIGHT_SHOULDER, RIGHT_HIP, RIGHT_KNEE, RIGHT_EAR))
MIN_VISIBILITY = 0.2     # a side seen worse than this (on both sides) gives no measure
MIN_FACE_VISIBILITY = 0.5  # nose and an ear seen at least this well, or no head pitch
SIDE_SOFTNESS = 0.05     # visibility difference over which the blend moves from one side to the other
VISIBILITY_TAU_S = 1.0
SPEED_BASELINE_S = 0.5


@dataclass
class Features:
    """Per-frame measures for a batch (NaN where nobody was found or too little was seen)."""

    flexion: np.ndarray         # trunk-thigh flexion, degrees (the exercise signal)
    shoulder_drop: np.ndarray   # how far the shoulder is below the hip, in torso lengths
    head_pitch: np.ndarray      # ear-to-nose direction above the forward horizontal, degrees
    torso_speed: np.ndarray     # movement of shoulders and hips over 0.5 s, torso lengths per second
    flexion_rate: np.ndarray    # change of flexion over 0.5 s, degrees per second (unsigned)


def angle_deg(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Unsigned angle ABC in degrees for (N, 2) points."""
    u, v = a - b, c - b
    cosine = (u * v).sum(-1) / (np.linalg.norm(u, axis=-1) * np.linalg.norm(v, axis=-1))
    return np.degrees(np.arccos(np.clip(cosine, -1.0, 1.0)))


class FeatureExtractor:
    """Turns batches of frames into Features; keeps the little state the side blend and speed need."""

    def __init__(self, aspect: float = DEFAULT_ASPECT):
        self.aspect = aspect
        self._visibility: tuple[float, np.ndarray] | None = None   # (t, smoothed left/right visibility)
        self._recent: deque[tuple[float, np.ndarray, float]] = deque()   # (t, torso centre, flexion)

    def __call__(self, times: np.ndarray, landmarks: np.ndarray) -> Features:
        points = landmarks[..., :2] * (self.aspect, 1.0)
        left = self._left_weights(times, landmarks[..., 3])
        flexion = [180.0 - angle_deg(points[:, s], points[:, h], points[:, k]) for s, h, k, _ in SIDES]

        def blend(index_left: int, index_right: int) -> np.ndarray:
            return left[:, None] * points[:, index_left] + (1 - left[:, None]) * points[:, index_right]

        shoulder, hip = blend(LEFT_SHOULDER, RIGHT_SHOULDER), blend(LEFT_HIP, RIGHT_HIP)
        torso = np.linalg.norm(shoulder - hip, axis=-1)
        face = points[:, NOSE] - blend(LEFT_EAR, RIGHT_EAR)
        forward = np.sign(shoulder[:, 0] - hip[:, 0])
        visibility = landmarks[..., 3]
        face_seen = np.minimum(visibility[:, NOSE], np.maximum(visibility[:, LEFT_EAR], visibility[:, RIGHT_EAR]))
        pitch = np.degrees(np.arctan2(-face[:, 1], face[:, 0] * forward))
        flexion = left * flexion[0] + (1 - left) * flexion[1]
        torso_speed, flexion_rate = self._motion(times, (shoulder + hip) / 2, torso, flexion)
        return Features(flexion, (shoulder[:, 1] - hip[:, 1]) / torso,
                        np.where(face_seen >= MIN_FACE_VISIBILITY, pitch, np.nan), torso_speed, flexion_rate)

    def _left_weights(self, times: np.ndarray, visibility: np.ndarray) -> np.ndarray:
        sides = np.stack([visibility[:, [s, h, k]].min(axis=1) for s, h, k, _ in SIDES], axis=1)
        weights = np.full(len(times), np.nan)
        for i, t in enumerate(times):
            if np.isnan(sides[i, 0]):
                continue
            smooth = sides[i]
            if self._visibility is not None:
                last_t, last = self._visibility
                smooth = last + (1 - math.exp(-max(t - last_t, 0.0) / VISIBILITY_TAU_S)) * (smooth - last)
            self._visibility = (t, smooth)
            if smooth.max() >= MIN_VISIBILITY:
                weights[i] = 1 / (1 + math.exp(-(smooth[0] - smooth[1]) / SIDE_SOFTNESS))
        return weights

    def _motion(self, times, centre, torso, flexion) -> tuple[np.ndarray, np.ndarray]:
        """Torso speed and flexion rate over the last SPEED_BASELINE_S (jitter averages out); NaN after a gap."""
        speed, rate = np.full(len(times), np.nan), np.full(len(times), np.nan)
        recent = self._recent
        for i, t in enumerate(times.tolist()):
            if math.isnan(flexion[i]):
                continue
            while recent and t - recent[0][0] > SPEED_BASELINE_S:
                recent.popleft()
            if recent and t - recent[0][0] >= SPEED_BASELINE_S / 2:
                then, where, bent = recent[0]
                speed[i] = math.hypot(*(centre[i] - where)) / (t - then) / torso[i]
                rate[i] = abs(flexion[i] - bent) / (t - then)
            recent.append((t, centre[i], flexion[i]))
        return speed, rate
