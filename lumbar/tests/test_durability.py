"""No acknowledged write is lost when the server is killed (SIGKILL) in the middle of writing.

The real server (`lumbar serve`, see lumbar/e2e.py) on its own database: SQLite, or a fresh PostgreSQL
database when the suite runs on PostgreSQL. A thread saves journal entries one after another and records
each one the server acknowledged (the redirect after saving); the server is killed mid-load, started again
on the same data, and every acknowledged entry must be there.
"""
import http.client
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie

from lumbar.e2e import ROOT, start_app, stop_app

WRITES_BEFORE_KILL = 15


class Writer(threading.Thread):
    """Saves journal entries through the form until the server stops answering."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.address = urllib.parse.urlsplit(url).netloc
        self.cookies: dict[str, str] = {}
        self.acknowledged: list[str] = []
        self.attempted = 0

    def _request(self, method: str, path: str, body: str | None = None) -> int:
        connection = http.client.HTTPConnection(self.address, timeout=10)
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                self.cookies.update({name: morsel.value for name, morsel in SimpleCookie(header).items()})
            return response.status
        finally:
            connection.close()

    def run(self) -> None:
        try:
            assert self._request("GET", "/journal/new/") == 200  # local mode signs in; the CSRF cookie
            while True:
                note = f"durability-{self.attempted}"
                self.attempted += 1
                body = urllib.parse.urlencode({
                    "pain": "3", "recorded_at": time.strftime("%Y-%m-%dT%H:%M"), "notes": note,
                    "csrfmiddlewaretoken": self.cookies["csrftoken"]})
                if self._request("POST", "/journal/new/", body) == 302:
                    self.acknowledged.append(note)
        except OSError:  # the server was killed
            return


def _restart(app, data_dir):
    port = urllib.parse.urlsplit(app.url).port
    log = open(data_dir / "server-restarted.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "lumbar", "serve", "--no-browser", "--port", str(port)],
                               env=app.env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(app.url + "/about/", timeout=2)
            return process
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, \
                (data_dir / "server-restarted.log").read_text()
            time.sleep(0.2)


def test_no_acknowledged_journal_entry_is_lost_when_the_server_is_killed(tmp_path):
    app, drop = start_app(tmp_path)
    try:
        writer = Writer(app.url)
        writer.start()
        deadline = time.monotonic() + 30
        while len(writer.acknowledged) < WRITES_BEFORE_KILL and writer.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(writer.acknowledged) >= WRITES_BEFORE_KILL, "the server did not save entries"
        app.process.kill()  # SIGKILL, with a save in flight
        app.process.wait(timeout=10)
        writer.join(timeout=15)
        assert not writer.is_alive()

        app.process = _restart(app, tmp_path)
        saved = set(app.query(
            "import json\n"
            "from lumbar.journal.models import JournalEntry\n"
            "print(json.dumps(list(JournalEntry.objects.filter(notes__startswith='durability-')"
            ".values_list('notes', flat=True))))"))
        lost = [note for note in writer.acknowledged if note not in saved]
        assert not lost, f"{len(lost)} of {len(writer.acknowledged)} acknowledged entries lost: {lost[:5]}"
        assert len(saved) <= writer.attempted
    finally:
        stop_app(app, drop)
