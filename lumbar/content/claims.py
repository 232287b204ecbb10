"""Words Lumbar never uses about what movement does to the body (clinical.md section 2): no study shows
gentle yoga or pelvic tilts release, unstick, realign or lengthen tissue, or cure back pain.

One list, used by the checks on pose and sequence files and on the pages that explain the method.
"""
from __future__ import annotations

import re

UNSUPPORTED_CLAIMS = re.compile(
    r"\b(releas\w*|unstick\w*|un-stick\w*|cures?|cured|curing|realign\w*|re-align\w*|break(s|ing)? up adhesions"
    r"|detox\w*|lengthens? (the )?fascia|lengthening (the )?fascia)\b",
    re.IGNORECASE,
)


def unsupported_claim(text: str) -> str | None:
    """The first barred word or phrase in the text, or None."""
    found = UNSUPPORTED_CLAIMS.search(text)
    return found.group(0) if found else None
