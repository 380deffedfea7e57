"""`python -m explorer`: see explorer.cli."""

import os
import sys

from explorer.cli import main

try:
    sys.exit(main())
except BrokenPipeError:
    # The reader (e.g. `| head`) went away: stop quietly, as command-line tools do.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(0)
