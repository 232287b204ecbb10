"""Where Lumbar keeps its data: the database settings (SQLite in the data folder, or DATABASE_URL)."""
import os

import dj_database_url


def database(data_dir) -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": data_dir / "lumbar.sqlite3",
        "OPTIONS": {
            "timeout": 20,  # busy timeout, seconds
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }
