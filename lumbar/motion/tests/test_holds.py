import pytest

from lumbar.motion.analysis import analyze
from lumbar.motion.holds import HoldTimer
from lumbar.motion.tests import perturb
from lumbar.motion.tests.shared_data import SYNTHETIC, synthetic_clip

FS = 30.0


def run(states):
    """states: per frame, 'in', 'moving' (in pose, moving), 'out' or None (nobody found)."""
    timer = HoldTimer()
    for i, state in enumerate(states):
        in_pose = None if state is None else state in ("in", "moving")
        timer.add(i / FS, in_pose, state != "moving")
    timer.finish()
    return timer.holds


def frames(**spans):
    return [state for state, seconds in spans.items() for _ in range(int(seconds * FS))]


def test_a_hold_starts_after_a_second_still_in_the_pose_and_ends_after_one_and_a_half_out():
    states = ["out"] * 60 + ["in"] * 300 + ["out"] * 90
    [hold] = run(states)
    assert hold.start == pytest.approx(2.0, abs=0.05)
    assert hold.end == pytest.approx(2.0 + 299 / FS, abs=0.05)
    assert hold.seen == 1.0


def test_less_than_a_second_in_the_pose_is_no_hold_and_a_short_step_out_does_not_end_one():
    assert run(["out"] * 30 + ["in"] * 25 + ["out"] * 60) == []
    [hold] = run(["in"] * 150 + ["out"] * 30 + ["in"] * 150 + ["out"] * 60)
    assert hold.start == 0.0 and hold.end == pytest.approx(329 / FS, abs=0.05)


def test_the_timer_keeps_running_while_nobody_is_found_and_reports_how_much_was_seen():
    states = ["in"] * 60 + [None] * 240 + ["in"] * 60 + ["out"] * 60
    [hold] = run(states)
    assert hold.start == 0.0 and hold.end == pytest.approx(359 / FS, abs=0.05)
    assert hold.seen == pytest.approx(120 / 360, abs=0.01)


def test_a_hold_can_be_confirmed_during_a_gap_and_ends_when_the_person_reappears_coming_up():
    states = ["moving"] * 30 + ["in"] * 10 + [None] * 300 + ["out"] * 60
    [hold] = run(states)
    assert hold.start == pytest.approx(1.0, abs=0.05)
    assert hold.end == pytest.approx(339 / FS, abs=0.05)
    assert hold.seen < 0.05


def test_a_gap_longer_than_a_minute_ends_the_hold_where_the_person_was_last_seen():
    [hold] = run(["in"] * 60 + [None] * int(70 * FS))
    assert hold.end == pytest.approx(59 / FS, abs=0.05)


def childs_pose():
    if not SYNTHETIC.exists():
        pytest.skip(f"shared data not found at {SYNTHETIC}")
    return synthetic_clip("childs_pose")


def test_childs_pose_clip_gives_one_hold_close_to_the_truth():
    stream, truth = childs_pose()
    [hold] = analyze(stream, "child-pose").holds
    (start, end), = truth["holds"]
    assert hold.start == pytest.approx(start, abs=0.5) and hold.end == pytest.approx(end, abs=0.75)
    assert hold.seen == 1.0


@pytest.mark.parametrize("spans", [[(6.0, 16.0)], [(4.8, 9.0), (11.0, 16.5)], [(6.0, 7.0), (9.0, 10.0), (12.0, 14.0)]])
def test_childs_pose_hold_is_timed_through_runs_of_blanked_frames(spans):
    stream, truth = childs_pose()
    blanked, _ = perturb.with_gaps(stream, spans)
    [hold] = analyze(blanked, "child-pose").holds
    (start, end), = truth["holds"]
    hidden = sum(min(b, hold.end) - max(a, hold.start) for a, b in spans)
    assert hold.start == pytest.approx(start, abs=0.5) and hold.end == pytest.approx(end, abs=0.75)
    assert hold.seen == pytest.approx(1 - hidden / (hold.end - hold.start), abs=0.03)
    assert hold.seen < 0.95
