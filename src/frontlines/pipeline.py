"""The pipeline: parse documents in batches with ``nlp.pipe``, then run the stages in a checked order.

A stage is any object with ``name``, ``requires`` and ``assigns`` (sets of Annotation field names)
and ``__call__(annotation) -> annotation``. Heavy resources (the spaCy model, the gazetteer) are
given to stages when they are built, never loaded by the stage itself.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from .errors import DocumentError, PipelineError
from .records import Annotation, Document, ErrorRecord

if TYPE_CHECKING:
    from .prefilter import Prefilter

log = logging.getLogger(__name__)

#: What the pipeline itself provides before any stage runs.
PROVIDED = frozenset({"document", "doc"})

#: Documents longer than this are refused with a clear error (spaCy's own default limit).
MAX_CHARS = 1_000_000


_BLOCK_BREAK = re.compile(r"\n[ \t]*\n\s*")


def segment_text(text: str) -> list[str]:
    """Split at blank lines, keeping every character: blocks are parsed apart so that a heading or a
    paragraph without a full stop never merges with the next block into one sentence."""
    cuts = [m.end() for m in _BLOCK_BREAK.finditer(text)]
    bounds = [0, *(c for c in cuts if 0 < c < len(text)), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _join(docs: list[object], exclude: tuple[str, ...] = ()) -> object:
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc  # noqa: PLC0415

    # light pieces carry no tensor, so a mixed join leaves tensors out (no stage reads them)
    if "tensor" in exclude and "spans" not in exclude and _plain(docs):
        return _concat(docs)
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=exclude)  # type: ignore[arg-type, call-arg]


def _plain(docs: list[Any]) -> bool:
    """Pieces ``_concat`` joins as ``Doc.from_docs`` would: one vocabulary, no user data."""
    vocab = docs[0].vocab
    return all(d.vocab is vocab and not d.user_data for d in docs)


def _concat(docs: list[Any]) -> Any:
    """``Doc.from_docs(docs, ensure_whitespace=False, exclude=("tensor",))`` for ``_plain`` pieces: the same
    words, spaces, attribute arrays and span groups, read from the pieces' arrays (from_docs builds a
    Token per token twice, rebuilds each piece's text and finds every span again by its characters)."""
    import numpy  # noqa: PLC0415
    from spacy.attrs import ORTH, SPACY  # noqa: PLC0415
    from spacy.tokens import Doc, Span  # noqa: PLC0415

    attrs = list(Doc._get_array_attrs())
    if SPACY not in attrs:
        attrs.append(SPACY)
    array = numpy.concatenate([d.to_array(attrs) for d in docs])
    vocab = docs[0].vocab
    strings = vocab.strings
    words = [strings[o] for o in array[:, attrs.index(ORTH)].tolist()]
    spaces = [bool(sp) for sp in array[:, attrs.index(SPACY)].tolist()]
    doc = Doc(vocab, words=words, spaces=spaces, user_data={})
    doc.from_array(attrs, array)  # type: ignore[arg-type]
    groups: dict[str, list[Any]] = {}
    offset = 0
    for d in docs:
        for key in d.spans:  # a key any piece has is kept, even with no span
            group = groups.setdefault(key, [])
            for sp in d.spans[key]:  # (token boundaries: the joined text is the pieces' texts end to end)
                group.append(Span(doc, sp.start + offset, sp.end + offset, label=sp.label, kb_id=sp.kb_id,
                                  span_id=sp.id))
        offset += len(d)
    for key, spans in groups.items():
        doc.spans[key] = spans
    return doc


class Stage(Protocol):
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]

    def __call__(self, ann: Annotation) -> Annotation: ...


@dataclass(frozen=True, slots=True)
class Result:
    """A processed document, or the error that stopped it."""

    annotation: Annotation | None = None
    error: ErrorRecord | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def check_order(stages: Sequence[Stage]) -> None:
    """Raise PipelineError if a stage needs a field that no earlier stage (or the parser) assigns."""
    have = set(PROVIDED)
    for stage in stages:
        missing = set(stage.requires) - have
        if missing:
            raise PipelineError(f"stage {stage.name!r} requires {sorted(missing)}, not assigned before it")
        have |= set(stage.assigns)


