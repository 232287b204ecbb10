"""The screening pages, urgent advice, assessment, clearance, the routine reminder, flares, stopped directions,
and the in-session symptom report."""
import json
from datetime import date, timedelta

import pytest
from django.test import override_settings

from lumbar.safety.facts import clearance_limits, screening_conditions, stopped_directions
from lumbar.safety.models import Assessment, DirectionStop, Flare, Screening, SymptomEvent
from lumbar.safety.screening import IDS, PAGES, QUESTIONS

pytestmark = pytest.mark.django_db
TODAY = date.today().isoformat()
TOMORROW = (date.today() + timedelta(days=1)).isoformat()


def answer_pages(client, answers=None, start=1):
    """Posts every page from `start`, "no" to each question unless `answers` (key -> yes/no/unsure) says."""
    answers = answers or {}
    response = None
    for number, page in enumerate(PAGES[start - 1:], start):
        body = {q.key: answers.get(q.key, "no") for q in page.questions if not q.follows or q.key in answers}
        response = client.post(f"/safety/screening/{number}/", body)
        if response.status_code != 302 or "/safety/screening/" not in response.url:
            return response
    return response


def test_a_new_person_is_sent_to_the_safety_questions_after_the_welcome(client, content):
    assert client.post("/learn/welcome/").url == "/safety/"
    assert "Answer the safety questions" in client.get("/").content.decode()
    assert "A few safety questions first" in client.get("/safety/").content.decode()


def test_the_first_screen_asks_about_the_bladder_one_idea_per_question_with_not_sure(client):
    page = client.get("/safety/screening/1/").content.decode()
    assert "Is it hard to start peeing?" in page and "Do you leak pee without meaning to?" in page
    assert page.count(">Not sure</label>") == len(PAGES[0].questions)


def test_an_unanswered_question_is_not_taken_as_no(client):
    response = client.post("/safety/screening/1/", {"bladder-start": "no", "bladder-stuck": "no"})
    assert response.status_code == 400 and "Please answer every question" in response.content.decode()
    assert Screening.objects.count() == 0


def test_after_a_yes_the_did_it_start_in_the_last_2_weeks_question_must_be_answered(client):
    body = {"bladder-start": "no", "bladder-stuck": "no", "bladder-leak": "yes", "bladder-full": "no"}
    response = client.post("/safety/screening/1/", body)
    assert response.status_code == 400 and "please answer this too" in response.content.decode()
    assert Screening.objects.count() == 0


def test_skipping_to_the_last_page_does_not_complete_the_screening(client):
    response = answer_pages(client, start=len(PAGES))
    assert response.url == "/safety/screening/1/" and Screening.objects.count() == 0


def test_all_no_gives_ok_with_safety_netting_and_unlocks_sessions(client, content):
    response = answer_pages(client)
    screening = Screening.objects.get()
    assert (screening.tier, screening.reasons, screening.answers) == ("ok", [], {q: False for q in IDS})
    assert screening.complete and set(screening.parts) == {k for k, q in QUESTIONS.items() if not q.follows}
    page = client.get(response.url).content.decode()
    assert "You can start" in page and "cannot rule it out" in page
    assert client.get("/session/glide-and-rest/").status_code == 200


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_an_urgent_answer_on_the_first_screen_gives_urgent_advice_at_once(client, content, answer):
    response = client.post("/safety/screening/1/", {"bladder-start": "no", "bladder-stuck": "no",
                                                    "bladder-leak": answer, "bladder-full": "no",
                                                    "bladder-new": "yes"})
    screening = Screening.objects.get()
    assert response.url == f"/safety/result/{screening.pk}/"
    assert (screening.tier, screening.complete, screening.reasons) == ("urgent", False, ["A1"])
    assert screening.answers == {"A1": True if answer == "yes" else "unsure"}
    page = client.get(response.url).content.decode()
    assert 'class="urgent-page"' in page and 'role="alert"' in page and "Please get medical help now" in page
    assert "your local emergency number" in page and "a new change in how your bladder works" in page
    assert "When each one started" in page
    assert "probably" not in page.lower()
    assert "Do not drive yourself." not in page  # a bladder change alone: the line is for A3, A5 and A7
    assert client.get("/session/glide-and-rest/play/").url == "/safety/"


