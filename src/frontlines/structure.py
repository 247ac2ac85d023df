"""Document structure: which blocks are quoted source material, the author's commentary, updates,
headings or page boilerplate.

Blog posts and commentary interleave three voices: a newspaper quoted at length ("From the Washington
Post:" followed by quoted paragraphs), the author's own text, and later updates. Who asserts an event
depends on which of these it sits in, and page furniture (comment widgets, share links, bylines) must
yield no events at all. The ingest readers give paragraph/heading/quote blocks (quote where the HTML
had a <blockquote>); ``label_blocks`` refines them from the text alone, so plain-text input works too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Block

# ---------------------------------------------------------------------------------------------
# Cues. Patterns are anchored on the block's stripped text; they describe page furniture that
# recurs across blogging platforms (Blogger, WordPress, TypePad, Movable Type) and news sites.

_UPDATE = re.compile(
    r"^[\[(]?\s*(?:\*+\s*)?(?:(?:late|later|another|final|second|third|\d+(?:st|nd|rd|th)?)\s+)?"
    r"(?:update[sd]?|updating|correction|corrected|clarification|addendum|addenda|postscript|p\.\s?s\.|"
    r"editor'?s note|bumped|further update|edit(?:ed)?)\b"
    r"(?:\s*(?:\d+|[ivx]+))?(?:\s*\([^)\n]{0,40}\)|,?\s+[^:\n.\]]{0,30}?)?\s*[:\]–—-]",
    re.IGNORECASE)

_BOILERPLATE_LINE = [re.compile(p, re.IGNORECASE) for p in (
    r"^(?:\d+|no|one|two|three)\s+(?:comments?|responses?|replies|trackbacks?|pingbacks?)\b.{0,40}$",
    r"^(?:comments?|responses?|trackbacks?)\s*[\(\[]?\s*\d+\s*[\)\]]?\s*$",
    r"^(?:recent|latest|top)\s+(?:comments|posts|entries|articles|stories)\b",
    r"^(?:leave|post|add|write)\s+(?:a|your)\s+(?:comment|reply|response)\b",
    r"^posted\s+(?:by\s+.{1,60}?\s+)?(?:at|on|in)\s+.{1,80}$",
    r"^posted\s+by\s+[^.!?]{1,60}$",
    r"^(?:written|filed|published)\s+(?:by|under|in)\b.{0,100}$",
    r"^by\s+(?:[A-Z][\w.'-]+\s*){1,4}(?:,\s*[\w .'-]{1,60})?(?:\s*[|•·-].{0,60})?$",
    r"^(?:share|email|e-mail|print|tweet|like)\s*(?:this|it|on|via|\||$)",
    r"^(?:share|email|e-mail|print|tweet|facebook|twitter|reddit|digg|stumbleupon|del\.icio\.us|linkedin"
    r"|permalink|comments?|trackbacks?|reply|\||•|·|\s)+$",
    r"^(?:tags?|labels?|categories|category|filed under|topics?)\s*:",
    r"^(?:permalink|trackback url|trackback|reply|quote|report abuse|link to this|top of page)\b.{0,40}$",
    r"^(?:related|previous|next|older|newer)\s+(?:posts?|entries|entry|articles?|stories)\b",
    r"^(?:subscribe|sign up|log ?in|sign in|register)\b.{0,80}$",
    r"^(?:copyright|©|\(c\))\s*.{0,120}$",
    r"^all rights reserved\b",
    r"^(?:read|see)\s+(?:more|the rest|full story|full article)\b.{0,60}$",
    r"^(?:advertisement|sponsored|skip to (?:main )?content|home\s*[|>»])",
    r"^.{0,60}\bsaid\.{3}\s*$",  # comment-widget teasers: "Anonymous said..."
    r"^.{1,60}\s+(?:said|wrote)\s+(?:on|at)\s+.{1,40}(?:am|pm|\d{4})\s*:?\s*$",
)]

# A lead-in that introduces quoted material: "From the Washington Post:", "The Times reports:",
# "Spencer Ackerman writes:", "Here's the AP:", "Via Juan Cole:".
_LEAD_IN = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:from|via|here'?s|here is|this,? from|and (?:this|now),? from|quoting|see)\s+)"
    r"(?P<src1>[^:\n]{2,80}?)\s*[:–—-]+\s*$"
    r"|(?:^|[.!?]\s+)(?P<src2>[A-Z][^:\n]{1,80}?)\s+(?:reports?|writes?|wrote|notes?|noted|says?|said|explains?|"
    r"explained|adds?|added|observes?|observed|argues?|argued|put it|puts it|continued|continues|"
    r"has (?:this|more|the story|a report)|had (?:this|more)|tells? us|told \w+|reported)"
    r"(?:\s+(?:that|this|today|yesterday|in part|(?:on|in) [^:\n]{1,40}))?\s*[:–—-]+\s*$",
    re.IGNORECASE)

_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)\]][.!?])\s+(?=[A-Z\"“])")
_QUOTE_OPEN = ("\"", "“", "«", "‘‘", "''", "``")
_QUOTE_CLOSE = ("\"", "”", "»", "’’", "''")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|(?i:me|my|mine|myself))\b")
# Openers that mark the author's voice coming back after a quoted run in plain text.
_COMMENTARY_OPENER = re.compile(
    r"^(?:so|well|now|hmm+|note|notice|in other words|of course|again|interesting(?:ly)?|translation|"
    r"read (?:the|it)|heh|yes|no|ok(?:ay)?|sigh|oh|ah|wow|gee|right|indeed|meanwhile, back|"
    r"(?:this|that|which) (?:is|means|sounds|seems|raises|suggests)|it'?s (?:worth|not clear|hard))\b",
    re.IGNORECASE)
_HEADING_END = re.compile(r"[.!?:;,\"”)]\s*$")
_PARAGRAPH_SPLIT = re.compile(r"\n[ \t]*\n+|\n(?=[ \t]*(?:>|\[?update|correction)\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class QuoteSource:
    """The lead-in naming who a run of quoted blocks comes from ("the Washington Post")."""

    name: str
    start: int
    end: int
    lead_block: int  # index of the lead-in block in the labelled blocks


def split_paragraphs(text: str) -> tuple[Block, ...]:
    """Blocks for plain text: paragraphs separated by blank lines (offsets into ``text``)."""
    blocks: list[Block] = []
    pos = 0
    for m in _PARAGRAPH_SPLIT.finditer(text):
        _append_trimmed(blocks, text, pos, m.start())
        pos = m.end()
    _append_trimmed(blocks, text, pos, len(text))
    if len(blocks) <= 1 and text.count("\n") > 2:
        # single-newline layout (many scraped pages): one block per line
        blocks = []
        pos = 0
        for line in text.split("\n"):
            _append_trimmed(blocks, text, pos, pos + len(line))
            pos += len(line) + 1
    return tuple(blocks)


def _append_trimmed(blocks: list[Block], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    if not chunk.strip():
        return
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    blocks.append(Block(start + lead, end - trail, "paragraph"))


def is_boilerplate(block_text: str) -> bool:
    s = " ".join(block_text.split())
    if not s:
        return True
    if len(s) > 200:
        return False
    return any(p.search(s) for p in _BOILERPLATE_LINE)


def is_update(block_text: str) -> bool:
    return _UPDATE.match(block_text.strip()) is not None


def lead_in_source(block_text: str) -> tuple[str, int, int] | None:
    """If the block ends by introducing a quotation, the named source and its offsets in the block."""
    s = block_text.rstrip()
    if not s.endswith((":", "—", "–", "-")) or len(s) > 400:
        return None
    # only the block's last sentence can be the lead-in ("... camp. Ahmed Hassan, a doctor, added:")
    cut = max((m.end() for m in _SENTENCE_BREAK.finditer(s)), default=0)
    m = _LEAD_IN.search(s[cut:])
    if m is None:
        return None
    group = "src1" if m.group("src1") else "src2"
    raw = m.group(group)
    start = cut + m.start(group)
    # strip trailing "'s report" / dates / "today" etc. and leading "the story in"
    name = re.sub(r"\s*(?:'s|’s)\s+(?:report|story|article|piece|account|editorial|column|blog).*$", "", raw,
                  flags=re.IGNORECASE)
    name = re.sub(r"^(?:a|an|this|the following)\s+(?:report|story|article|piece|account|editorial)\s+"
                  r"(?:in|from|by)\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(r",?\s+(?:today|yesterday|this morning|tonight|on \w+day)$", "", name, flags=re.IGNORECASE)
    # "Ahmed Hassan, a local doctor, added:" - the name, not its apposition
    name = re.sub(r",\s+(?:a|an|the|who|whose|one|its|his|her|their)\b.*$", "", name, flags=re.IGNORECASE)
    name = name.strip(" ,'\"“”")
    if not name or len(name.split()) > 10:
        return None
    offset = raw.find(name)
    start += max(offset, 0)
    return name, start, start + len(name)


def _quoted_whole(s: str) -> bool:
    return s.startswith(_QUOTE_OPEN) and (s.rstrip().endswith(_QUOTE_CLOSE) or s.count("\"") % 2 == 1
                                          or s.count("“") > s.count("”"))


def _looks_like_heading(s: str) -> bool:
    words = s.split()
    return (0 < len(words) <= 12 and "\n" not in s and not _HEADING_END.search(s)
            and sum(w[:1].isupper() for w in words) >= max(1, len(words) // 2))


def label_blocks(text: str, blocks: tuple[Block, ...], *, commentary: bool) -> tuple[Block, ...]:
    """Label each block paragraph/commentary, quote, update, heading or boilerplate.

    ``blocks`` may be empty (plain text): paragraphs are then found from blank lines. ``commentary``
    says the document is opinion/commentary (a blog post): the author's own paragraphs become
    "commentary" rather than "paragraph". Quoted runs begin after a lead-in ("From the Washington
    Post:") and go on while blocks read like quoted prose (not first person, not an update); HTML
    blockquotes and wholly quoted paragraphs are quotes wherever they are.
    """
    if not blocks:
        blocks = split_paragraphs(text)
    own = "commentary" if commentary else "paragraph"
    # where the reader saw <blockquote>s, the markup already says which blocks are quoted
    markup_quotes = any(b.kind == "quote" for b in blocks)
    out: list[Block] = []
    in_quote = False  # inside a run opened by a lead-in
    for i, block in enumerate(blocks):
        s = text[block.start:block.end].strip()
        kind: str
        if block.kind == "boilerplate" or is_boilerplate(s):
            kind = "boilerplate"
            # widgets end the article body: a quote run does not continue past them
            in_quote = False
        elif is_update(s):
            kind, in_quote = "update", False
        elif block.kind == "quote" or s.startswith(">"):
            kind = "quote"
        elif block.kind == "heading" or (i == 0 and _looks_like_heading(s) and len(blocks) > 1):
            kind, in_quote = "heading", False
        elif _quoted_whole(s) and not _FIRST_PERSON.search(_strip_quoted(s)):
            kind = "quote"
        elif (in_quote and not markup_quotes and not _FIRST_PERSON.search(_strip_quoted(s))
              and not _COMMENTARY_OPENER.match(s) and lead_in_source(s) is None):
            kind = "quote"
        else:
            kind, in_quote = own, False
        if kind in ("commentary", "paragraph", "update") and lead_in_source(s) is not None:
            in_quote = True
        out.append(Block(block.start, block.end, kind))  # type: ignore[arg-type]
    return tuple(out)


def _strip_quoted(s: str) -> str:
    """The text outside quotation marks (first person inside a quotation is the quoted speaker's)."""
    return re.sub(r"[\"“][^\"”]*[\"”]", " ", s)


def quote_sources(text: str, blocks: tuple[Block, ...]) -> dict[int, QuoteSource]:
    """For each quote block, the source named by the lead-in before its run, if any.

    Consecutive quote blocks share the lead-in; boilerplate between them does not break the run.
    """
    out: dict[int, QuoteSource] = {}
    current: QuoteSource | None = None
    for i, block in enumerate(blocks):
        if block.kind == "quote":
            if current is not None:
                out[i] = current
            continue
        if block.kind == "boilerplate":
            continue
        current = None
        found = lead_in_source(text[block.start:block.end])
        if found is not None:
            name, s, e = found
            current = QuoteSource(name, block.start + s, block.start + e, i)
    return out
