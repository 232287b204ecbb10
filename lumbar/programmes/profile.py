"""The intake profile: parsed and checked, every problem named with its field.

Fields (JSON), with the defaults used when an optional field is left out:
  minutes         required, 10-45: length of one session
  days_per_week   required, 1-7: sessions a week
  conditions      [] : codes from lumbar.content.vocabulary.CONDITIONS
  floor           true : getting down to and up from the floor is possible (false: chair and standing only)
  kneeling        true : kneeling is comfortable (false: no poses with weight on the knees)
  eases           [] : movements that ease the back (MOVEMENTS below)
  aggravates      [] : movements that make it worse; a movement cannot be in both lists
  exclude         [] : pose slugs the person never wants
  direction_check null : the optional check's answers, {"flexion": RESPONSE, "extension": RESPONSE}, either
                  key may be missing; RESPONSE is one of direction_check.RESPONSES
  age             null : years (AGE_RANGE); 65 and over gets supported versions first (OLDER_AGE)
  pregnancy_weeks null : weeks of pregnancy (0-42); implies the condition "pregnancy"; past FIRST_TRIMESTER_WEEKS
                  (or pregnancy with no weeks given) limits time lying on the back
  floor_taught    false : the person has been shown how to get down to and up from the floor (floor_skills.py)
  stopped_directions [] : directions (flexion, extension, rotation, side-bend) in which symptoms spread down a
                  leg during a session; left out of everything until lifted (clinical.md section 5)
Floor and kneeling default to true because Lumbar's core method is done on the floor; the intake asks both.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbar.content.vocabulary import CONDITIONS

from .library import poses

MINUTES_RANGE = (10, 45)
DAYS_RANGE = (1, 7)
MOVEMENTS = {
    "bending-forward": gettext_lazy("Bending forward"),
    "bending-back": gettext_lazy("Bending back"),
    "sitting": gettext_lazy("Sitting"),
    "standing": gettext_lazy("Standing"),
    "walking": gettext_lazy("Walking"),
}
CHECK_DIRECTIONS = ("flexion", "extension")
CHECK_RESPONSES = ("easing", "no-change", "worse", "spreading")
STOPPABLE_DIRECTIONS = ("flexion", "extension", "rotation", "side-bend")
AGE_RANGE = (12, 110)
PREGNANCY_WEEKS_RANGE = (0, 42)
OLDER_AGE = 65  # clinical.md section 6: yoga injury rates are highest from 65
FIRST_TRIMESTER_WEEKS = 13
DEFAULTS = {"conditions": [], "floor": True, "kneeling": True, "eases": [], "aggravates": [], "exclude": [],
            "direction_check": None, "age": None, "pregnancy_weeks": None, "stopped_directions": [],
            "floor_taught": False}
REQUIRED = ("minutes", "days_per_week")


@dataclass(frozen=True)
class Profile:
    minutes: float
    days_per_week: int
    conditions: tuple[str, ...] = ()
    floor: bool = True
    kneeling: bool = True
    eases: tuple[str, ...] = ()
    aggravates: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    direction_check: tuple[tuple[str, str], ...] = ()  # (direction, response) pairs, hashable
    age: int | None = None
    pregnancy_weeks: int | None = None
    stopped_directions: tuple[str, ...] = ()
    floor_taught: bool = False

    @property
    def older(self) -> bool:
        return self.age is not None and self.age >= OLDER_AGE

    @property
    def pregnant_past_first_trimester(self) -> bool:
        """Pregnancy with no weeks given is read the cautious way (our rule)."""
        return "pregnancy" in self.conditions and (self.pregnancy_weeks is None
                                                   or self.pregnancy_weeks >= FIRST_TRIMESTER_WEEKS)

    def check_answer(self, direction: str) -> str | None:
        return dict(self.direction_check).get(direction)

    def to_dict(self) -> dict:
        data = asdict(self)
        for key in ("conditions", "eases", "aggravates", "exclude", "stopped_directions"):
            data[key] = list(data[key])
        data["direction_check"] = dict(self.direction_check) or None
        return data


class ProfileError(ValueError):
    """A profile that cannot be used. `problems` lists (field, what is wrong); str() joins them."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{field}: {message}" for field, message in problems))


def _type_name(value) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "an object", type(None): "null"}.get(type(value), type(value).__name__)


