"""What the player adds for someone who has learned it: short instructions for poses done before (from their
own practice log), what the session needs, ratings and the seed's question in the log, and the floor-space
result explained in one set of words for the player and the session page."""
import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lumbar.practice.floor_space_meaning import NOT_A_MEASUREMENT, floor_change, floor_meaning, floor_meaning_words
from lumbar.practice.forms import LogError, parse_practice_log
from lumbar.practice.models import PracticeSession, PracticeStep

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kneels")]
PLAY, LOG = "/session/glide-and-rest/play/", "/session/glide-and-rest/log/"


@pytest.fixture
def kneels(screened):
    from lumbar.accounts.actions import record_kneeling

    record_kneeling(screened, True)  # else the player asks first
    return screened


def plan_of(client):
    response = client.get(PLAY)
    assert response.status_code == 200
    return response.context["plan"]


def log(**changes):
    body = {"started_at": (timezone.now() - timedelta(minutes=9)).isoformat(), "completed": True,
            "floor_space": {"before": "fingers", "after": "little"}, "pain": {"before": 5, "after": 3},
            "steps": [{"index": 2, "status": "done", "seconds": 64, "rating": "easy"},
                      {"index": 4, "status": "done", "seconds": 75, "rating": "hurt"},
                      {"index": 5, "status": "skipped", "seconds": 2}],
            "rounded_feel": "easier"}
    body.update(changes)
    return body


def post(client, body):
    return client.post(LOG, data=json.dumps(body), content_type="application/json")


def poses(plan):
    return {step["pose"]: step for step in plan["steps"] if step["type"] == "pose"}


def test_ratings_and_the_seed_answer_are_kept_with_the_session_and_shown(client, content):
    response = post(client, log())
    assert response.status_code == 201
    session = PracticeSession.objects.get()
    assert session.rounded_feel == "easier"
    assert {s.pose_slug: s.rating for s in session.steps.all()} == {
        "pelvic-tilt": "easy", "childs-pose": "hurt", "relaxation": ""}
    page = client.get(response.json()["url"]).content.decode()
    assert "After the tilts, the rounded stretch felt easier than you expected." in page
    assert "It hurt" in page and "Easy" in page


def test_no_rating_and_no_answer_are_fine(client, content):
    body = log(rounded_feel=None, steps=[{"index": 2, "status": "done", "seconds": 64}])
    assert post(client, body).status_code == 201
    session = PracticeSession.objects.get()
    assert session.rounded_feel == "" and session.steps.get().rating == ""


def test_the_seed_answer_is_refused_for_a_session_without_the_rounded_rest(client, content):
    plan = plan_of(client)
    without = {**plan, "steps": [{**s, "ask_rounded": False} for s in plan["steps"]]}
    with pytest.raises(LogError, match="rounded_feel"):
        parse_practice_log(json.dumps(log()).encode(), lambda at: without)


def test_the_floor_space_result_is_explained_as_a_self_observation_on_the_session_page(client, content):
    url = post(client, log()).json()["url"]
    page = client.get(url).content.decode()
    for sentence in floor_meaning("fingers", "little"):
        assert sentence in page
    assert "resting more easily on the floor" in page
    assert "not a measurement of your spine" in page


def test_one_set_of_floor_space_words_for_the_player_and_the_session_page(client, content):
    plan = plan_of(client)
    assert plan["floor_meaning"] == floor_meaning_words()
    assert [floor_change("wide", "little"), floor_change("little", "wide"), floor_change("fingers", "fingers")] == [
        "less", "more", "same"]
    assert floor_change("fingers", None) is None and floor_meaning(None, "little") == []
    for change in ("less", "same", "more"):
        assert floor_meaning_words()[change] in floor_meaning(*{"less": ("wide", "fingers"), "same": ("wide", "wide"),
                                                                 "more": ("little", "wide")}[change])
    assert all(str(NOT_A_MEASUREMENT) in floor_meaning(b, a) for b, a in (("wide", "wide"), ("little", "wide")))


def test_the_floor_space_words_claim_nothing_and_read_easily():
    import textstat

    from lumbar.content.claims import unsupported_claim

    for text in floor_meaning_words().values():
        assert unsupported_claim(text) is None, text
        assert textstat.flesch_kincaid_grade(text) <= 7, text


def test_every_pose_is_new_the_first_time_and_done_before_after_a_session_with_it(client, content):
    first = poses(plan_of(client))
    assert not any(step["done_before"] for step in first.values())
    post(client, log())
    again = poses(plan_of(client))
    # done to the end counts; skipped does not
    assert again["pelvic-tilt"]["done_before"] and again["childs-pose"]["done_before"]
    assert not again["relaxation"]["done_before"]


def test_done_before_comes_from_this_persons_own_log_only(client, content, stranger):
    from lumbar.practice.plan import poses_done_before
    from lumbar.accounts.access import grant_for

    other = PracticeSession.objects.create(user=stranger, sequence_slug="glide-and-rest", sequence_title="x",
                                           started_at=timezone.now(), finished_at=timezone.now())
    PracticeStep.objects.create(session=other, position=2, pose_slug="pelvic-tilt", pose_name="Pelvic tilt",
                                status="done")
    assert not poses(plan_of(client))["pelvic-tilt"]["done_before"]
    assert poses_done_before(grant_for(stranger, stranger)) == {("pelvic-tilt", "")}


def test_opening_the_player_writes_nothing(client, content):
    post(client, log())
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PLAY).status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []


def test_the_ready_screen_lists_what_the_session_needs(client, content):
    response = client.get(PLAY)
    plan = response.context["plan"]
    assert {prop["slug"] for prop in plan["props"]} >= {"mat"}
    assert all(prop["slug"] in step["props"] for prop in plan["props"] for step in poses(plan).values()
               if prop["slug"] in step["props"]) and plan["props"]
    page = response.content.decode()
    assert "What you need" in page
    for prop in plan["props"]:
        assert f'data-prop="{prop["slug"]}">{prop["label"]}<' in page


def test_a_version_needs_its_own_props(content):
    from lumbar.practice.plan import pose_step
    from lumbar.programmes.profile import parse_profile

    profile = parse_profile({"minutes": 20, "days_per_week": 3})
    assert pose_step("belly-breathing", profile, variation="seated-breathing")["props"] == ["chair", "cushion"]


def test_the_seed_question_follows_the_rounded_rest_after_the_tilts(client, content):
    plan = plan_of(client)
    asked = [step["pose"] for step in plan["steps"] if step.get("ask_rounded")]
    assert asked == ["childs-pose"]
    assert [o["value"] for o in plan["rounded"]["options"]] == ["easier", "same", "harder", "unsure"]
    assert [r["value"] for r in plan["ratings"]] == ["easy", "about-right", "hard", "hurt"]
    assert "easier than you expected" in plan["rounded"]["question"]


def test_the_language_switch_is_in_the_players_settings(client, content):
    page = client.get(PLAY).content.decode()
    settings = page[page.index('id="sound-dialog"'):]
    assert 'class="field player-language"' in settings and 'class="language-switch"' in settings