@override_settings(EMERGENCY_NUMBER="999")
def test_the_urgent_page_names_the_emergency_number_from_the_setting_and_says_not_to_drive_for_chest_pain(client):
    answer_pages(client, {"chest-pain": "yes"})
    page = client.get("/safety/").content.decode()
    assert "Call 999 now" in page and "your local emergency number" not in page
    assert "Do not drive yourself." in page and "chest pain" in page


def test_an_older_bladder_change_is_b15_and_needs_a_clinician(client, content):
    page = client.get(answer_pages(client, {"bladder-leak": "yes", "bladder-new": "no"}).url).content.decode()
    screening = Screening.objects.get()
    assert (screening.tier, screening.reasons) == ("clinician", ["B15"])
    assert "Please see a clinician soon" in page and "lasted more than 2 weeks" in page
    assert client.get("/session/glide-and-rest/").url == "/safety/"


def test_after_an_urgent_answer_only_a_recorded_assessment_then_a_fresh_screening_unlock(client, content):
    answer_pages(client, {"saddle-numb": "yes", "saddle-new": "yes"})
    answer_pages(client)  # all no again: still locked
    assert Screening.objects.first().tier == "ok"
    assert client.get("/session/glide-and-rest/").url == "/safety/"
    assert "Sessions are locked until a clinician has checked you" in client.get("/safety/").content.decode()

    refused = client.post("/safety/assessment/", {"assessed_by": "Dr Lee", "assessed_on": TOMORROW,
                                                  "exercise_advice": "Fine"})
    assert refused.status_code == 400 and "cannot be in the future" in refused.content.decode()
    refused = client.post("/safety/assessment/", {"assessed_by": "Dr Lee", "assessed_on": TODAY})
    assert refused.status_code == 400 and "This field is required." in refused.content.decode()
    assert Assessment.objects.count() == 0

    client.post("/safety/assessment/", {"assessed_by": "A&E doctor", "assessed_on": TODAY,
                                        "exercise_advice": "Gentle movement is fine"})
    assessment = Assessment.objects.get()
    assert (assessment.assessed_by, assessment.exercise_advice) == ("A&E doctor", "Gentle movement is fine")
    assert client.get("/session/glide-and-rest/").url == "/safety/"  # a fresh screening first
    assert "A few safety questions first" in client.get("/safety/").content.decode()
    answer_pages(client)
    assert client.get("/session/glide-and-rest/").status_code == 200


def test_clinician_tier_unlocks_only_after_clearance_recording_what_it_was_for(client, content):
    page = client.get(answer_pages(client, {"cancer": "yes"}).url).content.decode()
    assert "Please see a clinician soon" in page and "cancer, now or in the past" in page
    assert client.get("/session/glide-and-rest/").url == "/safety/"
    good = {"cleared_by": "Dr Lee", "cleared_on": TODAY, "cleared_for": "all", "confirm": "on"}
    for changes, message in [({"cleared_on": TOMORROW}, "cannot be in the future"),
                             ({"cleared_by": ""}, "This field is required."),
                             ({"cleared_for": "limits"}, "Please write down the limits"),
                             ({"cleared_for": "some"}, "Select a valid choice")]:
        refused = client.post("/safety/clearance/", good | changes)
        assert refused.status_code == 400 and message in refused.content.decode()
    assert Screening.objects.get().clearance_recorded_at is None
    client.post("/safety/clearance/", good | {"cleared_for": "limits", "limits": "No twisting for 6 weeks"})
    screening = Screening.objects.get()
    assert (screening.cleared_by, screening.cleared_on, screening.cleared_for, screening.clearance_limits) == (
        "Dr Lee", date.today(), "limits", "No twisting for 6 weeks")
    assert clearance_limits(screening.user) == "No twisting for 6 weeks"
    assert client.get("/session/glide-and-rest/").status_code == 200
    from lumbar.accounts.models import Profile

    Profile.objects.update_or_create(user=screening.user, defaults={"can_kneel": True})
    page = client.get("/session/glide-and-rest/play/").content.decode()  # shown before every session
    assert "Your clinician's limits:" in page and "No twisting for 6 weeks" in page


