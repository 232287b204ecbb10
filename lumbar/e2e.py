"""End-to-end test support: the real app in a subprocess, and Debian's Chromium driven by Playwright.

The app runs exactly as a user starts it (`lumbar serve`), on its own database: a fresh SQLite file, or,
when the suite runs on PostgreSQL (DATABASE_URL set), a fresh database on the same server.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TIME_SCALE = 40
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium_path() -> str:
    path = os.environ.get("LUMBAR_CHROMIUM", "/usr/bin/chromium")
    if not Path(path).exists():
        reason = f"Debian's chromium is not installed at {path} (apt-get install chromium)"
        if os.environ.get("LUMBAR_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class App:
    url: str
    env: dict
    process: subprocess.Popen

    def query(self, code: str):
        """Runs Python in the app's own environment (Django set up); returns what it prints, read as JSON."""
        result = subprocess.run([sys.executable, "-m", "lumbar", "manage", "shell", "--no-imports", "-c", code],
                                env=self.env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else None


def _postgres_database(url: str) -> tuple[str, callable]:
    import psycopg

    name = f"lumbar_e2e_{uuid.uuid4().hex[:8]}"
    base, _ = url.rsplit("/", 1)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"{base}/{name}", drop


def start_app(data_dir: Path, mode: str = "local", time_scale: float = TIME_SCALE):
    """The app in a subprocess; `time_scale` speeds up the player's clock (1 = real time, for the camera)."""
    port = _free_port()
    env = {**os.environ, "LUMBAR_DATA_DIR": str(data_dir), "LUMBAR_TIME_SCALE": str(time_scale),
           "LUMBAR_MODE": mode, "SITE_URL": f"http://127.0.0.1:{port}"}
    drop = None
    if env.get("DATABASE_URL"):
        env["DATABASE_URL"], drop = _postgres_database(env["DATABASE_URL"])
    log = open(data_dir / "server.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "lumbar", "serve", "--no-browser", "--port", str(port)],
                               env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(url + "/about/", timeout=2)  # a page anyone may open, in either mode
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"the app did not start:\n{(data_dir / 'server.log').read_text()}")
            time.sleep(0.3)
    return App(url, env, process), drop


def stop_app(app: App, drop) -> None:
    app.process.terminate()
    app.process.wait(timeout=15)
    if drop:
        drop()


def serious_accessibility_violations(page) -> list[str]:
    """axe-core (from npm) run inside the page; returns the serious and critical violations, described."""
    page.evaluate(AXE.read_text() + "\n;0")
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"{v['impact']}: {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result if v["impact"] in ("serious", "critical")
    ]


def answer_safety_questions(page, yes=(), unsure=()) -> None:
    """Goes through the safety questions in the browser: yes (or not sure) to every question that feeds the ids
    given, no to the rest. "Did it start in the last 2 weeks?" is yes for an A id given, no otherwise (so
    yes={"B15"} gives older symptoms only). Stops where the app stops: an urgent answer ends the questions."""
    page.goto("/safety/screening/1/")
    while "/safety/screening/" in page.url:
        for fieldset in page.locator("fieldset.question").all():
            new_for = fieldset.get_attribute("data-new-for")
            feeds = {new_for} if new_for else set((fieldset.get_attribute("data-items") or "").split())
            answer = "Yes" if feeds & set(yes) else "Not sure" if feeds & set(unsure) else "No"
            fieldset.get_by_label(answer, exact=True).check()
        page.locator("form button[type=submit]").click()
        page.wait_for_load_state()


def record_assessment(page, advice: str = "Gentle exercise is fine") -> bool:
    """Records a clinician's assessment on the safety gate if sessions are locked by an urgent answer or stop.

    Tests share one running app and one local person: a test that leaves the urgent lock behind would lock the
    next test out. Returns whether there was a lock to clear.
    """
    from datetime import date

    page.goto("/safety/")
    if not page.get_by_role("button", name="Record that I was checked").count():
        return False
    page.get_by_label("Who checked you?").fill("The emergency doctor")
    page.get_by_label("When?").fill(date.today().isoformat())
    page.get_by_label("What did they say about exercise?").fill(advice)
    page.get_by_role("button", name="Record that I was checked").click()
    page.wait_for_load_state()
    return True


PLAYER_STATE = "document.body.dataset.playerState"


def open_player(page, can_kneel=True) -> None:
    """From the home page to the player's start screen, as a new person would get there."""
    record_assessment(page)  # an urgent lock an earlier test left behind
    answer_safety_questions(page)
    page.goto("/")
    page.get_by_role("link", name="Start the session").click()
    if page.get_by_text("Is kneeling comfortable for you?").count():
        page.get_by_label("Yes, I can kneel" if can_kneel else "No, kneeling is uncomfortable").check()
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/play/")
    page.wait_for_function(f"{PLAYER_STATE} === 'ready'", timeout=60_000)


def watch_for_errors(page, app_url: str) -> list[str]:
    """Collects page errors, console errors, broken scripts/styles/images and any third-party request.

    A page's own status (a friendly 404, a form shown again) is the test's business, so it is not listed.
    """
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource") else None)
    page.on("response", lambda response: errors.append(f"{response.status} for {response.url}")
            if response.status >= 400 and response.request.resource_type not in ("document", "fetch", "xhr") else None)
    page.on("request", lambda request: errors.append(f"third-party request: {request.url}")
            if not request.url.startswith((app_url, "data:", "blob:", "about:")) else None)
    return errors


# --- Playwright under the app's Content-Security-Policy (no inline script, no eval) ---
# `wait_for_function("an expression")` polls by eval-ing the string and `add_script_tag(path=...)` adds an
# inline <script>: the policy refuses both, like any inline code. `under_csp(page)` polls expressions as
# functions (sent through the DevTools protocol, outside the page's policy) and runs script files through
# `page.evaluate`. The policy stays on, so a violation by the app's own pages is a console error that fails
# the test.

def _is_function(expression: str) -> bool:
    return expression.lstrip().startswith(("(", "async", "function"))


def under_csp(page):
    wait = page.wait_for_function
    add_script_tag = page.add_script_tag

    def wait_for_function(expression, *args, **kwargs):
        if isinstance(expression, str) and not _is_function(expression):
            expression = f"() => ({expression})"
        return wait(expression, *args, **kwargs)

    def add_script(*, path=None, **kwargs):
        if path is not None and not kwargs:
            page.evaluate(Path(path).read_text() + "\n;0")
            return None
        return add_script_tag(path=path, **kwargs)

    page.wait_for_function = wait_for_function
    page.add_script_tag = add_script
    return page