def _number(data: dict, field: str, bounds: tuple[int, int], whole: bool, problems: list) -> None:
    value = data[field]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problems.append((field, _("must be a number, not %(kind)s") % {"kind": _type_name(value)}))
    elif whole and not float(value).is_integer():
        problems.append((field, _("must be a whole number, not %(value)s") % {"value": value}))
    elif not bounds[0] <= value <= bounds[1]:
        problems.append((field, _("must be between %(low)s and %(high)s, not %(value)s")
                         % {"low": bounds[0], "high": bounds[1], "value": value}))


def _codes(data: dict, field: str, known, what: str, problems: list) -> tuple[str, ...]:
    value = data[field]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        problems.append((field, _("must be a list of %(what)s codes, not %(kind)s")
                         % {"what": what, "kind": _type_name(value)}))
        return ()
    unknown = [item for item in value if item not in known]
    if unknown:
        problems.append((field, _("unknown %(what)s %(codes)s; use one of: %(known)s")
                         % {"what": what, "codes": ", ".join(repr(u) for u in unknown), "known": ", ".join(known)}))
    return tuple(dict.fromkeys(item for item in value if item in known))


def _check_answers(value, problems: list) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        problems.append(("direction_check", _("must be an object like {\"flexion\": \"easing\"} or null")))
        return ()
    answers = []
    for direction, response in value.items():
        if direction not in CHECK_DIRECTIONS:
            problems.append((f"direction_check.{direction}", _("unknown direction; use flexion or extension")))
        elif response not in CHECK_RESPONSES:
            problems.append((f"direction_check.{direction}", _("unknown response %(value)r; use one of: %(known)s")
                             % {"value": response, "known": ", ".join(CHECK_RESPONSES)}))
        else:
            answers.append((direction, response))
    return tuple(sorted(answers))


def parse_profile(data) -> Profile:
    """A checked Profile from a JSON-like dict, or ProfileError naming every problem."""
    if not isinstance(data, dict):
        raise ProfileError([("(profile)", _("must be a JSON object of fields, not %(kind)s")
                             % {"kind": _type_name(data)})])
    problems: list[tuple[str, str]] = []
    unknown = sorted(set(data) - set(DEFAULTS) - set(REQUIRED))
    if unknown:
        problems.append((", ".join(unknown), _("unknown field; the fields are: %(fields)s")
                         % {"fields": ", ".join([*REQUIRED, *DEFAULTS])}))
    for field in REQUIRED:
        if field not in data:
            problems.append((field, _("is required")))
    data = {**DEFAULTS, **data}
    if "minutes" in data:
        _number(data, "minutes", MINUTES_RANGE, whole=False, problems=problems)
    if "days_per_week" in data:
        _number(data, "days_per_week", DAYS_RANGE, whole=True, problems=problems)
    for field in ("floor", "kneeling", "floor_taught"):
        if not isinstance(data[field], bool):
            problems.append((field, _("must be true or false, not %(kind)s") % {"kind": _type_name(data[field])}))
    conditions = _codes(data, "conditions", list(CONDITIONS), _("condition"), problems)
    eases = _codes(data, "eases", list(MOVEMENTS), _("movement"), problems)
    aggravates = _codes(data, "aggravates", list(MOVEMENTS), _("movement"), problems)
    both = [movement for movement in eases if movement in aggravates]
    if both:
        problems.append(("eases, aggravates", _("%(codes)s cannot both ease and aggravate")
                         % {"codes": ", ".join(both)}))
    exclude = _codes(data, "exclude", sorted(poses()), _("pose"), problems)
    check = _check_answers(data["direction_check"], problems)
    for field, bounds in (("age", AGE_RANGE), ("pregnancy_weeks", PREGNANCY_WEEKS_RANGE)):
        if data[field] is not None:
            _number(data, field, bounds, whole=True, problems=problems)
    stopped = _codes(data, "stopped_directions", list(STOPPABLE_DIRECTIONS), _("direction"), problems)
    if problems:
        raise ProfileError(problems)
    weeks = None if data["pregnancy_weeks"] is None else int(data["pregnancy_weeks"])
    if weeks is not None and "pregnancy" not in conditions:
        conditions = (*conditions, "pregnancy")
    return Profile(minutes=data["minutes"], days_per_week=int(data["days_per_week"]), conditions=conditions,
                   floor=data["floor"], kneeling=data["kneeling"], eases=eases, aggravates=aggravates,
                   exclude=exclude, direction_check=check, age=None if data["age"] is None else int(data["age"]),
                   pregnancy_weeks=weeks, stopped_directions=stopped, floor_taught=data["floor_taught"])
