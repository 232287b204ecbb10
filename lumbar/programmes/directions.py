"""Which way the programme leans: toward movements that ease the back, away from those that make it worse.

Two sources, per direction of the lower back (flexion = rounding, extension = arching):
  - the intake's movements: bending forward is flexion, bending back is extension;
  - the optional direction check (clinical.md section 5). It is a direct trial, so where the person
    answered it, its answer replaces the intake's for that direction (our rule). The response decides,
    never a diagnosis label.
Answers: spreading or worse -> that direction is left out (spreading: never pushed into again);
easing -> lean toward it, unless the other direction eased too; no change -> no lean.
Symptoms that spread down a leg during a session stop every direction the pose loads, for the whole
programme, until lifted (Profile.stopped_directions, clinical.md section 5).
Conditions lean too (clinical.md section 6, our rule): osteoporosis toward neutral and gentle extension and
away from rounding and twisting; spinal stenosis away from arching (rounded rests usually ease it).
Sitting, standing and walking only change the order poses are chosen in (our rule): easing ranks poses done
in that position first, aggravating ranks them last (walking counts with standing).
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .positions import SEATED, STANDING

FLEXION, EXTENSION = "flexion", "extension"
MOVEMENT_DIRECTIONS = {"bending-forward": FLEXION, "bending-back": EXTENSION}
MOVEMENT_LEVELS = {"sitting": SEATED, "standing": STANDING, "walking": STANDING}
CHECK_POSES = {FLEXION: "knees-to-chest", EXTENSION: "sphinx"}


@dataclass(frozen=True)
class Leaning:
    prefer: frozenset[str]
    avoid: tuple[tuple[str, str], ...]  # (direction, why it is left out, in plain words)
    favoured_levels: frozenset[str]
    disfavoured_levels: frozenset[str]

    def avoided(self, direction: str) -> str | None:
        return dict(self.avoid).get(direction)


def _movement_words(direction: str) -> str:
    return _("rounding the lower back") if direction == FLEXION else _("arching the lower back")


def _from_check(direction: str, answer: str, other: str | None) -> tuple[str, str | None]:
    """('prefer' | 'avoid' | '', reason) for one direction's check answer."""
    pose = _("knees-to-chest") if direction == FLEXION else _("sphinx")
    if answer == "spreading":
        return "avoid", _("When you tried %(pose)s, symptoms spread, so the programme never pushes into %(move)s."
                          ) % {"pose": pose, "move": _movement_words(direction)}
    if answer == "worse":
        return "avoid", _("When you tried %(pose)s, your back felt worse, so poses %(move)s are left out."
                          ) % {"pose": pose, "move": _movement_words(direction)}
    if answer == "easing" and other != "easing":
        return "prefer", None
    return "", None


def _from_movements(direction: str, profile) -> tuple[str, str | None]:
    movement = next(m for m, d in MOVEMENT_DIRECTIONS.items() if d == direction)
    if movement in profile.aggravates:
        return "avoid", (_("You told us bending forward makes your back worse, so poses that round the lower back "
                           "are left out.") if direction == FLEXION else
                         _("You told us bending back makes your back worse, so poses that arch the lower back "
                           "are left out."))
    if movement in profile.eases:
        return "prefer", None
    return "", None


def leaning(profile) -> Leaning:
    prefer, avoid = set(), []
    for direction, other in ((FLEXION, EXTENSION), (EXTENSION, FLEXION)):
        answer = profile.check_answer(direction)
        effect, reason = (_from_check(direction, answer, profile.check_answer(other)) if answer
                          else _from_movements(direction, profile))
        if effect == "prefer":
            prefer.add(direction)
        elif effect == "avoid":
            avoid.append((direction, reason))
    return Leaning(
        prefer=frozenset(prefer), avoid=tuple(avoid),
        favoured_levels=frozenset(MOVEMENT_LEVELS[m] for m in profile.eases if m in MOVEMENT_LEVELS),
        disfavoured_levels=frozenset(MOVEMENT_LEVELS[m] for m in profile.aggravates if m in MOVEMENT_LEVELS),
    )


def avoided_directions(profile) -> dict[str, str]:
    """direction -> why it is avoided, for every direction this person's poses must not load."""
    avoided = dict(leaning(profile).avoid)
    for direction in profile.stopped_directions:
        avoided.setdefault(direction, _(
            "Symptoms spread down your leg when your back moved this way. So Lumbar leaves out poses that move "
            "your back this way. You can undo this once a clinician says it is fine."))
    return avoided


CONDITION_LEANS = {"osteoporosis": {"neutral": 1, EXTENSION: 1, FLEXION: -1, "rotation": -1},
                   "spinal-stenosis": {EXTENSION: -1, FLEXION: 1}}


def rank(direction: str, level: str, lean: Leaning, profile=None) -> int:
    """+1 lean toward, -1 steer away, 0 neither: used to order the poses a session is filled from."""
    score = (direction in lean.prefer) + (level in lean.favoured_levels) - (level in lean.disfavoured_levels)
    for condition in profile.conditions if profile is not None else ():
        score += CONDITION_LEANS.get(condition, {}).get(direction, 0)
    return max(-1, min(1, score))
