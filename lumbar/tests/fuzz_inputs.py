"""Hostile inputs for the fuzz test (test_fuzz.py): text for fields and query strings, JSON documents, and
the names of the fields a rendered page's forms post.

Everything is drawn from a seeded random generator so a failure can be reproduced from its seed.
"""
from __future__ import annotations

import json
import random
import re
from html.parser import HTMLParser

HUGE = str(10 ** 30)
HOSTILE_TEXT = [
    "²", "٣", "𝟙𝟚", HUGE, "-1", "", " ", "0", "a\x00b", "\x00", "x" * 10_000, "9" * 5000, "32768", "2147483648",
    "1e309", "NaN", "-0", "1.5", "<script>alert(1)</script>", "../../etc/passwd", "2026-02-30", "9999-12-31",
    "0000-00-00", "25:61", "http://", "javascript:alert(1)", "\u202e", "%", "'; DROP TABLE x; --",
]
# every field of a person's own forms gets these on its own (NUL: PostgreSQL refuses it in text)
CORE_TEXT = ["a\x00b", "²", HUGE, "x" * 10_000]
# what replaces a number inside a field's own value ("up-3" -> "up-²"), to reach code that parses it
NUMBER_SWAPS = ["²", "٣", HUGE, "9" * 5000, "-1"]
QUERY_NAMES = ["page", "deleted", "check", "keep", "code", "state", "next", "q", "position", "load"]
RAW_QUERIES = ["page=%FF%FE", "page=%00", "page=%C0%AF", "%=%", "&&&=&", "page=1&page=²&page=" + HUGE,
               "page=" + "%41" * 3000]

# JSON: tokens written in place of a value (raw text, so 1e309, NaN and Infinity arrive as a browser could send)
JSON_TOKENS = ["null", "true", "false", '"²"', '"a\\u0000b"', '"\\ud800"', HUGE, "-1", "1e309", "-1e309", "NaN", "Infinity", "[]", "{}",
               '"' + "x" * 10_000 + '"', "32768", "2147483648", "9223372036854775808", "1.5", '"1"', "0",
               "9" * 5000, '[[[[[[[[[[1]]]]]]]]]]']
INTEGER_EDGES = ["32768", "65536", "2147483648", "9223372036854775808", HUGE, "-1", "-32769"]
RAW_BODIES = [b"", b"null", b"[]", b"{}", b"\xff\xfe\x00", b'{"a": "\xff"}', b"[" * 100_000 + b"]" * 100_000,
              b"{" * 50_000, b'{"a": ' * 20_000 + b"1" + b"}" * 20_000, b"1e309", b"NaN", HUGE.encode(),
              b"9" * 5000, b"x" * 300_000, b'"\\ud800"']


def _hole_paths(value, path=()):
    """Every key path (tuples of keys and list indexes) in a document, leaves and containers alike."""
    if path:
        yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _hole_paths(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _hole_paths(child, path + (index,))


def _with_token(document, path, token: str) -> str:
    """The document as JSON text with the value at `path` replaced by the raw token."""
    marker = "\u0007HOLE\u0007"
    copy = json.loads(json.dumps(document))
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = marker
    return json.dumps(copy).replace(json.dumps(marker), token)


def _value_at(document, path):
    for key in path:
        document = document[key]
    return document


def hostile_json(example: dict, rng: random.Random, per_path: int | None = 4) -> list[bytes]:
    """Bodies made from a valid example: a wrong value at every key path (per_path of JSON_TOKENS each, or all
    of them when per_path is None, and every token somewhere; a whole number always gets the numbers past
    each database integer size), a duplicated key at the top and inside, an unknown key, plus RAW_BODIES."""
    bodies = list(RAW_BODIES)
    paths = list(_hole_paths(example))
    tokens = list(JSON_TOKENS)
    for number, path in enumerate(paths):
        chosen = tokens if per_path is None else rng.sample(tokens, per_path) + [tokens[number % len(tokens)]]
        value = _value_at(example, path)
        if isinstance(value, int) and not isinstance(value, bool):
            chosen = list(dict.fromkeys(chosen + INTEGER_EDGES))
        bodies += [_with_token(example, path, token).encode() for token in chosen]
    text = json.dumps(example)
    first_key = next(iter(example))
    bodies.append(("{" + json.dumps(first_key) + ": null, " + text[1:]).encode())  # duplicated key, first null
    bodies.append((text[:-1] + ", " + json.dumps(first_key) + ": " + json.dumps(example[first_key]) + "}").encode())
    bodies.append((text[:-1] + ', "unexpected": 1}').encode())
    bodies.append(text.encode("utf-16"))
    bodies.append(text.encode()[: len(text) // 2])
    return bodies


def swapped_numbers(value: str) -> list[str]:
    """A field's own value with its number replaced by each of NUMBER_SWAPS ("remove-2" -> "remove-²")."""
    if not re.search(r"\d", value):
        return [value + "²"] if value else []
    return [re.sub(r"\d+", swap, value, count=1) for swap in NUMBER_SWAPS]


class FormFields(HTMLParser):
    """Collects the fields of a page's forms: forms[i] = {"method", "action", "fields": {name: [values]},
    "files": {name}}; each value list starts with the value the page would post as it is."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action"),
                               "fields": {}, "files": set()})
            return
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind == "file":
                self.forms[-1]["files"].add(name)
                return
            values = fields.setdefault(name, [])
            value = attrs.get("value") or ("on" if kind in ("checkbox", "radio") else "")
            if "checked" in attrs or value not in values:
                values.insert(0, value) if "checked" in attrs else values.append(value)
        elif tag in ("textarea",) and name:
            fields.setdefault(name, [""])
        elif tag == "button" and name and attrs.get("value") is not None:
            fields.setdefault(name, []).append(attrs["value"])
        elif tag == "select" and name:
            self._select = name
            fields.setdefault(name, [])
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            values = fields[self._select]
            if "selected" in attrs:
                values.insert(0, value)
            elif value not in values:
                values.append(value)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def page_forms(html: str) -> list[dict]:
    parser = FormFields()
    try:
        parser.feed(html)
    except Exception:  # a page the parser cannot follow just gives fewer fields
        pass
    return parser.forms
