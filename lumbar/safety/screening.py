"""The safety screen (clinical.md section 3): the questions, and the rules that turn answers into a tier.

Each screening id (A1-A8, B1-B15) is asked as one or more short questions ("parts"), one idea each, answered
yes / no / not sure. An id's rule combines its parts; "not sure" counts as yes. An id is stored as true,
false, or "unsure" when only not-sure answers reach it.

Tiers, first match wins: any A id -> urgent; any of B1-B12 or B15 -> see a clinician; only B13 and/or B14 ->
routine (advice, no lock); nothing -> ok. Pure rules: no database here.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

URGENT, CLINICIAN, ROUTINE, OK = "urgent", "clinician", "routine", "ok"
TIERS = (URGENT, CLINICIAN, ROUTINE, OK)
YES, NO, UNSURE = "yes", "no", "unsure"  # a part's answer; an id's answer is True, False or UNSURE
SCREEN_AGAIN_AFTER_DAYS = 28
# Urgent items where the advice says not to drive: chest pain or fainting, numb or weak legs and saddle area.
DO_NOT_DRIVE = frozenset({"A3", "A5", "A7"})

# --- the rules: Kleene logic over part answers, no < not sure < yes --------------------------------------
_LEVEL = {NO: 0, UNSURE: 1, YES: 2}


class Part:
    """One question's answer in a rule."""

    def __init__(self, key: str):
        self.key = key

    def level(self, parts: dict) -> int:
        return _LEVEL[parts[self.key]]  # KeyError: not answered (yet)

    def keys(self):
        return {self.key}


class Said(Part):
    """Yes only when the answer was exactly this (e.g. "no" to "did it start in the last 2 weeks?")."""

    def __init__(self, key: str, answer: str):
        super().__init__(key)
        self.answer = answer

    def level(self, parts: dict) -> int:
        return 2 if parts[self.key] == self.answer else 0


class AnyOf:
    def __init__(self, *terms):
        self.terms = terms

    def level(self, parts: dict) -> int:
        return max(term.level(parts) for term in self.terms)

    def keys(self):
        return set().union(*(term.keys() for term in self.terms))


class AllOf(AnyOf):
    def level(self, parts: dict) -> int:
        lowest = 2
        for term in self.terms:  # in order, stopping at the first "no": later parts may not have been asked
            lowest = min(lowest, term.level(parts))
            if lowest == 0:
                break
        return lowest


def _parts(*keys):
    return AnyOf(*(Part(key) for key in keys))


@dataclass(frozen=True)
class Question:
    """One question on a screen. `follows`: asked only when one of those parts was yes or not sure."""

    key: str
    text: str
    follows: tuple[str, ...] = ()


@dataclass(frozen=True)
class Item:
    """A screening id: its tier, a short description in plain words, and the rule over its parts."""

    id: str
    tier: str
    summary: str
    rule: object

    def answer(self, parts: dict):
        """True, False or UNSURE; KeyError when a part it needs has not been answered."""
        return {0: False, 1: UNSURE, 2: True}[self.rule.level(parts)]


NEW = _("If you said yes or not sure above: did it start in the last 2 weeks?")
BLADDER = ("bladder-start", "bladder-stuck", "bladder-leak", "bladder-full")
BOWEL = ("bowel-control", "bowel-feel")
SADDLE = ("saddle-numb",)
SEX = ("sex-function", "sex-feeling")
LEGS = ("legs-both", "legs-weaker", "walking-unsteady")
NEW_IN_TWO_WEEKS = {"A1": ("bladder-new", BLADDER), "A2": ("bowel-new", BOWEL), "A3": ("saddle-new", SADDLE),
                    "A4": ("sex-new", SEX), "A5": ("legs-new", LEGS)}


def _new(item_id):
    new, symptoms = NEW_IN_TWO_WEEKS[item_id]
    return AllOf(_parts(*symptoms), Part(new))


def _older(item_id):
    new, symptoms = NEW_IN_TWO_WEEKS[item_id]
    return AllOf(_parts(*symptoms), Said(new, NO))


