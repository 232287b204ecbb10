"""Renders every pose's figure (each keyframe, still) into one HTML contact sheet and a PNG screenshot.

    .venv/bin/python scripts/figure_sheet.py [SLUG ...] [--out DIR]

Look at the PNG: every pose should read as that pose. Needs Debian's chromium.
"""
import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lumbar.content.figure import render_svg  # noqa: E402
from lumbar.content.loader import DATA_DIR  # noqa: E402

import yaml  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("slugs", nargs="*")
    parser.add_argument("--out", default="test-artifacts/figures")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    cells = []
    for path in sorted((DATA_DIR / "poses").glob("*.yaml")):
        if args.slugs and path.stem not in args.slugs:
            continue
        pose = yaml.safe_load(path.read_text())
        figure = pose["figure"]
        for index, frame in enumerate(figure["keyframes"]):
            svg = render_svg({**figure, "keyframes": figure["keyframes"][: index + 1][-1:]}, title=pose["name"], animate=False)
            cells.append(f'<figure><div>{svg}</div><figcaption>{path.stem} [{index}] {frame.get("say") or ""}</figcaption></figure>')
    html = (
        "<!doctype html><meta charset=utf-8><style>body{margin:8px;font:12px sans-serif;display:grid;"
        "grid-template-columns:repeat(4,1fr);gap:8px}figure{margin:0;border:1px solid #ccc}"
        "div{height:170px;display:flex;align-items:center;justify-content:center}svg{max-width:100%;max-height:165px}"
        "figcaption{padding:2px 4px;background:#eee}</style>" + "".join(cells)
    )
    sheet = out / "sheet.html"
    sheet.write_text(html)
    rows = (len(cells) + 3) // 4
    png = out / "sheet.png"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-background-networking",
         f"--screenshot={png.resolve()}", f"--window-size=1000,{rows * 200 + 20}", sheet.resolve().as_uri()],
        check=True, capture_output=True,
    )
    print(png)


if __name__ == "__main__":
    main()
