#!/usr/bin/env python3
"""Runs the whole test suite: installs what it needs, then pytest on SQLite and, when
LUMBAR_TEST_DATABASE_URL names a PostgreSQL server, again on PostgreSQL.

    python3 scripts/test.py [pytest arguments]

End-to-end tests need Debian's chromium (/usr/bin/chromium or LUMBAR_CHROMIUM); without it they are
skipped with a reason, unless LUMBAR_REQUIRE_BROWSER=1 (as in CI), which makes that a failure.
"""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from start import ensure_front_end, ensure_installed  # noqa: E402


def main() -> int:
    python = ensure_installed("[dev,video]")  # the video extra: the video test runs too (Python <= 3.12)
    ensure_front_end(python, dev=True)
    runs = [("SQLite", {})]
    if os.environ.get("LUMBAR_TEST_DATABASE_URL"):
        runs.append(("PostgreSQL", {"DATABASE_URL": os.environ["LUMBAR_TEST_DATABASE_URL"]}))
    failed = []
    for name, extra in runs:
        print(f"\n=== test suite on {name} ===", flush=True)
        # tests never touch the real data folder
        env = {**os.environ, "LUMBAR_DATA_DIR": tempfile.mkdtemp(prefix="lumbar-test-"), **extra}
        if not extra:
            env.pop("DATABASE_URL", None)
        if subprocess.call([str(python), "-m", "pytest", *sys.argv[1:]], cwd=ROOT, env=env):
            failed.append(name)
    if failed:
        print(f"\nFAILED on: {', '.join(failed)}")
        return 1
    print(f"\nAll tests passed on: {', '.join(name for name, _ in runs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
