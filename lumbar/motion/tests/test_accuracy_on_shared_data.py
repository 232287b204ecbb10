"""Counting against the shared data's truth: the synthetic clips and real UI-PRMD streams."""
import numpy as np
import pytest

from lumbar.motion.analysis import analyze
from lumbar.motion.calibration import calibrate
from lumbar.motion.repetitions import RepetitionCounter
from lumbar.motion.tests import perturb
from lumbar.motion.tests.shared_data import SYNTHETIC, UI_PRMD, UI_PRMD_FS, synthetic_clip, ui_prmd_stream

needs_synthetic = pytest.mark.skipif(not SYNTHETIC.exists(), reason=f"shared data not found at {SYNTHETIC}")
needs_ui_prmd = pytest.mark.skipif(not UI_PRMD.exists(), reason=f"shared data not found at {UI_PRMD}")


@needs_synthetic
@pytest.mark.parametrize("name", ["pelvic_tilt", "pelvic_tilt_hard"])
def test_every_pelvic_tilt_is_counted_with_its_turn_during_the_hold_at_the_top(name):
    stream, truth = synthetic_clip(name)
    result = analyze(stream, "pelvic-tilt")
    assert result.found_share == 1.0
    assert len(result.reps) == len(truth["reps"]) == 6
    for rep, true in zip(result.reps, truth["reps"]):
        assert true["top"] - 0.5 <= rep.turn <= true["release"] + 0.5
        assert rep.start == pytest.approx(true["start"], abs=1.5)   # the landmarks shift while at rest
        assert rep.end == pytest.approx(true["end"], abs=0.8)


@needs_synthetic
def test_every_cat_cow_cycle_is_counted_from_cow_through_cat_to_cow():
    stream, truth = synthetic_clip("cat_cow")
    result = analyze(stream, "cat-cow")
    assert len(result.reps) == len(truth["reps"]) == 5
    assert [r.turn for r in result.reps] == pytest.approx([t["cat_peak"] for t in truth["reps"]], abs=0.3)
    assert [r.end for r in result.reps] == pytest.approx([t["cow_peak"] for t in truth["reps"]], abs=0.8)
    assert [result.half_direction(i) for i in (0, 1)] == ["cat", "cow"]


@needs_synthetic
def test_smooth_pelvic_tilts_glide_and_stop_and_go_ones_score_lower():
    stream, truth = synthetic_clip("pelvic_tilt")
    result = analyze(stream, "pelvic-tilt")
    smooth = [h.glide for r, t in zip(result.reps, truth["reps"]) if t["smooth"] for h in r.halves]
    jerky = [h.glide for r, t in zip(result.reps, truth["reps"]) if not t["smooth"] for h in r.halves]
    assert min(smooth) >= 50 and np.mean(smooth) - np.mean(jerky) >= 25


@needs_synthetic
@pytest.mark.parametrize("make", [
    lambda s, t: perturb.with_random_gaps(s, 0.15, seed=4),
    lambda s, t: perturb.time_scaled(s, 0.7),
    lambda s, t: perturb.time_scaled(s, 1.6),
    lambda s, t: perturb.with_pauses(s, [r["end"] + 0.3 for r in t["reps"][:-1]], 4.0),
    lambda s, t: perturb.with_noise(s, 0.001),
], ids=["15% lost", "faster", "slower", "pauses", "jitter"])
@pytest.mark.parametrize("name", ["pelvic_tilt", "cat_cow"])
def test_counts_survive_lost_frames_other_tempos_pauses_and_jitter(name, make):
    stream, truth = synthetic_clip(name)
    harder, time_map = make(stream, truth)
    result = analyze(harder, truth["exercise"])
    assert len(result.reps) == len(truth["reps"])
    for rep, true in zip(result.reps, truth["reps"]):      # each true repetition holds one counted turn
        assert time_map(true["start"]) <= rep.turn <= time_map(true["end"])


def count_ui_prmd(movement, subject, pauses_s=None):
    times, signal = ui_prmd_stream(movement, subject, pauses_s=pauses_s, seed=subject)
    calibration = calibrate(times, signal, UI_PRMD_FS, min_amplitude=0.0)
    counter = RepetitionCounter(UI_PRMD_FS)
    counter.start_at_rest(calibration.since)
    after = times >= calibration.since
    for t, u in zip(times[after].tolist(), calibration.normalise(signal[after]).tolist()):
        counter.add(t, u)
    counter.finish()
    return len(counter.reps)


@needs_ui_prmd
@pytest.mark.parametrize("pauses_s", [None, (1.0, 4.0)], ids=["joined", "with pauses"])
def test_real_ui_prmd_streams_of_ten_repetitions_are_counted(pauses_s):
    """Subjects 1-10 of five movements (squat, hurdle step, side lunge, sit to stand, shoulder
    abduction): 50 streams. The benchmark runs all 100; these expected figures are this subset's."""
    counts = np.array([count_ui_prmd(m, s, pauses_s) for m in (1, 2, 4, 5, 7) for s in range(1, 11)])
    assert np.mean(counts == 10) >= 0.96
    assert np.all(np.abs(counts - 10) <= 1)
