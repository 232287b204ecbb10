"""Draws progress charts as SVG strings, with a data table that says the same thing.

One renderer for the progress page and, later, PDF reports. Pure Python, no Django: callers pass every
word (already translated) and may pass a function that writes a date the way their reader expects.

Accessibility: the SVG is `role="img"` with a `<title>`, a `<desc>` and an `aria-label` that is the
chart's one-sentence summary; series differ by marker shape and line style as well as colour; marked
days (session days) are shaded bands with a triangle under the axis, named in the legend; and
`render_table` gives the same numbers as a real table.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from html import escape

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
COLOURS = ["#1c6b70", "#9a3412", "#5b21b6", "#374151"]
INK, MUTED, GRID, BAND, MARK = "#14181f", "#3d4654", "#d5d8de", "#e3f1f1", "#1c6b70"
FONT = 16
WIDTH, PLOT_HEIGHT = 720, 240
LEFT, RIGHT, TOP = 52, 24, 44
TICK_STEPS_DAYS = [1, 2, 3, 7, 14, 28, 56, 91, 182, 364, 728]
MAX_X_TICKS = 6


def english_day(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


@dataclass(frozen=True)
class Series:
    """One line of values over time; `marker` is circle, square, triangle or diamond."""

    name: str
    points: tuple  # (date or datetime, value) pairs
    marker: str = "circle"
    joined: bool = True
    dashed: bool = False


@dataclass(frozen=True)
class TimeChart:
    title: str
    summary: str  # one sentence in words: the aria-label and <desc>
    series: tuple
    value_caption: str  # what the numbers mean, e.g. "Pain: 0 = no pain, 10 = worst"
    marked_days: tuple = ()  # dates to shade (session days)
    marked_name: str = ""  # what a shaded day is, for the legend and the table
    y_min: float = 0
    y_max: float = 10
    empty_text: str = "No data yet"
    plot_height: int = PLOT_HEIGHT


def _day_of(moment) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _position(moment) -> float:
    """Days as a number: a date sits at its noon, a datetime at its time of day."""
    if isinstance(moment, datetime):
        seconds = moment.hour * 3600 + moment.minute * 60 + moment.second
        return moment.toordinal() + seconds / 86400
    return moment.toordinal() + 0.5


def format_value(value: float) -> str:
    rounded = math.floor(value * 10 + 0.5) / 10
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def _f(number: float) -> str:
    return f"{number:.1f}".rstrip("0").rstrip(".")


def _marker(shape: str, x: float, y: float, colour: str, size: float = 6.5) -> str:
    common = f'fill="{colour}" stroke="#ffffff" stroke-width="1.5"'
    if shape == "square":
        return f'<rect x="{_f(x - size)}" y="{_f(y - size)}" width="{_f(2 * size)}" height="{_f(2 * size)}" {common}/>'
    if shape == "triangle":
        s = size * 1.25
        return f'<path d="M{_f(x)} {_f(y - s)}L{_f(x + s)} {_f(y + s * 0.8)}L{_f(x - s)} {_f(y + s * 0.8)}Z" {common}/>'
    if shape == "diamond":
        s = size * 1.3
        return f'<path d="M{_f(x)} {_f(y - s)}L{_f(x + s)} {_f(y)}L{_f(x)} {_f(y + s)}L{_f(x - s)} {_f(y)}Z" {common}/>'
    return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(size)}" {common}/>'


def _x_range(chart: TimeChart) -> tuple[float, float]:
    positions = [_position(moment) for series in chart.series for moment, _ in series.points]
    positions += [_position(day) for day in chart.marked_days]
    low, high = min(positions), max(positions)
    if high - low < 1:
        return low - 3, high + 3
    pad = max(0.6, (high - low) * 0.04)
    return low - pad, high + pad


def _x_ticks(low: float, high: float, first_day: int) -> list[date]:
    """Days to label: the first day with data, then every `step` days, at most MAX_X_TICKS of them."""
    step = next((s for s in TICK_STEPS_DAYS if (high - low) / s <= MAX_X_TICKS), TICK_STEPS_DAYS[-1])
    return [date.fromordinal(ordinal) for ordinal in range(first_day, math.floor(high - 0.5) + 1, step)]


def _legend(chart: TimeChart, top: float) -> tuple[list[str], float]:
    """Legend items laid out in rows; returns the markup and the height used."""
    items = [("series", index, series.name) for index, series in enumerate(chart.series)]
    if chart.marked_days and chart.marked_name:
        items.append(("marked", None, chart.marked_name))
    if len(items) == 1:  # one line, nothing marked: the chart's title already names it
        return [], 0
    parts, x, y, row_height = [], LEFT, top + FONT, 28
    for kind, index, name in items:
        width = 46 + len(name) * FONT * 0.55
        if x > LEFT and x + width > WIDTH - RIGHT:
            x, y = LEFT, y + row_height
        if kind == "series":
            series, colour = chart.series[index], COLOURS[index % len(COLOURS)]
            if series.joined:
                dash = ' stroke-dasharray="8 5"' if series.dashed else ""
                parts.append(f'<line x1="{_f(x)}" y1="{_f(y - 5)}" x2="{_f(x + 34)}" y2="{_f(y - 5)}" '
                             f'stroke="{colour}" stroke-width="3"{dash}/>')
            parts.append(_marker(series.marker, x + 17, y - 5, colour))
        else:
            parts.append(f'<rect x="{_f(x + 4)}" y="{_f(y - 17)}" width="26" height="22" fill="{BAND}" stroke="{GRID}"/>')
            parts.append(f'<path d="M{_f(x + 17)} {_f(y - 9)}l7 10h-14z" fill="{MARK}"/>')
        parts.append(f'<text x="{_f(x + 42)}" y="{_f(y)}">{escape(name)}</text>')
        x += width + 18
    return parts, (y - top) + 12 if items else 0


def render_svg(chart: TimeChart, day_label=english_day) -> str:
    """The chart as a standalone SVG string (scales to its container's width)."""
    plot_height = chart.plot_height
    bottom = TOP + plot_height
    y_span = (chart.y_max - chart.y_min) or 1

    def y_of(value: float) -> float:
        return bottom - (min(max(value, chart.y_min), chart.y_max) - chart.y_min) / y_span * plot_height

    body = [f'<text x="{LEFT - 40}" y="{TOP - 20}" fill="{MUTED}">{escape(chart.value_caption)}</text>']
    for tick in range(math.ceil(chart.y_min), math.floor(chart.y_max) + 1, 2):
        y = y_of(tick)
        body.append(f'<line x1="{LEFT}" y1="{_f(y)}" x2="{WIDTH - RIGHT}" y2="{_f(y)}" stroke="{GRID}"/>')
        body.append(f'<text x="{LEFT - 10}" y="{_f(y + 5)}" text-anchor="end">{tick}</text>')

    has_points = any(series.points for series in chart.series)
    if not has_points:
        body.append(f'<text x="{WIDTH / 2}" y="{bottom - plot_height / 2}" text-anchor="middle" '
                    f'fill="{MUTED}">{escape(chart.empty_text)}</text>')
        legend, legend_height = [], 0
    else:
        low, high = _x_range(chart)
        plot_width = WIDTH - RIGHT - LEFT

        def x_of(position: float) -> float:
            return LEFT + (position - low) / (high - low) * plot_width

        bands = []
        for day in sorted(set(chart.marked_days)):
            left, right = max(x_of(day.toordinal()), LEFT), min(x_of(day.toordinal() + 1), WIDTH - RIGHT)
            middle = x_of(day.toordinal() + 0.5)
            bands.append(f'<rect x="{_f(left)}" y="{TOP}" width="{_f(max(right - left, 3))}" '
                         f'height="{plot_height}" fill="{BAND}"/>')
            bands.append(f'<path d="M{_f(middle)} {bottom + 3}l6 9h-12z" fill="{MARK}"/>')
        body[1:1] = bands
        first_day = math.floor(min(_position(moment) for series in chart.series for moment, _ in series.points))
        for day in _x_ticks(low, high, first_day):
            x = x_of(day.toordinal() + 0.5)
            body.append(f'<line x1="{_f(x)}" y1="{bottom}" x2="{_f(x)}" y2="{bottom + 6}" stroke="{MUTED}"/>')
            body.append(f'<text x="{_f(x)}" y="{bottom + 32}" text-anchor="middle">{escape(day_label(day))}</text>')
        for index, series in enumerate(chart.series):
            colour = COLOURS[index % len(COLOURS)]
            points = sorted((_position(moment), value) for moment, value in series.points)
            coordinates = [(x_of(position), y_of(value)) for position, value in points]
            if series.joined and len(coordinates) > 1:
                dash = ' stroke-dasharray="8 5"' if series.dashed else ""
                path = " ".join(f"{_f(x)},{_f(y)}" for x, y in coordinates)
                body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3" '
                            f'stroke-linejoin="round"{dash}/>')
            body.extend(_marker(series.marker, x, y, colour) for x, y in coordinates)
        legend, legend_height = _legend(chart, bottom + 46)

    body.append(f'<line x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}" stroke="{MUTED}" stroke-width="1.5"/>')
    height = bottom + 46 + legend_height + 8
    summary = escape(chart.summary)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {_f(height)}" '
        f'role="img" aria-label="{summary}" font-family="system-ui, \'DejaVu Sans\', sans-serif" '
        f'font-size="{FONT}" fill="{INK}">'
        f"<title>{escape(chart.title)}</title><desc>{summary}</desc>"
        + "".join(body) + "".join(legend) + "</svg>"
    )


