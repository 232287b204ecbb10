"""Every screening id alone, the part rules, mixtures, readability, and every kind of bad input (clinical.md 3)."""
import io
import json

import pytest
import textstat

from lumbar import cli
from lumbar.safety.answers_input import AnswersError, parse_answers, read_answers
from lumbar.safety.screening import IDS, ITEMS, PAGES, QUESTIONS, UNSURE, answers_from_parts, outcome

NO = {qid: False for qid in IDS}
TIER_A = [f"A{i}" for i in range(1, 9)]
TIER_B = [f"B{i}" for i in range(1, 16)]
ROUTINE_IDS = ["B13", "B14"]
ALL_NO_PARTS = {key: "no" for key in QUESTIONS}


def test_there_are_exactly_the_23_ids():
    assert IDS == TIER_A + TIER_B


def test_all_no_is_ok():
    assert outcome(NO) == outcome(answers_from_parts(ALL_NO_PARTS))
    result = outcome(NO)
    assert (result.tier, result.reasons) == ("ok", [])


@pytest.mark.parametrize("value", [True, UNSURE])
@pytest.mark.parametrize("qid", IDS)
def test_each_id_alone_gives_its_tier_and_not_sure_counts_as_yes(qid, value):
    tier = "urgent" if qid in TIER_A else "routine" if qid in ROUTINE_IDS else "clinician"
    result = outcome(NO | {qid: value})
    assert (result.tier, result.reasons) == (tier, [qid])


@pytest.mark.parametrize("yes,tier,reasons", [
    (["B2", "A3"], "urgent", ["A3", "B2"]),
    (["B14", "B13"], "routine", ["B13", "B14"]),
    (["B13", "B9"], "clinician", ["B13", "B9"]),
    (["B14", "B15"], "clinician", ["B14", "B15"]),
    (["B10", "B2", "B1"], "clinician", ["B1", "B10", "B2"]),
    (IDS, "urgent", sorted(IDS)),
    (TIER_B, "clinician", sorted(TIER_B)),
])
def test_mixtures_take_the_most_serious_tier_and_list_every_yes_sorted_as_strings(yes, tier, reasons):
    result = outcome(NO | {qid: True for qid in yes})
    assert (result.tier, result.reasons) == (tier, reasons)


# (the parts answered other than "no", the ids that are then not false, with their value)
PART_RULES = [
    ({"bladder-leak": "yes", "bladder-new": "yes"}, {"A1": True}),
    ({"bladder-leak": "yes", "bladder-new": "unsure"}, {"A1": UNSURE}),
    ({"bladder-leak": "unsure", "bladder-new": "yes"}, {"A1": UNSURE}),
    ({"bladder-leak": "yes", "bladder-new": "no"}, {"B15": True}),
    ({"bladder-full": "unsure", "bladder-new": "no"}, {"B15": UNSURE}),
    ({"bowel-feel": "yes", "bowel-new": "yes", "legs-both": "yes", "legs-new": "no"}, {"A2": True, "B15": True}),
    ({"saddle-numb": "yes", "saddle-new": "yes"}, {"A3": True}),
    ({"sex-feeling": "yes", "sex-new": "no"}, {"B15": True}),
    ({"walking-unsteady": "yes", "legs-new": "yes"}, {"A5": True}),
    ({"fall-major": "yes"}, {"A6": True}),
    ({"fall-minor": "yes"}, {}),
    ({"fall-minor": "yes", "over-65": "yes"}, {"A6": True}),
    ({"fall-minor": "yes", "thin-bones": "unsure"}, {"A6": UNSURE}),  # B8 needs new or worse pain too
    ({"fall-minor": "yes", "steroids": "yes"}, {"A6": True, "B1": True}),
    ({"chest-pain": "yes"}, {"A7": True}),
    ({"sudden-severe": "yes"}, {}),
    ({"sudden-severe": "yes", "faint": "yes"}, {"A7": True}),
    ({"sudden-severe": "yes", "very-unwell": "unsure"}, {"A7": UNSURE}),
    ({"fever": "yes"}, {"B1": True}),
    ({"fever": "yes", "very-unwell": "yes"}, {"A8": True, "B1": True}),
    ({"infection": "unsure"}, {"B1": UNSURE}),
    ({"immune-medicine": "yes"}, {"B1": True}),
    ({"night": "yes"}, {"B4": True}),
    ({"spine-shape": "yes"}, {"B6": True}),
    ({"first-episode": "yes", "age-under-20-or-over-50": "yes"}, {}),
    ({"first-episode": "yes", "age-under-20-or-over-50": "yes", "no-cause": "yes"}, {"B7": True}),
    ({"thin-bones": "yes"}, {}),
    ({"new-or-worse": "yes"}, {}),
    ({"thin-bones": "yes", "new-or-worse": "yes"}, {"B8": True}),
    ({"steroids": "unsure", "new-or-worse": "yes"}, {"B1": UNSURE, "B8": UNSURE}),
    ({"leg-numb": "yes"}, {"B9": True}),
    ({"birth": "yes"}, {"B11": True}),
    ({"hip-precautions": "unsure"}, {"B12": UNSURE}),
    ({"before-45": "yes", "over-3-months": "yes"}, {}),
    ({"before-45": "yes", "morning-stiff": "yes"}, {}),
    ({"before-45": "yes", "over-3-months": "yes", "buttock-switch": "yes"}, {"B13": True}),
    ({"before-45": "unsure", "over-3-months": "yes", "wakes-late": "yes"}, {"B13": UNSURE}),
    ({"coping": "yes"}, {"B14": True}),
]


