"""Hosting that holds: security headers, HTTPS settings, `check --deploy`, the trusted proxy and `lumbar serve`."""
import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from argparse import ArgumentParser, Namespace
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.test import override_settings

from lumbar.headers import content_security_policy
from lumbar.serving import add_serve_arguments, uvicorn_options

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://lumbar.example.org"


# --- headers on every response ---

@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/about/", "/accounts/login/", "/no-such-page/", "/static/lumbar/site.css"])
def test_every_response_carries_the_policies(client, content, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "script-src 'self' 'wasm-unsafe-eval'" in csp
    policy = response["Permissions-Policy"]
    assert "camera=()" in policy and "microphone=()" in policy and "geolocation=()" in policy


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/session/core/play/", "/programme/play/", "/programme/check/flexion/play/",
                                  "/programme/sequences/1/play/"])
def test_only_the_session_player_may_ask_for_the_camera(client, content, path):
    policy = client.get(path)["Permissions-Policy"]
    assert "camera=(self)" in policy and "microphone=()" in policy


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/session/core/", "/programme/", "/journal/", "/poses/"])
def test_pages_next_to_the_player_may_not(client, content, path):
    assert "camera=()" in client.get(path)["Permissions-Policy"]


def test_the_socket_is_allowed_to_its_own_site_only():
    assert "connect-src 'self' wss://lumbar.example.org;" in content_security_policy(SITE)
    assert "connect-src 'self' ws://127.0.0.1:8000;" in content_security_policy("http://127.0.0.1:8000")


def test_no_template_has_inline_script_or_style():
    """The policy allows no inline code: a template that adds some would break under it (json_script is data)."""
    templates = [*ROOT.glob("lumbar/templates/**/*.html"), *ROOT.glob("lumbar/*/templates/**/*.html")]
    assert templates
    for path in templates:
        text = path.read_text()
        for tag in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in tag, f"{path.name}: inline script {tag}"
        assert not re.search(r"<style\b|\sstyle=\"|\son[a-z]+=\"", text), f"{path.name}: inline style or handler"


@pytest.mark.django_db
def test_https_site_sends_hsts_and_secure_cookies(client, content):
    with override_settings(SITE_URL=SITE, ALLOWED_HOSTS=["lumbar.example.org"], MODE="hosted", SECURE_SSL_REDIRECT=True,
                           SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True):
        plain = client.get("/accounts/login/", HTTP_HOST="lumbar.example.org")
        assert plain.status_code == 301 and plain.url == f"{SITE}/accounts/login/"
        secure = client.get("/accounts/login/", HTTP_HOST="lumbar.example.org", secure=True)
        assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_session_cookie_is_http_only_and_same_site_lax(settings):
    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_COOKIE_SAMESITE == "Lax"


# --- check --deploy, and the settings read at start ---

