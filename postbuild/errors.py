"""The post-build steps' one error: what is wrong with the built site or its inputs, and why."""

from __future__ import annotations


class BuildStepError(RuntimeError):
    """A post-build step cannot finish the site; the message names the file and the fix.

    >>> print(BuildStepError("package.json: dependency 'pyodide' must be an exact version"))
    package.json: dependency 'pyodide' must be an exact version
    """