def table_rows(chart: TimeChart) -> list[tuple[date, list[str], bool]]:
    """One row per day: the values of each series on that day (joined by commas), and whether it is marked."""
    by_day: dict[date, list[list[float]]] = {}
    for index, series in enumerate(chart.series):
        for moment, value in sorted(series.points, key=lambda point: _position(point[0])):
            by_day.setdefault(_day_of(moment), [[] for _ in chart.series])[index].append(value)
    marked = set(chart.marked_days)
    for day in marked:
        by_day.setdefault(day, [[] for _ in chart.series])
    return [(day, [", ".join(format_value(v) for v in values) for values in by_day[day]], day in marked)
            for day in sorted(by_day)]


def render_table(chart: TimeChart, *, date_header: str = "Date", marked_yes: str = "Yes", missing: str = "–",
                 day_label=english_day) -> str:
    """The chart's numbers as an HTML table with a caption, for screen readers, print and PDF."""
    headers = [date_header] + [series.name for series in chart.series]
    if chart.marked_days and chart.marked_name:
        headers.append(chart.marked_name)
    head = "".join(f'<th scope="col">{escape(header)}</th>' for header in headers)
    rows = []
    for day, values, is_marked in table_rows(chart):
        cells = [f'<th scope="row">{escape(day_label(day))}</th>']
        cells += [f"<td>{escape(value or missing)}</td>" for value in values]
        if chart.marked_days and chart.marked_name:
            cells.append(f"<td>{escape(marked_yes if is_marked else '')}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<table class="chart-table"><caption>{escape(chart.title)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
