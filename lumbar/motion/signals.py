"""Body measures from landmarks, robust to which side faces the camera, body size and distance.

Everything is an angle or a ratio of body lengths, computed in image units with x scaled by the aspect
ratio (normalised x and y are not the same length). The camera sees one side well and guesses the other,
so each measure is taken from both sides and blended by how well each side is seen (the minimum
visibility of its shoulder, hip and knee, averaged over about a second): the better-seen side wins
smoothly, without jumps when visibilities cross.

Two exercise signals:
- `thigh`, for the pelvic tilt (lying on the back, knees bent): the thigh's angle against the trunk's
  resting line (the shoulder-hip direction averaged over TRUNK_REST_S). With the feet planted, a posterior
  tilt rolls the pelvis and brings the knee towards the head, so the thigh turns a few degrees; the trunk
  moves a little the same way, so the plain trunk-thigh angle cancels part of the movement and the thigh
  alone against the still trunk line sees about twice as much of it for the same landmark jitter;
- `flexion`, the trunk-thigh flexion (180 degrees minus the shoulder-hip-knee angle), for the rest:
- cat-cow (hands and knees): rounding into cat tips the trunk down towards the vertical thighs and
  arching into cow tips it away, so the angle swings both ways about neutral;
- child's pose: from 0 degrees kneeling tall to about 170 degrees folded over the thighs.
"""
from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np

from .filters import OneEuroFilter
from .landmarks import (DEFAULT_ASPECT, LEFT_EAR, LEFT_HIP, LEFT_KNEE, LEFT_SHOULDER, NOSE, RIGHT_EAR,
                        RIGHT_HIP, RIGHT_KNEE, RIGHT_SHOULDER)

SIDES = [[LEFT_SHOULDER, LEFT_HIP, LEFT_KNEE, LEFT_EAR], [RIGHT_SHOULDER, RIGHT_HIP, RIGHT_KNEE, RIGHT_EAR]]
MIN_VISIBILITY = 0.2     # a side seen worse than this (on both sides) gives no measure
MIN_FACE_VISIBILITY = 0.5  # nose and an ear seen at least this well, or no head pitch
SIDE_SOFTNESS = 0.05     # visibility difference over which the blend moves from one side to the other
VISIBILITY_TAU_S = 1.0
JITTER_MIN_CUTOFF_HZ = 0.5  # One Euro filter on the points: cutoff when still...
JITTER_BETA = 5.0          # ...rising by this many Hz per (torso length per second) of speed
TRUNK_REST_S = 8.0       # time constant of the trunk's resting line (the thigh signal's reference)
SPEED_BASELINE_S = 0.5


@dataclass
class Features:
    """Per-frame measures for a batch (NaN where nobody was found or too little was seen)."""

    flexion: np.ndarray         # trunk-thigh flexion, degrees
    thigh: np.ndarray           # thigh flexion against the trunk's resting line, degrees
    shoulder_drop: np.ndarray   # how far the shoulder is below the hip, in torso lengths
    head_pitch: np.ndarray      # ear-to-nose direction above the forward horizontal, degrees
    torso_speed: np.ndarray     # movement of shoulders and hips over 0.5 s, torso lengths per second
    flexion_rate: np.ndarray    # change of flexion over 0.5 s, degrees per second (unsigned)


def flexion_deg(shoulder: np.ndarray, hip: np.ndarray, knee: np.ndarray) -> np.ndarray:
    """Trunk-thigh flexion: 180 degrees minus the unsigned shoulder-hip-knee angle, for (..., 2) points."""
    u, v = shoulder - hip, knee - hip
    cross = u[..., 0] * v[..., 1] - u[..., 1] * v[..., 0]
    return 180.0 - np.degrees(np.abs(np.arctan2(cross, (u * v).sum(-1))))


