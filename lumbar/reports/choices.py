"""The report's two choices, from a query string or the command line: the period and whether notes go in."""
from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .content import DEFAULT_DAYS, MAX_DAYS


class ChoiceError(ValueError):
    """str() names what was wrong."""


def days_from(text: str | None) -> int:
    if text is None or text == "":
        return DEFAULT_DAYS
    if not re.fullmatch(r"[0-9]{1,5}", text) or not 1 <= int(text) <= MAX_DAYS:
        raise ChoiceError(_("days must be a whole number from 1 to %(most)s, not %(value)r.")
                          % {"most": MAX_DAYS, "value": text})
    return int(text)


def notes_from(text: str | None) -> bool:
    if text not in (None, "", "1"):
        raise ChoiceError(_("notes must be 1 (include them) or left out, not %(value)r.") % {"value": text})
    return text == "1"
