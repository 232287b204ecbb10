"""No session can start without a current, clear screening: every route into a session, every state."""
from datetime import date, timedelta

import pytest
from django.urls import get_resolver, reverse
from django.utils import timezone

from lumbar.accounts.middleware import local_user
from lumbar.safety.actions import record_clearance, record_flare, record_screening, record_symptoms
from lumbar.safety.models import Screening
from lumbar.safety.screening import IDS
from lumbar.safety.stop_rules import SymptomReport

pytestmark = pytest.mark.django_db
NO = {qid: False for qid in IDS}


def session_routes():
    """Every URL that starts or plays a session. A new route into a session must be added here."""
    return [reverse("practice:start", args=["glide-and-rest"]), reverse("practice:play", args=["glide-and-rest"])]


def test_the_route_list_covers_every_session_view():
    names = {p.name for p in get_resolver().url_patterns[0].url_patterns if p.name}
    assert {"start", "play"} <= names
    assert len(session_routes()) == 2


def _screen(answers):
    return record_screening(local_user(), answers)


def _old(screening, days):
    Screening.objects.filter(pk=screening.pk).update(created_at=timezone.now() - timedelta(days=days))


STATES = {
    "never screened": lambda: None,
    "urgent": lambda: _screen(NO | {"A1": True}),
    "clinician, not cleared": lambda: _screen(NO | {"B2": True}),
    "routine clinician, not cleared": lambda: _screen(NO | {"B14": True}),
    "ok but 29 days old": lambda: _old(_screen(NO), 29),
    "ok then a flare": lambda: (_screen(NO), record_flare(local_user())),
    "ok then stopped for urgent symptoms": lambda: (_screen(NO), record_symptoms(
        local_user(), sequence_slug="glide-and-rest", step_index=2, pose_slug="pelvic-tilt",
        report=SymptomReport(2, False, False, True))),
    "urgent then a later urgent": lambda: (_old(_screen(NO | {"A5": True}), 2), _screen(NO | {"A2": True})),
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("route", range(2))
def test_without_a_current_clear_screening_every_route_leads_to_the_gate(client, content, state, route):
    STATES[state]()
    response = client.get(session_routes()[route])
    assert response.status_code == 302 and response.url == reverse("safety:gate")


ALLOWED = {
    "ok": lambda: _screen(NO),
    "ok, 27 days old": lambda: _old(_screen(NO), 27),
    "clinician, cleared": lambda: record_clearance(_screen(NO | {"B9": True}), "Dr Lee", date.today()),
    "urgent, then a later clear screening": lambda: (_old(_screen(NO | {"A8": True}), 3), _screen(NO)),
    "a flare, then screened again": lambda: (_old(_screen(NO), 5), record_flare(local_user()), _screen(NO)),
}


@pytest.mark.parametrize("state", ALLOWED)
@pytest.mark.parametrize("route", range(2))
def test_with_a_current_clear_screening_every_route_opens(client, content, state, route):
    ALLOWED[state]()
    response = client.get(session_routes()[route])
    assert response.status_code in (200, 302)
    assert response.status_code == 200 or response.url.startswith("/session/")
