"""Exactly once: the same Idempotency-Key gets the first answer back and writes nothing more."""
import json
import threading

import pytest
from django.db import connection
from django.http import JsonResponse
from django.test import Client
from django.urls import path
from django.utils import timezone

from lumbar.journal.models import JournalEntry
from lumbar.offline.idempotency import idempotent
from lumbar.offline.models import SavedReply


@idempotent
def add_note(request):
    """A write of the kind the player retries: one journal entry per request, or a refusal."""
    data = json.loads(request.body)
    if data.get("pain") == "boom":
        raise RuntimeError("the write failed half-way")
    if not isinstance(data.get("pain"), int):
        return JsonResponse({"error": "pain must be a number"}, status=400)
    entry = JournalEntry.objects.create(user=request.user, recorded_at=timezone.now(), pain=data["pain"])
    return JsonResponse({"saved": entry.pk}, status=201)


urlpatterns = [path("note/", add_note)]
KEY = "a1b2c3d4e5f6g7h8-retry"


def _post(browser, body, key=KEY):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return browser.post("/note/", data=json.dumps(body), content_type="application/json", **headers)


@pytest.fixture
def browser(client_user):
    browser = Client(raise_request_exception=False)
    browser.force_login(client_user)
    return browser


pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls(__name__)]


def test_a_retry_gets_the_first_answer_and_saves_nothing_twice(browser, client_user):
    first = _post(browser, {"pain": 4})
    again = _post(browser, {"pain": 4})
    assert first.status_code == again.status_code == 201
    assert json.loads(again.content) == json.loads(first.content) and again["Idempotent-Replayed"] == "true"
    assert JournalEntry.objects.filter(user=client_user).count() == 1
    assert _post(browser, {"pain": 4}, key="another-key-0000001").status_code == 201  # a new write, a new key
    assert _post(browser, {"pain": 4}, key=None).status_code == 201  # no key: as before
    assert JournalEntry.objects.filter(user=client_user).count() == 3


def test_a_refusal_is_kept_too_and_a_failure_leaves_nothing_so_the_retry_writes(browser, client_user):
    assert _post(browser, {"pain": "x"}).status_code == 400
    assert _post(browser, {"pain": "x"}).status_code == 400
    assert _post(browser, {"pain": "boom"}, key="will-fail-then-work-1").status_code == 500
    assert not SavedReply.objects.filter(key="will-fail-then-work-1").exists()
    assert JournalEntry.objects.filter(user=client_user).count() == 0


def test_the_same_key_for_another_request_and_a_bad_key_are_refused_naming_the_problem(browser, client_user):
    _post(browser, {"pain": 4})
    other = _post(browser, {"pain": 5})
    assert other.status_code == 422 and "already used for a different request" in json.loads(other.content)["error"]
    bad = _post(browser, {"pain": 5}, key="short")
    assert bad.status_code == 400 and "Idempotency-Key header must be 16 to 100" in json.loads(bad.content)["error"]
    assert JournalEntry.objects.filter(user=client_user).count() == 1


def test_keys_are_per_person(browser, client_user, stranger):
    _post(browser, {"pain": 4})
    other = Client()
    other.force_login(stranger)
    assert _post(other, {"pain": 4}).status_code == 201 and JournalEntry.objects.count() == 2


def test_two_copies_sent_at_the_same_moment_write_once(client_user):
    """Real concurrency needs a server database: on PostgreSQL the second copy waits on the key, then replays."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database is not shared between threads")
    answers = []

    def send():
        browser = Client()
        browser.force_login(client_user)
        answers.append(_post(browser, {"pain": 6}).status_code)
        connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [201, 201]
    assert JournalEntry.objects.filter(user=client_user).count() == 1
