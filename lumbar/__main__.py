import sys

from lumbar.cli import main

sys.exit(main())