class Pipeline:
    """Runs documents through spaCy (batched) and then through ``stages`` in order."""

    def __init__(self, nlp: object, stages: Sequence[Stage], *, batch_size: int = 32,
                 max_chars: int = MAX_CHARS, prefilter: Prefilter | None = None, fast_attrs: bool = True) -> None:
        """``prefilter``: parse only the sentences it wants; the others get tokens and sentences only
        (see prefilter.py). None parses everything. ``fast_attrs``: run spaCy's attribute_ruler and
        lemmatizer through their memoised equivalent (fastattrs.py, same output) where it is exact."""
        from .fastattrs import FastAttrs  # noqa: PLC0415

        check_order(stages)
        self.nlp = nlp
        self.fast = FastAttrs.from_nlp(nlp) if fast_attrs else None
        self.stages = tuple(stages)
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.prefilter = prefilter
        self._sentencizer: object | None = None

    def run(self, documents: Iterable[Document | ErrorRecord]) -> Iterator[Result]:
        """Yield one Result per input, in input order; ErrorRecords from reading pass through."""
        batch: list[Document | ErrorRecord] = []
        for item in documents:
            batch.append(item)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def process(self, document: Document) -> Result:
        """Run one document (convenience for tests and the API)."""
        return next(iter(self._run_batch([document])))

    def _run_batch(self, batch: list[Document | ErrorRecord]) -> Iterator[Result]:
        docs: list[Document] = []
        early: dict[int, Result] = {}
        for i, item in enumerate(batch):
            if isinstance(item, ErrorRecord):
                early[i] = Result(error=item)
            elif len(item.text) > self.max_chars:
                early[i] = Result(error=ErrorRecord(
                    item.doc_id, "parse",
                    f"document too long: {len(item.text):,} characters (limit {self.max_chars:,})",
                    item.origin))
            elif not item.text.strip():
                early[i] = Result(error=ErrorRecord(item.doc_id, "parse", "document has no text", item.origin))
            else:
                docs.append(item)
        parsed = self._parse(docs)
        for i, item in enumerate(batch):
            if i in early:
                yield early[i]
                continue
            assert isinstance(item, Document)
            spacy_doc = parsed.get(item.doc_id)
            if isinstance(spacy_doc, ErrorRecord):
                yield Result(error=spacy_doc)
                continue
            yield self._run_stages(Annotation(document=item, doc=spacy_doc, done=PROVIDED))

    def _parse(self, docs: list[Document]) -> dict[str, object]:
        """Parse with nlp.pipe; if the batch fails, retry one by one so one bad text costs only itself."""
        out: dict[str, object] = {}
        if not docs:
            return out
        if self.prefilter is not None:
            return self._parse_filtered(docs)
        try:
            pieces = [segment_text(d.text) for d in docs]
            parsed = iter(self._pipe(seg for segs in pieces for seg in segs))
            for document, segs in zip(docs, pieces, strict=True):
                out[document.doc_id] = _join([next(parsed) for _ in segs])
            return out
        except Exception:  # noqa: BLE001 - isolate the culprit below
            log.debug("batch parse failed; retrying documents one by one", exc_info=True)
        for document in docs:
            try:
                out[document.doc_id] = _join(list(self._pipe(segment_text(document.text))))
            except Exception as exc:  # noqa: BLE001
                out[document.doc_id] = ErrorRecord(document.doc_id, "parse", f"{type(exc).__name__}: {exc}",
                                                   document.origin)
        return out

    def _parse_filtered(self, docs: list[Document]) -> dict[str, object]:
        """Light pass (tokens + punctuation sentences) everywhere, full pass only on runs of wanted sentences."""
        out: dict[str, object] = {}
        try:
            plans = [self._plan(d) for d in docs]
            heavy = iter(self._pipe(t for plan in plans for t in plan if isinstance(t, str)))
            for document, plan in zip(docs, plans, strict=True):
                out[document.doc_id] = _join([next(heavy) if isinstance(p, str) else p for p in plan],
                                             exclude=("tensor",))
            return out
        except Exception:  # noqa: BLE001 - isolate the culprit below
            log.debug("filtered batch parse failed; retrying documents one by one", exc_info=True)
        for document in docs:
            try:
                plan = self._plan(document)
                heavy = iter(self._pipe([p for p in plan if isinstance(p, str)]))
                out[document.doc_id] = _join([next(heavy) if isinstance(p, str) else p for p in plan],
                                             exclude=("tensor",))
            except Exception as exc:  # noqa: BLE001
                out[document.doc_id] = ErrorRecord(document.doc_id, "parse", f"{type(exc).__name__}: {exc}",
                                                   document.origin)
        return out

    def _pipe(self, texts: Iterable[str]) -> Iterator[object]:
        """spaCy's full pipeline over ``texts``, with the fast attribute ruler + lemmatizer when exact."""
        if self.fast is None:
            yield from self.nlp.pipe(texts)  # type: ignore[attr-defined]
            return
        fast = self.fast
        for doc in self.nlp.pipe(texts, disable=fast.disabled):  # type: ignore[attr-defined]
            yield fast(doc)

    def unparsed_ranges(self, document: Document) -> list[tuple[int, int]]:
        """Character ranges of ``document`` the pre-filter keeps from the parser (none without one)."""
        if self.prefilter is None:
            return []
        out: list[tuple[int, int]] = []
        at = 0
        for piece in self._plan(document):
            n = len(piece) if isinstance(piece, str) else len(piece.text)  # type: ignore[attr-defined]
            if not isinstance(piece, str):
                out.append((at, at + n))
            at += n
        return out

    def _plan(self, document: Document) -> list[object]:
        """The document as consecutive pieces: a str is text for the full pipeline, a Doc is already light."""
        from .prefilter import flatten_tree  # noqa: PLC0415

        assert self.prefilter is not None
        if self._sentencizer is None:
            from spacy.pipeline import Sentencizer  # noqa: PLC0415

            self._sentencizer = Sentencizer()
        make_doc, sentencize = self.nlp.make_doc, self._sentencizer  # type: ignore[attr-defined]
        skip = [(b.start, b.end) for b in document.blocks if b.kind == "boilerplate"]
        plan: list[object] = []
        offset = 0
        for seg in segment_text(document.text):
            light = sentencize(make_doc(seg))  # type: ignore[operator]
            runs: list[tuple[bool, int]] = []  # (wanted, start char in seg)
            for sent in light.sents:
                at = offset + sent.start_char
                wanted = (not any(a <= at < b for a, b in skip)
                          and self.prefilter.wants([t.text for t in sent]))
                if not runs or runs[-1][0] != wanted:
                    runs.append((wanted, sent.start_char if runs else 0))
            offset += len(seg)
            if len(runs) <= 1:
                plan.append(seg if runs and runs[0][0] else flatten_tree(light))
                continue
            ends = [start for _, start in runs[1:]] + [len(seg)]
            for (wanted, start), end in zip(runs, ends, strict=True):
                piece = seg[start:end]
                plan.append(piece if wanted else flatten_tree(sentencize(make_doc(piece))))  # type: ignore[operator]
        return plan

    def _run_stages(self, ann: Annotation) -> Result:
        for stage in self.stages:
            try:
                ann = stage(ann)
            except DocumentError as exc:
                return Result(error=ErrorRecord(ann.doc_id, stage.name, exc.message, ann.document.origin))
            except Exception as exc:  # noqa: BLE001 - one document's failure must not stop the batch
                log.debug("stage %s failed on %s", stage.name, ann.doc_id, exc_info=True)
                return Result(error=ErrorRecord(ann.doc_id, stage.name, f"{type(exc).__name__}: {exc}",
                                                ann.document.origin))
            ann = replace(ann, done=ann.done | stage.assigns)
        return Result(annotation=ann)
