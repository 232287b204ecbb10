"""The self-checks a session records, and their wording. One place for each scale."""
from django.utils.translation import gettext_lazy as _

# The floor-space check: lying on the back, knees bent, how much space is under the lower back.
# A self-observation of how the body feels, not a measurement of tissue (clinical.md section 2).
FLOOR_SPACE = {
    "wide": _("A flat hand slides under easily"),
    "fingers": _("Only fingers fit under"),
    "little": _("Hardly any space"),
}

PAIN_MIN, PAIN_MAX = 0, 10
PAIN_ANCHORS = {0: _("no pain"), 10: _("worst pain imaginable")}

# What became of a pose step (PracticeStep.status).
STEP_STATUS_LABELS = {"done": _("Done"), "skipped": _("Skipped"), "stopped": _("Stopped because of symptoms")}

# How a pose felt, least to most severe (when a pose is rated twice in one session, the worse one counts).
RATINGS = ("easy", "about-right", "hard", "hurt")
RATING_LABELS = dict(zip(RATINGS, (_("Easy"), _("About right"), _("Hard"), _("It hurt"))))

# The seed's question after the rounded rest (clinical.md section 2: after the tilts, the rounded stretch
# should feel easier). The person's own answer, kept in the log; never scored.
ROUNDED_QUESTION = _("After the tilts, did the rounded stretch feel easier than you expected?")
ROUNDED_FEEL = {
    "easier": _("Easier than I expected"),
    "same": _("About as I expected"),
    "harder": _("Harder than I expected"),
    "unsure": _("Not sure"),
}
ROUNDED_FEEL_SAID = {
    "easier": _("After the tilts, the rounded stretch felt easier than you expected."),
    "same": _("After the tilts, the rounded stretch felt about as you expected."),
    "harder": _("After the tilts, the rounded stretch felt harder than you expected."),
    "unsure": _("You were not sure how the rounded stretch felt compared with what you expected."),
}

# Pain during a pose (clinical.md section 5, a traffic light): up to 3 carry on, from PAIN_EASE_FROM ease off,
# above PAIN_STOP_ABOVE stop the pose. Pain above PAIN_STOP_ABOVE after a session also holds the programme.
PAIN_EASE_FROM, PAIN_STOP_ABOVE = 4, 5
