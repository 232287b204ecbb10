"""Reading every backed-up row out of the database as plain JSON data, in a fixed order.

Rows come from Django's "python" serializer (`{"model", "pk", "fields"}`), table by table in dependency order
and by primary key within a table; relations are then written by kind (tables.py), many-to-many lists sorted.
Values become JSON: date-times in ISO 8601 with microseconds (nothing is rounded), decimals as text.
"""
from __future__ import annotations

import base64
import datetime
import decimal
import json
import uuid
from collections import defaultdict

from django.core import serializers
from django.db import router
from django.db.models.deletion import Collector
from django.utils.translation import gettext as _

from .tables import CONTENT, OTHER, PERSON, backed_up_models, file_fields, kind_of, model_for, relations


def _plain(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} to a backup")


def jsonable(data):
    """`data` with every value turned into what JSON holds (what reading the written file gives back)."""
    return json.loads(json.dumps(data, default=_plain, ensure_ascii=False))


class _Names:
    """Primary keys of people, content and other tables turned into the names a backup uses."""

    def __init__(self):
        self.tables = {}

    def name(self, field, pk):
        kind = kind_of(field)
        if pk is None or kind not in (PERSON, CONTENT, OTHER):
            return pk
        model = field.related_model
        if model not in self.tables:
            if kind == CONTENT:
                self.tables[model] = {p: [slug] for p, slug in model._base_manager.values_list("pk", "slug")}
            elif hasattr(model, "natural_key"):
                self.tables[model] = {obj.pk: list(obj.natural_key()) for obj in model._base_manager.all()}
            else:
                self.tables[model] = {}
        return self.tables[model].get(pk, pk)


def _rows_of(model, names: _Names, queryset=None) -> list[dict]:
    rows = serializers.serialize("python", (model._base_manager.all() if queryset is None else queryset).order_by("pk"))
    fields = relations(model)
    for row in rows:
        values = row["fields"]
        for field in fields:
            if field.many_to_many:
                values[field.name] = sorted(names.name(field, pk) for pk in values.get(field.name, []))
            else:
                values[field.name] = names.name(field, values[field.name])
    return rows


def site_rows() -> list[dict]:
    """Every backed-up row of the site, as JSON data."""
    names = _Names()
    return jsonable([row for model in backed_up_models() for row in _rows_of(model, names)])


def deleted_with(user) -> dict:
    """model -> primary keys of the rows deleting this person deletes (Django's own cascade, as delete does)."""
    collector = Collector(using=router.db_for_write(type(user)))
    collector.collect([user])
    found = defaultdict(set)
    for model, instances in collector.data.items():
        found[model] |= {obj.pk for obj in instances}
    for queryset in collector.fast_deletes:
        found[queryset.model] |= set(queryset.values_list("pk", flat=True))
    return found


def person_site_rows(user) -> list[dict]:
    """This person's rows, read straight from their own tables: the same rows as person.person_rows picks out
    of site_rows(), without reading everyone else's."""
    names, rows, found = _Names(), [], deleted_with(user)
    for model in backed_up_models():
        pks = sorted(found.get(model, ()))
        for start in range(0, len(pks), 500):
            rows += _rows_of(model, names, model._base_manager.filter(pk__in=pks[start:start + 500]))
    return jsonable(rows)


def files_of(rows: list[dict]) -> tuple[dict[str, str], list[str]]:
    """The stored files the rows name, base64-encoded by storage name; and a note for each one missing."""
    files, notes = {}, []
    for row in rows:
        for field in file_fields(model_for(row["model"])):
            name = row["fields"].get(field.name)
            if not name or name in files:
                continue
            try:
                with field.storage.open(name, "rb") as stored:
                    files[name] = base64.b64encode(stored.read()).decode("ascii")
            except (OSError, ValueError):
                notes.append(_("The file %(name)s of %(row)s is missing from storage; it is not in the backup.")
                             % {"name": name, "row": row_name(row)})
    return dict(sorted(files.items())), notes


def row_name(row: dict) -> str:
    """How messages name a row: its table and number, e.g. "journal.journalentry 12"."""
    return f"{row.get('model')} {row.get('pk')}"
