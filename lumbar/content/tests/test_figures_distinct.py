"""Every pose's figure can be told from every other's at a glance.

Each pose's still (its final keyframe, what the pose pages show and where the player holds) is rasterised from
the renderer's own geometry: the body's parts as the thick strokes and circles figure.py draws, and the props
(prop_shapes). Two figures are too alike when fewer than MIN_DIFFERENCE of the area either covers is covered
by only one of them (1 - intersection over union).
"""
from __future__ import annotations

from functools import lru_cache
from itertools import combinations

import numpy as np

from lumbar.content.figure import HALF_WIDTH, HEAD_R, pose_body, prop_shapes
from lumbar.content.loader import read_poses

MIN_DIFFERENCE = 0.15
BOX = (-90, -2, 90, 125)  # figure units: left, bottom, right, top; a cell is one unit


def _grid():
    xs, ys = np.arange(BOX[0], BOX[2], 1.0), np.arange(BOX[1], BOX[3], 1.0)
    return np.meshgrid(xs, ys)


def _stroke(mask, a, b, radius):
    x, y = _grid()
    a, b = np.asarray(a, float), np.asarray(b, float)
    d = b - a
    length = d @ d
    t = np.clip(((x - a[0]) * d[0] + (y - a[1]) * d[1]) / length, 0, 1) if length else 0
    mask |= (x - a[0] - t * d[0]) ** 2 + (y - a[1] - t * d[1]) ** 2 <= radius * radius


def _trunk_points(body, samples=9):
    (x0, y0), (cx, cy), (x2, y2) = body.hip, body.spine_control, body.shoulder
    return [((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x2, (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y2)
            for t in np.linspace(0, 1, samples)]


def silhouette(figure: dict) -> np.ndarray:
    body = pose_body(figure["keyframes"][-1])
    x, _y = _grid()
    mask = np.zeros(x.shape, bool)
    trunk = _trunk_points(body)
    for a, b in zip(trunk, trunk[1:]):
        _stroke(mask, a, b, HALF_WIDTH["trunk"])
    _stroke(mask, body.shoulder, body.head, 2.5)
    _stroke(mask, body.head, body.head, HEAD_R)
    for leg in (body.near_leg, body.far_leg):
        for (a, b), part in zip(zip(leg, leg[1:]), ("thigh", "shin", "foot")):
            _stroke(mask, a, b, HALF_WIDTH[part])
    for arm in (body.near_arm, body.far_arm):
        for (a, b), part in zip(zip(arm, arm[1:]), ("upper_arm", "forearm")):
            _stroke(mask, a, b, HALF_WIDTH[part])
    for shape in prop_shapes([s for s in figure.get("scene", []) if s != "mat"], body):
        if shape.kind == "line":
            for a, b in zip(shape.points, shape.points[1:]):
                _stroke(mask, a, b, shape.width / 2)
        else:
            (left, bottom), (width, height) = shape.points
            gx, gy = _grid()
            mask |= (gx >= left) & (gx <= left + width) & (gy >= bottom) & (gy <= bottom + height)
    return mask


def difference(a: np.ndarray, b: np.ndarray) -> float:
    return float((a ^ b).sum() / (a | b).sum())


@lru_cache(maxsize=1)
def silhouettes() -> dict[str, np.ndarray]:
    return {pose.slug: silhouette(pose.figure.model_dump()) for pose in read_poses()}


def test_the_check_tells_a_changed_figure_from_the_same_one():
    lying = {"scene": ["mat"], "keyframes": [dict(trunk=180, head=180, thigh=55, shin=-55, foot=0, upper_arm=-8,
                                                  forearm=0)]}
    hugging = {"scene": ["mat"], "keyframes": [dict(trunk=180, head=180, thigh=125, shin=-15, foot=-5, upper_arm=58,
                                                    forearm=12)]}
    assert difference(silhouette(lying), silhouette(lying)) == 0
    assert difference(silhouette(lying), silhouette(hugging)) > MIN_DIFFERENCE
    with_cushion = {**lying, "scene": ["mat", "cushion"]}
    assert 0 < difference(silhouette(lying), silhouette(with_cushion)) < MIN_DIFFERENCE  # props count, a little


def test_every_pose_figure_differs_from_every_other_at_a_glance():
    found = silhouettes()
    too_alike = sorted((round(difference(found[a], found[b]), 3), a, b) for a, b in combinations(sorted(found), 2)
                       if difference(found[a], found[b]) < MIN_DIFFERENCE)
    assert not too_alike, too_alike


def test_props_a_pose_is_drawn_with_are_props_it_uses():
    for pose in read_poses():
        drawn = set(pose.figure.scene) - {"mat"}
        assert drawn <= set(pose.props), (pose.slug, drawn - set(pose.props))
