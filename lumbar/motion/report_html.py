"""A self-contained HTML report of one analysis: inline SVG plot of the signal, reps and glide scores.

No scripts, fonts or images are fetched: everything is in the one file.
"""
from __future__ import annotations

import html

import numpy as np

from .analysis import Analysis

WIDTH, HEIGHT, PAD = 960, 300, 40
STYLE = """body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#222}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:right}
th:first-child,td:first-child{text-align:left}svg{width:100%;height:auto;background:#fafafa}
.glide{font-size:12px;fill:#114}.rep{fill:#6a8;fill-opacity:.18}.hold{fill:#68c;fill-opacity:.2}"""


def _plot(analysis: Analysis) -> str:
    times, values = analysis.times, analysis.signal
    seen = ~np.isnan(values)
    if not seen.any():
        return "<p>Nobody was found in this recording, so there is nothing to plot.</p>"
    t0, t1 = float(times[0]), float(times[-1]) if times[-1] > times[0] else float(times[0]) + 1
    lo, hi = float(np.nanmin(values)), float(np.nanmax(values))
    hi = hi if hi > lo else lo + 1

    def x(t):
        return PAD + (t - t0) / (t1 - t0) * (WIDTH - 2 * PAD)

    def y(v):
        return HEIGHT - PAD - (v - lo) / (hi - lo) * (HEIGHT - 2 * PAD)

    parts = [f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="plot-title">',
             f'<title id="plot-title">{html.escape(analysis.exercise.name)}: trunk-thigh flexion over time</title>']
    for hold in analysis.holds:
        parts.append(f'<rect class="hold" x="{x(hold.start):.1f}" y="{PAD}" width="{x(hold.end) - x(hold.start):.1f}" '
                     f'height="{HEIGHT - 2 * PAD}"/>')
    for rep in analysis.reps:
        end = rep.end if rep.end is not None else t1
        parts.append(f'<rect class="rep" x="{x(rep.start):.1f}" y="{PAD}" width="{x(end) - x(rep.start):.1f}" '
                     f'height="{HEIGHT - 2 * PAD}"/>')
        parts.append(f'<line x1="{x(rep.turn):.1f}" x2="{x(rep.turn):.1f}" y1="{PAD}" y2="{HEIGHT - PAD}" '
                     'stroke="#a44" stroke-dasharray="3 3"/>')
        for half in rep.halves:
            label = "-" if half.glide is None else str(half.glide)
            parts.append(f'<text class="glide" x="{x((half.start + half.end) / 2):.1f}" y="{PAD - 6}" '
                         f'text-anchor="middle">{label}</text>')
    segments, current = [], []
    for t, v, ok in zip(times.tolist(), values.tolist(), seen.tolist()):
        if ok:
            current.append(f"{x(t):.1f},{y(v):.1f}")
        elif current:
            segments.append(current)
            current = []
    segments.append(current)
    parts += [f'<polyline fill="none" stroke="#236" stroke-width="1.5" points="{" ".join(s)}"/>'
              for s in segments if s]
    parts.append(f'<text x="{PAD}" y="{HEIGHT - 12}" font-size="12">{t0:.0f} s</text>'
                 f'<text x="{WIDTH - PAD}" y="{HEIGHT - 12}" font-size="12" text-anchor="end">{t1:.0f} s</text>'
                 f'<text x="4" y="{y(hi) + 4:.1f}" font-size="12">{hi:.0f}°</text>'
                 f'<text x="4" y="{y(lo):.1f}" font-size="12">{lo:.0f}°</text></svg>')
    return "".join(parts)


def _rows(analysis: Analysis) -> str:
    rows = []
    for rep in analysis.reps:
        cells = [str(rep.number), f"{rep.start:.1f}", f"{rep.turn:.1f}", "-" if rep.end is None else f"{rep.end:.1f}"]
        for index, half in enumerate(rep.halves):
            glide = "-" if half.glide is None else str(half.glide)
            cells.append(f"{html.escape(analysis.half_direction(index))}: {half.duration:.1f} s, glide {glide}")
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return "".join(rows)


def render_report(analysis: Analysis, title: str) -> str:
    """The whole report as one HTML document."""
    summary = analysis.to_dict()
    holds = "".join(f"<li>{h['start']:.1f}-{h['end']:.1f} s ({h['duration']:.1f} s, seen {h['seen_share']:.0%})</li>"
                    for h in summary["holds"])
    cues = "".join(f"<li>{c['t']:.1f} s: {html.escape(c['message'])}</li>" for c in summary["cues"])
    table = (f"<table><caption>Repetitions</caption><tr><th>rep</th><th>start (s)</th><th>turn (s)</th>"
             f"<th>end (s)</th><th>first half</th><th>second half</th></tr>{_rows(analysis)}</table>"
             if analysis.reps else "<p>No repetitions counted.</p>")
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{STYLE}</style></head><body><h1>{html.escape(title)}</h1>"
            f"<p>Exercise: {html.escape(analysis.exercise.name)}. {summary['frames']} frames, "
            f"{summary['duration_s']:.1f} s; person found in {analysis.found_share:.0%} of frames.</p>"
            f"<p>The line is the {html.escape(summary['signal'])}; green bands are repetitions, dashed lines their "
            f"turns, and the numbers above are the glide score of each half (0-100, 50 or more is a glide).</p>"
            f"{_plot(analysis)}{table}"
            + (f"<h2>Holds</h2><ul>{holds}</ul>" if holds else "")
            + (f"<h2>Cues</h2><ul>{cues}</ul>" if cues else "") + "</body></html>")
