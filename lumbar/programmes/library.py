"""The pose library, read once from the pose files (no database)."""
from __future__ import annotations

from functools import lru_cache

from lumbar.content.loader import read_poses
from lumbar.content.schema import Pose, Variation
from lumbar.content.text import translated


@lru_cache(maxsize=1)
def poses() -> dict[str, Pose]:
    return {pose.slug: pose for pose in read_poses()}


def variation(pose: Pose, slug: str | None) -> Variation | None:
    return next((v for v in pose.easier + pose.harder if v.slug == slug), None) if slug else None


def display_name(slug: str, variation_slug: str | None = None) -> str:
    """The name a person reads: the variation's name when one is used, else the pose's."""
    pose = poses()[slug]
    chosen = variation(pose, variation_slug)
    return translated(chosen.name if chosen else pose.name)
