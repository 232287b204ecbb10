"""Every write the player may send again (a retry, the outbox's queued copy) is done once per Idempotency-Key:
the session logs of every route and the symptom report. The safety gate answers before the key is used, so a
log refused by the gate is saved by the same key once the gate is clear."""
import json

import pytest

from lumbar.accounts.actions import record_kneeling
from lumbar.accounts.middleware import local_user
from lumbar.practice.models import PracticeSession
from lumbar.programmes.models import OwnSequence, Programme
from lumbar.programmes.tests.web import log_for, plan_of, set_up
from lumbar.safety.models import Screening, SymptomEvent

pytestmark = pytest.mark.django_db
KEY = "0f8e3c1a-5b7d-4e2f-9a6c-3d1b0e7f4a25"


def send(client, url, body, key=KEY):
    return client.post(url, data=body if isinstance(body, str) else json.dumps(body),
                       content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)


def twice(client, url, body):
    first, again = send(client, url, body), send(client, url, body)
    assert first.status_code == again.status_code == 201, (first.content, again.content)
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    return first


def own_sequence(user):
    return OwnSequence.objects.create(owner=user, title="Mine", steps=[
        {"type": "pose", "pose": "bridge", "variation": None, "reps": 5, "seconds": None}])


@pytest.mark.parametrize("route", ["core", "programme", "sequence", "check"])
def test_a_log_sent_twice_with_one_key_is_saved_once(client, screened, content, route):
    set_up(screened)
    record_kneeling(screened, True)
    url = {"core": "/session/glide-and-rest/play/", "programme": "/programme/play/",
           "sequence": f"/programme/sequences/{own_sequence(screened).pk}/play/",
           "check": "/programme/check/flexion/play/"}[route]
    plan = plan_of(client, url)
    twice(client, plan["log_url"], log_for(plan))
    assert PracticeSession.objects.count() == 1
    if route == "programme":  # the programme moved on once, and the replay is not "already saved"
        assert Programme.objects.get().get_state().position == 1


def test_a_symptom_report_sent_twice_with_one_key_is_logged_once(client, screened):
    report = {"sequence": "glide-and-rest", "step_index": 2, "pose": "pelvic-tilt", "pain": 5,
              "sharp_or_shooting": False, "spreading_to_leg": False, "urgent_symptoms": True, "pain_at_start": 2}
    assert twice(client, "/safety/symptoms/", report).json()["action"] == "stop-session"
    assert SymptomEvent.objects.count() == 1
    report["urgent_symptoms"] = False  # another report under the same key is refused, not logged
    assert send(client, "/safety/symptoms/", report).status_code == 422
    assert SymptomEvent.objects.count() == 1


def test_a_log_the_gate_refused_is_saved_by_the_same_key_once_the_gate_is_clear(client, content):
    from lumbar.safety.actions import record_screening
    from lumbar.safety.screening import IDS

    user = local_user()
    record_screening(user, {qid: False for qid in IDS})
    record_kneeling(user, True)
    plan = plan_of(client, "/session/glide-and-rest/play/")
    body = log_for(plan)
    Screening.objects.all().delete()
    refused = send(client, plan["log_url"], body)
    assert refused.status_code == 403 and "safety" in refused.json()["error"]
    record_screening(user, {qid: False for qid in IDS})
    assert send(client, plan["log_url"], body).status_code == 201
    assert PracticeSession.objects.count() == 1


def test_a_bad_key_on_a_log_is_refused_naming_the_header(client, screened, content):
    record_kneeling(screened, True)
    plan = plan_of(client, "/session/glide-and-rest/play/")
    response = send(client, plan["log_url"], log_for(plan), key="short")
    assert response.status_code == 400 and "Idempotency-Key" in response.json()["error"]
    assert not PracticeSession.objects.exists()
