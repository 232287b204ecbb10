"""The access gate: whose data, and who is asking."""
import pytest

from lumbar.accounts.access import clients_of, grant_for, is_admin, may_view_sequence
from lumbar.accounts.actions import end_coaching, set_consent
from lumbar.accounts.models import ConsentChange
from lumbar.accounts.scopes import JOURNAL, PRACTICE, SCOPES

pytestmark = pytest.mark.django_db


def test_a_person_reads_and_changes_all_of_their_own_data(client_user):
    grant = grant_for(client_user, client_user)
    assert grant.is_self and grant.read == SCOPES and grant.may_change("account")


def test_her_teacher_reads_only_what_she_shared_and_nothing_after_she_withdraws(client_user, teacher):
    assert grant_for(teacher, client_user).read == frozenset()
    set_consent(client_user, teacher, PRACTICE, True)
    grant = grant_for(teacher, client_user)
    assert grant.may_read(PRACTICE) and not grant.may_read(JOURNAL) and not grant.may_change("account")
    set_consent(client_user, teacher, PRACTICE, False)
    assert grant_for(teacher, client_user).read == frozenset()
    history = list(ConsentChange.objects.filter(client=client_user).values_list("given", flat=True))
    assert history == [False, True]  # both changes kept, with their times


def test_a_stranger_teacher_and_the_admin_see_nothing(client_user, teacher, stranger_teacher, admin):
    set_consent(client_user, teacher, PRACTICE, True)
    for viewer in (stranger_teacher, admin):
        grant = grant_for(viewer, client_user)
        assert grant.read == frozenset() and grant.change == frozenset()
    assert is_admin(admin) and not is_admin(teacher)
    assert list(clients_of(teacher)) == [client_user] and not clients_of(stranger_teacher).exists()


def test_ending_the_coaching_ends_what_was_shared(client_user, teacher):
    set_consent(client_user, teacher, JOURNAL, True)
    end_coaching(teacher, client_user)
    assert grant_for(teacher, client_user).read == frozenset()
    assert not clients_of(teacher).exists()


def test_a_sequence_assigned_by_her_teacher_is_hers_to_play_until_the_coaching_ends(client_user, teacher):
    from lumbar.programmes.models import OwnSequence, SequenceAssignment

    sequence = OwnSequence.objects.create(owner=teacher, title="Tess's gentle start", steps=[])
    assert not may_view_sequence(client_user, sequence)
    SequenceAssignment.objects.create(sequence=sequence, teacher=teacher, client=client_user)
    assert may_view_sequence(client_user, sequence)
    end_coaching(teacher, client_user)
    assert not may_view_sequence(client_user, sequence)
