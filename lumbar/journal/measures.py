"""The measures Lumbar tracks, how each is scored, and how a change is put into words.

Every threshold lives here, and only here (clinical.md section 4). Pure Python: no Django beyond gettext,
so later PDF reports and the programme's adaptation can use the same rules.

Scales (all 0-10, our own wording, not any published questionnaire):
- Pain: 0 = no pain, 10 = the worst pain you can imagine. Lower is better.
- Impact score: the mean of our three questions (typical pain, how much the back spoiled things you
  enjoy, how much it got in the way of everyday tasks). Lower is better. Unvalidated: ours, not a
  published scale.
- Activities that matter: 3-5 activities the person names, each 0 = can't do it, 10 = as well as before
  the back problem; score = mean over the same activities. Higher is better.

How a change is judged (before -> after, in the measure's own units):
- Pain (our rule where the clinical text gives a range): a *meaningful improvement* only when the drop is
  at least 30% of the baseline AND at least the baseline-dependent number of points: 1 point for a
  baseline of 0-4, 2 for 5-7, 3 for 8-10 (the baseline rounded half up to a whole number first; the
  clinical text says "3-4" for 8-10 and we take 3).
- Pain getting worse is read more cautiously than getting better (clinical.md section 4, our rule): a rise
  of at least WORSE_RISE_POINTS (2) points, or any rise that ends at WORSE_PAIN_LEVEL (7) or more, is
  *worse* (never "a small change"), and it offers the flare plan and the safety questions again
  (`pain_worsened`, the one place this is decided; the programme's week-on-week pause uses it too). A
  smaller rise that still meets the improvement sizes upwards (at least 30% of the baseline and at least
  the baseline-dependent points, e.g. 3 -> 4) is *possibly worse*, with advice to ease off.
- Impact score: a drop of at least 1 point is *possibly*, at least 1.75 *likely* a meaningful improvement
  (figures from a comparable published scale; ours is unvalidated, so we say so). A rise of at least 1
  is *possibly worse*, at least 1.75 *worse*.
- Activities (mean): a rise of at least 2 points is a meaningful improvement; 1.4 up to 2 possibly
  meaningful (our rule: the clinical text gives a range of about 1.4-2, we take the top as "meaningful"
  and the bottom as "possibly"). The same drops are possibly worse / worse.
- One activity: a change of at least 3 points is meaningful (better or worse); there is no "possibly".
- Anything smaller: a *small change* when it is at least half a point (our rule), otherwise *no clear
  change*. Changes are judged on the numbers as shown to the person (rounded to one decimal).
- Pain averages: our rule: the baseline is the mean of every pain rating in the first 7 days, the
  current value the mean of the last 7 days; we compare only once the two weeks do not overlap
  (the last rating at least 13 days after the first).
- The morning after a session day (clinical.md section 5, our rule pending clinician review): worse than
  a usual morning by 2 points or more, or soreness from the session still there that morning, means step
  back (easier versions, shorter holds for 2-3 sessions); worse by less means go gently; the same or
  better means carry on.
- Check-ins are weekly: one is due 7 days after the last; sooner than 6 days we say once a week is enough.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from statistics import fmean

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

SCALE_MIN, SCALE_MAX = 0, 10

# Pain: meaningful when the drop is at least this share of the baseline AND at least these points.
PAIN_RELATIVE_CHANGE = 0.30
PAIN_POINTS_BY_BASELINE = ((range(0, 5), 1), (range(5, 8), 2), (range(8, 11), 3))

# Impact score (our three questions; unvalidated).
IMPACT_POSSIBLE = 1.0
IMPACT_LIKELY = 1.75

# Activities that matter.
ACTIVITIES_MIN, ACTIVITIES_MAX = 3, 5
ACTIVITIES_MEAN_POSSIBLE = 1.4
ACTIVITIES_MEAN_MEANINGFUL = 2.0
ONE_ACTIVITY_MEANINGFUL = 3.0

# Below the thresholds: at least this much is a "small change", less is "no clear change" (our rule).
SMALL_CHANGE = 0.5

# Pain averages compare the first week with the latest week, once they do not overlap.
PAIN_WINDOW_DAYS = 7
PAIN_MIN_SPAN_DAYS = 2 * PAIN_WINDOW_DAYS - 1

# Worse (clinical.md section 4, our rule): a rise of at least this many points, or a rise to this level or more.
WORSE_RISE_POINTS = 2
WORSE_PAIN_LEVEL = 7

# The morning after a session day: worse by at least this many points (or lasting soreness) -> step back.
MORNING_STEP_BACK_POINTS = 2
STEP_BACK, GO_GENTLY, CARRY_ON = "step_back", "go_gently", "carry_on"

# Weekly check-ins.
CHECKIN_DUE_AFTER_DAYS = 7
CHECKIN_EARLY_BEFORE_DAYS = 6

# Float sums such as 7 - 4.9 land a hair either side of the threshold; judge to this tolerance.
_EPSILON = 1e-9

IMPROVED = "improved"
POSSIBLY_IMPROVED = "possibly_improved"
SMALL_CHANGE_KIND = "small_change"
NO_CLEAR_CHANGE = "no_clear_change"
POSSIBLY_WORSE = "possibly_worse"
WORSE = "worse"


@dataclass(frozen=True)
class Verdict:
    """How a change reads: `kind` for code, `label` for the sentence, `advice` when it got worse;
    `flare_plan` when the page should offer the flare plan and the safety questions again."""

    kind: str
    label: str
    advice: str = ""
    flare_plan: bool = False

    @property
    def is_worse(self) -> bool:
        return self.kind in (WORSE, POSSIBLY_WORSE)


def worse_advice() -> str:
    return _(
        "Ease off: use the easier versions of the poses and shorter holds for a while. If it keeps getting "
        "worse, or new symptoms appear (such as numbness, weakness, or pain spreading down a leg), contact "
        "a clinician."
    )


def flare_advice() -> str:
    return _(
        "That is a clear rise. Look at what to do in a flare, and answer the safety questions again before "
        "your next session. If it keeps getting worse, or new symptoms appear (such as numbness, weakness, or "
        "pain spreading down a leg), contact a clinician."
    )


def _check_scale(*values: float) -> None:
    for value in values:
        if value is None or isinstance(value, bool) or not SCALE_MIN <= value <= SCALE_MAX:
            raise ValueError(f"a score must be a number from {SCALE_MIN} to {SCALE_MAX}, not {value!r}")


def _at_least(amount: float, threshold: float) -> bool:
    return amount >= threshold - _EPSILON


def _small_or_none(change: float) -> Verdict:
    if _at_least(abs(change), SMALL_CHANGE):
        return Verdict(SMALL_CHANGE_KIND, _("a small change"))
    return Verdict(NO_CLEAR_CHANGE, _("no clear change"))


def _worse(kind: str = WORSE) -> Verdict:
    label = _("worse") if kind == WORSE else _("possibly worse")
    return Verdict(kind, label, worse_advice())


# --- scores ------------------------------------------------------------------------------------------

def impact_score(typical_pain: float, spoiled_enjoyment: float, everyday_tasks: float) -> float:
    """The mean of our three impact questions, each 0-10."""
    _check_scale(typical_pain, spoiled_enjoyment, everyday_tasks)
    return fmean([typical_pain, spoiled_enjoyment, everyday_tasks])


def activities_score(ratings) -> float:
    """The mean of the activity ratings (each 0-10). Needs at least one rating."""
    ratings = list(ratings)
    if not ratings:
        raise ValueError("an activities score needs at least one rating")
    _check_scale(*ratings)
    return fmean(ratings)


def shown(value: float) -> float:
    """A score as the person sees it (one decimal); changes are judged on these numbers."""
    return math.floor(value * 10 + 0.5) / 10


# --- pain --------------------------------------------------------------------------------------------

def pain_points_needed(baseline: float) -> int:
    """Points of change that count for this baseline: 1 for 0-4, 2 for 5-7, 3 for 8-10 (rounded half up)."""
    _check_scale(baseline)
    whole = math.floor(baseline + 0.5)
    return next(points for band, points in PAIN_POINTS_BY_BASELINE if whole in band)


def pain_worsened(baseline: float, current: float) -> bool:
    """Worse by the cautious rule (clinical.md section 4): a rise of at least 2 points, or a rise to 7 or
    more. Judged on the numbers as shown (one decimal), so 6.96 -> 7.04 is no rise at all."""
    _check_scale(baseline, current)
    before, after = shown(baseline), shown(current)
    rise = after - before
    return rise > _EPSILON and (_at_least(rise, WORSE_RISE_POINTS) or _at_least(after, WORSE_PAIN_LEVEL))


def interpret_pain_change(baseline: float, current: float) -> Verdict:
    """Worse by the cautious rule first (with the flare plan); otherwise meaningful only when both the 30%
    and the baseline-dependent points are met (a rise of those sizes is possibly worse)."""
    _check_scale(baseline, current)
    if pain_worsened(baseline, current):
        return Verdict(WORSE, _("worse"), flare_advice(), flare_plan=True)
    change = current - baseline
    needed_points = pain_points_needed(baseline)
    needed_share = PAIN_RELATIVE_CHANGE * baseline
    if _at_least(abs(change), needed_points) and _at_least(abs(change), needed_share):
        return Verdict(IMPROVED, _("a meaningful improvement")) if change < 0 else _worse(POSSIBLY_WORSE)
    return _small_or_none(change)


# --- impact score ------------------------------------------------------------------------------------

def interpret_impact_change(baseline: float, current: float) -> Verdict:
    """A drop of 1 is possibly, 1.75 likely meaningful; rises of the same sizes are possibly worse / worse."""
    _check_scale(baseline, current)
    change = current - baseline
    if _at_least(-change, IMPACT_LIKELY):
        return Verdict(IMPROVED, _("likely a meaningful improvement"))
    if _at_least(-change, IMPACT_POSSIBLE):
        return Verdict(POSSIBLY_IMPROVED, _("possibly a meaningful improvement"))
    if _at_least(change, IMPACT_LIKELY):
        return _worse()
    if _at_least(change, IMPACT_POSSIBLE):
        return _worse(POSSIBLY_WORSE)
    return _small_or_none(change)


# --- activities --------------------------------------------------------------------------------------

def interpret_activities_change(baseline_mean: float, current_mean: float) -> Verdict:
    """Mean over the same activities (higher is better): 2 meaningful, 1.4 possibly; drops alike."""
    _check_scale(baseline_mean, current_mean)
    change = current_mean - baseline_mean
    if _at_least(change, ACTIVITIES_MEAN_MEANINGFUL):
        return Verdict(IMPROVED, _("a meaningful improvement"))
    if _at_least(change, ACTIVITIES_MEAN_POSSIBLE):
        return Verdict(POSSIBLY_IMPROVED, _("possibly a meaningful improvement"))
    if _at_least(-change, ACTIVITIES_MEAN_MEANINGFUL):
        return _worse()
    if _at_least(-change, ACTIVITIES_MEAN_POSSIBLE):
        return _worse(POSSIBLY_WORSE)
    return _small_or_none(change)


def interpret_one_activity_change(baseline: float, current: float) -> Verdict:
    """One activity (higher is better): a change of 3 points or more is meaningful either way."""
    _check_scale(baseline, current)
    change = current - baseline
    if _at_least(abs(change), ONE_ACTIVITY_MEANINGFUL):
        return Verdict(IMPROVED, _("a meaningful improvement")) if change > 0 else _worse()
    return _small_or_none(change)


# --- pain over weeks ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class PainComparison:
    baseline: float  # mean of the first week, one decimal
    current: float  # mean of the latest week, one decimal
    days: int  # from the first rating to the last


def compare_first_and_latest_week(ratings) -> PainComparison | None:
    """Ratings are (date, pain) pairs. None until the first and latest weeks stop overlapping."""
    ratings = sorted(ratings)
    if not ratings:
        return None
    first, last = ratings[0][0], ratings[-1][0]
    span = (last - first).days
    if span < PAIN_MIN_SPAN_DAYS:
        return None
    first_week_end = first + timedelta(days=PAIN_WINDOW_DAYS)
    latest_week_start = last - timedelta(days=PAIN_WINDOW_DAYS - 1)
    baseline = fmean(value for day, value in ratings if day < first_week_end)
    current = fmean(value for day, value in ratings if day >= latest_week_start)
    return PainComparison(shown(baseline), shown(current), span)


# --- words -------------------------------------------------------------------------------------------

def over_period(days: int) -> str:
    """'over 4 weeks' / 'over 9 days': whole weeks from two weeks on."""
    if days >= 14:
        weeks = math.floor(days / 7 + 0.5)
        return ngettext("over %(count)s week", "over %(count)s weeks", weeks) % {"count": weeks}
    return ngettext("over %(count)s day", "over %(count)s days", days) % {"count": days}


def number(value: float) -> str:
    """A score as shown: whole numbers without a decimal, others to one decimal."""
    value = shown(value)
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def change_sentence(subject: str, before: float, after: float, days: int, verdict: Verdict) -> str:
    """'Your average pain went from 6.1 to 4.2 over 4 weeks: a meaningful improvement.'"""
    if shown(before) == shown(after):
        text = _("%(subject)s stayed at %(value)s %(period)s: %(verdict)s.") % {
            "subject": subject, "value": number(before), "period": over_period(days), "verdict": verdict.label}
    else:
        text = _("%(subject)s went from %(before)s to %(after)s %(period)s: %(verdict)s.") % {
            "subject": subject, "before": number(before), "after": number(after), "period": over_period(days),
            "verdict": verdict.label}
    return f"{text} {verdict.advice}" if verdict.advice else text


def morning_response(direction: str, points: int, lasting: bool = False) -> str:
    """What a next-morning answer means for the next session: step_back, go_gently or carry_on.
    `lasting`: soreness from the session was still there that morning (steps back whatever the direction)."""
    if direction not in ("better", "same", "worse"):
        raise ValueError(f"a morning is better, same or worse, not {direction!r}")
    if lasting or (direction == "worse" and points >= MORNING_STEP_BACK_POINTS):
        return STEP_BACK
    return GO_GENTLY if direction == "worse" else CARRY_ON


def checkin_due(days_since_last: int | None) -> bool:
    """A weekly check-in is due when there has never been one (the baseline) or the last was a week ago."""
    return days_since_last is None or days_since_last >= CHECKIN_DUE_AFTER_DAYS
