"""`python -m postbuild SITE_DIR`: finish a site rendered without the MkDocs hooks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from postbuild.errors import BuildStepError
from postbuild.steps import ROOT, run_steps


def main(argv: list[str] | None = None) -> int:
    """Run every post-build step over the site; print the error and return 1 if one fails."""
    parser = argparse.ArgumentParser(
        prog="python -m postbuild",
        description="Write the engine, data, citations, table labels, CSP and offline manifest "
        "into a built site, and check its review dates.",
    )
    parser.add_argument("site_dir", type=Path, help="the built site, e.g. site/")
    parser.add_argument(
        "--project",
        type=Path,
        default=ROOT,
        help="the project it was built from (default: the one holding this package)",
    )
    args = parser.parse_args(argv)
    if not args.site_dir.is_dir():
        parser.error(f"{args.site_dir} is not a directory: build the site first")
    try:
        run_steps(args.site_dir, project_root=args.project.resolve())
    except BuildStepError as error:
        print(f"python -m postbuild: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
