"""No session starts or is logged without a clear safety state: every route into a session, every state."""
from datetime import date, timedelta

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import get_resolver, reverse
from django.utils import timezone

from lumbar.accounts.middleware import local_user
from lumbar.safety.actions import (record_assessment, record_clearance, record_flare, record_screening,
                                   record_symptoms, require_rescreen)
from lumbar.safety.gate import screening_required, screening_state
from lumbar.safety.models import Screening, SymptomEvent
from lumbar.safety.screening import IDS
from lumbar.safety.stop_rules import SymptomReport

pytestmark = pytest.mark.django_db
NO = {qid: False for qid in IDS}


def session_routes():
    """Every URL that starts or plays the core session. A new route into a session must be added here."""
    return [reverse("practice:start", args=["glide-and-rest"]), reverse("practice:play", args=["glide-and-rest"])]


def test_the_route_list_covers_every_session_view():
    names = {p.name for p in get_resolver().url_patterns[0].url_patterns if p.name}
    assert {"start", "play"} <= names
    assert len(session_routes()) == 2


def _screen(answers):
    return record_screening(local_user(), answers)


def _old(model, pk, days):
    model.objects.filter(pk=pk).update(created_at=timezone.now() - timedelta(days=days))


def _aged(screening, days):
    _old(Screening, screening.pk, days)
    return screening


def _urgent_stop():
    return record_symptoms(local_user(), sequence_slug="glide-and-rest", step_index=2, pose_slug="pelvic-tilt",
                           report=SymptomReport(2, False, False, True))


def _assessed():
    return record_assessment(local_user(), "Dr Lee", date.today(), "Gentle exercise is fine")


def _paused():
    from lumbar.programmes.models import Programme

    _screen(NO)
    Programme.objects.create(user=local_user(), profile={}, state={"paused": "worse-week-on-week"})


# state name -> (set-up, the state it gives)
STATES = {
    "never screened": (lambda: None, "needed"),
    "urgent": (lambda: _screen(NO | {"A1": True}), "urgent"),
    "urgent, not sure": (lambda: _screen(NO | {"A7": "unsure"}), "urgent"),
    "urgent answers so far (stopped early)": (lambda: _screen({"A1": True}), "urgent"),
    "urgent, then all no again": (lambda: (_aged(_screen(NO | {"A3": True}), 1), _screen(NO)), "urgent"),
    "urgent, then a later urgent": (lambda: (_aged(_screen(NO | {"A5": True}), 2), _screen(NO | {"A2": True})),
                                    "urgent"),
    "assessed, then urgent again": (lambda: (_aged(_screen(NO | {"A8": True}), 3), _assessed(),
                                             _screen(NO | {"A6": True})), "urgent"),
    "ok then stopped for urgent symptoms": (lambda: (_screen(NO), _urgent_stop()), "urgent"),
    "urgent stop, then all no again": (lambda: (_aged(_screen(NO), 2), _urgent_stop(), _screen(NO)), "urgent"),
    "urgent, assessed, not screened again": (lambda: (_aged(_screen(NO | {"A1": True}), 2), _assessed()), "needed"),
    "urgent stop, assessed": (lambda: (_aged(_screen(NO), 2), _urgent_stop(), _assessed()), "needed"),
    "clinician, not cleared": (lambda: _screen(NO | {"B2": True}), "clearance"),
    "clinician (B15), not cleared": (lambda: _screen(NO | {"B15": "unsure"}), "clearance"),
    "ok but 29 days old": (lambda: _aged(_screen(NO), 29), "needed"),
    "ok then a flare": (lambda: (_screen(NO), record_flare(local_user())), "needed"),
    "ok then a re-screen asked for": (lambda: (_screen(NO), require_rescreen(local_user(), "resumed")), "needed"),
    "programme paused": (_paused, "paused"),
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("route", range(2))
def test_without_a_clear_state_every_route_leads_to_the_gate(client, content, state, route):
    set_up, expected = STATES[state]
    set_up()
    assert screening_state(local_user()) == expected
    response = client.get(session_routes()[route])
    assert response.status_code == 302 and response.url == reverse("safety:gate")


ALLOWED = {
    "ok": lambda: _screen(NO),
    "ok, 27 days old": lambda: _aged(_screen(NO), 27),
    "routine: long-lasting pain alone (B14)": lambda: _screen(NO | {"B14": True}),
    "routine: B13 and B14, not sure": lambda: _screen(NO | {"B13": "unsure", "B14": "unsure"}),
    "clinician, cleared": lambda: record_clearance(_screen(NO | {"B9": True}), "Dr Lee", date.today()),
    "clinician, cleared with limits": lambda: record_clearance(_screen(NO | {"B11": True}), "Midwife", date.today(),
                                                               "No lying on my front"),
    "urgent, assessed, then a clear screening": lambda: (_aged(_screen(NO | {"A8": True}), 3), _assessed(),
                                                          _screen(NO)),
    "urgent stop, assessed, then a clear screening": lambda: (_aged(_screen(NO), 3), _urgent_stop(), _assessed(),
                                                              _screen(NO)),
    "a flare, then screened again": lambda: (_aged(_screen(NO), 5), record_flare(local_user()), _screen(NO)),
}


@pytest.mark.parametrize("state", ALLOWED)
@pytest.mark.parametrize("route", range(2))
def test_with_a_clear_state_every_route_opens(client, content, state, route):
    ALLOWED[state]()
    assert screening_state(local_user()) == "clear"
    response = client.get(session_routes()[route])
    assert response.status_code in (200, 302)
    assert response.status_code == 200 or response.url.startswith("/session/")


@screening_required
def _log_view(request):
    return HttpResponse("saved", status=201)


def _post_log():
    request = RequestFactory().post("/log/", data="{}", content_type="application/json")
    request.user = local_user()
    return _log_view(request)


@pytest.mark.parametrize("state", ["never screened", "urgent", "clinician, not cleared", "ok then a flare",
                                   "programme paused", "urgent stop, then all no again"])
def test_a_log_is_refused_with_403_json_naming_the_gate(state):
    STATES[state][0]()
    response = _post_log()
    assert response.status_code == 403 and response["Content-Type"] == "application/json"
    import json

    body = json.loads(response.content)
    assert body["gate_url"] == reverse("safety:gate") and "safety check" in body["error"]


def test_a_log_is_taken_when_clear():
    _screen(NO)
    assert _post_log().status_code == 201


def test_the_log_of_the_session_an_urgent_report_stopped_is_still_saved_but_not_hours_later():
    _aged(_screen(NO), 1)
    stop = _urgent_stop()
    assert screening_state(local_user()) == "urgent" and _post_log().status_code == 201
    _old(SymptomEvent, stop.pk, 0.5)  # 12 hours ago
    assert _post_log().status_code == 403


def test_a_stop_reported_without_a_clear_screening_does_not_open_the_log():
    _urgent_stop()
    assert _post_log().status_code == 403


def test_a_page_behind_the_gate_redirects_rather_than_refusing():
    request = RequestFactory().get("/play/")
    request.user = local_user()
    response = _log_view(request)
    assert response.status_code == 302 and response.url == reverse("safety:gate")
