import json
from datetime import date

import pytest

from lumbar.programmes.adaptation import FeedbackError, adapt, next_session, resume, worse_week_on_week
from lumbar.programmes.library import poses
from lumbar.programmes.session import build_session
from lumbar.programmes.state import ProgrammeState
from lumbar.programmes.swaps import swap_after_hurt

from .helpers import poses_in, profile

WEEKLY = profile(days_per_week=1)  # one session a week: weeks 2 and 3 are the same session, easy to compare


def from_week_two(person=WEEKLY):
    """Where most rules here are tried: week 2, the first week of the sessions the person chose. Week 1 starts
    small and builds up (first_week.py: its first session has no main pose to rate); adaptation within week 1
    is tried in test_first_week.py."""
    return ProgrammeState(position=person.days_per_week)


def done(state, person, ratings=None, morning=("same", 0), lasting=False, pain_after=None):
    feedback = {"ratings": ratings or {}}
    if pain_after is not None:
        feedback["pain_after"] = pain_after
    if morning:
        feedback["morning"] = {"direction": morning[0], "points": morning[1], "lasting": lasting}
    return adapt(state, person, feedback)


def dose(session, slug):
    step = next(s for s in session["steps"] if s["pose"] == slug and s["role"] == "main")
    return step["reps"], step["seconds"]


def test_a_pose_that_felt_easy_gets_one_more_repetition_and_the_changelog_says_why():
    state, entries = done(from_week_two(), WEEKLY, {"bridge": "easy"})
    assert entries == [{"session": 3, "pose": "bridge", "change": "more-reps", "text":
                        "Bridge: one more repetition, because the last session felt easy and this morning was "
                        "the same as usual."}]
    base, adapted = build_session(WEEKLY, 3, 1), next_session(state, WEEKLY)
    assert dose(adapted, "bridge")[0] == dose(base, "bridge")[0] + 1


def test_a_held_pose_that_felt_easy_is_held_longer():
    state, entries = done(from_week_two(), WEEKLY, {"supine-twist": "easy"}, morning=("better", 1))
    assert entries[0]["change"] == "longer-hold" and "better than usual" in entries[0]["text"]
    base = dose(build_session(WEEKLY, 3, 1), "supine-twist")[1]
    assert dose(next_session(state, WEEKLY), "supine-twist")[1] == base + 5


def test_without_ratings_a_good_morning_adds_one_new_pose():
    before = next_session(ProgrammeState(), WEEKLY)
    state, entries = done(ProgrammeState(), WEEKLY)
    assert entries[0]["change"] == "new-pose" and entries[0]["pose"] not in poses_in(before)
    assert entries[0]["pose"] in poses_in(next_session(state, WEEKLY), "main")


def test_when_a_pose_felt_hard_no_pose_is_added_and_another_gets_more():
    mains = poses_in(next_session(from_week_two(), WEEKLY), "main")
    state, entries = done(from_week_two(), WEEKLY, {mains[0]: "hard"})
    assert entries[0]["change"] in ("more-reps", "longer-hold") and entries[0]["pose"] == mains[1]


def test_when_everything_felt_hard_the_programme_holds():
    mains = poses_in(next_session(from_week_two(), WEEKLY), "main")
    state, entries = done(from_week_two(), WEEKLY, {m: "hard" for m in mains})
    assert [e["change"] for e in entries] == ["hold"] and state.ladder == []


