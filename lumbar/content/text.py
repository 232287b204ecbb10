"""Content text (from the pose, sequence and lesson files) passes through here to be translated when shown.

Templates and code mark their own strings with gettext as usual; content strings come from files, so
they are looked up in the same catalogue when rendered (lumbar/content/locale, written by
`lumbar manage content_messages`).
"""
from django.utils.translation import gettext

# Fields of a content file that hold machine words (slugs, enums, ids): never translated, even where a word
# is also a spoken one (the sphinx pose's slug and its figure's "sphinx" keyframe).
CODE_FIELDS = frozenset({
    "slug", "uuid", "sanskrit", "position", "direction", "loads", "load", "kind", "props", "condition",
    "variation", "scene", "type", "moment", "pose", "instead_if_no_kneeling", "minutes",
})


def translated(value):
    """Translates a string, or every string inside lists and dicts (keys, and the values of CODE_FIELDS,
    stay as they are)."""
    if isinstance(value, str):
        return gettext(value) if value else value
    if isinstance(value, list):
        return [translated(item) for item in value]
    if isinstance(value, dict):
        return {key: item if key in CODE_FIELDS else translated(item) for key, item in value.items()}
    return value
