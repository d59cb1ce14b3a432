"""One harness for the tests and the bench: build, serve like GitHub Pages, Chromium, golden cases.

No tool imports a test module; the tests and `bench/run.py` both import this package.
"""

from __future__ import annotations

from harness.browser import CHROMIUM, CHROMIUM_ARGS, BrowserMissingError, launch_chromium
from harness.server import (
    CACHE_CONTROL,
    COMPRESSED_TYPES,
    MIME_TYPES,
    Link,
    Sent,
    StaticServer,
    accepts_gzip,
    content_type,
    is_compressible,
    serving,
)
from harness.site import ROOT, BuiltSite, build_site, copy_project

__all__ = [
    "CACHE_CONTROL",
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "COMPRESSED_TYPES",
    "MIME_TYPES",
    "ROOT",
    "BrowserMissingError",
    "BuiltSite",
    "Link",
    "Sent",
    "StaticServer",
    "accepts_gzip",
    "build_site",
    "content_type",
    "copy_project",
    "is_compressible",
    "launch_chromium",
    "serving",
]
