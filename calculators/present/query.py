"""A URL query string, without urllib.parse; and where links carry a reader's answers.

Share links and the self-check's hand-off carry the answers after `ANSWERS_FRAGMENT` in the
URL's fragment ("…/tools/plan/#answers?age=72&…"): browsers never send a fragment to a server,
so opening a link sends nothing a reader entered. The page's script reads the same prefix from
the form (`data-link-fragment`).

`urllib.parse` (and the `ipaddress` module it imports) is ≈ 30 kB of the engine's download and
two more modules to load before a reader's first answer, for the one query we build: the
self-check's hand-off to the plan form. This is `urlencode`'s form encoding, checked against it
in tests/test_query.py.
"""

from __future__ import annotations

from collections.abc import Iterable

# After "#": what starts a fragment of answers (an anchor id never has a "?").
ANSWERS_FRAGMENT = "answers?"
# RFC 3986 unreserved characters: the only ones sent as they are (as `quote_plus` does).
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def quote_plus(text: str) -> str:
    """`text` form-encoded: UTF-8, a space as "+", every reserved byte as %XX.

    >>> quote_plus("a b&c=é")
    'a+b%26c%3D%C3%A9'
    """
    return "".join(
        chr(byte) if byte in _UNRESERVED else "+" if byte == 0x20 else f"%{byte:02X}"
        for byte in text.encode("utf-8")
    )


def urlencode(pairs: Iterable[tuple[str, str]]) -> str:
    """`name=value` pairs joined with "&", each side form-encoded.

    >>> urlencode([("age", "72"), ("note", "sit & stand")])
    'age=72&note=sit+%26+stand'
    """
    return "&".join(f"{quote_plus(name)}={quote_plus(value)}" for name, value in pairs)
