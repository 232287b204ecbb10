"""Turns a sequence (data) into the plan the session player plays, for one person.

The plan is plain JSON handed to the page with `json_script`; the player needs nothing else. Its shape:
  {"sequence", "title", "time_scale", "log_url", "home_url", "symptoms_url", "rest": <a pose step>,
   "steps": [
     {"type": "floor-space", "moment": "before"|"after", "title", "instructions": [..], "options": [{"value", "label"}], "figure"},
     {"type": "pain", "moment": "before"|"after", "title", "question", "anchors": {"0": .., "10": ..}},
     {"type": "pose", "pose", "variation", "name", "kind": "reps"|"hold"|"breathing", "per_side",
      "reps", "tempo", "seconds", "inhale", "exhale", "intro", "why", "steps": [..], "cues": [..], "breath",
      "moves": [word per keyframe], "stop_if": [..], "figure": "<svg ...>", "substitute_reason",
      "direction", "loads": [every direction it moves the lower back in], "position",
      "cautions": [lines shown and spoken at the start of the step, for this person],
      "ease_to": {"slug", "name", "steps"} or null (the version "ease off" switches to, for this person),
      "props": [prop slugs], "done_before": whether this person has done this pose (this version) before: the
      player then reads a short version (the first step and the dose) with the full one a tap away,
      "ask_rounded": whether the seed's question follows this pose (the rounded rest after the tilts)},
     {"type": "summary", "title"}],
   "props": [{"slug", "label"}] (what the session needs, for "What you need"),
   "ratings": [{"value", "label"}] (asked at the end of each pose),
   "rounded": {"question", "options": [{"value", "label"}], "said": {value: sentence}},
   "floor_meaning": {"less", "same", "more", "note"} (floor_space_meaning.py)}
"""
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from lumbar.accounts.scopes import PRACTICE
from lumbar.content.figure import render_svg
from lumbar.content.library import pose_data, poses
from lumbar.content.text import translated
from lumbar.content.vocabulary import PROPS
from lumbar.programmes.core import core_steps
from lumbar.programmes.exclusions import check_step, may_do
from lumbar.programmes.positions import loads, position_of, step_position

from .floor_space_meaning import floor_meaning_words
from .measures import FLOOR_SPACE, PAIN_ANCHORS, RATING_LABELS, ROUNDED_FEEL, ROUNDED_FEEL_SAID, ROUNDED_QUESTION
from .models import PracticeStep

REST_POSES = ("constructive-rest", "belly-breathing")  # where the stop rules send someone, the first that suits
ROUNDED_RESTS = ("childs-pose", "knees-to-chest")  # the seed's rounded stretch (programmes.phases.ROUNDED_REST)


def poses_done_before(grant) -> frozenset[tuple[str, str]]:
    """(pose, variation or "") this person has done to the end in a session before, from their own practice log
    as the access gate gives it (a read, at page load)."""
    steps = grant.rows(PracticeStep.objects, PRACTICE, field="session__user").filter(status=PracticeStep.DONE)
    return frozenset(steps.values_list("pose_slug", "variation").distinct())


def _version(data: dict, slug: str | None) -> dict | None:
    return next((v for v in data["easier"] + data["harder"] if v["slug"] == slug), None)


def pose_step(slug: str, profile, *, variation: str | None = None, reps=None, seconds=None, intro=None,
              reason=None, done_before=frozenset()) -> dict:
    """One pose step for this person: the decision's cautions and easier version come with it."""
    data = pose_data(slug)
    dose = dict(data["dose"])
    chosen = _version(data, variation)
    decided = check_step(profile, slug, variation)
    easier = _version(data, decided.ease_to)
    if chosen and chosen.get("dose"):
        dose.update({k: v for k, v in chosen["dose"].items() if v is not None})
    dose.update({k: v for k, v in {"reps": reps, "seconds": seconds}.items() if v is not None})
    tempo = dose.get("tempo") or 3
    return {
        "type": "pose",
        "pose": slug,
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
        "loads": sorted(loads(slug, variation)),
        "position": step_position(slug, variation),
        "cautions": list(decided.cautions),
        # what "ease off" switches to when symptoms say so (the stop rules), for this person
        "ease_to": translated({"slug": easier["slug"], "name": easier["name"], "steps": easier["steps"]})
        if easier else None,
        # the pose files draw the pose itself: a version done elsewhere (on a chair, on the side) gets no
        # figure rather than one in the wrong position
        "figure": render_svg(data["figure"], title=translated(data["name"]), tempo=tempo)
        if position_of(slug, variation) == data["position"] else "",
        "substitute_reason": reason,
        # a version lists its own props when it needs other ones (a chair, a cushion)
        "props": list((chosen.get("props") if chosen else None) or data["props"]),
        "done_before": (slug, variation or "") in done_before,
        "ask_rounded": False,
    }


