"""The walking goal (pacing lesson): a daily goal the person sets, minutes walked, each day against its goal."""
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from lumbar.accounts.access import grant_for
from lumbar.accounts.middleware import local_user
from lumbar.journal.models import Walk, WalkingGoal
from lumbar.journal.walking import walking_days

pytestmark = pytest.mark.django_db


def test_a_goal_and_walks_are_shown_against_each_other(client, content, screened):
    client.get("/journal/walking/")
    assert client.post("/journal/walking/", {"form": "goal", "goal": "10"}).url == "/journal/walking/"
    today = timezone.localdate()
    client.post("/journal/walking/", {"form": "walk", "day": today.isoformat(), "minutes": "4"})
    client.post("/journal/walking/", {"form": "walk", "day": today.isoformat(), "minutes": "3"})
    page = client.get("/journal/walking/").content.decode()
    assert "7 of 10 minutes walked" in page
    client.post("/journal/walking/", {"form": "walk", "day": today.isoformat(), "minutes": "5"})
    shown = walking_days(grant_for(local_user(), local_user()))
    assert (shown["goal"], shown["today"], shown["days"][0]["met"]) == (10, 12, True)
    assert "12 of 10 minutes" in client.get("/").content.decode()  # the home page shows it too


def test_each_past_day_keeps_the_goal_it_had(client):
    client.get("/")
    user = local_user()
    today = timezone.localdate()
    WalkingGoal.objects.create(user=user, minutes=5, set_at=timezone.now() - timedelta(days=3))
    WalkingGoal.objects.create(user=user, minutes=8, set_at=timezone.now())
    Walk.objects.create(user=user, day=today - timedelta(days=2), minutes=6, recorded_at=timezone.now())
    days = walking_days(grant_for(user, user))["days"]
    assert [(d["goal"], d["minutes"], d["met"]) for d in days[:3]] == [(8, 0, False), (5, 0, False), (5, 6, True)]
    assert days[5]["goal"] is None  # before any goal


@pytest.mark.parametrize("data,problem", [
    ({"form": "goal", "goal": "0"}, "Daily goal: at least 1 minute."),
    ({"form": "goal", "goal": "ten"}, "Daily goal: please enter a whole number of minutes."),
    ({"form": "goal", "goal": "301"}, "Daily goal: at most 300 minutes."),
    ({"form": "walk", "day": "2999-01-01", "minutes": "5"}, "Day: that day has not come yet."),
    ({"form": "walk", "day": "yesterday", "minutes": "5"}, "Day: please enter a date such as 2026-03-04."),
    ({"form": "walk", "day": "2020-01-01", "minutes": "5"}, "Day: walks can be added for the last 60 days."),
    ({"form": "walk", "minutes": "5"}, "Day: please enter the day you walked."),
    ({"form": "walk", "day": "{today}", "minutes": "-3"}, "Minutes walked: at least 1 minute."),
    ({"form": "walk", "day": "{today}"}, "Minutes walked: please enter a number of minutes."),
    ({"form": "run", "minutes": "5"}, "neither the walking goal nor a walk"),
    ({}, "neither the walking goal nor a walk"),
])
def test_bad_input_is_refused_with_a_message_naming_it(client, data, problem):
    data = {key: value.replace("{today}", timezone.localdate().isoformat()) for key, value in data.items()}
    response = client.post("/journal/walking/", data)
    assert response.status_code == 400 and problem in response.content.decode()
    assert not Walk.objects.exists() and not WalkingGoal.objects.exists()


def test_a_teacher_never_sees_or_sets_a_clients_walks(client_user, teacher):
    Walk.objects.create(user=client_user, day=timezone.localdate(), minutes=37, recorded_at=timezone.now())
    browser = Client()
    browser.force_login(teacher)
    page = browser.get("/journal/walking/").content.decode()
    assert "37" not in page
    browser.post("/journal/walking/", {"form": "goal", "goal": "20"})
    assert not WalkingGoal.objects.filter(user=client_user).exists()
    assert WalkingGoal.objects.get().user == get_user_model().objects.get(username="tess")


def test_opening_the_page_writes_nothing(client):
    client.get("/journal/walking/")
    assert not Walk.objects.exists() and not WalkingGoal.objects.exists()
