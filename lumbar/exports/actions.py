"""Writes: restoring a backup (the whole site, or one person) and deleting a person's account and data.

A restore runs in one transaction: any problem (a row that does not fit its table, a link to something that is
not there, a name already taken) raises BackupError naming the row, the database is left as it was and any
file already written is removed again. An import never replaces or changes anyone already on the site.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction

from lumbar.accounts.middleware import LOCAL_USERNAME

from .backup import PERSON, SITE, BackupError
from .person import PersonError, keep_complete, person_rows
from .rows import deleted_with, row_name
from .tables import CONTENT, OTHER, ROW, USER_LABEL, backed_up_models, file_fields, kind_of, label, model_for, relations


@dataclass
class Restored:
    people: int = 0
    rows: int = 0
    files: int = 0
    notes: list[str] = field(default_factory=list)


def _natural(value, where: str, what: str) -> list:
    if not isinstance(value, list) or not value or not all(isinstance(part, (str, int)) for part in value):
        raise BackupError(f"{where}: expected {what} as a list such as [\"name\"], not {value!r}")
    return value


def _find(field, value, where: str):
    """The primary key on this site of a person, content or other row a backup names; None if not here."""
    model, kind = field.related_model, kind_of(field)
    if kind == OTHER and not isinstance(value, list):
        return value if model._base_manager.filter(pk=value).exists() else None
    value = _natural(value, where, field.name)
    try:
        if kind == CONTENT:
            return model._base_manager.get(slug=value[0]).pk
        return model._default_manager.get_by_natural_key(*value).pk
    except (ObjectDoesNotExist, TypeError, AttributeError):
        return None


class _Inserter:
    """Makes rows in order, turning the backup's links into this site's primary keys."""

    def __init__(self, rows: list[dict], files: dict[str, str], *, renumber: bool):
        self.in_file = {(row["model"], row["pk"]) for row in rows}
        self.rows, self.files, self.renumber = rows, files, renumber
        self.pks: dict[tuple, int] = {}
        self.written: list[tuple] = []  # (storage, name) of files saved, removed again if the restore fails
        self.stored = 0  # files in place: written, or found there already

    def _link(self, field, value, where: str):
        if value is None:
            return None
        if kind_of(field) == ROW:
            key = (label(field.related_model), value)
            if key in self.pks:
                return self.pks[key]
            if not self.renumber and key in self.in_file and isinstance(value, int):
                return value  # made later in this transaction (constraints are checked at commit)
            raise BackupError(f"{where}: {field.name} points to {key[0]} {value!r}, which is not in the backup")
        found = _find(field, value, where)
        if found is None:
            raise BackupError(f"{where}: {field.name} points to {value!r}, which is not on this site")
        return found

    def _values(self, model, fields: dict, where: str) -> dict:
        names = {f.name for f in model._meta.concrete_fields if not f.primary_key} | {
            f.name for f in model._meta.many_to_many}
        unknown = sorted(set(fields) - names)
        if unknown:
            raise BackupError(f"{where}: {model._meta.label_lower} has no field {unknown[0]!r}")
        values = dict(fields)
        for relation in relations(model):
            if relation.name in values:
                value = values[relation.name]
                if relation.many_to_many:
                    if not isinstance(value, list):
                        raise BackupError(f"{where}: {relation.name} must be a list")
                    values[relation.name] = [self._link(relation, v, where) for v in value]
                else:
                    values[relation.name] = self._link(relation, value, where)
        return values

    def _store_files(self, instance, where: str) -> None:
        for file_field in file_fields(type(instance)):
            name = getattr(instance, file_field.attname).name
            if not name or name not in self.files:
                continue
            content, storage = base64.b64decode(self.files[name]), file_field.storage
            self.stored += 1
            try:
                if _holds(storage, name, content):
                    continue  # the very same file is there already (kept, never overwritten)
                saved = storage.save(name, ContentFile(content))
            except (SuspiciousFileOperation, OSError) as error:
                raise BackupError(f"{where}: the file {name!r} cannot be stored ({error})") from None
            self.written.append((storage, saved))
            setattr(instance, file_field.attname, saved)  # another name where a different file had this one

    def insert(self, row: dict) -> None:
        model, where = model_for(row["model"]), f"row {row_name(row)}"
        data = {"model": row["model"], "fields": self._values(model, row["fields"], where)}
        if not self.renumber:
            data["pk"] = row["pk"]
        try:
            made = next(serializers.deserialize("python", [data]))
        except (DeserializationError, ValidationError, FieldDoesNotExist, ValueError, TypeError) as error:
            raise BackupError(f"{where}: {error}") from None
        _check_values(made.object, where)
        self._store_files(made.object, where)
        try:
            made.save(force_insert=True)
        except DatabaseError as error:
            raise BackupError(f"{where}: the database refused it ({error})") from None
        self.pks[(row["model"], row["pk"])] = made.object.pk

    def remove_written_files(self) -> None:
        for storage, name in self.written:
            storage.delete(name)


def _holds(storage, name: str, content: bytes) -> bool:
    if not storage.exists(name):
        return False
    with storage.open(name, "rb") as stored:
        return stored.read() == content


def _check_values(instance, where: str) -> None:
    """Each value fits its field (choices, lengths, ranges); a tampered row is refused, never stored."""
    for model_field in instance._meta.concrete_fields:
        if model_field.primary_key or model_field.is_relation:
            continue
        value = getattr(instance, model_field.attname)
        if value is None:
            if not model_field.null:
                raise BackupError(f"{where}: {model_field.name} is missing or empty")
            continue
        if value in model_field.empty_values:
            continue
        try:
            model_field.validate(value, instance)
            model_field.run_validators(value)
        except ValidationError as error:
            raise BackupError(f"{where}: {model_field.name}: {' '.join(error.messages)}") from None


def _insert_all(rows: list[dict], files: dict[str, str], *, renumber: bool) -> Restored:
    inserter = _Inserter(rows, files, renumber=renumber)
    try:
        with transaction.atomic():
            for row in rows:
                inserter.insert(row)
            if not renumber:
                models = list(backed_up_models())
                with connection.cursor() as cursor:
                    for statement in connection.ops.sequence_reset_sql(no_style(), models):
                        cursor.execute(statement)
    except BaseException:
        inserter.remove_written_files()
        raise
    return Restored(people=sum(row["model"] == USER_LABEL for row in rows), rows=len(rows),
                    files=inserter.stored)


def _make_room_for_site() -> list[str]:
    """Refuses unless the site is empty. The automatic local person, made when Lumbar was first opened and
    holding nothing but a profile, does not count: it is removed and the backup's people take its place."""
    counts = {label(model): model._base_manager.count() for model in backed_up_models()}
    users = get_user_model()._base_manager.all()
    automatic = (counts[USER_LABEL] == 1 and users[0].username == LOCAL_USERNAME
                 and not users[0].has_usable_password()
                 and all(n == 0 for name, n in counts.items() if name not in (USER_LABEL, "accounts.profile")))
    if automatic:
        users[0].delete()
        return ["The automatic local person (holding no data) was replaced by the backup's people."]
    filled = {name: n for name, n in counts.items() if n}
    if filled:
        people = counts[USER_LABEL]
        raise BackupError(f"this site is not empty ({people} people, {sum(filled.values())} rows in all); a whole-"
                          "site backup is restored only into an empty site: use a new data folder "
                          "(LUMBAR_DATA_DIR) or an empty database, or import one person with --user NAME")
    return []


