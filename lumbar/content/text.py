"""Content text (from the pose and sequence files) passes through here to be translated when shown.

Templates and code mark their own strings with gettext as usual; content strings come from files, so
they are looked up in the same catalogue when rendered.
"""
from django.utils.translation import gettext


def translated(value):
    """Translates a string, or every string inside lists and dicts (keys stay as they are)."""
    if isinstance(value, str):
        return gettext(value) if value else value
    if isinstance(value, list):
        return [translated(item) for item in value]
    if isinstance(value, dict):
        return {key: translated(item) for key, item in value.items()}
    return value
