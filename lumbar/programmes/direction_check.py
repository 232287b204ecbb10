"""The optional direction check (clinical.md section 5): does rounding or arching ease this back?

On two separate days the person tries a few gentle repetitions of a rounding pose (knees-to-chest) and, on
the other day, a few short lifts into an arching pose (sphinx), then says how it went: easing, no change,
worse, or spreading (symptoms moving further, for example down a leg). The answer is stored on the profile
(profile.direction_check) and the programme follows it (directions.py): it leans toward a direction that
eased and leaves out one that made things worse or spread symptoms. The response decides, never a label.
A side the person's conditions or answers rule out is not offered, and the reason is shown.
"""
from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .directions import CHECK_POSES, FLEXION
from .exclusions import may_do
from .library import display_name
from .profile import CHECK_RESPONSES, parse_profile

RESPONSES = dict(zip(CHECK_RESPONSES, (
    gettext_lazy("It eased my symptoms"), gettext_lazy("No change"), gettext_lazy("It felt worse"),
    gettext_lazy("Symptoms spread further, for example down a leg"))))
FLEXION_REPS = 5  # a few gentle repetitions (our rule)
EXTENSION_LIFTS, EXTENSION_SECONDS = 3, 15  # sphinx is a hold: a few short lifts, each its own step


def check_sessions(profile) -> list[dict]:
    """One short session per direction, for two separate days:
    [{"direction", "pose", "available", "why", "steps": [...]}]; steps as in the programme's sessions."""
    fresh = replace(profile, direction_check=())  # a check may be repeated, whatever it said before
    sessions = []
    for direction, slug in CHECK_POSES.items():
        decision = may_do(fresh, slug)
        if not decision.allowed:
            sessions.append({"direction": direction, "pose": slug, "available": False, "why": decision.why,
                             "steps": []})
            continue
        why = _("The direction check: notice whether %(move)s eases your symptoms, changes nothing, makes them "
                "worse, or makes them spread. Stop at once if symptoms spread.") % {
            "move": _("rounding the lower back") if direction == FLEXION else _("arching the lower back")}
        if direction == FLEXION:
            tries = [{"reps": FLEXION_REPS, "seconds": None}]
        else:
            tries = [{"reps": None, "seconds": EXTENSION_SECONDS}] * EXTENSION_LIFTS
        steps = [{"type": "pose", "pose": slug, "variation": decision.variation, **dose,
                  "why": " ".join(filter(None, (why, decision.why))), "role": "check"} for dose in tries]
        sessions.append({"direction": direction, "pose": slug, "available": True, "why": why, "steps": steps})
    return sessions


def record_check(profile, direction: str, response: str) -> tuple:
    """(the profile with this answer, [sentences saying what changed in the programme])."""
    answers = {**dict(profile.direction_check), direction: response}
    updated = parse_profile({**profile.to_dict(), "direction_check": answers})
    return updated, [describe(direction, response, dict(updated.direction_check))]


def describe(direction: str, response: str, answers: dict) -> str:
    pose = display_name(CHECK_POSES[direction])
    words = {"pose": pose, "poses": _("poses that round the lower back") if direction == FLEXION
             else _("poses that arch the lower back")}
    if response == "spreading":
        return _("The programme leaves out %(poses)s from now on, because %(pose)s made symptoms spread.") % words
    if response == "worse":
        return _("The programme leaves out %(poses)s, because %(pose)s made your back feel worse.") % words
    other = next(d for d in CHECK_POSES if d != direction)
    if response == "easing" and answers.get(other) != "easing":
        return _("The programme now leans toward %(poses)s, because %(pose)s eased your symptoms.") % words
    if response == "easing":
        return _("Both directions eased your symptoms, so the programme leans neither way.")
    return _("No change to the programme: %(pose)s made no difference.") % words
