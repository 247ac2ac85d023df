"""Reading documents: plain text, HTML, JSONL/JSON/CSV corpora, RSS/Atom feeds, directories and stdin.

``read_paths`` yields a ``Document`` per readable document and an ``ErrorRecord`` naming each one that
could not be read (empty, binary, undecodable, too large, malformed, not English); it never raises for
bad input, so one bad file costs only itself.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import DocumentError, UnsupportedLanguage
from ..ids import doc_id_for
from ..records import Document, ErrorRecord
from .blocks import assemble, text_blocks
from .corpus import RawRecord, iter_csv, iter_json, iter_jsonl
from .decode import decode
from .feed import FeedEntry, iter_feed, looks_like_feed
from .html import read_html
from .language import detect_language

_WORDS = re.compile(r"[^\W\d_]{2,}")
#: Single files larger than this are refused (corpus files are streamed record by record instead).
MAX_FILE_BYTES = 10_000_000
_TEXT = {".txt", ".text", ".md"}
_HTML = {".html", ".htm", ".xhtml"}
_FEED = {".rss", ".atom", ".xml"}
_CORPUS = {".jsonl": iter_jsonl, ".ndjson": iter_jsonl, ".json": iter_json, ".csv": iter_csv}

__all__ = ["read_paths", "read_bytes", "read_text", "finish"]


def read_paths(paths: Iterable[str | Path], *, default_date: str | None = None,
               default_source: str | None = None) -> Iterator[Document | ErrorRecord]:
    """Every document under ``paths`` ("-" is stdin; directories are walked in sorted order)."""
    for p in paths:
        for item in _read_one(str(p)):
            if isinstance(item, Document):
                try:
                    yield finish(item, default_date=default_date, default_source=default_source)
                except DocumentError as exc:
                    yield ErrorRecord(exc.doc_id, exc.stage, exc.message, item.origin)
            else:
                yield item


def _read_one(p: str) -> Iterator[Document | ErrorRecord]:
    if p == "-":
        yield from read_bytes(sys.stdin.buffer.read(), "<stdin>")
        return
    if p.startswith(("http://", "https://")):
        yield from _read_url(p)
        return
    path = Path(p)
    if path.is_dir():
        for child in sorted(x for x in path.rglob("*") if x.is_file() and not x.name.startswith(".")):
            yield from _read_file(child)
    elif path.is_file():
        yield from _read_file(path)
    else:
        yield ErrorRecord(p, "ingest", "no such file or directory", p)


def _read_file(path: Path) -> Iterator[Document | ErrorRecord]:
    name = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if suffix not in _CORPUS and size > MAX_FILE_BYTES:
            yield ErrorRecord(name, "ingest", f"file too large: {size:,} bytes (limit {MAX_FILE_BYTES:,})", name)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ErrorRecord(name, "ingest", f"cannot read: {exc.strerror or exc}", name)
        return
    yield from read_bytes(data, name, suffix=suffix)


def _read_url(url: str) -> Iterator[Document | ErrorRecord]:
    import urllib.request  # noqa: PLC0415 - only for the user's own feed URLs

    try:
        with urllib.request.urlopen(url, timeout=30) as resp:  # network-ok: user-supplied feed URL  # noqa: S310
            data = resp.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        yield ErrorRecord(url, "ingest", f"cannot fetch: {exc}", url)
        return
    yield from read_bytes(data, url, url=url)


def read_bytes(data: bytes, name: str, *, suffix: str = "", url: str | None = None) -> Iterator[Document | ErrorRecord]:
    """Documents in one file's bytes; the format comes from ``suffix`` or is sniffed."""
    if not data.strip():
        yield ErrorRecord(name, "ingest", "empty document", name)
        return
    if len(data) > MAX_FILE_BYTES and suffix not in _CORPUS:
        yield ErrorRecord(name, "ingest", f"document too large: {len(data):,} bytes (limit {MAX_FILE_BYTES:,})", name)
        return
    try:
        text = decode(data, name)
    except DocumentError as exc:
        yield ErrorRecord(name, "ingest", exc.message, name)
        return
    sniff = text.lstrip()[:1000].lower()
    if suffix in _CORPUS:
        items: Iterable[RawRecord | FeedEntry | DocumentError] = _CORPUS[suffix](text, name)
    elif suffix in _FEED or (not suffix or suffix not in _TEXT | _HTML) and looks_like_feed(text):
        items = iter_feed(text, name)
    elif suffix in _HTML or (suffix not in _TEXT and sniff.startswith(("<!doctype", "<html", "<?xml", "<body", "<div",
                                                                       "<p", "<article"))):
        yield _guard(name, read_html, text, doc_id_for(text, url=url or name), url=url, origin=name)
        return
    else:
        yield _guard(name, read_text, text, origin=name, url=url)
        return
    found = False
    for item in items:
        found = True
        if isinstance(item, DocumentError):
            yield ErrorRecord(item.doc_id, item.stage, item.message, name)
        elif isinstance(item, FeedEntry):
            yield _guard(item.key, read_html, item.html, item.id or doc_id_for(item.html, item.source, item.url),
                         url=item.url, title=item.title, date=item.date, author=item.author, source=item.source,
                         origin=item.key)
        else:
            yield _guard(item.id or item.key, _from_record, item)
    if not found:  # a header-only CSV or an empty JSON array: say so rather than yield nothing
        yield ErrorRecord(name, "ingest", "no records found", name)


