"""`lumbar plan`: reads a profile as JSON on stdin and prints the 12-week programme (generator.py).

Wire it in lumbar/cli.py with `add_plan_command(commands)`. Bad input (not JSON, an unknown field or
condition, minutes out of range, a profile no programme fits) exits with status 2 and one message that
names the problem; never a traceback.
"""
from __future__ import annotations

import json
import os
import sys


def add_plan_command(subparsers) -> None:
    plan = subparsers.add_parser("plan", help="the 12-week programme for a profile given as JSON on stdin")
    plan.add_argument("--json", action="store_true", help="print the programme as JSON (see README)")
    plan.set_defaults(handler=handler)


def _fail(message: str) -> int:
    print(f"lumbar: plan: {message}", file=sys.stderr)
    return 2


def handler(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lumbar.settings")
    import django

    django.setup()  # the programme's words go through Django's translation
    from lumbar.content.loader import ContentError

    from .fitting import ProgrammeError
    from .generator import generate
    from .library import display_name
    from .profile import ProfileError, parse_profile

    try:
        profile = parse_profile(json.loads(sys.stdin.read()))
        programme = generate(profile)
    except json.JSONDecodeError as error:
        return _fail(f"the profile is not valid JSON ({error})")
    except (UnicodeDecodeError, RecursionError):
        return _fail("the profile is not valid JSON (unreadable text or nested too deeply)")
    except (ProfileError, ProgrammeError, ContentError) as error:
        return _fail(str(error))
    if args.json:
        json.dump(programme, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    for session in programme["sessions"]:
        names = ", ".join(display_name(s["pose"], s["variation"]) for s in session["steps"])
        print(f"Week {session['week']:2} day {session['day']}  {session['minutes']:4} min  {names}")
    return 0
