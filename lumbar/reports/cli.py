"""`lumbar report FILE.pdf [--user NAME] [--days N] [--notes]`: the clinician report as a PDF file."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def add_report_command(subparsers) -> None:
    report = subparsers.add_parser("report", help="write the clinician report for one person as a PDF")
    report.add_argument("file", metavar="FILE.pdf", help="where to write the PDF (readable by its owner only)")
    report.add_argument("--user", metavar="NAME", help="whose report (may be left out when the site has one person)")
    report.add_argument("--days", metavar="N", help="the period: the last N days (default 90)")
    report.add_argument("--notes", action="store_true", help="include the person's own journal notes")
    report.set_defaults(handler=report_handler)


def _fail(message: str) -> int:
    print(f"lumbar: report: {message}", file=sys.stderr)
    return 2


def report_handler(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lumbar.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError

    from .choices import ChoiceError, days_from
    from .content import build
    from .pdf import render_pdf

    try:
        days = days_from(args.days)
    except ChoiceError as error:
        return _fail(f"--{error}")
    path = Path(args.file)
    if not path.parent.is_dir():
        return _fail(f"cannot write {args.file}: no such folder")
    try:
        people = list(get_user_model().objects.filter(username=args.user) if args.user
                      else get_user_model().objects.all()[:2])
    except DatabaseError:
        return _fail("there is no Lumbar database here yet (check LUMBAR_DATA_DIR or DATABASE_URL)")
    if len(people) != 1:
        return _fail(f"There is no person named {args.user} here." if args.user
                     else "a report is for one person: name them with --user NAME")
    print(f"Making the report for {people[0].username} over the last {days} days...", file=sys.stderr)
    document = render_pdf(build(people[0], days, args.notes))
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(document)
    print(f"Wrote the report for {people[0].username} over the last {days} days to {args.file}.")
    return 0
