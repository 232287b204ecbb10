import pytest

from lumbar.content.models import Sequence
from lumbar.practice.plan import build_plan

pytestmark = pytest.mark.django_db


def _plan(content, can_kneel):
    return build_plan(Sequence.objects.get(slug="glide-and-rest"), can_kneel=can_kneel)


def test_glide_and_rest_follows_the_method_in_order(content):
    steps = _plan(content, True)["steps"]
    assert [s["type"] for s in steps] == ["floor-space", "pain", "pose", "floor-space", "pose", "pose", "pain", "summary"]
    tilt, rest, closing = steps[2], steps[4], steps[5]
    assert (tilt["pose"], tilt["kind"], tilt["reps"], tilt["tempo"]) == ("pelvic-tilt", "reps", 8, 4)
    assert tilt["figure"].startswith("<svg") and "<animate" in tilt["figure"]
    assert tilt["moves"] == ["arch", "flatten"]
    assert (rest["pose"], rest["kind"], rest["seconds"]) == ("childs-pose", "hold", 75)
    assert 60 <= rest["seconds"] <= 90
    assert closing["pose"] == "relaxation"
    assert [o["value"] for o in steps[0]["options"]] == ["wide", "fingers", "little"]


def test_someone_who_cannot_kneel_rests_in_knees_to_chest_and_is_told_why(content):
    rest = _plan(content, False)["steps"][4]
    assert (rest["pose"], rest["kind"], rest["seconds"]) == ("knees-to-chest", "hold", 75)
    assert "kneeling" in rest["substitute_reason"]


@pytest.mark.parametrize("can_kneel", [True, None])
def test_child_pose_is_kept_unless_kneeling_was_ruled_out(content, can_kneel):
    rest = _plan(content, can_kneel)["steps"][4]
    assert rest["pose"] == "childs-pose" and rest["substitute_reason"] is None


def test_the_plan_carries_the_test_time_scale(content, settings):
    settings.TIME_SCALE = 25.0
    assert _plan(content, True)["time_scale"] == 25.0
