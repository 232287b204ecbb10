"""The backup document: building it, writing it in a fixed layout, and reading it back strictly.

A backup is one JSON object, written one header field per line, then one row per line, then one file per line:

    {"format": "lumbar-backup",
     "version": 1,
     "lumbar": "0.1.0",
     "exported_at": "2026-11-24T09:30:00.123456+00:00",
     "scope": "site",                      (or "person")
     "person": null,                       (the username, for a one-person backup)
     "notes": [],                          (what was left out, and why)
     "checksum": "sha256:...",
     "rows": [
    {"fields": {...}, "model": "auth.user", "pk": 1},
    ...
    ],
     "files": {
    "studio/3/ab12.mp4": "<base64>",
    ...
    }}

Rows are ordered by table (each after the tables it points at) and by primary key; keys are sorted. So two
backups of the same data are the same text except for the `exported_at` line: export, import into an empty
site and export again gives the same file but that line. The checksum covers format, version, scope, person,
rows and files; a file changed after export (a tampered row) is refused.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
from importlib.metadata import PackageNotFoundError, version

from django.utils import timezone
from django.utils.translation import gettext as _

from lumbar.strict_json import InputError, read_json

from .rows import row_name
from .tables import USER_LABEL, model_for

FORMAT, VERSION = "lumbar-backup", 1
SITE, PERSON = "site", "person"
HEADER = ("format", "version", "lumbar", "exported_at", "scope", "person", "notes", "checksum")
MAX_BYTES = 1024 ** 3  # 1 GiB: larger sites back up the database and data folder directly
MAX_DEPTH = 64


class BackupError(ValueError):
    """A backup that cannot be used; str() names the problem."""


def lumbar_version() -> str:
    try:
        return version("lumbar")
    except PackageNotFoundError:
        return "unknown"


def checksum(doc: dict) -> str:
    signed = [doc["format"], doc["version"], doc["scope"], doc["person"], doc["rows"], doc["files"]]
    text = json.dumps(signed, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def export(person: str | None = None) -> dict:
    """The whole site's backup, or one person's (PersonError if there is no such person)."""
    from django.contrib.auth import get_user_model

    from .person import PersonError, keep_complete
    from .rows import files_of, person_site_rows, site_rows

    rows, notes = [], []
    if person is None:
        rows = site_rows()
    else:
        user = get_user_model()._base_manager.filter(username=person).first()
        if user is None:
            raise PersonError(_("There is no person named %(name)s here.") % {"name": person})
        rows, notes = keep_complete(person_site_rows(user), lambda kind, field, value: True)
    files, missing = files_of(rows)
    return build(rows, files, person=person, notes=notes + missing)


def build(rows: list[dict], files: dict[str, str], *, person: str | None = None, notes=()) -> dict:
    """A document from JSON-ready rows (rows.site_rows) and base64 files."""
    doc = {"format": FORMAT, "version": VERSION, "lumbar": lumbar_version(),
           "exported_at": timezone.now().isoformat(), "scope": PERSON if person else SITE, "person": person,
           "notes": list(notes), "rows": rows, "files": files}
    doc["checksum"] = checksum(doc)
    return doc


def _dump(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def write(doc: dict) -> str:
    """The document as text, in the fixed layout above."""
    lines = ["{" + ",\n ".join(f"{_dump(key)}: {_dump(doc[key])}" for key in HEADER) + ","]
    lines.append(' "rows": [')
    lines.append(",\n".join(_dump(row) for row in doc["rows"]))
    lines.append('],\n "files": {')
    lines.append(",\n".join(f"{_dump(name)}: {_dump(data)}" for name, data in sorted(doc["files"].items())))
    lines.append("}}")
    return "\n".join(line for line in lines if line) + "\n"


def _check_rows(rows) -> None:
    if not isinstance(rows, list):
        raise BackupError('"rows" must be a list')
    seen = set()
    for number, row in enumerate(rows, 1):
        where = f"row {number}"
        if not isinstance(row, dict) or set(row) != {"model", "pk", "fields"}:
            raise BackupError(f'{where}: expected an object with exactly "model", "pk" and "fields"')
        where = f"row {number} ({row_name(row)})"
        if not isinstance(row["model"], str) or model_for(row["model"]) is None:
            raise BackupError(f"{where}: {row['model']!r} is not a table a Lumbar backup holds")
        if isinstance(row["pk"], bool) or not isinstance(row["pk"], int) or row["pk"] < 1:
            raise BackupError(f"{where}: the primary key must be a whole number from 1")
        if not isinstance(row["fields"], dict):
            raise BackupError(f'{where}: "fields" must be an object')
        if (row["model"], row["pk"]) in seen:
            raise BackupError(f"{where}: this row appears more than once")
        seen.add((row["model"], row["pk"]))


def _check_files(files) -> None:
    if not isinstance(files, dict):
        raise BackupError('"files" must be an object of stored names and base64 contents')
    for name, data in files.items():
        if not isinstance(data, str):
            raise BackupError(f"file {name!r}: the content must be base64 text")
        try:
            base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise BackupError(f"file {name!r}: the content is not valid base64") from None


def read(text: str | bytes) -> dict:
    """A backup document, checked: BackupError names the first problem (not JSON, wrong version, wrong shape,
    changed after export)."""
    try:
        doc = read_json(text, limit=MAX_BYTES, depth=MAX_DEPTH)
    except InputError as error:
        raise BackupError(str(error)) from None
    if not isinstance(doc, dict):
        raise BackupError("a backup is a JSON object; this file holds something else")
    if doc.get("format") != FORMAT:
        raise BackupError(f'this is not a Lumbar backup ("format" is {doc.get("format")!r}, not {FORMAT!r})')
    if doc.get("version") != VERSION:
        raise BackupError(f"backup format version {doc.get('version')!r} cannot be read; this Lumbar reads "
                          f"version {VERSION}")
    expected = set(HEADER) | {"rows", "files"}
    if set(doc) != expected:
        problems = [f"unknown field {k!r}" for k in sorted(set(doc) - expected)]
        problems += [f"missing field {k!r}" for k in sorted(expected - set(doc))]
        raise BackupError("the backup has " + ", ".join(problems))
    if doc["scope"] not in (SITE, PERSON):
        raise BackupError(f'"scope" must be "site" or "person", not {doc["scope"]!r}')
    if (doc["scope"] == PERSON) != isinstance(doc["person"], str):
        raise BackupError('"person" must be the username for a one-person backup, and null for a whole site')
    if not isinstance(doc["notes"], list) or not all(isinstance(note, str) for note in doc["notes"]):
        raise BackupError('"notes" must be a list of text')
    _check_rows(doc["rows"])
    _check_files(doc["files"])
    if doc["checksum"] != checksum(doc):
        raise BackupError("the backup was changed after it was exported (its checksum does not match its rows "
                          "and files); restore an unchanged copy")
    if doc["scope"] == PERSON and not any(row["model"] == USER_LABEL and row["fields"].get("username") == doc["person"]
                                          for row in doc["rows"]):
        raise BackupError(f"the backup is of {doc['person']!r} but holds no account of that name")
    return doc
