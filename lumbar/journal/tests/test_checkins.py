"""Activities setup, the weekly check-in, and the next-morning check-in."""
from datetime import timedelta

import pytest
from django.utils import timezone

from lumbar.accounts.middleware import local_user
from lumbar.journal.models import Activity, ActivityRating, MorningCheckin, WeeklyCheckin
from lumbar.journal.morning import pending_morning_checkin

from .world import activities, checkin, session

pytestmark = pytest.mark.django_db


def slots(*names):
    return {f"slot_{i}": name for i, name in enumerate(names)}


# --- activities --------------------------------------------------------------------------------------

def test_naming_activities_then_goes_to_the_first_check_in(client):
    response = client.post("/journal/activities/", slots("Putting on socks", "Gardening", " A 30-minute   walk "))
    assert response.status_code == 302 and response.url == "/journal/check-in/"
    assert [a.name for a in Activity.objects.all()] == ["Putting on socks", "Gardening", "A 30-minute walk"]


@pytest.mark.parametrize("names,message", [
    (("Socks", "Gardening"), "Please name at least 3 activities (you named 2)."),
    ((), "Please name at least 3 activities (you named 0)."),
    (("Socks", "Gardening", "socks"), "“socks” is listed twice"),
    (("Socks", "Gardening", "x" * 81), "Activity 3: please keep it under 80 characters."),
])
def test_bad_activity_lists_are_refused_with_the_reason(client, names, message):
    me = local_user()
    activities(me, "Old one", "Old two", "Old three")
    response = client.post("/journal/activities/", slots(*names))
    assert response.status_code == 400 and message in response.content.decode()
    assert [a.name for a in Activity.objects.all()] == ["Old one", "Old two", "Old three"]


def test_at_most_five_activities_can_be_named(client):
    page = client.get("/journal/activities/").content.decode()
    assert page.count('type="text" name="slot_') == 5
    client.post("/journal/activities/", {**slots("A", "B", "C", "D", "E"), "slot_5": "F"})
    assert Activity.objects.count() == 5


def test_renaming_keeps_the_ratings_and_emptying_retires_but_keeps_history(client):
    me = local_user()
    socks, garden, walk = activities(me, "Socks", "Gardening", "Walk")
    checkin(me, 7, ratings={socks: 2, garden: 3, walk: 4})
    response = client.post("/journal/activities/", slots("Putting on socks", "", "Walk", "Cycling"))
    assert response.status_code == 302
    socks.refresh_from_db()
    garden.refresh_from_db()
    assert socks.name == "Putting on socks" and socks.ratings.get().rating == 2
    assert garden.retired_at is not None and garden.ratings.get().rating == 3
    current = Activity.objects.filter(retired_at__isnull=True)
    assert [a.name for a in current] == ["Putting on socks", "Walk", "Cycling"]


def test_someone_elses_activities_are_never_shown_or_changed(client, stranger):
    theirs = activities(stranger, "Their socks", "Their garden", "Their walk")
    assert "Their socks" not in client.get("/journal/activities/").content.decode()
    client.post("/journal/activities/", slots("Mine 1", "Mine 2", "Mine 3"))
    assert [a.name for a in Activity.objects.filter(user=stranger)] == [a.name for a in theirs]


# --- weekly check-in ---------------------------------------------------------------------------------

def test_the_weekly_check_in_saves_the_impact_answers_and_every_activity_rating_together(client):
    me = local_user()
    socks, garden, walk = activities(me, "Socks", "Gardening", "Walk")
    page = client.get("/journal/check-in/").content.decode()
    assert "starting point" in page and "Gardening" in page and "0 = I can&#x27;t do it" in page
    response = client.post("/journal/check-in/", {
        "typical_pain": "6", "spoiled_enjoyment": "5", "everyday_tasks": "7",
        f"activity_{socks.pk}": "2", f"activity_{garden.pk}": "4", f"activity_{walk.pk}": "9"})
    assert response.status_code == 302 and response.url == "/journal/progress/#impact"
    saved = WeeklyCheckin.objects.get()
    assert saved.impact_score == 6.0
    assert {r.activity.name: r.rating for r in saved.ratings.all()} == {"Socks": 2, "Gardening": 4, "Walk": 9}
    assert "Your impact score this week is 6 out of 10." in client.get(response.url).content.decode()


