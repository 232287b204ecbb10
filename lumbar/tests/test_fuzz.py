"""No input gives a 500: every URL of the site, found from the URL resolver, gets hostile path arguments,
query strings, form posts and (where the view reads JSON) JSON bodies, as a screened client, her teacher,
the admin and a visitor; the coach socket gets hostile messages and stays open.

Each request runs in a savepoint that is rolled back, so every input meets the same world and a post that
deletes or changes something does not hide the pages after it. Every failure is collected and reported
together (URL, input, exception); the inputs come from a seeded generator (SEED) so a failure repeats.
"""
from __future__ import annotations

import itertools
import json
import random
import time
from collections import Counter

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from .fuzz_inputs import CORE_TEXT, HOSTILE_TEXT, QUERY_NAMES, RAW_QUERIES, hostile_json, page_forms, swapped_numbers
from .fuzz_world import JSON_URLS, build_world, routes, urls_for

pytestmark = pytest.mark.django_db
SEED = 20261124
# Fields that views read from request.POST themselves (not through a form a page renders every time).
EXTRA_POST_NAMES = {
    "programmes:sequence-new": ["title", "action", "add-pose", "step-pose", "step-variation", "step-amount",
                                "step-unit"],
    "programmes:sequence-edit": ["title", "action", "add-pose", "step-pose", "step-variation", "step-amount",
                                 "step-unit"],
    "programmes:check-answer": ["response"], "programmes:intake": ["go"], "programmes:intake-screen": ["go"],
    "programmes:done": ["rating-childs-pose", "rating-cat-cow", "rating-pelvic-tilt"],
    "teaching:assign": ["sequence", "action"], "teaching:sharing-change": ["scope", "action"],
    "accounts:person_role": ["role"], "safety:directions": ["direction", "note"], "studio:calendar": ["action"],
    "accounts:login": ["username", "password"],
}
ALL_FIELDS_VALUES = 10  # hostile values put in every field of a person's own form at once (taken in turn)
# What a view reads from request.GET itself (grep request.GET); forms with method="get" are found on the page.
QUERY_READERS = {"journal:timeline": ["page", "deleted"], "accounts:people": ["page"],
                 "programmes:sequence-edit": ["check"], "programmes:intake": ["keep"],
                 "programmes:intake-screen": ["keep"], "accounts:login": ["next"],
                 "accounts:oidc_authentication_callback": ["code", "state"]}
RAW_FORM_BODIES = [("application/x-www-form-urlencoded", b"\xff\xfe=%zz&a=%FF&b=" + b"%00" * 10),
                   ("multipart/form-data", b"--x\r\n"), ("multipart/form-data; boundary=x", b"--x\r\njunk"),
                   ("application/x-www-form-urlencoded", b"a=" + b"x" * 3_000_000)]
# Numbers past the database's integer range in a path (SQLite raised OverflowError on them once).
OUT_OF_RANGE = ("/clients/sharing/1000000000000000000000000000000/", "/clients/sharing/9223372036854775808/")
HOSTILE_FILES = [("²", b""), ("x" * 300 + ".png", b"\x89PNG\r\n\x1a\n"), ("a.png", b"\x00" * 64),
                 ("a.mp4", b"\x00\x00\x00\x18ftypisom" + b"\x00" * 32)]


