"""The short course: one YAML file per lesson in lessons/ (slug, title, minutes, paragraphs), read once.

Lessons are content, like poses: their text is shown through lumbar.content.text.translated(), so the
content catalogue translates them. The file names' number prefixes give the order.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from lumbar.content.text import translated

LESSONS_DIR = Path(__file__).resolve().parent / "lessons"
FIELDS = {"slug", "title", "minutes", "paragraphs"}
FLARE = "flare-plan"
WALKING = "pacing-and-walking"


class LessonFileError(ValueError):
    """A lesson file is not as described above; str() names the file and the problem."""


@dataclass(frozen=True)
class Lesson:
    number: int
    slug: str
    title: str
    minutes: int
    paragraphs: tuple[str, ...]

    def shown(self) -> dict:
        """The lesson as a page shows it, in the language of the request."""
        return {"number": self.number, "slug": self.slug, "minutes": self.minutes,
                "title": translated(self.title), "paragraphs": translated(list(self.paragraphs))}


def _read(path: Path, number: int) -> Lesson:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != FIELDS:
        raise LessonFileError(f"{path.name}: needs exactly the fields {sorted(FIELDS)}")
    if not path.stem.endswith(data["slug"]):
        raise LessonFileError(f"{path.name}: the slug {data['slug']!r} is not the file's name")
    paragraphs = data["paragraphs"]
    if not (isinstance(paragraphs, list) and paragraphs and all(isinstance(p, str) and p.strip() for p in paragraphs)):
        raise LessonFileError(f"{path.name}: paragraphs must be a list of text")
    if not isinstance(data["minutes"], int) or not isinstance(data["title"], str):
        raise LessonFileError(f"{path.name}: minutes must be a whole number and title text")
    return Lesson(number, data["slug"], data["title"].strip(), data["minutes"],
                  tuple(" ".join(p.split()) for p in paragraphs))


@cache
def lessons() -> tuple[Lesson, ...]:
    """Every lesson in course order."""
    found = tuple(_read(path, number) for number, path in enumerate(sorted(LESSONS_DIR.glob("*.yaml")), 1))
    slugs = [lesson.slug for lesson in found]
    if len(set(slugs)) != len(slugs):
        raise LessonFileError("two lesson files have the same slug")
    return found


def lesson(slug: str) -> Lesson | None:
    return next((item for item in lessons() if item.slug == slug), None)


def lesson_number(number: int) -> Lesson | None:
    """The lesson at this place in the course (1 = the first), or None past the end."""
    return lessons()[number - 1] if 1 <= number <= len(lessons()) else None
