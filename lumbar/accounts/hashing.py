"""Password hashing: Argon2id at OWASP's recommended baseline (19 MiB, 2 passes, 1 lane).

Django's own Argon2 settings (100 MiB, 8 lanes) cost about half a second of a small server's two cores and
100 MiB of memory for every sign-in attempt, including attempts on names that do not exist (Django hashes
anyway, so that timing does not reveal which names do). A handful of bots could then slow every page and
exhaust memory before throttling stops them by address. These settings are OWASP's Password Storage Cheat
Sheet baseline for argon2id; hashes made with other settings still verify and are re-made with these at the
next sign-in.
"""
from django.contrib.auth.hashers import Argon2PasswordHasher as DjangoArgon2


class Argon2PasswordHasher(DjangoArgon2):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
