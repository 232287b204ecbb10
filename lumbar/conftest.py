"""Fixtures shared by every app's tests: the named people, and loaded content."""
import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def content(db):
    from lumbar.content.loader import load_content

    load_content()


@pytest.fixture
def client_user(db):
    return get_user_model().objects.create_user("clara", password="a-long-test-password")


@pytest.fixture
def stranger(db):
    return get_user_model().objects.create_user("stranger", password="a-long-test-password")