@pytest.mark.parametrize("parts,expected", PART_RULES, ids=[" ".join(p) for p, _ in PART_RULES])
def test_parts_combine_into_ids_by_their_rules(parts, expected):
    answers = answers_from_parts(ALL_NO_PARTS | parts)
    assert set(answers) == set(IDS)
    assert {qid: value for qid, value in answers.items() if value is not False} == expected


def test_an_id_waits_for_all_its_parts_but_a_follow_up_is_needed_only_after_yes_or_not_sure():
    first_page = {"bladder-start": "no", "bladder-stuck": "no", "bladder-leak": "no", "bladder-full": "no"}
    assert answers_from_parts(first_page) == {"A1": False}
    assert answers_from_parts(first_page | {"bladder-leak": "yes", "bladder-new": "yes"}) == {"A1": True}
    assert "A1" not in answers_from_parts(first_page | {"bladder-leak": "yes"})


def test_every_question_is_asked_once_and_every_part_a_rule_uses_is_asked():
    keys = [q.key for page in PAGES for q in page.questions]
    assert len(keys) == len(set(keys))
    used = set().union(*(item.rule.keys() for item in ITEMS))
    assert used == set(keys)


def test_urgent_questions_come_first_and_a_follow_up_is_on_the_page_of_what_it_follows():
    urgent = [page.urgent for page in PAGES]
    assert urgent == sorted(urgent, reverse=True) and urgent[0] and not urgent[-1]
    for page in PAGES:
        seen = set()
        for question in page.questions:
            assert set(question.follows) <= seen
            seen.add(question.key)


@pytest.mark.parametrize("key", list(QUESTIONS))
def test_each_question_reads_at_about_a_6th_grade_level(key):
    assert textstat.flesch_kincaid_grade(str(QUESTIONS[key].text)) <= 6.5


