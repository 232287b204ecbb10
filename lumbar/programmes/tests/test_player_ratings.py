"""Ratings given inside the player reach the programme's adaptation exactly as ratings given on the done page:
both go through one place (actions._adapt_session), so "it hurt" counts the same either way."""
import json

import pytest

from lumbar.programmes.models import ChangeEntry, Programme

from .web import log_for, plan_of, play_and_save, set_up

pytestmark = pytest.mark.django_db


def outcome():
    programme = Programme.objects.get()
    done = programme.done_sessions.order_by("-pk").first()
    return {"state": programme.state, "ratings": done.ratings,
            "changes": list(ChangeEntry.objects.values_list("pose", "change", "text")),
            "steps": {s.pose_slug: s.rating for s in done.practice.steps.all()}}


def poses_in(client):
    """Today's poses, in order, without repeats (the week's content may change; the tests do not rely on it)."""
    return list(dict.fromkeys(step["pose"] for step in plan_of(client)["steps"] if step["type"] == "pose"))


def test_it_hurt_in_the_player_does_what_it_hurt_on_the_done_page_does(client, screened, content):
    set_up(screened, days_per_week=1)
    pose = poses_in(client)[1]
    play_and_save(client, ratings={pose: "hurt"})
    from_player = outcome()

    Programme.objects.all().delete()
    set_up(screened, days_per_week=1)
    url = play_and_save(client).json()["url"]
    assert client.post(url, {f"rating-{pose}": "hurt"}).status_code == 302
    from_done_page = outcome()

    assert from_player == from_done_page
    assert from_player["ratings"] == {pose: "hurt"} and from_player["state"]["hurt"] == {pose: 1}
    assert [change for _, change, _ in from_player["changes"]] == ["noted"]


def test_the_done_page_shows_the_ratings_given_in_the_player_and_can_change_them(client, screened, content):
    set_up(screened, days_per_week=1)
    first, second = poses_in(client)[:2]
    url = play_and_save(client, ratings={first: "hard", second: "easy"}).json()["url"]
    page = client.get(url).content.decode()
    assert f'name="rating-{first}" value="hard" checked' in page
    assert f'name="rating-{second}" value="easy" checked' in page
    client.post(url, {f"rating-{first}": "easy", f"rating-{second}": "easy"})
    assert outcome()["ratings"] == {first: "easy", second: "easy"}


def test_a_bad_rating_from_the_player_is_refused_naming_it_and_nothing_changes(client, screened, content):
    set_up(screened, days_per_week=1)
    plan = plan_of(client)
    body = json.loads(log_for(plan, ratings={poses_in(client)[0]: "terrible"}))
    response = client.post(plan["log_url"], data=json.dumps(body), content_type="application/json")
    assert response.status_code == 400 and ".rating" in response.json()["error"]
    assert not Programme.objects.get().done_sessions.exists()
    assert Programme.objects.get().get_state().position == 0


def test_the_programme_asks_the_seed_question_after_its_rounded_rest_in_week_one(client, screened, content):
    set_up(screened, days_per_week=1)
    plan = plan_of(client)
    asked = [step["pose"] for step in plan["steps"] if step.get("ask_rounded")]
    assert asked and asked[0] in ("childs-pose", "knees-to-chest")
    body = json.loads(log_for(plan))
    body["rounded_feel"] = "same"
    response = client.post(plan["log_url"], data=json.dumps(body), content_type="application/json")
    assert response.status_code == 201
    assert Programme.objects.get().done_sessions.get().practice.rounded_feel == "same"
