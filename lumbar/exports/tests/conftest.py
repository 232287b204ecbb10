"""The exports tests' world: the four named people with data in every app, built through the apps' actions, and
uploads in a temporary folder."""
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from lumbar.accounts.actions import create_invitation, set_consent
from lumbar.accounts.scopes import PRACTICE
from lumbar.exports.rows import site_rows

PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256))  # bytes that are not text survive the round trip


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@dataclass
class World:
    clara: object
    tess: object
    sam: object
    ada: object


def fill_clara(clara) -> None:
    """Safety answers, journal, check-ins, a programme with a played session, a flare, a stop."""
    from lumbar.journal.actions import add_entry, record_morning_checkin, record_weekly_checkin, save_activities
    from lumbar.programmes.tests.web import play_and_save, set_up
    from lumbar.safety.actions import record_direction_stop, record_flare, record_screening
    from lumbar.safety.screening import IDS
    from django.utils import timezone

    record_screening(clara, {qid: False for qid in IDS})
    add_entry(clara, {"recorded_at": timezone.now(), "pain": 4, "regions": ["low-back"], "feelings": [],
                      "triggers": [], "trigger_notes": "lifting the shopping", "medication": "", "notes": "é ✓ 日本"})
    walking, _garden = save_activities(clara, ["walking", "gardening"])
    record_weekly_checkin(clara, {"typical_pain": 5, "spoiled_enjoyment": 4, "everyday_tasks": 3}, {walking: 6})
    record_morning_checkin(clara, timezone.localdate(), "better-1", "no")
    set_up(clara)
    browser = Client()
    browser.force_login(clara)
    assert play_and_save(browser, ratings={"pelvic-tilt": "easy"}).status_code == 201
    set_up(clara, minutes=25)  # changed answers: a line in the programme's changelog
    record_flare(clara, "bad night")
    record_direction_stop(clara, "extension", "cobra", "session")


def fill_tess(tess, clara) -> None:
    """A sequence assigned to Clara, a photo, a booking link, invitations (one used by Clara)."""
    from lumbar.programmes.actions import save_sequence
    from lumbar.programmes.models import SequenceAssignment
    from lumbar.studio.models import BookingLink, Material

    steps = [{"type": "pose", "pose": "pelvic-tilt", "variation": None, "reps": 8, "seconds": None}]
    sequence = save_sequence(tess, None, "Tess's gentle start", steps)
    SequenceAssignment.objects.create(sequence=sequence, teacher=tess, client=clara)
    Material.objects.create(teacher=tess, pose="childs-pose", kind="photo", content_type="image/png",
                            file=ContentFile(PHOTO, name="childs-pose.png"), size=len(PHOTO))
    BookingLink.objects.create(teacher=tess, url="https://example.org/book")
    invitation, _token = create_invitation(tess, name="Clara")
    invitation.used_by = clara
    invitation.save()
    create_invitation(tess, name="Someone new")


@pytest.fixture
def world(db, content, client_user, teacher, stranger_teacher, admin) -> World:
    fill_clara(client_user)
    set_consent(client_user, teacher, PRACTICE, True)
    fill_tess(teacher, client_user)
    from lumbar.journal.actions import add_entry
    from django.utils import timezone

    add_entry(stranger_teacher, {"recorded_at": timezone.now(), "pain": 2, "regions": [], "feelings": [],
                                 "triggers": [], "trigger_notes": "", "medication": "", "notes": "Sam's own"})
    return World(client_user, teacher, stranger_teacher, admin)


def everything() -> list[dict]:
    """Every backed-up row, as a backup holds it: for comparing the site before and after."""
    return site_rows()


def empty_the_site() -> None:
    """What a new site has: no people and none of their data (content stays: it comes from files)."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.all().delete()
    assert everything() == []
