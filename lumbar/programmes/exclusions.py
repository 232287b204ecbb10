"""May this person do this pose, in which variation, with which cautions, and what is the easier version for
them: the one per-person decision (clinical.md sections 5 and 6). Pure: a Profile in, a Decision out.

may_do(profile, slug), the pose as a programme would use it. Checked in this order; the first that applies
leaves the pose out, with its reason in plain words:
  1. the person excluded it;
  2. a hard exclusion for one of their conditions (HARD_EXCLUSIONS, and LATE_PREGNANCY_EXCLUSIONS past the
     first trimester), plus any pose whose file says to skip it under posterior hip precautions (a caution
     naming no variation), and with osteoporosis any pose that rounds and twists at once;
  3. no version of the pose can be done here: every version loads a direction that is avoided (directions.py:
     an aggravating movement, the direction check, symptoms that spread in a session), needs the floor or
     kneeling when those are out, or lies on the front in pregnancy.
Then the variation: the one a caution names for the person's conditions (conditions taken in the
vocabulary's order; the first usable one wins, our rule); else, when the pose itself loads an avoided
direction, the first version that does not (e.g. only the arching half of the tilt); else at 65 and over a
supported version of a standing pose (chair or wall); else the pose itself; else the first usable easier
version. With osteoporosis, a rounding or twisting pose whose named variation cannot be done here is left out.

check_step(profile, slug, variation) is the same decision for a version someone chose (the builder, a
teacher's sequence, `lumbar check-sequence`): allowed or not and why, its cautions, and ease_to. Hard
exclusions are never overridable. sequence_rules.py adds the rules that depend on the whole sequence
(time on the back in pregnancy, rounded rests with osteoporosis).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbar.content.text import translated
from lumbar.content.vocabulary import CONDITIONS

from .directions import FLEXION, avoided_directions, leaning, rank
from .library import display_name, poses, variation
from .positions import FLOOR, STANDING, level_of, loads, needs_kneeling, position_of

_PRONE = gettext_lazy("Lying on your front is not advised in pregnancy.")
_PREGNANCY_FOLD = gettext_lazy("Deep forward bends and backbends are not advised in pregnancy.")
_LATE_PREGNANCY = gettext_lazy("After the first 13 weeks of pregnancy, this pose keeps you on your back with "
                               "your legs raised or twisted, which is not advised.")
_HIP = gettext_lazy("While you follow hip precautions, this pose bends the hip past a right angle, crosses the "
                    "legs or twists at the waist.")
_EYES = gettext_lazy("With glaucoma, positions with the head low or the legs raised can raise the pressure in "
                     "the eyes.")
_SLIP = gettext_lazy("Arching the lower back under load can irritate a forward slip of a vertebra.")
_LOADED_FOLD = gettext_lazy("Folding forward while standing loads the rounded back, which is what to avoid with "
                            "thin bones.")
_ROUND_AND_TWIST = gettext_lazy("Rounding and twisting at the same time is what to avoid with thin bones.")
_NERVE = gettext_lazy("Folding forward with long legs can stretch an irritated nerve.")
_NARROW = gettext_lazy("Arching the back under load can narrow the spinal canal further and bring on leg "
                       "symptoms.")

HARD_EXCLUSIONS = {
    "pregnancy": {"sphinx": _PRONE, "cobra": _PRONE, "locust": _PRONE, "standing-forward-fold": _PREGNANCY_FOLD},
    "osteoporosis": {"standing-forward-fold": _LOADED_FOLD},
    "posterior-hip-replacement": {slug: _HIP for slug in (
        "knees-to-chest", "childs-pose", "happy-baby", "supine-twist", "reclined-figure-four")},
    "glaucoma": {"downward-dog": _EYES, "legs-up-the-wall": _EYES},
    "forward-spondylolisthesis": {"cobra": _SLIP, "locust": _SLIP},
    "sciatica": {"standing-forward-fold": _NERVE},
    "spinal-stenosis": {"cobra": _NARROW, "locust": _NARROW},
}
LATE_PREGNANCY_EXCLUSIONS = {"legs-up-the-wall": _LATE_PREGNANCY, "supine-twist": _LATE_PREGNANCY}
SKIP_WITHOUT_VARIATION = {"posterior-hip-replacement": _HIP}  # a caution naming no variation means skip
STRICT_VARIATIONS = {"osteoporosis": {"flexion", "rotation"}, "spinal-stenosis": {"extension"}}
SUPPORT_PROPS = {"chair", "wall"}


@dataclass(frozen=True)
class Decision:
    pose: str
    allowed: bool
    why: str = ""  # why it is left out, or why this variation; "" when there is nothing to say
    variation: str | None = None
    level: str | None = None
    locked: bool = False  # the variation was chosen for a condition or a direction: never swapped for another
    options: tuple[str | None, ...] = ()  # variations usable here at the same level, in the file's order
    notes: tuple[str, ...] = ()  # the cautions shown and spoken for this person (cautions_for)
    rank: int = 0  # +1 lean toward, -1 steer away (directions.rank)


def _unusable(profile, slug: str, version: str | None) -> str | None:
    """Why this version cannot be done by this person (where it is done, what it loads), or None."""
    if not profile.floor and level_of(slug, version) == FLOOR:
        return _("This pose is done on the floor, and you told us getting down to the floor is not possible.")
    if not profile.kneeling and needs_kneeling(slug, version):
        return _("This pose puts weight on your knees, and you told us kneeling is not comfortable.")
    if "pregnancy" in profile.conditions and position_of(slug, version) == "prone":
        return str(_PRONE)
    avoided = avoided_directions(profile)
    hit = [d for d in sorted(loads(slug, version)) if d in avoided]
    return avoided[hit[0]] if hit else None


def _usable(profile, slug: str, version: str | None) -> bool:
    return _unusable(profile, slug, version) is None


def _condition_reason(profile, slug: str) -> str | None:
    pose = poses()[slug]
    for condition in profile.conditions:
        if slug in HARD_EXCLUSIONS.get(condition, {}):
            return str(HARD_EXCLUSIONS[condition][slug])
        if condition in SKIP_WITHOUT_VARIATION and any(
                c.condition == condition and c.variation is None for c in pose.cautions):
            return str(SKIP_WITHOUT_VARIATION[condition])
    if profile.pregnant_past_first_trimester and slug in LATE_PREGNANCY_EXCLUSIONS:
        return str(LATE_PREGNANCY_EXCLUSIONS[slug])
    return None


def _versions(slug: str) -> list[str | None]:
    return [None, *(v.slug for v in poses()[slug].easier)]


def _twists_and_rounds(slug: str, version: str | None) -> bool:
    return {"rotation", FLEXION} <= loads(slug, version)


def _safe_versions(profile, slug: str) -> list[str | None]:
    """The pose and its easier versions, less any that rounds and twists at once for someone with thin bones."""
    osteo = "osteoporosis" in profile.conditions
    return [v for v in _versions(slug) if not (osteo and _twists_and_rounds(slug, v))]


def may_do(profile, slug: str) -> Decision:
    """The decision for one pose; cached per profile and language (a Profile is hashable)."""
    return _decide(profile, slug, get_language())


def _cautions(profile, slug: str) -> list:
    order = [c for c in CONDITIONS if c in profile.conditions]
    return sorted((c for c in poses()[slug].cautions if c.condition in profile.conditions),
                  key=lambda c: order.index(c.condition))


@lru_cache(maxsize=8192)
def _decide(profile, slug: str, language: str | None) -> Decision:
    pose = poses()[slug]
    if slug in profile.exclude:
        return Decision(slug, False, _("You asked to leave this pose out."))
    reason = _condition_reason(profile, slug)
    if reason:
        return Decision(slug, False, reason)
    candidates = _safe_versions(profile, slug)
    if not candidates:
        return Decision(slug, False, str(_ROUND_AND_TWIST))
    usable = [v for v in candidates if _usable(profile, slug, v)]
    if not usable:
        return Decision(slug, False, _unusable(profile, slug, candidates[0]))

    chosen, why, locked = None, "", False
    for caution in _cautions(profile, slug):
        if not caution.variation:
            continue
        if caution.variation in usable:
            chosen, locked = caution.variation, True
            why = _("You do it as %(name)s. That is the safer way with %(condition)s.") % {
                "name": display_name(slug, chosen).lower(), "condition": str(CONDITIONS[caution.condition]).lower()}
            break
        if _strict_for(caution.condition, slug):
            return Decision(slug, False, _("With %(condition)s you would only do this pose as %(name)s. You "
                                           "cannot do that one here.") % {
                "condition": str(CONDITIONS[caution.condition]).lower(),
                "name": display_name(slug, caution.variation).lower()})
    if not locked and None not in usable and _direction_blocks(profile, slug, None):
        chosen, locked = usable[0], True
        why = _("You do it as %(name)s. That way it stays away from the movement that does not suit your back.") % {
            "name": display_name(slug, chosen).lower()}
    elif not locked and profile.older and level_of(slug, None) == STANDING:
        supported = next((v for v in usable if v and SUPPORT_PROPS & set(variation(pose, v).props)), None)
        if supported:
            chosen = supported
            why = _("You do it as %(name)s. From 65, Lumbar starts with versions that give you support.") % {
                "name": display_name(slug, chosen).lower()}
    if not locked and not why:
        chosen = usable[0]
        if chosen is not None:
            why = _("You do it as %(name)s, so %(reason)s") % {
                "name": display_name(slug, chosen).lower(),
                "reason": _("you do not need to get down to the floor.") if level_of(slug, None) == FLOOR
                and not profile.floor else _("no weight goes on your knees.") if not profile.kneeling
                and needs_kneeling(slug, None) else _("it suits your answers.")}
    level = level_of(slug, chosen)
    options = tuple(v for v in usable if level_of(slug, v) == level) if not locked else (chosen,)
    return Decision(slug, True, why, chosen, level, locked, options, cautions_for(profile, slug, chosen),
                    rank(pose.direction, level, leaning(profile), profile))


def _direction_blocks(profile, slug: str, version: str | None) -> bool:
    avoided = avoided_directions(profile)
    return any(d in avoided for d in loads(slug, version))


def cautions_for(profile, slug: str, version: str | None) -> tuple[str, ...]:
    """The lines shown and spoken at the start of this step for this person: the pose file's cautions for
    their conditions, then the rules that hang on age and pregnancy."""
    lines = [translated(c.text) for c in _cautions(profile, slug)]
    position = position_of(slug, version)
    if profile.pregnant_past_first_trimester and position == "supine":
        lines.append(_("You are past the first 13 weeks of pregnancy: stay on your back for a minute at most at "
                       "a time. Roll onto your side if you feel faint, dizzy or short of breath."))
    if profile.older and level_of(slug, version) == STANDING:
        lines.append(_("Stand near a wall or a sturdy chair, so you can steady yourself at any moment."))
    return tuple(dict.fromkeys(lines))


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
    usable = [v for v in _safe_versions(profile, slug) if _usable(profile, slug, v)]
    for candidate in usable:
        if level_of(slug, candidate) == level:
            where = {FLOOR: _("on the floor"), "seated": _("sitting"), "standing": _("standing")}[level]
            why = _("You do it as %(name)s, to stay %(where)s for this part of the session.") % {
                "name": display_name(slug, candidate).lower(), "where": where}
            options = tuple(v for v in usable if level_of(slug, v) == level)
            return replace(decision, variation=candidate, level=level, why=why if candidate else "", options=options,
                           notes=cautions_for(profile, slug, candidate),
                           rank=rank(poses()[slug].direction, level, leaning(profile), profile))
    return None


def decisions(profile) -> dict[str, Decision]:
    """may_do for every pose in the library."""
    return {slug: may_do(profile, slug) for slug in poses()}


# --- a version someone chose ---------------------------------------------------------------------------

@dataclass(frozen=True)
class StepCheck:
    pose: str
    variation: str | None
    allowed: bool
    why: str  # why it is not allowed, or advice on the version; "" when there is nothing to say
    cautions: tuple[str, ...]
    ease_to: str | None  # the version "ease off" switches to for this person, or None


def check_step(profile, slug: str, version: str | None) -> StepCheck:
    """The decision for `version` of `slug` as someone chose it (None: the pose itself)."""
    reason = _refusal(profile, slug, version)
    if reason:
        return StepCheck(slug, version, False, reason, (), None)
    return StepCheck(slug, version, True, "", cautions_for(profile, slug, version), ease_to(profile, slug, version))


def _refusal(profile, slug: str, version: str | None) -> str | None:
    """Why this person may not do this version of the pose, or None."""
    decision = may_do(profile, slug)
    if not decision.allowed:
        return decision.why
    reason = _unusable(profile, slug, version)
    if reason is None and "osteoporosis" in profile.conditions and _twists_and_rounds(slug, version):
        reason = str(_ROUND_AND_TWIST)
    if reason is None and decision.locked and version != decision.variation and _strict(profile, slug):
        reason = _("With your answers you only do this pose as %(name)s.") % {
            "name": display_name(slug, decision.variation).lower()}
    if reason is None and version is not None and variation(poses()[slug], version) in poses()[slug].harder and (
            profile.older or profile.pregnant_past_first_trimester or "osteoporosis" in profile.conditions):
        reason = _("A harder version is not for you now. Use the pose itself or an easier version.")
    return reason


def _strict(profile, slug: str) -> bool:
    """The version was picked for a condition that allows no other (STRICT_VARIATIONS) or to keep away from
    an avoided direction. (Time on the back in pregnancy is a rule of the whole sequence: sequence_rules.py.)"""
    if any(c.variation and _strict_for(c.condition, slug) for c in _cautions(profile, slug)):
        return True
    return _direction_blocks(profile, slug, None)


def _strict_for(condition: str, slug: str) -> bool:
    """With this condition, the version its caution names is the only one allowed (STRICT_VARIATIONS)."""
    return bool(loads(slug, None) & STRICT_VARIATIONS.get(condition, set()))


def ease_to(profile, slug: str, version: str | None) -> str | None:
    """The easier version "ease off" switches to: one done in the same position (no getting up or down in the
    middle of a pose) that this person may do, else None (the player then shortens what is left)."""
    here = position_of(slug, version)
    for candidate in (v.slug for v in poses()[slug].easier):
        if candidate != version and position_of(slug, candidate) == here and not _refusal(profile, slug, candidate):
            return candidate
    return None
