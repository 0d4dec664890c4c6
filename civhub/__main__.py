"""``python -m civhub``: see ``civhub/cli.py``."""

import sys

from civhub.cli import main

sys.exit(main())
