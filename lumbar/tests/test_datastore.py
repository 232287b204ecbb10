"""The database settings: PostgreSQL through a capped pool; SQLite and the data folder private to this account."""
import json
import os
import stat
import subprocess
import sys

import pytest

from lumbar import datastore

POSTGRES_URL = "postgres://lumbar:secret@db.example.org:5432/lumbar"

STAT_AFTER_MIGRATE = """
import json, os, stat
from django.conf import settings
from django.core.management import call_command
from django.db import connection
call_command("migrate", interactive=False, verbosity=0)
connection.ensure_connection()  # open, so the -wal and -shm files exist
folder = settings.DATA_DIR
names = ["lumbar.sqlite3", "lumbar.sqlite3-wal", "lumbar.sqlite3-shm", "secret_key"]
modes = {name: stat.S_IMODE(os.stat(folder / name).st_mode) for name in names}
modes["folder"] = stat.S_IMODE(os.stat(folder).st_mode)
print(json.dumps(modes))
"""


def _modes_after_migrate(data_dir) -> dict:
    env = {**os.environ, "LUMBAR_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    env.pop("LUMBAR_SECRET_KEY", None)
    result = subprocess.run([sys.executable, "-m", "lumbar", "manage", "shell", "--no-imports", "-c",
                             STAT_AFTER_MIGRATE], env=env, capture_output=True, text=True, timeout=120,
                            preexec_fn=lambda: os.umask(0o022))  # the usual umask: files 0644 unless made private
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_new_data_folder_and_its_database_files_are_private(tmp_path):
    modes = _modes_after_migrate(tmp_path / "new" / "lumbar-data")
    assert modes == {"folder": 0o700, "lumbar.sqlite3": 0o600, "lumbar.sqlite3-wal": 0o600,
                     "lumbar.sqlite3-shm": 0o600, "secret_key": 0o600}


def test_a_data_folder_made_by_an_older_version_is_made_private(tmp_path):
    data_dir = tmp_path / "old"
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    (data_dir / "lumbar.sqlite3").touch()
    (data_dir / "lumbar.sqlite3").chmod(0o644)
    modes = _modes_after_migrate(data_dir)
    assert modes["folder"] == 0o700
    assert {modes[name] for name in modes if name != "folder"} == {0o600}


def test_sqlite_settings_make_the_folder_and_file_private(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = datastore.database(tmp_path / "data")
    assert settings["ENGINE"] == "django.db.backends.sqlite3"
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    assert stat.S_IMODE(settings["NAME"].stat().st_mode) == 0o600


def test_postgres_connections_come_from_a_capped_pool(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", POSTGRES_URL)
    monkeypatch.delenv("LUMBAR_DB_POOL_SIZE", raising=False)
    settings = datastore.database(tmp_path)
    assert settings["ENGINE"] == "django.db.backends.postgresql"
    assert settings["CONN_MAX_AGE"] == 0  # Django's pool requires it; no connection is kept per thread
    assert settings["OPTIONS"]["pool"]["max_size"] == datastore.DEFAULT_POOL_SIZE
    assert settings["OPTIONS"]["pool"]["min_size"] <= settings["OPTIONS"]["pool"]["max_size"]

    monkeypatch.setenv("LUMBAR_DB_POOL_SIZE", "1")
    assert datastore.database(tmp_path)["OPTIONS"]["pool"] == {"min_size": 1, "max_size": 1,
                                                               "timeout": datastore.POOL_TIMEOUT}


def test_pool_size_zero_closes_each_connection_after_its_request(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", POSTGRES_URL)
    monkeypatch.setenv("LUMBAR_DB_POOL_SIZE", "0")
    settings = datastore.database(tmp_path)
    assert settings["CONN_MAX_AGE"] == 0
    assert "pool" not in settings.get("OPTIONS", {})


@pytest.mark.parametrize("value", ["ten", "-1", "2.5"])
def test_a_pool_size_that_is_not_a_whole_number_stops_with_a_clear_message(tmp_path, monkeypatch, capsys, value):
    monkeypatch.setenv("DATABASE_URL", POSTGRES_URL)
    monkeypatch.setenv("LUMBAR_DB_POOL_SIZE", value)
    with pytest.raises(SystemExit) as exit_:
        datastore.database(tmp_path)
    assert exit_.value.code == 2
    assert "LUMBAR_DB_POOL_SIZE" in capsys.readouterr().err
