"""The fuzz test's world (test_fuzz.py): one of everything a URL can point at, owned by the named people,
and the URLs of the site with their path arguments filled in (real ones, and hostile ones)."""
from __future__ import annotations

from datetime import time, timedelta

from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .fuzz_inputs import HUGE

HOSTILE_INT = [0, 10 ** 30, 32768, 2 ** 63]
HOSTILE_STR = ["²", "٣", "x" * 300, "2026-02-30", "%00", "..", "-1", HUGE]
HOSTILE_SLUG = ["no-such-thing", "a" * 300, "0"]
JSON_URLS = {"practice:log", "programmes:log", "programmes:check-log", "programmes:sequence-log", "safety:symptoms"}


def routes() -> list[tuple[str, object, list[str]]]:
    """(name, pattern objects from the root, path argument names) for every URL pattern of the site."""
    found = []

    def walk(patterns, prefix, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                space = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, prefix + [entry.pattern], space)
            elif isinstance(entry, URLPattern):
                chain = prefix + [entry.pattern]
                names = []
                for pattern in chain:
                    if isinstance(pattern, RoutePattern):
                        names += list(pattern.converters)
                    else:
                        names += list(pattern.regex.groupindex)
                found.append((f"{namespace}{entry.name}", chain, names))

    walk(get_resolver().url_patterns, [], "")
    return found


def _converter(chain, name: str) -> str:
    for pattern in chain:
        if isinstance(pattern, RoutePattern) and name in pattern.converters:
            return type(pattern.converters[name]).__name__.replace("Converter", "").lower()
    return "regex"


def hostile_values(chain, name: str) -> list:
    kind = _converter(chain, name)
    return {"int": HOSTILE_INT, "slug": HOSTILE_SLUG, "regex": ["A" * 20, "A" * 100]}.get(kind, HOSTILE_STR)


def build_world(client_person, teacher, clara, post_material) -> dict:
    """Real path arguments: {(url name, argument): [values]}. client_person: the screened client whose
    pages are fuzzed; teacher looks after clara, who shared everything and has a calendar address."""
    from lumbar.accounts.actions import create_invitation, set_consent
    from lumbar.accounts.scopes import JOURNAL, PRACTICE
    from lumbar.journal.models import JournalEntry
    from lumbar.practice.models import PracticeSession
    from lumbar.programmes.actions import save_sequence
    from lumbar.programmes.forms import SCREENS
    from lumbar.safety.actions import record_screening
    from lumbar.safety.screening import IDS, PAGES
    from lumbar.studio.actions import add_class_time, new_calendar_key

    now = timezone.now()
    entry = JournalEntry.objects.create(user=client_person, recorded_at=now - timedelta(hours=2), pain=4,
                                        notes="stiff")
    practice = PracticeSession.objects.create(user=client_person, sequence_slug="glide-and-rest",
                                              sequence_title="Glide and rest", started_at=now - timedelta(days=1),
                                              finished_at=now - timedelta(days=1), completed=True, pain_before=4,
                                              pain_after=3)
    steps = [{"type": "pose", "pose": "childs-pose", "variation": None, "reps": None, "seconds": 60}]
    sequence = save_sequence(client_person, None, "Evening", steps)
    screening = record_screening(client_person, {qid: False for qid in IDS})
    record_screening(clara, {qid: False for qid in IDS})
    for scope in (JOURNAL, PRACTICE):
        set_consent(clara, teacher, scope, True)
    clara_sequence = save_sequence(clara, None, "Clara's", steps)
    invitation, token = create_invitation(teacher, name="Nia")
    lesson = add_class_time(teacher, weekday=1, starts_at=time(18), minutes=60, title="Gentle yoga", place="Hall")
    material = post_material()
    key = new_calendar_key(clara)
    uid = urlsafe_base64_encode(force_bytes(clara.pk))
    return {
        ("journal:edit", "pk"): [entry.pk], ("journal:delete", "pk"): [entry.pk], ("journal:restore", "pk"): [entry.pk],
        ("journal:morning", "day"): [(timezone.localdate() - timedelta(days=1)).isoformat(),
                                     timezone.localdate().isoformat()],
        ("practice:start", "slug"): ["glide-and-rest"], ("practice:play", "slug"): ["glide-and-rest"],
        ("practice:log", "slug"): ["glide-and-rest"], ("practice:session", "pk"): [practice.pk],
        ("content:pose", "slug"): ["childs-pose", "cat-cow"],
        ("safety:screening", "page"): [1, len(PAGES) // 2, len(PAGES)], ("safety:result", "pk"): [screening.pk],
        ("programmes:intake-screen", "screen"): sorted(SCREENS),
        ("programmes:log", "number"): [1], ("programmes:done", "pk"): [1],
        ("programmes:check-answer", "direction"): ["flexion", "extension"],
        ("programmes:check-play", "direction"): ["flexion"], ("programmes:check-log", "direction"): ["flexion"],
        **{(f"programmes:sequence-{what}", "pk"): [sequence.pk, clara_sequence.pk]
           for what in ("edit", "delete", "play", "log")},
        ("accounts:invitation_cancel", "pk"): [invitation.pk], ("accounts:invite", "token"): [token],
        ("accounts:person_role", "pk"): [clara.pk, teacher.pk],
        ("accounts:password_reset_confirm", "uidb64"): [uid],
        ("accounts:password_reset_confirm", "token"): [default_token_generator.make_token(clara)],
        ("teaching:sharing-change", "teacher"): [teacher.pk],
        **{(f"teaching:{what}", "client"): [clara.pk] for what in ("client", "assign", "adjust", "reset-link")},
        ("studio:material", "pk"): [material.pk], ("studio:material-delete", "pk"): [material.pk],
        ("studio:class-delete", "pk"): [lesson.pk], ("studio:calendar-feed", "key"): [key],
    }


def urls_for(name: str, chain, arg_names: list[str], real: dict) -> tuple[list[str], list[str]]:
    """(URLs with real arguments, URLs with one argument made hostile)."""
    from django.urls import NoReverseMatch, reverse

    good = {arg: (real.get((name, arg)) or [None])[0] for arg in arg_names}
    hostile = []
    for arg in arg_names:
        for value in hostile_values(chain, arg):
            try:
                hostile.append(reverse(name, kwargs={**good, arg: value} if None not in good.values() else
                                       {a: (value if a == arg else hostile_values(chain, a)[0]) for a in arg_names}))
            except NoReverseMatch:
                continue
    if None in good.values():
        return [], hostile
    goods = [reverse(name, kwargs=good)]
    for arg in arg_names:  # every other real value too (a second sequence, another intake screen)
        goods += [reverse(name, kwargs={**good, arg: value}) for value in (real.get((name, arg)) or [])[1:]]
    return goods, hostile
