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
