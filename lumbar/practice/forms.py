"""Checks what the session player sends at the end of a session. Anything off is refused whole."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from lumbar.content.schema import describe_errors
from lumbar.motion.landmarks import BACK_LIMIT

from .measures import FLOOR_SPACE, PAIN_MAX, PAIN_MIN, RATINGS, ROUNDED_FEEL

FloorSpace = Literal[tuple(FLOOR_SPACE)]
RoundedFeel = Literal[tuple(ROUNDED_FEEL)]
Pain = int | None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class _BeforeAfterFloor(_Strict):
    before: FloorSpace | None = None
    after: FloorSpace | None = None


class _BeforeAfterPain(_Strict):
    before: int | None = Field(None, ge=PAIN_MIN, le=PAIN_MAX)
    after: int | None = Field(None, ge=PAIN_MIN, le=PAIN_MAX)


class _FloorSpaceSeen(_Strict):
    """The back rise the camera saw at rest before and after the repetitions (lumbar/motion/floor_space.py)."""

    before: float = Field(ge=-BACK_LIMIT, le=BACK_LIMIT)
    after: float = Field(ge=-BACK_LIMIT, le=BACK_LIMIT)
    change: Literal["flatter", "more curved", "same"]


class _CameraResult(_Strict):
    """What the camera coach measured in a pose, kept only when the person chose to keep it."""

    reps: int | None = Field(None, ge=0, le=200)
    glide: list[float] = Field([], max_length=400)
    hold_seen: float | None = Field(None, ge=0, le=1)
    floor_space: _FloorSpaceSeen | None = None

    @field_validator("glide")
    @classmethod
    def scores_0_to_100(cls, scores):
        if any(not 0 <= score <= 100 for score in scores):
            raise ValueError("glide scores must be from 0 to 100")
        return scores


class _StepResult(_Strict):
    index: int = Field(ge=0)
    status: Literal["done", "skipped", "stopped"]
    seconds: int = Field(ge=0, le=4 * 3600)
    # how the pose felt, when the person said (programme sessions adapt to it), in the player at the end of
    # the pose: easy, about-right, hard or hurt
    rating: Literal[RATINGS] | None = None  # type: ignore[valid-type]  (the tuple is the Literal's values)
    camera: _CameraResult | None = None


class PracticeLog(_Strict):
    started_at: datetime
    completed: bool
    floor_space: _BeforeAfterFloor
    pain: _BeforeAfterPain
    steps: list[_StepResult] = Field(max_length=200)
    # the answer to the seed's question after the rounded rest, when the session asked it (plan: ask_rounded)
    rounded_feel: RoundedFeel | None = None  # type: ignore[valid-type]

    @field_validator("started_at", mode="before")
    @classmethod
    def parse_time(cls, value):
        if not isinstance(value, str):
            raise ValueError("must be a date and time as text, e.g. 2026-11-24T09:30:00Z")
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError("must be a date and time, e.g. 2026-11-24T09:30:00Z") from None
        if moment.tzinfo is None:
            raise ValueError("must include a time zone, e.g. 2026-11-24T09:30:00Z")
        if moment > timezone.now() + timedelta(minutes=5):
            raise ValueError("is in the future")
        return moment


class LogError(ValueError):
    """The log cannot be saved; the message says which field and why."""


def parse_practice_log(body: bytes, plan_at) -> tuple[PracticeLog, dict]:
    """Validates the JSON body against the plan the person was given: plan_at(started_at) builds it as it
    was when the session started (a direction stopped during the session changes later plans, not this one)."""
    try:
        log = PracticeLog.model_validate_json(body)
    except ValidationError as error:
        raise LogError(_("The session log was not saved because:") + "\n" + describe_errors(error)) from None
    plan = plan_at(log.started_at)
    poses = {i for i, step in enumerate(plan["steps"]) if step["type"] == "pose"}
    seen = set()
    for result in log.steps:
        if result.index not in poses:
            raise LogError(_("The session log was not saved: step %(index)s is not a pose in this session.") % {"index": result.index})
        if result.index in seen:
            raise LogError(_("The session log was not saved: step %(index)s is listed twice.") % {"index": result.index})
        seen.add(result.index)
        if result.rating and result.status == "skipped":
            raise LogError(_("The session log was not saved: step %(index)s has a rating but was skipped; only a "
                             "pose done (or stopped) can be rated.") % {"index": result.index})
    if log.rounded_feel is not None and not any(step.get("ask_rounded") for step in plan["steps"]):
        raise LogError(_("The session log was not saved: rounded_feel answers the question after the rounded "
                         "rest, and this session has no rounded rest."))
    return log, plan


class KneelingForm(forms.Form):
    can_kneel = forms.TypedChoiceField(
        label=_("Is kneeling comfortable for you?"),
        choices=[("yes", _("Yes, I can kneel comfortably")), ("no", _("No, kneeling is uncomfortable or not possible"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=_("We ask once and remember. If not, the rounded rest is done lying on your back instead."),
    )