@pytest.mark.parametrize("morning, lasting, change, sessions", [
    (("worse", 1), False, "hold", 0),
    (("worse", 2), False, "step-back", 2),
    (("worse", 4), False, "step-back", 2),
    (("worse", 1), True, "step-back", 2),
    (("worse", 2), True, "step-back", 3),
    (("same", 0), True, "step-back", 2),  # soreness still there the next morning, on an otherwise usual morning
    (("better", 2), True, "step-back", 2),
])
def test_a_worse_morning_holds_or_steps_back_for_two_or_three_sessions(morning, lasting, change, sessions):
    person = profile(days_per_week=1, minutes=30)  # bridge is in every session from week 2 to week 7

    def planned(state):  # bridge's repetitions in the next session as planned, before adaptation
        return dose(build_session(person, state.position + 1, 1), "bridge")[0]

    state, _ = done(from_week_two(person), person, {"bridge": "easy"})
    state, entries = done(state, person, morning=morning, lasting=lasting)
    assert [e["change"] for e in entries] == [change]
    if change == "hold":
        assert state.ladder == [{"pose": "bridge", "kind": "rep"}] and state.easing is None
        return
    assert f"for the next {sessions} sessions" in entries[0]["text"] and entries[0]["pose"] == "bridge"
    for _ in range(sessions):
        assert dose(next_session(state, person), "bridge")[0] == planned(state)
        state, entries = done(state, person)
    assert "restore" in [e["change"] for e in entries]
    assert state.easing is None and dose(next_session(state, person), "bridge")[0] == planned(state) + 1


def test_stepping_back_with_nothing_to_undo_makes_every_pose_a_little_lighter():
    state, entries = done(ProgrammeState(), WEEKLY, morning=("worse", 3))
    assert entries[0]["change"] == "lighter"
    lighter, base = next_session(state, WEEKLY), build_session(WEEKLY, 2, 1)
    for slug in poses_in(base, "main"):
        reps, seconds = dose(base, slug)
        assert dose(lighter, slug) == ((reps - 1, None) if reps else (None, seconds - 5))


def test_no_morning_answer_means_no_change():
    state, entries = done(from_week_two(), WEEKLY, {"bridge": "easy"}, morning=None)
    assert entries == [] and state.ladder == [] and state.position == 2
    state, entries = adapt(state, WEEKLY, {"morning": {"direction": "same", "points": 0}})
    assert entries[0]["change"] == "more-reps"


def test_high_pain_after_the_session_holds_even_after_a_usual_morning():
    state, entries = done(from_week_two(), WEEKLY, {"bridge": "easy"}, pain_after=7)
    assert [e["change"] for e in entries] == ["hold"] and "above 5" in entries[0]["text"]


def test_it_hurt_once_is_noted_and_twice_swaps_for_the_easier_variation():
    state, entries = done(from_week_two(), WEEKLY, {"bridge": "hurt"})
    assert entries[0]["change"] == "noted" and state.hurt == {"bridge": 1}
    state, entries = done(state, WEEKLY, {"bridge": "hurt"})
    assert entries[0] == {"session": 4, "pose": "bridge", "change": "swap",
                          "text": "Bridge: from now on done as tiny lift, because it hurt twice."}
    step = next(s for s in next_session(state, WEEKLY)["steps"] if s["pose"] == "bridge")
    assert step["variation"] == "tiny-lift" and "hurt twice" in step["why"]


def test_it_hurt_twice_on_the_easiest_version_replaces_the_pose_with_a_gentler_one():
    state = from_week_two()
    for _ in range(4):
        state, entries = done(state, WEEKLY, {"bridge": "hurt"})
    assert entries[0]["change"] == "swap" and "is replaced by" in entries[0]["text"]
    swap = state.swaps["bridge"]
    assert poses()[swap["pose"]].direction == "neutral" and poses()[swap["pose"]].load in ("very-low", "low")
    assert "bridge" not in poses_in(next_session(state, WEEKLY))


def test_a_variation_chosen_for_a_condition_is_never_traded_the_pose_is_replaced():
    person = profile(days_per_week=1, conditions=["osteoporosis"])
    state = from_week_two(person)
    for _ in range(2):
        state, entries = done(state, person, {"cat-cow": "hurt"})
    assert state.swaps["cat-cow"]["pose"] != "cat-cow"


def test_when_nothing_gentler_fits_the_pose_is_left_out():
    swap = swap_after_hurt(profile(), {"pose": "bridge", "variation": "tiny-lift"}, set(poses()))
    assert swap["pose"] is None and "left out" in swap["why"]


