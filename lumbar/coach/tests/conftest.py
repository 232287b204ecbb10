"""The coach's browser tests drive pages under the app's real Content-Security-Policy (see csp_page.py)."""
import pytest

from lumbar.coach.tests.csp_page import under_csp


@pytest.fixture
def page(page):
    return under_csp(page)