class Fuzzer:
    """Sends requests as one person, each in a rolled-back savepoint, and keeps every response of 500 or more."""

    def __init__(self, client: Client, rng: random.Random, who: str):
        self.client, self.rng, self.who = client, rng, who
        self.sent: Counter = Counter()
        self.seconds: Counter = Counter()  # by URL, to see where the time goes (printed with -s)
        self.failures: list[str] = []
        self._cycles: dict = {}
        self.cookie = client.cookies.get(django_settings.SESSION_COOKIE_NAME)
        self.cookie = self.cookie.value if self.cookie else None

    def send(self, method: str, url: str, what: str, **options):
        started = time.perf_counter()
        with transaction.atomic():
            response = getattr(self.client, method)(url, **options)
            transaction.set_rollback(True)
        self.seconds[url] += time.perf_counter() - started
        self.sent[self.who] += 1
        if response.status_code >= 500:
            error = getattr(response, "exc_info", None)
            cause = f"{error[0].__name__}: {str(error[1])[:120]}" if error and error[0] else ""
            self.failures.append(f"[{self.who}] {method.upper()} {url} {what[:160]} -> {response.status_code} {cause}")
        if self.cookie and self.client.cookies.get(django_settings.SESSION_COOKIE_NAME, None) is not None \
                and self.client.cookies[django_settings.SESSION_COOKIE_NAME].value != self.cookie:
            self.client.cookies[django_settings.SESSION_COOKIE_NAME] = self.cookie
        return response

    # --- the pieces of one URL's fuzz ---

    def forms_of(self, url: str):
        response = self.send("get", url, "(plain)")
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or "html" not in content_type:
            return set(), {}, set()
        forms = page_forms(response.content.decode(errors="replace"))
        query_names = {name for form in forms if form["method"] == "get" for name in form["fields"]}
        fields, files = {}, set()
        for form in forms:
            if form["method"] == "post" and form["action"] in (None, "", url, "."):
                for name, values in form["fields"].items():
                    fields.setdefault(name, []).extend(v for v in values if v not in fields.get(name, []))
                files |= form["files"]
        fields.pop("csrfmiddlewaretoken", None)
        return query_names, fields, files

    def query_fuzz(self, url: str, names: list[str], values: list, raws: list[str], combos: int):
        for value in values:
            self.send("get", url, f"?all={value!r}", data={name: value for name in names})
        for raw in raws:
            self.send("get", url, f"?{raw}", QUERY_STRING=raw)
        for _ in range(combos):
            data = {name: self.hostile_value() for name in self.rng.sample(names, min(len(names), 3))}
            self.send("get", url, f"?{data!r}", data=data)

    def rotation(self, items: list, count: int) -> list:
        """The next `count` of a shuffled cycle through items, so every one is used across the URLs."""
        key = id(items)
        if key not in self._cycles:
            self._cycles[key] = itertools.cycle(self.rng.sample(items, len(items)))
        return [next(self._cycles[key]) for _ in range(count)]

    def hostile_value(self):
        value = self.rng.choice(HOSTILE_TEXT)
        return [value, self.rng.choice(HOSTILE_TEXT)] if self.rng.random() < 0.2 else value

    def post_fuzz(self, url: str, fields: dict, files: set, values: list[str], per_field: int, combos: int):
        baseline = {name: (known[0] if known else "") for name, known in fields.items()}
        names = list(fields)
        for value in values:  # every field at once
            self.send("post", url, f"all fields={value!r}", data={name: value for name in names})
        for name in names if per_field else ():  # one field at a time, the rest as the page would post them
            tries = (CORE_TEXT if per_field >= 3 else []) + self.rotation(HOSTILE_TEXT, per_field)
            tries.append([self.rotation(HOSTILE_TEXT, 1)[0], "²"])
            for known in fields[name][:6]:  # a list where one value is expected, above; numbers in its values
                tries += swapped_numbers(known)
            for value in tries:
                self.send("post", url, f"{name}={value!r}", data={**baseline, name: value})
        for _ in range(combos):
            data = {**baseline, **{n: self.hostile_value() for n in self.rng.sample(names, min(len(names), 4))}}
            self.send("post", url, f"{data!r}", data=data)
        for name in files:
            for filename, content in HOSTILE_FILES:
                upload = SimpleUploadedFile(filename, content)
                self.send("post", url, f"{name}=file {filename[:20]!r}", data={**baseline, name: upload})
        raw = self.rotation(RAW_FORM_BODIES, 2 if per_field else 1)
        for content_type, body in raw:
            self.send("post", url, f"{content_type} {body[:40]!r}", data=body, content_type=content_type)

    def json_fuzz(self, url: str, example: dict, per_path: int | None = 4):
        for body in hostile_json(example, self.rng, per_path):
            self.send("post", url, f"json {body[:100]!r}", data=body, content_type="application/json")

    def sweep(self, real: dict, *, values: int, per_field: int, combos: int, focus=()):
        """Every URL: its real and hostile path arguments, hostile query strings, hostile posts. A page that
        reads its query string gets every hostile value in it, a form every value in all its fields and
        `per_field` in each field alone; the rest get `values` of them, taken in turn. URLs of the apps in
        `focus` (this person's own pages) get the full fuzz a client's pages get."""
        light = (per_field, combos)
        for name, chain, arg_names in routes():
            per_field, combos = (3, 3) if name.split(":")[0] in focus else light
            goods, hostile = urls_for(name, chain, arg_names, real)
            for url in hostile:
                self.send("get", url, "(hostile path)")
                self.send("post", url, "(hostile path)", data={"note": self.rotation(HOSTILE_TEXT, 1)[0]})
            for url in goods:
                query_names, fields, files = self.forms_of(url)
                for extra in EXTRA_POST_NAMES.get(name, []):
                    fields.setdefault(extra, [])
                reader = query_names or name in QUERY_READERS
                names = sorted(set(QUERY_NAMES) | query_names | set(QUERY_READERS.get(name, ())))
                if reader:
                    self.query_fuzz(url, names, HOSTILE_TEXT, RAW_QUERIES, combos)
                else:
                    self.query_fuzz(url, names, self.rotation(HOSTILE_TEXT, values), self.rotation(RAW_QUERIES, 1), 0)
                if name in JSON_URLS:
                    continue
                if fields:
                    chosen = self.rotation(HOSTILE_TEXT, ALL_FIELDS_VALUES if per_field > 1 else values)
                    self.post_fuzz(url, fields, files, chosen, per_field, combos)
                else:
                    self.post_fuzz(url, {n: [] for n in QUERY_NAMES[:3]}, set(), self.rotation(HOSTILE_TEXT, 2), 0, 0)

    def summary(self) -> str:
        slowest = ", ".join(f"{url[:40]} {seconds:.1f}s" for url, seconds in self.seconds.most_common(8))
        return f"fuzz as {self.who}: {self.sent[self.who]} requests in {sum(self.seconds.values()):.1f}s ({slowest})"

    def assert_no_500(self):
        assert not self.failures, f"{len(self.failures)} responses of 500 or more:\n" + "\n".join(self.failures)


