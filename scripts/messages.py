#!/usr/bin/env python3
"""Refreshes Lumbar's translation catalogues and compiles them.

    .venv/bin/python scripts/messages.py            # extract new strings, then compile
    .venv/bin/python scripts/messages.py --compile  # compile only (after editing a .po file)

Extraction runs Django's makemessages (it needs GNU gettext's xgettext: apt-get install gettext) over lumbar/
for every language in settings.LANGUAGES but English, in two domains: "django" (templates and Python) and
"djangojs" (the page scripts, which call gettext() from lumbar/static/lumbar/i18n.js). Vendored scripts,
node_modules, the virtual environment and tests are left out. Catalogues land in lumbar/locale/LANG/LC_MESSAGES/.
Pose, sequence and lesson text from the YAML content files has its own catalogue (lumbar/content/locale/).

Compiling uses polib (pure Python), so the committed .mo files are the ones the tests check against the .po
files (lumbar/tests/test_translation_catalogues.py) on any machine. New or changed strings come out untranslated
or fuzzy; the untranslated-string test fails until every one has a translation.
"""
import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "lumbar"
LOCALE = PACKAGE / "locale"
DOMAINS = ("django", "djangojs")
IGNORE = ["static/vendor/*", "node_modules/*", ".venv/*", "tests/*", "*/tests/*", "e2e.py", "conftest.py",
          "locale/*", "*/locale/*"]


def _setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lumbar.settings")
    os.environ.setdefault("LUMBAR_SECRET_KEY", "only-extracting-messages")  # no data folder needed
    import django

    django.setup()


def languages() -> list[str]:
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _without_date(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith('"POT-Creation-Date:'))


def extract() -> None:
    """makemessages for each domain; a catalogue whose only change is its creation date is left as it was."""
    from django.core.management import call_command

    before = {path: path.read_text(encoding="utf-8") for path in (PACKAGE / "locale").glob("*/LC_MESSAGES/*.po")}
    here = Path.cwd()
    os.chdir(PACKAGE)  # makemessages walks the current folder; lumbar/locale is the nearest LOCALE_PATHS entry
    try:
        for domain in DOMAINS:
            call_command("makemessages", locale=languages(), domain=domain, ignore_patterns=IGNORE,
                         add_location="file", no_obsolete=True, verbosity=1)
    finally:
        os.chdir(here)
    for path, text in before.items():
        if path.exists() and _without_date(path.read_text(encoding="utf-8")) == _without_date(text):
            path.write_text(text, encoding="utf-8")


def compile_catalogues() -> list[Path]:
    import polib

    written = []
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        catalogue = polib.pofile(str(po_path))
        mo_path = po_path.with_suffix(".mo")
        catalogue.save_as_mofile(str(mo_path))
        written.append(mo_path)
        done = len(catalogue.translated_entries())
        print(f"{po_path.relative_to(ROOT)}: {done} of {len([e for e in catalogue if not e.obsolete])} translated, "
              f"{len(catalogue.fuzzy_entries())} fuzzy -> {mo_path.name}")
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", action="store_true", help="only compile the .po files into .mo files")
    args = parser.parse_args(argv)
    _setup_django()
    if not args.compile:
        extract()
    compile_catalogues()
    return 0


if __name__ == "__main__":
    sys.exit(main())
