"""Feedback changes the next session: ratings after a session, pain after it, and the next morning's check-in."""
import pytest

from lumbar.programmes.actions import count_morning
from lumbar.programmes.library import display_name
from lumbar.programmes.models import ChangeEntry, Programme

from .web import morning_after, past_week_one, plan_of, play_and_save, set_up

pytestmark = pytest.mark.django_db


def reps_of(plan, slug):
    return next(s["reps"] for s in plan["steps"] if s.get("pose") == slug)


def done_session():
    return Programme.objects.get().done_sessions.order_by("-pk").first()


def test_easy_then_a_same_as_usual_morning_gives_one_more_repetition_shown_in_the_changelog(client, screened, content):
    past_week_one(set_up(screened, days_per_week=1))
    before = reps_of(plan_of(client), "knees-to-chest")
    url = play_and_save(client).json()["url"]
    form = client.get(url).content.decode()
    assert "How did each pose feel?" in form and 'name="rating-knees-to-chest" value="easy"' in form
    response = client.post(url, {"rating-knees-to-chest": "easy"})
    assert response.status_code == 302 and response.url == "/programme/#changes"
    assert done_session().ratings == {"knees-to-chest": "easy"}
    morning_after(screened, "same")
    page = client.get("/programme/").content.decode()
    text = (f"{display_name('knees-to-chest')}: one more repetition, because the last session felt easy and this "
            "morning was the same as usual.")
    assert text in page and "From session 3" in page
    assert reps_of(plan_of(client), "knees-to-chest") == before + 1
    client.get("/programme/")
    assert ChangeEntry.objects.filter(change="more-reps").count() == 1  # the morning is counted once


def test_it_hurt_twice_swaps_the_pose(client, screened, content):
    past_week_one(set_up(screened, days_per_week=1))
    play_and_save(client, ratings={"bridge": "hurt"})
    assert "Bridge: noted that it hurt" in client.get("/programme/").content.decode()
    play_and_save(client, ratings={"bridge": "hurt"})
    swap = ChangeEntry.objects.get(change="swap")
    assert swap.pose == "bridge" and "because it hurt twice" in swap.text
    assert swap.text in client.get("/programme/").content.decode()
    bridge = [s for s in plan_of(client)["steps"] if s.get("pose") == "bridge"]
    assert not bridge or bridge[0]["variation"] is not None


def test_changing_a_rating_replaces_what_the_first_one_changed(client, screened, content):
    past_week_one(set_up(screened, days_per_week=1))
    url = play_and_save(client, ratings={"bridge": "hurt"}).json()["url"]
    assert ChangeEntry.objects.get().change == "noted"
    assert 'name="rating-bridge" value="hurt" checked' in client.get(url).content.decode()
    client.post(url, {"rating-bridge": "about-right"})
    assert not ChangeEntry.objects.exists()
    assert Programme.objects.get().get_state().hurt == {}
    steps = {s.pose_slug: s.rating for s in done_session().practice.steps.all()}
    assert steps["bridge"] == "about-right"


def test_a_rating_that_is_not_one_of_the_four_is_named_and_nothing_changes(client, screened, content):
    past_week_one(set_up(screened, days_per_week=1))
    url = play_and_save(client).json()["url"]
    response = client.post(url, {"rating-bridge": "awful", "rating-cat-cow": "easy"})
    assert response.status_code == 400
    assert "Bridge: choose easy, about right, hard or it hurt." in response.content.decode()
    assert done_session().ratings == {}


def test_ratings_close_once_the_morning_has_been_counted(client, screened, content):
    set_up(screened, days_per_week=1)
    url = play_and_save(client).json()["url"]
    morning_after(screened, "same")
    client.get("/programme/")
    page = client.get(url).content.decode()
    assert "Ratings close once the programme has moved on" in page and "Save how it felt" not in page
    state = Programme.objects.get().state
    client.post(url, {"rating-bridge": "hurt"}, follow=True)
    assert Programme.objects.get().state == state


def test_pain_after_from_the_log_holds_the_programme_when_it_was_high(client, screened, content):
    set_up(screened, days_per_week=1)
    play_and_save(client, ratings={"bridge": "easy"}, pain=(4, 7))
    morning_after(screened, "same")
    page = client.get("/programme/").content.decode()
    assert "No change next time: pain after the session was above 5" in page


def test_worse_mornings_week_on_week_pause_the_programme_until_resumed(client, screened, content):
    set_up(screened, days_per_week=1)
    play_and_save(client)
    morning_after(screened, "worse", 2)
    assert "for the next 2 sessions" in client.get("/programme/").content.decode()
    play_and_save(client)
    count_morning(screened)  # today's worse morning again, now for the second session (as the check-in page does)
    page = client.get("/programme/").content.decode()
    assert "Your programme is paused" in page and "Please talk to a clinician" in page
    assert "Resume my programme" in page and 'href="/programme/play/"' not in page
    home = client.get("/").content.decode()  # the paused programme is the home page's one next step
    next_step = home[home.index('id="next-step"'):]
    assert next_step.index("Your programme is paused") < next_step.index("</section>")
    assert home.count('id="next-step"') == 1 and 'href="/programme/"' in next_step
    assert client.get("/programme/play/").status_code == 302  # the safety gate: sessions are closed while paused
    response = client.post("/programme/resume/", {"contacted": "on"}, follow=True)
    page = response.content.decode()
    assert "Programme resumed after your check with a clinician" in page and "Next: session 3 of 12" in page
    assert ChangeEntry.objects.filter(change="resume").count() == 1
