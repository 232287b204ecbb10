"""Every "may this viewer see or change this?" question is answered here, and only here."""


def may_view_practice(viewer, practice_session) -> bool:
    return viewer.is_authenticated and practice_session.user_id == viewer.pk


def owned_rows(queryset, viewer):
    """The rows of a per-person table (journal, check-ins) that this viewer may see and change: their own."""
    if viewer is None or not viewer.is_authenticated:
        return queryset.none()
    return queryset.filter(user=viewer)