def test_long_lasting_pain_alone_is_routine_sessions_stay_open_and_home_reminds_until_done(client, content):
    page = client.get(answer_pages(client, {"coping": "yes"}).url).content.decode()
    assert Screening.objects.get().tier == "routine"
    assert "book a routine appointment" in page and "cannot rule it out" in page
    assert client.get("/session/glide-and-rest/").status_code == 200
    assert "I have had this appointment" in client.get("/").content.decode()
    client.post("/safety/routine-done/")
    assert Screening.objects.get().routine_done_at is not None
    assert "I have had this appointment" not in client.get("/").content.decode()


def test_a_flare_asks_for_screening_again(client, content):
    answer_pages(client)
    client.post("/safety/flare/", {"note": "Bent to lift a box"})
    assert Flare.objects.get().note == "Bent to lift a box"
    assert client.get("/session/glide-and-rest/").url == "/safety/"


def test_a_paused_programme_closes_sessions_and_says_why(client, content):
    from lumbar.accounts.middleware import local_user
    from lumbar.programmes.models import Programme

    answer_pages(client)
    Programme.objects.create(user=local_user(), profile={}, state={"paused": "worse-week-on-week"})
    assert client.get("/session/glide-and-rest/").url == "/safety/"
    page = client.get("/safety/").content.decode()
    assert "Your programme is paused" in page and 'href="/programme/"' in page


@pytest.mark.parametrize("parts,conditions", [
    ({}, set()),
    ({"thin-bones": "yes"}, {"osteoporosis"}),
    ({"steroids": "unsure"}, {"osteoporosis"}),
    ({"pregnant": "yes"}, {"pregnancy"}),
    ({"birth": "unsure"}, {"pregnancy"}),
    ({"hip-precautions": "yes"}, {"posterior-hip-replacement"}),
    ({"surgery": "yes"}, set()),
])
def test_screening_answers_carry_conditions_into_the_programme(client, parts, conditions):
    answer_pages(client, parts)
    assert screening_conditions(Screening.objects.get().user) == conditions


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
def test_a_symptom_report_is_decided_by_the_rules_and_logged_without_a_screening(client, changes, action):
    response = symptom(client, **changes)
    assert response.status_code == 201 and response.json()["action"] == action
    assert response.json()["message"]
    event = SymptomEvent.objects.get()
    assert (event.action, event.step_index, event.pose_slug, event.sequence_slug) == (action, 2, "pelvic-tilt", "glide-and-rest")


def test_an_urgent_report_locks_sessions_until_an_assessment_then_a_screening(client, content):
    answer_pages(client)
    assert symptom(client, urgent_symptoms=True).json()["urgent_url"] == "/safety/"
    answer_pages(client)
    assert client.get("/session/glide-and-rest/").url == "/safety/"
    page = client.get("/safety/").content.decode()
    assert "Which symptoms you have" in page and "do not drive yourself" in page


@pytest.mark.parametrize("sequence,pose,directions,source", [
    ("glide-and-rest", "cat-cow", {"flexion", "extension"}, "session"),
    ("glide-and-rest", "knees-to-chest", {"flexion"}, "session"),
    ("direction-check-extension", "sphinx", {"extension"}, "check"),
])
def test_spreading_leg_symptoms_stop_each_direction_the_pose_loads_until_lifted_with_a_note(
        client, sequence, pose, directions, source):
    symptom(client, sequence=sequence, pose=pose, spreading_to_leg=True)
    user = SymptomEvent.objects.get().user
    assert directions <= stopped_directions(user)
    assert {stop.source for stop in DirectionStop.objects.all()} == {source}
    page = client.get("/safety/directions/").content.decode()
    assert "Lift the stop on" in page
    direction = sorted(directions)[0]
    refused = client.post("/safety/directions/", {"direction": direction, "note": "  "})
    assert refused.status_code == 400 and direction in stopped_directions(user)
    refused = client.post("/safety/directions/", {"direction": "sideways", "note": "ok"})
    assert refused.status_code == 400 and "is not a stopped direction" in refused.content.decode()
    client.post("/safety/directions/", {"direction": direction, "note": "Physio says arching is fine again"})
    assert direction not in stopped_directions(user)
    assert "Physio says arching is fine again" in client.get("/safety/directions/").content.decode()


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
