"""Hosted mode under load: `.venv/bin/python benchmarks/hosted_load.py [--postgres URL]`.

Starts `lumbar serve --no-browser` in hosted mode (as an operator would: migrate, load content, uvicorn) on a
fresh SQLite data folder and, when a PostgreSQL URL is given (`--postgres`, else LUMBAR_TEST_DATABASE_URL or
DATABASE_URL), again on a fresh database made on that server. It makes one account per simulated client with
a clear safety screening (one password hash shared by all, made once), checks that signing in through the
form works, and gives each client a signed-in session (what a sign-in gives; signing in itself costs a
deliberately slow password hash and is throttled, so it is not what this measures). Then for each level
(50, 100, 200 clients by default) every client loops for a bounded time over the pages a client uses: home,
journal, progress, the pose library, the new-entry form and a journal entry POST with its CSRF token.

For each level it prints requests, the error rate (anything but 200 for a page and 302 for the saved entry,
or no answer within 60 s), p50/p99 latency, and the database connections the server holds open afterwards
(PostgreSQL: pg_stat_activity for the database, at most LUMBAR_DB_POOL_SIZE per process; SQLite: open handles
on the database file, where SQLite keeps a closed connection's handle for reuse while any other connection of
the process is open, so it shows the peak until every connection has closed). The load generator shares the
machine's cores with the server, so the latencies are a floor, not a capacity figure. A level runs until
its time is up and every request in flight has its answer.

Needs httpx (an async HTTP client) in the environment.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["/", "/journal/", "/journal/progress/", "/poses/", "/journal/new/"]
PASSWORD = "load-test-password-4711"

SETUP = """
import json
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.db import SessionStore
from django.utils.module_loading import import_string
from lumbar.safety.actions import record_screening
from lumbar.safety.screening import IDS

