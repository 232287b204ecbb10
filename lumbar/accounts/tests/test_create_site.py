"""`lumbar manage create_site`: the first account runs the site and teaches; later, more teachers."""
import io
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from lumbar.accounts.access import is_admin, is_teacher

pytestmark = pytest.mark.django_db
PASSWORD = "gentle-tilts-every-day"


@pytest.fixture
def password_file(tmp_path):
    path = tmp_path / "password"
    path.write_text(PASSWORD + "\n")
    return path


def _create(*args):
    out = io.StringIO()
    call_command("create_site", *args, stdout=out)
    return out.getvalue()


def test_the_first_account_is_admin_and_teacher(password_file):
    said = _create("--username", "tess", "--email", "tess@example.org", "--password-file", str(password_file))
    tess = get_user_model().objects.get(username="tess")
    assert is_admin(tess) and is_teacher(tess) and tess.check_password(PASSWORD)
    assert tess.email == "tess@example.org" and "admin" in said


def test_a_second_run_refuses_unless_adding_a_teacher(password_file, admin):
    with pytest.raises(CommandError) as error:
        _create("--username", "tom", "--email", "tom@example.org", "--password-file", str(password_file))
    assert error.value.returncode == 2 and "--add-teacher" in str(error.value)
    assert not get_user_model().objects.filter(username="tom").exists()
    _create("--username", "tom", "--email", "tom@example.org", "--password-file", str(password_file),
            "--add-teacher")
    tom = get_user_model().objects.get(username="tom")
    assert is_teacher(tom) and not is_admin(tom)


def test_the_local_mode_person_does_not_count_as_an_account(password_file):
    from lumbar.accounts.middleware import local_user

    local_user()
    _create("--username", "tess", "--email", "tess@example.org", "--password-file", str(password_file))
    assert is_admin(get_user_model().objects.get(username="tess"))


@pytest.mark.parametrize("args, words", [
    (["--username", "has space", "--email", "t@example.org"], "valid username"),
    (["--username", "tess", "--email", "not-an-email"], "valid email"),
    (["--username", "tess", "--email", "t@example.org", "--password-file", "/no/such/file"], "Cannot read"),
])
def test_bad_input_exits_2_naming_what_was_wrong(args, words):
    with pytest.raises(CommandError) as error:
        _create(*args)
    assert error.value.returncode == 2 and words in str(error.value)
    assert not get_user_model().objects.exists()


def test_a_weak_or_empty_password_is_refused(tmp_path):
    weak = tmp_path / "weak"
    weak.write_text("tess\n")
    with pytest.raises(CommandError) as error:
        _create("--username", "tess", "--email", "t@example.org", "--password-file", str(weak))
    assert error.value.returncode == 2 and "not accepted" in str(error.value)
    empty = tmp_path / "empty"
    empty.write_text("")
    with pytest.raises(CommandError) as error:
        _create("--username", "tess", "--email", "t@example.org", "--password-file", str(empty))
    assert "empty" in str(error.value)
    assert not get_user_model().objects.exists()


def test_the_same_user_name_in_other_capitals_is_refused(password_file, teacher):
    with pytest.raises(CommandError) as error:
        _create("--username", "TESS", "--email", "t@example.org", "--password-file", str(password_file),
                "--add-teacher")
    assert "exists already" in str(error.value)


def test_without_a_terminal_or_file_it_says_how_to_give_the_password(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with pytest.raises(CommandError) as error:
        _create("--username", "tess", "--email", "t@example.org")
    assert error.value.returncode == 2 and "--password-file" in str(error.value)


def test_in_a_terminal_it_asks_twice(monkeypatch):
    import getpass

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(answers))
    with pytest.raises(CommandError) as error:
        _create("--username", "tess", "--email", "t@example.org")
    assert "not the same" in str(error.value)
    answers = iter([PASSWORD, PASSWORD])
    _create("--username", "tess", "--email", "t@example.org")
    assert get_user_model().objects.get(username="tess").check_password(PASSWORD)


def test_the_lumbar_command_exits_2_with_a_message_not_a_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "lumbar", "manage", "create_site", "--username", "tess", "--email", "bad"],
        capture_output=True, text=True, timeout=120, env={**__import__("os").environ,
                                                          "LUMBAR_DATA_DIR": str(tmp_path), "DATABASE_URL": ""})
    assert result.returncode == 2, result.stderr
    assert "valid email" in result.stderr and "Traceback" not in result.stderr
