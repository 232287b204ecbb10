"""Reading what the programme's pages post. The profile's rules stay in profile.parse_profile: the intake only
turns form fields into the profile's JSON and puts each ProfileError problem on the field it names."""
from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbar.content.vocabulary import CONDITIONS
from lumbar.practice.measures import RATINGS

from .fitting import ProgrammeError
from .generator import generate
from .library import display_name, poses
from .profile import DEFAULTS, MINUTES_RANGE, MOVEMENTS, ProfileError, parse_profile

# The intake, a few questions per screen: (fields on it, its title).
SCREENS = {
    1: (("minutes", "days_per_week"), gettext_lazy("Time for your sessions")),
    2: (("age", "conditions", "pregnancy_weeks", "floor", "kneeling"), gettext_lazy("Your body")),
    3: (("movements", "exclude"), gettext_lazy("What suits your back")),
}
FIELD_LABELS = {
    "minutes": gettext_lazy("Minutes per session"),
    "days_per_week": gettext_lazy("Days a week"),
    "age": gettext_lazy("Your age"),
    "conditions": gettext_lazy("Health conditions"),
    "pregnancy_weeks": gettext_lazy("Weeks of pregnancy"),
    "floor": gettext_lazy("Getting down to the floor"),
    "kneeling": gettext_lazy("Kneeling"),
    "movements": gettext_lazy("Movements that ease or aggravate your back"),
    "exclude": gettext_lazy("Poses you never want"),
}
# profile.py's field names -> the intake field that shows the problem
PROBLEM_FIELDS = {"eases": "movements", "aggravates": "movements", "eases, aggravates": "movements"}
MOVEMENT_ANSWERS = {
    "eases": gettext_lazy("Eases my back"),
    "neither": gettext_lazy("No difference"),
    "aggravates": gettext_lazy("Makes it worse"),
}


def screen_of(field: str) -> int:
    return next((n for n, (fields, _title) in SCREENS.items() if field in fields), 1)


def initial_answers(profile_data: dict | None, can_kneel: bool | None) -> dict:
    """Where the intake starts: the saved answers, else the defaults with kneeling from the player's answer."""
    if profile_data:
        return {k: v for k, v in profile_data.items() if k != "direction_check"}
    answers = {k: v for k, v in DEFAULTS.items() if k != "direction_check"}
    answers["floor"] = None
    answers["kneeling"] = can_kneel
    return answers


def _number(text: str):
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text  # parse_profile names it: "must be a number, not text"


def _yes_no(value: str | None):
    return {"yes": True, "no": False}.get(value or "")


def read_screen(screen: int, post, answers: dict) -> tuple[dict, dict[str, list[str]]]:
    """The answers with this screen's fields taken from the form, and problems only the form can see
    (an unanswered yes/no question)."""
    answers, problems = dict(answers), {}
    if screen == 1:
        for field in ("minutes", "days_per_week"):
            answers[field] = _number(post.get(field, ""))
            if answers[field] is None:
                answers.pop(field)
    elif screen == 2:
        answers["conditions"] = post.getlist("conditions")
        answers["age"] = _number(post.get("age", ""))
        if answers["age"] is None:
            problems["age"] = [_("Please give your age in years.")]
        answers["pregnancy_weeks"] = _number(post.get("pregnancy_weeks", ""))
        if answers["pregnancy_weeks"] is not None and "pregnancy" not in answers["conditions"]:
            answers["conditions"].append("pregnancy")
        for field in ("floor", "kneeling"):
            answers[field] = _yes_no(post.get(field))
            if answers[field] is None:
                problems[field] = [_("Please choose yes or no.")]
    elif screen == 3:
        eases, aggravates = [], []
        for movement in MOVEMENTS:
            answer = post.get(f"movement-{movement}", "neither")
            if answer == "eases":
                eases.append(movement)
            elif answer == "aggravates":
                aggravates.append(movement)
            elif answer != "neither":
                problems.setdefault("movements", []).append(
                    _("%(movement)s: choose one of the three answers.") % {"movement": MOVEMENTS[movement]})
        answers["eases"], answers["aggravates"] = eases, aggravates
        answers["exclude"] = post.getlist("exclude")
    return answers, problems


def check_answers(answers: dict, direction_check=None) -> tuple[object | None, dict[str, list[str]]]:
    """(the checked Profile, {}) or (None, {intake field: [problems]}). Unanswered yes/no questions are
    problems here too, so a profile is never saved from a half-finished intake."""
    problems: dict[str, list[str]] = {}
    data = {k: v for k, v in answers.items() if v is not None or k not in ("floor", "kneeling")}
    for field in ("floor", "kneeling"):
        if answers.get(field) is None:
            problems[field] = [_("Please choose yes or no.")]
            data.pop(field, None)
    if answers.get("age") is None:
        problems["age"] = [_("Please give your age in years.")]
    if direction_check:
        data["direction_check"] = direction_check
    try:
        profile = parse_profile(data)
    except ProfileError as error:
        for field, problem in error.problems:
            field = PROBLEM_FIELDS.get(field, field)
            problems.setdefault(field if field in FIELD_LABELS else "form", []).append(problem)
        return None, problems
    if problems:
        return None, problems
    try:
        generate(profile)
    except ProgrammeError as error:
        return None, {"minutes": [str(error)]}
    return profile, {}


def screen_problems(screen: int, problems: dict[str, list[str]]) -> dict[str, list[str]]:
    fields = SCREENS[screen][0]
    return {field: messages for field, messages in problems.items() if field in fields or field == "form"}


def condition_choices():
    return [(code, label) for code, label in CONDITIONS.items()]


def pose_choices():
    return sorted(((slug, display_name(slug)) for slug in poses()), key=lambda choice: choice[1])


def minutes_hint() -> str:
    return _("From %(low)s to %(high)s minutes.") % {"low": MINUTES_RANGE[0], "high": MINUTES_RANGE[1]}


def read_ratings(post, slugs: list[str]) -> tuple[dict[str, str], list[str]]:
    """pose slug -> rating for the poses given one (all optional); problems name the pose."""
    ratings, problems = {}, []
    for slug in slugs:
        value = post.get(f"rating-{slug}", "")
        if not value:
            continue
        if value not in RATINGS:
            problems.append(_("%(pose)s: choose easy, about right, hard or it hurt.") % {"pose": display_name(slug)})
        else:
            ratings[slug] = value
    return ratings, problems
