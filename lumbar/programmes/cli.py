"""`lumbar plan` and `lumbar check-sequence`: the programme, and the per-person decision for given steps.

`lumbar plan --json` reads a profile as JSON on stdin and prints the 12-week programme (generator.py).
`lumbar check-sequence --json` reads {"profile": {...}, "steps": [{"pose": slug, "variation": slug or null}]}
and prints {"steps": [{"pose", "variation", "allowed", "why", "cautions"}]}: the decision the builder and
teachers get (exclusions.check_step, then the whole sequence's rules at each pose's usual dose).
Wire them in lumbar/cli.py with `add_plan_command(commands)`. Bad input (not JSON, a duplicated key, deep
nesting, huge input, an unknown field, condition, pose or version, minutes out of range, a profile no
programme fits) exits with status 2 and one message that names the problem; never a traceback.
"""
from __future__ import annotations

import json
import os
import sys


def add_plan_command(subparsers) -> None:
    plan = subparsers.add_parser("plan", help="the 12-week programme for a profile given as JSON on stdin")
    plan.add_argument("--json", action="store_true", help="print the programme as JSON (see README)")
    plan.set_defaults(handler=handler)
    check = subparsers.add_parser("check-sequence", help="the per-person decision for a list of steps (JSON on stdin)")
    check.add_argument("--json", action="store_true", help="print the decision as JSON (see README)")
    check.set_defaults(handler=check_handler)


def _fail(command: str, message: str) -> int:
    print(f"lumbar: {command}: {message}", file=sys.stderr)
    return 2


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lumbar.settings")
    import django

    django.setup()  # the programme's words go through Django's translation


def handler(args) -> int:
    _setup()
    from lumbar.content.loader import ContentError
    from lumbar.strict_json import InputError, read_json

    from .fitting import ProgrammeError
    from .generator import generate
    from .library import display_name
    from .profile import ProfileError, parse_profile

    try:
        profile = parse_profile(read_json(sys.stdin.read()))
        programme = generate(profile)
    except InputError as error:
        return _fail("plan", f"the profile: {error}")
    except (ProfileError, ProgrammeError, ContentError) as error:
        return _fail("plan", str(error))
    if args.json:
        json.dump(programme, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    for session in programme["sessions"]:
        names = ", ".join(display_name(s["pose"], s["variation"]) for s in session["steps"])
        print(f"Week {session['week']:2} day {session['day']}  {session['minutes']:4} min  {names}")
    return 0


def _steps(data) -> list[dict]:
    """The steps of a check-sequence input, checked; ValueError names the first problem."""
    from .library import poses, variation

    if not isinstance(data, dict) or set(data) != {"profile", "steps"}:
        raise ValueError('expected an object with exactly "profile" and "steps"')
    if not isinstance(data["steps"], list) or not data["steps"]:
        raise ValueError('"steps" must be a non-empty list of {"pose": slug, "variation": slug or null}')
    steps = []
    for number, step in enumerate(data["steps"], 1):
        if not isinstance(step, dict) or not set(step) <= {"pose", "variation"} or "pose" not in step:
            raise ValueError(f'steps.{number}: expected {{"pose": slug, "variation": slug or null}}')
        slug, version = step["pose"], step.get("variation")
        if not isinstance(slug, str) or slug not in poses():
            raise ValueError(f"steps.{number}.pose: unknown pose {slug!r}")
        if version is not None and (not isinstance(version, str) or variation(poses()[slug], version) is None):
            raise ValueError(f"steps.{number}.variation: {slug} has no version {version!r}")
        pose = poses()[slug]
        steps.append({"type": "pose", "pose": slug, "variation": version,
                      "reps": pose.dose.reps if pose.kind == "reps" else None,
                      "seconds": None if pose.kind == "reps" else pose.dose.seconds})
    return steps


def check_handler(args) -> int:
    _setup()
    from lumbar.strict_json import InputError, read_json

    from .exclusions import check_step
    from .profile import ProfileError, parse_profile
    from .sequence_rules import walk

    try:
        data = read_json(sys.stdin.read())
        steps = _steps(data)
        profile = parse_profile(data["profile"])
    except InputError as error:
        return _fail("check-sequence", str(error))
    except ProfileError as error:
        return _fail("check-sequence", f"profile: {error}")
    except ValueError as error:
        return _fail("check-sequence", str(error))
    _walked, whole = walk(profile, steps, fix=False)
    out = []
    for i, step in enumerate(steps):
        checked = check_step(profile, step["pose"], step["variation"])
        allowed, why = checked.allowed and i not in whole, checked.why or whole.get(i, "")
        out.append({"pose": step["pose"], "variation": step["variation"], "allowed": allowed, "why": why,
                    "cautions": list(checked.cautions) if allowed else []})
    if args.json:
        json.dump({"steps": out}, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for step in out:
            print(f"{step['pose']:24} {'yes' if step['allowed'] else 'no ':4} {step['why']}")
    return 0
