import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def test_no_module_of_the_motion_core_imports_django():
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(name.split(".")[0] == "django" for name in names), f"{path.name} imports Django"


def test_importing_the_whole_core_loads_neither_django_nor_the_rest_of_lumbar():
    code = ("import sys, lumbar.motion.analysis, lumbar.motion.cli, lumbar.motion.report_html; "
            "print(sorted(m for m in sys.modules if m.startswith(('django', 'lumbar.')) "
            "and not m.startswith('lumbar.motion')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=PACKAGE.parents[1])
    assert result.stdout.strip() == "[]"
