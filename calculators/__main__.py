"""`python -m calculators`: the command line (see `calculators.cli`)."""

from __future__ import annotations

import sys

from calculators.cli import run

sys.exit(run())