def _available(person: str):
    def available(kind, field, value) -> bool:
        if value == [person] and field.related_model is get_user_model():
            return True
        return _find(field, value, f"a link to {label(field.related_model)}") is not None
    return available


def restore(doc: dict, person: str | None = None) -> Restored:
    """Restores a checked document (backup.read): a whole-site backup into an empty site, or one person (the
    document's, or `person` out of a site backup) into any site where their username is free."""
    if doc["scope"] == PERSON and person not in (None, doc["person"]):
        raise BackupError(f"this backup holds {doc['person']!r}, not {person!r}")
    with transaction.atomic():
        if doc["scope"] == SITE and person is None:
            notes = _make_room_for_site()
            restored = _insert_all(doc["rows"], doc["files"], renumber=False)
            restored.notes = notes
            return restored
        person = person or doc["person"]
        try:
            rows = person_rows(doc["rows"], person)
        except PersonError as error:
            raise BackupError(str(error)) from None
        if get_user_model()._base_manager.filter(username=person).exists():
            raise BackupError(f"a person named {person!r} already has an account on this site; nothing was "
                              "imported (an import never replaces anyone)")
        rows, notes = keep_complete(rows, _available(person))
        names = {row["fields"].get(f.name) for row in rows for f in file_fields(model_for(row["model"]))}
        files = {name: data for name, data in doc["files"].items() if name in names}
        restored = _insert_all(rows, files, renumber=True)
        restored.notes = notes
        return restored


@transaction.atomic
def delete_account(user) -> None:
    """Deletes the person and everything that is theirs (what their backup holds), and their stored files once
    the deletion is committed. Other people's rows that only mentioned them keep the row, without the link."""
    stored = []
    for model, pks in deleted_with(user).items():
        for file_field in file_fields(model):
            names = model._base_manager.filter(pk__in=pks).values_list(file_field.attname, flat=True)
            stored += [(file_field.storage, name) for name in names]
    user.delete()
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in stored if name])
