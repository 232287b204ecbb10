"""Where Lumbar keeps its data: the data folder, and the database settings (SQLite there, or DATABASE_URL).

The data folder holds people's health records, so it is made private to the account running Lumbar (0700)
and the SQLite database in it is 0600 (SQLite gives its -wal and -shm files the database file's mode).

On PostgreSQL each app process shares a pool of at most LUMBAR_DB_POOL_SIZE connections between its
requests. Under ASGI every request runs in a thread of its own, so a connection kept per thread
(CONN_MAX_AGE > 0) would never be reused or closed, and a connection per request has no upper bound; the
pool gives both reuse and a cap. A request waits up to POOL_TIMEOUT seconds for a free connection.
"""
import importlib.util
import os
import sys
from pathlib import Path

import dj_database_url

DEFAULT_POOL_SIZE = 10
POOL_TIMEOUT = 30  # seconds a request waits for a free connection before it fails
PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600


def _fail(message: str):
    print(f"lumbar: {message}", file=sys.stderr)
    raise SystemExit(2)


def _make_private(path: Path, mode: int) -> None:
    """Sets the mode of a file or folder this account owns; leaves alone one it does not own (an operator's)."""
    try:
        if path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)
    except FileNotFoundError:
        pass


def data_folder(path) -> Path:
    """The data folder, made if missing, readable by this account only."""
    path = Path(path)
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    _make_private(path, PRIVATE_FOLDER)
    return path


def pool_size() -> int:
    value = os.environ.get("LUMBAR_DB_POOL_SIZE", "").strip()
    if not value:
        return DEFAULT_POOL_SIZE
    if not value.isdigit():
        _fail(f"LUMBAR_DB_POOL_SIZE must be a whole number of connections (0 for no pool), not {value!r}")
    return int(value)


def _postgres(url: str) -> dict:
    # health checks: with a pool, each connection is checked as it is handed out, so one the server dropped
    # (a restart) is replaced rather than failing a request
    settings = dj_database_url.parse(url, conn_max_age=0, conn_health_checks=True)
    if not settings["ENGINE"].endswith("postgresql"):
        return settings
    size = pool_size()
    if size == 0:  # no pool: a connection per request, closed after it (e.g. behind PgBouncer)
        return settings
    if importlib.util.find_spec("psycopg_pool") is None:
        _fail("DATABASE_URL names PostgreSQL, which needs the connection pool package: "
              "pip install 'psycopg[binary,pool]' (or set LUMBAR_DB_POOL_SIZE=0 for no pool)")
    settings.setdefault("OPTIONS", {})["pool"] = {
        "min_size": min(2, size), "max_size": size, "timeout": POOL_TIMEOUT}
    return settings


def database(data_dir) -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        return _postgres(url)
    data_dir = data_folder(data_dir)
    name = data_dir / "lumbar.sqlite3"
    # Made here with its private mode, before SQLite makes it with the default one (an empty file is a new
    # database); a database made by an older version is tightened, with its -wal and -shm files.
    os.close(os.open(name, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    for path in (name, Path(f"{name}-wal"), Path(f"{name}-shm")):
        _make_private(path, PRIVATE_FILE)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": name,
        "OPTIONS": {
            "timeout": 20,  # busy timeout, seconds
            "transaction_mode": "IMMEDIATE",
            # FULL: a commit is on disk before it is acknowledged, so it survives a power cut, not only a crash
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
        },
    }
