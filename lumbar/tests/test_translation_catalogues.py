"""The translation catalogues: every string translated, placeholders and markup kept, .mo files current.

The catalogues in lumbar/locale (templates, Python, page scripts; made by scripts/messages.py) and the content
catalogue in lumbar/content/locale are checked for every language but English. The compiled .mo files are
committed, so a fresh machine needs no gettext tools; the test reads both files with polib and fails when a .mo
file does not say exactly what its .po file says (run `scripts/messages.py --compile`).
"""
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings

LUMBAR = Path(__file__).resolve().parent.parent
CATALOGUES = sorted([*LUMBAR.glob("locale/*/LC_MESSAGES/*.po"), *LUMBAR.glob("content/locale/*/LC_MESSAGES/*.po")])
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# %(name)s, %s, %d, %% and {name}: what the code fills in; tags: the markup around words.
PLACEHOLDER = re.compile(r"%%|%\([A-Za-z_][A-Za-z0-9_]*\)[sdrf]|%[sdrf]|\{[A-Za-z_][A-Za-z0-9_]*\}")
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")


def _name(path: Path) -> str:
    return str(path.relative_to(LUMBAR.parent))


def _live(catalogue):
    return [entry for entry in catalogue if not entry.obsolete]


def _translations(entry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def _marks(text: str) -> tuple[list[str], list[str]]:
    return sorted(PLACEHOLDER.findall(text)), sorted(TAG.findall(text))


def test_every_language_has_its_catalogues():
    for code in LANGUAGES:
        for domain in ("django", "djangojs"):
            path = LUMBAR / "locale" / code / "LC_MESSAGES" / f"{domain}.po"
            assert path.exists(), f"{_name(path)} is missing: run scripts/messages.py"


@pytest.mark.parametrize("path", CATALOGUES, ids=_name)
def test_every_message_is_translated_with_the_same_placeholders(path):
    catalogue = polib.pofile(str(path))
    problems = []
    for entry in _live(catalogue):
        where = f"{entry.msgctxt + ' | ' if entry.msgctxt else ''}{entry.msgid[:70]!r}"
        translations = _translations(entry)
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy (a guess, not a translation): {where}")
        if not all(text.strip() for text in translations):
            problems.append(f"not translated: {where}")
            continue
        for number, text in enumerate(translations):
            source = entry.msgid if number == 0 or not entry.msgid_plural else entry.msgid_plural
            want, got = _marks(source), _marks(text)
            # A singular form may say "one" in words ("1 minuto") where English says "%(n)s minute".
            singular_in_words = entry.msgid_plural and number == 0 and not got[0]
            if got[0] != want[0] and not singular_in_words:
                problems.append(f"placeholders {got[0]} instead of {want[0]}: {where}")
            if got[1] != want[1]:
                problems.append(f"markup {got[1]} instead of {want[1]}: {where}")
    assert not problems, f"{_name(path)}: {len(problems)} problems\n" + "\n".join(problems)


@pytest.mark.parametrize("path", CATALOGUES, ids=_name)
def test_the_compiled_catalogue_says_what_the_po_file_says(path):
    compiled = path.with_suffix(".mo")
    assert compiled.exists(), f"{_name(compiled)} is missing: run scripts/messages.py --compile"
    def messages(catalogue):
        return {(entry.msgctxt, entry.msgid): tuple(_translations(entry)) for entry in catalogue
                if entry.msgid and not entry.obsolete and "fuzzy" not in entry.flags and all(_translations(entry))}
    written, read = messages(polib.pofile(str(path))), messages(polib.mofile(str(compiled)))
    stale = sorted(f"{key[1][:60]!r}" for key in written.keys() ^ read.keys()) + sorted(
        f"{key[1][:60]!r}" for key in written.keys() & read.keys() if written[key] != read[key])
    assert not stale, f"{_name(compiled)} is out of date ({len(stale)} messages differ): run " \
                      f"scripts/messages.py --compile\n" + "\n".join(stale[:20])


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext's xgettext is not installed "
                    "(apt-get install gettext); it finds the strings in the code")
def test_every_string_in_the_code_is_in_the_catalogues(tmp_path, monkeypatch):
    """makemessages over the code into a scratch folder: every msgid it finds must be in lumbar/locale."""
    import sys

    sys.path.insert(0, str(LUMBAR.parent / "scripts"))
    try:
        import messages
    finally:
        sys.path.remove(str(LUMBAR.parent / "scripts"))
    scratch = tmp_path / "lumbar"
    shutil.copytree(LUMBAR, scratch, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "vendor", "node_modules"))
    monkeypatch.setattr(settings, "LOCALE_PATHS", [scratch / "locale"])
    monkeypatch.setattr(messages, "PACKAGE", scratch)
    messages.extract()
    missing = []
    for code in LANGUAGES:
        for domain in ("django", "djangojs"):
            committed = polib.pofile(str(LUMBAR / "locale" / code / "LC_MESSAGES" / f"{domain}.po"))
            known = {(entry.msgctxt, entry.msgid) for entry in _live(committed)}
            fresh = polib.pofile(str(scratch / "locale" / code / "LC_MESSAGES" / f"{domain}.po"))
            missing += [f"{code}/{domain}: {entry.msgid[:70]!r}" for entry in _live(fresh)
                        if (entry.msgctxt, entry.msgid) not in known]
    assert not missing, f"{len(missing)} strings in the code are not in the catalogues: run scripts/messages.py " \
                        "and translate them\n" + "\n".join(missing)
