#!/usr/bin/env python3
"""Starts Lumbar. The first time, it creates .venv here and installs Lumbar into it.

    python3 start.py                  # open Lumbar in your browser
    python3 start.py --no-browser --port 8080
    python3 start.py poses --json     # any `lumbar` subcommand
"""
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_installed(extras: str = "") -> Path:
    """Creates the virtual environment and (re)installs Lumbar when pyproject.toml has changed."""
    if sys.version_info < (3, 11):
        sys.exit(f"Lumbar needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        print("First start: setting up Lumbar in .venv (this takes a minute)...", flush=True)
        venv.create(VENV, with_pip=True)
    stamp = VENV / f".installed{extras or '-app'}"
    if not stamp.exists() or stamp.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime:
        subprocess.check_call([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                               "-e", f".{extras}"], cwd=ROOT)
        stamp.touch()
    return PYTHON


def ensure_front_end(python: Path, dev: bool = False) -> None:
    """Front-end packages from the npm registry, pinned by package-lock.json (node and npm come from PyPI)."""
    stamps = [ROOT / "node_modules" / ".lumbar-dev"] + ([] if dev else [ROOT / "node_modules" / ".lumbar-app"])
    lock_time = (ROOT / "package-lock.json").stat().st_mtime
    if any(stamp.exists() and stamp.stat().st_mtime >= lock_time for stamp in stamps):
        return
    npm = shutil.which("npm", path=str(python.parent))
    subprocess.check_call([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error", *([] if dev else ["--omit=dev"])],
                          cwd=ROOT)
    stamps[-1].touch()


if __name__ == "__main__":
    python = ensure_installed()
    ensure_front_end(python)
    sys.exit(subprocess.call([str(python), "-m", "lumbar", *sys.argv[1:]], cwd=ROOT))
