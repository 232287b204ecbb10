"""The course's lessons: well-formed files, honest words, about a 6th-grade reading level."""
import textstat
import yaml

from lumbar.content.claims import unsupported_claim
from lumbar.course.lessons import FLARE, LESSONS_DIR, WALKING, LessonFileError, _read, lessons

GRADE_LIMIT = 6.0  # Flesch-Kincaid grade of each lesson's whole text; the mean must stay lower still
MEAN_LIMIT = 5.0
TOPICS = ("how-back-pain-works", "good-outlook", "staying-active", WALKING, FLARE, "sleeping-positions",
          "floor-and-bed", "sitting-and-breaks", "fear-of-moving")


def _text(lesson) -> str:
    return " ".join(lesson.paragraphs)


def test_eight_to_ten_lessons_in_order_covering_every_topic():
    slugs = [lesson.slug for lesson in lessons()]
    assert 8 <= len(slugs) <= 10 and set(TOPICS) <= set(slugs)
    assert [lesson.number for lesson in lessons()] == list(range(1, len(slugs) + 1))


def test_each_lesson_takes_two_to_three_minutes():
    for lesson in lessons():
        words = len(_text(lesson).split())
        assert 2 <= lesson.minutes <= 3, lesson.slug
        assert 280 <= words <= 460, (lesson.slug, words)
        assert words / 200 <= lesson.minutes + 0.5, (lesson.slug, words)  # read at about 150-200 words a minute


def test_every_lesson_reads_at_about_a_sixth_grade_level():
    grades = {lesson.slug: textstat.flesch_kincaid_grade(_text(lesson)) for lesson in lessons()}
    ease = {lesson.slug: textstat.flesch_reading_ease(_text(lesson)) for lesson in lessons()}
    for slug, grade in grades.items():
        print(f"{slug:22} Flesch-Kincaid grade {grade:4.1f}  reading ease {ease[slug]:5.1f}")
    mean = sum(grades.values()) / len(grades)
    print(f"mean grade {mean:.1f}; limit {GRADE_LIMIT} per lesson, {MEAN_LIMIT} mean")
    assert max(grades.values()) <= GRADE_LIMIT and mean <= MEAN_LIMIT


def test_no_lesson_claims_what_evidence_does_not_support():
    for lesson in lessons():
        for text in (lesson.title, *lesson.paragraphs):
            assert unsupported_claim(text) is None, (lesson.slug, text)
            assert "fascia" not in text.lower() or "no study" in text.lower(), (lesson.slug, text)


def test_the_flare_lesson_covers_ease_heat_movement_and_when_to_get_help():
    text = _text(next(lesson for lesson in lessons() if lesson.slug == FLARE)).lower()
    for needed in ("position of ease", "warm", "gentle", "urgent help", "bladder", "both legs"):
        assert needed in text, needed


def test_a_broken_lesson_file_is_named_with_its_problem(tmp_path):
    path = tmp_path / "01-broken.yaml"
    path.write_text(yaml.safe_dump({"slug": "broken", "title": "T", "minutes": 2}))
    try:
        _read(path, 1)
    except LessonFileError as error:
        assert "01-broken.yaml" in str(error) and "paragraphs" in str(error)
    else:
        raise AssertionError("a file without paragraphs was read")


def test_the_files_are_read_once():
    assert lessons() is lessons()
    assert len(list(LESSONS_DIR.glob("*.yaml"))) == len(lessons())


def test_every_lesson_is_in_the_spanish_content_catalogue():
    from django.utils import translation

    with translation.override("es"):
        untranslated = [(lesson.slug, text[:40]) for lesson in lessons() for text in (lesson.title, *lesson.paragraphs)
                        if translation.gettext(text) == text]
    assert not untranslated, untranslated
