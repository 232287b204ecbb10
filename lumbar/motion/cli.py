"""`lumbar analyze FILE --exercise ... [--json] [--html REPORT.html]`: offline analysis of one recording.

`add_analyze_command(subparsers)` registers it on the `lumbar` command's subparsers; the handler returns
the exit status: 0, or 2 with a one-line reason on stderr for any bad input (never a traceback).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .exercises import EXERCISES

FLOOR_WORDS = {"flatter": "flatter after", "more curved": "more curved after",
               "same": "about the same"}

if TYPE_CHECKING:
    from .analysis import Analysis


def add_analyze_command(subparsers) -> argparse.ArgumentParser:
    command = subparsers.add_parser(
        "analyze", help="count and score repetitions in a landmarks file or video",
        description="Analyse one recording: repetitions with the smoothness of each half, holds and form cues.")
    command.add_argument("file", metavar="FILE", help="a landmarks JSON file, or a video with the video extra")
    command.add_argument("--exercise", required=True, choices=sorted(EXERCISES), help="the exercise recorded")
    command.add_argument("--json", action="store_true", help="print the analysis as JSON")
    command.add_argument("--html", metavar="REPORT.html", help="also write a self-contained HTML report")
    command.add_argument("--tempo", type=float, metavar="SECONDS",
                         help="prescribed seconds each way (default: the pose library's)")
    command.set_defaults(handler=handler)
    return command


def _fail(message: str) -> int:
    print(f"lumbar analyze: {message}", file=sys.stderr)
    return 2


class _Progress:
    """A one-line progress indication on stderr, only when stderr is a terminal."""

    def __init__(self, label: str):
        self.label = label
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if sys.stderr.isatty() and total >= 1000:
            print(f"\r{self.label}: {done / total:4.0%} of {total} frames", end="", file=sys.stderr, flush=True)
            self.shown = True

    def close(self) -> None:
        if self.shown:
            print(file=sys.stderr)


def handler(args) -> int:
    # numpy and scipy load only when a recording is analysed: every other `lumbar` command starts without them
    from .analysis import analyze
    from .landmarks import LandmarksError, read_landmarks_file
    from .report_html import render_report
    from .video import VideoUnavailable, is_video, landmarks_from_video

    if args.exercise not in EXERCISES:
        return _fail(f"unknown exercise {args.exercise!r}; choose one of {', '.join(sorted(EXERCISES))}")
    if args.tempo is not None and not 0 < args.tempo <= 60:
        return _fail(f"--tempo must be between 0 and 60 seconds, not {args.tempo:g}")
    progress = _Progress("Finding the person")
    try:
        if is_video(args.file):
            stream = landmarks_from_video(args.file, progress)
        else:
            stream = read_landmarks_file(args.file)
        progress.close()
        progress = _Progress("Analysing")
        result = analyze(stream, args.exercise, tempo_s=args.tempo, progress=progress)
    except (LandmarksError, VideoUnavailable) as error:
        progress.close()
        return _fail(str(error))
    progress.close()
    if args.html:
        try:
            Path(args.html).write_text(render_report(result, f"Lumbar: {Path(args.file).name}"), encoding="utf-8")
        except OSError as error:
            return _fail(f"cannot write the report {args.html}: {error.strerror or error}")
    text = json.dumps(result.to_dict(), indent=2) if args.json else summary_table(result, Path(args.file).name)
    try:
        print(text, flush=True)
    except BrokenPipeError:             # e.g. piped into `head`: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def summary_table(result: "Analysis", name: str) -> str:
    """The text summary: what was seen, one line per repetition, holds and cues."""
    data = result.to_dict()
    lines = [f"{name}: {data['exercise']}, {data['frames']} frames ({data['duration_s']:.1f} s), "
             f"person found in {result.found_share:.0%} of frames"]
    if result.exercise.counts_repetitions:
        first, second = (result.half_direction(0), result.half_direction(1))
        lines.append(f"{len(result.reps)} repetitions" + ("" if result.calibration else
                     " (no calibration: no clear first repetition from a still start)"))
        if result.reps:
            lines.append("")
            lines.append(f"{'rep':>3} {'start':>7} {'turn':>7} {'end':>7}  {first + ' (s, glide)':>18}  "
                         f"{second + ' (s, glide)':>18}")
        for rep in data["reps"]:
            halves = [f"{h['duration']:5.1f} {'-' if h['glide'] is None else h['glide']:>4}" for h in rep["halves"]]
            halves += [""] * (2 - len(halves))
            end = "-" if rep["end"] is None else f"{rep['end']:.2f}"
            lines.append(f"{rep['number']:>3} {rep['start']:7.2f} {rep['turn']:7.2f} {end:>7}  "
                         f"{halves[0]:>18}  {halves[1]:>18}")
        if result.reps:
            lines.append("glide: 0-100 from the smoothness (SPARC) of each half; 50 or more is a glide")
    for hold in data["holds"]:
        lines.append(f"hold {hold['start']:.1f}-{hold['end']:.1f} s: {hold['duration']:.1f} s, "
                     f"person seen in {hold['seen_share']:.0%} of it")
    if result.exercise.times_holds and not data["holds"]:
        lines.append("no hold found")
    floor = data["floor_space"]
    if floor:
        lines.append(f"back rise at rest (torso lengths, from the mask): before {floor['before']:+.3f}, "
                     f"after {floor['after']:+.3f}: {FLOOR_WORDS[floor['change']]}")
    lines += [f"cue at {cue['t']:.1f} s: {cue['message']}" for cue in data["cues"]]
    return "\n".join(lines)
