from pydantic import TypeAdapter

from lumbar.content.schema import Step
from lumbar.programmes.player_steps import sequence_steps
from lumbar.programmes.session import build_session

from .helpers import profile


def kinds(steps):
    return [s["pose"] if s["type"] == "pose" else f"{s['type']}-{s.get('moment', '')}".strip("-") for s in steps]


def test_a_phase_one_session_plays_like_the_seed_with_the_floor_space_check_around_the_tilts():
    steps = sequence_steps(build_session(profile(), 1, 1))
    assert kinds(steps)[:6] == ["pain-before", "belly-breathing", "floor-space-before", "pelvic-tilt",
                                "floor-space-after", "childs-pose"]
    assert kinds(steps)[-3:] == ["relaxation", "pain-after", "summary"]
    adapter = TypeAdapter(Step)
    for step in steps:
        adapter.validate_python({k: v for k, v in step.items() if k not in ("why", "role")})
    assert all(step["why"] for step in steps if step["type"] == "pose")
    assert next(s for s in steps if s["type"] == "pose" and s["pose"] == "childs-pose")["role"] == "rounded-rest"


def test_no_floor_space_check_later_or_when_the_tilts_are_not_on_the_floor():
    assert "floor-space-before" not in kinds(sequence_steps(build_session(profile(), 4, 1)))
    assert "floor-space-before" not in kinds(sequence_steps(build_session(profile(floor=False), 1, 1)))
