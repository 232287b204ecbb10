"""The progress page: deliberate empty and one-point states, charts with tables, and honest sentences."""
import re
import xml.etree.ElementTree as ET

import pytest

from lumbar.accounts.middleware import local_user

from .world import activities, checkin, entry, session

pytestmark = pytest.mark.django_db


def progress(client) -> str:
    response = client.get("/journal/progress/")
    assert response.status_code == 200
    return response.content.decode()


def svgs(page: str) -> list:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg xmlns=.*?</svg>", page, flags=re.S)]


def test_an_empty_progress_page_is_friendly_and_says_what_to_do(client):
    page = progress(client)
    assert "No pain ratings yet." in page and "No weekly check-ins yet." in page
    assert "Name 3 to 5 everyday things" in page
    assert "<svg" not in page and "<table" not in page
    assert 'href="/journal/new/"' in page and 'href="/journal/check-in/"' in page


def test_one_day_of_data_shows_the_numbers_in_words_not_a_broken_chart(client):
    me = local_user()
    entry(me, pain=6)
    socks, garden, walk = activities(me, "Socks", "Gardening", "Walk")
    checkin(me, 0, answers=(6, 5, 4), ratings={socks: 2, garden: 5, walk: 8})
    page = progress(client)
    assert "So far you have pain ratings from one day" in page and "6 out of 10 on average" in page
    assert "Your starting impact score is 5 out of 10" in page
    assert "Gardening: 5 out of 10 at the start" in page
    assert "Your activities score is 5 out of 10" in page
    assert "<svg" not in page


def test_many_points_draw_charts_with_tables_and_a_verdict_in_words(client):
    me = local_user()
    for days_ago, pain in [(28, 6), (27, 7), (25, 6), (24, 5), (6, 4), (3, 3), (0, 3)]:
        entry(me, days_ago=days_ago, pain=pain)
    session(me, days_ago=27, before=6, after=5)
    session(me, days_ago=3, before=3, after=2)
    socks, garden, walk = activities(me, "Socks", "Gardening", "Walk")
    checkin(me, 28, answers=(7, 6, 7), ratings={socks: 2, garden: 3, walk: 5})
    checkin(me, 14, answers=(6, 5, 5), ratings={socks: 3, garden: 4, walk: 5})
    checkin(me, 0, answers=(4, 4, 4), ratings={socks: 6, garden: 5, walk: 5})
    page = progress(client)
    # pain: first week mean (6+7+6+5+6) / 5 = 6, latest week (4+3+3+3) / 4 = 3.25 -> 3.3
    assert "Your average pain went from 6 to 3.3 over 4 weeks: a meaningful improvement." in page
    assert "Your impact score went from 6.7 to 4 over 4 weeks: likely a meaningful improvement." in page
    assert "Your activities score went from 3.3 to 5.3 over 4 weeks: a meaningful improvement." in page
    assert "Socks went from 2 to 6 over 4 weeks: a meaningful improvement." in page
    assert "Gardening went from 3 to 5 over 4 weeks: a small change." in page
    assert "Walk stayed at 5 over 4 weeks: no clear change." in page
    charts = svgs(page)
    assert len(charts) == 2 + 3  # pain, impact, each activity
    for chart in charts:
        assert chart.get("role") == "img" and chart.get("aria-label")
        assert chart.find("{http://www.w3.org/2000/svg}title").text
    assert charts[0].get("aria-label").startswith("Your average pain went from 6 to 3.3")
    assert page.count('<table class="chart-table">') == 5 and page.count("<details") == 5
    assert "Session day" in page and "not been tested in research" in page


def test_pain_that_got_worse_is_said_plainly_with_what_to_do(client):
    me = local_user()
    for days_ago, pain in [(20, 2), (19, 3), (5, 5), (0, 6)]:
        entry(me, days_ago=days_ago, pain=pain)
    page = progress(client)
    assert "Your average pain went from 2.5 to 5.5 over 3 weeks: worse. That is a clear rise." in page
    assert "contact a clinician" in page
    assert 'href="/safety/flare/"' in page and "What to do in a flare" in page
    assert "Answer the safety questions again" in page


def test_pain_from_7_to_9_is_worse_never_a_small_change(client):
    me = local_user()
    for days_ago, pain in [(20, 7), (0, 9)]:
        entry(me, days_ago=days_ago, pain=pain)
    page = progress(client)
    assert "Your average pain went from 7 to 9 over 3 weeks: worse." in page and "small change" not in page
    assert "What to do in a flare" in page


def test_pain_that_eased_offers_no_flare_plan(client):
    me = local_user()
    for days_ago, pain in [(20, 6), (0, 3)]:
        entry(me, days_ago=days_ago, pain=pain)
    page = progress(client)
    assert "a meaningful improvement" in page and "What to do in a flare" not in page


def test_before_two_weeks_pain_is_averaged_but_not_judged(client):
    me = local_user()
    entry(me, days_ago=5, pain=6)
    entry(me, days_ago=0, pain=2)
    page = progress(client)
    assert "So far your pain has averaged 4 out of 10 over 5 days." in page
    assert "a meaningful improvement" not in page and "small change" not in page


def test_deleted_entries_and_other_peoples_data_are_left_out(client, stranger):
    me = local_user()
    entry(me, days_ago=3, pain=4)
    gone = entry(me, days_ago=1, pain=9)
    gone.deleted_at = gone.recorded_at
    gone.save()
    entry(stranger, days_ago=0, pain=10)
    checkin(stranger, 0)
    page = progress(client)
    assert "So far you have pain ratings from one day" in page and "4 out of 10 on average" in page
    assert "No weekly check-ins yet." in page


def test_a_retired_activity_keeps_its_history(client):
    me = local_user()
    socks, garden, walk = activities(me, "Socks", "Gardening", "Walk")
    checkin(me, 14, ratings={socks: 2, garden: 3, walk: 5})
    checkin(me, 0, ratings={socks: 4, garden: 3, walk: 5})
    client.post("/journal/activities/", {"slot_0": "Socks", "slot_1": "", "slot_2": "Walk", "slot_3": "Cycling"})
    page = progress(client)
    assert "Gardening (no longer rated)" in page and "Cycling" in page
    assert "Not rated yet" in page


def test_mornings_after_sessions_are_listed(client):
    from datetime import timedelta

    from django.utils import timezone

    from lumbar.journal.models import MorningCheckin

    MorningCheckin.objects.create(user=local_user(), session_day=timezone.localdate() - timedelta(days=1),
                                  direction="worse", points=4, lasting=True, answered_at=timezone.now())
    MorningCheckin.objects.create(user=local_user(), session_day=timezone.localdate() - timedelta(days=3),
                                  direction="same", answered_at=timezone.now())  # before soreness was asked
    page = progress(client)
    assert "Worse, by 4 points or more" in page and "Yes, some soreness from the session is still there" in page
    assert "Not asked then" in page
