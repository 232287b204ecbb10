"""What a change in the floor-space check may mean, in plain and honest words. One place, used by the
player's summary (through the plan) and by the session page (summary.py).

The check is a self-observation of how the back feels lying down, not a measurement of the spine or of any
tissue (clinical.md section 2), so the words say what a change *may* mean and never claim more.
"""
from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .measures import FLOOR_SPACE

# FLOOR_SPACE runs from the most space under the lower back to the least.
FLOOR_ORDER = list(FLOOR_SPACE)

MEANING = {
    "less": _("Less space can mean that your lower back was resting more easily on the floor. Slow, gentle "
              "movement can ease stiffness for a while."),
    "same": _("No change is fine. This check is about noticing, not about passing a test. How your back feels "
              "can change from day to day."),
    "more": _("More space can happen. It may mean your back felt a bit tighter today. Go gently, and notice it "
              "again next time."),
}
NOT_A_MEASUREMENT = _("This is how your back felt to you. It is not a measurement of your spine or of any "
                      "tissue.")


def floor_change(before: str | None, after: str | None) -> str | None:
    """"less", "same" or "more" space under the lower back after than before; None if either is missing."""
    if before not in FLOOR_ORDER or after not in FLOOR_ORDER:
        return None
    step = FLOOR_ORDER.index(after) - FLOOR_ORDER.index(before)
    return "less" if step > 0 else "more" if step < 0 else "same"


def floor_meaning(before: str | None, after: str | None) -> list[str]:
    """What the change may mean, then that it is a self-observation; nothing when the check was not done."""
    change = floor_change(before, after)
    return [str(MEANING[change]), str(NOT_A_MEASUREMENT)] if change else []


def floor_meaning_words() -> dict[str, str]:
    """Every sentence, for the player (it compares the answers itself): {"less", "same", "more", "note"}."""
    return {**{change: str(text) for change, text in MEANING.items()}, "note": str(NOT_A_MEASUREMENT)}
