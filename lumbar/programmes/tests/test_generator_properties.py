"""Properties over the whole profile space: whatever the answers, the programme keeps its promises."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lumbar.content.vocabulary import CONDITIONS
from lumbar.programmes.exclusions import may_do
from lumbar.programmes.first_week import FIRST_WEEK, LAST_MINUTES
from lumbar.programmes.fitting import ProgrammeError
from lumbar.programmes.generator import generate
from lumbar.programmes.library import poses
from lumbar.programmes.positions import level_of, needs_kneeling
from lumbar.programmes.profile import MOVEMENTS, parse_profile

from .test_exclusions import ISSUE_EXCLUSIONS

SLUGS = sorted(poses())
CHECK = st.sampled_from(["easing", "no-change", "worse", "spreading"])
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def profiles(draw):
    movements = list(MOVEMENTS)
    eases = draw(st.lists(st.sampled_from(movements), unique=True, max_size=2))
    aggravates = draw(st.lists(st.sampled_from([m for m in movements if m not in eases]), unique=True, max_size=3))
    data = {"minutes": draw(st.integers(10, 45)), "days_per_week": draw(st.integers(1, 7)),
            "conditions": draw(st.lists(st.sampled_from(list(CONDITIONS)), unique=True, max_size=9)),
            "floor": draw(st.booleans()), "kneeling": draw(st.booleans()), "eases": eases, "aggravates": aggravates,
            "exclude": draw(st.lists(st.sampled_from(SLUGS), unique=True, max_size=5))}
    if draw(st.booleans()):
        data["direction_check"] = draw(st.fixed_dictionaries({}, optional={"flexion": CHECK, "extension": CHECK}))
    return parse_profile(data)


def programme_or_refusal(profile):
    """The programme; or, when refused, check the refusal is justified and say so with None."""
    try:
        return generate(profile)
    except ProgrammeError as error:
        assert str(error)
        if error.max_minutes:  # shorter sessions are offered: they must work
            assert error.max_minutes < profile.minutes
            generate(parse_profile({**profile.to_dict(), "minutes": error.max_minutes}))
        return None


def forbidden(profile, slug, variation) -> bool:
    """The issue's exclusions, checked independently of exclusions.py."""
    pose = poses()[slug]
    return (slug in profile.exclude
            or any((c, slug) in ISSUE_EXCLUSIONS for c in profile.conditions)
            or (not profile.floor and level_of(slug, variation) == "floor")
            or (not profile.kneeling and needs_kneeling(slug, variation))
            or ("pregnancy" in profile.conditions and pose.position == "prone")
            or (profile.check_answer("flexion") == "spreading" and pose.direction == "flexion")
            or (profile.check_answer("extension") == "spreading" and pose.direction == "extension"))


@SETTINGS
@given(profiles())
def test_no_excluded_pose_ever_appears(profile):
    programme = programme_or_refusal(profile)
    for session in programme["sessions"] if programme else []:
        for step in session["steps"]:
            assert not forbidden(profile, step["pose"], step["variation"]), step
            assert may_do(profile, step["pose"]).allowed


@SETTINGS
@given(profiles())
def test_sessions_are_complete_within_15_percent_and_change_position_at_most_twice(profile):
    programme = programme_or_refusal(profile)
    if programme is None:
        return
    sessions = programme["sessions"]
    assert len(sessions) == 12 * profile.days_per_week
    for session in sessions:
        if session["week"] == FIRST_WEEK:  # week 1 starts small and builds up, never past the minutes chosen
            assert session["minutes"] <= min(profile.minutes, LAST_MINUTES) * 1.15
        else:
            assert abs(session["minutes"] - profile.minutes) <= 0.15 * profile.minutes
        levels = [level_of(s["pose"], s["variation"]) for s in session["steps"]]
        assert sum(a != b for a, b in zip(levels, levels[1:])) == session["position_changes"] <= 2
        assert session["steps"][0]["role"] == "arrival" and session["steps"][-1]["role"] == "closing"


@SETTINGS
@given(profiles())
def test_phase_one_keeps_the_core_when_it_is_allowed(profile):
    programme = programme_or_refusal(profile)
    if programme is None or not may_do(profile, "pelvic-tilt").allowed:
        return
    for session in (s for s in programme["sessions"] if s["phase"] == 1):
        roles = [s["role"] for s in session["steps"]]
        tilt = roles.index("warm-up")
        assert session["steps"][tilt]["pose"] == "pelvic-tilt"
        assert roles[tilt + 1] == "rounded-rest" or session["steps"][tilt + 1]["role"] == "rounded-rest"
        rest = session["steps"][tilt + 1]
        if may_do(profile, "childs-pose").allowed and may_do(profile, "childs-pose").level == level_of(
                "pelvic-tilt", session["steps"][tilt]["variation"]):
            assert rest["pose"] == "childs-pose"
