"""`lumbar manage content_messages`: the content catalogue (poses, sequences, lessons) for each language.

Content text lives in YAML files and is translated when shown (lumbar.content.text.translated), so Django's
makemessages cannot see it. This command walks the content files, collects every string a person reads or
hears, and writes lumbar/content/locale/<language>/LC_MESSAGES/django.po: strings already translated keep
their translation, new ones come in empty, and strings no longer in any file are kept as obsolete (#~) so a
reworded line can reuse them. Then it compiles the .mo beside it (pure Python, polib).

Which fields are text is decided by the field's name: TEXT_FIELDS are read or heard, CODE_FIELDS are slugs,
enums and ids (lumbar.content.text, which leaves them untranslated); numbers are not text. A string under any other name stops the command (exit status 2) naming the file,
line and field, so a new field is classified on purpose rather than silently left out.

With --check it writes nothing and exits 1 when a string is missing from the catalogue or has no translation,
or the .mo does not match the .po (line numbers in the .po may lag behind the files; that is not an error).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polib
import yaml
from django.core.management.base import BaseCommand, CommandError

from lumbar.content.text import CODE_FIELDS  # machine words: never translated

CONTENT = Path(__file__).resolve().parents[2]
ROOT = CONTENT.parents[1]
LOCALE = CONTENT / "locale"
SOURCES = (CONTENT / "data" / "poses", CONTENT / "data" / "sequences", ROOT / "lumbar" / "course" / "lessons")

# Read or heard by a person: translated.
TEXT_FIELDS = {
    "name", "direction_note", "purpose", "steps", "cues", "breath", "text", "stop_if", "say",  # poses
    "title", "summary", "intro",  # sequences
    "paragraphs", "body", "lead", "points", "heading", "spoken", "short", "question", "answer",  # lessons
}
STR_TAG = "tag:yaml.org,2002:str"
SHOWN = 20  # untranslated strings listed before the count


class UnknownField(Exception):
    """A string under a field name that is in neither TEXT_FIELDS nor CODE_FIELDS."""


@dataclass
class Found:
    """One content string and every place it appears (path relative to the repository, line from 1)."""
    text: str
    places: list[tuple[str, int]] = field(default_factory=list)


def content_files() -> list[Path]:
    return [path for source in SOURCES if source.is_dir() for path in sorted(source.glob("*.yaml"))]


def _walk(node, key: str | None, where: str, out: list[tuple[str, int]]):
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            _walk(value, str(key_node.value), where, out)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _walk(item, key, where, out)
    elif isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG:
        if key in TEXT_FIELDS:
            text = node.value.strip()  # the schema strips text the same way
            if text:
                out.append((text, node.start_mark.line + 1))
        elif key not in CODE_FIELDS:
            raise UnknownField(f"{where}:{node.start_mark.line + 1}: field {key!r} holds text but is in neither "
                               "TEXT_FIELDS (translated) nor CODE_FIELDS (not translated) of content_messages.py")


def content_strings(files: list[Path] | None = None) -> list[Found]:
    """Every string a person reads or hears in the content files, in file order, each once."""
    found: dict[str, Found] = {}
    for path in content_files() if files is None else files:
        where = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
        try:
            document = yaml.compose(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{where}: cannot be read as YAML: {error}", returncode=2) from None
        strings: list[tuple[str, int]] = []
        try:
            _walk(document, None, where, strings)
        except UnknownField as error:
            raise CommandError(str(error), returncode=2) from None
        for text, line in strings:
            found.setdefault(text, Found(text)).places.append((where, line))
    return list(found.values())


def catalogue_path(language: str, suffix: str = "po") -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"django.{suffix}"


def updated_catalogue(language: str, strings: list[Found]) -> polib.POFile:
    """The language's catalogue for these strings, keeping every translation it already has."""
    path = catalogue_path(language)
    old = polib.pofile(str(path), wrapwidth=0) if path.exists() else None
    known = {entry.msgid: entry for entry in old} if old is not None else {}
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = dict(old.metadata) if old is not None else {
        "Project-Id-Version": "lumbar content",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for item in strings:
        before = known.pop(item.text, None)
        catalogue.append(polib.POEntry(
            msgid=item.text, msgstr=before.msgstr if before else "",
            occurrences=list(item.places),
            flags=list(before.flags) if before else [],
        ))
    for gone in known.values():
        if gone.msgstr:
            gone.obsolete = True
            gone.occurrences = []
            catalogue.append(gone)
    return catalogue


def missing_translations(catalogue: polib.POFile, strings: list[Found]) -> list[Found]:
    """The strings with no usable translation (absent, empty, or marked fuzzy)."""
    usable = {entry.msgid for entry in catalogue if entry.msgstr.strip() and not entry.obsolete
              and "fuzzy" not in entry.flags}
    return [item for item in strings if item.text not in usable]


def compiled(catalogue: polib.POFile) -> dict[str, str]:
    """What a compiled catalogue should hold: msgid to msgstr for each usable translation."""
    return {entry.msgid: entry.msgstr for entry in catalogue.translated_entries() if entry.msgid}


def _active(catalogue: polib.POFile) -> dict[str, str]:
    """The catalogue's strings and translations, without line numbers (which move as files are edited)."""
    return {entry.msgid: entry.msgstr for entry in catalogue if entry.msgid and not entry.obsolete}


class Command(BaseCommand):
    help = ("Collect the text of the pose, sequence and lesson files into lumbar/content/locale/<language>/"
            "LC_MESSAGES/django.po (keeping translations) and compile the .mo.")

    def add_arguments(self, parser):
        parser.add_argument("--language", "-l", action="append", dest="languages",
                            help="language code (repeatable); default: every folder under lumbar/content/locale")
        parser.add_argument("--check", action="store_true",
                            help="write nothing; exit 1 if a catalogue is out of date or a string is untranslated")

    def handle(self, *args, languages=None, check=False, **options):
        existing = sorted(p.name for p in LOCALE.iterdir() if p.is_dir()) if LOCALE.is_dir() else []
        languages = languages or existing
        if not languages:
            raise CommandError("no language given and none under lumbar/content/locale; use --language es",
                               returncode=2)
        for language in languages:
            if not language.replace("_", "").isalpha():
                raise CommandError(f"--language {language!r} is not a language code such as es or pt_BR",
                                   returncode=2)
        strings = content_strings()
        problems = 0
        for language in languages:
            catalogue = updated_catalogue(language, strings)
            missing = missing_translations(catalogue, strings)
            for item in missing[:SHOWN]:
                where, line = item.places[0]
                self.stderr.write(f"{language}: untranslated ({where}:{line}): {item.text}")
            if len(missing) > SHOWN:
                self.stderr.write(f"{language}: ... and {len(missing) - SHOWN} more untranslated")
            if check:
                path = catalogue_path(language)
                current = polib.pofile(str(path), wrapwidth=0) if path.exists() else polib.POFile()
                mo = catalogue_path(language, "mo")
                stale = (_active(current) != _active(catalogue) or not mo.exists()
                         or compiled(polib.mofile(str(mo))) != compiled(current))
                if stale:
                    self.stderr.write(f"{language}: {path.relative_to(ROOT)} or its .mo is out of date; "
                                      "run `lumbar manage content_messages` without --check")
                problems += len(missing) + stale
            else:
                path = catalogue_path(language)
                path.parent.mkdir(parents=True, exist_ok=True)
                catalogue.save(str(path))
                catalogue.save_as_mofile(str(catalogue_path(language, "mo")))
            self.stdout.write(f"{language}: {len(strings)} strings, {len(strings) - len(missing)} translated, "
                              f"{len(missing)} untranslated")
        if check and problems:
            raise CommandError("the content catalogue needs work (see above)", returncode=1)
