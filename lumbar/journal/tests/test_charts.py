"""The chart renderer: valid, accessible SVG, and a table that says the same thing."""
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta

import pytest

from lumbar.journal.charts import Series, TimeChart, format_value, render_svg, render_table, table_rows

SVG = "{http://www.w3.org/2000/svg}"
START = date(2026, 3, 2)


def chart(**changes):
    values = dict(
        title="Pain over time", summary="Your average pain went from 6 to 4 over 4 weeks: a meaningful improvement.",
        value_caption="Pain: 0 = no pain, 10 = worst",
        series=(Series("Journal", tuple((START + timedelta(days=i), 6 - i / 10) for i in range(28))),
                Series("Before a session", ((START, 7), (START + timedelta(days=7), 5)), marker="square", joined=False),
                Series("After a session", ((START, 5.5),), marker="triangle", joined=False)),
        marked_days=(START, START + timedelta(days=7)), marked_name="Session day")
    values.update(changes)
    return TimeChart(**values)


def parse(svg: str):
    return ET.fromstring(svg)


def test_the_chart_is_valid_accessible_svg():
    root = parse(render_svg(chart()))
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.get("aria-label") == "Your average pain went from 6 to 4 over 4 weeks: a meaningful improvement."
    assert root.find(f"{SVG}title").text == "Pain over time"
    assert root.find(f"{SVG}desc").text.startswith("Your average pain")
    assert root.get("viewBox").startswith("0 0 720 ")


def test_series_differ_by_shape_and_line_not_only_colour():
    root = parse(render_svg(chart()))
    assert len(root.findall(f"{SVG}polyline")) == 1  # only the joined series has a line
    assert len(root.findall(f"{SVG}circle")) == 28 + 1  # 28 points + legend
    assert len(root.findall(f"{SVG}rect")) >= 2 + 1 + 2  # squares, legend square, session bands
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for name in ("Journal", "Before a session", "After a session", "Session day", "Pain: 0 = no pain, 10 = worst"):
        assert name in texts


def test_the_axes_have_readable_labels():
    texts = [t.text for t in parse(render_svg(chart())).iter(f"{SVG}text")]
    assert {"0", "2", "4", "6", "8", "10"} <= set(texts)
    assert "2 Mar" in texts and sum(1 for t in texts if t and t.endswith(("Mar", "Apr"))) <= 6


def test_a_custom_day_label_is_used():
    texts = [t.text for t in parse(render_svg(chart(), day_label=lambda d: d.isoformat())).iter(f"{SVG}text")]
    assert "2026-03-02" in texts


@pytest.mark.parametrize("series", [
    (Series("Journal", ()),), (Series("Journal", ((START, 4),)),),
    (Series("Journal", ((datetime(2026, 3, 2, 8), 4), (datetime(2026, 3, 2, 20), 6))),),
    (Series("Journal", ((START, 0), (START + timedelta(days=900), 10))),),
])
def test_empty_single_and_odd_ranges_still_draw_valid_svg(series):
    root = parse(render_svg(chart(series=series, marked_days=())))
    assert root.get("role") == "img"


def test_an_empty_chart_says_so():
    texts = [t.text for t in parse(render_svg(chart(series=(Series("J", ()),), marked_days=(),
                                                    empty_text="Nothing yet"))).iter(f"{SVG}text")]
    assert "Nothing yet" in texts


def test_text_is_escaped():
    svg = render_svg(chart(title="<script>", summary='a "quote" & <b>',
                           series=(Series("Gardening <&>", ((START, 3), (START + timedelta(days=7), 5))),)))
    root = parse(svg)
    assert "<script>" not in svg and root.find(f"{SVG}title").text == "<script>"
    assert root.get("aria-label") == 'a "quote" & <b>'
    table = render_table(chart(series=(Series("Gardening <&>", ((START, 3),)),)))
    assert "Gardening &lt;&amp;&gt;" in table


def test_the_table_has_one_row_per_day_with_every_series():
    rows = table_rows(chart())
    assert len(rows) == 28
    assert rows[0] == (START, ["6", "7", "5.5"], True)
    assert rows[1] == (START + timedelta(days=1), ["5.9", "", ""], False)
    assert rows[7][2] is True and rows[7][1][1] == "5"


def test_the_table_is_a_real_table_with_headers_and_caption():
    html = render_table(chart(), date_header="Date", marked_yes="Yes", day_label=lambda d: d.isoformat())
    root = ET.fromstring(html)
    assert root.tag == "table" and root.find("caption").text == "Pain over time"
    headers = [th.text for th in root.find("thead").iter("th")]
    assert headers == ["Date", "Journal", "Before a session", "After a session", "Session day"]
    assert all(th.get("scope") == "col" for th in root.find("thead").iter("th"))
    first = root.find("tbody").find("tr")
    assert [c.text for c in first] == ["2026-03-02", "6", "7", "5.5", "Yes"]
    assert first[0].tag == "th" and first[0].get("scope") == "row"
    assert [c.text for c in root.find("tbody")[1]] == ["2026-03-03", "5.9", "–", "–", None]


def test_several_values_on_one_day_are_all_listed():
    series = (Series("Journal", ((datetime(2026, 3, 2, 20), 6), (datetime(2026, 3, 2, 8), 4))),)
    assert table_rows(chart(series=series, marked_days=())) == [(START, ["4, 6"], False)]


@pytest.mark.parametrize("value,text", [(4, "4"), (4.0, "4"), (4.25, "4.3"), (4.04, "4"), (0, "0"), (9.96, "10")])
def test_values_are_shown_to_one_decimal(value, text):
    assert format_value(value) == text
