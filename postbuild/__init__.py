"""The build steps after the pages are rendered, over a built site/ directory.

Plain Python, no MkDocs: the MkDocs hook (hooks/post_build.py) calls `run_steps`, and
`python -m postbuild site/` runs the same steps on a site any other generator rendered.
"""

from __future__ import annotations

from postbuild.errors import BuildStepError
from postbuild.steps import run_steps

__all__ = ["BuildStepError", "run_steps"]
