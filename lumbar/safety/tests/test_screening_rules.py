"""Every screening id alone, mixtures, and every kind of bad input (clinical.md section 3)."""
import io
import json

import pytest

from lumbar import cli
from lumbar.safety.screening import IDS, AnswersError, outcome, parse_answers

NO = {qid: False for qid in IDS}
TIER_A = [f"A{i}" for i in range(1, 9)]
TIER_B = [f"B{i}" for i in range(1, 15)]


def test_there_are_exactly_the_22_constructs():
    assert IDS == TIER_A + TIER_B


def test_all_no_is_ok():
    result = outcome(NO)
    assert (result.tier, result.reasons) == ("ok", [])


@pytest.mark.parametrize("qid", TIER_A)
def test_any_tier_a_answer_alone_is_urgent(qid):
    result = outcome(NO | {qid: True})
    assert (result.tier, result.reasons) == ("urgent", [qid])


@pytest.mark.parametrize("qid", TIER_B)
def test_any_tier_b_answer_alone_means_see_a_clinician(qid):
    result = outcome(NO | {qid: True})
    assert (result.tier, result.reasons) == ("clinician", [qid])
    assert result.routine_only == (qid in ("B13", "B14"))


@pytest.mark.parametrize("yes,tier,reasons,routine", [
    (["B2", "A3"], "urgent", ["A3", "B2"], False),
    (["B14", "B13"], "clinician", ["B13", "B14"], True),
    (["B13", "B9"], "clinician", ["B13", "B9"], False),
    (["B10", "B2", "B1"], "clinician", ["B1", "B10", "B2"], False),
    (IDS, "urgent", sorted(IDS), False),
    (TIER_B, "clinician", sorted(TIER_B), False),
])
def test_mixtures_take_the_most_serious_tier_and_list_every_yes_sorted(yes, tier, reasons, routine):
    result = outcome(NO | {qid: True for qid in yes})
    assert (result.tier, result.reasons, result.routine_only) == (tier, reasons, routine)


BAD = [
    ([], 'expected an object with an "answers" field'),
    ({"A1": False}, 'expected an object with an "answers" field'),
    ({"answers": NO, "extra": 1}, "unexpected field(s): extra"),
    ({"answers": [False] * 22}, '"answers" must be an object'),
    ({"answers": {k: v for k, v in NO.items() if k != "B7"}}, "missing answer(s) for: B7"),
    ({"answers": {}}, "missing answer(s) for: A1, A2"),
    ({"answers": NO | {"C1": False}}, "unknown question id(s): C1"),
    ({"answers": NO | {"a1": False}}, "unknown question id(s): a1"),
    ({"answers": NO | {"A4": "no"}}, "answer for A4 must be true or false, not 'no'"),
    ({"answers": NO | {"B3": 0}}, "answer for B3 must be true or false, not 0"),
    ({"answers": NO | {"B3": None}}, "answer for B3 must be true or false, not None"),
]


@pytest.mark.parametrize("data,message", BAD, ids=[m[:30] for _, m in BAD])
def test_bad_answers_are_refused_never_read_as_no(data, message):
    with pytest.raises(AnswersError) as caught:
        parse_answers(data)
    assert message in str(caught.value)


def run_screen(monkeypatch, capsys, text: str):
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code = cli.main(["screen", "--json"])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("qid", IDS)
def test_the_cli_reports_each_id(monkeypatch, capsys, qid):
    code, out, _ = run_screen(monkeypatch, capsys, json.dumps({"answers": NO | {qid: True}}))
    assert code == 0
    assert json.loads(out) == {"tier": "urgent" if qid.startswith("A") else "clinician", "reasons": [qid]}


def test_the_cli_says_ok_when_all_answers_are_no(monkeypatch, capsys):
    code, out, _ = run_screen(monkeypatch, capsys, json.dumps({"answers": NO}))
    assert (code, json.loads(out)) == (0, {"tier": "ok", "reasons": []})


@pytest.mark.parametrize("text,message", [(json.dumps(data), message) for data, message in BAD] + [
    ("not json", "the input is not JSON"),
    ("", "the input is not JSON"),
    ('{"answers": {"A1": fals', "the input is not JSON"),
])
def test_the_cli_exits_2_naming_the_problem(monkeypatch, capsys, text, message):
    code, out, err = run_screen(monkeypatch, capsys, text)
    assert code == 2 and out == ""
    assert message in err
