"""Every "may this viewer see or change this?" question is answered here, and only here."""


def may_view_practice(viewer, practice_session) -> bool:
    return viewer.is_authenticated and practice_session.user_id == viewer.pk
