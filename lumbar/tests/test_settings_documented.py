"""Every environment variable Lumbar reads is documented in the README's settings table."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_setting_read_from_the_environment_is_documented():
    read = set()
    for path in (ROOT / "lumbar").rglob("*.py"):
        if "tests" in path.parts:
            continue
        read |= set(re.findall(r"""environ(?:\.get)?[\[(]\s*["']([A-Z_]+)["']""", path.read_text()))
        read |= set(re.findall(r"""env_flag\(\s*["']([A-Z_]+)["']""", path.read_text()))
    assert "DATABASE_URL" in read and "LUMBAR_MODE" in read
    readme = (ROOT / "README.md").read_text()
    missing = sorted(name for name in read if f"`{name}`" not in readme)
    assert not missing, f"not documented in README.md: {missing}"
