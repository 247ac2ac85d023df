"""Bytes to text: UTF-8 first, then charset-normalizer for unknown encodings; binary is refused."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from ..errors import DocumentError

#: A document whose detected encoding reads this messy is treated as undecodable.
MAX_CHAOS = 0.2
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control bytes in the first 8 KB mean this is not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    return controls / len(head) > 0.05


def decode(data: bytes, doc_id: str, declared: str | None = None) -> str:
    """Decode ``data`` or raise DocumentError naming ``doc_id``."""
    if looks_binary(data):
        raise DocumentError(doc_id, "binary content (NUL or control bytes), not a text document")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in filter(None, (declared, "utf-8")):
        try:
            return _clean(data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise DocumentError(doc_id, "invalid UTF-8 and no reliable encoding could be detected")
    try:
        return _clean(data.decode(best.encoding))
    except (UnicodeDecodeError, LookupError) as exc:
        raise DocumentError(doc_id, f"undecodable text ({best.encoding}): {exc}") from exc


def _clean(text: str) -> str:
    """Drop control characters (keeps offsets meaningful for every later stage) and normalise newlines."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