ITEMS = [
    Item("A1", URGENT, _("a new change in how your bladder works"), _new("A1")),
    Item("A2", URGENT, _("new loss of control of your bowels, or not feeling when you need to go"), _new("A2")),
    Item("A3", URGENT, _("new numbness or an odd feeling between your legs"), _new("A3")),
    Item("A4", URGENT, _("a new change in sexual function or in feeling around your genitals"), _new("A4")),
    Item("A5", URGENT, _("new pain, numbness or weakness in both legs, or legs getting weak or walking getting "
                         "unsteady fast"), _new("A5")),
    Item("A6", URGENT, _("back pain that started after a fall or an accident"),
         AnyOf(Part("fall-major"), AllOf(Part("fall-minor"), _parts("thin-bones", "steroids", "over-65")))),
    Item("A7", URGENT, _("chest pain, or sudden very bad pain with feeling faint or very unwell"),
         AnyOf(Part("chest-pain"), AllOf(Part("sudden-severe"), _parts("faint", "very-unwell")))),
    Item("A8", URGENT, _("a fever and feeling very unwell"), AllOf(Part("fever"), Part("very-unwell"))),
    Item("B1", CLINICIAN, _("a fever, a recent infection, injected drugs, or medicine that weakens the immune "
                            "system"), _parts("fever", "infection", "injected-drugs", "immune-medicine", "steroids")),
    Item("B2", CLINICIAN, _("cancer, now or in the past"), Part("cancer")),
    Item("B3", CLINICIAN, _("losing weight without trying"), Part("weight-loss")),
    Item("B4", CLINICIAN, _("pain that rest does not ease, or that is worst at night"), _parts("constant", "night")),
    Item("B5", CLINICIAN, _("pain mainly between the shoulder blades"), Part("shoulder-blades")),
    Item("B6", CLINICIAN, _("a lump, a swelling or a change in the shape of your spine"), _parts("lump", "spine-shape")),
    Item("B7", CLINICIAN, _("a first bout of back pain under 20 or over 50, with no clear cause"),
         AllOf(Part("first-episode"), Part("age-under-20-or-over-50"), Part("no-cause"))),
    Item("B8", CLINICIAN, _("thin bones or long-term steroid tablets, with new or worse pain"),
         AllOf(_parts("thin-bones", "steroids"), Part("new-or-worse"))),
    Item("B9", CLINICIAN, _("pain, numbness or weakness in one leg"), _parts("leg-below-knee", "leg-numb")),
    Item("B10", CLINICIAN, _("pain made worse by coughing, sneezing or straining"), Part("cough")),
    Item("B11", CLINICIAN, _("being pregnant, or giving birth in the last 12 weeks"), _parts("pregnant", "birth")),
    Item("B12", CLINICIAN, _("an operation in the last 3 months, or a hip replacement with movement rules"),
         _parts("surgery", "hip-precautions")),
    Item("B13", ROUTINE, _("long-lasting pain that began before 45, with signs of inflammation"),
         AllOf(Part("before-45"), Part("over-3-months"),
               _parts("morning-stiff", "better-moving", "wakes-late", "buttock-switch"))),
    Item("B14", ROUTINE, _("pain that is getting worse or not getting better, or that is hard to cope with"),
         _parts("getting-worse", "not-improving", "daily-life", "coping")),
    Item("B15", CLINICIAN, _("bladder, bowel, numbness, sexual or leg symptoms that have lasted more than 2 weeks"),
         AnyOf(*(_older(item_id) for item_id in NEW_IN_TWO_WEEKS))),
]
IDS = [item.id for item in ITEMS]
BY_ID = {item.id: item for item in ITEMS}


@dataclass(frozen=True)
class Page:
    title: str
    intro: str
    questions: tuple[Question, ...]

    @property
    def urgent(self) -> bool:
        """Urgent questions: a yes or not sure on this page gives urgent advice as soon as it is sent."""
        keys = {q.key for q in self.questions}
        return any(item.tier == URGENT and item.rule.keys() & keys for item in ITEMS)


def _new_question(item_id):
    new, symptoms = NEW_IN_TWO_WEEKS[item_id]
    return Question(new, NEW, follows=symptoms)


