import pytest

from lumbar.content.models import Sequence
from lumbar.practice.plan import build_plan
from lumbar.programmes.profile import parse_profile

pytestmark = pytest.mark.django_db


def _plan(content, can_kneel, **answers):
    profile = parse_profile({"minutes": 20, "days_per_week": 3, "kneeling": can_kneel is not False, **answers})
    return build_plan(Sequence.objects.get(slug="glide-and-rest"), profile)


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
    assert "kneeling" in rest["substitute_reason"] and rest["position"] == "supine"


@pytest.mark.parametrize("can_kneel", [True, None])
def test_child_pose_is_kept_unless_kneeling_was_ruled_out(content, can_kneel):
    rest = _plan(content, can_kneel)["steps"][4]
    assert rest["pose"] == "childs-pose" and rest["substitute_reason"] is None


def test_the_plan_carries_the_test_time_scale(content, settings):
    settings.TIME_SCALE = 25.0
    assert _plan(content, True)["time_scale"] == 25.0


def test_the_core_session_follows_the_persons_conditions_with_cautions_and_an_easier_version_for_them(content):
    hip = _plan(content, True, conditions=["posterior-hip-replacement"])["steps"]
    assert not {"childs-pose", "knees-to-chest"} & {s.get("pose") for s in hip}
    rest = hip[4]
    assert rest["pose"] == "constructive-rest" and "hip precautions" in rest["substitute_reason"]
    pregnant = _plan(content, True, pregnancy_weeks=24)["steps"]
    poses = [s for s in pregnant if s["type"] == "pose"]
    assert [(s["pose"], s["position"]) for s in poses] == [
        ("pelvic-tilt", "chair"), ("childs-pose", "kneeling"), ("relaxation", "side")]
    assert all(s["cautions"] for s in poses)
    assert "floor-space" not in [s["type"] for s in pregnant]  # the tilts are on a chair: nothing to compare
    assert poses[0]["figure"] == "" and poses[2]["figure"] == ""  # no figure lying on its back for these
    assert all(s["ease_to"] is None or s["ease_to"]["slug"] != "chair-childs-pose" for s in poses)
    no_floor = _plan(content, True, floor=False)["steps"]
    assert "floor-space" not in [s["type"] for s in no_floor]
    assert {s["position"] for s in no_floor if s["type"] == "pose"} <= {"chair", "seated", "standing"}
    chair_rest = next(s for s in no_floor if s.get("pose") == "childs-pose")
    assert chair_rest["ease_to"] is None or chair_rest["ease_to"]["slug"] != "knees-wide-bolster"


def test_ease_off_never_moves_a_pregnant_person_onto_her_back():
    from lumbar.programmes.exclusions import check_step
    from lumbar.programmes.positions import position_of

    profile = parse_profile({"minutes": 20, "days_per_week": 3, "pregnancy_weeks": 20})
    for slug in ("relaxation", "constructive-rest", "belly-breathing"):
        decided = check_step(profile, slug, "side-lying" if slug != "belly-breathing" else "seated-breathing")
        assert decided.ease_to is None or position_of(slug, decided.ease_to) != "supine", slug
