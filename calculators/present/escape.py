"""HTML escaping, without the standard library's `html` package.

`html.escape` is five replacements, but `import html` also loads `html.entities` (the 2,231
named character references that only `html.unescape` reads): ≈ 36 kB of the engine's download
and a large table to load before a reader's first answer. We never unescape. This is
`html.escape`'s exact output, checked against it in tests/test_query.py.
"""

from __future__ import annotations

# "&" first, so the other replacements' ampersands are not escaped again.
_REPLACEMENTS = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"))


def escape(text: str, quote: bool = True) -> str:
    """`text` safe inside HTML: &, < and > escaped, and quotes too when `quote` (attributes).

    >>> escape('<a href="x">Tom & Jerry</a>'), escape("it's", quote=False)
    ('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/a&gt;', "it's")
    """
    for char, entity in _REPLACEMENTS if quote else _REPLACEMENTS[:3]:
        text = text.replace(char, entity)
    return text