# --- the world -----------------------------------------------------------------------------------------

@pytest.fixture
def world(settings, tmp_path, content, screened, teacher, client_user):
    from lumbar.programmes.tests.web import log_for, plan_of, set_up
    from lumbar.studio.tests.conftest import post_material, tiny_png

    settings.MEDIA_ROOT = tmp_path / "media"

    def material():
        from lumbar.studio.models import Material

        settings.MODE = "hosted"
        uploader = Client()
        uploader.force_login(teacher)
        assert post_material(uploader, "childs-pose", "pose.png", tiny_png()).status_code == 302
        settings.MODE = "local"
        return Material.objects.get(teacher=teacher)

    real = build_world(screened, teacher, client_user, material)
    set_up(screened)
    local = Client()
    plan = plan_of(local)
    saved = local.post(plan["log_url"], data=log_for(plan), content_type="application/json")
    assert saved.status_code == 201, saved.content
    real[("programmes:done", "pk")] = [int(saved.json()["url"].rstrip("/").rsplit("/", 1)[1])]
    real[("programmes:log", "number")] = [2]
    return real


def _client() -> Client:
    return Client(raise_request_exception=False)


def _log_example(client, url) -> dict:
    from lumbar.programmes.tests.web import log_for

    return json.loads(log_for(client.get(url).context["plan"]))


def _local_client(person) -> Client:
    """Local mode signs the person in on each request; signed in once here, the session outlives the savepoints."""
    client = _client()
    client.force_login(person)
    return client


def test_no_url_form_or_query_string_gives_a_500_to_a_screened_client(world, screened):
    fuzzer = Fuzzer(_local_client(screened), random.Random(SEED), "client")
    fuzzer.sweep(world, values=4, per_field=3, combos=3)
    print(fuzzer.summary())
    fuzzer.assert_no_500()
    assert sum(fuzzer.sent.values()) > 2000


def test_no_json_body_gives_a_500(world, screened):
    client = _local_client(screened)
    fuzzer = Fuzzer(client, random.Random(SEED + 1), "client json")
    symptom = {"sequence": "glide-and-rest", "step_index": 2, "pose": "childs-pose", "pain": 5,
               "sharp_or_shooting": False, "spreading_to_leg": False, "urgent_symptoms": False, "pain_at_start": 3}
    fuzzer.json_fuzz("/safety/symptoms/", symptom, per_path=None)
    fuzzer.json_fuzz("/session/glide-and-rest/log/", _log_example(client, "/session/glide-and-rest/play/"))
    fuzzer.json_fuzz("/programme/log/2/", _log_example(client, "/programme/play/"), per_path=1)  # the same parser
    print(fuzzer.summary())
    fuzzer.assert_no_500()


