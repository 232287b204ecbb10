"""The screening pages, the outcomes, clearance, flares, and the in-session symptom report."""
import json
from datetime import date, timedelta

import pytest

from lumbar.safety.models import Flare, Screening, SymptomEvent
from lumbar.safety.screening import IDS
from lumbar.safety.views import PAGES

pytestmark = pytest.mark.django_db


def answer_all(client, yes=()):
    response = None
    for number, ids in enumerate(PAGES, 1):
        response = client.post(f"/safety/screening/{number}/", {q: "yes" if q in yes else "no" for q in ids})
    return response


def test_a_new_person_is_sent_to_the_safety_questions(client, content):
    assert "Answer the safety questions" in client.get("/").content.decode()
    page = client.get("/safety/").content.decode()
    assert "A few safety questions first" in page


def test_the_questions_come_a_few_per_screen_and_urgent_ones_first(client):
    assert [len(p) for p in PAGES] == [5, 3, 4, 4, 4, 2]
    first = client.get("/safety/screening/1/").content.decode()
    assert "In the last 2 weeks" in first and "bladder" in first


def test_an_unanswered_question_is_not_taken_as_no(client):
    response = client.post("/safety/screening/1/", {"A1": "no", "A2": "no"})
    assert response.status_code == 200
    assert "Please answer every question" in response.content.decode()
    assert Screening.objects.count() == 0


def test_skipping_to_the_last_page_does_not_complete_the_screening(client):
    response = client.post(f"/safety/screening/{len(PAGES)}/", {"B13": "no", "B14": "no"})
    assert response.url == "/safety/screening/1/" and Screening.objects.count() == 0


def test_all_no_gives_ok_with_safety_netting_and_unlocks_sessions(client, content):
    response = answer_all(client)
    screening = Screening.objects.get()
    assert (screening.tier, screening.reasons, screening.answers) == ("ok", [], {q: False for q in IDS})
    page = client.get(response.url).content.decode()
    assert "You can start" in page and "cannot rule it out" in page
    assert client.get("/session/glide-and-rest/").status_code == 200


def test_urgent_shows_emergency_advice_and_blocks_sessions(client, content):
    page = client.get(answer_all(client, yes={"A3"}).url).content.decode()
    assert "Please get medical help now" in page and "emergency" in page
    assert client.get("/session/glide-and-rest/play/").url == "/safety/"
    assert "Sessions are paused" in client.get("/safety/").content.decode()


def test_clinician_tier_unlocks_only_after_clearance_is_recorded(client, content):
    page = client.get(answer_all(client, yes={"B2"}).url).content.decode()
    assert "Please see a clinician soon" in page
    assert client.get("/session/glide-and-rest/").url == "/safety/"
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    refused = client.post("/safety/clearance/", {"cleared_by": "Dr Lee", "cleared_on": tomorrow, "confirm": "on"})
    assert refused.status_code == 200 and "cannot be in the future" in refused.content.decode()
    refused = client.post("/safety/clearance/", {"cleared_by": "", "cleared_on": date.today().isoformat()})
    assert refused.status_code == 200 and "This field is required." in refused.content.decode()
    assert Screening.objects.get().clearance_recorded_at is None
    client.post("/safety/clearance/", {"cleared_by": "Dr Lee", "cleared_on": date.today().isoformat(), "confirm": "on"})
    screening = Screening.objects.get()
    assert (screening.cleared_by, screening.cleared_on) == ("Dr Lee", date.today())
    assert client.get("/session/glide-and-rest/").status_code == 200


def test_routine_items_are_worded_as_routine(client):
    page = client.get(answer_all(client, yes={"B13", "B14"}).url).content.decode()
    assert "Book a routine appointment" in page and "Nothing you told us is an emergency" in page


def test_a_flare_asks_for_screening_again(client, content):
    answer_all(client)
    client.post("/safety/flare/", {"note": "Bent to lift a box"})
    assert Flare.objects.get().note == "Bent to lift a box"
    assert client.get("/session/glide-and-rest/").url == "/safety/"


def test_someone_elses_result_is_not_shown(client, stranger):
    from lumbar.safety.actions import record_screening

    theirs = record_screening(stranger, {q: False for q in IDS})
    assert client.get(f"/safety/result/{theirs.pk}/").status_code == 404


def symptom(client, **changes):
    body = {"sequence": "glide-and-rest", "step_index": 2, "pose": "pelvic-tilt", "pain": 2,
            "sharp_or_shooting": False, "spreading_to_leg": False, "urgent_symptoms": False, "pain_at_start": 2}
    body.update(changes)
    return client.post("/safety/symptoms/", data=json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("changes,action", [
    ({}, "continue"),
    ({"pain": 5}, "ease"),
    ({"pain": 3, "pain_at_start": 1}, "ease"),
    ({"pain": 7}, "stop-pose"),
    ({"sharp_or_shooting": True}, "stop-pose"),
    ({"spreading_to_leg": True}, "stop-direction"),
    ({"urgent_symptoms": True}, "stop-session"),
])
def test_a_symptom_report_is_decided_by_the_rules_and_logged_with_its_step(client, changes, action):
    response = symptom(client, **changes)
    assert response.status_code == 201 and response.json()["action"] == action
    assert response.json()["message"]
    event = SymptomEvent.objects.get()
    assert (event.action, event.step_index, event.pose_slug, event.sequence_slug) == (action, 2, "pelvic-tilt", "glide-and-rest")


def test_an_urgent_report_sends_the_person_to_urgent_advice_and_rescreening(client, content):
    answer_all(client)
    assert symptom(client, urgent_symptoms=True).json()["urgent_url"] == "/safety/"
    assert client.get("/session/glide-and-rest/").url == "/safety/"


@pytest.mark.parametrize("changes,field", [
    ({"pain": 11}, "pain must be from 0 to 10"),
    ({"pain": "7"}, "pain is missing or not a int"),
    ({"pain": True}, "pain is missing or not a int"),
    ({"urgent_symptoms": "no"}, "urgent_symptoms is missing"),
    ({"step_index": -1}, "step_index must not be negative"),
    ({"pain_at_start": 12}, "pain_at_start must be from 0 to 10"),
    ({"sequence": None}, "sequence is missing"),
])
def test_a_bad_symptom_report_is_refused_naming_the_field(client, changes, field):
    response = symptom(client, **changes)
    assert response.status_code == 400 and field in response.json()["error"]
    assert SymptomEvent.objects.count() == 0


def test_a_symptom_report_that_is_not_json_is_refused(client):
    response = client.post("/safety/symptoms/", data="pain=9", content_type="application/json")
    assert response.status_code == 400 and "not understood" in response.json()["error"]