def _from_record(rec: RawRecord) -> Document:
    meta = {"url": rec.url, "title": rec.title, "date": rec.date, "source": rec.source, "author": rec.author,
            "origin": rec.key}
    if rec.text is not None:
        doc = read_text(rec.text, doc_id=rec.id, **meta)
    else:
        assert rec.html is not None
        doc = read_html(rec.html, rec.id or doc_id_for(rec.html, rec.source, rec.url), **meta)
    return doc


def _guard(name: str, make: Callable[..., Document], *args: object, **kwargs: object) -> Document | ErrorRecord:
    """Run one reader; its DocumentError (or parser blow-up) becomes that document's ErrorRecord."""
    try:
        return make(*args, **kwargs)
    except DocumentError as exc:
        return ErrorRecord(exc.doc_id, exc.stage, exc.message, name)
    except (ValueError, RecursionError, MemoryError) as exc:
        return ErrorRecord(name, "ingest", f"{type(exc).__name__}: {str(exc)[:200]}", name)


def read_text(text: str, *, doc_id: str | None = None, **meta: str | None) -> Document:
    """A plain-text document; paragraphs are runs separated by blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentError(doc_id or meta.get("origin") or "<text>", "empty document")
    date = meta.get("date")
    return Document(doc_id=doc_id or doc_id_for(text, meta.get("source"), meta.get("url") or meta.get("origin")),
                    text=text, title=meta.get("title"), url=meta.get("url"), source=meta.get("source"),
                    author=meta.get("author"), date=date, date_source="metadata" if date else None,
                    origin=meta.get("origin"), blocks=text_blocks(text))


def finish(doc: Document, *, default_date: str | None = None, default_source: str | None = None) -> Document:
    """Language check, block labelling, dateline date and defaults: what every reader's output needs."""
    if len(_WORDS.findall(doc.text[:20000])) < 3:
        raise DocumentError(doc.doc_id, "no readable text (fewer than three words)")
    language = detect_language(doc.text)
    if language == "other":
        raise UnsupportedLanguage(doc.doc_id, "not English; skipped")
    date, date_source = _normalise_date(doc.date), doc.date_source
    if date is None:
        date, date_source = _dateline(doc.text), "dateline"
    if date is None and default_date:
        date, date_source = default_date, "default"
    if date is None:
        date_source = None
    return replace(doc, language=language, date=date, date_source=date_source,
                   source=doc.source or default_source, blocks=_label(doc))


def _normalise_date(value: str | None) -> str | None:
    if not value:
        return None
    from datetime import date, datetime  # noqa: PLC0415

    v = value.strip()
    for parse in (lambda s: date.fromisoformat(s[:10]), lambda s: datetime.fromisoformat(s).date()):
        try:
            return parse(v).isoformat()
        except ValueError:
            continue
    return None


def _dateline(text: str) -> str | None:
    try:
        from ..stages.dates import dateline_date  # noqa: PLC0415 - the dates stage owns date rules
    except ImportError:
        return None
    return dateline_date(text)  # type: ignore[no-any-return]


def _label(doc: Document) -> tuple:
    try:
        from ..structure import label_blocks  # noqa: PLC0415 - the structure module owns block kinds
    except ImportError:
        return doc.blocks
    return label_blocks(doc.text, doc.blocks, commentary=_is_commentary(doc))  # type: ignore[no-any-return]


_QUOTED = re.compile(r"[\"“][^\"“”]{0,600}[\"”]")
_FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'd|[Mm]y|[Mm]e)\b")


def _is_commentary(doc: Document) -> bool:
    """First-person singular in the writer's own words marks a blog post or column rather than a wire
    report. Quoted blocks and quotations are left out: a wire story quoting a witness ("I saw...")
    is still a wire story."""
    own = [doc.text[b.start:b.end] for b in doc.blocks if b.kind != "quote"] if doc.blocks else [doc.text]
    text = _QUOTED.sub(" ", "\n".join(own)[:20000])
    return len(_FIRST_PERSON.findall(text)) >= 2


__all__ += ["assemble"]
