"""Render a spec module's clips at a webcam's 15 frames a second (render_clips.py renders 30).
Run in the synth tool's render venv, from ../shared/tools/synth, with this folder on PYTHONPATH:
    PYTHONPATH=BENCH/synth RENDERENV/bin/python BENCH/synth/render_set.py heldout_specs OUT/clips [name ...]
"""
import importlib
import json
import os
import sys

sys.path.insert(0, os.getcwd())          # the synth tool's modules
import render_clips  # noqa: E402
from body import SynthBody  # noqa: E402

FPS = 15


def main():
    specs = importlib.import_module(sys.argv[1])
    out, names = sys.argv[2], sys.argv[3:]
    os.makedirs(out, exist_ok=True)
    bodies = {}
    for clip in specs.CLIPS:
        if (names and clip["name"] not in names) or os.path.exists(f"{out}/{clip['name']}_truth.json"):
            continue
        b = clip.get("body", {})
        key = json.dumps(b, sort_keys=True)
        if key not in bodies:
            bodies[key] = SynthBody(phenotype=b.get("phenotype"), **{k: tuple(v) for k, v in b.items() if k != "phenotype"})
        render_clips.render_clip(clip, bodies[key], out, fps=FPS)


if __name__ == "__main__":
    main()
