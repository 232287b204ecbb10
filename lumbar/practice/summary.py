"""Plain words for what changed during one session (before vs after)."""
from django.utils.translation import gettext as _

from .measures import FLOOR_SPACE

# More space under the lower back when lying with knees bent = the back resting flatter.
FLOOR_ORDER = list(FLOOR_SPACE)


def floor_space_sentence(before: str, after: str) -> str | None:
    if not before or not after:
        return None
    if before == after:
        return _("The space under your lower back felt the same before and after the tilts.")
    if FLOOR_ORDER.index(after) > FLOOR_ORDER.index(before):
        return _("After the tilts your lower back rested closer to the floor (less space underneath).")
    return _("After the tilts there was more space under your lower back.")


def pain_sentence(before: int | None, after: int | None) -> str | None:
    if before is None or after is None:
        return None
    if after < before:
        return _("Your pain went from %(before)s to %(after)s out of 10.") % {"before": before, "after": after}
    if after > before:
        return _(
            "Your pain went up from %(before)s to %(after)s out of 10. Go gently, use the easier versions next time, "
            "and if it stays higher tomorrow, take a rest day."
        ) % {"before": before, "after": after}
    return _("Your pain stayed at %(pain)s out of 10.") % {"pain": before}


def session_summary(session) -> list[str]:
    sentences = [
        floor_space_sentence(session.floor_before, session.floor_after),
        pain_sentence(session.pain_before, session.pain_after),
    ]
    done = sum(1 for step in session.steps.all() if step.status == "done")
    skipped = sum(1 for step in session.steps.all() if step.status == "skipped")
    if skipped:
        sentences.append(_("You did %(done)s poses and skipped %(skipped)s.") % {"done": done, "skipped": skipped})
    return [s for s in sentences if s]
