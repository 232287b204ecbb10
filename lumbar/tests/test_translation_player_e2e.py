"""The session player in Spanish, in headless Chromium: nothing shown or spoken is English.

A browser whose language is Spanish, on an app of its own (a fresh person, nothing left by other tests), answers
the safety questions and plays "Glide and rest" from start to summary (time scaled, see lumbar/e2e.py),
answering each check-in with the keyboard. The browser's speech is replaced by a recorder with one Spanish voice,
so every line the coach speaks is kept; the visible text of the page is read at every change of step and state.
Both must hold no English message of the catalogues and no common English word (the checks of
test_translation_pages.py), and the coach must speak with the Spanish voice.
"""
import time

import pytest
from django.conf import settings

from lumbar.e2e import start_app, stop_app, under_csp, watch_for_errors
from lumbar.tests.test_translation_pages import LANGUAGE, english_in, english_sentences

STATE = "document.body.dataset.playerState"
STEP = "(document.getElementById('player') || {dataset: {}}).dataset.stepIndex"
# One Spanish voice that "speaks" every line at once and remembers it.
RECORDED_SPEECH = """
    window.__spoken = [];
    const voice = {name: "Prueba", lang: "es-ES", localService: true, voiceURI: "prueba-es", default: true};
    const synth = {
      speaking: false, pending: false, paused: false,
      getVoices: () => [voice],
      speak(utterance) {
        window.__spoken.push({text: utterance.text, lang: utterance.lang || ""});
        setTimeout(() => utterance.onend && utterance.onend({}), 10);
      },
      cancel() {}, pause() {}, resume() {}, addEventListener() {}, removeEventListener() {},
    };
    Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ""; } };
"""
OTHER_LANGUAGE_NAMES = {name for code, name in settings.LANGUAGES if code != LANGUAGE}


def _visible_lines(page) -> list[str]:
    text = page.locator("body").inner_text()
    return [line.strip() for line in text.splitlines() if line.strip() and line.strip() not in OTHER_LANGUAGE_NAMES]


@pytest.fixture(scope="module")
def spanish_app(tmp_path_factory):
    app, drop = start_app(tmp_path_factory.mktemp("e2e-spanish"))
    yield app
    stop_app(app, drop)


def _answer_no_to_every_safety_question(page):
    page.goto("/safety/screening/1/")
    while "/safety/screening/" in page.url:
        assert page.locator("html").get_attribute("lang") == LANGUAGE
        for question in page.locator("fieldset.question").all():
            question.get_by_label("No", exact=True).check()
        page.locator("main form:not(.language-switch) button[type=submit]").click()
        page.wait_for_load_state()


def test_the_player_shows_and_speaks_only_spanish(browser, spanish_app):
    context = browser.new_context(base_url=spanish_app.url, locale="es-ES", viewport={"width": 390, "height": 844})
    spanish = under_csp(context.new_page())
    errors = watch_for_errors(spanish, spanish_app.url)
    spanish.add_init_script(RECORDED_SPEECH)
    _answer_no_to_every_safety_question(spanish)
    spanish.goto("/session/glide-and-rest/")
    if "/play/" not in spanish.url:  # the kneeling question, asked once
        assert spanish.locator("html").get_attribute("lang") == LANGUAGE
        shown = {line: "kneeling question" for line in _visible_lines(spanish)}
        spanish.locator("input[type=radio]").first.check()
        spanish.locator("main form:not(.language-switch) button[type=submit]").first.click()
        spanish.wait_for_url("**/play/")
    else:
        shown = {}
    spanish.wait_for_function(f"{STATE} === 'ready'", timeout=60_000)
    assert spanish.locator("html").get_attribute("lang") == LANGUAGE

    seen, deadline = None, time.monotonic() + 180
    while time.monotonic() < deadline:
        state, step = spanish.evaluate(f"[{STATE}, {STEP}]")
        if (state, step) != seen:
            seen = (state, step)
            for line in _visible_lines(spanish):
                shown.setdefault(line, f"{state} at step {step}")
            if state == "ready":
                spanish.keyboard.press("Enter")
            elif state == "input":
                spanish.keyboard.press("2")  # a middle answer to every check-in and rating
                spanish.keyboard.press("Enter")
                seen = None  # look again: the same step may ask once more
            elif state == "saved":
                break
        spanish.wait_for_timeout(100)
    assert seen == ("saved", step), f"the session did not reach its summary in time (stopped at {seen})"
    for line in _visible_lines(spanish):
        shown.setdefault(line, "summary")
    spoken = spanish.evaluate("window.__spoken")
    context.close()

    assert len(spoken) > 20, f"only {len(spoken)} lines were spoken"
    not_spanish_voice = sorted({line["lang"] for line in spoken if not line["lang"].startswith(LANGUAGE)})
    assert not not_spanish_voice, f"lines spoken with a voice for {not_spanish_voice}"
    sentences = english_sentences()
    found = [f"shown ({shown[line]}): {problem}" for line in sorted(shown) for problem in english_in([line], sentences)]
    found += [f"spoken: {problem}" for problem in english_in(list(dict.fromkeys(line["text"] for line in spoken)),
                                                            sentences)]
    assert not found, f"{len(found)} English texts in the Spanish player:\n" + "\n".join(found)
    assert not errors, errors
