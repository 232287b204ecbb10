"""This week's and last week's pain, gathered from everything the person recorded (journal/weekly.py)."""
from datetime import timedelta

import pytest
from django.utils import timezone

from lumbar.accounts.middleware import local_user
from lumbar.journal.models import MorningCheckin
from lumbar.journal.weekly import pain_weeks

from .world import checkin, entry, session

pytestmark = pytest.mark.django_db


def morning(user, session_days_ago, direction, points=0):
    return MorningCheckin.objects.create(user=user, session_day=timezone.localdate() - timedelta(days=session_days_ago),
                                         direction=direction, points=points, answered_at=timezone.now())


def weeks(user, **kwargs):
    return pain_weeks(user, timezone.localdate(), **kwargs)


# (what was recorded, days ago) -> which week it lands in and what it adds; this week = today and the 6 days before
RECORDS = [
    (lambda me: entry(me, days_ago=0, pain=6), {"this_week": {"pain": 6, "morning": None}}),
    (lambda me: entry(me, days_ago=6, pain=6), {"this_week": {"pain": 6, "morning": None}}),
    (lambda me: entry(me, days_ago=7, pain=6), {"last_week": {"pain": 6, "morning": None}}),
    (lambda me: entry(me, days_ago=13, pain=6), {"last_week": {"pain": 6, "morning": None}}),
    (lambda me: entry(me, days_ago=14, pain=6), {}),  # older than two weeks
    (lambda me: session(me, days_ago=2, before=4, after=8), {"this_week": {"pain": 6, "morning": None}}),
    (lambda me: session(me, days_ago=9, before=5, after=None), {"last_week": {"pain": 5, "morning": None}}),
    (lambda me: checkin(me, days_ago=8, answers=(7, 1, 1)), {"last_week": {"pain": 7, "morning": None}}),
    # a morning counts on the morning itself: the day after the session day
    (lambda me: morning(me, 1, "worse", 2), {"this_week": {"pain": None, "morning": 2}}),
    (lambda me: morning(me, 7, "better", 4), {"this_week": {"pain": None, "morning": -4}}),
    (lambda me: morning(me, 8, "same"), {"last_week": {"pain": None, "morning": 0}}),
    (lambda me: morning(me, 0, "worse", 4), {}),  # tomorrow's morning is not in this week yet
]


@pytest.mark.parametrize("record, expected", RECORDS)
def test_each_record_lands_in_its_week(record, expected):
    me = local_user()
    record(me)
    empty = {"pain": None, "morning": None}
    assert weeks(me) == {"last_week": empty, "this_week": empty, **expected}


def test_every_source_is_averaged_together_and_deleted_entries_and_other_people_are_left_out(stranger):
    me = local_user()
    entry(me, days_ago=1, pain=2)
    session(me, days_ago=3, before=4, after=6)
    checkin(me, days_ago=0, answers=(8, 0, 0))
    gone = entry(me, days_ago=2, pain=10)
    gone.deleted_at = timezone.now()
    gone.save()
    entry(stranger, days_ago=1, pain=10)
    morning(me, 2, "worse", 1)
    morning(me, 4, "better", 2)
    assert weeks(me)["this_week"] == {"pain": 5, "morning": -0.5}


def test_ratings_before_since_are_left_out():
    me = local_user()
    entry(me, days_ago=10, pain=3)
    entry(me, days_ago=2, pain=5)
    since = timezone.localdate() - timedelta(days=5)
    assert weeks(me, since=since) == {"last_week": {"pain": None, "morning": None},
                                      "this_week": {"pain": 5, "morning": None}}