@pytest.mark.parametrize("who", ["teacher", "clara", "admin", "visitor"])
def test_no_input_gives_a_500_to_a_teacher_her_client_the_admin_or_a_visitor(world, settings, teacher,
                                                                              client_user, who):
    from django.contrib.auth import get_user_model

    settings.MODE = "hosted"
    client = _client()
    person = {"teacher": teacher, "clara": client_user, "visitor": None}.get(who)
    if who == "admin":
        person = get_user_model().objects.create_superuser("ada", password="a-long-test-password")
    if person is not None:
        client.force_login(person)
    fuzzer = Fuzzer(client, random.Random(f"{SEED}-{who}"), who)
    focus = {"teacher": {"studio", "teaching", "accounts"}, "clara": {"teaching"}}.get(who, {"accounts"})
    fuzzer.sweep(world, values=1, per_field=0, combos=0, focus=focus)
    print(fuzzer.summary())
    fuzzer.assert_no_500()


def test_a_teacher_number_past_the_database_range_in_the_sharing_address_is_a_404(client_user, teacher):
    client = _client()
    client.force_login(client_user)
    for url in OUT_OF_RANGE:
        assert client.post(url, {"scope": "journal"}).status_code == 404


# --- what the fixed refusals say ----------------------------------------------------------------------

@pytest.fixture
def own_sequence(content, screened):
    from lumbar.programmes.actions import save_sequence

    steps = [{"type": "pose", "pose": "childs-pose", "variation": None, "reps": None, "seconds": 60}]
    return save_sequence(screened, None, "Evening", steps)


def _builder_post(client, sequence, **changes):
    data = {"title": "Evening", "step-pose": "childs-pose", "step-variation": "", "step-amount": "60",
            "step-unit": "seconds", "action": "save", **changes}
    return client.post(f"/programme/sequences/{sequence.pk}/", data)


@pytest.mark.parametrize("changes,expected", [
    ({"action": "up-²"}, "That button is not one of this page"), ({"action": "remove-" + "9" * 5000}, "button"),
    ({"step-amount": "²"}, "seconds must be a whole number from"), ({"step-amount": "9" * 5000}, "whole number"),
    ({"title": "Even\x00ing"}, "cannot contain a NUL character")])
def test_the_builder_names_a_bad_button_amount_or_title_and_keeps_the_saved_sequence(
        own_sequence, screened, changes, expected):
    response = _builder_post(_local_client(screened), own_sequence, **changes)
    assert response.status_code == 400 and expected in response.content.decode()
    own_sequence.refresh_from_db()
    assert own_sequence.title == "Evening" and own_sequence.steps[0]["seconds"] == 60


def test_an_amount_in_other_digits_is_read_as_the_number(own_sequence, screened):
    assert _builder_post(_local_client(screened), own_sequence, **{"step-amount": "٩٠"}).status_code == 302
    own_sequence.refresh_from_db()
    assert own_sequence.steps[0]["seconds"] == 90


def test_a_symptom_report_past_the_step_column_is_refused_and_odd_names_do_not_lose_the_report(content, screened):
    from lumbar.safety.models import SymptomEvent

    client = _local_client(screened)
    report = {"sequence": "glide-and-rest", "step_index": 32768, "pose": "childs-pose", "pain": 5,
              "sharp_or_shooting": False, "spreading_to_leg": False, "urgent_symptoms": False}
    refused = client.post("/safety/symptoms/", report, content_type="application/json")
    assert refused.status_code == 400 and "step_index must be at most 32767" in refused.json()["error"]
    taken = client.post("/safety/symptoms/", {**report, "step_index": 2, "sequence": "glide\x00-and-rest\ud800"},
                        content_type="application/json")
    assert taken.status_code == 201
    assert SymptomEvent.objects.get().sequence_slug == "glide-and-rest"


def test_the_journal_ignores_an_undo_number_it_cannot_read(content, screened):
    client = _local_client(screened)
    for value in ("²", "9" * 5000):
        assert client.get("/journal/", {"deleted": value, "page": value}).status_code == 200
