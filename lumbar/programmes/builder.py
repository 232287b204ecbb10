"""The sequence builder's form: a list of rows (pose, variation, dose) edited by plain form posts.

Every button posts the whole list, so adding, removing and moving steps works without script; the page's
script only moves rows in place (drag and drop, Move up / Move down) and keeps the button values in step.
A saved step is the sequence step format (content/schema.py PoseStep): {"type": "pose", "pose", "variation",
"reps", "seconds"}. Every step is checked with the same per-person decision as every other route
(exclusions.check_step, then sequence_rules.walk for the whole sequence); a step it rules out cannot be saved
or played, whatever the person ticks: hard exclusions are never overridable.
"""
from __future__ import annotations

from django.utils.translation import gettext as _

from lumbar.content.schema import PoseStep

from .exclusions import check_step, may_do
from .library import display_name, poses
from .sequence_rules import walk

MAX_STEPS = 40
TITLE_LENGTH = 120
REPS_RANGE = (PoseStep.model_fields["reps"].metadata[0].ge, PoseStep.model_fields["reps"].metadata[1].le)
SECONDS_RANGE = (PoseStep.model_fields["seconds"].metadata[0].ge, PoseStep.model_fields["seconds"].metadata[1].le)



def _whole(text: str) -> bool:
    """A whole number written in ASCII digits, short enough to be one (not '²', not thousands of digits)."""
    return text.isascii() and text.isdigit() and len(text) <= 6

def default_row(slug: str, profile) -> dict:
    """A new step with the pose's usual dose, in the version the person's programme would use."""
    pose = poses()[slug]
    decision = may_do(profile, slug)
    variation = decision.variation if decision.allowed and decision.variation else ""
    if pose.kind == "reps":
        return {"pose": slug, "variation": variation, "amount": str(pose.dose.reps), "unit": "reps"}
    return {"pose": slug, "variation": variation, "amount": str(pose.dose.seconds), "unit": "seconds"}


def rows_from_steps(steps: list[dict]) -> list[dict]:
    return [{"pose": s["pose"], "variation": s.get("variation") or "",
             "amount": str(s["reps"] if s.get("reps") is not None else s.get("seconds") or ""),
             "unit": "reps" if s.get("reps") is not None else "seconds"} for s in steps]


def read_rows(post) -> list[dict]:
    fields = [post.getlist(name) for name in ("step-pose", "step-variation", "step-amount", "step-unit")]
    count = len(fields[0])
    fields = [column + [""] * (count - len(column)) for column in fields]
    return [{"pose": p.strip(), "variation": v.strip(), "amount": a.strip(), "unit": u.strip()}
            for p, v, a, u in zip(*fields)][:MAX_STEPS + 1]


def apply_action(rows: list[dict], action: str, add_pose: str, profile) -> tuple[list[dict], str | None]:
    """(rows after an add / up-N / down-N / remove-N, a problem to show or None)."""
    rows = list(rows)
    if action == "add":
        if add_pose not in poses():
            return rows, _("Choose a pose to add.")
        if len(rows) >= MAX_STEPS:
            return rows, _("A sequence has at most %(n)s steps.") % {"n": MAX_STEPS}
        rows.append(default_row(add_pose, profile))
        return rows, None
    kind, _sep, number = action.partition("-")
    if not _whole(number) or int(number) >= len(rows):
        return rows, None
    i = int(number)
    if kind == "up" and i > 0:
        rows[i - 1], rows[i] = rows[i], rows[i - 1]
    elif kind == "down" and i < len(rows) - 1:
        rows[i + 1], rows[i] = rows[i], rows[i + 1]
    elif kind == "remove":
        del rows[i]
    return rows, None


def _variations(slug: str) -> list[str]:
    pose = poses()[slug]
    return [v.slug for v in pose.easier + pose.harder]


