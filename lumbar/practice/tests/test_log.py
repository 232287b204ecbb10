"""The practice log: what the player posts is saved whole, or refused whole with a clear message."""
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from lumbar.practice.models import PracticeSession, PracticeStep

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("screened")]
URL = "/session/glide-and-rest/log/"


def valid_log(**changes):
    log = {
        "started_at": (timezone.now() - timedelta(minutes=12)).isoformat(),
        "completed": True,
        "floor_space": {"before": "fingers", "after": "little"},
        "pain": {"before": 5, "after": 3},
        "steps": [{"index": 2, "status": "done", "seconds": 70}, {"index": 4, "status": "skipped", "seconds": 3},
                  {"index": 5, "status": "done", "seconds": 90}],
    }
    log.update(changes)
    return log


def post(client, body):
    return client.post(URL, data=body if isinstance(body, str) else json.dumps(body), content_type="application/json")


def test_a_finished_session_is_saved_with_everything_entered(client, content):
    response = post(client, valid_log())
    assert response.status_code == 201
    session = PracticeSession.objects.get()
    assert (session.floor_before, session.floor_after, session.pain_before, session.pain_after) == ("fingers", "little", 5, 3)
    assert session.completed and session.user.username == "local"
    assert [(s.pose_slug, s.status, s.seconds) for s in session.steps.all()] == [
        ("pelvic-tilt", "done", 70), ("childs-pose", "skipped", 3), ("relaxation", "done", 90)]
    page = client.get(response.json()["url"]).content.decode()
    assert "Only fingers fit under" in page and "Hardly any space" in page
    assert "Your pain went from 5 to 3 out of 10." in page
    assert "After the tilts your lower back rested closer to the floor" in page


def test_camera_results_are_kept_only_when_sent(client, content):
    steps = [{"index": 2, "status": "done", "seconds": 70, "camera": {"reps": 8, "glide": [91.5, 64], "hold_seen": None}},
             {"index": 4, "status": "done", "seconds": 75}]
    url = post(client, valid_log(steps=steps)).json()["url"]
    tilt, rest = PracticeStep.objects.order_by("position")
    assert tilt.camera == {"reps": 8, "glide": [91.5, 64.0], "hold_seen": None, "floor_space": None} and rest.camera is None
    assert "8 repetitions" in client.get(url).content.decode()


def test_the_floor_space_seen_by_the_camera_is_kept_with_the_pose_and_checked(client, content):
    seen = {"before": -0.16, "after": -0.19, "change": "flatter"}
    steps = [{"index": 2, "status": "done", "seconds": 70,
              "camera": {"reps": 5, "glide": [80], "hold_seen": None, "floor_space": seen}}]
    url = post(client, valid_log(steps=steps)).json()["url"]
    assert PracticeStep.objects.get().camera["floor_space"] == seen
    assert "lower back looked a little flatter after than before (from the side)" in client.get(url).content.decode()
    for bad, field in (({**seen, "change": "straighter"}, "change"), ({**seen, "before": 99}, "before")):
        steps[0]["camera"]["floor_space"] = bad
        response = post(client, valid_log(steps=steps))
        assert response.status_code == 400 and field in response.json()["error"]


def test_a_session_ended_early_is_saved_as_such(client, content):
    response = post(client, valid_log(completed=False, pain={"before": 4, "after": None},
                                      floor_space={"before": "wide", "after": None},
                                      steps=[{"index": 2, "status": "done", "seconds": 20}]))
    assert response.status_code == 201
    assert not PracticeSession.objects.get().completed


TAMPERED = [
    ("pain", {"before": 11, "after": 3}, "pain.before"),
    ("pain", {"before": -1, "after": 3}, "pain.before"),
    ("pain", {"before": "5", "after": 3}, "pain.before"),
    ("pain", {"before": 5.5, "after": 3}, "pain.before"),
    ("floor_space", {"before": "huge", "after": "fingers"}, "floor_space.before"),
    ("floor_space", {"before": "wide", "after": "wide", "during": "wide"}, "floor_space.during"),
    ("started_at", "yesterday", "started_at"),
    ("started_at", "2026-01-01T10:00:00", "time zone"),
    ("started_at", "2999-01-01T10:00:00+00:00", "in the future"),
    ("completed", "yes", "completed"),
    ("steps", [{"index": 0, "status": "done", "seconds": 5}], "step 0 is not a pose"),
    ("steps", [{"index": 99, "status": "done", "seconds": 5}], "step 99 is not a pose"),
    ("steps", [{"index": 2, "status": "done", "seconds": 5}] * 2, "step 2 is listed twice"),
    ("steps", [{"index": 2, "status": "half-done", "seconds": 5}], "steps.0.status"),
    ("steps", [{"index": 2, "status": "done", "seconds": -4}], "steps.0.seconds"),
    ("steps", [{"index": 2, "status": "done", "seconds": 5, "pose": "headstand"}], "steps.0.pose"),
    ("steps", [{"index": 2, "status": "done", "seconds": 5, "camera": {"glide": [140]}}], "steps.0.camera.glide"),
    ("steps", [{"index": 2, "status": "done", "seconds": 5, "camera": {"video": "data:image/png"}}], "steps.0.camera.video"),
    ("steps", [{"index": 2, "status": "done", "seconds": 5, "rating": "awful"}], "steps.0.rating"),
    ("steps", [{"index": 2, "status": "done", "seconds": 5, "rating": 2}], "steps.0.rating"),
    ("steps", [{"index": 2, "status": "skipped", "seconds": 5, "rating": "easy"}], "step 2 has a rating but was skipped"),
    ("rounded_feel", "wonderful", "rounded_feel"),
    ("rounded_feel", 1, "rounded_feel"),
    ("user", 1, "user"),
]


@pytest.mark.parametrize("field,value,expected", TAMPERED, ids=[f"{f}={v!r}"[:40] for f, v, _ in TAMPERED])
def test_a_tampered_log_is_refused_with_the_problem_named_and_nothing_saved(client, content, field, value, expected):
    response = post(client, valid_log(**{field: value}))
    assert response.status_code == 400
    assert expected in response.json()["error"]
    assert PracticeSession.objects.count() == 0 and PracticeStep.objects.count() == 0


@pytest.mark.parametrize("body", ["not json", "[]", "{}", ""])
def test_a_body_that_is_not_a_log_is_refused(client, content, body):
    response = post(client, body)
    assert response.status_code == 400 and "not saved" in response.json()["error"]
    assert PracticeSession.objects.count() == 0


def test_logging_to_an_unknown_session_says_so(client, content):
    response = client.post("/session/no-such-thing/log/", data="{}", content_type="application/json")
    assert response.status_code == 404 and "no-such-thing" in response.json()["error"]


def test_only_post_is_accepted(client, content):
    assert client.get(URL).status_code == 405


def test_nobody_else_can_see_a_saved_session(client, content, stranger):
    url = post(client, valid_log()).json()["url"]
    client.logout()
    client.force_login(stranger)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", [URL, "/programme/log/1/", "/programme/sequences/1/log/",
                                 "/programme/check/flexion/log/"])
def test_a_log_from_someone_never_screened_is_refused_and_nothing_is_saved(client, content, url):
    from lumbar.safety.models import Screening

    Screening.objects.all().delete()
    response = client.post(url, data=json.dumps(valid_log()), content_type="application/json")
    assert response.status_code == 403 and "safety" in response.json()["error"].lower()
    assert not PracticeSession.objects.exists()
