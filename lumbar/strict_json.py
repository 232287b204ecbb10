"""Reading JSON that a person or another program hands Lumbar (stdin, uploads): strictly.

A duplicated key, nesting deeper than `depth`, more than `limit` bytes, unreadable text or anything that is not
JSON raises InputError with a message that names the problem; nothing is silently read as something else.
"""
from __future__ import annotations

import json


class InputError(ValueError):
    """JSON that cannot be used; str() names the problem."""


def _no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise InputError(f"duplicated key: {key!r} appears more than once")
        seen[key] = value
    return seen


def _depth(value, limit: int, level: int = 1) -> int:
    if level > limit:
        return level
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return max((_depth(child, limit, level + 1) for child in children), default=level)


def read_json(text: str | bytes, *, limit: int = 64 * 1024, depth: int = 8):
    if len(text) > limit:
        raise InputError(f"the input is too large ({len(text)} bytes; at most {limit})")
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except RecursionError:
        raise InputError(f"the input is nested too deeply (at most {depth} levels)") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"the input is not JSON ({error})") from None
    if _depth(data, depth) > depth:
        raise InputError(f"the input is nested too deeply (at most {depth} levels)")
    return data
