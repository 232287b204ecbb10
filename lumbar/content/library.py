"""The pose library, read from the pose files once per process. Every reader of poses asks here: the pages,
the session player, the programme and `lumbar plan` (which runs without a database). The database's copy,
written by `lumbar load-content`, only records what was loaded."""
from __future__ import annotations

from functools import lru_cache

from .loader import read_poses
from .schema import Pose


@lru_cache(maxsize=1)
def poses() -> dict[str, Pose]:
    return {pose.slug: pose for pose in read_poses()}


@lru_cache(maxsize=None)
def pose_data(slug: str) -> dict:
    """All of one pose's fields as plain JSON (KeyError for a slug that is not in the library)."""
    return poses()[slug].model_dump(mode="json")
