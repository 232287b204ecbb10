"""The `lumbar` command. Bare `lumbar` is `lumbar serve`: migrate, load content, start, open the browser."""
from __future__ import annotations

import argparse
import json
import os
import sys


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lumbar.settings")
    import django

    django.setup()


def _fail(message: str) -> int:
    print(f"lumbar: {message}", file=sys.stderr)
    return 2


def poses(args) -> int:
    from lumbar.content.loader import ContentError, read_poses

    try:
        library = read_poses()
    except ContentError as error:
        return _fail(str(error))
    if args.json:
        json.dump([pose.model_dump(mode="json") for pose in library], sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for pose in library:
            print(f"{pose.slug:28} {pose.position:12} {pose.direction:18} {pose.kind}")
    return 0


def screen(args) -> int:
    """Reads {"answers": {...}} on stdin and prints the screening outcome (design.md)."""
    from lumbar.safety.answers_input import MAX_INPUT_BYTES, AnswersError, read_answers
    from lumbar.safety.screening import outcome

    try:
        answers = read_answers(sys.stdin.buffer.read(MAX_INPUT_BYTES + 1) if hasattr(sys.stdin, "buffer")
                               else sys.stdin.read(MAX_INPUT_BYTES + 1))
    except AnswersError as error:
        return _fail(f"screen: {error}")
    result = outcome(answers)
    if args.json:
        print(json.dumps({"tier": result.tier, "reasons": result.reasons}))
    else:
        print(result.tier + (f" ({', '.join(result.reasons)})" if result.reasons else ""))
    return 0


def load(args) -> int:
    _setup_django()
    from django.core.management import call_command

    from lumbar.content.loader import ContentError, load_content

    call_command("migrate", interactive=False, verbosity=0)
    try:
        counts = load_content()
    except ContentError as error:
        return _fail(str(error))
    print(f"Content loaded ({counts['created']} new, {counts['updated']} updated).")
    return 0


def manage(args) -> int:
    _setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["lumbar manage", *args.rest])
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="lumbar", description="Lumbar: gentle yoga for lower back pain.")
    commands = top.add_subparsers(dest="command")

    run = commands.add_parser("serve", help="prepare the database and start Lumbar (the default)")
    from lumbar.serving import add_serve_arguments, serve

    add_serve_arguments(run)
    run.set_defaults(handler=serve)

    listing = commands.add_parser("poses", help="print the pose library")
    listing.add_argument("--json", action="store_true", help="print every pose with all its fields as JSON")
    listing.set_defaults(handler=poses)

    screening = commands.add_parser("screen", help="the safety screen: answers as JSON on stdin")
    screening.add_argument("--json", action="store_true", help='print {"tier": ..., "reasons": [...]} as JSON')
    screening.set_defaults(handler=screen)

    from lumbar.exports.cli import add_export_commands
    from lumbar.motion.cli import add_analyze_command
    from lumbar.programmes.cli import add_plan_command
    from lumbar.reminders.cli import add_send_reminders_command
    from lumbar.reports.cli import add_report_command

    add_plan_command(commands)
    add_analyze_command(commands)
    add_export_commands(commands)
    add_report_command(commands)
    add_send_reminders_command(commands)

    loading = commands.add_parser("load-content", help="check the content files and load them into the database")
    loading.set_defaults(handler=load)

    admin = commands.add_parser("manage", help="run a Django management command (for operators)")
    admin.add_argument("rest", nargs=argparse.REMAINDER)
    admin.set_defaults(handler=manage)
    return top


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    top = parser()
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["serve", *argv]
    args = top.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
