"""The fixed words a journal entry can tick: body-map regions, how pain feels, what set it off.

Codes are stored; labels are what people read. Adding a word is safe; renaming a code needs a migration
of stored entries.
"""
from django.utils.translation import gettext_lazy as _

# Seen from behind, so the person's left is on the left of the drawing. Order: top to bottom.
REGIONS = {
    "lower_back_left": _("Left side of the lower back"),
    "lower_back_centre": _("Centre of the lower back"),
    "lower_back_right": _("Right side of the lower back"),
    "buttock_left": _("Left buttock"),
    "buttock_right": _("Right buttock"),
    "thigh_left": _("Left thigh"),
    "thigh_right": _("Right thigh"),
    "below_knee_left": _("Left leg below the knee"),
    "below_knee_right": _("Right leg below the knee"),
}

# Regions that mean the pain reaches into a leg (worth noticing; clinical.md sections 3 and 5).
LEG_REGIONS = {"thigh_left", "thigh_right", "below_knee_left", "below_knee_right"}
LEFT_LEG, RIGHT_LEG = {"thigh_left", "below_knee_left"}, {"thigh_right", "below_knee_right"}


def leg_note(codes) -> str | None:
    """Which safety note a set of regions calls for: "both_legs", "leg" or None."""
    codes = set(codes or [])
    if codes & LEFT_LEG and codes & RIGHT_LEG:
        return "both_legs"
    return "leg" if codes & LEG_REGIONS else None

FEELINGS = {
    "aching": _("Aching"),
    "stiff": _("Stiff"),
    "sharp": _("Sharp"),
    "burning": _("Burning"),
    "tingling": _("Tingling or pins and needles"),
    "numb": _("Numb"),
    "shooting": _("Shooting"),
}

TRIGGERS = {
    "sitting": _("Sitting for a long time"),
    "standing": _("Standing for a long time"),
    "bending": _("Bending forward"),
    "lifting": _("Lifting or carrying"),
    "walking": _("Walking"),
    "waking": _("Waking up / lying in bed"),
    "exercise": _("Exercise or a session"),
    "stress": _("Stress or worry"),
    "unknown": _("Nothing I can tell"),
}


def labels(vocabulary: dict, codes) -> list[str]:
    """Labels for stored codes, in the vocabulary's order; a code no longer known is shown as stored."""
    codes = list(codes or [])
    known = [str(vocabulary[code]) for code in vocabulary if code in codes]
    return known + [code for code in codes if code not in vocabulary]
