"""The content (poses, sequences, lessons) in Spanish: every string a person reads or hears has a translation,
the compiled catalogue matches the .po, the words are faithful (numbers kept, no code word translated, no
claim the evidence does not support) and the pages show them."""
import re

import polib
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from lumbar.content.library import pose_data, poses
from lumbar.content.loader import load_content, read_sequences
from lumbar.content.management.commands.content_messages import (
    CODE_FIELDS, TEXT_FIELDS, catalogue_path, compiled, content_files, content_strings, missing_translations,
)
from lumbar.content.text import translated

PO = polib.pofile(str(catalogue_path("es")))
TRANSLATED = compiled(PO)
STRINGS = content_strings()

# Spanish for the words claims.py bars in English (release, unstick, cure, realign, detox, lengthen fascia,
# break up adhesions).
SPANISH_CLAIMS = re.compile(
    r"\b(liber\w*|desbloque\w*|despeg\w*|cur(a|as|an|ar|ará|ado|ada|ación|aciones|e|en)|realine\w*"
    r"|desintoxic\w*|alarg\w* (la )?fascia|romp\w* (las )?adherencias)\b",
    re.IGNORECASE,
)


def _where(item) -> str:
    return ", ".join(f"{path}:{line}" for path, line in item.places)


def test_every_content_string_has_a_spanish_translation():
    missing = missing_translations(PO, STRINGS)
    assert not missing, ("no Spanish for these content strings; run `lumbar manage content_messages` and fill "
                         "lumbar/content/locale/es/LC_MESSAGES/django.po:\n"
                         + "\n".join(f"  {_where(item)}: {item.text}" for item in missing))


def test_the_content_files_have_been_read_poses_sequences_and_lessons():
    files = {str(path.parent.name) for path in content_files()}
    assert {"poses", "sequences"} <= files
    assert len(STRINGS) > 900


def test_the_compiled_catalogue_matches_the_po():
    mo = polib.mofile(str(catalogue_path("es", "mo")))
    assert compiled(mo) == TRANSLATED, "the .mo is stale: run `lumbar manage content_messages`"


def test_the_check_mode_passes_on_the_committed_catalogue():
    call_command("content_messages", "--check", "--language", "es")


