"""`lumbar send-reminders`: sends the Web Push reminders that are due (run it every few minutes from cron or a
systemd timer; each reminder goes once)."""
from __future__ import annotations

import os


def add_send_reminders_command(subparsers) -> None:
    command = subparsers.add_parser("send-reminders", help="send the Web Push reminders that are due now")
    command.set_defaults(handler=send_reminders_handler)


def send_reminders_handler(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lumbar.settings")
    import django

    django.setup()
    from .push import send_due

    sent, forgotten = send_due()
    print(f"Sent {sent} reminders; forgot {forgotten} browsers the push services no longer know.")
    return 0
