"""Reading grade (Flesch-Kincaid, textstat) of every safety question, and the highest. Run:
    .venv/bin/python benchmarks/screen_readability.py
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lumbar.settings")


def grades() -> list[tuple[str, float, str]]:
    import textstat

    from lumbar.safety.screening import PAGES

    return [(q.key, textstat.flesch_kincaid_grade(str(q.text)), str(q.text)) for page in PAGES for q in page.questions]


def main() -> None:
    import django

    django.setup()
    rows = grades()
    for key, grade, text in rows:
        print(f"{grade:5.1f}  {key:24} {text}")
    print(f"{len(rows)} questions; highest grade {max(g for _, g, _ in rows):.1f}; "
          f"mean {sum(g for _, g, _ in rows) / len(rows):.1f}")


if __name__ == "__main__":
    main()
