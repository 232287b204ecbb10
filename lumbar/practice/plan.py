"""Turns a sequence (data) into the plan the session player plays, for one person.

The plan is plain JSON handed to the page with `json_script`; the player needs nothing else. Its shape:
  {"sequence", "title", "time_scale", "log_url", "home_url", "symptoms_url", "rest": <a pose step>,
   "steps": [
     {"type": "floor-space", "moment": "before"|"after", "title", "instructions": [..], "options": [{"value", "label"}], "figure"},
     {"type": "pain", "moment": "before"|"after", "title", "question", "anchors": {"0": .., "10": ..}},
     {"type": "pose", "pose", "variation", "name", "kind": "reps"|"hold"|"breathing", "per_side",
      "reps", "tempo", "seconds", "inhale", "exhale", "intro", "why", "steps": [..], "cues": [..], "breath",
      "moves": [word per keyframe], "stop_if": [..], "figure": "<svg ...>", "substitute_reason",
      "direction", "easier": {"slug", "name", "steps"}},
     {"type": "summary", "title"}]}
"""
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from lumbar.content.figure import render_svg
from lumbar.content.models import Pose
from lumbar.content.text import translated

from .measures import FLOOR_SPACE, PAIN_ANCHORS

REST_POSE = "constructive-rest"


def pose_step(pose: Pose, *, variation: str | None = None, reps=None, seconds=None, intro=None, reason=None) -> dict:
    data = pose.data
    dose = dict(data["dose"])
    chosen = next((v for v in data["easier"] + data["harder"] if v["slug"] == variation), None)
    if chosen and chosen.get("dose"):
        dose.update({k: v for k, v in chosen["dose"].items() if v is not None})
    dose.update({k: v for k, v in {"reps": reps, "seconds": seconds}.items() if v is not None})
    tempo = dose.get("tempo") or 3
    return {
        "type": "pose",
        "pose": pose.slug,
        "variation": variation,
        "name": translated(chosen["name"] if chosen else data["name"]),
        # a movement pose given a time in a sequence is held, e.g. knees-to-chest as a rest
        "kind": "hold" if seconds is not None and data["kind"] == "reps" else data["kind"],
        "per_side": data["per_side"],
        "reps": dose.get("reps"),
        "tempo": dose.get("tempo"),
        "seconds": dose.get("seconds"),
        "inhale": dose.get("inhale"),
        "exhale": dose.get("exhale"),
        "intro": translated(intro),
        "why": translated(data["purpose"]),
        "steps": translated(chosen["steps"] if chosen else data["steps"]),
        "cues": translated(data["cues"]),
        "breath": translated(data["breath"]),
        "moves": [translated(k.get("say") or "") for k in data["figure"]["keyframes"]],
        "stop_if": translated(data["stop_if"]),
        "direction": data["direction"],
        # what "ease off" switches to when symptoms say so (the stop rules)
        "easier": translated({"slug": data["easier"][0]["slug"], "name": data["easier"][0]["name"],
                              "steps": data["easier"][0]["steps"]}),
        "figure": render_svg(data["figure"], title=translated(data["name"]), tempo=tempo),
        "substitute_reason": reason,
    }


def _floor_space_step(moment: str) -> dict:
    tilt = Pose.objects.filter(slug="pelvic-tilt").first()
    figure = tilt.data["figure"] if tilt else None
    return {
        "type": "floor-space",
        "moment": moment,
        "title": _("Floor-space check (before)") if moment == "before" else _("Floor-space check (after)"),
        "instructions": [
            _("Lie on your back with your knees bent and your feet flat on the floor."),
            _("Let your back rest. Slide one hand, palm down, into the space under your lower back."),
            _("Notice how much space there is. This is a check of how your back feels today, not a test to pass."),
        ],
        "options": [{"value": value, "label": str(label)} for value, label in FLOOR_SPACE.items()],
        "figure": render_svg({**figure, "keyframes": figure["keyframes"][:1]}, title=_("Lying on the back, knees bent"),
                             animate=False) if figure else "",
    }


def _pain_step(moment: str) -> dict:
    return {
        "type": "pain",
        "moment": moment,
        "title": _("Pain right now") if moment == "before" else _("Pain now, after the session"),
        "question": _("How much pain do you feel right now, from 0 to 10?"),
        "anchors": {str(k): str(v) for k, v in PAIN_ANCHORS.items()},
    }


def build_plan(sequence, *, can_kneel: bool | None) -> dict:
    """The player's plan for a stored sequence. `can_kneel` False swaps kneeling rests for their alternative."""
    return plan_for_steps(
        slug=sequence.slug, title=translated(sequence.title), steps=sequence.data["steps"], can_kneel=can_kneel,
        log_url=reverse("practice:log", args=[sequence.slug]),
    )


def plan_for_steps(*, slug: str, title: str, steps: list[dict], can_kneel: bool | None, log_url: str) -> dict:
    """The player's plan for any list of sequence steps (stored sequences, programme sessions, hand-made ones)."""
    poses = {p.slug: p for p in Pose.objects.all()}
    planned = []
    for step in steps:
        kind = step["type"]
        if kind == "floor-space":
            planned.append(_floor_space_step(step["moment"]))
        elif kind == "pain":
            planned.append(_pain_step(step["moment"]))
        elif kind == "summary":
            planned.append({"type": "summary", "title": _("What changed")})
        else:
            pose, reason = step["pose"], None
            if can_kneel is False and step.get("instead_if_no_kneeling"):
                pose = step["instead_if_no_kneeling"]
                reason = _("You told us kneeling is not comfortable, so this rest is done lying on your back.")
            planned.append(pose_step(poses[pose], variation=step.get("variation") if pose == step["pose"] else None,
                                     reps=step.get("reps"), seconds=step.get("seconds"),
                                     intro=step.get("intro") or step.get("why"), reason=reason))
    rest = poses.get(REST_POSE)
    return {
        "sequence": slug,
        "title": title,
        "time_scale": settings.TIME_SCALE,
        "log_url": log_url,
        "home_url": reverse("practice:home"),
        "symptoms_url": reverse("safety:symptoms"),
        "camera_log": True,  # the log keeps camera results when the person ticks "keep"
        # where the stop rules send someone who has to stop a pose
        "rest": pose_step(rest, seconds=60, intro=_("Let's rest here and let things settle.")) if rest else None,
        "steps": planned,
    }


def needs_kneeling_answer(sequence) -> bool:
    return any(step.get("instead_if_no_kneeling") for step in sequence.data["steps"])