def lumbar_command(*args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LUMBAR_", "SITE_URL", "DATABASE_URL"))}
    return subprocess.run([sys.executable, "-m", "lumbar", *args], env={**clean, **env}, capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


def test_check_deploy_is_clean_for_a_hosted_https_site(tmp_path):
    result = lumbar_command("manage", "check", "--deploy", "--fail-level", "WARNING",
                            LUMBAR_DATA_DIR=str(tmp_path), LUMBAR_MODE="hosted", SITE_URL=SITE,
                            LUMBAR_SECRET_KEY=secrets.token_urlsafe(50), LUMBAR_TRUSTED_PROXY="127.0.0.1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_check_deploy_still_warns_about_a_plain_http_site(tmp_path):
    result = lumbar_command("manage", "check", "--deploy", LUMBAR_DATA_DIR=str(tmp_path), LUMBAR_MODE="hosted",
                            SITE_URL="http://lumbar.example.org", LUMBAR_SECRET_KEY=secrets.token_urlsafe(50))
    assert "security.W008" in result.stderr + result.stdout  # SECURE_SSL_REDIRECT: the check does look


@pytest.mark.parametrize("value", ["proxy.example.org", "127.0.0.1, nonsense", "*"])
def test_a_trusted_proxy_that_is_not_an_address_stops_with_a_clear_message(tmp_path, value):
    result = lumbar_command("manage", "check", LUMBAR_DATA_DIR=str(tmp_path), LUMBAR_TRUSTED_PROXY=value)
    assert result.returncode != 0 and "LUMBAR_TRUSTED_PROXY" in result.stderr and "Traceback" not in result.stderr


# --- lumbar serve's options ---

def serve_args(*argv):
    parser = ArgumentParser(prog="lumbar serve")
    add_serve_arguments(parser)
    return parser.parse_args(list(argv))


def test_local_mode_serves_one_process_and_never_reads_forwarded_headers():
    options = uvicorn_options(serve_args("--workers", "4"), SimpleNamespace(MODE="local", TRUSTED_PROXIES=[]))
    assert options["proxy_headers"] is False and options["workers"] == 1
    assert options["access_log"] is False and options["server_header"] is False


def test_hosted_mode_runs_workers_and_believes_only_the_trusted_proxy():
    settings = SimpleNamespace(MODE="hosted", TRUSTED_PROXIES=["10.0.0.2", "10.1.0.0/16"])
    options = uvicorn_options(serve_args("--host", "0.0.0.0", "--port", "9000", "--workers", "3"), settings)
    assert (options["host"], options["port"], options["workers"]) == ("0.0.0.0", 9000, 3)
    assert options["proxy_headers"] is True and options["forwarded_allow_ips"] == ["10.0.0.2", "10.1.0.0/16"]
    assert options["log_level"] == "warning"


def test_hosted_mode_without_a_proxy_reads_no_forwarded_headers():
    options = uvicorn_options(Namespace(host="127.0.0.1", port=8000), SimpleNamespace(MODE="hosted", TRUSTED_PROXIES=[]))
    assert options["proxy_headers"] is False and options["workers"] == 1


@pytest.mark.parametrize("argv", [["--workers", "0"], ["--workers", "many"], ["--port", "70000"], ["--port", "http"]])
def test_bad_serve_options_exit_2_naming_the_problem(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        serve_args(*argv)
    assert stopped.value.code == 2 and argv[0] in capsys.readouterr().err


# --- through a real `lumbar serve`, as a reverse proxy would talk to it ---

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, data_dir: Path, **env):
        self.port = _free_port()
        self.log = data_dir / "server.log"
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("LUMBAR_", "SITE_URL", "DATABASE_URL"))}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lumbar", "serve", "--no-browser", "--port", str(self.port)],
            env={**clean, "LUMBAR_DATA_DIR": str(data_dir), "LUMBAR_MODE": "hosted", "SITE_URL": SITE,
                 "LUMBAR_SECRET_KEY": secrets.token_urlsafe(50), **env},
            stdout=self.log.open("w"), stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = time.monotonic() + 90
        while True:
            try:
                self.request("GET", "/about/")
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    pytest.fail(f"lumbar serve did not start:\n{self.log.read_text()}")
                time.sleep(0.3)

    def request(self, method, path, headers=(), body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(method, path, body=body, headers={"Host": "lumbar.example.org", **dict(headers)})
        response = connection.getresponse()
        response.text = response.read().decode(errors="replace")
        connection.close()
        return response

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=15)


@pytest.fixture(scope="module")
def behind_proxy(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("proxied"), LUMBAR_TRUSTED_PROXY="127.0.0.1")
    yield server
    server.stop()


def via_proxy(client_address, **more):
    return {"X-Forwarded-Proto": "https", "X-Forwarded-For": client_address, **more}


def test_behind_the_trusted_proxy_https_pages_carry_every_header(behind_proxy):
    page = behind_proxy.request("GET", "/accounts/login/", via_proxy("203.0.113.50"))
    assert page.status == 200
    assert page.getheader("Strict-Transport-Security") == "max-age=31536000; includeSubDomains"
    assert "default-src 'self'" in page.getheader("Content-Security-Policy")
    assert "camera=()" in page.getheader("Permissions-Policy")
    assert page.getheader("X-Frame-Options") == "DENY" and page.getheader("X-Content-Type-Options") == "nosniff"
    assert page.getheader("Server") is None
    cookie = page.getheader("Set-Cookie")
    assert "csrftoken=" in cookie and "Secure" in cookie and "SameSite=Lax" in cookie


def test_behind_the_trusted_proxy_plain_http_is_redirected_to_https(behind_proxy):
    page = behind_proxy.request("GET", "/accounts/login/", {"X-Forwarded-For": "203.0.113.50"})
    assert page.status == 301 and page.getheader("Location") == f"{SITE}/accounts/login/"


def sign_in_through_proxy(server, client_address, username):
    page = server.request("GET", "/accounts/login/", via_proxy(client_address))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    cookie = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie")).group(1)
    body = urlencode({"csrfmiddlewaretoken": token, "username": username, "password": "wrong-password"})
    return server.request("POST", "/accounts/login/", via_proxy(
        client_address, **{"Origin": SITE, "Referer": f"{SITE}/accounts/login/", "Cookie": f"csrftoken={cookie}",
                           "Content-Type": "application/x-www-form-urlencoded"}), body=body)


def test_csrf_works_behind_an_https_proxy_and_throttling_counts_the_real_client(behind_proxy):
    from django.conf import settings

    for number in range(settings.AXES_FAILURE_LIMIT - 1):
        answer = sign_in_through_proxy(behind_proxy, "203.0.113.77", f"guess{number}")
        assert answer.status == 200 and "CSRF" not in answer.text  # the form again: the token was accepted
    assert sign_in_through_proxy(behind_proxy, "203.0.113.77", "one-more-guess").status == 429
    # another client behind the same proxy is not held back by the first one's tries
    assert sign_in_through_proxy(behind_proxy, "203.0.113.78", "clara").status == 200


def test_without_a_trusted_proxy_forwarded_headers_are_ignored(tmp_path):
    server = Server(tmp_path)
    try:
        page = server.request("GET", "/accounts/login/", via_proxy("203.0.113.50"))
        assert page.status == 301  # X-Forwarded-Proto: https is not believed, so this is still plain http
    finally:
        server.stop()
