"""Factuality stage: is each sentence and event asserted, reported, speculated, planned, denied,
negated or hypothetical, and how certain (0-1) is it that it actually happened?

Labels come from cue words whose scope follows the dependency tree (``cues.py``); the certainty comes
from a small ridge model over the same cues plus lexical/dependency features (trained on UDS-IH2
train, ``scripts/train_factuality.py``), falling back to the rules' own certainty when the model
file is absent. Sentences are also scored by a hedge classifier (CoNLL-2010 style weasels: "some
say", "is believed", "arguably") which decides whether a sentence is hedged at all: a hedged sentence
is "speculated" even without a modal verb, and a bare root modal ("may be used", "would later") it
judges certain is not, unless the cue is unambiguous ("might", "may have", "perhaps", "if").
Quoted blocks report someone else's assertion, so their plain statements are "reported".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..cues import Assessment, Lexicon, assess, load_lexicon
from ..factuality_model import CueIndex, LinearModel, event_features, load_model, sentence_features
from ..prefilter import UNPARSED
from ..records import Annotation, Event, Sentence
from .docarrays import DocArrays, StringMemo, TokenTable

EVENT_MODEL = "factuality_event_model"
HEDGE_MODEL = "factuality_hedge_model"
_REPORTED_BLOCKS = {"quote"}
_NOT_REALIS = {"speculated": 0.2, "planned": 0.2, "hypothetical": 0.2, "negated": 0.25, "denied": 0.25}
_UNCERTAIN = frozenset({"speculated", "hypothetical"})
# rule labels a confident hedge classifier turns into "speculated" ("some say it was never built")
_HEDGEABLE = frozenset({"negated", "planned", "denied"})
_OVERRIDE = 0.6
_FIRST_PERSON = frozenset({"i", "we"})
_MEMO_LIMIT = 400_000  # strings held by the stage's hash -> string memos before they are emptied


@dataclass(frozen=True, slots=True)
class SentenceJudgement:
    label: str
    certainty: float
    hedge: float  # P(uncertain) from the hedge classifier (0 when it is absent)
    assessment: Assessment | None


class FactualityStage:
    name = "factuality"
    requires = frozenset({"doc", "sentences", "events"})
    assigns = frozenset({"sentences", "events", "statistics"})

    def __init__(self, lexicon: Lexicon | None = None, *, event_model: LinearModel | None = None,
                 hedge_model: LinearModel | None = None, use_models: bool = True) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.event_model = event_model if event_model is not None else (load_model(EVENT_MODEL) if use_models
                                                                         else None)
        self.cue_index = CueIndex.build(self.lexicon)
        self.hedge_model = hedge_model if hedge_model is not None else (load_model(HEDGE_MODEL) if use_models
                                                                        else None)
        self._string_memos: tuple[StringMemo, StringMemo] | None = None

    # -- the pieces, usable on any spaCy token/span (the evaluations call these) -----------------

    def event_certainty(self, tok: Any, *, in_quote: bool = False, flags: tuple[bool, bool] | None = None,
                        table: TokenTable | None = None) -> tuple[Assessment, float]:
        """Rule assessment of an event trigger and the certainty (0-1) that the event happened.
        ``table``: the document's ``TokenTable``, when the caller has one."""
        a = assess(tok, self.lexicon, in_quote=in_quote)
        if self.event_model is None:
            return a, a.certainty
        score = self.event_model.score(event_features(tok, a, in_quote=in_quote, flags=flags, table=table))
        certainty = min(1.0, max(0.0, (score + 3.0) / 6.0))
        if a.label in _NOT_REALIS:
            # the model may raise a guess, a plan or a denial a little, never to the level of a fact
            certainty = min(certainty, a.certainty + _NOT_REALIS[a.label])
        return a, round(certainty, 3)

    def hedge_probability(self, span: Any, root_assessment: Assessment | None = None) -> float:
        return self._hedge(span, root_assessment)[0]

    def _hedge(self, span: Any, root_assessment: Assessment | None,
               state: _DocState | None = None) -> tuple[float, bool]:
        """P(uncertain) and whether the source itself is vague ("some say", "it is believed")."""
        if self.hedge_model is None:
            return 0.0, False
        table = state.table() if state is not None else None
        features = sentence_features(span, self.lexicon, root_assessment, index=self.cue_index, table=table)
        if table is None:
            vague = any(k in features for k in ("vague_subject", "passive_report")) or any(
                t.dep_ == "nsubj" and t.tag_ == "NNS" and not list(t.children)
                and self.lexicon.has("report", t.head.lemma_.lower()) for t in span)  # "critics say"
        else:  # the same test on the table's lists
            report, dep, tag, kids, head, lem = (self.lexicon.terms("report"), table.dep, table.tag, table.children,
                                                 table.head, table.lem)
            vague = any(k in features for k in ("vague_subject", "passive_report")) or any(
                dep[i] == "nsubj" and tag[i] == "NNS" and not kids(i) and lem[head[i]] in report
                for i in range(span.start, span.end))
        return self.hedge_model.score(features), vague

    def _memos(self, doc: Any) -> tuple[StringMemo, StringMemo]:
        """The hash -> string memos the documents' token tables share: one per vocabulary, emptied when
        they grow large (a long ingest meets an open-ended vocabulary)."""
        memos = self._string_memos
        store = doc.vocab.strings
        if memos is None or memos[0].store is not store or len(memos[0]) + len(memos[1]) > _MEMO_LIMIT:
            memos = self._string_memos = (StringMemo(store), StringMemo(store, fold=True))
        return memos

    def _certainty_of(self, tok: Any, in_quote: bool, state: _DocState | None) -> tuple[Assessment, float]:
        """``event_certainty``, once per token of a document: an event's trigger is often its sentence's
        main verb, judged for the sentence already (the flags are always the token's own sentence's, so
        the token and ``in_quote`` decide the answer)."""
        if state is None:
            return self.event_certainty(tok, in_quote=in_quote)
        key = (tok.i, in_quote)
        hit = state.certainty.get(key)
        if hit is None:
            table = state.table()
            hit = state.certainty[key] = self.event_certainty(tok, in_quote=in_quote,
                                                              flags=state.sentence_flags(tok.sent),
                                                              table=table if table.read(tok.i) else None)
        return hit

    def judge_sentence(self, span: Any, *, in_quote: bool = False, state: _DocState | None = None,
                       ) -> SentenceJudgement:
        """``state``: what the stage already worked out about the document (None: work it out here)."""
        if len(span) == 0:
            return SentenceJudgement("asserted", 0.95, 0.0, None)
        root = main_token(span) if state is None else state.main_token(span)
        # "I'm guessing we went after Sadr", "Officials said the army shelled...": the sentence's
        # claim is the complement, judged under the cue above it
        content = _content_of(root, self.lexicon)
        a, certainty = self._certainty_of(content, in_quote, state)
        according = state.according_to if state is not None else _according_to
        label = a.label
        if label == "asserted" and according(span):
            label = "reported"  # "..., according to police." vouches for the whole sentence
        # the hedge classifier was trained with the main verb's own cues (scripts/train_factuality.py)
        hedge, vague = self._hedge(span, a if content is root else assess(root, self.lexicon), state)
        if self.hedge_model is None:
            return SentenceJudgement(label, certainty, 0.0, a)
        # The classifier sees the rule cues as features, so it is the judge of "is this sentence
        # hedged?"; the rules name the kind. Ambiguous cues it overrules both ways: a root "may"/"can"
        # ("the tube may be inserted") or a narrative "would" ("he would later found...") is no hedge,
        # while a weasel subject or "is believed" is one without any modal.
        uncertain = hedge >= self.hedge_model.threshold
        if uncertain:
            # a named source's report stays "reported"; a vague one ("some say") is a hedge
            if label == "asserted" or (label == "reported" and (vague or hedge >= 0.6)) or (
                    label in _HEDGEABLE and hedge >= _OVERRIDE):
                label = "speculated"
                certainty = min(certainty, round(0.35 + 0.5 * (1.0 - hedge), 3))
        elif label in _UNCERTAIN and not _firm(a, span.doc):
            label = "reported" if a.report is not None or according(span) else "asserted"
            certainty = max(certainty, round(0.35 + 0.5 * (1.0 - hedge), 3))
        return SentenceJudgement(label, certainty, round(hedge, 3), a)

    # -- the stage -------------------------------------------------------------------------------

    def __call__(self, ann: Annotation) -> Annotation:
        doc: Any = ann.doc
        sentences: list[Sentence] = []
        # sentences the pre-filter kept from the parser (prefilter.py) hold no event (the coder finds none
        # in a placeholder tree) and have only that tree: they stay unjudged (None) rather than get a guess
        spans = doc.spans[UNPARSED] if UNPARSED in doc.spans else ()
        unparsed = {sp.start_char for sp in spans}
        light = sorted((sp.start, sp.end) for sp in spans)
        state = _DocState(doc, self._memos(doc), light)
        for s in ann.sentences:
            if s.block == "boilerplate" or s.start in unparsed:
                sentences.append(s)
                continue
            span = doc.char_span(s.start, s.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                sentences.append(s)
                continue
            j = self.judge_sentence(span, in_quote=s.block in _REPORTED_BLOCKS, state=state)
            sentences.append(replace(s, factuality=j.label, certainty=j.certainty))
        events: list[Event] = []
        # several events share a sentence: scan each sentence once for what the events ask of it
        per_sentence: dict[tuple[int, int], tuple[tuple[bool, bool], bool]] = {}
        for e in ann.events:
            tok = _trigger_token(doc, e)
            if tok is None:
                events.append(e)
                continue
            sent = tok.sent
            key = (sent.start, sent.end)
            if key not in per_sentence:
                per_sentence[key] = (state.sentence_flags(sent), state.according_to(sent))
            flags, according = per_sentence[key]
            block = _block_of(ann.sentences, e.evidence.start)
            a, certainty = self._certainty_of(tok, block in _REPORTED_BLOCKS, state)
            label = a.label
            if label == "asserted" and according:
                label = "reported"
            events.append(replace(e, factuality=label, certainty=certainty,
                                  negated=e.negated or label == "negated"))
        by_start = {s.start: s for s in sentences}
        statistics = tuple(
            replace(st, factuality=st.factuality or _sentence_at(sentences, by_start, st.evidence.start))
            for st in ann.statistics)
        return replace(ann, sentences=tuple(sentences), events=tuple(events), statistics=statistics)


class _DocState:
    """What the stage works out once per document: token attribute lists, each sentence's question and
    condition flags (``sentence_flags``) and each token's certainty."""

    __slots__ = ("_table", "according", "arrays", "certainty", "conditions", "doc", "flags", "light", "memos", "nns",
                 "nsubj", "prep", "root")

    def __init__(self, doc: Any, memos: tuple[StringMemo, StringMemo] | None = None,
                 light: list[tuple[int, int]] | None = None) -> None:
        """``light``: the token ranges of the pre-filter's unparsed sentences, sorted (never judged)."""
        strings = doc.vocab.strings
        self.doc = doc
        self.memos = memos
        self.light = light or []
        self._table: TokenTable | None = None
        self.arrays = DocArrays(doc)
        self.nsubj, self.nns, self.root = strings["nsubj"], strings["NNS"], strings["ROOT"]
        self.according, self.prep = strings["according"], strings["prep"]
        self.conditions = frozenset({strings["if"], strings["unless"]})
        self.certainty: dict[tuple[int, bool], tuple[Assessment, float]] = {}
        self.flags: dict[tuple[int, int], tuple[bool, bool]] = {}

    def table(self) -> TokenTable:
        """The document's ``TokenTable`` (built on first use: documents with no parsed sentence need none)."""
        if self._table is None:
            self._table = TokenTable(self.doc, self.memos, self.arrays, self.light)
        return self._table

    def sentence_flags(self, sent: Any) -> tuple[bool, bool]:
        """``sentence_flags(sent)`` read off the token lists."""
        key = (sent.start, sent.end)
        hit = self.flags.get(key)
        if hit is None:
            a = self.arrays
            hit = self.flags[key] = (self._question(sent.start, sent.end),
                                     any(low in self.conditions for low in a.lower[sent.start:sent.end]))
        return hit

    def _question(self, start: int, end: int) -> bool:
        """Whether ``doc[start:end].text.rstrip().endswith("?")``: its last token with more than whitespace
        says (the text between and after tokens is whitespace)."""
        orth = self.arrays.orth
        strings = self.memos[0] if self.memos is not None else self.doc.vocab.strings
        for j in range(end - 1, start - 1, -1):
            word = strings[orth[j]].rstrip()
            if word:
                return word.endswith("?")
        return False

    def main_token(self, span: Any) -> Any:
        """``main_token(span)``: its first ROOT token, else the span's root."""
        dep, root = self.arrays.dep, self.root
        first = next((i for i in range(span.start, span.end) if dep[i] == root), None)
        return self.doc[first] if first is not None else span.root

    def according_to(self, span: Any) -> bool:
        """``_according_to(span)`` read off the lists."""
        a, according, prep = self.arrays, self.according, self.prep
        return any(low == according and dep == prep
                   for low, dep in zip(a.lower[span.start:span.end], a.dep[span.start:span.end], strict=True))


def _sentence_at(sentences: list[Sentence], by_start: dict[int, Sentence], offset: int) -> str | None:
    """The factuality of the sentence holding ``offset`` (a cumulative toll is as sure as its sentence)."""
    s = by_start.get(offset) or next((x for x in sentences if x.start <= offset < x.end), None)
    return s.factuality if s is not None else None


def _firm(a: Assessment, doc: Any) -> bool:
    """Whether a speculative/conditional rule label rests on an unambiguous cue, kept even when the
    classifier disagrees: "might", an epistemic perfect ("may have shelled"), a hedging adverb
    ("perhaps"), a condition or an open question ("if", "whether", "would" under an if-clause), a
    speculative adjective ("it is unclear"), or a first-person guess ("I think", "I'm guessing").
    A bare "may"/"could" (permission, ability: "detainees may be held") or a narrative "would" ("he
    would later command") is left to the classifier."""
    for cue in a.cues:
        if cue.category not in ("speculative", "hypothetical"):
            continue
        tok = doc[cue.token_i]
        if tok.tag_ == "MD":
            siblings = list(tok.head.children)
            if tok.lower_ == "might" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in siblings):
                return True  # "might" is epistemic; "may/could have done" infers about the past
            if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
                   for c in siblings):
                return True  # "if the talks fail, the militia would attack"
        elif tok.dep_ in ("mark", "advmod") or tok.pos_ == "ADJ":
            return True
        elif any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in tok.children):
            return True
    return False


def _according_to(span: Any) -> bool:
    return any(t.lower_ == "according" and t.dep_ == "prep" for t in span)


def main_token(span: Any) -> Any:
    """The sentence's main predicate: its first dependency root (a span over several parses has many)."""
    return next((t for t in span if t.dep_ == "ROOT"), None) or span.root


def _content_of(root: Any, lexicon: Lexicon) -> Any:
    lemma = root.lemma_.lower()
    if lexicon.has("report", lemma) or lexicon.has("speculative", lemma) or lexicon.has("denial", lemma):
        comp = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if comp is not None:
            return comp
    return root


def _trigger_token(doc: Any, e: Event) -> Any:
    span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _block_of(sentences: tuple[Sentence, ...], offset: int) -> str:
    for s in sentences:
        if s.start <= offset < s.end:
            return s.block
    return "paragraph"
