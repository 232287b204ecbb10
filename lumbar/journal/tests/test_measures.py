"""Scoring and the change rules, at and around every threshold (clinical.md section 4)."""
from datetime import date, timedelta

import pytest

from lumbar.journal import measures as m

I, P, S, N, PW, W = (m.IMPROVED, m.POSSIBLY_IMPROVED, m.SMALL_CHANGE_KIND, m.NO_CLEAR_CHANGE,
                     m.POSSIBLY_WORSE, m.WORSE)


def test_impact_score_is_the_mean_of_the_three_answers():
    assert m.impact_score(6, 5, 7) == 6.0
    assert m.impact_score(0, 0, 1) == pytest.approx(1 / 3)


def test_activities_score_is_the_mean_of_the_ratings():
    assert m.activities_score([2, 4, 9]) == 5.0
    assert m.activities_score(iter([10, 10, 10, 10, 10])) == 10.0


@pytest.mark.parametrize("call", [
    lambda: m.impact_score(11, 0, 0), lambda: m.impact_score(-1, 0, 0), lambda: m.impact_score(None, 0, 0),
    lambda: m.activities_score([]), lambda: m.activities_score([3, 12]), lambda: m.interpret_pain_change(5, 10.5),
])
def test_scores_outside_0_to_10_are_refused(call):
    with pytest.raises(ValueError):
        call()


@pytest.mark.parametrize("baseline,points", [
    (0, 1), (1, 1), (4, 1), (4.4, 1), (4.5, 2), (5, 2), (7, 2), (7.4, 2), (7.5, 3), (8, 3), (10, 3)])
def test_pain_points_needed_depend_on_the_baseline(baseline, points):
    assert m.pain_points_needed(baseline) == points


PAIN = [
    # baseline 1-4: 1 point AND 30%
    (3, 2, I),  # 1 point, 33%
    (4, 3, S),  # 1 point but 25%
    (4, 2.8, I),  # 1.2 points = 30%
    (4, 2.9, S),  # 1.1 points, 27.5%
    (2, 1.4, S),  # 30% but 0.6 point
    (2, 1, I),
    (1, 0, I),
    (1, 0.6, N),  # 0.4 point: less than half a point
    # baseline 5-7: 2 points AND 30%
    (5, 3, I), (5, 3.1, S), (6, 4, I), (6.1, 4.2, S), (6, 4.1, S),
    (7, 5, S),  # 2 points but 28.6%
    (7, 4.9, I),  # 2.1 points = 30% (float edge)
    (7, 5.5, S), (7, 6.6, N), (7, 6.5, S),
    # baseline 8-10: 3 points AND 30%
    (8, 5, I), (8, 5.1, S), (9, 6.3, S), (9, 6, I), (10, 7, I), (10, 7.1, S),
    # no change
    (5, 5, N), (0, 0, N),
    # worse (section 4, our cautious rule): a rise of 2 points or more, or a rise to 7 or more
    (7, 9, W),  # +2 but only 28.6%: once "a small change", now worse
    (8, 10, W), (7.5, 10, W), (7, 9.1, W), (6, 8, W), (5, 7, W), (3, 5, W), (0, 2, W),
    (6, 7, W),  # +1, to 7
    (6.9, 7, W),  # the smallest rise to 7
    (8, 8.5, W), (9, 9.1, W),  # any rise at 7 or more
    (7, 7, N), (9, 9, N), (9, 8, S),  # a fall may be small; a rise at 7 or more never is
    (6, 6.9, S),  # +0.9, to 6.9: neither
    (5.5, 6.96, W),  # shown as 7.0
    (6.96, 7.04, N),  # shown as 7.0 both: no rise
    # a smaller rise of the improvement sizes upwards: possibly worse
    (3, 4, PW),  # +1 point, 33%
    (0, 1, PW), (1, 2, PW), (2, 3.9, PW),
    (4, 5, S),  # +1 point, 25%
    (3, 3.9, S), (3, 3.4, N),
    (0, 0.5, S), (0, 0.4, N),
]


@pytest.mark.parametrize("baseline,current,kind", PAIN, ids=[f"{b}->{c}" for b, c, _ in PAIN])
def test_pain_change(baseline, current, kind):
    verdict = m.interpret_pain_change(baseline, current)
    assert verdict.kind == kind
    assert verdict.label == {W: "worse", PW: "possibly worse"}.get(kind, verdict.label)
    assert bool(verdict.advice) == (kind in (W, PW))
    assert verdict.flare_plan == (kind == W)  # worse offers the flare plan and the safety questions again
    assert m.pain_worsened(baseline, current) == (kind == W)


IMPACT = [
    (6, 4.25, I), (6, 4.3, P), (6, 5, P), (6, 5.1, S), (6, 5.5, S), (6, 5.6, N), (6, 6, N),
    (6, 6.4, N), (6, 6.5, S), (6, 6.9, S), (6, 7, PW), (6, 7.7, PW), (6, 7.75, W), (3, 10, W),
    (10, 0, I), (2.3, 1.3, P),
]


@pytest.mark.parametrize("baseline,current,kind", IMPACT, ids=[f"{b}->{c}" for b, c, _ in IMPACT])
def test_impact_change(baseline, current, kind):
    verdict = m.interpret_impact_change(baseline, current)
    assert verdict.kind == kind
    assert bool(verdict.advice) == (kind in (W, PW))