User = get_user_model()
# the backend a sign-in records: the first that can find the user again (a throttling backend cannot)
backend = next(path for path in settings.AUTHENTICATION_BACKENDS if hasattr(import_string(path), "get_user"))
hashed = make_password(%(password)r)
users = User.objects.bulk_create([User(username=f"load{i:04d}", password=hashed) for i in range(%(count)d)])
keys = []
for user in User.objects.filter(username__startswith="load").order_by("username"):
    record_screening(user, {qid: False for qid in IDS})
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = backend
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    keys.append(session.session_key)
print(json.dumps(keys))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`lumbar serve` in hosted mode on its own data folder (and database), in a subprocess."""

    def __init__(self, admin_url: str | None):
        self.data_dir = Path(tempfile.mkdtemp(prefix="lumbar-load-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "LUMBAR_MODE": "hosted", "LUMBAR_DATA_DIR": str(self.data_dir),
                    "SITE_URL": self.url, "LUMBAR_LOG_LEVEL": "WARNING"}
        self.env.pop("DATABASE_URL", None)
        self.admin_url = admin_url
        self.database = None
        if admin_url:
            import psycopg

            self.database = f"lumbar_load_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.database}"')
            self.env["DATABASE_URL"] = f"{admin_url.rsplit('/', 1)[0]}/{self.database}"
        self.log_path = self.data_dir / "server.log"
        self.process = None

    def manage_shell(self, code: str) -> str:
        result = subprocess.run([sys.executable, "-m", "lumbar", "manage", "shell", "--no-imports", "-c", code],
                                env=self.env, capture_output=True, text=True, cwd=ROOT, timeout=600)
        if result.returncode:
            raise SystemExit(f"set-up failed:\n{result.stderr}")
        return result.stdout

    def start(self) -> None:
        log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lumbar", "serve", "--no-browser", "--port", str(self.port)],
            env=self.env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(self.url + "/accounts/login/", timeout=2)
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.process.kill()
                    raise SystemExit(f"the server did not start:\n{self.log_path.read_text()}")
                time.sleep(0.3)

    def open_connections(self) -> int:
        if self.database:
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s",
                                    [self.database]).fetchone()[0]
        database = str(self.data_dir / "lumbar.sqlite3")
        count = 0
        for pid in self._process_tree():
            try:
                fds = list(Path(f"/proc/{pid}/fd").iterdir())
            except OSError:
                continue
            for fd in fds:
                try:
                    count += os.readlink(fd) == database
                except OSError:
                    pass
        return count

    def _process_tree(self) -> list[int]:
        parents = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(stat.parent.name)] = int(fields[1])
        tree = [self.process.pid]
        for pid in tree:
            tree += [child for child, parent in parents.items() if parent == pid]
        return tree

    def errors_logged(self) -> list[str]:
        text = self.log_path.read_text(errors="replace")
        return [line for line in text.splitlines()
                if re.search(r"Error|Exception|Traceback", line) and not line.startswith(" ")]

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.database:
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        shutil.rmtree(self.data_dir, ignore_errors=True)


async def check_sign_in(url: str) -> None:
    """One real sign-in through the form (the password hash is deliberately slow, so only one)."""
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        await client.get("/accounts/login/")
        answer = await client.post("/accounts/login/", data={
            "username": "load0000", "password": PASSWORD, "csrfmiddlewaretoken": client.cookies["csrftoken"]})
        if answer.status_code != 302:
            raise SystemExit(f"signing in through the form gave {answer.status_code}, not a redirect")


async def one_client(url: str, session_key: str, deadline: float, results: list, failures: dict) -> None:
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits, cookies={"sessionid": session_key}) as client:

        async def request(method: str, path: str, expected: int, **kwargs) -> None:
            started = time.perf_counter()
            try:
                answer = await client.request(method, path, **kwargs)
                outcome = answer.status_code
            except httpx.HTTPError as error:
                outcome = type(error).__name__
            results.append((time.perf_counter() - started, outcome == expected))
            if outcome != expected:
                key = f"{method} {path}: {outcome}"
                failures[key] = failures.get(key, 0) + 1

        step = 0
        while time.monotonic() < deadline:
            for path in PAGES:
                await request("GET", path, 200)
            token = client.cookies.get("csrftoken", "")
            await request("POST", "/journal/new/", 302, data={
                "pain": str(step % 11), "recorded_at": time.strftime("%Y-%m-%dT%H:%M"),
                "notes": f"load step {step}", "csrfmiddlewaretoken": token})
            step += 1


async def run_level(server: Server, keys: list[str], clients: int, seconds: float) -> dict:
    results: list = []
    failures: dict = {}
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(*(one_client(server.url, key, deadline, results, failures) for key in keys[:clients]))
    elapsed = time.monotonic() - started
    await asyncio.sleep(2)  # requests finish; a leaked connection stays open, a pooled one goes back
    latencies = sorted(duration for duration, _ in results)
    errors = sum(1 for _, ok in results if not ok)
    return {
        "clients": clients, "requests": len(results), "errors": errors,
        "error_rate": errors / len(results) if results else 1.0,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else None,
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else None,
        "per_second": len(results) / elapsed, "connections_after": server.open_connections(),
        "failures": failures,
    }


def benchmark(name: str, admin_url: str | None, levels: list[int], seconds: float) -> list[dict]:
    server = Server(admin_url)
    try:
        print(f"\n{name}: starting hosted mode ({server.data_dir})", flush=True)
        server.start()
        keys = json.loads(server.manage_shell(SETUP % {"password": PASSWORD, "count": max(levels)}))
        asyncio.run(check_sign_in(server.url))
        print(f"{'clients':>7} {'requests':>9} {'errors':>7} {'error %':>8} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'req/s':>7} {'db connections after':>21}", flush=True)
        rows = []
        for clients in levels:
            row = asyncio.run(run_level(server, keys, clients, seconds))
            rows.append(row)
            print(f"{row['clients']:>7} {row['requests']:>9} {row['errors']:>7} {100 * row['error_rate']:>8.2f} "
                  f"{row['p50_ms'] or 0:>8.0f} {row['p99_ms'] or 0:>8.0f} {row['per_second']:>7.1f} "
                  f"{row['connections_after']:>21}", flush=True)
            for failure, count in sorted(row["failures"].items(), key=lambda item: -item[1])[:5]:
                print(f"          {count} x {failure}")
        logged = server.errors_logged()
        if logged:
            print(f"server log: {len(logged)} error lines, e.g. {logged[:3]}")
        return rows
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=os.environ.get("LUMBAR_TEST_DATABASE_URL") or os.environ.get("DATABASE_URL"),
                        help="a PostgreSQL URL whose role may create databases (a fresh one is made and dropped)")
    parser.add_argument("--only", choices=["sqlite", "postgres"], help="run on one database only")
    parser.add_argument("--levels", default="50,100,200", help="numbers of concurrent clients, comma-separated")
    parser.add_argument("--seconds", type=float, default=20, help="how long each level runs")
    args = parser.parse_args()
    try:
        levels = [int(level) for level in args.levels.split(",")]
    except ValueError:
        parser.error(f"--levels: {args.levels!r} is not a comma-separated list of whole numbers")
    if min(levels) < 1:
        parser.error("--levels: each level needs at least one client")
    runs = []
    if args.only != "postgres":
        runs.append(("SQLite", None))
    if args.only != "sqlite":
        if args.postgres:
            runs.append(("PostgreSQL", args.postgres))
        elif args.only == "postgres":
            parser.error("--only postgres needs --postgres URL (or LUMBAR_TEST_DATABASE_URL)")
        else:
            print("PostgreSQL skipped: no --postgres URL and no LUMBAR_TEST_DATABASE_URL")
    worst = 0.0
    for name, url in runs:
        worst = max([worst] + [row["error_rate"] for row in benchmark(name, url, levels, args.seconds)])
    return 0 if worst == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
