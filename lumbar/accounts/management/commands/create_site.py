"""`lumbar manage create_site`: the site's first account, its admin and first teacher (or one more teacher).

The password is asked twice in the terminal, or read from the first line of --password-file (for scripts;
keep that file readable by you alone and delete it afterwards). It is checked by the site's password rules.
"""
import getpass
import sys

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from lumbar.accounts.actions import create_site_account
from lumbar.accounts.middleware import LOCAL_USERNAME


def _fail(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = ("Make the site's first account: it runs the site (admin) and teaches. "
            "With --add-teacher, add one more teacher to a site that has accounts.")

    def add_arguments(self, parser):
        parser.add_argument("--username", required=True, help="the user name to sign in with")
        parser.add_argument("--email", required=True, help="their email (for password reset links)")
        parser.add_argument("--password-file", metavar="PATH",
                            help="read the password from the first line of this file instead of asking")
        parser.add_argument("--add-teacher", action="store_true",
                            help="the site has accounts already: add a teacher (not an admin)")

    def handle(self, *args, username, email, password_file, add_teacher, **options):
        try:
            UnicodeUsernameValidator()(username)
            validate_email(email)
        except ValidationError as error:
            raise _fail(" ".join(error.messages)) from None
        call_command("migrate", interactive=False, verbosity=0)
        users = get_user_model().objects
        accounts = users.exclude(username=LOCAL_USERNAME)  # the local-mode person is not a site account
        if accounts.exists() and not add_teacher:
            raise _fail("This site has accounts already. To add another teacher, run it again with "
                        "--add-teacher (the admin can also make a teacher on the People page).")
        if users.filter(username__iexact=username).exists():
            raise _fail(f"An account named {username!r} exists already. Choose another user name.")
        password = self._password(password_file)
        try:
            password_validation.validate_password(password, get_user_model()(username=username, email=email))
        except ValidationError as error:
            raise _fail("That password is not accepted: " + " ".join(error.messages)) from None
        admin = not accounts.exists()
        create_site_account(username, email, password, admin=admin)
        if admin:
            self.stdout.write(f"Made {username}: runs the site (admin) and teaches. Sign in at /accounts/login/.")
        else:
            self.stdout.write(f"Made {username}: a teacher.")

    def _password(self, path):
        if path:
            try:
                with open(path, encoding="utf-8") as file:
                    password = file.readline().rstrip("\r\n")
            except (OSError, UnicodeDecodeError) as error:
                raise _fail(f"Cannot read the password file {path}: {error}") from None
            if not password:
                raise _fail(f"The password file {path} is empty: put the password on its first line.")
            return password
        if not sys.stdin.isatty():
            raise _fail("No password: run this in a terminal to type it, or give --password-file PATH.")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("The same password again: "):
            raise _fail("The two passwords are not the same. Nothing was made.")
        return first
