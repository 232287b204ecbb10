"""Small builders shared by the programme tests."""
from lumbar.programmes.profile import parse_profile


def profile(**fields):
    """A checked profile: 20 minutes, 3 days a week, unless the test says otherwise."""
    return parse_profile({"minutes": 20, "days_per_week": 3, **fields})


def poses_in(session, role=None):
    return [s["pose"] for s in session["steps"] if role is None or s["role"] == role]
