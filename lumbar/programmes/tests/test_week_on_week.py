"""Worse week on week: this week's pain against last week's, from whatever was recorded (count_morning)."""
from datetime import timedelta

import pytest
from django.utils import timezone

from lumbar.journal.models import JournalEntry, WeeklyCheckin
from lumbar.programmes.actions import count_morning
from lumbar.programmes.models import ChangeEntry, Programme

from .web import morning_after, play_and_save, set_up

pytestmark = pytest.mark.django_db


def journal(user, days_ago, pain):
    return JournalEntry.objects.create(user=user, recorded_at=timezone.now() - timedelta(days=days_ago), pain=pain)


def weekly_checkin(user, days_ago, pain):
    return WeeklyCheckin.objects.create(user=user, recorded_at=timezone.now() - timedelta(days=days_ago),
                                        typical_pain=pain, spoiled_enjoyment=3, everyday_tasks=3)


# Today's session (pain before and after) and its morning ("same as usual") are this week; days 8-12 ago are
# last week, when no morning check-in was answered at all.
CASES = [
    # last week: journal only; this week: journal and the session
    (lambda me: [journal(me, 9, 3), journal(me, 11, 3)], lambda me: journal(me, 2, 6), (6, 6), True),
    # last week: the weekly check-in only
    (lambda me: weekly_checkin(me, 8, 3), lambda me: None, (5, 5), True),
    # 3 -> 4.3 (journal 4, session 4 and 5): a rise under 2, staying under 7: not worse
    (lambda me: journal(me, 10, 3), lambda me: journal(me, 1, 4), (4, 5), False),
    # 6 -> 7: a rise to 7
    (lambda me: journal(me, 10, 6), lambda me: None, (7, 7), True),
    # nothing recorded last week: nothing to compare
    (lambda me: None, lambda me: journal(me, 1, 9), (9, 9), False),
]


@pytest.mark.parametrize("last_week, this_week, session_pain, paused", CASES)
def test_weekly_pain_pauses_whatever_check_in_was_skipped(client, screened, content, last_week, this_week,
                                                         session_pain, paused):
    set_up(screened, days_per_week=3)
    last_week(screened)
    this_week(screened)
    play_and_save(client, pain=session_pain)
    morning_after(screened, "same")
    count_morning(screened)  # the pause may come with the session's own log already, or with the morning
    assert (Programme.objects.get().get_state().paused == "worse-week-on-week") is paused
    assert ChangeEntry.objects.filter(change="pause").exists() is paused


def test_the_pause_says_why_with_the_figures_and_the_page_offers_only_resuming(client, screened, content):
    set_up(screened, days_per_week=3)
    journal(screened, 9, 3)
    journal(screened, 2, 6)
    play_and_save(client, pain=(6, 6))
    morning_after(screened, "same")
    page = client.get("/programme/").content.decode()
    text = ("Programme paused: your pain in the last 7 days (6 out of 10 on average) is worse than the week before "
            "(3). Please talk to your doctor or a physio before you go on.")
    assert ChangeEntry.objects.get(change="pause").text == text
    assert "Your programme is paused" in page and page.count(text) == 2  # the paused card and the changelog
    assert "Resume my programme" in page and 'href="/programme/play/"' not in page
    assert client.get("/programme/play/").status_code == 302  # no player while paused


def test_mornings_that_got_worse_pause_without_any_pain_ratings(client, screened, content):
    set_up(screened, days_per_week=3)
    for days_ago in (9, 11):  # last week's mornings: usual
        morning_after(screened, "same", day=timezone.localdate() - timedelta(days=days_ago))
    play_and_save(client, pain=(3, 3))
    morning_after(screened, "worse", 2, count=False)  # this week's: 2 points worse (pain ratings only this week)
    entries = count_morning(screened)
    assert entries[-1]["change"] == "pause" and "mornings in the last 7 days were 2 points worse" in entries[-1]["text"]
