"""Deterministic content-hash ids: the same content always gets the same id, never a counter."""

from __future__ import annotations

import hashlib


def content_id(prefix: str, *parts: object, length: int = 16) -> str:
    """Hash ``parts`` (joined with a separator that cannot occur in their str()) into ``prefix-hex``."""
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return f"{prefix}-{h.hexdigest()[:length]}"


def doc_id_for(text: str, source: str | None = None, url: str | None = None) -> str:
    """Id of a document that arrived without one: a hash of where it came from and what it says."""
    return content_id("doc", source or "", url or "", text)
