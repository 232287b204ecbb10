"""The figure renderer: pure geometry and SVG, no Django needed."""
import xml.etree.ElementTree as ET

import pytest

from lumbar.content.figure import HEAD_R, TRUNK, _blend, cycle_frames, cycle_seconds, pose_body, prop_shapes, render_svg
from lumbar.content.loader import read_poses

STANDING = dict(trunk=90, head=90, thigh=-90, shin=-90, foot=0, upper_arm=-90, forearm=-90)
LYING = dict(trunk=180, head=180, thigh=55, shin=-60, foot=0, upper_arm=-5, forearm=0)
SVG = "{http://www.w3.org/2000/svg}"


def test_a_standing_figure_stands_on_the_floor_with_its_head_on_top():
    body = pose_body(STANDING)
    lowest = min(p[1] - r for p, r in body.extent_points())
    assert lowest == pytest.approx(0)
    assert body.head[1] == pytest.approx(body.hip[1] + TRUNK + 4 + HEAD_R)
    assert body.head[1] > body.shoulder[1] > body.hip[1] > body.near_leg[1][1] > body.near_leg[2][1]


def test_a_rounded_spine_bulges_toward_the_back():
    rounded = pose_body(STANDING | {"spine": 1})
    arched = pose_body(STANDING | {"spine": -1})
    # standing and facing right: the back is on the left
    assert rounded.spine_control[0] < rounded.hip[0] < arched.spine_control[0]


def test_far_limbs_follow_the_near_ones_unless_given():
    body = pose_body(LYING)
    assert body.far_leg == body.near_leg
    split = pose_body(LYING | {"far_thigh": 90, "far_shin": 0})
    assert split.far_leg != split.near_leg


def test_angles_blend_the_short_way_round():
    halfway = _blend(STANDING | {"trunk": 170}, STANDING | {"trunk": -170}, 0.5)
    assert halfway["trunk"] % 360 == pytest.approx(180)


def test_a_cycle_goes_there_and_back():
    frames = cycle_frames([LYING, STANDING])
    assert frames[0]["trunk"] == pytest.approx(180)
    assert frames[len(frames) // 2]["trunk"] == pytest.approx(90)
    assert frames[-1]["trunk"] == pytest.approx(180)
    assert cycle_seconds([LYING, STANDING], 4) == 8
    assert cycle_frames([STANDING]) == [STANDING]


def test_the_animated_svg_moves_at_the_tempo_and_the_still_one_does_not():
    figure = {"scene": ["mat"], "keyframes": [LYING, LYING | {"thigh": 70}]}
    animated = ET.fromstring(render_svg(figure, title="Tilt", tempo=4))
    assert animated.get("data-cycle") == "8" and animated.get("data-hold-at") == "4"
    durations = {a.get("dur") for a in animated.iter(f"{SVG}animate")}
    assert durations == {"8s"}
    still = ET.fromstring(render_svg(figure, title="Tilt", animate=False))
    assert not list(still.iter(f"{SVG}animate"))
    assert still.find(f"{SVG}title").text == "Tilt"


def test_props_are_drawn():
    chair = ET.fromstring(render_svg({"scene": ["chair"], "keyframes": [
        dict(trunk=90, head=90, thigh=0, shin=-90, foot=0, upper_arm=-80, forearm=0)]}, title="Seated", animate=False))
    assert len([e for e in chair.iter(f"{SVG}polyline") if e.get("class") == "prop-frame"]) == 4  # seat, legs, back


def test_a_chair_the_pose_uses_stands_beside_a_figure_that_is_not_sitting_on_it():
    lying = dict(trunk=180, head=180, thigh=55, shin=-55, foot=0, upper_arm=-8, forearm=0)
    shapes = prop_shapes(["chair"], pose_body(lying))
    body_right = max(p[0] + r for p, r in pose_body(lying).extent_points())
    assert min(x for s in shapes for x, _ in s.points) > body_right


def test_props_sit_under_what_they_support():
    lying = pose_body(dict(trunk=180, head=180, thigh=10, shin=-10, foot=50, upper_arm=-8, forearm=0))
    (cushion,) = prop_shapes(["cushion"], lying)
    (x, _y), (width, height) = cushion.points
    assert x < lying.head[0] < x + width and height == pytest.approx(max(lying.head[1] - HEAD_R, 2.5))
    (bolster,) = prop_shapes(["bolster"], lying)
    (x, _y), (width, _h) = bolster.points
    assert x < lying.near_leg[1][0] < x + width  # under the knees when lying back


def test_every_pose_in_the_library_renders_as_valid_svg():
    for pose in read_poses():
        figure = pose.figure.model_dump()
        root = ET.fromstring(render_svg(figure, title=pose.name, tempo=pose.dose.tempo or 3))
        assert root.get("role") == "img", pose.slug
        width, height = (float(v) for v in root.get("viewBox").split()[2:])
        assert 40 < width < 400 and 30 < height < 300, pose.slug
