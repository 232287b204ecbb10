"""An upgrade keeps the database as it was before its shape changes (SQLite: a copy in backups/)."""
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

BACKUP = ("from django.db import connection; from django.conf import settings; "
          "from lumbar.upgrade import backup_before_migrating; "
          "print(backup_before_migrating(connection, settings.DATA_DIR)[0])")


def lumbar(env, *args) -> str:
    result = subprocess.run([sys.executable, "-m", "lumbar", *args], env=env, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_pending_migrations_on_an_existing_database_make_a_private_copy_first(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["LUMBAR_DATA_DIR"] = str(tmp_path / "data")
    lumbar(env, "load-content")
    lumbar(env, "manage", "shell", "--no-imports", "-c",
           "from django.contrib.auth.models import User; User.objects.create_user('kept')")
    assert lumbar(env, "manage", "shell", "--no-imports", "-c", BACKUP) == "None"  # nothing to apply: no copy
    lumbar(env, "manage", "migrate", "programmes", "0002", "--verbosity", "0")  # as before the last upgrade
    copy = Path(lumbar(env, "manage", "shell", "--no-imports", "-c", BACKUP))
    assert copy.parent == tmp_path / "data" / "backups" and copy.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(copy) as saved:
        assert saved.execute("select username from auth_user").fetchall() == [("kept",)]
        assert not saved.execute("select name from sqlite_master where name = 'programmes_sequenceassignment'"
                                 ).fetchall()
