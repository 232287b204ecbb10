"""Screening answers handed to Lumbar from outside (`lumbar screen --json`), checked strictly.

`{"answers": {"A1": false, ..., "B15": false}}`: every id of screening.IDS present and known, each true, false or
"unsure". A duplicated key, nesting deeper than MAX_DEPTH, more than MAX_INPUT_BYTES or text that is not JSON is
refused too; AnswersError names the problem. Nothing is ever read as "no".
"""
from __future__ import annotations

import json

from lumbar.strict_json import InputError, read_json

from .screening import IDS, UNSURE

MAX_INPUT_BYTES = 64 * 1024
MAX_DEPTH = 4


class AnswersError(ValueError):
    """Screening answers that cannot be used; the message names the problem. Never read as 'no'."""


def read_answers(text: str | bytes) -> dict:
    """Reads and checks the JSON text of `{"answers": {...}}`; raises AnswersError naming the problem."""
    try:
        data = read_json(text, limit=MAX_INPUT_BYTES, depth=MAX_DEPTH)
    except InputError as error:
        raise AnswersError(str(error)) from None
    return parse_answers(data)


def parse_answers(data) -> dict:
    """Checks `{"answers": {"A1": false, ..., "B15": false}}`: every id present, known, true, false or "unsure"."""
    if not isinstance(data, dict) or "answers" not in data:
        raise AnswersError('expected an object with an "answers" field, e.g. {"answers": {"A1": false, ...}}')
    if set(data) - {"answers"}:
        raise AnswersError(f"unexpected field(s): {', '.join(sorted(set(data) - {'answers'}))}")
    answers = data["answers"]
    if not isinstance(answers, dict):
        raise AnswersError('"answers" must be an object mapping question ids to true, false or "unsure"')
    unknown = sorted(set(answers) - set(IDS))
    if unknown:
        raise AnswersError(f"unknown question id(s): {', '.join(unknown)} (ids are A1-A8 and B1-B15)")
    missing = [qid for qid in IDS if qid not in answers]
    if missing:
        raise AnswersError(f"missing answer(s) for: {', '.join(missing)} (a missing answer is not a 'no')")
    for qid in IDS:
        value = answers[qid]
        if not (isinstance(value, bool) or value == UNSURE):
            raise AnswersError(f'answer for {qid} must be true, false or "unsure", not {json.dumps(value)}')
    return dict(answers)
