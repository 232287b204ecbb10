"""Plain words for what changed during one session (before vs after)."""
from django.utils.translation import gettext as _

from .floor_space_meaning import floor_change, floor_meaning
from .measures import ROUNDED_FEEL_SAID


def floor_space_sentence(before: str, after: str) -> str | None:
    change = floor_change(before, after)
    if change is None:
        return None
    if change == "same":
        return _("The space under your lower back felt the same before and after the tilts.")
    if change == "less":
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


def rounded_sentence(answer: str) -> str | None:
    """The person's answer to the seed's question after the rounded rest."""
    return str(ROUNDED_FEEL_SAID[answer]) if answer in ROUNDED_FEEL_SAID else None


def session_summary(session) -> list[str]:
    sentences = [
        floor_space_sentence(session.floor_before, session.floor_after),
        *floor_meaning(session.floor_before, session.floor_after),
        rounded_sentence(session.rounded_feel),
        pain_sentence(session.pain_before, session.pain_after),
    ]
    done = sum(1 for step in session.steps.all() if step.status == "done")
    skipped = sum(1 for step in session.steps.all() if step.status == "skipped")
    if skipped:
        sentences.append(_("You did %(done)s poses and skipped %(skipped)s.") % {"done": done, "skipped": skipped})
    return [s for s in sentences if s]
