"""`lumbar serve`: migrate, load content, start the ASGI server (and open the browser in local mode).

Local mode is for one person: it opens their browser, and uvicorn never takes the client address from a
header, so only a direct loopback connection is ever signed in automatically.
Hosted mode is for a server: no browser, `--workers N` processes (they share nothing but the database),
no access log (uvicorn logs warnings and errors only), and forwarded headers believed only from
LUMBAR_TRUSTED_PROXY. Static files are served by WhiteNoise straight from the package and node_modules
(no collectstatic step).
"""
from __future__ import annotations

import argparse
import os
import sys
import threading
import webbrowser

from lumbar.cli import _fail, _setup_django

WEBSOCKET_MAX_BYTES = 1024 * 1024  # the coach answers larger messages (up to this) with an error; beyond, uvicorn closes


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number from 1 to 65535")
    return port


def _workers(value: str) -> int:
    try:
        workers = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= workers <= 64:
        raise argparse.ArgumentTypeError(f"{workers} is not a number of processes from 1 to 64")
    return workers


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=_port, default=8000, help="port to listen on (default 8000)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser window (hosted mode never does)")
    parser.add_argument("--workers", type=_workers, default=1,
                        help="hosted mode: number of app processes (default 1); they share only the database")


def uvicorn_options(args, settings) -> dict:
    """The keyword arguments for uvicorn.run, from the command line and the settings."""
    hosted = settings.MODE == "hosted"
    proxies = list(settings.TRUSTED_PROXIES)
    return {
        "host": args.host,
        "port": args.port,
        "workers": getattr(args, "workers", 1) if hosted else 1,
        "log_level": "warning",
        "access_log": False,
        "lifespan": "off",
        "server_header": False,
        # X-Forwarded-For/-Proto only from the trusted proxy; with none, never (uvicorn's default trusts loopback).
        "proxy_headers": bool(proxies),
        "forwarded_allow_ips": proxies or [],
        "ws_max_size": WEBSOCKET_MAX_BYTES,
    }


def _warnings(settings) -> list[str]:
    notes = []
    if settings.MODE == "hosted" and "SITE_URL" not in os.environ:
        notes.append("hosted mode without SITE_URL: only http://127.0.0.1 is accepted; set SITE_URL to the address "
                     "people use, e.g. https://lumbar.example.org")
    if settings.HTTPS and not settings.TRUSTED_PROXIES:
        notes.append("SITE_URL is https but LUMBAR_TRUSTED_PROXY is unset: Lumbar speaks plain HTTP, so it redirects "
                     "every request to https; put it behind your https proxy and set LUMBAR_TRUSTED_PROXY to the "
                     "proxy's address")
    return notes


def serve(args) -> int:
    os.environ.setdefault("SITE_URL", f"http://{'127.0.0.1' if args.host in ('0.0.0.0', '::') else args.host}:{args.port}")
    _setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from lumbar.content.loader import ContentError, load_content

    from django.db import connection

    from lumbar.upgrade import backup_before_migrating

    _copy, note = backup_before_migrating(connection, settings.DATA_DIR)
    if note:
        print(f"lumbar: {note}", file=sys.stderr)
    call_command("migrate", interactive=False, verbosity=0)
    try:
        counts = load_content()
    except ContentError as error:
        return _fail(f"cannot start: a content file is invalid.\n{error}")
    print(f"Content loaded ({counts['created']} new, {counts['updated']} updated).")
    for note in _warnings(settings):
        print(f"lumbar: warning: {note}", file=sys.stderr)
    options = uvicorn_options(args, settings)
    url = settings.SITE_URL + "/"
    if settings.MODE == "hosted":
        workers = options["workers"]
        print(f"Lumbar (hosted) is listening on {args.host}:{args.port} for {url}"
              f"{f' with {workers} processes' if workers > 1 else ''}  (press Ctrl+C to stop)")
    else:
        print(f"Lumbar is running at {url}  (press Ctrl+C to stop)")
        if not args.no_browser:
            threading.Timer(1.0, webbrowser.open, args=[url]).start()
    from django.db import connections

    connections.close_all()  # the connection migrate used: free its pool slot (PostgreSQL) or file handle (SQLite)
    import uvicorn

    uvicorn.run("lumbar.asgi:application", **options)
    return 0
