"""Every rule of clinical.md section 6 walked through every route that puts a pose in front of a person.

The rules are restated here from clinical.md, independently of exclusions.py, so a rule the decision forgot
fails here. Routes: the generated programme, the core session, every stored sequence (the first session, the
flare session, ...) as the player plays it, "ease off" (the version each of their steps
eases to), the builder (every pose and version it would accept) and the pose page's "is this for me".
People: every condition, age bands, pregnancy stages, no floor, no kneeling, an aggravating movement and
each direction stopped by spreading symptoms.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from lumbar.content.loader import read_sequences
from lumbar.content.vocabulary import CONDITIONS
from lumbar.programmes.builder import ruled_out
from lumbar.programmes.core import core_steps
from lumbar.programmes.exclusions import check_step, may_do
from lumbar.programmes.generator import generate, with_facts
from lumbar.programmes.library import poses
from lumbar.programmes.positions import level_of, loads, position_of
from lumbar.programmes.profile import parse_profile
from lumbar.programmes.sequence_rules import work_seconds

BASE = {"minutes": 20, "days_per_week": 2}
PEOPLE = {
    **{f"condition {c}": {"conditions": [c]} for c in CONDITIONS},
    "age 40": {"age": 40}, "age 65": {"age": 65}, "age 82": {"age": 82},
    "pregnant 8 weeks": {"pregnancy_weeks": 8}, "pregnant 20 weeks": {"pregnancy_weeks": 20},
    "pregnant 34 weeks": {"pregnancy_weeks": 34}, "pregnant, weeks not given": {"conditions": ["pregnancy"]},
    "no floor": {"floor": False}, "no kneeling": {"kneeling": False},
    "bending forward aggravates": {"aggravates": ["bending-forward"]},
    "bending back aggravates": {"aggravates": ["bending-back"]},
    **{f"{d} stopped (spreading)": {"stopped_directions": [d]} for d in ("flexion", "extension", "rotation")},
    "hip precautions, 70, no kneeling": {"conditions": ["posterior-hip-replacement"], "age": 70, "kneeling": False},
    "osteoporosis and stenosis, 72": {"conditions": ["osteoporosis", "spinal-stenosis"], "age": 72},
}

# clinical.md section 6, restated: condition -> poses never offered
NEVER = {
    "posterior-hip-replacement": {"knees-to-chest", "childs-pose", "happy-baby", "supine-twist", "reclined-figure-four"},
    "pregnancy": {"sphinx", "cobra", "locust", "standing-forward-fold"},
    "osteoporosis": {"standing-forward-fold"},
    "glaucoma": {"downward-dog", "legs-up-the-wall"},
    "forward-spondylolisthesis": {"cobra", "locust"},
    "sciatica": {"standing-forward-fold"},
    "spinal-stenosis": {"cobra", "locust"},
}
AFTER_FIRST_TRIMESTER_NEVER = {"legs-up-the-wall", "supine-twist"}


@lru_cache(maxsize=None)
def person(name: str):
    return parse_profile({**BASE, **PEOPLE[name]})


def single_step_breaks(profile, pose: str, version: str | None) -> list[str]:
    """What a step breaks on its own, by clinical.md's rules."""
    broken = [f"{pose} is never for {c}" for c in profile.conditions if pose in NEVER.get(c, ())]
    late = profile.pregnant_past_first_trimester
    if late and pose in AFTER_FIRST_TRIMESTER_NEVER:
        broken.append(f"{pose} after the first trimester")
    if "pregnancy" in profile.conditions and position_of(pose, version) == "prone":
        broken.append("lying on the front in pregnancy")
    if "osteoporosis" in profile.conditions and {"flexion", "rotation"} <= loads(pose, version):
        broken.append("rounding with twisting and thin bones")
    if not profile.floor and level_of(pose, version) == "floor":
        broken.append("floor without the floor")
    if not profile.kneeling and position_of(pose, version) in ("kneeling", "hands-knees"):
        broken.append("weight on the knees")
    for direction in profile.stopped_directions:
        if direction in loads(pose, version):
            broken.append(f"loads stopped direction {direction}")
    if "bending-forward" in profile.aggravates and "flexion" in loads(pose, version):
        broken.append("rounds although bending forward aggravates")
    if "bending-back" in profile.aggravates and "extension" in loads(pose, version):
        broken.append("arches although bending back aggravates")
    return broken


def sequence_breaks(profile, steps: list[dict]) -> list[str]:
    """What a whole sequence breaks: time on the back in pregnancy, rounded poses with thin bones."""
    broken, run = [], 0.0
    for step in steps:
        if step["type"] == "floor-space":
            run += 45
            continue
        if step["type"] != "pose":
            continue
        supine = position_of(step["pose"], step["variation"]) == "supine"
        if profile.pregnant_past_first_trimester and supine:
            seconds = step["seconds"] if step.get("seconds") is not None else None
            if seconds is not None and seconds > 60:
                broken.append(f"{step['pose']} held {seconds} s on the back")
            run += work_seconds(step)
            if run > 180:
                broken.append(f"{run:.0f} s on the back in a row")
        else:
            run = 0
    if "osteoporosis" in profile.conditions:
        rounded = [s["pose"] for s in steps if s["type"] == "pose" and poses()[s["pose"]].direction == "flexion"]
        if len(rounded) > 1:
            broken.append(f"{len(rounded)} rounded poses: {rounded}")
    return broken


def expected_cautions(profile, pose: str) -> list[str]:
    return [c.text for c in poses()[pose].cautions if c.condition in profile.conditions]


@lru_cache(maxsize=None)
def programme(name: str) -> dict:
    return generate(person(name))


