"""The shared data beside the repository (../shared/data), as streams the motion core can take.

Used by the tests (which skip when the data is missing) and by benchmarks/motion_accuracy.py.
"""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from lumbar.motion.landmarks import LandmarkStream, read_landmarks_file

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
SYNTHETIC = DATA / "synthetic"
UI_PRMD = DATA / "ui-prmd" / "correct" / "Angles"
CLIPS = {"pelvic_tilt": "pelvic-tilt", "pelvic_tilt_hard": "pelvic-tilt", "childs_pose": "child-pose",
         "cat_cow": "cat-cow"}
UI_PRMD_FS = 30.0
# Kinect joints that carry whole-body movement (spine, head, arms, legs; not hands, feet or the spare).
MAJOR_JOINTS = [0, 1, 2, 3, 4, 6, 7, 10, 11, 13, 14, 17, 18]


def synthetic_clip(name: str) -> tuple[LandmarkStream, dict]:
    """A synthetic clip's landmarks and its truth file."""
    truth = json.loads((SYNTHETIC / f"{name}_truth.json").read_text())
    return read_landmarks_file(SYNTHETIC / f"{name}_landmarks.json"), truth


@lru_cache(maxsize=None)
def ui_prmd_episodes(movement: int, subject: int) -> tuple[np.ndarray, ...]:
    """The ten episodes (one repetition each) of one movement and subject: (frames, 66) Euler angles."""
    episodes = []
    for episode in range(1, 11):
        path = UI_PRMD / f"m{movement:02d}_s{subject:02d}_e{episode:02d}_angles.txt.gz"
        text = gzip.decompress(path.read_bytes()).decode().strip().replace("\n", ",")
        episodes.append(np.array(text.split(","), dtype=float).reshape(-1, 66))
    return tuple(episodes)


def movement_signal(angles: np.ndarray) -> np.ndarray:
    """A 1-D movement signal from Kinect angles: the first principal component of the major joints.

    Each angle is taken relative to its circular mean (no wrap-around); channels with a jump of more
    than 45 degrees between frames (Euler flips, tracking glitches) are left out.
    """
    radians = np.radians(angles.reshape(len(angles), 22, 3)[:, MAJOR_JOINTS].reshape(len(angles), -1))
    centred = np.degrees(np.angle(np.exp(1j * (radians - np.angle(np.exp(1j * radians).mean(0))))))
    steady = (np.abs(np.diff(centred, axis=0)) <= 45).all(0)
    centred = centred[:, steady] - centred[:, steady].mean(0)
    _, vectors = np.linalg.eigh(centred.T @ centred)
    return centred @ vectors[:, -1]


def ui_prmd_stream(movement: int, subject: int, pauses_s=None, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Ten episodes joined into one (times, signal) stream; with `pauses_s` (min, max), a still pause of
    that many seconds (sensor noise added) is inserted before each repetition."""
    episodes = ui_prmd_episodes(movement, subject)
    signal = movement_signal(np.concatenate(episodes))
    if pauses_s is not None:
        rng = np.random.default_rng(seed)
        bounds = np.cumsum([0] + [len(e) for e in episodes])
        noise = float(np.std(np.diff(signal, 2))) / np.sqrt(6)
        parts = []
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            n = int(rng.uniform(*pauses_s) * UI_PRMD_FS)
            parts += [signal[lo] + rng.normal(0, noise, n), signal[lo:hi]]
        signal = np.concatenate(parts)
    return np.arange(len(signal)) / UI_PRMD_FS, signal
