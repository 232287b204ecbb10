"""The optional direction check: two halves on separate days, each answer recorded and its effect shown."""
from datetime import timedelta

import pytest
from django.utils import timezone

from lumbar.practice.models import PracticeSession
from lumbar.programmes.models import ChangeEntry, Programme

from .web import log_for, plan_of, set_up

pytestmark = pytest.mark.django_db


def test_the_check_page_offers_both_halves_with_a_start_button(client, screened, content):
    set_up(screened)
    page = client.get("/programme/check/").content.decode()
    assert "Rounding the lower back" in page and "Arching the lower back" in page
    assert 'href="/programme/check/flexion/play/"' in page and 'href="/programme/check/extension/play/"' in page


def test_an_answer_changes_the_programme_and_the_changelog_says_so(client, screened, content):
    set_up(screened)
    page = client.post("/programme/check/flexion/", {"response": "easing"}, follow=True).content.decode()
    assert "The programme now leans toward poses that round the lower back" in page
    record = Programme.objects.get()
    assert record.profile["direction_check"] == {"flexion": "easing"}
    assert ChangeEntry.objects.get().change == "direction-check"
    assert "leans toward poses that round the lower back" in client.get("/programme/").content.decode()


def test_the_other_half_waits_for_another_day(client, screened, content):
    set_up(screened)
    client.post("/programme/check/flexion/", {"response": "no-change"})
    page = client.post("/programme/check/extension/", {"response": "spreading"}, follow=True).content.decode()
    assert "Do this half on another day" in page
    assert Programme.objects.get().profile["direction_check"] == {"flexion": "no-change"}
    record = Programme.objects.get()
    record.check_days = {"flexion": (timezone.localdate() - timedelta(days=1)).isoformat()}
    record.save()
    page = client.post("/programme/check/extension/", {"response": "spreading"}, follow=True).content.decode()
    assert "leaves out poses that arch the lower back from now on" in page
    assert Programme.objects.get().profile["direction_check"] == {"extension": "spreading", "flexion": "no-change"}
    page = client.get("/programme/").content.decode()
    assert "leaves out poses that arch the lower back from now on" in page
    assert "Sphinx</dt>" in page  # now among the poses left out, with why


def test_an_answer_must_be_one_of_the_four(client, screened, content):
    set_up(screened)
    page = client.post("/programme/check/flexion/", {"response": "meh"}, follow=True).content.decode()
    assert "choose one of the four answers" in page
    assert Programme.objects.get().profile["direction_check"] is None


def test_a_half_the_answers_rule_out_is_not_offered_and_says_why(client, screened, content):
    set_up(screened, conditions=["pregnancy"])
    page = client.get("/programme/check/").content.decode()
    assert "Not offered to you:" in page and "Lying on your front is not advised in pregnancy." in page
    assert client.get("/programme/check/extension/play/").url == "/programme/check/"


def test_a_half_plays_in_the_player_and_its_log_is_saved(client, screened, content):
    set_up(screened)
    plan = plan_of(client, "/programme/check/flexion/play/")
    assert [s.get("pose") for s in plan["steps"] if s["type"] == "pose"] == ["knees-to-chest"]
    response = client.post(plan["log_url"], data=log_for(plan), content_type="application/json")
    assert response.status_code == 201 and response.json()["url"] == "/programme/check/#check-flexion"
    assert PracticeSession.objects.get().sequence_slug == "direction-check-flexion"


def test_symptoms_that_spread_in_the_check_keep_that_direction_out_until_the_stop_is_lifted(client, screened, content):
    from lumbar.programmes.person import profile_for
    from lumbar.programmes.exclusions import may_do

    set_up(screened)
    client.post("/programme/check/flexion/", {"response": "spreading"})
    assert not may_do(profile_for(screened), "knees-to-chest").allowed
    assert may_do(profile_for(screened), "pelvic-tilt").variation == "arching-half"
    page = client.get("/safety/directions/").content.decode()
    assert "Lift the stop" in page
    client.post("/safety/directions/", {"direction": "flexion", "note": "My physio checked me: rounding is fine"})
    assert may_do(profile_for(screened), "knees-to-chest").allowed
