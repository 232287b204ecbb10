"""The controlled vocabularies every content file and rule draws from (one place for each)."""
from django.utils.translation import gettext_lazy as _

POSITIONS = {
    "supine": _("Lying on the back"),
    "prone": _("Lying on the front"),
    "hands-knees": _("Hands and knees"),
    "kneeling": _("Kneeling"),
    "side": _("Lying on the side"),
    "seated": _("Sitting on the floor"),
    "chair": _("Sitting on a chair"),
    "standing": _("Standing"),
}

# Lumbar movement direction: our biomechanical classification (clinical.md section 6).
DIRECTIONS = {
    "flexion": _("Rounding (flexion)"),
    "extension": _("Arching (extension)"),
    "flexion-extension": _("Rounding and arching"),
    "rotation": _("Twisting (rotation)"),
    "side-bend": _("Side bending"),
    "neutral": _("Neutral spine"),
}

# The lower-back directions a pose loads: every one it moves into, not only its main direction (clinical.md
# section 6). A direction that is stopped for a person rules out every pose or variation that loads it.
LOADED_DIRECTIONS = {key: DIRECTIONS[key] for key in ("flexion", "extension", "rotation", "side-bend")}

# The loaded directions a pose's main direction always includes.
MAIN_DIRECTION_LOADS = {
    "flexion": {"flexion"},
    "extension": {"extension"},
    "flexion-extension": {"flexion", "extension"},
    "rotation": {"rotation"},
    "side-bend": {"side-bend"},
    "neutral": set(),
}

LOADS = {
    "very-low": _("Very low"),
    "low": _("Low"),
    "moderate": _("Moderate"),
}

KINDS = {
    "reps": _("Repetitions"),
    "hold": _("Hold"),
    "breathing": _("Breathing"),
}

CONDITIONS = {
    "pregnancy": _("Pregnancy"),
    "osteoporosis": _("Osteoporosis or long-term steroids"),
    "posterior-hip-replacement": _("Hip replacement (posterior approach)"),
    "knee-problems": _("Knee problems"),
    "wrist-problems": _("Wrist problems"),
    "glaucoma": _("Glaucoma"),
    "high-blood-pressure": _("High blood pressure"),
    "forward-spondylolisthesis": _("Forward slip of a vertebra (spondylolisthesis)"),
    "sciatica": _("Sciatica"),
    "spinal-stenosis": _("Narrowing of the spinal canal (spinal stenosis)"),
}

PROPS = {
    "mat": _("Mat"),
    "blanket": _("Folded blanket"),
    "cushion": _("Cushion"),
    "bolster": _("Bolster or firm pillows"),
    "block": _("Yoga block or thick book"),
    "strap": _("Strap or belt"),
    "chair": _("Sturdy chair"),
    "wall": _("Wall"),
}
