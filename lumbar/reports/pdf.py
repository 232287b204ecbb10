"""The report as a tagged PDF (PDF/UA, so screen readers can follow it), made with WeasyPrint."""
from __future__ import annotations

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def render_pdf(report) -> bytes:
    from weasyprint import CSS, HTML  # needs Pango; imported only when a report is made

    html = render_to_string("reports/document.html", {"report": report})  # the charts' SVG carries its own style
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=finders.find("reports/report.css"))],
                                       pdf_variant="pdf/ua-1")
