import numpy as np
import pytest

from lumbar.motion.smoothness import SPARC_GLIDE, SPARC_STOP_AND_GO, glide_score, ldlj, movement_sparc, sparc
from lumbar.motion.tests.profiles import minimum_jerk, speed_of, stop_and_go

FS = 100.0


def reference_profile():
    t = np.arange(-1, 1, 0.01)
    return np.exp(-5 * t ** 2)


def test_sparc_and_ldlj_reproduce_the_published_values_on_the_reference_profile():
    assert round(sparc(reference_profile(), 100.0), 5) == -1.41403
    assert round(ldlj(reference_profile(), 100.0), 5) == -5.81636


def test_sparc_defaults_are_the_published_parameters():
    speed = reference_profile()
    assert sparc(speed, 100.0) == sparc(speed, 100.0, fc=10.0, amp_th=0.05, padlevel=4)


def two_submovements(gap_s: float, duration: float = 1.0) -> np.ndarray:
    """Speed of two minimum-jerk sub-movements of half the distance each, `gap_s` apart."""
    half = speed_of(minimum_jerk(int(duration / 2 * FS)) / 2, FS)
    return np.concatenate([half, np.zeros(int(gap_s * FS)), half])


def test_a_minimum_jerk_movement_is_smoother_than_two_submovements():
    single = speed_of(minimum_jerk(int(1.0 * FS)), FS)
    double = two_submovements(0.2)
    assert sparc(single, FS) > sparc(double, FS)
    assert ldlj(single, FS) > ldlj(double, FS)


def test_submovements_closer_together_are_smoother():
    values = [sparc(two_submovements(gap), FS) for gap in (0.0, 0.1, 0.2, 0.4)]
    assert values == sorted(values, reverse=True)
    jerks = [ldlj(two_submovements(gap), FS) for gap in (0.0, 0.1, 0.2, 0.4)]
    assert jerks == sorted(jerks, reverse=True)


@pytest.mark.parametrize("measure", [sparc, ldlj])
def test_smoothness_does_not_depend_on_amplitude(measure):
    speed = speed_of(stop_and_go(2.0, FS), FS)
    assert measure(speed * 7.5, FS) == pytest.approx(measure(speed, FS), abs=1e-9)


@pytest.mark.parametrize("measure", [sparc, ldlj])
def test_smoothness_barely_depends_on_duration(measure):
    short = measure(speed_of(minimum_jerk(int(1.0 * FS)), FS), FS)
    long = measure(speed_of(minimum_jerk(int(3.0 * FS)), FS), FS)
    assert long == pytest.approx(short, abs=0.02)


def test_stop_and_go_scores_far_below_a_glide_of_the_same_duration():
    smooth = sparc(speed_of(minimum_jerk(int(3.0 * FS)), FS), FS)
    jerky = sparc(speed_of(stop_and_go(3.0, FS), FS), FS)
    assert smooth > -1.5 and jerky < smooth - 1.5


def noisy_movement(seed=0, noise=0.01):
    rng = np.random.default_rng(seed)
    position = np.concatenate([np.zeros(30), minimum_jerk(90), np.ones(30)])
    return position + rng.normal(0, noise, len(position))


def test_movement_sparc_filters_noise_before_measuring():
    noisy = noisy_movement()
    raw = sparc(speed_of(noisy[30:120], 30.0), 30.0)
    assert movement_sparc(noisy, 30.0, 30, 120) > raw


def test_movement_sparc_does_not_depend_on_where_exactly_the_half_was_cut():
    noisy = noisy_movement(noise=0.005)
    values = [movement_sparc(noisy, 30.0, start, stop) for start in (25, 30, 35) for stop in (115, 120, 125)]
    assert max(values) - min(values) < 0.05   # under 2 glide points


def test_glide_score_maps_sparc_onto_0_to_100():
    assert glide_score(-1.41) == 100
    assert glide_score(SPARC_GLIDE) == 100
    assert glide_score(SPARC_STOP_AND_GO) == 0
    assert glide_score(-9.0) == 0
    assert glide_score((SPARC_GLIDE + SPARC_STOP_AND_GO) / 2) == 50
