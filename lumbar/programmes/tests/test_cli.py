"""`lumbar plan`, through a tiny argparse harness (the lead wires add_plan_command into lumbar/cli.py)."""
import argparse
import io
import json

import pytest

from lumbar.programmes.cli import add_plan_command


def run(body: str, *flags, monkeypatch, capsys):
    top = argparse.ArgumentParser(prog="lumbar")
    add_plan_command(top.add_subparsers())
    args = top.parse_args(["plan", *flags])
    monkeypatch.setattr("sys.stdin", io.StringIO(body))
    status = args.handler(args)
    out = capsys.readouterr()
    return status, out.out, out.err


def test_plan_json_prints_the_programme_for_the_issue_example(monkeypatch, capsys):
    body = json.dumps({"minutes": 20, "days_per_week": 3, "conditions": ["osteoporosis"], "floor": True,
                       "kneeling": True, "eases": ["bending-back"], "aggravates": ["sitting"],
                       "exclude": ["downward-dog"]})
    status, out, err = run(body, "--json", monkeypatch=monkeypatch, capsys=capsys)
    programme = json.loads(out)
    assert status == 0 and err == "" and len(programme["sessions"]) == 36
    first = programme["sessions"][0]
    assert {"week": 1, "day": 1}.items() <= first.items() and isinstance(first["minutes"], float)
    assert set(first["steps"][1]) >= {"pose", "variation", "reps", "seconds", "why", "position", "ease_to", "cautions"}
    core = programme["core"]["steps"]
    assert [s["type"] for s in core][:2] == ["floor-space", "pain"]
    tilt = next(s for s in core if s["type"] == "pose")
    assert (tilt["pose"], tilt["variation"], tilt["position"]) == ("pelvic-tilt", "smaller-range", "supine")
    assert any("tilt small" in line for line in tilt["cautions"])  # the osteoporosis caution, for this person
    assert first["steps"][1]["pose"] == "pelvic-tilt"


def test_plan_without_json_prints_one_line_a_session(monkeypatch, capsys):
    status, out, _ = run('{"minutes": 15, "days_per_week": 2}', monkeypatch=monkeypatch, capsys=capsys)
    assert status == 0 and len(out.splitlines()) == 24 and "Pelvic tilt" in out.splitlines()[0]


@pytest.mark.parametrize("body, words", [
    ('{"minutes": 20, "days_per_week": 3, "conditions": ["flu"]}', "conditions: unknown condition 'flu'"),
    ('{"minutes": -5, "days_per_week": 3}', "minutes: must be between 10 and 45, not -5"),
    ('{"minutes": "twenty", "days_per_week": 3}', "minutes: must be a number, not text"),
    ('{"days_per_week": 3}', "minutes: is required"),
    ('{"minutes": 20, "days_per_week": 3, "exclude": ["headstand"]}', "exclude: unknown pose 'headstand'"),
    ('{"minutes": 20, "days_per_week": 3, "floor": "no"}', "floor: must be true or false"),
    ('{"minutes": NaN, "days_per_week": 3}', "minutes: must be between 10 and 45, not nan"),
    ("minutes: 20", "the profile: the input is not JSON"),
    ("", "the profile: the input is not JSON"),
    ("[" * 100000, "the profile: the input is too large"),
    ("[" * 1000, "the profile: the input is nested too deeply"),
    ('{"minutes": 20, "minutes": 30, "days_per_week": 3}', "duplicated key: 'minutes' appears more than once"),
    ('{"minutes": 20, "days_per_week": 3, "age": 7}', "age: must be between 12 and 110, not 7"),
    ('{"minutes": 20, "days_per_week": 3, "pregnancy_weeks": 50}', "pregnancy_weeks: must be between 0 and 42"),
    ('{"minutes": 20, "days_per_week": 3, "stopped_directions": ["up"]}', "stopped_directions: unknown direction"),
    ("[20, 3]", "(profile): must be a JSON object"),
    ('{"minutes": 20, "days_per_week": 3, "floor": false, "exclude": ["belly-breathing", "childs-pose"]}',
     "No pose is left for the closing rest"),
])
def test_a_bad_profile_exits_2_with_a_message_naming_the_problem(body, words, monkeypatch, capsys):
    status, out, err = run(body, "--json", monkeypatch=monkeypatch, capsys=capsys)
    assert status == 2 and out == ""
    assert err.startswith("lumbar: plan: ") and words in err and "Traceback" not in err


def check(body, monkeypatch, capsys):
    top = argparse.ArgumentParser(prog="lumbar")
    add_plan_command(top.add_subparsers())
    args = top.parse_args(["check-sequence", "--json"])
    monkeypatch.setattr("sys.stdin", io.StringIO(body if isinstance(body, str) else json.dumps(body)))
    status = args.handler(args)
    out = capsys.readouterr()
    return status, out.out, out.err


def test_check_sequence_gives_the_same_decision_as_the_builder(monkeypatch, capsys):
    hip = {"minutes": 20, "days_per_week": 3, "conditions": ["posterior-hip-replacement"], "age": 70}
    steps = [{"pose": "childs-pose", "variation": "chair-childs-pose"}, {"pose": "pelvic-tilt", "variation": None},
             {"pose": "mountain"}]
    status, out, err = check({"profile": hip, "steps": steps}, monkeypatch, capsys)
    result = json.loads(out)["steps"]
    assert status == 0 and err == ""
    assert [(s["pose"], s["allowed"]) for s in result] == [("childs-pose", False), ("pelvic-tilt", True),
                                                            ("mountain", True)]
    assert "hip precautions" in result[0]["why"] and result[0]["cautions"] == []
    assert any("wall or a sturdy chair" in line for line in result[2]["cautions"])


@pytest.mark.parametrize("body, words", [
    ("nope", "the input is not JSON"),
    ('{"profile": {}, "profile": {}, "steps": []}', "appears more than once"),
    ({"profile": {"minutes": 20, "days_per_week": 3}}, '"profile" and "steps"'),
    ({"profile": {"minutes": 20, "days_per_week": 3}, "steps": []}, "non-empty list"),
    ({"profile": {"minutes": 20, "days_per_week": 3}, "steps": [{"pose": "headstand"}]}, "unknown pose 'headstand'"),
    ({"profile": {"minutes": 20, "days_per_week": 3}, "steps": [{"pose": "bridge", "variation": "x"}]},
     "bridge has no version 'x'"),
    ({"profile": {"minutes": 20, "days_per_week": 3}, "steps": [{"pose": "bridge", "reps": 3}]}, "steps.1"),
    ({"profile": {"minutes": 5, "days_per_week": 3}, "steps": [{"pose": "bridge"}]}, "profile: minutes"),
    ('{"profile": ' * 50 + "1" + "}" * 50, "nested too deeply"),
])
def test_check_sequence_refuses_bad_input_naming_the_problem(body, words, monkeypatch, capsys):
    status, out, err = check(body, monkeypatch, capsys)
    assert status == 2 and out == "" and err.startswith("lumbar: check-sequence: ") and words in err
