"""The programme page, the home page's card, and every new route into the player (behind the safety gate)."""
import json

import pytest
from django.utils import timezone

from lumbar.accounts.middleware import local_user
from lumbar.practice.models import PracticeSession
from lumbar.programmes.adaptation import next_session
from lumbar.programmes.models import OwnSequence, Programme
from lumbar.programmes.player_steps import sequence_steps
from lumbar.programmes.state import ProgrammeState

from .web import log_for, past_week_one, plan_of, play_and_save, set_up

pytestmark = pytest.mark.django_db


def test_the_programme_page_shows_todays_session_with_why_each_pose_is_there(client, screened, content):
    set_up(screened, conditions=["pregnancy"])
    page = client.get("/programme/").content.decode()
    assert "Next: session 1 of 36" in page
    assert "Week 1, day 1 of 3 · Floor work · about" in page
    # week 1 starts small (first_week.py): its first session has 6 tilts, as the first session does
    assert "(a version of Pelvic tilt)" in page and "6 repetitions" in page and "Why this pose:" in page
    assert "Lumbar&#x27;s core: slow, smooth tilts" in page
    assert 'href="/programme/play/"' in page and "Start this session" in page
    assert "poses are left out because of your answers" in page
    assert "Sphinx</dt><dd>Lying on your front is not advised in pregnancy.</dd>" in page
    assert 'aria-current="page">Programme</a>' in page


def test_before_screening_the_page_sends_to_the_safety_questions_instead_of_the_player(client, content):
    set_up(local_user())
    page = client.get("/programme/").content.decode()
    assert "Answer the safety questions" in page and 'href="/programme/play/"' not in page


def test_the_home_page_card_invites_then_shows_todays_programme_session(client, screened, content):
    page = client.get("/").content.decode()
    assert "Start your first session" in page and "Set up my programme" not in page  # offered after it
    now = timezone.now()
    PracticeSession.objects.create(user=screened, sequence_slug="first-session", sequence_title="First",
                                   started_at=now, finished_at=now, completed=True)
    page = client.get("/").content.decode()
    assert "A programme that fits you" in page
    assert page.index("Set up my programme") < page.index("Glide and rest")
    set_up(screened)
    page = client.get("/").content.decode()
    assert "Session 1 of 36" in page and "Start today's programme session" in page
    assert page.index('href="/programme/play/"') < page.index("Glide and rest")


def test_start_plays_the_next_session_in_the_player(client, screened, content):
    record = set_up(screened)
    plan = plan_of(client)
    session = next_session(ProgrammeState(), record.get_profile())
    expected = [(s.get("pose"), s["type"]) for s in sequence_steps(session)]
    assert [(s.get("pose"), s["type"]) for s in plan["steps"]] == expected
    assert plan["log_url"] == "/programme/log/1/" and plan["title"] == "Your programme: week 1, day 1"
    tilt = next(s for s in plan["steps"] if s.get("pose") == "pelvic-tilt")
    assert tilt["intro"].startswith("Lumbar's core")


ROUTES = ["/programme/play/", "/programme/check/flexion/play/", "/programme/check/extension/play/", "SEQUENCE"]


@pytest.mark.parametrize("route", ROUTES)
def test_every_new_play_route_needs_a_clear_safety_screening(client, content, route):
    user = local_user()
    set_up(user)
    if route == "SEQUENCE":
        sequence = OwnSequence.objects.create(owner=user, title="Mine", steps=[
            {"type": "pose", "pose": "bridge", "variation": None, "reps": 5, "seconds": None}])
        route = f"/programme/sequences/{sequence.pk}/play/"
    response = client.get(route)
    assert response.status_code == 302 and response.url == "/safety/"


def test_without_a_programme_play_goes_to_the_intake(client, screened, content):
    assert client.get("/programme/play/").url == "/programme/intake/"


def test_a_saved_session_moves_the_programme_on(client, screened, content):
    set_up(screened)
    response = play_and_save(client, pain=(5, 2))
    assert response.status_code == 201
    done = Programme.objects.get().done_sessions.get()
    assert response.json()["url"] == f"/programme/done/{done.pk}/"
    practice = PracticeSession.objects.get()
    assert (practice.sequence_slug, practice.sequence_title) == ("programme", "Your programme: week 1, day 1")
    assert done.practice == practice and done.pain_after == 2 and done.number == 1
    assert Programme.objects.get().get_state().position == 1
    assert "Next: session 2 of 36" in client.get("/programme/").content.decode()


def test_a_log_for_a_session_already_saved_is_refused_and_nothing_is_saved_twice(client, screened, content):
    set_up(screened)
    plan = plan_of(client)
    body = log_for(plan)
    assert client.post(plan["log_url"], data=body, content_type="application/json").status_code == 201
    again = client.post(plan["log_url"], data=body, content_type="application/json")
    assert again.status_code == 409 and "already saved" in again.json()["error"]
    assert PracticeSession.objects.count() == 1


def test_a_bad_log_is_refused_whole_with_the_field_named(client, screened, content):
    set_up(screened)
    plan = plan_of(client)
    log = json.loads(log_for(plan, ratings={"bridge": "easy"}))
    log["steps"][0]["rating"] = "wonderful"
    response = client.post(plan["log_url"], data=json.dumps(log), content_type="application/json")
    assert response.status_code == 400 and "steps.0.rating" in response.json()["error"]
    assert not PracticeSession.objects.exists() and Programme.objects.get().get_state().position == 0


def test_ratings_sent_with_the_log_are_kept_on_the_steps_and_fed_to_the_programme(client, screened, content):
    past_week_one(set_up(screened))  # bridge and cat-cow are main poses of week 2's first session
    play_and_save(client, ratings={"bridge": "hard", "cat-cow": "easy"})
    ratings = {s.pose_slug: s.rating for s in PracticeSession.objects.get().steps.all()}
    assert ratings["bridge"] == "hard" and ratings["cat-cow"] == "easy" and ratings["pelvic-tilt"] == ""
    assert Programme.objects.get().done_sessions.get().ratings == {"bridge": "hard", "cat-cow": "easy"}


def test_someone_elses_session_page_is_not_found(client, screened, content, stranger):
    set_up(screened)
    play_and_save(client)
    done = Programme.objects.get().done_sessions.get()
    client.force_login(stranger)
    assert client.get(f"/programme/done/{done.pk}/").status_code == 404
    assert client.post(f"/programme/done/{done.pk}/", {"rating-bridge": "easy"}).status_code == 404
