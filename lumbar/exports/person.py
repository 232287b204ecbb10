"""One person's rows out of a whole site's, and keeping only rows whose links can be met.

A person's data is exactly what deleting their account deletes: their user row and every row with a CASCADE
link to them or to a row of theirs (their journal, sessions, programme, screenings; a teacher's sequences and
material; coaching links and consent both ways). Works on backup rows (plain data), not on the database, so
the same rule picks one person out of a site backup on import.
"""
from __future__ import annotations

import copy

from django.db.models import CASCADE, SET_NULL
from django.utils.translation import gettext as _

from .rows import row_name
from .tables import CONTENT, PERSON, ROW, USER_LABEL, kind_of, label, model_for, relations


class PersonError(ValueError):
    """The person is not in the rows; str() says so."""


def _user_row(rows: list[dict], username: str) -> dict:
    for row in rows:
        if row["model"] == USER_LABEL and row["fields"].get("username") == username:
            return row
    raise PersonError(_("There is no person named %(name)s here.") % {"name": username})


def _key(row) -> tuple:
    return row["model"], row["pk"]


def _points_at_mine(row: dict, username: str, mine: set) -> bool:
    for field in relations(model_for(row["model"])):
        if field.many_to_many or field.remote_field.on_delete is not CASCADE:
            continue
        value, kind = row["fields"].get(field.name), kind_of(field)
        if (kind == PERSON and value == [username]) or (kind == ROW and (label(field.related_model), value) in mine):
            return True
    return False


def person_rows(rows: list[dict], username: str) -> list[dict]:
    """This person's rows, in the order given. PersonError if there is no such person."""
    mine = {_key(_user_row(rows, username))}
    grew = True
    while grew:
        grew = False
        for row in rows:
            if _key(row) not in mine and _points_at_mine(row, username, mine):
                mine.add(_key(row))
                grew = True
    return [row for row in rows if _key(row) in mine]


def _describe(kind: str, field, value) -> str:
    if kind == PERSON:
        return _("the person %(name)s") % {"name": value[0] if isinstance(value, list) and value else value}
    if kind == CONTENT:
        return _("%(what)s %(slug)s") % {"what": field.related_model._meta.verbose_name,
                                         "slug": value[0] if isinstance(value, list) and value else value}
    return f"{label(field.related_model)} {value}"


def keep_complete(rows: list[dict], available) -> tuple[list[dict], list[str]]:
    """The rows whose links can all be met, and a note for each change.

    `available(kind, field, value)` says whether a link to a person, content or other table can be met; a link
    to a row is met when that row is kept. A link that cannot be met is emptied where deleting its target
    would empty it (SET_NULL), else the row is left out, and so, in turn, are rows that need it. Many-to-many
    links that cannot be met are dropped from the list. Returns copies; `rows` is not changed.
    """
    kept = [copy.deepcopy(row) for row in rows]
    notes = []
    changed = True
    while changed:
        changed = False
        present = {_key(row) for row in kept}
        for row in list(kept):
            for field in relations(model_for(row["model"])):
                value, kind = row["fields"].get(field.name), kind_of(field)
                if field.many_to_many:
                    met = [v for v in value or [] if available(kind, field, v)]
                    if met != (value or []):
                        for gone in (v for v in value if v not in met):
                            notes.append(_("Kept %(row)s without its link to %(target)s, which is not here.")
                                         % {"row": row_name(row), "target": _describe(kind, field, gone)})
                        row["fields"][field.name] = met
                    continue
                if value is None:
                    continue
                met = (label(field.related_model), value) in present if kind == ROW else available(kind, field, value)
                if met:
                    continue
                target = _describe(kind, field, value)
                if field.null and field.remote_field.on_delete is SET_NULL:
                    row["fields"][field.name] = None
                    notes.append(_("Kept %(row)s without its %(field)s: %(target)s is not here.")
                                 % {"row": row_name(row), "field": field.name, "target": target})
                else:
                    kept.remove(row)
                    notes.append(_("Left out %(row)s: it belongs with %(target)s, which is not here.")
                                 % {"row": row_name(row), "target": target})
                    changed = True
                    break
    return kept, notes
