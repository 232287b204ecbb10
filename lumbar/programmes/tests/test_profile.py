import pytest

from lumbar.programmes.profile import DEFAULTS, ProfileError, parse_profile

GOOD = {"minutes": 20, "days_per_week": 3}


def test_the_issue_example_parses_with_every_field_kept():
    profile = parse_profile({"minutes": 20, "days_per_week": 3, "conditions": ["osteoporosis"], "floor": True,
                             "kneeling": True, "eases": ["bending-back"], "aggravates": ["sitting"],
                             "exclude": ["downward-dog"]})
    assert profile.conditions == ("osteoporosis",) and profile.eases == ("bending-back",)
    assert profile.aggravates == ("sitting",) and profile.exclude == ("downward-dog",)


def test_optional_fields_take_the_documented_defaults():
    data = parse_profile(GOOD).to_dict()
    assert {k: data[k] for k in DEFAULTS} == DEFAULTS
    assert DEFAULTS["floor"] is True and DEFAULTS["kneeling"] is True


def test_a_profile_round_trips_through_its_dict():
    profile = parse_profile({**GOOD, "conditions": ["sciatica"], "direction_check": {"flexion": "easing"}})
    assert parse_profile(profile.to_dict()) == profile


def test_repeated_codes_are_kept_once():
    assert parse_profile({**GOOD, "conditions": ["sciatica", "sciatica"]}).conditions == ("sciatica",)


@pytest.mark.parametrize("data, field, words", [
    ({"days_per_week": 3}, "minutes", "required"),
    ({"minutes": 20}, "days_per_week", "required"),
    ({**GOOD, "minutes": -5}, "minutes", "between 10 and 45, not -5"),
    ({**GOOD, "minutes": 9}, "minutes", "between 10 and 45"),
    ({**GOOD, "minutes": 46}, "minutes", "between 10 and 45"),
    ({**GOOD, "minutes": "20"}, "minutes", "must be a number, not text"),
    ({**GOOD, "minutes": True}, "minutes", "must be a number, not true/false"),
    ({**GOOD, "minutes": None}, "minutes", "must be a number, not null"),
    ({**GOOD, "days_per_week": 2.5}, "days_per_week", "whole number"),
    ({**GOOD, "days_per_week": 0}, "days_per_week", "between 1 and 7"),
    ({**GOOD, "days_per_week": 8}, "days_per_week", "between 1 and 7"),
    ({**GOOD, "conditions": "osteoporosis"}, "conditions", "must be a list"),
    ({**GOOD, "conditions": ["flu"]}, "conditions", "unknown condition 'flu'"),
    ({**GOOD, "conditions": [3]}, "conditions", "must be a list of condition codes"),
    ({**GOOD, "floor": "yes"}, "floor", "true or false, not text"),
    ({**GOOD, "kneeling": 1}, "kneeling", "true or false, not a number"),
    ({**GOOD, "eases": ["running"]}, "eases", "unknown movement 'running'"),
    ({**GOOD, "aggravates": ["sitting", "jumping"]}, "aggravates", "unknown movement 'jumping'"),
    ({**GOOD, "eases": ["sitting"], "aggravates": ["sitting"]}, "eases, aggravates", "cannot both ease and aggravate"),
    ({**GOOD, "exclude": ["headstand"]}, "exclude", "unknown pose 'headstand'"),
    ({**GOOD, "minuts": 20}, "minuts", "unknown field"),
    ({**GOOD, "direction_check": "yes"}, "direction_check", "must be an object"),
    ({**GOOD, "direction_check": {"rotation": "easing"}}, "direction_check.rotation", "unknown direction"),
    ({**GOOD, "direction_check": {"flexion": "great"}}, "direction_check.flexion", "unknown response 'great'"),
    ([], "(profile)", "must be a JSON object"),
    ("minutes: 20", "(profile)", "must be a JSON object"),
])
def test_every_problem_names_its_field_and_what_is_wrong(data, field, words):
    with pytest.raises(ProfileError) as raised:
        parse_profile(data)
    assert (field, ) == tuple(f for f, m in raised.value.problems if words in m)[:1], raised.value.problems
    assert f"{field}: " in str(raised.value)


def test_all_problems_are_reported_at_once():
    with pytest.raises(ProfileError) as raised:
        parse_profile({"minutes": -1, "days_per_week": 9, "conditions": ["flu"]})
    assert [field for field, _ in raised.value.problems] == ["minutes", "days_per_week", "conditions"]
