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

The work is recursive (filters, running averages) and a live message carries only a few frames, so it is
done frame by frame in plain floats, where small numpy arrays would cost more than the arithmetic. An
extractor computes only the measures it is asked for (`MEASURES`; the others stay NaN).
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
MEASURES = ("flexion", "thigh", "shoulder_drop", "head_pitch", "torso_speed", "flexion_rate")
NAN = math.nan
_READ = [*SIDES[0], *SIDES[1], NOSE]     # the landmarks read from each frame, in this order


@dataclass
class Features:
    """Per-frame measures for a batch (NaN where nobody was found, too little was seen, or not asked for)."""

    flexion: np.ndarray         # trunk-thigh flexion, degrees
    thigh: np.ndarray           # thigh flexion against the trunk's resting line, degrees
    shoulder_drop: np.ndarray   # how far the shoulder is below the hip, in torso lengths
    head_pitch: np.ndarray      # ear-to-nose direction above the forward horizontal, degrees
    torso_speed: np.ndarray     # movement of shoulders and hips over 0.5 s, torso lengths per second
    flexion_rate: np.ndarray    # change of flexion over 0.5 s, degrees per second (unsigned)


def flexion_deg(sx: float, sy: float, hx: float, hy: float, kx: float, ky: float) -> float:
    """Trunk-thigh flexion: 180 degrees minus the unsigned angle at the hip between shoulder and knee."""
    ux, uy, vx, vy = sx - hx, sy - hy, kx - hx, ky - hy
    return 180.0 - math.degrees(abs(math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)))


def _min3(a: float, b: float, c: float) -> float:
    """The smallest of three numbers; NaN if any is NaN."""
    return NAN if a != a or b != b or c != c else min(a, b, c)


def _share(dt: float, tau: float) -> float:
    """How far an average with time constant `tau` moves towards a new value after `dt` seconds."""
    return 1 - math.exp(-max(dt, 0.0) / tau)


def _sign(x: float) -> float:
    return 1.0 if x > 0 else -1.0 if x < 0 else 0.0 if x == 0 else x


