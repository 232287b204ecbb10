"""May this person do this pose, in which variation, and why: one function, may_do.

Checked in this order; the first that applies leaves the pose out, with its reason in plain words:
  1. the person excluded it;
  2. a hard exclusion for one of their conditions (HARD_EXCLUSIONS, clinical.md section 6 and issue 4), plus
     any pose whose file says to skip it under posterior hip precautions (a caution naming no variation);
  3. a direction the programme avoids (directions.py): bending forward aggravating, or the check spreading;
  4. where it can be done: no floor -> only seated or standing poses or variations; no kneeling -> no
     weight on the knees.
Then the variation: the one a caution names for the person's conditions (conditions taken in the
vocabulary's order; the first usable one wins, our rule), else the small-range version when a direction is
avoided, else the pose itself, else the first easier variation that can be done here. With osteoporosis,
a rounding or twisting pose whose named variation cannot be done here is left out (our rule).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbar.content.text import translated
from lumbar.content.vocabulary import CONDITIONS

from .directions import EXTENSION, FLEXION, leaning, rank
from .library import display_name, poses
from .positions import FLOOR, SMALL_RANGE, level_of, needs_kneeling

_PRONE = gettext_lazy("Lying on your front is not advised in pregnancy.")
_HIP = gettext_lazy("While you follow hip precautions, this pose bends the hip past a right angle, crosses the "
                    "legs or twists at the waist.")
_EYES = gettext_lazy("With glaucoma, positions with the head low or the legs raised can raise the pressure in "
                     "the eyes.")
_SLIP = gettext_lazy("Arching the lower back under load can irritate a forward slip of a vertebra.")
_LOADED_FOLD = gettext_lazy("Folding forward while standing loads the rounded back, which is what to avoid with "
                            "thin bones.")
_NERVE = gettext_lazy("Folding forward with long legs can stretch an irritated nerve.")

HARD_EXCLUSIONS = {
    "pregnancy": {"sphinx": _PRONE, "cobra": _PRONE, "locust": _PRONE},  # also the only deep backbends we have
    "osteoporosis": {"standing-forward-fold": _LOADED_FOLD},
    "posterior-hip-replacement": {slug: _HIP for slug in (
        "knees-to-chest", "childs-pose", "happy-baby", "supine-twist", "reclined-figure-four")},
    "glaucoma": {"downward-dog": _EYES, "legs-up-the-wall": _EYES},
    "forward-spondylolisthesis": {"cobra": _SLIP, "locust": _SLIP},
    "sciatica": {"standing-forward-fold": _NERVE},
}
SKIP_WITHOUT_VARIATION = {"posterior-hip-replacement": _HIP}  # a caution naming no variation means skip
STRICT_VARIATIONS = {"osteoporosis": {"flexion", "rotation"}}


@dataclass(frozen=True)
class Decision:
    pose: str
    allowed: bool
    why: str = ""  # why it is left out, or why this variation; "" when there is nothing to say
    variation: str | None = None
    level: str | None = None
    locked: bool = False  # the variation was chosen for a condition: never swapped for another variation
    options: tuple[str | None, ...] = ()  # variations usable here at the same level, in the file's order
    notes: tuple[str, ...] = ()  # the pose file's cautions for the person's conditions
    rank: int = 0  # +1 lean toward, -1 steer away (directions.rank)


def _usable(profile, slug: str, variation: str | None) -> bool:
    return (profile.floor or level_of(slug, variation) != FLOOR) and (
        profile.kneeling or not needs_kneeling(slug, variation))


def _where_reason(profile, slug: str) -> str:
    if not profile.floor and level_of(slug, None) == FLOOR:
        return _("This pose is done on the floor, and you told us getting down to the floor is not possible.")
    return _("This pose puts weight on your knees, and you told us kneeling is not comfortable.")


def _condition_reason(profile, slug: str) -> str | None:
    pose = poses()[slug]
    for condition in profile.conditions:
        if slug in HARD_EXCLUSIONS.get(condition, {}):
            return str(HARD_EXCLUSIONS[condition][slug])
        if condition in SKIP_WITHOUT_VARIATION and any(
                c.condition == condition and c.variation is None for c in pose.cautions):
            return str(SKIP_WITHOUT_VARIATION[condition])
    return None


def may_do(profile, slug: str) -> Decision:
    """The decision for one pose; cached per profile and language (a Profile is hashable)."""
    return _decide(profile, slug, get_language())


@lru_cache(maxsize=8192)
def _decide(profile, slug: str, language: str | None) -> Decision:
    pose = poses()[slug]
    if slug in profile.exclude:
        return Decision(slug, False, _("You asked to leave this pose out."))
    reason = _condition_reason(profile, slug)
    if reason:
        return Decision(slug, False, reason)
    lean = leaning(profile)
    if lean.avoided(pose.direction):
        return Decision(slug, False, lean.avoided(pose.direction))
    candidates = [None, *(v.slug for v in pose.easier)]
    if not any(_usable(profile, slug, v) for v in candidates):
        return Decision(slug, False, _where_reason(profile, slug))

    order = [c for c in CONDITIONS if c in profile.conditions]
    cautions = sorted((c for c in pose.cautions if c.condition in profile.conditions),
                      key=lambda c: order.index(c.condition))
    notes = tuple(translated(c.text) for c in cautions)
    chosen, why, locked = None, "", False
    for caution in cautions:
        if not caution.variation:
            continue
        if _usable(profile, slug, caution.variation):
            chosen, locked = caution.variation, True
            why = _("Done as %(name)s, because of %(condition)s.") % {
                "name": display_name(slug, chosen).lower(), "condition": str(CONDITIONS[caution.condition]).lower()}
            break
        if pose.direction in STRICT_VARIATIONS.get(caution.condition, ()):
            return Decision(slug, False, _("With %(condition)s this pose is only done as %(name)s, which needs "
                                           "the floor or kneeling.") % {
                "condition": str(CONDITIONS[caution.condition]).lower(),
                "name": display_name(slug, caution.variation).lower()})
    if not locked:
        small = SMALL_RANGE.get(slug)
        if small and (lean.avoided(FLEXION) or lean.avoided(EXTENSION)) and _usable(profile, slug, small):
            chosen, locked = small, True
            why = _("Done in a small range, so it stays away from the direction that does not suit your back.")
        else:
            chosen = next(v for v in candidates if _usable(profile, slug, v))
            if chosen is not None:
                why = _("Done as %(name)s, so that %(reason)s") % {
                    "name": display_name(slug, chosen).lower(),
                    "reason": _("you do not need to get down to the floor.") if level_of(slug, None) == FLOOR
                    and not profile.floor else _("no weight goes on your knees.")}
    level = level_of(slug, chosen)
    options = tuple(v for v in candidates if _usable(profile, slug, v) and level_of(slug, v) == level)
    return Decision(slug, True, why, chosen, level, locked, options, notes, rank(pose.direction, level, lean))


def at_level(profile, slug: str, level: str) -> Decision | None:
    """The pose done at this level (floor, seated, standing) when allowed there, else None.

    A variation chosen for a condition or a direction is kept; otherwise another usable variation may be
    used so the pose fits the part of the session it is in.
    """
    decision = may_do(profile, slug)
    if not decision.allowed or decision.level == level:
        return decision if decision.allowed else None
    if decision.locked:
        return None
    for candidate in (None, *(v.slug for v in poses()[slug].easier)):
        if _usable(profile, slug, candidate) and level_of(slug, candidate) == level:
            where = {FLOOR: _("on the floor"), "seated": _("sitting"), "standing": _("standing")}[level]
            why = _("Done as %(name)s, to stay %(where)s for this part of the session.") % {
                "name": display_name(slug, candidate).lower(), "where": where}
            options = tuple(v for v in (None, *(v.slug for v in poses()[slug].easier))
                            if _usable(profile, slug, v) and level_of(slug, v) == level)
            return replace(decision, variation=candidate, level=level, why=why if candidate else "", options=options,
                           rank=rank(poses()[slug].direction, level, leaning(profile)))
    return None


def decisions(profile) -> dict[str, Decision]:
    """may_do for every pose in the library."""
    return {slug: may_do(profile, slug) for slug in poses()}
