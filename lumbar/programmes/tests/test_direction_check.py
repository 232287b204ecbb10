import pytest

from lumbar.programmes.direction_check import RESPONSES, check_sessions, describe, record_check
from lumbar.programmes.exclusions import may_do
from lumbar.programmes.generator import generate
from lumbar.programmes.library import poses
from lumbar.programmes.profile import ProfileError
from lumbar.programmes.session import build_session

from .helpers import poses_in, profile


def test_the_check_is_two_short_sessions_one_rounding_one_arching():
    flexion, extension = check_sessions(profile())
    assert flexion["direction"] == "flexion" and flexion["available"]
    assert [(s["pose"], s["reps"]) for s in flexion["steps"]] == [("knees-to-chest", 5)]
    assert extension["direction"] == "extension" and [s["pose"] for s in extension["steps"]] == ["sphinx"] * 3
    assert all(s["seconds"] == 15 for s in extension["steps"])
    assert set(RESPONSES) == {"easing", "no-change", "worse", "spreading"}


@pytest.mark.parametrize("conditions, floor, unavailable, words", [
    (["pregnancy"], True, "extension", "front"),
    (["posterior-hip-replacement"], True, "flexion", "hip precautions"),
    ([], False, "flexion", "floor"),
])
def test_a_side_the_person_cannot_do_is_not_offered_and_the_reason_is_shown(conditions, floor, unavailable, words):
    sessions = {s["direction"]: s for s in check_sessions(profile(conditions=conditions, floor=floor))}
    assert not sessions[unavailable]["available"] and words in sessions[unavailable]["why"]
    assert sessions[unavailable]["steps"] == []


def test_the_check_uses_the_variation_a_condition_needs():
    flexion = check_sessions(profile(conditions=["osteoporosis"]))[0]
    assert flexion["steps"][0]["variation"] == "one-knee"


def test_spreading_drops_that_direction_from_the_whole_programme():
    person, said = record_check(profile(), "flexion", "spreading")
    assert "leaves out poses that round the lower back" in said[0] and "spread" in said[0]
    for session in generate(person)["sessions"]:
        assert all(poses()[p].direction != "flexion" for p in poses_in(session))
    rest = build_session(person, 1, 1)["steps"][2]
    assert rest["role"] == "rounded-rest" and rest["pose"] == "constructive-rest" and "spread" in rest["why"]


def test_easing_one_way_leans_the_programme_that_way():
    person, _ = record_check(profile(), "flexion", "no-change")
    person, said = record_check(person, "extension", "easing")
    assert "leans toward poses that arch" in said[0]
    assert may_do(person, "sphinx").rank == 1
    assert "sphinx" in poses_in(build_session(person, 1, 2), "main")  # week 1's first main pose is on day 2


def test_easing_both_ways_leans_neither_way():
    person, _ = record_check(profile(), "flexion", "easing")
    person, said = record_check(person, "extension", "easing")
    assert said == ["Both directions eased your symptoms, so the programme leans neither way."]
    assert may_do(person, "sphinx").rank == 0 and may_do(person, "knees-to-chest").rank == 0


def test_worse_leaves_that_direction_out():
    person, said = record_check(profile(), "extension", "worse")
    assert not may_do(person, "sphinx").allowed and "feel worse" in said[0]


def test_the_persons_response_replaces_what_the_intake_said_for_that_direction():
    person = profile(aggravates=["bending-back"])
    assert not may_do(person, "sphinx").allowed
    person, _ = record_check(person, "extension", "easing")
    assert may_do(person, "sphinx").allowed and may_do(person, "sphinx").rank == 1


def test_the_check_can_be_repeated_after_a_side_spread():
    person, _ = record_check(profile(), "flexion", "spreading")
    assert check_sessions(person)[0]["available"]


def test_no_change_changes_nothing():
    person, said = record_check(profile(), "flexion", "no-change")
    assert generate(person) == generate(profile()) and "made no difference" in said[0]
    assert describe("flexion", "no-change", {}) == said[0]


def test_an_unknown_response_is_refused_naming_the_field():
    with pytest.raises(ProfileError, match="direction_check.flexion"):
        record_check(profile(), "flexion", "lovely")
