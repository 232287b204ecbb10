"""A teacher's view of her clients: only what each client shared, flags by need, assignments checked."""
import pytest

from lumbar.accounts.actions import set_consent
from lumbar.accounts.scopes import JOURNAL, PRACTICE
from lumbar.journal.models import JournalEntry
from lumbar.programmes.models import OwnSequence, Programme, SequenceAssignment

pytestmark = pytest.mark.django_db


def page(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_the_clients_page_shows_what_is_shared_and_says_not_shared_for_the_rest(client, client_user, teacher, content):
    JournalEntry.objects.create(user=client_user, recorded_at="2026-12-01T09:00Z", pain=6, notes="stiff after the drive")
    html = page(client, teacher, "/clients/").content.decode()
    assert "clara" in html and html.count("not shared") == 2
    set_consent(client_user, teacher, PRACTICE, True)
    html = client.get("/clients/").content.decode()
    assert "No practice for two weeks or more." in html and html.count("not shared") == 1
    detail = client.get(f"/clients/{client_user.pk}/").content.decode()
    assert "Practice log" in detail and "stiff after the drive" not in detail
    set_consent(client_user, teacher, JOURNAL, True)
    assert "stiff after the drive" in client.get(f"/clients/{client_user.pk}/").content.decode()


def test_a_stranger_teacher_a_client_and_the_admin_get_404(client, client_user, teacher, stranger_teacher, admin):
    set_consent(client_user, teacher, JOURNAL, True)
    for viewer in (stranger_teacher, admin, client_user):
        assert page(client, viewer, f"/clients/{client_user.pk}/").status_code == 404
    for viewer in (admin, client_user):
        assert page(client, viewer, "/clients/").status_code == 404


def test_a_client_shares_and_withdraws_from_her_own_page(client, client_user, teacher):
    client.force_login(client_user)
    assert "tess" in client.get("/clients/sharing/").content.decode()
    client.post(f"/clients/sharing/{teacher.pk}/", {"scope": ["practice"]})
    client.force_login(teacher)
    assert "Shared:" in client.get(f"/clients/{client_user.pk}/").content.decode()
    client.force_login(client_user)
    client.post(f"/clients/sharing/{teacher.pk}/", {"action": "leave"})
    client.force_login(teacher)
    assert client.get(f"/clients/{client_user.pk}/").status_code == 404
    client.force_login(client_user)
    assert client.post(f"/clients/sharing/{teacher.pk}/", {"scope": ["practice"]}).status_code == 404


def test_a_sequence_with_a_pose_excluded_for_her_cannot_be_assigned(client, client_user, teacher, content):
    from lumbar.programmes.actions import save_profile
    from lumbar.programmes.profile import parse_profile

    save_profile(client_user, parse_profile({"minutes": 15, "days_per_week": 3, "conditions": ["pregnancy"],
                                             "pregnancy_weeks": 20}))
    risky = OwnSequence.objects.create(owner=teacher, title="Belly down",
                                       steps=[{"type": "pose", "pose": "cobra", "variation": None}])
    gentle = OwnSequence.objects.create(owner=teacher, title="Gentle", steps=[
        {"type": "pose", "pose": "constructive-rest", "variation": None, "seconds": 60}])
    detail = page(client, teacher, f"/clients/{client_user.pk}/").content.decode()
    assert "Belly down" in detail and "Gentle" in detail
    client.post(f"/clients/{client_user.pk}/assign/", {"sequence": risky.pk})
    assert not SequenceAssignment.objects.filter(sequence=risky).exists()
    client.post(f"/clients/{client_user.pk}/assign/", {"sequence": gentle.pk})
    assert SequenceAssignment.objects.filter(sequence=gentle, client=client_user).exists()
    client.force_login(client_user)
    assert "Gentle" in client.get("/programme/sequences/").content.decode()


def test_bad_sequence_ids_and_another_teachers_sequence_are_refused_kindly(client, client_user, teacher,
                                                                          stranger_teacher):
    theirs = OwnSequence.objects.create(owner=stranger_teacher, title="Not yours", steps=[])
    client.force_login(teacher)
    for value in ("²", "10" * 30, "abc", "", str(theirs.pk)):
        response = client.post(f"/clients/{client_user.pk}/assign/", {"sequence": value}, follow=True)
        assert response.status_code == 200 and "Choose one of your own sequences." in response.content.decode()
    assert not SequenceAssignment.objects.exists()


def test_the_teacher_adjusts_minutes_days_and_poses_and_the_client_reads_why(client, client_user, teacher, content):
    client.force_login(teacher)
    response = client.post(f"/clients/{client_user.pk}/programme/",
                           {"minutes": 20, "days_per_week": 2, "leave_out": ["bridge"]})
    assert response.status_code == 302
    profile = Programme.objects.get(user=client_user).profile
    assert profile["minutes"] == 20 and profile["exclude"] == ["bridge"]
    assert client.post(f"/clients/{client_user.pk}/programme/", {"minutes": 99, "days_per_week": 2}).status_code == 400
    client.force_login(client_user)
    assert "Your teacher tess set your sessions to 20 minutes" in client.get("/programme/").content.decode()
