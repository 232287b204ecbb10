"""Reads the pose and sequence files, checks them, and writes them to the database idempotently.

A file that breaks the schema raises ContentError naming the file, the field and what is wrong.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from . import schema

DATA_DIR = Path(__file__).resolve().parent / "data"


class ContentError(Exception):
    """A content file that cannot be loaded; the message names the file and the field."""


def _read(path: Path, model):
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: not valid YAML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(f"{path}: cannot be read: {error}") from None
    if not isinstance(raw, dict):
        raise ContentError(f"{path}: expected a mapping of fields at the top level")
    try:
        item = model.model_validate(raw)
    except ValidationError as error:
        raise ContentError(f"{path}: invalid content\n{schema.describe_errors(error)}") from None
    if item.slug != path.stem:
        raise ContentError(f"{path}: field slug is {item.slug!r} but the file name says {path.stem!r}")
    return item


def _read_all(directory: Path, model) -> list:
    items = [_read(path, model) for path in sorted(directory.glob("*.yaml"))]
    seen: dict = {}
    for item in items:
        for key in (item.slug, item.uuid):
            if key in seen:
                raise ContentError(f"{directory / (item.slug + '.yaml')}: {key} is also used by {seen[key]}.yaml")
            seen[key] = item.slug
    return items


def read_poses(directory: Path = DATA_DIR / "poses") -> list[schema.Pose]:
    return _read_all(directory, schema.Pose)


def read_sequences(directory: Path = DATA_DIR / "sequences", poses: list[schema.Pose] | None = None) -> list[schema.Sequence]:
    sequences = _read_all(directory, schema.Sequence)
    by_slug = {pose.slug: pose for pose in (poses if poses is not None else read_poses())}
    for sequence in sequences:
        for number, step in enumerate(sequence.steps):
            if step.type != "pose":
                continue
            for slug in filter(None, (step.pose, step.instead_if_no_kneeling)):
                if slug not in by_slug:
                    raise ContentError(f"{directory / (sequence.slug + '.yaml')}: steps.{number}: unknown pose {slug!r}")
            if step.variation and step.variation not in {v.slug for v in by_slug[step.pose].easier + by_slug[step.pose].harder}:
                raise ContentError(
                    f"{directory / (sequence.slug + '.yaml')}: steps.{number}.variation: "
                    f"{step.variation!r} is not a variation of {step.pose}"
                )
    return sequences


def load_content(poses_dir: Path = DATA_DIR / "poses", sequences_dir: Path = DATA_DIR / "sequences") -> dict:
    """Validates every file first, then writes them all in one transaction (all or nothing)."""
    from django.db import transaction

    from .models import Pose, Sequence

    poses = read_poses(poses_dir)
    sequences = read_sequences(sequences_dir, poses)
    counts = {"created": 0, "updated": 0}
    with transaction.atomic():
        for pose in poses:
            _upsert(Pose, pose, {"name": pose.name, "position": pose.position, "direction": pose.direction,
                                 "kind": pose.kind}, counts)
        for sequence in sequences:
            _upsert(Sequence, sequence, {"title": sequence.title}, counts)
    return counts


def _upsert(model, item, columns: dict, counts: dict) -> None:
    """Finds the row by uuid, else by slug, and updates it; creates it only when neither matches."""
    data = item.model_dump(mode="json")
    by_uuid = model.objects.filter(uuid=item.uuid).first()
    by_slug = model.objects.filter(slug=item.slug).first()
    if by_uuid and by_slug and by_uuid.pk != by_slug.pk:
        raise ContentError(f"{item.slug}: uuid {item.uuid} belongs to {by_uuid.slug!r} but slug belongs to another row")
    row = by_uuid or by_slug
    if row is None:
        model.objects.create(uuid=item.uuid, slug=item.slug, data=data, **columns)
        counts["created"] += 1
        return
    changed = {"uuid": item.uuid, "slug": item.slug, "data": data, **columns}
    if any(getattr(row, k) != v for k, v in changed.items()):
        for key, value in changed.items():
            setattr(row, key, value)
        row.save()
        counts["updated"] += 1
