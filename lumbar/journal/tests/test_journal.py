"""The journal: add, edit, delete with undo, the timeline, and refusing bad input without losing data."""
import pytest
from django.forms.models import model_to_dict

from lumbar.accounts.middleware import local_user
from lumbar.journal.models import JournalEntry

from .world import at, entry, session

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = {
        "pain": "6", "regions": ["lower_back_centre", "buttock_left"], "feelings": ["aching", "stiff"],
        "triggers": ["sitting"], "trigger_notes": "long drive", "medication": "ibuprofen 400 mg",
        "notes": "Stiff after the drive.\nBetter after a walk.", "recorded_at": at(1, 8, 30).strftime("%Y-%m-%dT%H:%M"),  # yesterday: never in the future
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_adding_an_entry_saves_everything_and_shows_it_on_the_timeline(client):
    response = client.post("/journal/new/", form_data())
    saved = JournalEntry.objects.get()
    assert response.status_code == 302 and response.url == f"/journal/#entry-{saved.pk}"
    assert saved.user == local_user()
    assert (saved.pain, saved.regions, saved.feelings, saved.triggers) == (
        6, ["lower_back_centre", "buttock_left"], ["aching", "stiff"], ["sitting"])
    assert saved.recorded_at == at(1, 8, 30)
    page = client.get("/journal/").content.decode()
    assert "Saved your journal entry." in page
    assert "Pain 6 out of 10" in page and "Centre of the lower back, Left buttock" in page
    assert "Aching, Stiff" in page and "Sitting for a long time; long drive" in page
    assert "ibuprofen 400 mg" in page and "Better after a walk." in page


def test_only_pain_is_needed(client):
    response = client.post("/journal/new/", {"pain": "0", "recorded_at": at(1).strftime("%Y-%m-%dT%H:%M")})
    assert response.status_code == 302
    assert JournalEntry.objects.get().regions == []


def test_notes_have_no_length_limit(client):
    notes = "A long day. " * 5000
    client.post("/journal/new/", form_data(notes=notes))
    assert JournalEntry.objects.get().notes == notes.strip()


def test_the_entry_form_shows_the_body_map_as_real_checkboxes_and_the_time_now(client):
    page = client.get("/journal/new/").content.decode()
    assert page.count('type="checkbox" name="regions"') == 9
    assert '<label for="id_regions_0">Left side of the lower back</label>' in page
    assert 'aria-hidden="true"' in page and "seen from behind" in page
    assert 'type="datetime-local"' in page


BAD = [
    ({"pain": "11"}, "Pain: “11” is not a number from 0 to 10."),
    ({"pain": "-1"}, "Pain: “-1” is not a number from 0 to 10."),
    ({"pain": "lots"}, "Pain: “lots” is not a number from 0 to 10."),
    ({"pain": None}, "Pain: please choose a number from 0 to 10."),
    ({"regions": ["lower_back_centre", "spleen"]}, "Where: “spleen” is not a place on the body map."),
    ({"feelings": ["itchy"]}, "What it feels like: “itchy” is not one of the words to tick."),
    ({"triggers": ["moon"]}, "What set it off: “moon” is not one of the choices to tick."),
    ({"recorded_at": "yesterday"}, "When: enter a date and time, for example 2026-03-04 08:30."),
    ({"recorded_at": "2999-01-01T10:00"}, "When: that time is in the future."),
    ({"recorded_at": "1900-01-01T10:00"}, "When: that date is too long ago; please check the year."),
]


@pytest.mark.parametrize("changes,message", BAD, ids=[message[:30] for _, message in BAD])
def test_bad_input_is_refused_with_the_problem_named_and_nothing_saved(client, changes, message):
    response = client.post("/journal/new/", form_data(**changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and "Nothing was saved yet" in page
    assert "long drive" in page  # what was typed is kept
    assert JournalEntry.objects.count() == 0


def test_editing_changes_the_entry_in_place(client):
    original = entry(local_user(), pain=7, regions=["thigh_left"], notes="first")
    page = client.get(f"/journal/{original.pk}/edit/").content.decode()
    assert 'value="thigh_left"' in page and "checked" in page and "first" in page
    response = client.post(f"/journal/{original.pk}/edit/", form_data(pain="4", notes="calmer now"))
    assert response.status_code == 302
    original.refresh_from_db()
    assert (original.pain, original.notes, JournalEntry.objects.count()) == (4, "calmer now", 1)


def test_a_bad_edit_keeps_the_saved_entry_as_it_was(client):
    original = entry(local_user(), pain=7, regions=["thigh_left"], notes="first")
    before = model_to_dict(JournalEntry.objects.get())
    response = client.post(f"/journal/{original.pk}/edit/", form_data(pain="12", regions=["knee"]))
    assert response.status_code == 400
    page = response.content.decode()
    assert "“12” is not a number" in page and "“knee” is not a place on the body map" in page
    assert model_to_dict(JournalEntry.objects.get()) == before


def test_delete_then_undo_restores_the_entry_exactly(client):
    client.post("/journal/new/", form_data())
    saved = JournalEntry.objects.get()
    before = {field.name: getattr(saved, field.name) for field in JournalEntry._meta.fields}
    response = client.post(f"/journal/{saved.pk}/delete/")
    assert response.status_code == 302 and response.url == f"/journal/?deleted={saved.pk}"
    page = client.get(response.url).content.decode()
    assert "was deleted" in page and f'action="/journal/{saved.pk}/restore/"' in page and ">Undo<" in page
    assert "Pain 6 out of 10" not in page
    assert JournalEntry.objects.live().count() == 0 and JournalEntry.objects.count() == 1
    assert client.get(f"/journal/{saved.pk}/edit/").status_code == 404

    response = client.post(f"/journal/{saved.pk}/restore/")
    assert response.status_code == 302
    restored = JournalEntry.objects.get()
    assert {field.name: getattr(restored, field.name) for field in JournalEntry._meta.fields} == before
    page = client.get("/journal/").content.decode()
    assert "Your entry is back." in page and "Pain 6 out of 10" in page


def test_undoing_twice_is_harmless(client):
    saved = entry(local_user())
    client.post(f"/journal/{saved.pk}/delete/")
    client.post(f"/journal/{saved.pk}/restore/")
    client.post(f"/journal/{saved.pk}/restore/")
    assert "already in your journal" in client.get("/journal/").content.decode()
    assert JournalEntry.objects.live().count() == 1


def test_delete_and_restore_need_post(client):
    saved = entry(local_user())
    assert client.get(f"/journal/{saved.pk}/delete/").status_code == 405
    assert client.get(f"/journal/{saved.pk}/restore/").status_code == 405
    assert JournalEntry.objects.live().count() == 1


def test_someone_elses_entry_is_not_found_and_stays_untouched(client, stranger):
    theirs = entry(stranger, pain=8, notes="private")
    before = model_to_dict(theirs)
    assert client.get(f"/journal/{theirs.pk}/edit/").status_code == 404
    assert client.post(f"/journal/{theirs.pk}/edit/", form_data()).status_code == 404
    assert client.post(f"/journal/{theirs.pk}/delete/").status_code == 404
    theirs.deleted_at = at(0)
    theirs.save()
    assert client.post(f"/journal/{theirs.pk}/restore/").status_code == 404
    page = client.get(f"/journal/?deleted={theirs.pk}").content.decode()
    assert "private" not in page and "was deleted" not in page
    theirs.refresh_from_db()
    assert (theirs.pain, theirs.notes, theirs.deleted_at) == (before["pain"], before["notes"], at(0))


def test_the_timeline_is_newest_first_grouped_by_day_with_sessions(client):
    me = local_user()
    entry(me, days_ago=2, pain=7, hour=8, notes="note-oldest")
    entry(me, days_ago=0, pain=3, hour=9, notes="note-morning")
    entry(me, days_ago=0, pain=4, hour=20, notes="note-evening")
    session(me, days_ago=1, before=6, after=4)
    page = client.get("/journal/").content.decode()
    order = [page.index(text) for text in ("note-evening", "note-morning", "Glide and rest", "note-oldest")]
    assert order == sorted(order)
    assert page.count('<section class="day"') == 3 and "Today, " in page
    assert "Pain before → after: 6 → 4" in page


def test_an_empty_journal_explains_itself(client):
    page = client.get("/journal/").content.decode()
    assert "Nothing here yet" in page and "Add an entry" in page


def test_pain_in_the_leg_gets_a_safety_note(client):
    entry(local_user(), regions=["below_knee_left"])
    page = client.get("/journal/").content.decode()
    assert "Pain in the leg" in page and "Pain in both legs" not in page


def test_pain_in_both_legs_gets_an_urgent_note(client):
    entry(local_user(), regions=["thigh_left", "below_knee_right"])
    page = client.get("/journal/").content.decode()
    assert "Pain in both legs." in page and "get urgent medical help now" in page


def test_a_stranger_never_sees_my_entries(client, stranger):
    entry(stranger, notes="their secret")
    assert "their secret" not in client.get("/journal/").content.decode()