BAD = [
    ([], 'expected an object with an "answers" field'),
    ({"A1": False}, 'expected an object with an "answers" field'),
    ({"answers": NO, "extra": 1}, "unexpected field(s): extra"),
    ({"answers": [False] * 23}, '"answers" must be an object'),
    ({"answers": {k: v for k, v in NO.items() if k != "B7"}}, "missing answer(s) for: B7"),
    ({"answers": {k: v for k, v in NO.items() if k != "B15"}}, "missing answer(s) for: B15"),
    ({"answers": {}}, "missing answer(s) for: A1, A2"),
    ({"answers": NO | {"C1": False}}, "unknown question id(s): C1"),
    ({"answers": NO | {"B16": False}}, "unknown question id(s): B16"),
    ({"answers": NO | {"a1": False}}, "unknown question id(s): a1"),
    ({"answers": NO | {"A4": "no"}}, 'answer for A4 must be true, false or "unsure", not "no"'),
    ({"answers": NO | {"A4": "yes"}}, 'answer for A4 must be true, false or "unsure", not "yes"'),
    ({"answers": NO | {"A4": "Unsure"}}, 'answer for A4 must be true, false or "unsure", not "Unsure"'),
    ({"answers": NO | {"B3": 0}}, 'answer for B3 must be true, false or "unsure", not 0'),
    ({"answers": NO | {"B3": 1}}, 'answer for B3 must be true, false or "unsure", not 1'),
    ({"answers": NO | {"B3": None}}, 'answer for B3 must be true, false or "unsure", not null'),
    ({"answers": NO | {"B3": [True]}}, 'answer for B3 must be true, false or "unsure", not [true]'),
]


@pytest.mark.parametrize("data,message", BAD, ids=[m[:40] for _, m in BAD])
def test_bad_answers_are_refused_never_read_as_no(data, message):
    with pytest.raises(AnswersError) as caught:
        parse_answers(data)
    assert message in str(caught.value)


NO_TEXT = json.dumps({"answers": NO})
BAD_TEXT = [(json.dumps(data), message) for data, message in BAD] + [
    ("not json", "the input is not JSON"),
    ("", "the input is not JSON"),
    ('{"answers": {"A1": fals', "the input is not JSON"),
    (NO_TEXT.replace('"A1": false', '"A1": false, "A1": true'), "duplicated key: 'A1'"),
    (NO_TEXT[:-1] + ', "answers": {}}', "duplicated key: 'answers'"),
    ("[" * 100_000 + "]" * 100_000, "the input is too large"),
    ("[" * 5000 + "]" * 5000, "nested too deeply"),
    (json.dumps({"answers": NO | {"A1": [[[["deep"]]]]}}), "nested too deeply"),
    (json.dumps({"answers": NO, "pad": "x" * 70_000}), "the input is too large"),
]


@pytest.mark.parametrize("text,message", BAD_TEXT, ids=[m[:40] for _, m in BAD_TEXT])
def test_read_answers_refuses_bad_text_naming_the_problem(text, message):
    with pytest.raises(AnswersError) as caught:
        read_answers(text)
    assert message in str(caught.value)


def run_screen(monkeypatch, capsys, text: str):
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code = cli.main(["screen", "--json"])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("value", [True, "unsure"])
@pytest.mark.parametrize("qid", IDS)
def test_the_cli_reports_each_id(monkeypatch, capsys, qid, value):
    code, out, _ = run_screen(monkeypatch, capsys, json.dumps({"answers": NO | {qid: value}}))
    tier = "urgent" if qid in TIER_A else "routine" if qid in ROUTINE_IDS else "clinician"
    assert (code, json.loads(out)) == (0, {"tier": tier, "reasons": [qid]})


def test_the_cli_says_ok_when_all_answers_are_no(monkeypatch, capsys):
    code, out, _ = run_screen(monkeypatch, capsys, NO_TEXT)
    assert (code, json.loads(out)) == (0, {"tier": "ok", "reasons": []})


def test_the_cli_lists_every_yes_or_unsure_sorted_as_strings(monkeypatch, capsys):
    code, out, _ = run_screen(monkeypatch, capsys, json.dumps({"answers": NO | {"B2": True, "B10": "unsure",
                                                                               "B13": True}}))
    assert (code, json.loads(out)) == (0, {"tier": "clinician", "reasons": ["B10", "B13", "B2"]})


@pytest.mark.parametrize("text,message", BAD_TEXT, ids=[m[:40] for _, m in BAD_TEXT])
def test_the_cli_exits_2_naming_the_problem(monkeypatch, capsys, text, message):
    code, out, err = run_screen(monkeypatch, capsys, text)
    assert code == 2 and out == ""
    assert message in err
