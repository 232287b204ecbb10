"""The programme's words go through Django's translation, so Django is set up (no database is used)."""
import os
import tempfile

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lumbar.settings")
os.environ.setdefault("LUMBAR_DATA_DIR", tempfile.mkdtemp(prefix="lumbar-test-"))  # never the real data folder
django.setup()
