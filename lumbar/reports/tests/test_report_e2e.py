"""End-to-end in headless Chromium: a person previews their clinician report, then downloads the PDF, whose text
(read with pypdf) holds their figures and the same sentence the page showed; at phone and laptop width."""
import io

import pytest
from pypdf import PdfReader

from lumbar.e2e import serious_accessibility_violations

SEED = """
from lumbar.accounts.middleware import local_user
from lumbar.journal.tests.world import entry, session
me = local_user()
for days_ago, pain in [(40, 7), (38, 7), (36, 6), (8, 4), (5, 3), (2, 3)]:
    entry(me, days_ago=days_ago, pain=pain, notes="report e2e note")
session(me, days_ago=3, before=5, after=3)
"""


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """An app of its own, so the seeded history does not reach other tests."""
    from lumbar.e2e import start_app, stop_app

    app, drop = start_app(tmp_path_factory.mktemp("report-app"))
    app.query(SEED)
    yield app
    stop_app(app, drop)


@pytest.mark.parametrize("width", [360, 1280])
def test_a_person_previews_and_downloads_their_report(browser, seeded, tmp_path, width):
    from lumbar.e2e import under_csp

    running_app = seeded
    context = browser.new_context(base_url=running_app.url, viewport={"width": width, "height": 800},
                                  accept_downloads=True)
    page = under_csp(context.new_page())
    page.goto("/report/?days=60")
    sentence = page.locator(".report-measure p").first.inner_text()
    assert "Your average pain" in sentence
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert serious_accessibility_violations(page) == []
    page.get_by_label("Include my own notes from the journal").check()
    page.get_by_role("button", name="Show the report").click()
    page.wait_for_url("**/report/?days=60&notes=1")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    path = tmp_path / "report.pdf"
    download.value.save_as(path)
    assert "Done: the file is in your downloads." in page.get_by_role("status").last.inner_text()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert " ".join(sentence.split()) in text
    assert "1 session (1 finished)" in text and "report e2e note" in text
    context.close()
