"""What to do when someone reports symptoms during a session (clinical.md section 5; our rule).

Checked from the most serious down; the first rule that matches decides:
  any urgent (Tier A) symptom          -> stop the session, urgent advice, screen again before the next one
  new or further-spreading leg symptoms -> stop this direction of movement for the rest of the session
  pain above 5, sharp or shooting      -> stop this pose and go to a rest pose
  pain 4-5, or up to 3 but rising      -> ease off: the easier variation, a smaller range or a shorter hold
  pain up to 3 and not rising          -> continue
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from lumbar.practice.measures import PAIN_EASE_FROM, PAIN_STOP_ABOVE

CONTINUE, EASE, STOP_POSE, STOP_DIRECTION, STOP_SESSION = "continue", "ease", "stop-pose", "stop-direction", "stop-session"

ACTION_LABELS = {
    CONTINUE: _("carried on"),
    EASE: _("eased off"),
    STOP_POSE: _("stopped the pose and rested"),
    STOP_DIRECTION: _("stopped that direction of movement"),
    STOP_SESSION: _("stopped the session (urgent advice)"),
}

MESSAGES = {
    CONTINUE: _("Carry on gently. Stay in the easy part of the range, and tell us again if anything changes."),
    EASE: _("Let's ease off: use the easier version, make the movement smaller, or shorten the hold."),
    STOP_POSE: _("Let's stop this pose and rest. Lie in a comfortable position and breathe slowly."),
    STOP_DIRECTION: _("Symptoms spreading into a leg are a sign to stop this kind of movement. We'll skip the poses "
                      "that move your back this way for the rest of the session and rest now."),
    STOP_SESSION: _("Stop the session now. The symptoms you described need medical attention today."),
}


@dataclass(frozen=True)
class SymptomReport:
    pain: int  # 0-10, right now
    sharp_or_shooting: bool
    spreading_to_leg: bool  # into a leg, or further down it
    urgent_symptoms: bool  # any of the Tier A symptoms
    pain_at_start: int | None = None  # pain before the session, to tell whether it is rising


def decide(report: SymptomReport) -> str:
    if report.urgent_symptoms:
        return STOP_SESSION
    if report.spreading_to_leg:
        return STOP_DIRECTION
    if report.pain > PAIN_STOP_ABOVE or report.sharp_or_shooting:
        return STOP_POSE
    if report.pain >= PAIN_EASE_FROM:
        return EASE
    if report.pain_at_start is not None and report.pain > report.pain_at_start:
        return EASE
    return CONTINUE
