"""Builders for the programme's web tests: a programme for a person, the player's plan, and its log."""
import json
from datetime import timedelta

from django.utils import timezone

from lumbar.journal.models import MorningCheckin
from lumbar.programmes.actions import save_profile
from lumbar.programmes.models import Programme
from lumbar.programmes.profile import parse_profile


def set_up(user, **answers) -> Programme:
    """A programme made from checked answers: 20 minutes, 3 days a week, unless the test says otherwise."""
    return save_profile(user, parse_profile({"minutes": 20, "days_per_week": 3, **answers}))


def past_week_one(programme: Programme) -> Programme:
    """The programme as it stands once week 1 is done, nothing adapted: for tests of feedback on main poses,
    which week 1's first session (the core alone: first_week.py) does not have."""
    state = programme.get_state()
    state.position = programme.get_profile().days_per_week
    programme.state = state.to_dict()
    programme.save()
    return programme


def plan_of(client, url="/programme/play/") -> dict:
    response = client.get(url)
    assert response.status_code == 200, response
    return response.context["plan"]


def log_for(plan, ratings=None, pain=(4, 3), completed=True, statuses=None) -> str:
    """The log the player would send: every pose done, with a rating where `ratings` names the pose."""
    ratings, statuses = ratings or {}, statuses or {}
    steps = []
    for index, step in enumerate(plan["steps"]):
        if step["type"] == "pose":
            result = {"index": index, "status": statuses.get(step["pose"], "done"), "seconds": 30}
            if step["pose"] in ratings:
                result["rating"] = ratings[step["pose"]]
            steps.append(result)
    floor = {"before": "fingers", "after": "little"} if any(s["type"] == "floor-space" for s in plan["steps"]) \
        else {"before": None, "after": None}
    return json.dumps({"started_at": (timezone.now() - timedelta(minutes=20)).isoformat(), "completed": completed,
                       "floor_space": floor, "pain": {"before": pain[0], "after": pain[1]}, "steps": steps})


def play_and_save(client, ratings=None, pain=(4, 3)):
    """Opens today's programme session in the player and saves its log; returns the log endpoint's answer."""
    plan = plan_of(client)
    return client.post(plan["log_url"], data=log_for(plan, ratings, pain), content_type="application/json")


def morning_after(user, direction="same", points=0, day=None, count=True):
    """The journal's next-morning check-in for the session day (today's sessions unless told), counted by the
    programme as the check-in page does when it is answered."""
    from lumbar.programmes.actions import count_morning

    checkin = MorningCheckin.objects.create(user=user, session_day=day or timezone.localdate(), direction=direction,
                                            points=points, answered_at=timezone.now())
    if count:
        count_morning(user)
    return checkin


def poses_of(session, role=None):
    return [s["pose"] for s in session["steps"] if role is None or s["role"] == role]
