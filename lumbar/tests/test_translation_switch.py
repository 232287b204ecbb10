"""The language: chosen from the browser's Accept-Language, changed with the switch on every page."""
import re

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation

pytestmark = pytest.mark.django_db


def _lang(response) -> str:
    return re.search(r'<html[^>]*\blang="([^"]*)"', response.content.decode()).group(1)


def test_the_browser_language_picks_spanish_and_english_stays_the_default():
    assert _lang(Client(HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9").get("/about/")) == "es"
    assert _lang(Client(HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").get("/about/")) == "en"
    assert _lang(Client().get("/about/")) == "en"


def test_the_switch_posts_the_other_language_and_comes_back_to_the_same_page():
    request = RequestFactory().get("/journal/?page=2")
    with translation.override("es"):
        html = render_to_string("_language_switch.html", request=request)
    assert 'action="/i18n/setlang/"' in html and 'method="post"' in html
    assert 'name="next" value="/journal/?page=2"' in html and "csrfmiddlewaretoken" in html
    assert re.search(r'<button[^>]*name="language" value="en" lang="en">English</button>', html)
    assert 'lang="es" aria-current="true">Español</span>' in html and 'aria-label="Idioma"' in html
    assert 'type="submit"' not in html  # a page's own form stays its one "form button[type=submit]"


def test_a_chosen_language_wins_over_the_browser_language():
    browser = Client(HTTP_ACCEPT_LANGUAGE="es")
    response = browser.post("/i18n/setlang/", {"language": "en", "next": "/about/"})
    assert response.status_code == 302 and response.url == "/about/"
    assert _lang(browser.get("/about/")) == "en"
    browser.post("/i18n/setlang/", {"language": "es", "next": "/about/"})
    assert _lang(browser.get("/about/")) == "es"


def test_an_unknown_language_or_a_foreign_next_changes_nothing():
    browser = Client(HTTP_ACCEPT_LANGUAGE="es")
    response = browser.post("/i18n/setlang/", {"language": "xx", "next": "https://elsewhere.example/"})
    assert response.status_code == 302 and response.url == "/"
    assert _lang(browser.get("/about/")) == "es"
