"""Getting down to the floor and back up (clinical.md section 6: taught before the first floor session at 65
and over). What a person would notice: the page teaches both ways with a chair, the picture goes from
standing to lying, and the one per-person decision offers the right version or leaves it out."""
import pytest

from lumbar.content.figure import pose_body
from lumbar.content.loader import load_content, read_poses
from lumbar.programmes.exclusions import may_do
from lumbar.programmes.profile import Profile

SLUG = "getting-down-and-up"
POSE = {pose.slug: pose for pose in read_poses()}[SLUG]


def test_it_teaches_the_way_down_and_the_way_back_up_with_a_chair():
    steps = " ".join(POSE.steps).lower()
    down, up = steps.index("kneeling"), steps.index("to get up")
    assert down < steps.index("roll onto your back") < up
    assert "chair" in POSE.steps[1].lower() and "chair" in POSE.steps[-1].lower()
    assert {"chair", "blanket", "mat"} <= set(POSE.props)
    assert POSE.loads == [] and POSE.kind == "hold"


def test_the_figure_starts_standing_and_ends_lying():
    first, *_, last = (pose_body(frame.model_dump()) for frame in POSE.figure.keyframes)
    assert first.head[1] > first.hip[1] + 30  # upright, head well above the hips
    assert abs(last.head[1] - last.hip[1]) < 5  # lying flat


# (profile fields, offered?, the version offered, words the reason or caution must contain)
DECISIONS = [
    ({}, True, None, None),
    ({"age": 72}, True, None, None),
    ({"kneeling": False}, True, "onto-a-bed", "knees"),
    ({"conditions": ("knee-problems",)}, True, "onto-a-bed", "cushion"),
    ({"conditions": ("pregnancy",)}, True, None, "on your side"),
    ({"conditions": ("wrist-problems",)}, True, None, "fists"),
    ({"conditions": ("posterior-hip-replacement",)}, False, None, "hip precautions"),
    ({"floor": False}, False, None, "floor"),
]


@pytest.mark.parametrize("fields,offered,version,words", DECISIONS, ids=[str(d[0]) for d in DECISIONS])
def test_each_person_gets_the_version_that_suits_them_or_none(fields, offered, version, words):
    decision = may_do(Profile(minutes=20, days_per_week=3, **fields), SLUG)
    assert decision.allowed is offered
    assert decision.variation == version
    if words:
        assert words in " ".join([decision.why, *decision.notes]).lower()


@pytest.mark.django_db
def test_the_pose_page_shows_the_chair_the_bed_version_and_the_hip_caution(client):
    load_content()
    page = client.get(f"/poses/{SLUG}/").content.decode()
    for text in ("Getting down to the floor and back up", "Lying down and getting up on a bed",
                 "ask your therapist to show you", "<animate"):
        assert text.lower() in page.lower(), text
