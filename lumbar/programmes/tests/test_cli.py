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
    assert set(first["steps"][1]) >= {"pose", "variation", "reps", "seconds", "why"}
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
    ("minutes: 20", "the profile is not valid JSON"),
    ("", "the profile is not valid JSON"),
    ("[" * 100000, "the profile is not valid JSON"),
    ("[20, 3]", "(profile): must be a JSON object"),
    ('{"minutes": 20, "days_per_week": 3, "floor": false, "exclude": ["belly-breathing", "childs-pose"]}',
     "No pose is left for the closing rest"),
])
def test_a_bad_profile_exits_2_with_a_message_naming_the_problem(body, words, monkeypatch, capsys):
    status, out, err = run(body, "--json", monkeypatch=monkeypatch, capsys=capsys)
    assert status == 2 and out == ""
    assert err.startswith("lumbar: plan: ") and words in err and "Traceback" not in err
