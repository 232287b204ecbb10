"""Every direction each pose loads, and where each variation is done, as the pose files state them.

These facts decide what a person whose symptoms spread in one direction may still do, and what someone who
cannot get to the floor is offered (clinical.md section 6), so they are checked pose by pose.
"""
import re

import pytest

from lumbar.content.loader import read_poses

POSES = {pose.slug: pose for pose in read_poses()}

# The directions a pose's main label always brings with it (written out here, not read from the code).
MAIN_LABEL_LOADS = {"flexion-extension": {"flexion", "extension"}, "neutral": set()}

LOADS = [
    # (pose, variation or None, every direction it loads)
    ("pelvic-tilt", None, {"flexion", "extension"}),
    ("pelvic-tilt", "smaller-range", {"flexion", "extension"}),  # a small-range tilt still rounds
    ("pelvic-tilt", "arching-half", {"extension"}),
    ("pelvic-tilt", "rounding-half", {"flexion"}),
    ("cat-cow", None, {"flexion", "extension"}),
    ("cat-cow", "arching-half", {"extension"}),
    ("cat-cow", "rounding-half", {"flexion"}),
    ("chair-cat-cow", "arching-half", {"extension"}),
    ("chair-cat-cow", "rounding-half", {"flexion"}),
    ("supine-twist", None, {"rotation", "flexion"}),
    ("supine-twist", "knees-higher", {"rotation", "flexion"}),
    ("thread-the-needle", None, {"rotation", "flexion"}),
    ("thread-the-needle", "reach-up", {"rotation"}),
    ("seated-chair-twist", None, {"rotation"}),
    ("downward-dog", None, {"flexion"}),
    ("downward-dog", "wall-dog", {"flexion"}),
    ("legs-up-the-wall", None, {"flexion"}),
    ("legs-up-the-wall", "calves-on-chair", set()),
    ("knees-to-chest", None, {"flexion"}),
    ("happy-baby", None, {"flexion"}),
    ("childs-pose", None, {"flexion"}),
    ("childs-pose", "side-reach", {"flexion", "side-bend"}),
    ("standing-forward-fold", None, {"flexion"}),
    ("sphinx", None, {"extension"}),
    ("cobra", None, {"extension"}),
    ("locust", None, {"extension"}),
    ("bridge", None, {"extension"}),
    ("bridge", "tiny-lift", {"flexion"}),
    ("reclined-figure-four", None, set()),
    ("reclined-figure-four", "draw-in", {"flexion"}),
    ("standing-side-bend", None, {"side-bend"}),
    ("mountain", None, set()),
    ("belly-breathing", None, set()),
    ("relaxation", None, set()),
]


@pytest.mark.parametrize("pose,variation,expected", LOADS, ids=[f"{p}/{v or '-'}" for p, v, _ in LOADS])
def test_each_pose_and_variation_names_every_direction_it_loads(pose, variation, expected):
    assert set(POSES[pose].loads_of(variation)) == expected


@pytest.mark.parametrize("slug", sorted(POSES))
def test_every_pose_loads_include_its_main_direction(slug):
    pose = POSES[slug]
    main = MAIN_LABEL_LOADS.get(pose.direction, {pose.direction})
    assert main <= set(pose.loads), f"{slug} is labelled {pose.direction} but loads only {pose.loads}"


@pytest.mark.parametrize("slug", ["pelvic-tilt", "cat-cow", "chair-cat-cow"])
def test_two_way_movements_offer_each_half_after_the_existing_easier_versions(slug):
    easier = [v.slug for v in POSES[slug].easier]
    assert easier[-2:] == ["arching-half", "rounding-half"]
    assert easier[0] == {"pelvic-tilt": "smaller-range", "cat-cow": "fists-or-forearms",
                         "chair-cat-cow": "small-seated-tilt"}[slug]  # the first easier choice is unchanged


# Includes every entry of the generator's former hand-kept table (programmes/positions.py VARIATION_POSITIONS),
# which now reads these fields instead.
POSITIONS_SEEN = [
    ("pelvic-tilt", "chair-tilt", "chair"),
    ("childs-pose", "chair-childs-pose", "chair"),
    ("belly-breathing", "seated-breathing", "chair"),
    ("reclined-figure-four", "chair-figure-four", "chair"),
    ("standing-side-bend", "seated-side-bend", "chair"),
    ("tree", "seated-tree", "chair"),
    ("warrior-two", "chair-warrior", "chair"),
    ("downward-dog", "wall-dog", "standing"),
    ("downward-dog", "chair-dog", "standing"),
    ("chair-cat-cow", "standing-cat-cow", "standing"),
    ("relaxation", "side-lying", "side"),
    ("constructive-rest", "side-lying", "side"),
    ("pelvic-tilt", "hands-and-knees-tilt", "hands-knees"),
    ("constructive-rest", "calves-on-chair", "supine"),  # lying on the back, calves on the seat
    ("chair-cat-cow", None, "chair"),
    ("seated-chair-twist", None, "chair"),
]


@pytest.mark.parametrize("pose,variation,expected", POSITIONS_SEEN, ids=[f"{p}/{v or '-'}" for p, v, _ in POSITIONS_SEEN])
def test_each_version_says_where_it_is_done(pose, variation, expected):
    assert POSES[pose].position_of(variation) == expected


# How a version's first step starts says where it is done; the stated position must agree.
OPENINGS = [
    (re.compile(r"^Sit\b.*\bchair\b"), "chair"),
    (re.compile(r"^Stand\b"), "standing"),
    (re.compile(r"^Lie on your side\b"), "side"),
    (re.compile(r"^Lie on your back\b"), "supine"),
    (re.compile(r"^Lie on your front\b"), "prone"),
    (re.compile(r"^(Come onto|From) (your )?hands and knees\b"), "hands-knees"),
]


def test_no_variation_done_somewhere_else_is_left_without_its_position():
    checked = 0
    for pose in POSES.values():
        for variation in pose.easier + pose.harder:
            for opening, where in OPENINGS:
                if opening.search(variation.steps[0]):
                    checked += 1
                    assert pose.position_of(variation.slug) == where, (pose.slug, variation.slug, variation.steps[0])
    assert checked >= 20  # the openings still match how the files are written

