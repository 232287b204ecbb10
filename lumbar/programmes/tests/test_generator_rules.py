import pytest

from lumbar.content.schema import PoseStep
from lumbar.programmes.fitting import ProgrammeError
from lumbar.programmes.generator import generate
from lumbar.programmes.library import poses
from lumbar.programmes.positions import level_of
from lumbar.programmes.session import build_session

from .helpers import poses_in, profile


def test_the_programme_is_twelve_weeks_of_the_days_asked_in_order():
    sessions = generate(profile(days_per_week=4))["sessions"]
    assert [(s["week"], s["day"]) for s in sessions] == [(w, d) for w in range(1, 13) for d in range(1, 5)]
    assert [s["phase"] for s in sessions[::4]] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]


def test_every_session_opens_with_arrival_and_breath_and_closes_with_rest():
    for session in generate(profile())["sessions"]:
        assert session["steps"][0]["role"] == "arrival" and session["steps"][0]["pose"] == "belly-breathing"
        assert session["steps"][-1]["role"] == "closing" and session["steps"][-1]["pose"] == "relaxation"


def test_phase_one_keeps_the_seeds_core_slow_tilts_then_a_rounded_rest_on_the_floor():
    for session in generate(profile())["sessions"][:9]:
        roles = [s["role"] for s in session["steps"]]
        assert roles[1:3] == ["warm-up", "rounded-rest"]
        assert poses_in(session)[1:3] == ["pelvic-tilt", "childs-pose"]
        # the seed's 75 s rest; week 1 starts small (first_week.py): 60 s in its first session, 75 s by its last
        rest = session["steps"][2]["seconds"]
        assert rest == 75 if session["week"] > 1 else 60 <= rest <= 75
        assert {level_of(s["pose"], s["variation"]) for s in session["steps"]} == {"floor"}


def test_a_person_who_cannot_kneel_rests_with_knees_to_chest_and_is_told_why():
    rest = build_session(profile(kneeling=False), 1, 1)["steps"][2]
    assert rest["pose"] == "knees-to-chest" and rest["seconds"] and rest["reps"] is None
    assert "Kneeling is not comfortable" in rest["why"]


def test_when_a_condition_rules_the_rounded_rest_out_a_safe_substitute_is_used_with_the_reason():
    rest = build_session(profile(conditions=["posterior-hip-replacement"]), 1, 1)["steps"][2]
    assert rest["role"] == "rounded-rest" and rest["pose"] == "constructive-rest"
    assert "hip precautions" in rest["why"]


def test_without_the_floor_the_core_is_done_on_a_chair():
    steps = build_session(profile(floor=False), 1, 1)["steps"]
    assert [(s["pose"], s["variation"]) for s in steps[:3]] == [
        ("belly-breathing", "seated-breathing"), ("pelvic-tilt", "chair-tilt"), ("childs-pose", "chair-childs-pose")]


def test_standing_work_starts_in_week_four_and_flows_only_in_weeks_ten_to_twelve():
    for session in generate(profile(days_per_week=2))["sessions"]:
        levels = {level_of(s["pose"], s["variation"]) for s in session["steps"]}
        assert ("standing" in levels) == (session["week"] >= 4) or session["phase"] == 4
        assert any(s["role"] == "flow" for s in session["steps"]) == (session["week"] >= 10)


def test_phases_two_and_three_bring_standing_and_strength_poses():
    sessions = generate(profile(days_per_week=3, minutes=30))["sessions"]
    middle = {p for s in sessions if s["phase"] in (2, 3) for p in poses_in(s)}
    assert {"mountain", "tree", "warrior-two", "bird-dog", "bridge"} <= middle


def test_days_of_a_week_differ():
    sessions = generate(profile(days_per_week=3))["sessions"]
    for week in range(1, 13):
        days = [tuple(poses_in(s)) for s in sessions if s["week"] == week]
        assert len(set(days)) == 3, week


def test_the_same_profile_gives_the_same_programme():
    assert generate(profile(conditions=["sciatica"], eases=["bending-back"])) == generate(
        profile(conditions=["sciatica"], eases=["bending-back"]))


def test_each_step_says_why_it_is_there_and_is_a_step_the_player_can_play():
    for session in generate(profile(conditions=["osteoporosis", "wrist-problems"]))["sessions"]:
        for step in session["steps"]:
            assert len(step["why"]) > 20
            PoseStep.model_validate({k: step[k] for k in ("type", "pose", "variation", "reps", "seconds")})
            pose = poses()[step["pose"]]
            assert step["variation"] in {None, *(v.slug for v in pose.easier)}
            assert (step["reps"] is None) != (step["seconds"] is None)


def test_variations_chosen_for_conditions_appear_in_the_sessions_with_their_reason():
    steps = [s for session in generate(profile(conditions=["osteoporosis"]))["sessions"] for s in session["steps"]]
    tilt = next(s for s in steps if s["pose"] == "pelvic-tilt")
    assert tilt["variation"] == "smaller-range" and "osteoporosis" in tilt["why"]
    assert "standing-forward-fold" not in {s["pose"] for s in steps}


def test_a_back_that_likes_arching_meets_sphinx_from_the_first_week():
    # week 1's first session is the core alone (first_week.py); its second brings the first main pose
    assert "sphinx" in poses_in(build_session(profile(eases=["bending-back"]), 1, 2), "main")
    assert all("sphinx" not in poses_in(build_session(profile(), 1, day)) for day in (1, 2, 3))


def test_the_issue_example_is_within_its_minutes_and_leaves_out_what_it_must():
    programme = generate(profile(conditions=["osteoporosis"], eases=["bending-back"], aggravates=["sitting"],
                                 exclude=["downward-dog"]))
    assert all(17 <= s["minutes"] <= 23 for s in programme["sessions"] if s["week"] > 1)  # week 1 starts small
    # supine twist: every version rounds and twists at once, which thin bones rule out
    assert {p["pose"] for p in programme["left_out"]} == {"downward-dog", "standing-forward-fold", "supine-twist"}


def test_a_profile_no_programme_can_fit_is_refused_with_the_reason():
    with pytest.raises(ProgrammeError, match="closing rest"):
        generate(profile(floor=False, exclude=["belly-breathing", "childs-pose"]))


def test_too_many_minutes_for_the_poses_left_names_the_minutes_that_would_fit():
    crowded = profile(minutes=44, floor=False, conditions=["posterior-hip-replacement", "wrist-problems"],
                      aggravates=["bending-back", "sitting", "bending-forward"])
    with pytest.raises(ProgrammeError) as raised:
        generate(crowded)
    fits = raised.value.max_minutes
    assert fits and f"sessions of {fits} minutes would fit" in str(raised.value)
    assert generate(profile(**{**crowded.to_dict(), "minutes": fits}))["sessions"]
