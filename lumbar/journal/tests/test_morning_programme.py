"""The morning check-in feeds the programme: the answer, saved, changes the next session at once."""
from datetime import timedelta

import pytest
from django.utils import timezone

from lumbar.practice.models import PracticeSession
from lumbar.programmes.adaptation import next_session
from lumbar.programmes.models import ChangeEntry, Programme
from lumbar.programmes.session import build_session
from lumbar.programmes.tests.web import play_and_save, set_up

pytestmark = pytest.mark.django_db


def session_yesterday(client) -> str:
    """Plays and saves the programme's session, as if it had been done yesterday; returns that day."""
    play_and_save(client)
    yesterday = timezone.now() - timedelta(days=1)
    PracticeSession.objects.update(started_at=yesterday - timedelta(minutes=20), finished_at=yesterday)
    return timezone.localdate(yesterday).isoformat()


def main_doses(session):
    return {s["pose"]: (s["reps"], s["seconds"]) for s in session["steps"] if s["role"] == "main"}


@pytest.mark.parametrize("answer, lasting, change", [
    ("same", "yes", "lighter"),  # soreness still there: a step back, though the morning was usual
    ("worse-1", "yes", "lighter"),
    ("worse-2", "no", "lighter"),
    ("worse-1", "no", "hold"),
    ("same", "no", "new-pose"),
])
def test_the_answer_about_lasting_soreness_steps_the_programme_back(client, screened, content, answer, lasting,
                                                                    change):
    set_up(screened, days_per_week=1)
    day = session_yesterday(client)
    response = client.post(f"/journal/morning/{day}/", {"answer": answer, "lasting": lasting}, follow=True)
    assert response.status_code == 200
    entry = ChangeEntry.objects.exclude(change="noted").get()
    assert entry.change == change
    assert entry.text in response.content.decode()  # told at once, on the morning page
    assert ("the session left you sore into the next morning" in entry.text) is (lasting == "yes")
    assert Programme.objects.get().done_sessions.get().morning_counted
    assert entry.text in client.get("/programme/").content.decode()


def test_lasting_soreness_makes_the_next_session_lighter(client, screened, content):
    set_up(screened, days_per_week=1)
    day = session_yesterday(client)
    client.post(f"/journal/morning/{day}/", {"answer": "same", "lasting": "yes"})
    record = Programme.objects.get()
    profile = record.get_profile()
    upcoming = next_session(record.get_state(), profile)
    usual = build_session(profile, upcoming["week"], upcoming["day"])
    after, before = main_doses(upcoming), main_doses(usual)
    assert after and after.keys() == before.keys()
    for slug, (reps, seconds) in before.items():
        assert after[slug] == ((reps - 1, None) if reps else (None, seconds - 5))
