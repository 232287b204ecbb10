"""The pose library as the programme reads it: lumbar.content.library's, with versions and names a person reads."""
from __future__ import annotations

from lumbar.content.library import poses
from lumbar.content.schema import Pose, Variation
from lumbar.content.text import translated

__all__ = ["poses", "variation", "display_name", "Pose"]


def variation(pose: Pose, slug: str | None) -> Variation | None:
    return next((v for v in pose.easier + pose.harder if v.slug == slug), None) if slug else None


def display_name(slug: str, variation_slug: str | None = None) -> str:
    """The name a person reads: the variation's name when one is used, else the pose's."""
    pose = poses()[slug]
    chosen = variation(pose, variation_slug)
    return translated(chosen.name if chosen else pose.name)
