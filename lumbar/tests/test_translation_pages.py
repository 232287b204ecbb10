"""Every page in Spanish says nothing in English.

Every URL of the access matrix (lumbar/accounts/tests/test_access_matrix.py) is asked with Accept-Language: es,
as the people who see the most of it: Clara (a client), Tess (her teacher), Ada (who runs the site) and someone
not signed in. From every HTML page that comes back (200) the text a person reads or hears is taken: text nodes
and the title, alt, placeholder and aria-label attributes, leaving out scripts, styles, anything marked as
another language (lang="en": the switch's "English") and what the people themselves typed (names, notes, titles).
That text must hold no English sentence of the catalogues and none of the common English words below.
"""
import re
import zoneinfo
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.test import Client, override_settings
from django.utils import translation

from lumbar.accounts.tests import test_access_matrix

pytestmark = pytest.mark.django_db
MATRIX = test_access_matrix.MATRIX
world = test_access_matrix.world  # the fixture: Clara, her teacher Tess, Sam, Ada and their records
LUMBAR = Path(__file__).resolve().parent.parent
LANGUAGE = "es"
PEOPLE = ("anonymous", "clara", "tess", "ada")
# Short English words that are not Spanish words: one of them in the text is English left untranslated.
ENGLISH_WORDS = frozenset("""
    the and your you with of to is this that for what when how it be not have from about after before please
    next my we our here there they their them which would could should been were was will yes today week
    minutes seconds step steps start stop pain session sessions back save sign into only each every more
""".split())
# What the people typed (the access matrix's world), not Lumbar's words.
TYPED = ("MARKER-CLARA-JOURNAL", "MARKER-CLARA-SEQUENCE", "Floor", "Nina", "clara", "tess", "sam", "ada")
SPOKEN_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label")
SILENT_TAGS = {"script", "style"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class ReadableText(HTMLParser):
    """The text of a page a person reads or hears in the page's language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden from this check)
        self.texts: list[str] = []

    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = (attributes.get("lang") or "").lower()
        hidden = self._hidden() or tag in SILENT_TAGS or bool(lang and not lang.startswith(LANGUAGE))
        if not hidden:
            self.texts += [attributes[name] for name in SPOKEN_ATTRIBUTES if attributes.get(name)]
            if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
                self.texts.append(attributes["value"])
        if tag not in VOID_TAGS:
            self.stack.append((tag, hidden))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self._hidden() and data.strip():
            self.texts.append(data)


def readable_text(html: str) -> list[str]:
    parser = ReadableText()
    parser.feed(html)
    parser.close()
    texts = []
    for text in parser.texts:
        for typed in TYPED:
            text = re.sub(rf"\b{re.escape(typed)}\b", " ", text)
        text = " ".join(text.split())
        if text:
            texts.append(text)
    return texts


def english_sentences() -> set[str]:
    """Every English message Lumbar has a different Spanish text for (catalogues of code and of content)."""
    sentences = set()
    for path in [*LUMBAR.glob(f"locale/{LANGUAGE}/LC_MESSAGES/*.po"),
                 *LUMBAR.glob(f"content/locale/{LANGUAGE}/LC_MESSAGES/*.po")]:
        for entry in polib.pofile(str(path)):
            words = " ".join(entry.msgid.split())
            if entry.msgid and not re.search(r"%|\{\w*\}|<", words) and entry.msgstr.strip() != entry.msgid.strip():
                sentences.add(words)
    return sentences


def english_in(texts: list[str], sentences: set[str]) -> list[str]:
    found, zones = [], zoneinfo.available_timezones()
    for text in texts:
        if text.replace(" ", "_") in zones:  # a time zone's name ("Europe/Isle of Man"), the same in every language
            continue
        if text in sentences:
            found.append(f"an English message: {text!r}")
            continue
        words = sorted({word for word in re.findall(r"[A-Za-z']+", text) if word.lower() in ENGLISH_WORDS})
        if words:
            found.append(f"English words {words}: {text[:100]!r}")
    return found


def test_the_checker_finds_english_and_passes_spanish():
    html = """<html lang="es"><head><title>Hoy · Lumbar</title><script>var the = 1;</script></head><body>
        <p>Tu dolor pasó de 6 a 3.</p><button aria-label="Start the session">▶</button>
        <form><button lang="en">English</button></form><p>Notas de clara: MARKER-CLARA-JOURNAL</p>
        <p>Your pain</p><img alt="Figura"><input type="submit" value="Save"></body></html>"""
    texts = readable_text(html)
    assert "English" not in texts and not any("var" in text for text in texts)
    found = english_in(texts, {"Your pain"})
    assert found == ["English words ['Start', 'session', 'the']: 'Start the session'",
                     "an English message: 'Your pain'", "English words ['Save']: 'Save'"]


@override_settings(MODE="hosted")
def test_every_page_in_spanish_has_no_english(world):
    sentences = english_sentences()
    found, pages = [], 0
    for name, (path, expected) in MATRIX.items():
        url = path.format(**world["ids"])
        for role in PEOPLE:
            browser = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE=LANGUAGE)
            if role != "anonymous":
                browser.force_login(world["people"][role])
            response = browser.get(url)
            if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
                continue
            pages += 1
            html = response.content.decode()
            lang = re.search(r"<html[^>]*\blang=\"([^\"]*)\"", html)
            if not lang or not lang.group(1).startswith(LANGUAGE):
                found.append(f"{role} {url}: <html lang> is {lang.group(1) if lang else None!r}, not {LANGUAGE!r}")
            found += [f"{role} {url}: {problem}" for problem in english_in(readable_text(html), sentences)]
    translation.activate("en")
    assert pages > 100, f"only {pages} pages were checked"
    found = list(dict.fromkeys(found))
    assert not found, f"{len(found)} English texts on Spanish pages:\n" + "\n".join(found)
