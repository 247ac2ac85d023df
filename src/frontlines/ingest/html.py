"""HTML to Document: trafilatura finds the main text; its XML keeps paragraphs, headings and quotes."""

from __future__ import annotations

import re

import lxml.etree as etree
import lxml.html
import trafilatura

from ..errors import DocumentError
from ..records import Block, Document
from .blocks import assemble, is_widget

#: trafilatura element -> block kind
_KINDS = {"p": "paragraph", "head": "heading", "list": "paragraph", "item": "paragraph", "row": "paragraph"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_META_DATE = ("article:published_time", "og:published_time", "date", "pubdate", "publishdate", "dc.date",
              "dc.date.issued", "sailthru.date", "article.published", "datepublished")


def read_html(html: str, doc_id: str, **meta: str | None) -> Document:
    """Extract the main text and its block structure, or raise DocumentError naming ``doc_id``."""
    try:
        xml = trafilatura.extract(html, output_format="xml", include_comments=False, with_metadata=True,
                                  favor_recall=True, include_tables=False)
    except Exception as exc:  # noqa: BLE001 - trafilatura/lxml raise many kinds on broken markup
        raise DocumentError(doc_id, f"HTML could not be parsed: {type(exc).__name__}: {exc}") from exc
    pieces: list[tuple[str, str]] = []
    title = author = date = None
    if xml:
        root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(recover=True, huge_tree=False))
        title, author = root.get("title"), root.get("author")
        main = root.find("main")
        if main is not None:
            _walk(main, pieces, in_quote=False)
    if not pieces:
        pieces = _fallback_blocks(html)
    pieces = [(kind, text) for kind, text in pieces if not is_widget(text)]
    if not pieces:
        raise DocumentError(doc_id, "no main text found in HTML")
    text, blocks = assemble(pieces)
    date = meta.get("date") or _meta_date(html)
    return Document(doc_id=doc_id, text=text, title=meta.get("title") or title, url=meta.get("url"),
                    source=meta.get("source"), author=meta.get("author") or author, date=date,
                    date_source=("metadata" if meta.get("date") else "html-meta" if date else None),
                    origin=meta.get("origin"), blocks=blocks)


def _walk(elem: etree._Element, out: list[tuple[str, str]], in_quote: bool) -> None:
    for child in elem:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "quote":
            if len(child):
                _walk(child, out, in_quote=True)
            else:
                _add(out, "quote", child)
        elif tag in ("list",):
            _walk(child, out, in_quote)
        elif tag in _KINDS:
            _add(out, "quote" if in_quote else _KINDS[tag], child)
        elif tag in ("div", "main", "section"):
            _walk(child, out, in_quote)


def _add(out: list[tuple[str, str]], kind: str, elem: etree._Element) -> None:
    text = " ".join("".join(elem.itertext()).split())
    if text:
        out.append((kind, text))


def _fallback_blocks(html: str) -> list[tuple[str, str]]:
    """For fragments trafilatura declines (feed summaries, tiny pages): paragraphs of visible text."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    for bad in tree.xpath("//script|//style|//nav|//footer|//header|//form|//noscript"):
        bad.drop_tree()
    pieces: list[tuple[str, str]] = []
    for el in tree.iter("p", "h1", "h2", "h3", "blockquote", "li"):
        if el.tag == "p" and any(a.tag == "blockquote" for a in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            pieces.append(("heading" if el.tag.startswith("h") else "quote" if el.tag == "blockquote" else
                           "paragraph", text))
    if not pieces:
        text = " ".join(tree.text_content().split())
        if text:
            pieces.append(("paragraph", text))
    return pieces


def _meta_date(html: str) -> str | None:
    """Publication date from <meta> tags only (no guessing from page text)."""
    try:
        tree = lxml.html.fromstring(html[:200_000])
    except (etree.ParserError, ValueError):
        return None
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _META_DATE:
            value = (meta.get("content") or "")[:10]
            if _ISO_DATE.match(value):
                return value
    for t in tree.iter("time"):
        value = (t.get("datetime") or "")[:10]
        if _ISO_DATE.match(value):
            return value
    return None


def blocks_of(doc: Document) -> tuple[Block, ...]:
    return doc.blocks
