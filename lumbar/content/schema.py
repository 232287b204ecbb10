"""The shape of a pose file and a sequence file, checked when content is loaded.

A file that does not match stops the load with the file, the field and what is wrong.
"""
from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from .vocabulary import CONDITIONS, DIRECTIONS, LOADED_DIRECTIONS, LOADS, MAIN_DIRECTION_LOADS, POSITIONS, PROPS

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=600)]
Angle = Annotated[float, Field(ge=-360, le=360)]


def _one_of(vocabulary: dict, what: str):
    def check(value: str) -> str:
        if value not in vocabulary:
            raise ValueError(f"unknown {what} {value!r}; use one of: {', '.join(vocabulary)}")
        return value

    return check


def _loaded_directions(values: list[str]) -> list[str]:
    for value in values:
        _one_of(LOADED_DIRECTIONS, "loaded direction")(value)
    if len(values) != len(set(values)):
        raise ValueError("each direction may be listed only once")
    return values


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Dose(Strict):
    reps: int | None = Field(None, ge=1, le=30)
    tempo: float | None = Field(None, ge=1, le=10, description="seconds each way, for repetitions")
    seconds: int | None = Field(None, ge=5, le=900, description="hold or breathing time (per side if one-sided)")
    inhale: float | None = Field(None, ge=2, le=10)
    exhale: float | None = Field(None, ge=2, le=12)


class Variation(Strict):
    slug: Slug
    name: Text
    steps: list[Text] = Field(min_length=2)
    props: list[str] = []
    dose: Dose | None = None
    position: str | None = Field(None, description="where it is done, only when that differs from the pose")
    loads: list[str] | None = Field(None, description="the directions it loads, only when they differ from the pose's")

    _props = field_validator("props")(lambda v: [_one_of(PROPS, "prop")(p) for p in v])
    _position = field_validator("position")(lambda v: v if v is None else _one_of(POSITIONS, "position")(v))
    _loads = field_validator("loads")(lambda v: v if v is None else _loaded_directions(v))


class Caution(Strict):
    condition: str
    text: Text
    variation: Slug | None = Field(None, description="the variation to use for this condition")

    _condition = field_validator("condition")(_one_of(CONDITIONS, "condition"))


class Keyframe(Strict):
    """Absolute segment angles in degrees (0 = the way the figure faces, 90 = up), plus spine curve."""

    trunk: Angle
    spine: float = Field(0, ge=-1, le=1, description="+1 fully rounded, -1 fully arched")
    head: Angle
    thigh: Angle
    shin: Angle
    foot: Angle
    upper_arm: Angle
    forearm: Angle
    far_thigh: Angle | None = None
    far_shin: Angle | None = None
    far_foot: Angle | None = None
    far_upper_arm: Angle | None = None
    far_forearm: Angle | None = None
    say: Text | None = Field(None, description="what this keyframe is called, e.g. 'tilt'")


class Figure(Strict):
    scene: list[Literal["mat", "wall", "chair", "block", "bolster", "cushion"]] = ["mat"]
    keyframes: list[Keyframe] = Field(min_length=1)


class Pose(Strict):
    slug: Slug
    uuid: uuid.UUID
    name: Text
    sanskrit: Text | None = None
    position: str
    direction: str
    loads: list[str] = Field(description="every lower-back direction the pose loads, [] for a neutral pose")
    load: str
    direction_note: Text | None = None
    kind: Literal["reps", "hold", "breathing"]
    per_side: bool = False
    dose: Dose
    purpose: Text
    steps: list[Text] = Field(min_length=3)
    cues: list[Text] = Field(min_length=3)
    breath: Text
    easier: list[Variation] = Field(min_length=1)
    harder: list[Variation] = Field(min_length=1)
    props: list[str] = []
    cautions: list[Caution] = []
    stop_if: list[Text] = Field(min_length=1)
    figure: Figure

    _position = field_validator("position")(_one_of(POSITIONS, "position"))
    _direction = field_validator("direction")(_one_of(DIRECTIONS, "direction"))
    _loads = field_validator("loads")(_loaded_directions)
    _load = field_validator("load")(_one_of(LOADS, "load"))
    _props = field_validator("props")(lambda v: [_one_of(PROPS, "prop")(p) for p in v])

    @model_validator(mode="after")
    def dose_fits_kind(self) -> "Pose":
        needed = {"reps": ("reps", "tempo"), "hold": ("seconds",), "breathing": ("seconds", "inhale", "exhale")}
        missing = [f for f in needed[self.kind] if getattr(self.dose, f) is None]
        if missing:
            raise ValueError(f"a {self.kind} pose needs dose.{', dose.'.join(missing)}")
        if self.kind == "reps" and len(self.figure.keyframes) < 2:
            raise ValueError("a repetition pose needs at least 2 figure keyframes to move between")
        names = [v.slug for v in self.easier + self.harder]
        if len(names) != len(set(names)):
            raise ValueError("variation slugs must be unique within a pose")
        missing = sorted(MAIN_DIRECTION_LOADS[self.direction] - set(self.loads))
        if missing:
            raise ValueError(f"loads must include {', '.join(missing)}, since the pose's direction is {self.direction}")
        for group, variations in (("easier", self.easier), ("harder", self.harder)):
            for number, variation in enumerate(variations):
                where = f"{group}.{number} ({variation.slug})"
                if variation.position == self.position:
                    raise ValueError(f"{where}.position is the pose's own position; leave it out")
                if variation.loads is not None and set(variation.loads) == set(self.loads):
                    raise ValueError(f"{where}.loads are the pose's own loads; leave them out")
        for caution in self.cautions:
            if caution.variation and caution.variation not in names:
                raise ValueError(
                    f"caution for {caution.condition} names variation {caution.variation!r}, "
                    f"which is not one of this pose's variations ({', '.join(names)})"
                )
        return self

    def variation(self, slug: str | None) -> Variation | None:
        """The easier or harder variation with this slug; None for the pose itself (or an unknown slug)."""
        return next((v for v in self.easier + self.harder if v.slug == slug), None) if slug else None

    def position_of(self, variation: str | None = None) -> str:
        """Where the pose, or one of its variations, is done."""
        chosen = self.variation(variation)
        return chosen.position if chosen and chosen.position else self.position

    def loads_of(self, variation: str | None = None) -> list[str]:
        """Every lower-back direction the pose, or one of its variations, loads."""
        chosen = self.variation(variation)
        return list(chosen.loads) if chosen and chosen.loads is not None else list(self.loads)


# --- sequences: what the session player plays -------------------------------------------------

class PoseStep(Strict):
    type: Literal["pose"]
    pose: Slug
    variation: Slug | None = None
    instead_if_no_kneeling: Slug | None = Field(None, description="pose used for people who cannot kneel")
    reps: int | None = Field(None, ge=1, le=30)
    seconds: int | None = Field(None, ge=5, le=900)
    intro: Text | None = None


class CheckStep(Strict):
    type: Literal["floor-space"]
    moment: Literal["before", "after"]


class PainStep(Strict):
    type: Literal["pain"]
    moment: Literal["before", "after"]


class SummaryStep(Strict):
    type: Literal["summary"]


Step = Annotated[PoseStep | CheckStep | PainStep | SummaryStep, Field(discriminator="type")]


class Sequence(Strict):
    slug: Slug
    uuid: uuid.UUID
    title: Text
    summary: Text
    steps: list[Step] = Field(min_length=1)


def describe_errors(error) -> str:
    """One line per problem: the field path and what is wrong with it."""
    lines = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem["loc"]) or "(top level)"
        lines.append(f"  {where}: {problem['msg']}")
    return "\n".join(lines)
