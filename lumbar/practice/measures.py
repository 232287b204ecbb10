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

# How a pose felt, least to most severe (when a pose is rated twice in one session, the worse one counts).
RATINGS = ("easy", "about-right", "hard", "hurt")
RATING_LABELS = dict(zip(RATINGS, (_("Easy"), _("About right"), _("Hard"), _("It hurt"))))

# Pain during a pose (clinical.md section 5, a traffic light): up to 3 carry on, from PAIN_EASE_FROM ease off,
# above PAIN_STOP_ABOVE stop the pose. Pain above PAIN_STOP_ABOVE after a session also holds the programme.
PAIN_EASE_FROM, PAIN_STOP_ABOVE = 4, 5