class FeatureExtractor:
    """Turns batches of frames into measures; keeps the little state the side blend, filters and speed need.

    `measures` names those to compute (default: all); flexion always is, since it also says whether a frame
    was seen well enough. The head's points pass the jitter filter only when head pitch is asked for."""

    def __init__(self, aspect: float = DEFAULT_ASPECT, measures=MEASURES):
        unknown = set(measures) - set(MEASURES)
        if unknown:
            raise ValueError(f"unknown measures: {', '.join(sorted(unknown))}")
        wanted = {"flexion", *measures}
        if wanted & {"torso_speed", "flexion_rate"}:     # measured together
            wanted |= {"torso_speed", "flexion_rate"}
        self.aspect = aspect
        self.measures = tuple(name for name in MEASURES if name in wanted)
        self._thigh, self._drop = "thigh" in wanted, "shoulder_drop" in wanted
        self._head, self._motion = "head_pitch" in wanted, "torso_speed" in wanted
        self._filter_points = 4 if self._head else 3     # per side: shoulder, hip, knee (and ear)
        self._visibility: tuple[float, float, float] | None = None   # (t, smoothed left, smoothed right)
        self._recent: deque[tuple[float, float, float, float]] = deque()   # (t, torso centre x and y, flexion)
        self._trunk: tuple[float, float, float] | None = None    # (t, resting trunk direction x and y)
        self._jitter = OneEuroFilter(JITTER_MIN_CUTOFF_HZ, JITTER_BETA)
        self._torso: float | None = None       # the filter's unit of length

    def __call__(self, times: np.ndarray, landmarks: np.ndarray) -> Features:
        measured = self.measure(np.asarray(times, dtype=float).tolist(), landmarks)
        return Features(*(np.array(measured[name], dtype=float) if name in measured else np.full(len(times), np.nan)
                          for name in MEASURES))

    def measure(self, times: list[float], landmarks: np.ndarray) -> dict[str, list[float]]:
        """The measures asked for, of frames at `times` with `landmarks` (k, 33, 4): name -> k floats."""
        out = {name: [] for name in MEASURES}
        for t, points in zip(times, landmarks[:, _READ].tolist()):
            self._frame(t, points, out)
        return {name: out[name] for name in self.measures}

    def _frame(self, t: float, points: list, out: dict[str, list[float]]) -> None:
        sides = self._filtered(t, points)
        left = self._left_weight(t, points)
        if sides is None or math.isnan(left):    # nobody found, or neither side seen well enough
            for name in self.measures:
                out[name].append(NAN)
            return
        right = 1 - left
        n = 2 * self._filter_points
        ls, rs = sides[:n], sides[n:]
        lsx, lsy, lhx, lhy, lkx, lky = ls[:6]
        rsx, rsy, rhx, rhy, rkx, rky = rs[:6]
        flexion = (flexion_deg(lsx, lsy, lhx, lhy, lkx, lky) * left
                   + flexion_deg(rsx, rsy, rhx, rhy, rkx, rky) * right)
        sx, sy = lsx * left + rsx * right, lsy * left + rsy * right
        hx, hy = lhx * left + rhx * right, lhy * left + rhy * right
        torso = math.hypot(sx - hx, sy - hy)
        if not torso > 0:
            flexion = NAN
        out["flexion"].append(flexion)
        if self._thigh:
            rest = self._resting_trunk(t, (sx - hx) / torso, (sy - hy) / torso) if torso else None
            out["thigh"].append(NAN if rest is None or math.isnan(flexion) else flexion_deg(
                hx + rest[0], hy + rest[1], hx, hy, lkx * left + rkx * right, lky * left + rky * right))
        if self._drop:
            out["shoulder_drop"].append((sy - hy) / torso if torso else NAN)
        if self._head:
            out["head_pitch"].append(self._head_pitch(points, ls[6] * left + rs[6] * right,
                                                      ls[7] * left + rs[7] * right, sx - hx))
        if self._motion:
            speed, rate = self._moved(t, (sx + hx) / 2, (sy + hy) / 2, torso, flexion)
            out["torso_speed"].append(speed)
            out["flexion_rate"].append(rate)

    def _filtered(self, t: float, points: list) -> list[float] | None:
        """Each side's points (x, y of shoulder, hip, knee and, for the head, ear) through the One Euro
        filter, in units of the first torso length seen (so that its speed rule is the same for a person
        near or far); None for a frame with nobody found."""
        aspect = self.aspect
        left_s, left_h, right_s, right_h = points[0], points[1], points[4], points[5]
        lengths = ((left_s[0] * aspect - left_h[0] * aspect, left_s[1] - left_h[1]),
                   (right_s[0] * aspect - right_h[0] * aspect, right_s[1] - right_h[1]))
        left, right = math.hypot(*lengths[0]), math.hypot(*lengths[1])
        if not (left > 0 or right > 0):
            return None
        if self._torso is None:
            self._torso = right if not left > 0 else left if not right > 0 else max(left, right)
        unit, k = self._torso, self._filter_points
        values = []
        for point in points[:k] + points[4:4 + k]:
            values += (point[0] * aspect / unit, point[1] / unit)
        return [value * unit for value in self._jitter.step(t, values)]

    def _left_weight(self, t: float, points: list) -> float:
        """Weight of the left side from each side's visibility (the least of shoulder, hip and knee),
        smoothed over time; NaN when nobody was found or neither side is seen well enough."""
        left = _min3(points[0][3], points[1][3], points[2][3])
        right = _min3(points[4][3], points[5][3], points[6][3])
        if math.isnan(left):
            return NAN
        if self._visibility is not None:
            last_t, last_left, last_right = self._visibility
            share = _share(t - last_t, VISIBILITY_TAU_S)
            left, right = last_left + share * (left - last_left), last_right + share * (right - last_right)
        self._visibility = (t, left, right)
        if max(left, right) >= MIN_VISIBILITY:
            return 1 / (1 + math.exp(-(left - right) / SIDE_SOFTNESS))
        return NAN

    def _resting_trunk(self, t: float, dx: float, dy: float) -> tuple[float, float] | None:
        """The trunk's unit direction averaged over about TRUNK_REST_S (None, and no step, for NaN)."""
        if math.isnan(dx) or math.isnan(dy):
            return None
        if self._trunk is not None:
            last_t, last_x, last_y = self._trunk
            share = _share(t - last_t, TRUNK_REST_S)
            dx, dy = last_x + share * (dx - last_x), last_y + share * (dy - last_y)
        self._trunk = (t, dx, dy)
        return dx, dy

    def _head_pitch(self, points: list, ear_x: float, ear_y: float, forward: float) -> float:
        """Ear-to-nose direction above the horizontal towards the head (shoulder side of the hip)."""
        nose, left_ear, right_ear = points[8], points[3], points[7]
        seen = (nose[3] >= MIN_FACE_VISIBILITY and not (math.isnan(left_ear[3]) or math.isnan(right_ear[3]))
                and max(left_ear[3], right_ear[3]) >= MIN_FACE_VISIBILITY)
        if not seen:
            return NAN
        face_x, face_y = nose[0] * self.aspect - ear_x, nose[1] - ear_y
        return math.degrees(math.atan2(-face_y, face_x * _sign(forward)))

    def _moved(self, t: float, x: float, y: float, torso: float, flexion: float) -> tuple[float, float]:
        """Torso speed and flexion rate over the last SPEED_BASELINE_S (jitter averages out); NaN after a gap."""
        if math.isnan(flexion):
            return NAN, NAN
        recent = self._recent
        while recent and t - recent[0][0] > SPEED_BASELINE_S:
            recent.popleft()
        speed = rate = NAN
        if recent and t - recent[0][0] >= SPEED_BASELINE_S / 2:
            then, then_x, then_y, bent = recent[0]
            speed = math.hypot(x - then_x, y - then_y) / (t - then) / torso
            rate = abs(flexion - bent) / (t - then)
        recent.append((t, x, y, flexion))
        return speed, rate
