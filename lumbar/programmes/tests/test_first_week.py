"""Week 1 starts small and builds up (first_week.py): fewer poses, short holds, and it says so."""
import pytest

from lumbar.programmes.first_week import FIRST_MINUTES, gentler_start
from lumbar.programmes.sequence_rules import walk
from lumbar.programmes.session import build_session

from .helpers import poses_in, profile
from .web import set_up

WEEKS_AND_PEOPLE = [
    {}, {"minutes": 10, "days_per_week": 5}, {"minutes": 45, "days_per_week": 7}, {"days_per_week": 1},
    {"floor": False}, {"kneeling": False}, {"age": 70}, {"pregnancy_weeks": 30}, {"conditions": ["osteoporosis"]},
]


def gentle(person, week, day):
    return gentler_start(person, build_session(person, week, day))


def test_the_first_session_is_the_core_method_in_about_eight_minutes():
    first = gentle(profile(), 1, 1)
    assert poses_in(first) == ["belly-breathing", "pelvic-tilt", "childs-pose", "relaxation"]
    assert 7 <= first["minutes"] <= 10
    tilt = next(s for s in first["steps"] if s["role"] == "warm-up")
    assert tilt["reps"] == 6
    assert len(build_session(profile(), 2, 1)["steps"]) > 8  # week 2: the session the person chose


@pytest.mark.parametrize("answers", WEEKS_AND_PEOPLE, ids=str)
def test_week_one_grows_session_by_session_and_stays_within_the_chosen_minutes(answers):
    person = profile(**answers)
    week = [gentle(person, 1, day) for day in range(1, person.days_per_week + 1)]
    assert len(week[0]["steps"]) <= 5  # the core and its rests (and the floor walk-through from 65)
    assert week[0]["minutes"] <= max(FIRST_MINUTES + 1.5, 0)
    for before, after in zip(week, week[1:]):
        assert len(after["steps"]) >= len(before["steps"])
        assert after["minutes"] >= before["minutes"] - 0.5
    assert all(s["minutes"] <= person.minutes * 1.15 for s in week)
    assert gentle(person, 2, 1) == build_session(person, 2, 1)  # week 2 is the session the person chose


@pytest.mark.parametrize("answers", WEEKS_AND_PEOPLE, ids=str)
def test_week_one_only_takes_away_and_keeps_every_rule(answers):
    """Same poses in the same versions and order, never more of any, and the whole-sequence rules hold."""
    person = profile(**answers)
    for day in range(1, person.days_per_week + 1):
        built, made = build_session(person, 1, day), gentle(person, 1, day)
        remaining = list(built["steps"])
        for step in made["steps"]:
            match = next(s for s in remaining if (s["pose"], s["variation"], s["role"]) ==
                         (step["pose"], step["variation"], step["role"]))
            remaining = remaining[remaining.index(match) + 1:]
            assert (step["reps"] or 0) <= (match["reps"] or 0) and (step["seconds"] or 0) <= (match["seconds"] or 0)
        assert walk(person, made["steps"], fix=False)[1] == {}


def test_main_poses_are_held_short_in_week_one():
    person = profile(minutes=30)
    last = gentle(person, 1, 3)
    later = build_session(person, 2, 3)
    mains = [s for s in last["steps"] if s["role"] == "main"]
    assert 1 <= len(mains) <= 2
    assert len(poses_in(last, "main")) == len(set(poses_in(last, "main")))  # one round only
    assert len(poses_in(later, "main")) > len(mains)


@pytest.mark.django_db
def test_the_programme_page_says_week_one_starts_small(client, screened, content):
    set_up(screened)
    page = client.get("/programme/").content.decode()
    assert "Week 1 starts small and builds up." in page
    assert "From week 2, sessions last about the 20 minutes you chose." in page


@pytest.mark.django_db
def test_the_welcome_page_says_the_first_week_starts_small(client, screened, content):
    assert "The first week starts small" in client.get("/programme/").content.decode()


@pytest.mark.django_db
@pytest.mark.xfail(strict=True, reason="needs session.build_session to return first_week.gentler_start(...) "
                                       "(session.py is helper A's file); remove this mark once wired")
def test_todays_first_programme_session_is_the_gentle_one(client, screened, content):
    from lumbar.programmes.today import programme_today

    set_up(screened)
    today = programme_today(screened)
    assert len(today["session"]["steps"]) <= 5 and today["session"]["minutes"] <= 10
