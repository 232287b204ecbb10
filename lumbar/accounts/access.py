"""Every "may this viewer see or change this?" question is answered here, and only here."""


def may_view_practice(viewer, practice_session) -> bool:
    return viewer.is_authenticated and practice_session.user_id == viewer.pk


def owned_rows(queryset, viewer):
    """The rows of a per-person table (journal, check-ins) that this viewer may see and change: their own."""
    if viewer is None or not viewer.is_authenticated:
        return queryset.none()
    return queryset.filter(user=viewer)


# --- programmes (lumbar/programmes) ---

def may_view_done_session(viewer, done_session) -> bool:
    """A programme session that was played and saved: only the person whose programme it is."""
    return viewer.is_authenticated and done_session.programme.user_id == viewer.pk


def visible_sequences(queryset, viewer):
    """The hand-made sequences this viewer may see and play: their own. (When teachers publish sequences to
    their clients, the published ones join here, and may_view_sequence follows.)"""
    if viewer is None or not viewer.is_authenticated:
        return queryset.none()
    return queryset.filter(owner=viewer)


def may_view_sequence(viewer, sequence) -> bool:
    return viewer.is_authenticated and sequence.owner_id == viewer.pk


def may_change_sequence(viewer, sequence) -> bool:
    """Editing and deleting stay with the owner, even once sequences can be published to others."""
    return viewer.is_authenticated and sequence.owner_id == viewer.pk
