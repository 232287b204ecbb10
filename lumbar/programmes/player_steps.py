"""A programme session as the steps the session player plays (lumbar.practice.plan.plan_for_steps).

Pain is asked before and after; in phase 1, when the tilts are done lying on the floor, the floor-space check
(the seed's self-observation) comes just before and just after them; the summary closes. Pose steps keep
their "why", which the player shows as the step's intro, and their role (the player asks the seed's question
after the rounded rest).
"""
from __future__ import annotations

from .positions import position_of

POSE_FIELDS = ("type", "pose", "variation", "reps", "seconds", "why", "role")


def sequence_steps(session: dict) -> list[dict]:
    steps = [{"type": "pain", "moment": "before"}]
    for step in session["steps"]:
        check = (session["phase"] == 1 and step["role"] == "warm-up" and step["pose"] == "pelvic-tilt"
                 and position_of(step["pose"], step["variation"]) == "supine")
        if check:
            steps.append({"type": "floor-space", "moment": "before"})
        steps.append({field: step[field] for field in POSE_FIELDS})
        if check:
            steps.append({"type": "floor-space", "moment": "after"})
    return steps + [{"type": "pain", "moment": "after"}, {"type": "summary"}]