class FeatureExtractor:
    """Turns batches of frames into Features; keeps the little state the side blend and speed need."""

    def __init__(self, aspect: float = DEFAULT_ASPECT):
        self.aspect = aspect
        self._visibility: tuple[float, tuple[float, float]] | None = None   # (t, smoothed (left, right))
        self._recent: deque[tuple[float, np.ndarray, float]] = deque()   # (t, torso centre, flexion)
        self._trunk: tuple[float, np.ndarray] | None = None    # (t, resting trunk direction)
        self._jitter = OneEuroFilter(JITTER_MIN_CUTOFF_HZ, JITTER_BETA)
        self._torso: float | None = None       # the filter's unit of length

    def __call__(self, times: np.ndarray, landmarks: np.ndarray) -> Features:
        with np.errstate(invalid="ignore", divide="ignore"):     # degenerate frames give NaN: not seen
            return self._features(times, landmarks)

    def _features(self, times: np.ndarray, landmarks: np.ndarray) -> Features:
        sides = self._filtered(times, landmarks[:, SIDES, :2] * (self.aspect, 1.0))  # (n, side, point, xy)
        visibility = landmarks[:, SIDES, 3]
        left = self._left_weights(times, visibility[:, :, :3].min(axis=2))
        weights = np.stack([left, 1 - left], axis=1)
        flexion = (flexion_deg(sides[:, :, 0], sides[:, :, 1], sides[:, :, 2]) * weights).sum(axis=1)
        shoulder, hip, _, ear = (sides * weights[:, :, None, None]).sum(axis=1).transpose(1, 0, 2)
        torso = np.hypot(*(shoulder - hip).T)
        flexion[~(torso > 0)] = np.nan
        face = landmarks[:, NOSE, :2] * (self.aspect, 1.0) - ear
        pitch = np.degrees(np.arctan2(-face[:, 1], face[:, 0] * np.sign(shoulder[:, 0] - hip[:, 0])))
        face_seen = np.minimum(landmarks[:, NOSE, 3], visibility[:, :, 3].max(axis=1)) >= MIN_FACE_VISIBILITY
        torso_speed, flexion_rate = self._motion(times, (shoulder + hip) / 2, torso, flexion)
        knee = (sides[:, :, 2] * weights[:, :, None]).sum(axis=1)
        thigh = flexion_deg(hip + self._resting_trunk(times, (shoulder - hip) / torso[:, None]), hip, knee)
        thigh[np.isnan(flexion)] = np.nan
        return Features(flexion, thigh, (shoulder[:, 1] - hip[:, 1]) / torso, np.where(face_seen, pitch, np.nan),
                        torso_speed, flexion_rate)

    def _filtered(self, times: np.ndarray, points: np.ndarray) -> np.ndarray:
        """The points through the One Euro filter, frame by frame, in units of the first torso length seen
        (so that its speed rule is the same for a person near or far); a frame with nobody found stays NaN."""
        out = np.full_like(points, np.nan)
        lengths = np.hypot(*(points[:, :, 0] - points[:, :, 1]).transpose(2, 0, 1))   # (n, side)
        torso = np.fmax(lengths[:, 0], lengths[:, 1])
        for i, t in enumerate(times.tolist()):
            if not torso[i] > 0:
                continue
            if self._torso is None:
                self._torso = float(torso[i])
            out[i] = self._jitter(t, points[i] / self._torso) * self._torso
        return out

    def _resting_trunk(self, times: np.ndarray, direction: np.ndarray) -> np.ndarray:
        """The trunk's unit direction averaged over about TRUNK_REST_S, per frame (NaN rows skipped)."""
        rest = np.full_like(direction, np.nan)
        for i, (t, d) in enumerate(zip(times.tolist(), direction)):
            if np.isnan(d).any():
                continue
            if self._trunk is not None:
                last_t, last = self._trunk
                d = last + (1 - math.exp(-max(t - last_t, 0.0) / TRUNK_REST_S)) * (d - last)
            self._trunk = (t, d)
            rest[i] = d
        return rest

    def _left_weights(self, times: np.ndarray, sides: np.ndarray) -> np.ndarray:
        """Weight of the left side per frame from each side's (n, 2) visibility, smoothed over time."""
        weights = np.full(len(times), np.nan)
        for i, (t, (left, right)) in enumerate(zip(times.tolist(), sides.tolist())):
            if math.isnan(left):
                continue
            if self._visibility is not None:
                last_t, (last_left, last_right) = self._visibility
                share = 1 - math.exp(-max(t - last_t, 0.0) / VISIBILITY_TAU_S)
                left, right = last_left + share * (left - last_left), last_right + share * (right - last_right)
            self._visibility = (t, (left, right))
            if max(left, right) >= MIN_VISIBILITY:
                weights[i] = 1 / (1 + math.exp(-(left - right) / SIDE_SOFTNESS))
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
