"""Upgrades: before `lumbar serve` changes the database's shape (migrations not yet applied), it keeps a copy
of the database as it was, in the data folder's `backups/` (private to the server's user).

SQLite: a consistent copy through SQLite's own backup API. PostgreSQL: `pg_dump` when it is installed;
otherwise a warning asks the operator to back up (PostgreSQL applies each migration in a transaction, so a
failed one leaves the data as it was).
"""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from lumbar.datastore import PRIVATE_FILE, data_folder


def pending_migrations(connection) -> tuple[int, bool]:
    """(migrations to apply, whether any were applied before: an existing database, not a new one)."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return len(plan), bool(executor.loader.applied_migrations)


def backup_before_migrating(connection, data_dir: Path, now: datetime | None = None) -> tuple[Path | None, str]:
    """Returns (the copy made or None, a line for the operator; empty when there was nothing to do)."""
    pending, existing = pending_migrations(connection)
    if not pending or not existing:
        return None, ""
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    folder = data_folder(Path(data_dir) / "backups")
    if connection.vendor == "sqlite":
        target = folder / f"lumbar-before-upgrade-{stamp}.sqlite3"
        target.touch(mode=PRIVATE_FILE)
        source, copy = sqlite3.connect(connection.settings_dict["NAME"]), sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return target, f"{pending} database changes to apply; the database as it was is kept in {target}"
    if connection.vendor == "postgresql" and shutil.which("pg_dump"):
        target = folder / f"lumbar-before-upgrade-{stamp}.sql"
        target.touch(mode=PRIVATE_FILE)
        config = connection.settings_dict
        environment = {"PGPASSWORD": config.get("PASSWORD") or "", "PATH": "/usr/bin:/bin"}
        with target.open("wb") as out:
            subprocess.run(["pg_dump", "--no-owner", "-h", config.get("HOST") or "localhost",
                            "-p", str(config.get("PORT") or 5432), "-U", config.get("USER") or "", config["NAME"]],
                           stdout=out, env=environment, check=True, timeout=3600)
        return target, f"{pending} database changes to apply; the database as it was is kept in {target}"
    return None, (f"{pending} database changes to apply and no pg_dump here to keep a copy first: back up the "
                  "database before upgrading (lumbar export FILE with the previous version)")