def test_a_closing_rest_that_hurt_twice_gives_way_to_another_rest():
    state = ProgrammeState()
    for _ in range(2):
        state, entries = done(state, WEEKLY, {"relaxation": "hurt"})
    assert "another rest takes its place" in entries[0]["text"]
    assert next_session(state, WEEKLY)["steps"][-1]["pose"] == "constructive-rest"


def test_a_pose_standing_in_for_another_passes_its_swap_on():
    state = ProgrammeState(position=1, swaps={"reclined-cobbler": {"pose": "bridge", "variation": None,
                                                                   "why": "In place of..."}})
    for _ in range(2):
        state, _ = done(state, WEEKLY, {"bridge": "hurt"})
    assert state.swaps["reclined-cobbler"]["variation"] == "tiny-lift" == state.swaps["bridge"]["variation"]


def test_worse_week_on_week_pauses_and_advises_a_clinician_then_resumes_lighter():
    person = profile(days_per_week=2)
    state = ProgrammeState()
    for _ in range(4):
        state, entries = done(state, person, morning=("worse", 1))
    assert entries[-1]["change"] == "pause" and "clinician" in entries[-1]["text"]
    assert next_session(state, person) is None
    with pytest.raises(FeedbackError, match="paused"):
        done(state, person)
    state, entries = resume(state, date(2026, 3, 9))
    assert entries[0]["change"] == "resume" and state.easing == {"rungs": 1, "sessions_left": 3}
    assert state.resumed_on == "2026-03-09" and state.paused is None
    assert next_session(state, person) is not None


def test_resuming_names_the_clinician_contact_when_given():
    paused = ProgrammeState(paused="worse-week-on-week")
    _, entries = resume(paused, date(2026, 3, 9), "Dr Lee", date(2026, 3, 6))
    assert entries[0]["text"] == ("Programme resumed after your check with a clinician (Dr Lee, 6 March 2026), a "
                                  "step lighter for the next 3 sessions.")


def test_soreness_still_there_says_so_in_the_changelog():
    state, _ = done(from_week_two(), WEEKLY, {"bridge": "easy"})
    _, entries = done(state, WEEKLY, morning=("same", 0), lasting=True)
    assert entries[0]["text"] == ("Bridge: one repetition fewer for the next 2 sessions, because the "
                                  "session left you sore into the next morning.")


def week(pain=None, morning=None):
    return {"pain": pain, "morning": morning}


WEEKS = [
    # weekly pain, 0-10: worse is a rise of 2 or more, or a rise to 7 or more (clinical.md section 4)
    (week(3), week(5), "pain"),
    (week(3), week(4.9), None),
    (week(6), week(7), "pain"),
    (week(7), week(9), "pain"),
    (week(8), week(8.2), "pain"),
    (week(8), week(8), None),
    (week(5), week(3), None),
    # the change from a usual morning, + worse: only the rise, 2 points or more
    (week(morning=0), week(morning=2), "morning"),
    (week(morning=-1), week(morning=1), "morning"),
    (week(morning=1), week(morning=2.5), None),
    (week(morning=2), week(morning=2), None),
    # a week with no figure of a kind is not compared on it: the other kind still counts
    (week(None, 0), week(6, 0), None),
    (week(3, None), week(5, 1), "pain"),
    (week(3, 0), week(None, 2), "morning"),
    (week(), week(), None),
]


@pytest.mark.parametrize("last, this, worse", WEEKS)
def test_worse_week_on_week_compares_each_figure_with_last_week(last, this, worse):
    assert worse_week_on_week(last, this) == worse


def test_weekly_pain_that_got_worse_pauses_with_the_figures_in_the_changelog():
    state, _ = done(ProgrammeState(), WEEKLY, morning=None)
    state, entries = adapt(state, WEEKLY, {"morning": {"direction": "same", "points": 0},
                                           "weeks": {"last_week": week(3), "this_week": week(5.5)}})
    assert state.paused == "worse-week-on-week" and next_session(state, WEEKLY) is None
    assert entries[-1] == {"session": 2, "pose": None, "change": "pause", "text": (
        "Programme paused: your pain in the last 7 days (5.5 out of 10 on average) is worse than the week before "
        "(3). Please talk to your doctor or a physio before you go on.")}


