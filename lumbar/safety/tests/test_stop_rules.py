"""Every path of the in-session stop rules (clinical.md section 5)."""
import pytest

from lumbar.safety.stop_rules import CONTINUE, EASE, STOP_DIRECTION, STOP_POSE, STOP_SESSION, SymptomReport, decide


def report(pain=2, sharp=False, spreading=False, urgent=False, start=None):
    return SymptomReport(pain, sharp, spreading, urgent, start)


@pytest.mark.parametrize("pain,expected", [
    (0, CONTINUE), (1, CONTINUE), (2, CONTINUE), (3, CONTINUE),
    (4, EASE), (5, EASE),
    (6, STOP_POSE), (7, STOP_POSE), (8, STOP_POSE), (9, STOP_POSE), (10, STOP_POSE),
])
def test_pain_alone(pain, expected):
    assert decide(report(pain=pain)) == expected


@pytest.mark.parametrize("pain,start,expected", [
    (3, 3, CONTINUE), (3, 5, CONTINUE), (2, 1, EASE), (3, 0, EASE), (1, None, CONTINUE), (5, 2, EASE),
])
def test_low_pain_that_is_rising_eases_off(pain, start, expected):
    assert decide(report(pain=pain, start=start)) == expected


@pytest.mark.parametrize("pain", [0, 3, 5])
def test_sharp_or_shooting_pain_stops_the_pose_whatever_the_number(pain):
    assert decide(report(pain=pain, sharp=True)) == STOP_POSE


@pytest.mark.parametrize("pain,sharp", [(0, False), (4, False), (8, True)])
def test_spreading_leg_symptoms_stop_that_direction(pain, sharp):
    assert decide(report(pain=pain, sharp=sharp, spreading=True)) == STOP_DIRECTION


@pytest.mark.parametrize("pain,sharp,spreading", [(0, False, False), (5, True, True), (10, False, True)])
def test_any_urgent_symptom_stops_the_session(pain, sharp, spreading):
    assert decide(report(pain=pain, sharp=sharp, spreading=spreading, urgent=True)) == STOP_SESSION