def test_the_impact_improvement_is_worded_as_likely_or_possible_never_certain():
    assert m.interpret_impact_change(6, 4).label == "likely a meaningful improvement"
    assert m.interpret_impact_change(6, 5).label == "possibly a meaningful improvement"


ACTIVITIES = [
    (3, 5, I), (3, 4.9, P), (3, 4.4, P), (3, 4.3, S), (3, 3.5, S), (3, 3.4, N),
    (5, 3, W), (5, 3.1, PW), (5, 3.6, PW), (5, 3.7, S), (5, 4.6, N), (0, 10, I), (10, 0, W),
]


@pytest.mark.parametrize("baseline,current,kind", ACTIVITIES, ids=[f"{b}->{c}" for b, c, _ in ACTIVITIES])
def test_activities_mean_change(baseline, current, kind):
    assert m.interpret_activities_change(baseline, current).kind == kind


ONE_ACTIVITY = [(2, 5, I), (2, 4.9, S), (2, 4, S), (2, 2.4, N), (5, 2, W), (5, 2.1, S), (5, 3, S), (0, 10, I)]


@pytest.mark.parametrize("baseline,current,kind", ONE_ACTIVITY, ids=[f"{b}->{c}" for b, c, _ in ONE_ACTIVITY])
def test_one_activity_change(baseline, current, kind):
    assert m.interpret_one_activity_change(baseline, current).kind == kind


def test_worse_is_said_plainly_with_what_to_do():
    verdict = m.interpret_pain_change(3, 6)
    assert verdict.label == "worse" and verdict.is_worse and verdict.flare_plan
    assert "flare" in verdict.advice and "safety questions again" in verdict.advice
    assert "contact a clinician" in verdict.advice
    sentence = m.change_sentence("Your average pain", 3, 6, 21, verdict)
    assert sentence.startswith("Your average pain went from 3 to 6 over 3 weeks: worse. That is a clear rise.")


def test_7_to_9_reads_worse_never_a_small_change():
    sentence = m.change_sentence("Your average pain", 7, 9, 14, m.interpret_pain_change(7, 9))
    assert sentence.startswith("Your average pain went from 7 to 9 over 2 weeks: worse.")
    assert "small change" not in sentence


def test_a_smaller_meaningful_rise_is_possibly_worse_with_advice_to_ease_off():
    verdict = m.interpret_pain_change(3, 4)
    assert verdict.label == "possibly worse" and verdict.is_worse and not verdict.flare_plan
    assert "easier versions" in verdict.advice


@pytest.mark.parametrize("before,after,days,expected", [
    (6.1, 4.2, 28, "Your average pain went from 6.1 to 4.2 over 4 weeks: a small change."),
    (6, 4, 28, "Your average pain went from 6 to 4 over 4 weeks: a meaningful improvement."),
    (5, 5, 9, "Your average pain stayed at 5 over 9 days: no clear change."),
    (5, 5.04, 1, "Your average pain stayed at 5 over 1 day: no clear change."),
])
def test_change_sentences(before, after, days, expected):
    assert m.change_sentence("Your average pain", before, after, days, m.interpret_pain_change(before, after)) == expected


def day(n):
    return date(2026, 3, 1) + timedelta(days=n)


def test_pain_weeks_are_compared_only_once_they_do_not_overlap():
    assert m.compare_first_and_latest_week([]) is None
    assert m.compare_first_and_latest_week([(day(0), 6), (day(12), 3)]) is None
    comparison = m.compare_first_and_latest_week([(day(0), 6), (day(3), 7), (day(13), 3)])
    assert comparison == m.PainComparison(baseline=6.5, current=3, days=13)


def test_pain_weeks_average_every_rating_in_the_first_and_latest_seven_days():
    ratings = [(day(0), 7), (day(6), 5), (day(7), 9), (day(21), 9), (day(22), 9), (day(27), 2), (day(28), 3)]
    comparison = m.compare_first_and_latest_week(ratings)
    assert (comparison.baseline, comparison.current, comparison.days) == (6, 4.7, 28)


def test_shown_rounds_half_up_to_one_decimal():
    assert [m.shown(v) for v in (4.25, 4.35, 4.349, 2 / 3)] == [4.3, 4.4, 4.3, 0.7]


@pytest.mark.parametrize("direction,points,lasting,response", [
    ("better", 4, False, m.CARRY_ON), ("same", 0, False, m.CARRY_ON), ("worse", 1, False, m.GO_GENTLY),
    ("worse", 2, False, m.STEP_BACK), ("worse", 4, False, m.STEP_BACK),
    # soreness still there the next morning steps back, whatever the comparison with usual
    ("better", 1, True, m.STEP_BACK), ("same", 0, True, m.STEP_BACK), ("worse", 1, True, m.STEP_BACK),
    ("worse", 2, True, m.STEP_BACK)])
def test_the_morning_after_a_session_sets_the_pace(direction, points, lasting, response):
    assert m.morning_response(direction, points, lasting) == response


def test_an_unknown_morning_direction_is_refused():
    with pytest.raises(ValueError):
        m.morning_response("sideways", 1)


@pytest.mark.parametrize("days,due", [(None, True), (0, False), (6, False), (7, True), (30, True)])
def test_a_weekly_check_in_is_due_at_the_start_and_after_a_week(days, due):
    assert m.checkin_due(days) is due
