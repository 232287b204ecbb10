"""Plain words for pages: a session's poses with their dose and why, the phases, the changelog, what is left out."""
from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .generator import left_out, schedule
from .library import display_name, poses

PHASES = {
    1: gettext_lazy("Floor work"),
    2: gettext_lazy("Standing and strength"),
    3: gettext_lazy("Standing and strength"),
    4: gettext_lazy("Gentle flows"),
}
ROLES = {
    "floor-skills": gettext_lazy("Getting down to the floor"),
    "arrival": gettext_lazy("Arrival"),
    "warm-up": gettext_lazy("Warm-up"),
    "rounded-rest": gettext_lazy("Rounded rest"),
    "flow": gettext_lazy("Flow"),
    "main": gettext_lazy("Main pose"),
    "closing": gettext_lazy("Closing rest"),
    "check": gettext_lazy("Direction check"),
}


def seconds_text(seconds: int) -> str:
    if seconds < 120:
        return ngettext("%(n)s second", "%(n)s seconds", seconds) % {"n": seconds}
    minutes, rest = divmod(seconds, 60)
    if not rest:
        return ngettext("%(n)s minute", "%(n)s minutes", minutes) % {"n": minutes}
    return _("%(m)s min %(s)s s") % {"m": minutes, "s": rest}


def dose_text(step: dict) -> str:
    """"8 repetitions", "30 seconds each side", or the pose's usual dose when the step names none."""
    pose = poses()[step["pose"]]
    reps, seconds = step.get("reps"), step.get("seconds")
    if reps is None and seconds is None:
        reps, seconds = (pose.dose.reps, None) if pose.kind == "reps" else (None, pose.dose.seconds)
    text = (ngettext("%(n)s repetition", "%(n)s repetitions", reps) % {"n": reps} if seconds is None
            else seconds_text(seconds))
    return _("%(dose)s each side") % {"dose": text} if pose.per_side else text


def step_rows(steps: list[dict]) -> list[dict]:
    """The pose steps of a session or sequence, as a page shows them."""
    return [{"pose": step["pose"], "variation": step.get("variation"),
             "name": display_name(step["pose"], step.get("variation")),
             "pose_name": display_name(step["pose"]), "dose": dose_text(step), "why": step.get("why", ""),
             "role": ROLES.get(step.get("role", ""), "")}
            for step in steps if step.get("type", "pose") == "pose"]


def rated_poses(session: dict) -> list[dict]:
    """Each pose of a session once, in order, for the rating form."""
    seen, rows = set(), []
    for row in step_rows(session["steps"]):
        if row["pose"] not in seen:
            seen.add(row["pose"])
            rows.append(row)
    return rows


def programme_session_title(week: int, day: int) -> str:
    return _("Your programme: week %(week)s, day %(day)s") % {"week": week, "day": day}


def session_heading(session: dict, number: int, profile) -> dict:
    return {"number": number, "total": len(schedule(profile)), "week": session["week"], "day": session["day"],
            "days": profile.days_per_week, "phase": session["phase"], "phase_name": PHASES[session["phase"]],
            "minutes": session["minutes"]}


def left_out_rows(profile) -> list[dict]:
    return sorted(({"name": display_name(item["pose"]), "why": item["why"]} for item in left_out(profile)),
                  key=lambda row: row["name"])


def changelog_groups(entries) -> list[dict]:
    """Changelog entries, newest first, grouped by the session they apply from."""
    groups: list[dict] = []
    for entry in entries:
        if not groups or groups[-1]["session"] != entry.session:
            groups.append({"session": entry.session, "entries": []})
        groups[-1]["entries"].append(entry)
    return groups