def _floor_space_step(moment: str) -> dict:
    figure = pose_data("pelvic-tilt")["figure"] if "pelvic-tilt" in poses() else None
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


def build_plan(sequence, profile, done_before=frozenset()) -> dict:
    """The player's plan for a stored sequence (the core session), as it is played for this person."""
    steps, _left_out = core_steps(profile, sequence.data["steps"])
    return plan_for_steps(slug=sequence.slug, title=translated(sequence.title), steps=steps, profile=profile,
                          log_url=reverse("practice:log", args=[sequence.slug]), done_before=done_before)


def _session_props(planned: list[dict]) -> list[dict]:
    needed = {prop for step in planned if step["type"] == "pose" for prop in step["props"]}
    return [{"slug": prop, "label": str(label)} for prop, label in PROPS.items() if prop in needed]


def _asks_rounded(step: dict, earlier: list[dict]) -> bool:
    """The seed's question follows the rounded rest done after the tilts (not a flat stand-in for it)."""
    return (step.get("role") == "rounded-rest" and step["pose"] in ROUNDED_RESTS
            and any(s["type"] == "pose" and s.get("role") == "warm-up" for s in earlier))


def plan_for_steps(*, slug: str, title: str, steps: list[dict], profile, log_url: str,
                   done_before=frozenset()) -> dict:
    """The player's plan for a list of sequence steps already decided for this person (the core session,
    programme sessions, hand-made ones): each pose step carries its cautions and easier version.
    done_before: poses_done_before(grant) where the player shows the plan (a log check needs none)."""
    planned = []
    for number, step in enumerate(steps):
        kind = step["type"]
        if kind == "floor-space":
            planned.append(_floor_space_step(step["moment"]))
        elif kind == "pain":
            planned.append(_pain_step(step["moment"]))
        elif kind == "summary":
            planned.append({"type": "summary", "title": _("What changed")})
        else:
            planned.append(pose_step(step["pose"], profile, variation=step.get("variation"),
                                     reps=step.get("reps"), seconds=step.get("seconds"),
                                     intro=step.get("intro") or (None if step.get("in_place_of") else step.get("why")),
                                     reason=step.get("in_place_of"), done_before=done_before))
            planned[-1]["ask_rounded"] = _asks_rounded(step, steps[:number])
    rest = next((d for d in (may_do(profile, slug) for slug in REST_POSES) if d.allowed), None)
    return {
        "sequence": slug,
        "title": title,
        "time_scale": settings.TIME_SCALE,
        "log_url": log_url,
        "home_url": reverse("practice:home"),
        "symptoms_url": reverse("safety:symptoms"),
        "camera_log": True,  # the log keeps camera results when the person ticks "keep"
        # where the stop rules send someone who has to stop a pose
        "rest": pose_step(rest.pose, profile, variation=rest.variation, seconds=60,
                          intro=_("Let's rest here and let things settle."), done_before=done_before) if rest else None,
        "steps": planned,
        "props": _session_props(planned),
        "ratings": [{"value": value, "label": str(label)} for value, label in RATING_LABELS.items()],
        "rounded": {"question": str(ROUNDED_QUESTION),
                    "options": [{"value": value, "label": str(label)} for value, label in ROUNDED_FEEL.items()],
                    "said": {value: str(text) for value, text in ROUNDED_FEEL_SAID.items()}},
        "floor_meaning": floor_meaning_words(),
    }


def needs_kneeling_answer(sequence) -> bool:
    return any(step.get("instead_if_no_kneeling") for step in sequence.data["steps"])
