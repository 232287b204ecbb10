"""`lumbar export FILE` and `lumbar import FILE`: backup and restore of the whole site, or one person (--user).

Wire them in lumbar/cli.py with `add_export_commands(commands)`. FILE may be `-` (standard output or input).
Any problem (an unknown person, a site that is not empty, a bad or changed file, a name already taken, a
--format other than json) exits with status 2 and one message that names it; nothing is half-imported.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

FORMATS = ("json",)  # issue 12 adds fhir and csv


def add_export_commands(subparsers) -> None:
    export = subparsers.add_parser("export", help="back up the whole site, or one person, to FILE (- for stdout)")
    export.add_argument("file", metavar="FILE", help="where to write the backup; - writes it to standard output")
    export.add_argument("--user", metavar="NAME", help="only this person and their data")
    export.add_argument("--format", default="json", help="json: a Lumbar backup (the default and, for now, the only one)")
    export.set_defaults(handler=export_handler)
    restore = subparsers.add_parser("import", help="restore a backup: a whole site into an empty site, or one person")
    restore.add_argument("file", metavar="FILE", help="a backup made by lumbar export; - reads standard input")
    restore.add_argument("--user", metavar="NAME", help="only this person (out of a whole-site backup too)")
    restore.add_argument("--format", default="json", help="json: a Lumbar backup (the default and, for now, the only one)")
    restore.set_defaults(handler=import_handler)


def _fail(command: str, message: str) -> int:
    print(f"lumbar: {command}: {message}", file=sys.stderr)
    return 2


def _format_problem(value: str) -> str | None:
    if value in FORMATS:
        return None
    return f"--format {value!r} is not available yet; only json (a Lumbar backup) is"


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
    problem = _format_problem(args.format)
    if problem:
        return _fail("export", problem)
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
    try:
        doc = export(args.user)
    except PersonError as error:
        return _fail("export", str(error))
    text = write(doc)
    report = sys.stderr if args.file == "-" else sys.stdout
    if args.file == "-":
        sys.stdout.write(text)
    else:
        try:
            _write_privately(Path(args.file), text)
        except OSError as error:
            return _fail("export", f"cannot write {args.file}: {error.strerror or error}")
    people = sum(row["model"] == "auth.user" for row in doc["rows"])
    print(f"Exported {people} {'person' if people == 1 else 'people'}, {len(doc['rows'])} rows and "
          f"{len(doc['files'])} files to {args.file}.", file=report)
    for note in doc["notes"]:
        print(f"Note: {note}", file=report)
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
    problem = _format_problem(args.format)
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
