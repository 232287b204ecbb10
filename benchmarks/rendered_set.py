"""A rendered clip set (made with ../shared/tools/synth) through Lumbar's own video path, cached.

A set folder holds `clips/NAME.mp4` and `clips/NAME_truth.json` (render_clips.py's output; see
benchmarks/synth/). Each clip is analysed as rendered and in harder versions made from the video itself
with ffmpeg, the way a home recording goes wrong: a webcam at 15 fps with a shaky, darker, softer picture,
and (for holds) the picture lost for seconds. `lumbar.motion.video` finds the landmarks and the back rise
in each version once; the result is kept in `lumbar/VERSION/NAME.json` inside the set folder.
"""
from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

from lumbar.motion.landmarks import read_landmarks_file, to_document
from lumbar.motion.video import landmarks_from_video

SHAKY = ("fps=15,crop=iw-24:ih-24:'12+10*sin(n*1.7)':'12+10*cos(n*2.3)',scale=640:480,"
         "eq=brightness=-0.08:contrast=0.9,gblur=sigma=0.7,noise=alls=8:allf=t")


def gaps_for(truth: dict) -> list[tuple[float, float]]:
    """Two stretches with the picture lost: inside the hold (the face hides in child's pose), or mid-set."""
    if truth["holds"]:
        start, end = truth["holds"][0]
        return [(start + 2.0, start + 4.5), (max(start + 5.0, end - 4.0), max(start + 6.5, end - 2.0))]
    middle = truth["duration_s"] / 2
    return [(middle - 4.0, middle - 2.5), (middle + 1.0, middle + 3.0)]


def versions(truth: dict) -> dict[str, str | None]:
    """Version name -> ffmpeg filter (None: the clip as rendered)."""
    spans = "+".join(f"between(t,{a:.2f},{b:.2f})" for a, b in gaps_for(truth))
    found = {"as rendered": None, "15 fps, shaky, darker, soft": SHAKY}
    if truth["holds"]:
        found["picture lost twice (2-2.5 s)"] = f"drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='{spans}'"
    return found


def clip_names(folder: Path) -> list[str]:
    return sorted(p.name[:-len("_truth.json")] for p in (folder / "clips").glob("*_truth.json")
                  if (folder / "clips" / (p.name[:-len("_truth.json")] + ".mp4")).exists())


def stream_of(folder: Path, name: str, version: str, how: str | None):
    """The landmarks stream of one version of one clip, found once and cached."""
    cached = folder / "lumbar" / re.sub(r"[^a-z0-9]+", "_", version.lower()).strip("_") / f"{name}.json"
    if not cached.exists():
        video = folder / "clips" / f"{name}.mp4"
        with tempfile.TemporaryDirectory() as work:
            if how:
                made = Path(work) / f"{name}.mp4"
                subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(video), "-vf", how, "-c:v", "libx264",
                                "-crf", "26", "-pix_fmt", "yuv420p", str(made)], check=True)
                video = made
            stream = landmarks_from_video(video)
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(to_document(stream), separators=(",", ":")))
    return read_landmarks_file(cached)


def clips(folder: Path):
    """(name, truth, version, stream) for every clip of the set and its versions."""
    for name in clip_names(folder):
        truth = json.loads((folder / "clips" / f"{name}_truth.json").read_text())
        for version, how in versions(truth).items():
            yield name, truth, version, stream_of(folder, name, version, how)