def test_weekly_figures_that_did_not_get_worse_change_nothing():
    state, _ = done(ProgrammeState(), WEEKLY, morning=None)
    with_weeks = adapt(state, WEEKLY, {"morning": {"direction": "same", "points": 0},
                                       "weeks": {"last_week": week(3, 0), "this_week": week(4, 1)}})
    without = adapt(state, WEEKLY, {"morning": {"direction": "same", "points": 0}})
    assert with_weeks == without and with_weeks[0].paused is None


def test_one_worse_week_alone_does_not_pause():
    person = profile(days_per_week=2)
    state = ProgrammeState()
    for morning in [("worse", 1), ("worse", 1), ("same", 0), ("same", 0)]:
        state, entries = done(state, person, morning=morning)
    assert state.paused is None


def test_the_state_is_plain_json_and_round_trips():
    state, _ = done(from_week_two(), WEEKLY, {"bridge": "easy", "cat-cow": "hurt"})
    data = json.loads(json.dumps(state.to_dict()))
    assert data["version"] == 1 and ProgrammeState.from_dict(data) == state


def test_the_programme_ends_after_its_last_session():
    state = ProgrammeState(position=12)
    assert next_session(state, WEEKLY) is None
    with pytest.raises(FeedbackError, match="complete"):
        done(state, WEEKLY)


@pytest.mark.parametrize("feedback, words", [
    ({"ratings": {"bridge": "lovely"}}, "ratings.bridge: unknown rating 'lovely'"),
    ({"ratings": {"headstand": "easy"}}, "ratings.headstand: not a pose of this session"),
    ({"ratings": {"tree": "easy"}}, "ratings.tree: not a pose of this session"),
    ({"ratings": ["bridge"]}, "ratings: must be an object"),
    ({"pain_after": 11}, "pain_after: must be a whole number from 0 to 10"),
    ({"pain_after": "3"}, "pain_after"),
    ({"mood": "fine"}, "mood: unknown field"),
    ({"ratings": {}, "morning": {"direction": "awful"}}, "morning.direction"),
    ({"morning": {"direction": "same"}}, "morning: no session is waiting for its morning check-in"),
    ({"morning": "same"}, "morning: must be an object"),
    ({"ratings": {}, "morning": {"direction": "worse", "points": -1}}, "morning.points"),
    ({"ratings": {}, "morning": {"direction": "worse", "points": 2, "lasting": "yes"}}, "morning.lasting"),
    ("easy", "feedback: must be an object"),
    ({"weeks": []}, "weeks: must be an object with last_week and this_week"),
    ({"weeks": {"this_week": {"pain": 3, "morning": None}}}, "weeks: must be an object with last_week"),
    ({"weeks": {"last_week": {"pain": 3}, "this_week": {"pain": 3, "morning": None}}},
     "weeks.last_week: must be an object with pain and morning"),
    ({"weeks": {"last_week": {"pain": 11, "morning": None}, "this_week": {"pain": 3, "morning": None}}},
     "weeks.last_week.pain: must be a number from 0 to 10 or null, not 11"),
    ({"weeks": {"last_week": {"pain": 1, "morning": None}, "this_week": {"pain": "3", "morning": None}}},
     "weeks.this_week.pain"),
    ({"weeks": {"last_week": {"pain": 1, "morning": True}, "this_week": {"pain": 3, "morning": None}}},
     "weeks.last_week.morning: must be a number from -10 to 10 or null, not True"),
])
def test_bad_feedback_is_refused_naming_the_field(feedback, words):
    with pytest.raises(FeedbackError) as raised:
        adapt(from_week_two(), WEEKLY, feedback)
    assert words in str(raised.value)
