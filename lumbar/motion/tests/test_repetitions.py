import numpy as np
import pytest

from lumbar.motion.repetitions import RepetitionCounter, estimate_period
from lumbar.motion.tests.profiles import minimum_jerk, repetitions, stop_and_go

FS = 30.0


def count(signal, fs=FS):
    counter = RepetitionCounter(fs)
    for i, u in enumerate(signal.tolist()):
        counter.add(i / fs, u)
    counter.finish()
    return counter.reps


def smooth_reps(n, half_s=2.0, rest_s=1.0):
    return repetitions([minimum_jerk(int(half_s * FS))] * n, FS, rest_s=rest_s)


def test_counts_each_repetition_and_splits_it_into_two_halves_at_the_turn():
    signal, spans = smooth_reps(5)
    reps = count(signal)
    assert len(reps) == 5
    for rep, (start, end) in zip(reps, spans):
        assert rep.start < rep.turn < rep.end
        assert rep.start == pytest.approx(start, abs=0.5) and rep.end == pytest.approx(end, abs=0.5)
        assert rep.turn == pytest.approx((start + end) / 2, abs=0.1)
        assert [h.start for h in rep.halves] == [rep.start, rep.turn]
        assert [h.end for h in rep.halves] == [rep.turn, rep.end]


def test_noise_drift_and_a_different_scale_do_not_change_the_count():
    rng = np.random.default_rng(3)
    signal, _ = smooth_reps(8)
    drift = np.linspace(0, 0.6, len(signal))      # the rest level creeps up by 60 % of the range
    assert len(count(1.3 * signal + drift + rng.normal(0, 0.03, len(signal)))) == 8


def test_smaller_tired_reps_still_count():
    rises = [minimum_jerk(60) * amplitude for amplitude in (1.0, 0.9, 0.7, 0.6, 0.55, 0.5)]
    assert len(count(repetitions(rises, FS)[0])) == 6


def test_long_pauses_between_reps_and_lost_stretches_inside_them_are_fine():
    signal, _ = smooth_reps(4, rest_s=6.0)
    signal[200:230] = np.nan            # the person is not found for a second, during a rest
    assert len(count(signal)) == 4


@pytest.mark.parametrize("height, seconds", [(1.0, 0.1), (2.0, 0.2)])
def test_a_tracking_glitch_is_neither_a_repetition_nor_a_new_scale(height, seconds):
    signal, _ = smooth_reps(3)
    signal[20:20 + int(seconds * FS)] = height      # during the first rest
    assert len(count(signal)) == 3


def test_without_the_minimum_half_duration_that_glitch_would_count():
    signal, _ = smooth_reps(3)
    signal[20:26] = 2.0
    counter = RepetitionCounter(FS, min_half_s=0.0)
    for i, u in enumerate(signal.tolist()):
        counter.add(i / FS, u)
    assert len(counter.reps) != 3


def test_a_wobble_at_the_top_is_not_a_second_repetition_once_the_period_is_known():
    rise, rest = minimum_jerk(45), np.zeros(15)
    top = np.ones(60)
    wobble = top.copy()
    wobble[15:35] = 0.3                 # sags to 30 % and comes back, 0.7 s into the hold at the top
    reps = [(rise, wobble if i == 4 else top, rise[::-1], rest) for i in range(6)]
    signal = np.concatenate([rest] + [part for rep in reps for part in rep])
    assert len(count(signal)) == 6
    assert estimate_period(signal, FS) == pytest.approx(len(signal[15:]) / 6 / FS, abs=0.1)


def test_stop_and_go_halves_score_a_lower_glide_than_smooth_ones():
    rises = [minimum_jerk(75), stop_and_go(2.5, FS), minimum_jerk(75), stop_and_go(2.5, FS)]
    signal, _ = repetitions(rises, FS)
    reps = count(signal + np.random.default_rng(0).normal(0, 0.01, len(signal)))
    glides = [rep.halves[0].glide for rep in reps]
    assert len(reps) == 4
    assert min(glides[0], glides[2]) >= 50 > max(glides[1], glides[3])


def test_a_half_seen_too_little_gets_no_smoothness_score():
    signal, _ = smooth_reps(2)
    signal[40:85] = np.nan              # most of the first rise is lost
    first = count(signal)[0].halves[0]
    assert first.seen < 0.5 and first.sparc is None and first.glide is None


def test_estimate_period_says_none_for_noise():
    assert estimate_period(np.random.default_rng(1).normal(size=600), FS) is None
