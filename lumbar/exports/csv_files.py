"""`lumbar export --format csv FOLDER`: one person's (or everyone's) health records as plain CSV files.

One file per table of health data (the journal and check-ins, the practice log, safety answers and events, the
programme), named by the table's label, e.g. `journal.journalentry.csv`; the first column is the row's `pk`, the
rest are the table's fields in name order, as the backup writes them (tables.py): people by username, content by
slug. Text stays text, an empty cell is "nothing" (null), numbers and yes/no are written as JSON (`4`, `true`),
lists and objects as JSON text. Accounts, passwords and teacher material are never in these files.
"""
from __future__ import annotations

import csv
import io
import json
import os
from collections import defaultdict
from pathlib import Path

HEALTH_APPS = ("journal", "practice", "programmes", "safety")


def is_health_table(label: str) -> bool:
    return label.split(".", 1)[0] in HEALTH_APPS


def cell(value) -> str:
    """What one CSV cell holds for a backup value."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def tables(rows: list[dict]) -> dict[str, str]:
    """The CSV text of each health table in the backup rows, by file name."""
    grouped = defaultdict(list)
    for row in rows:
        if is_health_table(row["model"]):
            grouped[row["model"]].append(row)
    out = {}
    for label, table in sorted(grouped.items()):
        columns = sorted({name for row in table for name in row["fields"]})
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(["pk", *columns])
        for row in table:
            writer.writerow([cell(row["pk"]), *(cell(row["fields"].get(name)) for name in columns)])
        out[f"{label}.csv"] = text.getvalue()
    return out


def write_folder(folder: Path, files: dict[str, str]) -> None:
    """Makes FOLDER (private to this user) and writes the files into it. Refuses (FileExistsError) a folder that
    already holds anything, so nothing is overwritten or mixed with older files."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FileExistsError(f"{folder} already exists and is not an empty folder")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    for name, text in files.items():
        descriptor = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as out:
            out.write(text)


def _value(field, text: str):
    from django.db import models

    if text == "":
        return None if field.null or field.is_relation else ""
    if field.is_relation or isinstance(field, (models.JSONField, models.BooleanField, models.IntegerField,
                                                models.FloatField, models.AutoField)):
        return json.loads(text)
    return text


def read_table(label: str, text: str) -> list[dict]:
    """The backup rows a CSV file of this module holds (the inverse of tables())."""
    from .tables import model_for

    model = model_for(label)
    rows = []
    for line in csv.DictReader(io.StringIO(text)):
        pk = json.loads(line.pop("pk"))
        rows.append({"model": label, "pk": pk,
                     "fields": {name: _value(model._meta.get_field(name), text) for name, text in line.items()}})
    return rows
