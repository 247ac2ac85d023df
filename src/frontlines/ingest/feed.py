"""RSS and Atom feeds: each entry becomes a document. XML bombs are refused before feedparser sees them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import defusedxml.ElementTree as safe_et
import feedparser
from defusedxml import DefusedXmlException

from ..errors import DocumentError


@dataclass(frozen=True, slots=True)
class FeedEntry:
    key: str
    id: str | None
    html: str
    title: str | None
    url: str | None
    date: str | None
    author: str | None
    source: str | None


def looks_like_feed(text: str) -> bool:
    head = text[:2000].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def iter_feed(text: str, name: str) -> Iterator[FeedEntry | DocumentError]:
    try:
        safe_et.fromstring(text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        yield DocumentError(name, f"feed refused: {type(exc).__name__} (entity expansion or external reference)")
        return
    except safe_et.ParseError:
        pass  # feedparser copes with many broken feeds; let it try
    parsed = feedparser.parse(text)
    if not parsed.entries:
        yield DocumentError(name, "feed has no entries" + (f" ({parsed.bozo_exception})" if parsed.bozo else ""))
        return
    source = parsed.feed.get("title")
    for i, entry in enumerate(parsed.entries):
        content = entry.get("content")
        html = content[0].get("value") if content else entry.get("summary") or entry.get("description") or ""
        date = None
        parsed_date = entry.get("published_parsed") or entry.get("updated_parsed")
        if parsed_date:
            date = f"{parsed_date.tm_year:04d}-{parsed_date.tm_mon:02d}-{parsed_date.tm_mday:02d}"
        yield FeedEntry(key=f"{name}#{i}", id=entry.get("id"), html=html, title=entry.get("title"),
                        url=entry.get("link"), date=date, author=entry.get("author"), source=source)
