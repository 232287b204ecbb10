"""What a client can share with a teacher, one scope at a time (the consent page lists these)."""
from django.utils.translation import gettext_lazy as _

PRACTICE, JOURNAL, SCREENING, CAMERA = "practice", "journal", "screening", "camera"
SCOPE_CHOICES = [
    (PRACTICE, _("Practice log: the sessions you did, how each pose felt, and your programme")),
    (JOURNAL, _("Journal and check-ins: pain, notes, weekly and morning check-ins, progress charts")),
    (SCREENING, _("Safety answers: the result of your safety questions and any stops")),
    (CAMERA, _("Camera results: repetitions and glide scores you chose to keep")),
]
SCOPES = frozenset(code for code, _label in SCOPE_CHOICES)

# What a person may change only for themselves, never a teacher: their account, consent, answers, journal.
ACCOUNT = "account"
# What a teacher who looks after a client may change for them, with or without shared scopes: assignments.
ASSIGN = "assign"