def check_rows(title: str, rows: list[dict]) -> tuple[list[dict], dict]:
    """(steps to store, problems): problems["title"], problems["steps"] and problems[row index] name what
    is wrong, each as a list of sentences."""
    problems: dict = {}
    if not title.strip():
        problems["title"] = [_("Give the sequence a title.")]
    elif len(title.strip()) > TITLE_LENGTH:
        problems["title"] = [_("The title is too long: at most %(n)s characters.") % {"n": TITLE_LENGTH}]
    if not rows:
        problems["steps"] = [_("Add at least one pose.")]
    elif len(rows) > MAX_STEPS:
        problems["steps"] = [_("A sequence has at most %(n)s steps.") % {"n": MAX_STEPS}]
    steps = []
    for i, row in enumerate(rows):
        slug = row["pose"]
        if slug not in poses():
            problems[i] = [_("Step %(n)s: there is no pose called %(slug)r in the library.")
                           % {"n": i + 1, "slug": slug}]
            continue
        name, row_problems = display_name(slug), []
        variation = row["variation"] or None
        if variation and variation not in _variations(slug):
            row_problems.append(_("Step %(n)s (%(pose)s): choose one of the listed versions.")
                                % {"n": i + 1, "pose": name})
        unit = row["unit"] if poses()[slug].kind == "reps" else "seconds"
        if row["unit"] not in ("reps", "seconds") or unit != row["unit"]:
            row_problems.append(_("Step %(n)s (%(pose)s): this pose is timed in seconds.")
                                % {"n": i + 1, "pose": name})
        low, high = REPS_RANGE if unit == "reps" else SECONDS_RANGE
        amount = int(row["amount"]) if _whole(row["amount"]) else None
        if amount is None or not low <= amount <= high:
            what = _("repetitions") if unit == "reps" else _("seconds")
            row_problems.append(_("Step %(n)s (%(pose)s): %(what)s must be a whole number from %(low)s to "
                                  "%(high)s.") % {"n": i + 1, "pose": name, "what": what, "low": low, "high": high})
        if row_problems:
            problems[i] = row_problems
            continue
        steps.append({"type": "pose", "pose": slug, "variation": variation,
                      "reps": amount if unit == "reps" else None, "seconds": amount if unit == "seconds" else None})
    return steps, problems


def ruled_out(profile, steps: list[dict]) -> dict[int, str]:
    """Step index -> why this person may not do it there: the pose or version, or the whole sequence's rules."""
    found = {}
    for i, step in enumerate(steps):
        if step.get("pose") in poses():
            checked = check_step(profile, step["pose"], step.get("variation"))
            if not checked.allowed:
                found[i] = _("%(name)s: %(why)s") % {"name": display_name(step["pose"], step.get("variation")),
                                                     "why": checked.why}
    _steps, problems = walk(profile, [s for s in steps], fix=False)
    for i, why in problems.items():
        found.setdefault(i, why)
    return found


def advice_for(profile, slug: str, variation: str | None) -> str:
    """For an allowed pose done in another version than the programme would use: which, and why."""
    if slug not in poses():
        return ""
    decision = may_do(profile, slug)
    if not decision.allowed or decision.variation == variation or not decision.variation:
        return ""
    if decision.why:
        return _("Advised for you: %(why)s") % {"why": decision.why}
    return _("Advised for you: done as %(name)s.") % {"name": display_name(slug, decision.variation).lower()}


def row_views(rows: list[dict], problems: dict, profile) -> list[dict]:
    """What the page needs to draw each row."""
    known_rows = [{"type": "pose", "pose": r["pose"], "variation": r["variation"] or None,
                   "reps": int(r["amount"]) if r["unit"] == "reps" and _whole(r["amount"]) else None,
                   "seconds": int(r["amount"]) if r["unit"] != "reps" and _whole(r["amount"]) else None}
                  if r["pose"] in poses() else {"type": "unknown"} for r in rows]
    outs = ruled_out(profile, known_rows)
    views = []
    for i, row in enumerate(rows):
        slug = row["pose"]
        known = slug in poses()
        pose = poses().get(slug)
        views.append({
            **row, "index": i, "known": known, "name": display_name(slug) if known else slug,
            "timed_only": known and pose.kind != "reps",
            "versions": [("", display_name(slug))] + [(v, display_name(slug, v)) for v in _variations(slug)]
            if known else [],
            "problems": problems.get(i, []),
            "warning": "" if problems.get(i) else outs.get(i, ""),  # a refused save lists it once
            "cautions": list(check_step(profile, slug, row["variation"] or None).cautions)
            if known and i not in outs else [],
            "advice": advice_for(profile, slug, row["variation"] or None) if known else "",
        })
    return views