def test_a_field_that_is_neither_text_nor_code_stops_the_extractor_naming_file_and_line(tmp_path):
    odd = tmp_path / "odd.yaml"
    odd.write_text("slug: odd\nname: Odd pose\nmystery: Some words\n", encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        content_strings([odd])
    assert raised.value.returncode == 2
    assert "odd.yaml:3" in str(raised.value) and "'mystery'" in str(raised.value)


def test_a_bad_language_code_is_refused_with_exit_status_2():
    with pytest.raises(CommandError) as raised:
        call_command("content_messages", "--check", "--language", "../es")
    assert raised.value.returncode == 2 and "'../es'" in str(raised.value)


def _shown_strings(value, key=None):
    """The strings under text fields in loaded content, as the app passes them to gettext."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _shown_strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _shown_strings(item, key)
    elif isinstance(value, str) and key in TEXT_FIELDS and value:
        yield value


def _lessons():
    try:
        from lumbar.course.lessons import lessons
    except ImportError:  # the course app is not there
        return []
    return list(lessons())


def test_every_string_the_app_shows_is_in_the_catalogue_exactly_as_loaded():
    shown = [(slug, text) for slug in poses() for text in _shown_strings(pose_data(slug))]
    shown += [(sequence.slug, text) for sequence in read_sequences()
              for text in _shown_strings(sequence.model_dump(mode="json"))]
    shown += [(lesson.slug, text) for lesson in _lessons() for text in [lesson.title, *lesson.paragraphs]]
    missing = [f"  {where}: {text}" for where, text in shown if text not in TRANSLATED]
    assert not missing, "shown but not in the Spanish catalogue as loaded:\n" + "\n".join(missing)


def _code_values(value, key=None, where=""):
    """Every (place, value) under a code field, for comparing before and after translation."""
    if isinstance(value, dict):
        return [found for name, item in value.items() for found in _code_values(item, name, f"{where}.{name}")]
    if isinstance(value, list):
        return [found for n, item in enumerate(value) for found in _code_values(item, key, f"{where}[{n}]")]
    return [(where, value)] if key in CODE_FIELDS else []


def test_translating_a_whole_pose_or_sequence_never_changes_its_slugs_or_enums():
    # the pose page translates the whole pose dict (lumbar.content.views.pose_detail), and some slugs are
    # also spoken words (the sphinx pose, the figure keyframe "sphinx")
    assert {"sphinx", "tree"} <= set(TRANSLATED)
    loaded = [pose_data(slug) for slug in poses()] + [s.model_dump(mode="json") for s in read_sequences()]
    with translation.override("es"):
        for data in loaded:
            assert _code_values(translated(data)) == _code_values(data), data["slug"]
            assert translated(data)["slug"] == data["slug"]


def test_the_spanish_keeps_every_number_of_the_english():
    changed = []
    for msgid, msgstr in TRANSLATED.items():
        if sorted(re.findall(r"\d+", msgid)) != sorted(re.findall(r"\d+", msgstr)):
            changed.append(f"  {msgid}\n    -> {msgstr}")
    assert not changed, "numbers differ:\n" + "\n".join(changed)


def test_the_spanish_claims_nothing_the_evidence_does_not_support():
    found = [f"  {match.group(0)!r} in: {msgstr}" for msgstr in TRANSLATED.values()
             if (match := SPANISH_CLAIMS.search(msgstr))]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("text,barred", [
    ("Libera la tensión de la fascia.", "Libera"), ("Esto cura el dolor de espalda.", "cura"),
    ("Realinea tu columna.", "Realinea"), ("Descansa en su curva natural.", None),
    ("Curar no es la meta.", "Curar"),
])
def test_the_spanish_claim_words_are_caught_and_nothing_else(text, barred):
    match = SPANISH_CLAIMS.search(text)
    assert (match.group(0) if match else None) == barred


@pytest.mark.django_db
def test_a_pose_page_in_spanish_shows_the_spanish_steps(client):
    load_content()
    english = client.get("/poses/pelvic-tilt/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    spanish = client.get("/poses/pelvic-tilt/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    data = pose_data("pelvic-tilt")
    assert data["steps"][0] in english
    for text in [data["name"], *data["steps"], *data["cues"], data["breath"], data["easier"][0]["name"],
                 data["cautions"][0]["text"], *data["stop_if"]]:
        assert TRANSLATED[text] in spanish, TRANSLATED[text]
        assert text not in spanish, text
    assert "Túmbate boca arriba con las rodillas dobladas" in spanish


def test_translated_gives_spanish_inside_an_active_spanish_language_and_english_outside():
    step = pose_data("pelvic-tilt")["steps"][0]
    with translation.override("es"):
        assert translated(step) == TRANSLATED[step]
    with translation.override("en"):
        assert translated(step) == step


def test_the_lessons_read_in_spanish():
    lessons = _lessons()
    if not lessons:
        pytest.skip("no course lessons")
    with translation.override("es"):
        for lesson in lessons:
            shown = lesson.shown()
            assert shown["title"] == TRANSLATED[lesson.title]
            assert shown["paragraphs"] == [TRANSLATED[p] for p in lesson.paragraphs]


def test_the_app_uses_these_translations_no_other_catalogue_overrides_them():
    # LOCALE_PATHS (lumbar/locale) and apps listed earlier win over this app's catalogue for the same msgid
    from django.utils.translation import gettext

    with translation.override("es"):
        overridden = [f"  {msgid!r}: {gettext(msgid)!r} instead of {msgstr!r}"
                      for msgid, msgstr in TRANSLATED.items() if gettext(msgid) != msgstr]
    assert not overridden, "another catalogue translates these content strings differently:\n" + "\n".join(overridden)


def test_the_spanish_course_reads_easily():
    # Fernández-Huerta, Flesch's reading ease for Spanish: 70-80 is about a 6th-grade level, higher is easier
    import textstat

    lessons = _lessons()
    if not lessons:
        pytest.skip("no course lessons")
    textstat.set_lang("es")
    try:
        for lesson in lessons:
            text = " ".join(TRANSLATED[p] for p in lesson.paragraphs)
            assert textstat.fernandez_huerta(text) >= 70, lesson.slug
    finally:
        textstat.set_lang("en_US")