# A few questions per screen, the urgent (Tier A) ones first. Each key is asked once; rules may share a key.
PAGES = [
    Page(_("Your bladder"), _("Answer for how things are now."), (
        Question("bladder-start", _("Is it hard to start peeing?")),
        Question("bladder-stuck", _("Have you been unable to pee when you need to?")),
        Question("bladder-leak", _("Do you leak pee without meaning to?")),
        Question("bladder-full", _("Have you lost the feeling of when your bladder is full?")),
        _new_question("A1"),
    )),
    Page(_("Your bowels, and between your legs"), _("Answer for how things are now."), (
        Question("bowel-control", _("Have you lost control of when you poo?")),
        Question("bowel-feel", _("Have you lost the feeling of when you need to poo?")),
        _new_question("A2"),
        Question("saddle-numb", _("Is the skin between your legs numb, or does it feel odd? This means around your "
                                  "genitals, your bottom or your inner thighs.")),
        _new_question("A3"),
    )),
    Page(_("Sex"), _("Answer for how things are now. Your answers stay private."), (
        Question("sex-function", _("Has the way sex works for you changed?")),
        Question("sex-feeling", _("Has the feeling in your genitals changed?")),
        _new_question("A4"),
    )),
    Page(_("Your legs"), _("Answer for how things are now."), (
        Question("legs-both", _("Do you have pain, numbness or weakness in both legs?")),
        Question("legs-weaker", _("Are your legs getting weaker fast?")),
        Question("walking-unsteady", _("Are you getting less steady when you walk?")),
        _new_question("A5"),
    )),
    Page(_("How the pain started"), "", (
        Question("fall-major", _("Did the pain start after a bad fall, a crash or another big accident?")),
        Question("fall-minor", _("Did the pain start after a small fall or bump?")),
        Question("thin-bones", _("Has a doctor said you have thin bones? This is called osteoporosis.")),
        Question("steroids", _("Have you taken steroid tablets for more than 3 months?")),
        Question("over-65", _("Are you 65 or older?")),
    )),
    Page(_("How you feel today"), "", (
        Question("chest-pain", _("Do you have pain in your chest?")),
        Question("sudden-severe", _("Did very bad pain come on all of a sudden?")),
        Question("faint", _("Do you feel faint?")),
        Question("very-unwell", _("Do you feel very unwell?")),
        Question("fever", _("Do you have a fever?")),
    )),
    Page(_("Your health"), "", (
        Question("infection", _("Have you had an infection in the last few weeks?")),
        Question("injected-drugs", _("Have you ever injected drugs that a doctor did not give you?")),
        Question("immune-medicine", _("Do you take medicine that weakens your body's defence against germs? This "
                                      "includes drugs for cancer or after a transplant.")),
        Question("cancer", _("Have you ever had cancer?")),
        Question("weight-loss", _("Have you lost weight without trying?")),
    )),
    Page(_("Your pain"), "", (
        Question("constant", _("Is the pain there all the time, even when you rest or change position?")),
        Question("night", _("Is the pain worst at night, so that you wake and have to get up?")),
        Question("shoulder-blades", _("Is the pain mostly between your shoulder blades?")),
        Question("cough", _("Does a cough, a sneeze or straining make the pain worse?")),
    )),
    Page(_("Your spine, and this bout of pain"), "", (
        Question("lump", _("Have you found a lump or a swelling on your back?")),
        Question("spine-shape", _("Has the shape of your spine changed lately?")),
        Question("first-episode", _("Is this the first time you have had back pain?")),
        Question("age-under-20-or-over-50", _("Are you younger than 20 or older than 50?")),
        Question("no-cause", _("Did the pain start for no clear reason?")),
        Question("new-or-worse", _("Is the pain new, or worse than it was before?")),
    )),
    Page(_("One leg, pregnancy and operations"), "", (
        Question("leg-below-knee", _("Is there pain below the knee in one leg that is worse than your back pain?")),
        Question("leg-numb", _("Is one leg numb, tingling or weak, and does it stay or get worse?")),
        Question("pregnant", _("Are you pregnant?")),
        Question("birth", _("Have you given birth in the last 12 weeks?")),
        Question("surgery", _("Have you had an operation on your back, belly or hip in the last 3 months?")),
        Question("hip-precautions", _("Do you have a new hip joint, and were you told to still avoid some moves?")),
    )),
    Page(_("How long you have had it"), "", (
        Question("before-45", _("Did your back pain first start before you were 45?")),
        Question("over-3-months", _("Have you had this back pain for more than 3 months?")),
        Question("morning-stiff", _("When you get up, does your back stay stiff for more than half an hour?")),
        Question("better-moving", _("Does the pain get better when you move, but not when you rest?")),
        Question("wakes-late", _("Does the pain wake you in the second half of the night?")),
        Question("buttock-switch", _("Does pain in your bottom switch from one side to the other?")),
    )),
    Page(_("How you are coping"), "", (
        Question("getting-worse", _("Is your pain getting worse?")),
        Question("not-improving", _("Has the pain lasted 4 to 6 weeks without getting better?")),
        Question("daily-life", _("Does the pain stop you doing everyday things?")),
        Question("coping", _("Are you finding it hard to cope?")),
    )),
]
QUESTIONS = {q.key: q for page in PAGES for q in page.questions}
# The ids each question feeds, and the id each "did it start in the last 2 weeks?" question decides.
IDS_BY_KEY = {key: [item.id for item in ITEMS if key in item.rule.keys()] for key in QUESTIONS}
NEW_QUESTION_OF = {new: item_id for item_id, (new, _symptoms) in NEW_IN_TWO_WEEKS.items()}


def needs_answer(question: Question, parts: dict) -> bool:
    """A follow-up question needs an answer only when one of the parts it follows was yes or not sure."""
    return not question.follows or any(parts.get(key, NO) != NO for key in question.follows)


def answers_from_parts(parts: dict) -> dict:
    """Every id whose parts have all been answered: {id: True | False | UNSURE}. Missing parts leave an id out."""
    answers = {}
    for item in ITEMS:
        try:
            answers[item.id] = item.answer(parts)
        except KeyError:
            continue
    return answers


@dataclass(frozen=True)
class Outcome:
    tier: str
    reasons: list[str]  # every id answered yes or not sure, sorted as strings


def outcome(answers: dict) -> Outcome:
    """The tier for a complete set of answers, or for the answers so far once one of them is urgent."""
    reasons = sorted(qid for qid in IDS if answers.get(qid, False) is not False)
    tiers = {BY_ID[r].tier for r in reasons}
    for tier in (URGENT, CLINICIAN, ROUTINE):
        if tier in tiers:
            return Outcome(tier, reasons)
    return Outcome(OK, [])
