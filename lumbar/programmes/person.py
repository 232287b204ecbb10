"""Every fact about a person that the per-person decision needs, gathered in one place: profile_for(user).

  the programme's answers (intake, direction check), when the person has a programme; else DEFAULT_PROFILE
  kneeling: the person's answer (accounts.actions.kneeling_answer), when given
  conditions carried over from the safety screen (B8 osteoporosis, B11 pregnancy, B12 hip precautions)
  directions stopped because symptoms spread down a leg in a session or the direction check, until lifted
  floor_taught: the person has done the getting-down-to-the-floor walk-through in a session
Read only: page loads may call it.
"""
from __future__ import annotations

from dataclasses import replace

from lumbar.accounts.actions import kneeling_answer
from lumbar.practice.models import PracticeStep
from lumbar.safety.facts import lifted_check_stops, screening_conditions, stopped_directions

from .floor_skills import FLOOR_SKILLS_POSE
from .models import Programme
from .profile import Profile

DEFAULT_PROFILE = Profile(minutes=20, days_per_week=3)


def profile_for(user, at=None) -> Profile:
    """`at`: leave out directions stopped after this moment (checking the log of a session that started
    before a stop against the plan it was given)."""
    record = Programme.objects.filter(user=user).first()
    profile = record.get_profile() if record else DEFAULT_PROFILE
    answer = kneeling_answer(user)
    kneeling = profile.kneeling if answer is None else answer
    conditions = tuple(dict.fromkeys([*profile.conditions, *sorted(screening_conditions(user))]))
    stopped = tuple(dict.fromkeys([*profile.stopped_directions, *sorted(stopped_directions(user, before=at))]))
    lifted = lifted_check_stops(user)  # a spreading check answer stands until its stop is lifted
    check = tuple((d, answer) for d, answer in profile.direction_check if not (answer == "spreading" and d in lifted))
    taught = profile.floor_taught or PracticeStep.objects.filter(
        session__user=user, pose_slug=FLOOR_SKILLS_POSE, status=PracticeStep.DONE).exists()
    return replace(profile, kneeling=kneeling, conditions=conditions, stopped_directions=stopped, floor_taught=taught,
                   direction_check=check)
