"""The clinician report: what it holds for a period, the PDF's text, the command and the page's refusals."""
import io
import stat
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from lumbar import cli
from lumbar.journal.actions import add_entry, record_weekly_checkin, save_activities
from lumbar.programmes.tests.web import play_and_save, set_up
from lumbar.safety.actions import record_flare, record_screening
from lumbar.safety.screening import IDS

pytestmark = pytest.mark.django_db
NOTE = "Stairs at work were easier today"


def _entry(user, days_ago, pain, notes=""):
    add_entry(user, {"recorded_at": timezone.now() - timedelta(days=days_ago), "pain": pain, "regions": ["low-back"],
                     "feelings": [], "triggers": [], "trigger_notes": "", "medication": "", "notes": notes})


@pytest.fixture
def clara(client_user, content):
    record_screening(client_user, {qid: False for qid in IDS})
    for days_ago in range(20, 13, -1):
        _entry(client_user, days_ago, 6)
    for days_ago in range(6, -1, -1):
        _entry(client_user, days_ago, 3, NOTE if days_ago == 1 else "")
    _entry(client_user, 200, 9, "long ago")  # outside a 90-day report
    walking, _garden = save_activities(client_user, ["walking", "gardening"])
    record_weekly_checkin(client_user, {"typical_pain": 5, "spoiled_enjoyment": 4, "everyday_tasks": 3}, {walking: 6})
    set_up(client_user)
    browser = Client()
    browser.force_login(client_user)
    assert play_and_save(browser, ratings={"pelvic-tilt": "hurt"}).status_code == 201
    record_flare(client_user, "bad night")
    return client_user


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_pdf_holds_the_figures_and_sentences_the_person_sees_and_is_tagged(clara):
    from lumbar.reports.content import build
    from lumbar.reports.pdf import render_pdf

    report = build(clara, 90)
    pdf = render_pdf(report)
    reader = PdfReader(io.BytesIO(pdf))
    assert "/StructTreeRoot" in reader.trailer["/Root"] and reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    assert len(reader.pages) <= 2
    text = _text(pdf)
    assert "1 session (1 finished)" in text
    assert "Pelvic tilt: rated “it hurt” once" in text
    pain_sentence = report.measures[0].sentence  # the progress page's own sentence and threshold
    assert "Your average pain" in pain_sentence and " ".join(pain_sentence.split()) in text
    assert "Reported a flare." in text
    assert "The safety questions are due again" in text  # after the flare
    assert NOTE not in text and "long ago" not in text  # notes only when chosen; nothing before the period
    with_notes = _text(render_pdf(build(clara, 90, include_notes=True)))
    assert NOTE in with_notes and "long ago" not in with_notes
    assert "long ago" in _text(render_pdf(build(clara, 365, include_notes=True)))


def test_lumbar_report_writes_a_private_pdf_and_refuses_bad_arguments(clara, tmp_path, capsys):
    path = tmp_path / "clara.pdf"
    assert cli.main(["report", str(path), "--user", "clara", "--days", "30"]) == 0
    assert "over the last 30 days" in capsys.readouterr().out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and "Lumbar practice report" in _text(path.read_bytes())
    for args, problem in [(["--days", "0"], "days must be a whole number from 1 to 3660"),
                          (["--days", "ten"], "days must be a whole number"),
                          (["--user", "nobody"], "There is no person named nobody here."),
                          ([], None)]:
        target = tmp_path / "x.pdf" if args else tmp_path / "missing" / "x.pdf"
        assert cli.main(["report", str(target), *args] + ([] if "--user" in args or not args else ["--user", "clara"])) == 2
        error = capsys.readouterr().err
        assert error.startswith("lumbar: report: ") and (problem is None or problem in error), error
        assert not target.exists()


def test_the_page_previews_the_report_and_downloads_it_and_refuses_bad_choices(clara):
    browser = Client()
    browser.force_login(clara)
    page = browser.get("/report/?days=30")
    assert page.status_code == 200 and "the last 30 days" in page.content.decode()
    download = browser.get("/report/report.pdf?days=30&notes=1")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert NOTE in _text(download.content)
    for query, problem in [("days=-3", "days must be a whole number"), ("days=99999", "from 1 to 3660"),
                           ("days=%C2%B2", "days must be a whole number"), ("days=" + "9" * 5000, "from 1 to 3660"),
                           ("notes=yes", "notes must be 1")]:
        for url in ("/report/", "/report/report.pdf"):
            response = browser.get(f"{url}?{query}")
            assert response.status_code == 400 and problem in response.content.decode()
