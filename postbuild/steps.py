"""Every step after the pages are rendered, in order, over a built site/ directory.

The order matters: the data and the engine are written before the offline manifest lists them,
and the policy is added before the manifest hashes the pages.
"""

from __future__ import annotations

from pathlib import Path

from postbuild.citations import cite_search_index, cite_site_ids
from postbuild.csp import add_policy
from postbuild.data import write_data
from postbuild.engine import ship_engine
from postbuild.offline import write_manifest, write_null_manifest
from postbuild.review_dates import build_date, check_review_lines
from postbuild.tables import label_site_tables

# The project whose calculators, package.json and node_modules the engine comes from.
ROOT = Path(__file__).resolve().parent.parent


def run_steps(site_dir: Path, *, project_root: Path = ROOT, serving: bool = False) -> None:
    """Finish a rendered site: data, engine, citations, table labels, review check, CSP, offline.

    Args:
        site_dir: the built site (MkDocs' or ProperDocs' `site_dir`).
        project_root: the project the site was built from.
        serving: a live-reload preview (`mkdocs serve`): its reload script is inline and
            unhashed, so no policy, and no offline cache (a null manifest).

    """
    write_data(site_dir)
    ship_engine(site_dir, project_root)
    cite_site_ids(site_dir)
    cite_search_index(site_dir)
    label_site_tables(site_dir)
    check_review_lines(site_dir, build_date())
    if serving:
        write_null_manifest(site_dir)
        return
    add_policy(site_dir)
    write_manifest(site_dir)
