"""`lumbar serve`: migrate, load content, start the ASGI server (and open the browser in local mode)."""
from __future__ import annotations

import os
import threading
import webbrowser

from lumbar.cli import _fail, _setup_django


def serve(args) -> int:
    os.environ.setdefault("SITE_URL", f"http://{'127.0.0.1' if args.host in ('0.0.0.0', '::') else args.host}:{args.port}")
    _setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from lumbar.content.loader import ContentError, load_content

    call_command("migrate", interactive=False, verbosity=0)
    try:
        counts = load_content()
    except ContentError as error:
        return _fail(f"cannot start: a content file is invalid.\n{error}")
    print(f"Content loaded ({counts['created']} new, {counts['updated']} updated).")
    url = settings.SITE_URL + "/"
    print(f"Lumbar is running at {url}  (press Ctrl+C to stop)")
    if not args.no_browser:
        threading.Timer(1.0, webbrowser.open, args=[url]).start()
    import uvicorn

    uvicorn.run("lumbar.asgi:application", host=args.host, port=args.port, log_level="warning", lifespan="off")
    return 0
