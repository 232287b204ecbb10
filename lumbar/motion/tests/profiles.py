"""Movement profiles with known smoothness, for the tests and the benchmark's glide calibration."""
from __future__ import annotations

import numpy as np


def minimum_jerk(n: int) -> np.ndarray:
    """Position 0 -> 1 along a minimum-jerk profile in n samples."""
    tau = np.linspace(0.0, 1.0, max(n, 2))
    return 10 * tau ** 3 - 15 * tau ** 4 + 6 * tau ** 5


def stop_and_go(duration: float, fs: float, *, parts: int = 3, stop_s: float = 0.3) -> np.ndarray:
    """Position 0 -> 1 in `parts` equal minimum-jerk steps separated by full stops of `stop_s`."""
    move = int((duration - (parts - 1) * stop_s) / parts * fs)
    pieces = []
    for part in range(parts):
        pieces.append((part + minimum_jerk(move)) / parts)
        if part < parts - 1:
            pieces.append(np.full(int(stop_s * fs), (part + 1) / parts))
    return np.concatenate(pieces)


def speed_of(position: np.ndarray, fs: float) -> np.ndarray:
    return np.abs(np.gradient(position) * fs)


def repetitions(rises: list[np.ndarray], fs: float, *, rest_s: float = 1.0,
                hold_s: float = 0.5) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """A rep signal (0 at rest, 1 at the top) from rising halves: each rise, a hold, the same shape back,
    a rest. Returns the signal and each repetition's (start, end) in seconds."""
    rest, hold = np.zeros(int(rest_s * fs)), np.ones(int(hold_s * fs))
    parts, spans, n = [rest], [], len(rest)
    for rise in rises:
        spans.append((n / fs, (n + 2 * len(rise) + len(hold)) / fs))
        parts += [rise, hold, rise[::-1], rest]
        n += 2 * len(rise) + len(hold) + len(rest)
    return np.concatenate(parts), spans


def stick_figure_document(flexion_deg: np.ndarray, fps: float = 30.0) -> dict:
    """A landmarks document of a side-on stick figure lying on its back whose trunk-thigh flexion follows
    `flexion_deg` (NaN: nobody found); head to the right, 640x480 image."""
    frames = []
    for i, flexion in enumerate(np.asarray(flexion_deg, dtype=float).tolist()):
        if np.isnan(flexion):
            frames.append({"t": round(i / fps, 4), "landmarks": None})
            continue
        hip = np.array([0.45 * 4 / 3, 0.70])
        shoulder = hip + [0.25, 0.0]
        thigh = np.radians(180.0 - flexion)            # angle between trunk (pointing right) and thigh
        knee = hip + 0.18 * np.array([np.cos(thigh), -np.sin(thigh)])
        points = {0: shoulder + [0.09, -0.01], 7: shoulder + [0.06, -0.03], 8: shoulder + [0.06, -0.03],
                  11: shoulder, 12: shoulder, 23: hip, 24: hip, 25: knee, 26: knee, 27: knee + [-0.02, 0.15],
                  28: knee + [-0.02, 0.15]}
        landmarks = []
        for index in range(33):
            x, y = points.get(index, hip)
            landmarks.append([round(x * 3 / 4, 5), round(y, 5), 0.0, 0.95 if index % 2 else 0.6])
        frames.append({"t": round(i / fps, 4), "landmarks": landmarks})
    return {"fps": fps, "source": "stick figure", "width": 640, "height": 480, "frames": frames}