def test_a_check_in_without_activities_yet_invites_naming_them(client):
    page = client.get("/journal/check-in/").content.decode()
    assert "You have not named your activities yet" in page
    response = client.post("/journal/check-in/", {"typical_pain": "3", "spoiled_enjoyment": "2", "everyday_tasks": "1"})
    assert response.status_code == 302 and WeeklyCheckin.objects.count() == 1


def test_a_bad_check_in_names_each_problem_and_saves_nothing(client):
    socks, *_ = activities(local_user(), "Socks", "Gardening", "Walk")
    response = client.post("/journal/check-in/", {
        "typical_pain": "6", "spoiled_enjoyment": "eleven", f"activity_{socks.pk}": "15"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Pleasure in things: “eleven” is not a number from 0 to 10." in page
    assert "Everyday tasks: please choose a number from 0 to 10." in page
    assert "Socks: “15” is not a number from 0 to 10." in page
    assert "Gardening: please choose a number from 0 to 10." in page
    assert WeeklyCheckin.objects.count() == 0 and ActivityRating.objects.count() == 0


def test_a_rating_for_someone_elses_activity_is_ignored(client, stranger):
    mine = activities(local_user(), "Socks", "Gardening", "Walk")
    theirs = activities(stranger, "Their thing", "B", "C")[0]
    data = {"typical_pain": "6", "spoiled_enjoyment": "5", "everyday_tasks": "7", f"activity_{theirs.pk}": "3"}
    data.update({f"activity_{a.pk}": "5" for a in mine})
    assert client.post("/journal/check-in/", data).status_code == 302
    assert not ActivityRating.objects.filter(activity=theirs).exists()


def test_checking_in_again_within_a_week_is_allowed_with_a_gentle_note(client):
    checkin(local_user(), 2)
    assert "Your last check-in was 2 days ago" in client.get("/journal/check-in/").content.decode()


def render_include(name, user):
    from django.template import engines
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = user
    return engines["django"].from_string('{% include "' + name + '" %}').render({"request": request}, request)


def test_the_check_in_prompt_shows_at_the_start_and_after_a_week(client):
    me = local_user()
    assert "Your weekly check-in" in render_include("journal/_checkin_prompt.html", me)
    made = checkin(me, 2)
    assert render_include("journal/_checkin_prompt.html", me).strip() == ""
    made.recorded_at -= timedelta(days=5)
    made.save()
    assert 'href="/journal/check-in/"' in render_include("journal/_checkin_prompt.html", me)


# --- the next morning --------------------------------------------------------------------------------

def test_the_morning_after_a_session_day_is_pending_until_answered(client):
    me = local_user()
    today = timezone.localdate()
    assert pending_morning_checkin(me) is None
    session(me, days_ago=1)
    assert pending_morning_checkin(me) == today - timedelta(days=1)
    assert pending_morning_checkin(me, today=today + timedelta(days=1)) is None  # only the next morning
    MorningCheckin.objects.create(user=me, session_day=today - timedelta(days=1), direction="same",
                                  answered_at=timezone.now())
    assert pending_morning_checkin(me) is None


def test_a_session_today_or_two_days_ago_is_not_pending(client, stranger):
    me = local_user()
    session(me, days_ago=0)
    session(me, days_ago=2)
    session(stranger, days_ago=1)
    assert pending_morning_checkin(me) is None
    assert pending_morning_checkin(None) is None


def test_the_prompt_leads_to_the_question_and_the_answer_is_stored(client):
    me = local_user()
    session(me, days_ago=1)
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    page = client.get("/journal/").content.decode()
    assert "How is your back this morning?" in page and f'href="/journal/morning/{day}/"' in page
    assert client.get("/journal/morning/").url == f"/journal/morning/{day}/"
    page = client.get(f"/journal/morning/{day}/").content.decode()
    assert "Compared with your usual morning" in page and "Worse, by 2 to 3 points" in page
    assert "Is soreness from the session still there this morning?" in page
    response = client.post(f"/journal/morning/{day}/", {"answer": "worse-2", "lasting": "no"})
    assert response.status_code == 302
    saved = MorningCheckin.objects.get()
    assert (saved.direction, saved.points, saved.signed_change, saved.lasting) == ("worse", 2, 2, False)
    page = client.get(response.url).content.decode()
    assert "go back to the easier versions" in page and "contact a clinician" in page
    assert 'href="/safety/flare/"' in page
    assert "How is your back this morning?" not in client.get("/journal/").content.decode()
    client.post(f"/journal/morning/{day}/", {"answer": "better-1", "lasting": "no"})  # changing it replaces it
    assert [(m.direction, m.points) for m in MorningCheckin.objects.all()] == [("better", 1)]


@pytest.mark.parametrize("answer,lasting,step_back", [
    ("same", "yes", True),  # soreness still there steps back, even on a usual morning
    ("better-1", "yes", True),
    ("worse-1", "no", False),
    ("worse-1", "yes", True),
    ("same", "no", False),
])
def test_soreness_still_there_is_stored_and_reads_as_a_step_back(client, answer, lasting, step_back):
    session(local_user(), days_ago=1)
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(f"/journal/morning/{day}/", {"answer": answer, "lasting": lasting}, follow=True)
    assert MorningCheckin.objects.get().lasting is (lasting == "yes")
    page = response.content.decode()
    assert ("For the next 2 or 3 sessions, go back to the easier versions" in page) is step_back
    assert ("The session left your back sore into this morning." in page) is (lasting == "yes")


@pytest.mark.parametrize("data,message", [
    ({"lasting": "no"}, "Please choose one answer about this morning."),
    ({"answer": "terrible", "lasting": "no"}, "“terrible” is not one of the answers about this morning."),
    ({"answer": "same"}, "Soreness: please say yes or no."),
    ({"answer": "same", "lasting": "maybe"}, "Soreness: “maybe” is not yes or no."),
])
def test_a_bad_morning_answer_is_named(client, data, message):
    session(local_user(), days_ago=1)
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(f"/journal/morning/{day}/", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert MorningCheckin.objects.count() == 0


@pytest.mark.parametrize("days_ago,message", [
    (3, "There is no session recorded on that day"),
    (0, "it opens the next day"),
    (20, "more than a week ago"),
])
def test_a_morning_that_cannot_be_answered_says_why(client, days_ago, message):
    session(local_user(), days_ago=20)
    day = (timezone.localdate() - timedelta(days=days_ago)).isoformat()
    response = client.post(f"/journal/morning/{day}/", {"answer": "same", "lasting": "no"})
    assert response.status_code == 404 and message in response.content.decode()
    assert MorningCheckin.objects.count() == 0


def test_a_morning_address_that_is_not_a_date_says_so(client):
    response = client.get("/journal/morning/someday/")
    assert response.status_code == 400 and "“someday” is not a date" in response.content.decode()


def test_with_nothing_waiting_the_morning_page_says_so(client):
    assert "There is no morning check-in waiting" in client.get("/journal/morning/").content.decode()


def test_the_morning_prompt_include_renders_on_any_page():
    from django.contrib.auth.models import AnonymousUser

    me = local_user()
    session(me, days_ago=1)
    assert "How is your back this morning?" in render_include("journal/_morning_prompt.html", me)
    assert render_include("journal/_morning_prompt.html", AnonymousUser()).strip() == ""
    assert render_include("journal/_checkin_prompt.html", AnonymousUser()).strip() == ""
