"""End-to-end in headless Chromium, hosted mode: a teacher invites a client; the client signs up, answers the
safety questions, practises and shares her practice log only; the teacher sees the log and not the journal;
the client withdraws and the teacher sees nothing; a stranger teacher sees nothing at any time."""
import subprocess
import sys

import pytest

from lumbar.e2e import answer_safety_questions, start_app, stop_app, under_csp, watch_for_errors

PASSWORD = "a quiet morning stretch"
NOTE = "Stiff after the long drive on Sunday"
STATE = "document.body.dataset.playerState"
STEP = "document.getElementById('player').dataset.stepIndex"


@pytest.fixture(scope="module")
def hosted_app(tmp_path_factory):
    data = tmp_path_factory.mktemp("hosted-app")
    app, drop = start_app(data, mode="hosted")
    secret = data / "password.txt"
    secret.write_text(PASSWORD + "\n")
    for username, extra in (("tess", []), ("sam", ["--add-teacher"])):
        subprocess.run([sys.executable, "-m", "lumbar", "manage", "create_site", "--username", username,
                        "--email", f"{username}@example.org", "--password-file", str(secret), *extra],
                       env=app.env, check=True, capture_output=True, timeout=120)
    yield app
    stop_app(app, drop)


@pytest.fixture
def person(browser, hosted_app):
    """A fresh browser per person (each has their own cookies), all watched for errors."""
    opened = []

    def open_as(width=1280):
        context = browser.new_context(base_url=hosted_app.url, viewport={"width": width, "height": 800})
        page = under_csp(context.new_page())
        opened.append((context, watch_for_errors(page, hosted_app.url)))
        return page

    yield open_as
    for context, errors in opened:
        context.close()
        assert not errors, errors


def sign_in(page, username, password=PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


def play_glide_and_rest(page):
    page.goto("/")
    page.get_by_role("link", name="Start the session").click()
    if page.get_by_text("Is kneeling comfortable for you?").count():
        page.get_by_label("Yes, I can kneel").check()
        page.get_by_role("button", name="Continue").click()
    page.wait_for_function(f"{STATE} === 'ready'", timeout=60_000)
    page.get_by_role("button", name="Start the session").click()
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '0'", timeout=60_000)
    page.get_by_role("button", name="Only fingers fit under").click()
    page.locator("#floor-next").click()
    page.wait_for_function(f"{STEP} === '1'")
    page.locator("#pain-options button[data-value='5']").click()
    page.locator("#pain-next").click()
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '3'", timeout=60_000)
    page.get_by_role("button", name="Hardly any space").click()
    page.locator("#floor-next").click()
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '6'", timeout=60_000)
    page.locator("#pain-options button[data-value='3']").click()
    page.locator("#pain-next").click()
    page.wait_for_function(f"{STATE} === 'saved'", timeout=60_000)


def test_a_client_shares_her_practice_log_only_and_can_take_it_back(person):
    tess, clara, sam = person(), person(width=360), person()
    sign_in(tess, "tess")
    tess.goto("/accounts/invitations/")
    tess.get_by_label("Their name").fill("Clara")
    tess.get_by_role("button", name="Make a link").click()
    link = tess.locator("#new-link").input_value()
    assert "/accounts/invite/" in link

    clara.goto(link)
    clara.get_by_label("User name").fill("clara")
    clara.locator("#id_password1").fill("my back and I are friends")
    clara.locator("#id_password2").fill("my back and I are friends")
    clara.get_by_role("button", name="Make my account").click()
    clara.wait_for_url("**/")
    answer_safety_questions(clara)
    play_glide_and_rest(clara)
    clara.goto("/journal/new/")
    clara.get_by_label("Notes").fill(NOTE)
    clara.locator("form button[type=submit]").last.click()
    clara.wait_for_load_state()

    clara.goto("/clients/sharing/")
    clara.get_by_label("Practice log", exact=False).check()
    clara.get_by_role("button", name="Save what I share").click()
    assert clara.get_by_text("tess now sees only what is ticked").is_visible()

    sign_in(sam, "sam")
    tess.goto("/clients/")
    tess.get_by_role("link", name="clara").click()
    client_url = tess.url
    assert tess.get_by_role("heading", name="Practice log").is_visible()
    assert "Glide and rest" in tess.locator("#practice").inner_text()
    assert NOTE not in tess.content() and not tess.locator("#journal").count()
    assert sam.goto(client_url).status == 404
    assert "clara" not in (sam.goto("/clients/") and sam.locator("main").inner_text())

    clara.goto("/clients/sharing/")
    clara.get_by_label("Practice log", exact=False).uncheck()
    clara.get_by_role("button", name="Save what I share").click()
    tess.goto(client_url)
    assert not tess.locator("#practice").count() and NOTE not in tess.content()
    assert "Glide and rest" not in tess.locator("main").inner_text()
    assert sam.goto(client_url).status == 404
