"""Going on after a pause: a clinician must have been contacted, and the safety questions come first."""
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from lumbar.journal.models import JournalEntry
from lumbar.programmes.actions import ResumeRefused, count_morning, resume_programme
from lumbar.programmes.models import ChangeEntry, Programme
from lumbar.safety.actions import record_screening
from lumbar.safety.gate import NEEDED, PAUSED, screening_state
from lumbar.safety.models import RescreenRequest
from lumbar.safety.screening import IDS

from .web import morning_after, play_and_save, set_up

pytestmark = pytest.mark.django_db


def paused_by_weekly_pain(client, user):
    """A programme paused because this week's pain (6) is worse than last week's (3)."""
    set_up(user, days_per_week=3)
    for days_ago, pain in ((9, 3), (2, 6)):
        JournalEntry.objects.create(user=user, recorded_at=timezone.now() - timedelta(days=days_ago), pain=pain)
    play_and_save(client, pain=(6, 6))
    morning_after(user, "same")
    count_morning(user)
    assert Programme.objects.get().get_state().paused
    return Programme.objects.get()


def test_the_paused_page_asks_whether_a_clinician_was_contacted(client, screened, content):
    paused_by_weekly_pain(client, screened)
    for url in ("/programme/", "/programme/resume/"):
        page = client.get(url).content.decode()
        assert "I have talked to my doctor or a physio" in page and "Who did you talk to? (optional)" in page
        assert 'href="/safety/flare/"' in page
    assert Programme.objects.get().get_state().paused  # looking at the form changes nothing


@pytest.mark.parametrize("data, message", [
    ({}, "Talked to a doctor or physio: please do that first, then tick this box."),
    ({"who": "Dr Lee"}, "Talked to a doctor or physio: please do that first, then tick this box."),
    ({"contacted": "on", "when": "soon"}, "When: enter a date, for example 2026-03-04."),
    ({"contacted": "on", "when": "2999-01-01"}, "When: that date is in the future."),
    ({"contacted": "on", "when": "1999-12-31"}, "When: that date is too long ago; please check the year."),
    ({"contacted": "on", "who": "x" * 121}, "Who: please keep it under 120 characters."),
])
def test_without_a_clinician_or_with_bad_answers_the_programme_stays_paused(client, screened, content, data,
                                                                              message):
    record = paused_by_weekly_pain(client, screened)
    response = client.post("/programme/resume/", data)
    assert response.status_code == 400 and message in response.content.decode()
    record.refresh_from_db()
    assert record.get_state().paused and not ChangeEntry.objects.filter(change="resume").exists()
    assert screening_state(screened) == PAUSED and not RescreenRequest.objects.exists()  # nothing asked again yet


def test_resuming_records_the_contact_asks_the_safety_questions_again_then_goes_on_lighter(client, screened,
                                                                                             content):
    paused_by_weekly_pain(client, screened)
    seen_on = timezone.localdate() - timedelta(days=1)
    response = client.post("/programme/resume/", {"contacted": "on", "who": "Dr Lee", "when": seen_on.isoformat()},
                           follow=True)
    page = response.content.decode()
    text = (f"Programme resumed after your check with a clinician (Dr Lee, {date_format(seen_on, 'j F Y')}), a "
            "step lighter for the next 3 sessions.")
    assert ChangeEntry.objects.get(change="resume").text == text and text in page
    state = Programme.objects.get().get_state()
    assert state.paused is None and state.easing["sessions_left"] == 3
    assert state.resumed_on == timezone.localdate().isoformat()
    # the safety questions first: no session until they are answered again
    assert screening_state(screened) == NEEDED and RescreenRequest.objects.filter(user=screened).count() == 1
    assert "Answer the safety questions" in page and 'href="/programme/play/"' not in page
    assert client.get("/programme/play/").url.startswith("/safety/")


def test_a_resumed_programme_is_not_paused_again_by_the_weeks_before_it_resumed(client, screened, content):
    paused_by_weekly_pain(client, screened)
    resume_programme(screened, True)
    record_screening(screened, {qid: False for qid in IDS})
    play_and_save(client, pain=(6, 6))
    entries = count_morning(screened)  # today's morning answer again; last week is before the resume
    assert entries and "pause" not in [e["change"] for e in entries]
    assert Programme.objects.get().get_state().paused is None


def test_the_resume_action_refuses_without_a_clinician_contact(client, screened, content):
    paused_by_weekly_pain(client, screened)
    with pytest.raises(ResumeRefused, match="talk to a clinician"):
        resume_programme(screened, False)
    assert Programme.objects.get().get_state().paused
