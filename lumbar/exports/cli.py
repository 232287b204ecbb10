"""`lumbar export PATH` and `lumbar import FILE`: backup and restore of the whole site, or one person (--user),
and `lumbar export --format csv FOLDER`: the health records as CSV files (csv_files.py).

Wire them in lumbar/cli.py with `add_export_commands(commands)`. A backup FILE may be `-` (standard output or
input). Any problem (an unknown person, a site that is not empty, a bad or changed file, a name already taken, a
folder that is not empty, a format that is not offered) exits with status 2 and one message that names it; nothing
is half-imported.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

EXPORT_FORMATS = ("json", "csv", "fhir")
IMPORT_FORMATS = ("json",)


def add_export_commands(subparsers) -> None:
    export = subparsers.add_parser("export", help="back up the whole site, or one person, to FILE (- for stdout)")
    export.add_argument("file", metavar="PATH", help="where to write: a file for json (- for standard output), "
                                                     "a new or empty folder for csv")
    export.add_argument("--user", metavar="NAME", help="only this person and their data")
    export.add_argument("--format", default="json", help="json: a Lumbar backup (the default); csv: a folder of "
                                                         "CSV files of the health records; fhir: one person's FHIR "
                                                         "R4 Bundle (JSON)")
    export.set_defaults(handler=export_handler)
    restore = subparsers.add_parser("import", help="restore a backup: a whole site into an empty site, or one person")
    restore.add_argument("file", metavar="FILE", help="a backup made by lumbar export; - reads standard input")
    restore.add_argument("--user", metavar="NAME", help="only this person (out of a whole-site backup too)")
    restore.add_argument("--format", default="json", help="json: a Lumbar backup (the only format imported)")
    restore.set_defaults(handler=import_handler)


def _fail(command: str, message: str) -> int:
    print(f"lumbar: {command}: {message}", file=sys.stderr)
    return 2


def _format_problem(value: str, formats: tuple) -> str | None:
    if value in formats:
        return None
    return f"--format {value!r} is not available; use {' or '.join(formats)}"


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lumbar.settings")
    import django

    django.setup()


def _pending_migrations() -> int:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if not executor.loader.applied_migrations:
        return -1  # no Lumbar database here yet
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def _write_privately(path: Path, text: str) -> None:
    """Writes the whole file or nothing (a temporary file renamed into place), readable by its owner only."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            os.fchmod(out.fileno(), 0o600)
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export_handler(args) -> int:
    problem = _format_problem(args.format, EXPORT_FORMATS)
    if problem:
        return _fail("export", problem)
    if args.format == "csv" and args.file == "-":
        return _fail("export", "csv writes a folder of files, so PATH must be a folder, not -")
    _setup()
    from .backup import export, write
    from .person import PersonError

    pending = _pending_migrations()
    if pending < 0:
        return _fail("export", "there is no Lumbar database here yet, so nothing to back up (check LUMBAR_DATA_DIR "
                               "or DATABASE_URL)")
    if pending:
        return _fail("export", f"the database is not up to date with this version of Lumbar ({pending} changes to "
                               "apply); run `lumbar load-content` (which applies them) first, or export with the "
                               "version that last ran it")
    if args.format == "fhir":
        return _export_fhir(args)
    try:
        doc = export(args.user)
    except PersonError as error:
        return _fail("export", str(error))
    if args.format == "csv":
        return _export_csv(doc, Path(args.file))
    report = _write_out(args.file, write(doc))
    if report is None:
        return 2
    people = sum(row["model"] == "auth.user" for row in doc["rows"])
    print(f"Exported {people} {'person' if people == 1 else 'people'}, {len(doc['rows'])} rows and "
          f"{len(doc['files'])} files to {args.file}.", file=report)
    for note in doc["notes"]:
        print(f"Note: {note}", file=report)
    return 0


def _write_out(name: str, text: str):
    """Writes the export to standard output (-) or privately to a file; returns where to report, or None after
    saying why it could not be written."""
    if name == "-":
        sys.stdout.write(text)
        return sys.stderr
    try:
        _write_privately(Path(name), text)
    except OSError as error:
        _fail("export", f"cannot write {name}: {error.strerror or error}")
        return None
    return sys.stdout


def _export_csv(doc: dict, folder: Path) -> int:
    from .csv_files import is_health_table, tables, write_folder

    files = tables(doc["rows"])
    try:
        write_folder(folder, files)
    except (FileExistsError, OSError) as error:
        return _fail("export", str(error) if isinstance(error, FileExistsError)
                     else f"cannot write {folder}: {error.strerror or error}")
    rows = sum(is_health_table(row["model"]) for row in doc["rows"])
    print(f"Exported {rows} rows in {len(files)} CSV files to {folder}.")
    return 0


def _export_fhir(args) -> int:
    import json

    from django.contrib.auth import get_user_model

    from .fhir import bundle_for

    people = get_user_model()._base_manager.filter(username=args.user) if args.user else \
        get_user_model()._base_manager.all()[:2]
    if len(people) != 1:
        return _fail("export", "a FHIR bundle holds one person: name them with --user NAME" if not args.user else
                     f"There is no person named {args.user} here.")
    bundle = bundle_for(people[0])
    report = _write_out(args.file, json.dumps(bundle, ensure_ascii=False, indent=1) + "\n")
    if report is None:
        return 2
    print(f"Exported {len(bundle.get('entry', []))} FHIR resources for {people[0].username} to {args.file}.",
          file=report)
    return 0


def _read_input(name: str) -> bytes:
    from .backup import MAX_BYTES, BackupError

    if name == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1)
    path = Path(name)
    if not path.is_file():
        raise BackupError(f"{name}: no such file")
    if path.stat().st_size > MAX_BYTES:
        raise BackupError(f"{name}: the file is too large ({path.stat().st_size} bytes; at most {MAX_BYTES})")
    return path.read_bytes()


def import_handler(args) -> int:
    problem = _format_problem(args.format, IMPORT_FORMATS)
    if problem:
        return _fail("import", problem)
    _setup()
    from django.core.management import call_command

    from lumbar.content.loader import ContentError, load_content

    from .actions import restore
    from .backup import BackupError, read

    try:
        doc = read(_read_input(args.file))  # a bad file is refused before the database is touched
    except BackupError as error:
        return _fail("import", f"{error}; nothing was imported" if args.file in str(error)
                     else f"{args.file}: {error}; nothing was imported")
    except OSError as error:
        return _fail("import", f"cannot read {args.file}: {error.strerror or error}")
    call_command("migrate", interactive=False, verbosity=0)
    try:
        load_content()  # rows name poses and sequences by slug
    except ContentError as error:
        return _fail("import", str(error))
    try:
        restored = restore(doc, args.user)
    except BackupError as error:
        return _fail("import", f"{args.file}: {error}; nothing was imported")
    print(f"Imported {restored.people} {'person' if restored.people == 1 else 'people'}, {restored.rows} rows and "
          f"{restored.files} files from {args.file}.")
    for note in restored.notes:
        print(f"Note: {note}")
    return 0