@lru_cache(maxsize=None)
def sequences(name: str) -> dict[str, list[dict]]:
    """Every stored sequence as it is played for this person (core.py, as practice/plan.py plays it)."""
    profile = person(name)
    return {sequence.slug: [with_facts(profile, step) for step in core_steps(
        profile, [step.model_dump(exclude_none=True) for step in sequence.steps])[0]] for sequence in read_sequences()}


def played_steps(name: str) -> list[dict]:
    made = programme(name)
    return [*made["core"]["steps"], *(s for steps in sequences(name).values() for s in steps),
            *(s for session in made["sessions"] for s in session["steps"])]


def test_every_stored_sequence_is_walked():
    assert {"glide-and-rest", "first-session", "flare-ease"} <= set(sequences("age 40"))


def routes(name: str):
    """(route, steps) for every route that puts a pose in front of this person."""
    profile, made = person(name), programme(name)
    for session in made["sessions"]:
        yield f"programme week {session['week']} day {session['day']}", session["steps"]
    yield "core session", made["core"]["steps"]
    for slug, steps in sequences(name).items():
        yield f"sequence {slug}", steps
    eased = [{**s, "variation": s["ease_to"]} for s in played_steps(name) if s["type"] == "pose" and s["ease_to"]]
    yield "ease off", eased
    accepted = [{"type": "pose", "pose": slug, "variation": v, "reps": None, "seconds": None}
                for slug, pose in poses().items() for v in (None, *(x.slug for x in pose.easier + pose.harder))
                if check_step(profile, slug, v).allowed]
    yield "builder", accepted
    pages = [{"type": "pose", "pose": slug, "variation": d.variation} for slug in poses()
             if (d := may_do(profile, slug)).allowed]
    yield "pose page", pages


@pytest.mark.parametrize("name", PEOPLE)
def test_no_route_offers_what_the_rules_rule_out(name):
    profile = person(name)
    for route, steps in routes(name):
        for step in steps:
            if step["type"] == "pose":
                assert not single_step_breaks(profile, step["pose"], step["variation"]), (route, step)
        if route.startswith(("programme", "core", "sequence")):
            assert not sequence_breaks(profile, steps), route


@pytest.mark.parametrize("name", PEOPLE)
def test_every_step_says_the_cautions_that_apply_and_eases_to_a_version_in_the_same_place(name):
    profile = person(name)
    for step in played_steps(name):
        if step["type"] != "pose":
            continue
        for line in expected_cautions(profile, step["pose"]):
            assert line in step["cautions"], (step["pose"], line)
        if profile.pregnant_past_first_trimester and step["position"] == "supine":
            assert any("13 weeks" in line for line in step["cautions"]), step
        if profile.older and step["position"] == "standing":
            assert any("wall or a sturdy chair" in line for line in step["cautions"]), step
        if step["ease_to"]:
            assert position_of(step["pose"], step["ease_to"]) == position_of(step["pose"], step["variation"]), step
            assert check_step(profile, step["pose"], step["ease_to"]).allowed, step


@pytest.mark.parametrize("name", PEOPLE)
def test_the_builder_refuses_every_version_the_rules_rule_out(name):
    profile = person(name)
    for slug, pose in poses().items():
        for version in (None, *(v.slug for v in pose.easier + pose.harder)):
            step = {"type": "pose", "pose": slug, "variation": version, "reps": pose.dose.reps,
                    "seconds": None if pose.kind == "reps" else pose.dose.seconds}
            if single_step_breaks(profile, slug, version):
                assert 0 in ruled_out(profile, [step]), (slug, version)


def test_a_person_past_the_first_trimester_is_never_on_her_back_past_the_limits_in_a_hand_made_sequence():
    profile = person("pregnant 20 weeks")
    long_rest = [{"type": "pose", "pose": "relaxation", "variation": None, "reps": None, "seconds": 90}]
    assert 0 in ruled_out(profile, long_rest)
    assert not ruled_out(profile, [{**long_rest[0], "variation": "side-lying"}])
    run = [{"type": "pose", "pose": p, "variation": None, "reps": None, "seconds": 55}
           for p in ("constructive-rest", "reclined-cobbler", "supported-bridge", "constructive-rest")]
    assert list(ruled_out(profile, run)) == [3]  # the fourth minute in a row on the back
    assert not ruled_out(person("pregnant 8 weeks"), long_rest)


def test_osteoporosis_sessions_lean_to_neutral_and_extension():
    made = programme("condition osteoporosis")
    directions = [poses()[s["pose"]].direction for session in made["sessions"] for s in session["steps"]]
    rounding = sum(d in ("flexion", "rotation") for d in directions)
    assert rounding <= len(made["sessions"]), "at most one rounded pose per session"
    assert sum(d in ("neutral", "extension") for d in directions) > 3 * rounding


def test_only_the_other_half_of_a_two_way_movement_is_kept_when_one_direction_spread_symptoms():
    core = programme("flexion stopped (spreading)")["core"]["steps"]
    tilt = next(s for s in core if s["type"] == "pose" and s["role"] == "warm-up")
    assert (tilt["pose"], tilt["variation"]) == ("pelvic-tilt", "arching-half")


def test_what_the_decision_says_reads_at_about_a_sixth_grade_level():
    """Every reason, version note and caution the decision gives these people, measured (Flesch-Kincaid)."""
    import textstat

    texts = {line for name in PEOPLE for slug in poses() for decision in [may_do(person(name), slug)]
             for line in (decision.why, *decision.notes) if line}
    grades = sorted(textstat.flesch_kincaid_grade(text) for text in texts)
    mean = sum(grades) / len(grades)
    print(f"{len(texts)} texts; mean grade {mean:.1f}; 90th percentile {grades[int(len(grades) * 0.9)]:.1f}")
    assert mean <= 6.0 and grades[int(len(grades) * 0.9)] <= 9.0
