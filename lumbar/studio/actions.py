"""Writes for the studio: material, the booking link, class times and calendar addresses. No requests here."""
from __future__ import annotations

import hashlib
import secrets

from django.db import transaction

from .media_types import HEAD_BYTES, MediaType
from .models import BookingLink, CalendarKey, ClassTime, Material


def _delete_file_after_commit(fieldfile) -> None:
    storage, name = fieldfile.storage, fieldfile.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def save_material(teacher, pose: str, variation: str, upload, media: MediaType) -> Material:
    """Saves a checked upload for one pose (or version); one replaces what was there for the same pose."""
    upload.seek(0)
    old = Material.objects.select_for_update().filter(teacher=teacher, pose=pose, variation=variation).first()
    if old:
        _delete_file_after_commit(old.file)
        old.delete()
    material = Material(teacher=teacher, pose=pose, variation=variation, kind=media.kind,
                        content_type=media.content_type, original_name=(upload.name or "")[:200], size=upload.size)
    material.file.save(f"upload{media.extension}", upload, save=False)
    try:
        material.save()
    except Exception:
        material.file.storage.delete(material.file.name)
        raise
    return material


@transaction.atomic
def delete_material(material: Material) -> None:
    _delete_file_after_commit(material.file)
    material.delete()


def read_head(upload) -> bytes:
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head


def set_booking_link(teacher, url: str) -> None:
    """An empty address removes the link."""
    if url:
        BookingLink.objects.update_or_create(teacher=teacher, defaults={"url": url})
    else:
        BookingLink.objects.filter(teacher=teacher).delete()


def add_class_time(teacher, **fields) -> ClassTime:
    return ClassTime.objects.create(teacher=teacher, **fields)


def delete_class_time(class_time: ClassTime) -> None:
    class_time.delete()


def hash_calendar_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def new_calendar_key(client) -> str:
    """Returns a new secret for the client's calendar address; the old address stops working at once."""
    key = secrets.token_urlsafe(32)
    CalendarKey.objects.update_or_create(client=client, defaults={"key_hash": hash_calendar_key(key)})
    return key


def stop_calendar_key(client) -> None:
    CalendarKey.objects.filter(client=client).delete()
