"""The safety screen (clinical.md section 3): the questions, and the rule that turns answers into a tier.

Any Tier A answer: urgent. Otherwise any Tier B answer: see a clinician soon. Otherwise: ok.
Pure rules: no database here.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

URGENT, CLINICIAN, OK = "urgent", "clinician", "ok"
SCREEN_AGAIN_AFTER_DAYS = 28


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    new_in_two_weeks: bool = False  # asked as "new in the last 2 weeks" (A1-A5)
    routine: bool = False  # Tier B items that are routine, not soon (B13, B14)

    @property
    def tier(self) -> str:
        return URGENT if self.id.startswith("A") else CLINICIAN


QUESTIONS = [
    Question("A1", _("In the last 2 weeks, have you noticed a new change with your bladder: trouble starting to pee, not being able to pee, leaking, or not feeling when your bladder is full?"), new_in_two_weeks=True),
    Question("A2", _("In the last 2 weeks, have you had new trouble controlling your bowels, or not feeling when you need to empty them?"), new_in_two_weeks=True),
    Question("A3", _("In the last 2 weeks, have you had new numbness or a strange feeling around your genitals, back passage, buttocks or inner thighs (the area that would touch a saddle)?"), new_in_two_weeks=True),
    Question("A4", _("In the last 2 weeks, have you noticed a new change in sexual function or in feeling around your genitals?"), new_in_two_weeks=True),
    Question("A5", _("In the last 2 weeks, have you had pain, numbness or weakness in both legs, or leg weakness or unsteady walking that is getting worse quickly?"), new_in_two_weeks=True),
    Question("A6", _("Did this pain start after a major accident or fall, or after a minor one if you have thin bones (osteoporosis), are older, or take steroid tablets long-term?")),
    Question("A7", _("Do you have chest pain along with the back pain, or did severe pain come on suddenly with feeling faint or very unwell?")),
    Question("A8", _("Do you have a fever and feel very unwell?")),
    Question("B1", _("Have you had a fever or an infection recently, injected drugs, or do you take medicines that weaken the immune system (chemotherapy, transplant drugs, long-term steroids)?")),
    Question("B2", _("Have you ever had cancer, or do you have it now?")),
    Question("B3", _("Have you lost weight recently without trying?")),
    Question("B4", _("Is the pain constant, with no rest or position that eases it, or is it worst at night so that you wake and have to get up?")),
    Question("B5", _("Is the pain mainly between your shoulder blades?")),
    Question("B6", _("Have you noticed a lump, a swelling, or a new change in the shape of your spine?")),
    Question("B7", _("Is this your first ever episode of back pain, you are over 50 or under 20, and there is no obvious reason for it?")),
    Question("B8", _("Do you have thin bones (osteoporosis) or take steroid tablets long-term, and is the pain new or worse?")),
    Question("B9", _("In one leg: is pain below the knee worse than your back pain, or do you have numbness, pins and needles or weakness that stays or is getting worse?")),
    Question("B10", _("Does coughing, sneezing or straining make the pain worse?")),
    Question("B11", _("Are you pregnant, or did you give birth in the last 12 weeks?")),
    Question("B12", _("Have you had an operation on your spine, belly or hip in the last 3 months, or do you have a hip replacement with movement precautions still in place?")),
    Question("B13", _("Did this start before age 45, has it lasted more than 3 months, and does it come with long morning stiffness (over 30 minutes), feel better with movement rather than rest, wake you in the second half of the night, or move between the buttocks?"), routine=True),
    Question("B14", _("Is the pain getting worse, not improving after 4 to 6 weeks, stopping you from managing daily activities, or are you struggling to cope?"), routine=True),
]
IDS = [q.id for q in QUESTIONS]
BY_ID = {q.id: q for q in QUESTIONS}


@dataclass(frozen=True)
class Outcome:
    tier: str
    reasons: list[str]  # every id answered yes, sorted

    @property
    def routine_only(self) -> bool:
        """Tier B reached only through the routine items (B13, B14): worded as a routine appointment."""
        return self.tier == CLINICIAN and all(BY_ID[r].routine for r in self.reasons)


def outcome(answers: dict[str, bool]) -> Outcome:
    """The tier for a complete set of answers (see parse_answers for checking them first)."""
    reasons = sorted(qid for qid in IDS if answers[qid])
    if any(BY_ID[r].tier == URGENT for r in reasons):
        return Outcome(URGENT, reasons)
    if reasons:
        return Outcome(CLINICIAN, reasons)
    return Outcome(OK, [])


class AnswersError(ValueError):
    """Screening answers that cannot be used; the message names the problem. Never read as 'no'."""


def parse_answers(data) -> dict[str, bool]:
    """Checks `{"answers": {"A1": false, ..., "B14": false}}`: every id present, known, and true or false."""
    if not isinstance(data, dict) or "answers" not in data:
        raise AnswersError('expected an object with an "answers" field, e.g. {"answers": {"A1": false, ...}}')
    if set(data) - {"answers"}:
        raise AnswersError(f"unexpected field(s): {', '.join(sorted(set(data) - {'answers'}))}")
    answers = data["answers"]
    if not isinstance(answers, dict):
        raise AnswersError('"answers" must be an object mapping question ids to true or false')
    unknown = sorted(set(answers) - set(IDS))
    if unknown:
        raise AnswersError(f"unknown question id(s): {', '.join(unknown)} (ids are A1-A8 and B1-B14)")
    missing = [qid for qid in IDS if qid not in answers]
    if missing:
        raise AnswersError(f"missing answer(s) for: {', '.join(missing)} (a missing answer is not a 'no')")
    for qid in IDS:
        if not isinstance(answers[qid], bool):
            raise AnswersError(f"answer for {qid} must be true or false, not {answers[qid]!r}")
    return dict(answers)
