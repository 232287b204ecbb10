"""The rules that hang on a whole sequence, not one pose (clinical.md section 6). Pure.

  Pregnancy past the first trimester: no hold on the back over SUPINE_HOLD_LIMIT seconds and no more than
  SUPINE_RUN_LIMIT seconds on the back in a row (the floor-space check counts FLOOR_CHECK_SECONDS). A
  step that breaks either is done in a version off the back (side-lying, a chair) where the pose has one;
  otherwise a hold is shortened to the limit, and a step that would make the run too long is left out.
  Osteoporosis: at most one rounded pose (main direction flexion) per session; later ones are left out.

walk(profile, steps, fix=True) gives the steps adjusted this way (generated sessions and the core session);
with fix=False nothing changes and each step that breaks a rule gets its reason (hand-made sequences, where
the person decides what to change).
"""
from __future__ import annotations

from django.utils.translation import gettext as _

from .duration import tempo
from .exclusions import check_step
from .library import display_name, poses
from .positions import position_of

SUPINE_HOLD_LIMIT = 60
SUPINE_RUN_LIMIT = 180
FLOOR_CHECK_SECONDS = 45


def work_seconds(step: dict) -> float:
    """Time spent in the position: repetitions x 2 x tempo, or the hold; both sides for one-sided poses."""
    pose = poses()[step["pose"]]
    if step.get("seconds") is not None:
        work = step["seconds"]
    else:
        work = (step.get("reps") or pose.dose.reps or 1) * 2 * tempo(step["pose"], step.get("variation"))
    return work * 2 if pose.per_side else work


def _is_hold(step: dict) -> bool:
    return step.get("seconds") is not None or poses()[step["pose"]].kind != "reps"


def _hold_seconds(step: dict) -> float:
    return step["seconds"] if step.get("seconds") is not None else poses()[step["pose"]].dose.seconds or 0


def _off_the_back(profile, step: dict) -> str | None:
    """A version of the pose not done on the back that this person may do, or None."""
    for version in (v.slug for v in poses()[step["pose"]].easier):
        if position_of(step["pose"], version) != "supine" and check_step(profile, step["pose"], version).allowed:
            return version
    return None


def walk(profile, steps: list[dict], fix: bool = True) -> tuple[list[dict], dict[int, str]]:
    """(steps, problems by index in the steps given). Steps are sequence steps; only pose steps and the
    floor-space check are looked at."""
    pregnant = profile.pregnant_past_first_trimester
    osteo = "osteoporosis" in profile.conditions
    result, problems, run, rounded = [], {}, 0.0, 0
    for index, step in enumerate(steps):
        if step.get("type") == "floor-space":
            run = run + FLOOR_CHECK_SECONDS if pregnant else 0
            result.append(step)
            continue
        if step.get("type") != "pose" or step.get("pose") not in poses():
            run = run if step.get("type") in ("pain", "summary") else 0
            result.append(step)
            continue
        step = dict(step)
        name = display_name(step["pose"], step.get("variation"))
        if osteo and poses()[step["pose"]].direction == "flexion":
            rounded += 1
            if rounded > 1:
                problems[index] = _("%(name)s: with thin bones, one rounded pose per session is enough; this "
                                    "would be another.") % {"name": name}
                if fix:
                    continue
        if pregnant and position_of(step["pose"], step.get("variation")) == "supine":
            too_long = _is_hold(step) and _hold_seconds(step) > SUPINE_HOLD_LIMIT
            too_much = run + work_seconds(step) > SUPINE_RUN_LIMIT
            if too_long or too_much:
                problems[index] = (_("%(name)s: after 13 weeks of pregnancy, stay on your back for %(limit)s "
                                     "seconds at most at a time.") % {"name": name, "limit": SUPINE_HOLD_LIMIT}
                                   if too_long else
                                   _("%(name)s: after 13 weeks of pregnancy, spend no more than %(limit)s minutes "
                                     "on your back in a row; change position first.")
                                   % {"name": name, "limit": SUPINE_RUN_LIMIT // 60})
                if fix:
                    other = _off_the_back(profile, step)
                    if other:
                        step["variation"] = other
                    elif too_long and run + SUPINE_HOLD_LIMIT <= SUPINE_RUN_LIMIT:
                        step["seconds"] = SUPINE_HOLD_LIMIT
                    else:
                        continue
        supine = position_of(step["pose"], step.get("variation")) == "supine"
        run = run + work_seconds(step) if supine and pregnant else 0
        result.append(step)
    return result, problems
