"""The adaptation rules (clinical.md section 5, our rule, clinician review pending), with a changelog.

After a session: each pose may be rated easy / about-right / hard / hurt, and pain after (0-10) given.
"It hurt" twice on a pose swaps it (swaps.py); once, it is noted. The next morning's check-in asks how the
back is compared with a usual morning, and whether soreness from the session is still there that morning
("lasting"). What it means is decided once, in journal/measures.py `morning_response`:
  worse by >= 2 points, or lasting       -> go back one step for 2 sessions (3 when both)
  worse by 1, not lasting                -> hold
  better or same, not lasting            -> progress one step: one more repetition or a longer hold on a
                                            pose rated easy, else one new pose (up to MAX_ADDED), else a
                                            step on a pose not rated hard
  no answer                              -> hold (no change without the 24-hour response)
Our additions: no progress while stepping back, or after pain above FLARE_PAIN at the end of the session.

Worse week on week pauses the programme and advises a clinician. Two checks, either one pauses:
- The weekly pain comparison (week_on_week.py `worse_week_on_week`), whenever the feedback carries "weeks": this week's
  figures against last week's, as gathered by journal/weekly.py (rolling 7-day weeks: the 7 days ending on
  the morning being counted, against the 7 days before). "pain" is the mean of every 0-10 rating of the
  week (journal entries, pain before and after sessions, the weekly check-in), "morning" the mean change
  from a usual morning (+ is worse). Worse is the cautious rule of clinical.md section 4, decided in
  journal/measures.py: pain rose by >= 2 points, or rose to 7 or more (`pain_worsened`); mornings, which
  have no level, rose by >= 2 points (WORSE_RISE_POINTS). A figure missing from either week is not
  compared, so a skipped kind of check-in never hides what the others show.
- Mornings worse than usual two programme weeks running (week_on_week.py), checked at the end of each
  programme week.
resume() goes on a step lighter, and the weekly comparison counts only ratings from the day it resumed.

Every change returns a changelog entry: {"session": the number (from 1) of the first session it applies to,
"pose": slug or None, "change": code, "text": a plain-language sentence}. Codes: more-reps, longer-hold,
new-pose, hold (no change, and why), step-back, lighter, restore, noted, swap, pause, resume.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lumbar.journal import measures
from lumbar.practice.measures import PAIN_STOP_ABOVE, RATINGS

from .generator import schedule
from .library import display_name, poses
from .session import build_session, main_candidates
from .state import ProgrammeState
from .swaps import swap_after_hurt
from .week_on_week import check_weeks, pause_text, worse_mornings_two_weeks, worse_week_on_week

MORNINGS = ("better", "same", "worse")
MAX_STEPS_PER_POSE, MAX_ADDED = 5, 3
FLARE_PAIN = PAIN_STOP_ABOVE
RESUME_EASING_SESSIONS = 3


class FeedbackError(ValueError):
    """Feedback that cannot be used; the message names the field and what is wrong."""


def next_session(state: ProgrammeState, profile) -> dict | None:
    """The next session with every adaptation applied, or None when paused or finished."""
    plan = schedule(profile)
    if state.paused or state.position >= len(plan):
        return None
    week, day = plan[state.position]
    return build_session(profile, week, day, state.adjustments(), strict=False)


def adapt(state: ProgrammeState, profile, feedback: dict) -> tuple[ProgrammeState, list[dict]]:
    """Feedback for the next session to be done, the morning after it, or both at once:
    {"ratings": {slug: rating}, "pain_after": 0-10, "morning": {"direction", "points", "lasting"},
     "weeks": {"last_week": {"pain", "morning"}, "this_week": {"pain", "morning"}}}.
    A feedback without "morning" records a finished session; one with only "morning" answers the last one.
    "weeks" (journal/weekly.py's figures, each a number or null) is checked after the rest."""
    if not isinstance(feedback, dict):
        raise FeedbackError("feedback: must be an object")
    unknown = set(feedback) - {"ratings", "pain_after", "morning", "weeks"}
    if unknown:
        raise FeedbackError(f"{', '.join(sorted(unknown))}: unknown field; use ratings, pain_after, morning, weeks")
    try:
        weeks = check_weeks(feedback["weeks"]) if "weeks" in feedback else None
    except ValueError as error:
        raise FeedbackError(str(error)) from None
    entries = []
    if {"ratings", "pain_after"} & set(feedback) or "morning" not in feedback:
        state, entries = record_session(state, profile, feedback.get("ratings") or {}, feedback.get("pain_after"))
    if "morning" in feedback:
        morning = feedback["morning"]
        if not isinstance(morning, dict):
            raise FeedbackError("morning: must be an object like {\"direction\": \"same\", \"points\": 0}")
        state, more = record_morning(state, profile, morning.get("direction"), morning.get("points", 0),
                                     morning.get("lasting", False))
        entries += more
    if weeks and not state.paused:
        state, more = _pause_if_worse_week_on_week(state, weeks)
        entries += more
    return state, entries


def _pause_if_worse_week_on_week(state, weeks: dict) -> tuple[ProgrammeState, list[dict]]:
    worse = worse_week_on_week(weeks["last_week"], weeks["this_week"])
    if worse is None:
        return state, []
    new = state.copy()
    new.paused = "worse-week-on-week"
    return new, [_entry(new, None, "pause", pause_text(worse, weeks))]


def _entry(state, pose, change, text) -> dict:
    return {"session": state.position + 1, "pose": pose, "change": change, "text": text}


def record_session(state, profile, ratings: dict, pain_after=None) -> tuple[ProgrammeState, list[dict]]:
    session = next_session(state, profile)
    if session is None:
        raise FeedbackError("session: the programme is " + ("paused; resume it first" if state.paused else "complete"))
    _check_ratings(ratings, session)
    if pain_after is not None and (isinstance(pain_after, bool) or pain_after not in range(11)):
        raise FeedbackError(f"pain_after: must be a whole number from 0 to 10, not {pain_after!r}")
    new, entries = state.copy(), []
    new.position += 1
    in_session = {step["pose"] for step in session["steps"]}
    for slug, rating in ratings.items():
        if rating == "hurt":
            entries += _hurt(new, profile, slug, session, in_session)
    restored = False
    if new.easing:
        new.easing["sessions_left"] -= 1
        if new.easing["sessions_left"] <= 0:
            new.easing, restored = None, True
            entries.append(_entry(new, None, "restore", _(
                "Back to where you were before stepping back, now that the lighter sessions are done.")))
    new.last_session = {"index": state.position, "week": session["week"], "day": session["day"],
                        "mains": list(dict.fromkeys(s["pose"] for s in session["steps"] if s["role"] == "main")),
                        "ratings": dict(ratings), "pain_after": pain_after, "morning_done": False,
                        "restored": restored}
    return new, entries


def _check_ratings(ratings, session) -> None:
    if not isinstance(ratings, dict):
        raise FeedbackError("ratings: must be an object of pose slug -> rating")
    for slug, rating in ratings.items():
        if slug not in {step["pose"] for step in session["steps"]}:
            raise FeedbackError(f"ratings.{slug}: not a pose of this session")
        if rating not in RATINGS:
            raise FeedbackError(f"ratings.{slug}: unknown rating {rating!r}; use one of: {', '.join(RATINGS)}")


def _hurt(new, profile, slug, session, in_session) -> list[dict]:
    name = display_name(slug)
    new.hurt[slug] = new.hurt.get(slug, 0) + 1
    if new.hurt[slug] < 2:
        return [_entry(new, slug, "noted", _(
            "%(name)s: noted that it hurt. If it hurts again, it will be swapped for an easier version.")
            % {"name": name})]
    steps = [s for s in session["steps"] if s["pose"] == slug]
    rest_only = all(s["role"] in ("arrival", "closing") for s in steps)
    if rest_only:  # another rest takes its place
        swap = {"pose": None, "variation": None, "why": ""}
    else:
        swap = swap_after_hurt(profile, next(s for s in steps if s["role"] not in ("arrival", "closing")), in_session)
    for other in new.swaps.values():  # a pose that stood in for another passes its swap on
        if other["pose"] == slug and other["variation"] in {s["variation"] for s in steps}:
            other.update(swap)
    new.swaps[slug] = swap
    del new.hurt[slug]
    if rest_only:
        text = _("%(name)s is left out from now on, because it hurt twice; another rest takes its place.")
    elif swap["pose"] is None:
        text = _("%(name)s is left out from now on, because it hurt twice and no gentler pose fits here.")
    elif swap["pose"] == slug:
        text = _("%(name)s: from now on done as %(other)s, because it hurt twice.")
    else:
        text = _("%(name)s is replaced by %(other)s from now on, because it hurt twice.")
    other = display_name(swap["pose"], swap["variation"]).lower() if swap["pose"] else ""
    return [_entry(new, slug, "swap", text % {"name": name, "other": other})]


def record_morning(state, profile, direction, points=0, lasting=False) -> tuple[ProgrammeState, list[dict]]:
    last = state.last_session
    if not last or last["morning_done"]:
        raise FeedbackError("morning: no session is waiting for its morning check-in")
    if direction not in MORNINGS:
        raise FeedbackError(f"morning.direction: must be one of {', '.join(MORNINGS)}, not {direction!r}")
    if isinstance(points, bool) or points not in range(11):
        raise FeedbackError(f"morning.points: must be a whole number from 0 to 10, not {points!r}")
    if not isinstance(lasting, bool):
        raise FeedbackError(f"morning.lasting: must be true or false, not {lasting!r}")
    new = state.copy()
    new.last_session["morning_done"] = True
    signed = {"better": points, "same": 0, "worse": -points}[direction]
    new.mornings.setdefault(str(last["week"]), []).append(signed)
    morning = _("this morning was better than usual") if direction == "better" else _(
        "this morning was the same as usual")
    response = measures.morning_response(direction, points, lasting)
    worse_points = points if direction == "worse" else 0
    if response == measures.STEP_BACK:
        clearly_worse = worse_points >= measures.MORNING_STEP_BACK_POINTS
        entries = _step_back(new, 3 if clearly_worse and lasting else 2, _because_worse(worse_points, lasting))
    elif response == measures.GO_GENTLY:
        entries = [_entry(new, None, "hold", _("No change next time: this morning was a little worse than usual, "
                                                "so the programme holds where it is."))]
    elif new.easing:
        entries = [_entry(new, None, "hold", _("No change next time: the programme is still a step lighter after "
                                                "a worse morning."))]
    elif last["restored"]:
        entries = []
    elif (last["pain_after"] or 0) > FLARE_PAIN:
        entries = [_entry(new, None, "hold", _("No change next time: pain after the session was above %(flare)s, "
                                                "so the programme holds where it is.") % {"flare": FLARE_PAIN})]
    else:
        entries = _progress(new, profile, last, morning)
    if last["day"] == profile.days_per_week and worse_mornings_two_weeks(new.mornings, last["week"]):
        new.paused = "worse-week-on-week"
        entries.append(_entry(new, None, "pause", _(
            "Programme paused: your mornings were worse than usual two weeks in a row. Please talk to a "
            "clinician (your doctor or a physiotherapist) before you go on.")))
    return new, entries


def _because_worse(points: int, lasting: bool) -> str:
    reasons = []
    if points >= measures.MORNING_STEP_BACK_POINTS:
        reasons.append(_("this morning was worse than usual by %(points)s points") % {"points": points})
    if lasting:
        reasons.append(_("the session left you sore into the next morning"))
    return _(" and ").join(reasons)


def _step_back(new, sessions: int, because: str) -> list[dict]:
    rungs = (new.easing["rungs"] if new.easing else 0) + 1
    new.easing = {"rungs": rungs, "sessions_left": sessions}
    words = {"because": because, "n": sessions}
    if rungs > len(new.ladder):
        return [_entry(new, None, "lighter", _("Every pose a little lighter (one repetition fewer, holds 5 seconds "
                                                "shorter) for the next %(n)s sessions, because %(because)s.") % words)]
    rung = new.ladder[len(new.ladder) - rungs]
    words["name"] = display_name(rung["pose"])
    text = {"rep": _("%(name)s: one repetition fewer for the next %(n)s sessions, because %(because)s."),
            "hold": _("%(name)s: a shorter hold for the next %(n)s sessions, because %(because)s."),
            "new": _("%(name)s is left out for the next %(n)s sessions, because %(because)s.")}[rung["kind"]]
    return [_entry(new, rung["pose"], "step-back", text % words)]


def _progress(new, profile, last, morning) -> list[dict]:
    """One step: a pose rated easy gets more; else, when nothing felt hard, one new pose; else more of a
    pose that did not feel hard; else hold."""
    ratings, mains = last["ratings"], last["mains"]
    steps = Counter(r["pose"] for r in new.ladder if r["kind"] != "new")
    easy = [s for s in mains if ratings.get(s) == "easy" and steps[s] < MAX_STEPS_PER_POSE]
    if easy:
        return [_dose_rung(new, min(easy, key=lambda s: steps[s]), _("the last session felt easy and %(m)s")
                           % {"m": morning})]
    struggled = any(rating in ("hard", "hurt") for rating in ratings.values())  # any pose, the core's too
    added = [r["pose"] for r in new.ladder if r["kind"] == "new"]
    fresh = None if struggled or len(added) >= MAX_ADDED else _new_pose(
        new, profile, set(mains) | {r["pose"] for r in new.ladder})
    if fresh:
        new.ladder.append({"pose": fresh, "kind": "new"})
        return [_entry(new, fresh, "new-pose", _("One more pose in your sessions: %(name)s, because %(m)s.")
                       % {"name": display_name(fresh), "m": morning})]
    fine = [s for s in mains if ratings.get(s) not in ("hard", "hurt") and steps[s] < MAX_STEPS_PER_POSE]
    if fine:
        return [_dose_rung(new, min(fine, key=lambda s: steps[s]), morning)]
    return [_entry(new, None, "hold", _("No change next time: the poses felt hard, or are as long as they go for "
                                         "now, so the programme holds where it is."))]


def _dose_rung(new, slug: str, because: str) -> dict:
    kind = "rep" if poses()[slug].kind == "reps" else "hold"
    new.ladder.append({"pose": slug, "kind": kind})
    text = (_("%(name)s: one more repetition, because %(because)s.") if kind == "rep"
            else _("%(name)s: hold about 5 seconds longer, because %(because)s."))
    return _entry(new, slug, "more-reps" if kind == "rep" else "longer-hold",
                  text % {"name": display_name(slug), "because": because})


def _new_pose(new, profile, seen: set[str]) -> str | None:
    plan = schedule(profile)
    if new.position >= len(plan):
        return None
    week, day = plan[new.position]
    following = next_session(new, profile)
    if following is None:  # paused by this same feedback
        return None
    upcoming = {s["pose"] for s in following["steps"]}
    candidates = main_candidates(profile, week, day, new.adjustments())
    return next((s for s in candidates if s not in seen | upcoming and s not in new.swaps), None)


def resume(state: ProgrammeState, on: date, who: str = "", when: date | None = None
           ) -> tuple[ProgrammeState, list[dict]]:
    """Goes on after a pause, once the person says a clinician was contacted (`who` and `when` if they said),
    a step lighter for a few sessions; the weekly pain comparison starts afresh from `on`."""
    new = state.copy()
    new.paused, new.mornings, new.resumed_on = None, {}, on.isoformat()
    new.easing = {"rungs": (state.easing["rungs"] if state.easing else 0) + 1, "sessions_left": RESUME_EASING_SESSIONS}
    contact = ", ".join(part for part in (who.strip(), date_format(when, "j F Y") if when else "") if part)
    words = {"n": RESUME_EASING_SESSIONS, "contact": contact}
    text = (_("Programme resumed after your check with a clinician (%(contact)s), a step lighter for the next "
              "%(n)s sessions.") if contact else
            _("Programme resumed after your check with a clinician, a step lighter for the next %(n)s sessions."))
    return new, [_entry(new, None, "resume", text % words)]
