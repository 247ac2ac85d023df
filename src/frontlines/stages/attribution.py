"""Attribution stage: who asserts each sentence and event.

Sources, from the most local to the default:
1. a reporting construction in the sentence: the subject of a reporting verb whose complement holds
   the event ("Sadrist leaders said that...", "Spencer Ackerman thinks..."), a reporting clause
   hanging off the content ("..., officials said."), or "according to the ministry";
2. a quotation that runs on from an earlier sentence or paragraph (an unclosed quotation mark, or a
   sentence ending "He added:"), which keeps the earlier speaker;
3. the lead-in of a quoted block ("From the Washington Post:" covers the quoted paragraphs after it);
4. the document's own voice: the author in commentary and updates, the outlet in news.
Pronoun sources ("he said") keep their text as the span and take the nearest earlier named person as
the name. Kinds: outlet, author, person, organization, government, unknown.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from importlib import resources as importlib_resources
from typing import Any

from ..coding.syntax import ents_in
from ..cues import Lexicon, load_lexicon
from ..records import Annotation, Attribution, Event, Sentence
from ..structure import quote_sources
from .docarrays import DocArrays

Token = Any

# Verbs that take a source subject even without a complement clause ("..., he said.").
_SPEECH = {"say", "tell", "add", "write", "report", "announce", "tweet", "note", "explain", "claim", "insist",
           "argue", "ask", "declare", "state", "reply", "respond", "confirm", "deny", "admit", "acknowledge",
           "continue", "warn", "allege", "assert", "contend", "maintain", "predict", "suggest", "testify",
           "recall", "remark", "concede", "complain", "charge", "counter", "post", "stress", "emphasize",
           "observe", "quip", "joke", "boast", "scoff", "retort", "muse", "brief", "caution", "vow", "promise",
           "pledge", "threaten", "describe", "call", "accuse", "criticize", "blame", "praise", "disclose",
           "reveal", "show", "find", "indicate", "estimate", "conclude", "urge", "demand",
           "comment", "agree", "disagree", "decline", "refuse", "point", "repeat", "reiterate", "mention"}
_SPEECH -= {"call", "show", "find"}
# Verbs of thinking: a source only when they take a clause ("Ackerman thinks the blow came...").
_COGNITIVE = {"think", "believe", "guess", "suspect", "suppose", "speculate", "fear", "hope", "expect",
              "feel", "worry", "doubt", "reckon", "assume", "imagine", "wonder", "know", "understand",
              "learn", "hear", "consider", "want", "wish", "see", "realize", "recognize", "question"}
_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "obj", "parataxis", "advcl", "conj", "prep", "dative", "oprd"}
_SUBJ = {"nsubj", "nsubjpass"}

_OUTLET = re.compile(
    r"\b(?:times|post|journal|tribune|herald|guardian|gazette|telegraph|independent|observer|daily|weekly|"
    r"news|newspaper|magazine|press|reuters|afp|ap|associated press|bbc|cnn|nbc|abc|cbs|fox|msnbc|npr|"
    r"al[- ]?jazeera|al[- ]?arabiya|al[- ]?zaman|sana|irna|tass|ria|interfax|xinhua|agency|agence|"
    r"television|tv|radio|channel|broadcaster|website|blog|wire|bloomberg|economist|atlantic|politico|"
    r"axios|breitbart|slate|salon|huffington|mcclatchy|knight ridder|newsweek|time magazine|wapo|nyt)\b",
    re.IGNORECASE)
_GOVERNMENT = re.compile(
    r"\b(?:government|ministry|minister|ministers|ministries|president|presidency|prime minister|premier|"
    r"cabinet|white house|pentagon|kremlin|state department|department|embassy|ambassador|officials?|"
    r"authorities|administration|governor|mayor|army|military|police|forces|commander|general|spokes(?:man|"
    r"woman|person) for the (?:ministry|government|army|military)|parliament|congress|senate|council|"
    r"regime|secretary|interior|defen[cs]e|foreign office|downing street|élysée|palace|junta)\b",
    re.IGNORECASE)
_ORGANIZATION = re.compile(
    r"\b(?:party|movement|group|militia|front|alliance|coalition|union|committee|campaign|organization|"
    r"organisation|association|council|league|brigade|army|bloc|faction|leaders|leadership|members|groups|"
    r"parties|movements|militias|organizations|organisations|associations|agencies|charities|charity|ngos?|"
    r"spokes(?:man|woman|person)|office|agency|institute|foundation|watch|amnesty|red cross|red crescent|"
    r"united nations|un|nato|eu|company|corporation|inc|ltd|university|center|centre|network|"
    r"insurgents|rebels|sadrists?|hamas|hezbollah|hizbollah|taliban|democrats|republicans|sources?)\b",
    re.IGNORECASE)
_PRONOUNS = {"he", "she", "him", "her", "his", "i", "we", "they", "it", "you", "who", "which", "that", "me",
             "us", "them"}
_UNKNOWN_SOURCES = {"sources", "source", "reports", "report", "rumours", "rumors", "some", "others", "many",
                    "observers", "people", "one", "someone", "critics", "analysts", "experts"}
_OPEN_QUOTES = ("\"", "“")
STRONG_RATE = 0.4  # a verb with a subject is a cue this often or more: a reporting verb in any frame
# (0.4, not 0.5: source F1 on PolNeAR train 0.6912 -> 0.6957, flat down to 0.35; "offer", "oppose", "seek")
WEAK_RATE = 0.15  # below this even a clause does not make it one (e.g. "know", "see")
SOMETIMES_RATE = 0.35  # any verb this often a cue is one when a clause or quotation backs it ("he continued")
VERB_FILE = "attribution_verbs.tsv"


def load_verb_rates(min_seen: int = 4) -> dict[str, float]:
    """lemma -> how often it is an attribution cue when it has a subject (packaged data file)."""
    path = importlib_resources.files("frontlines").joinpath("data", VERB_FILE)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    rates: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lemma, cues, seen = line.split("\t")
        if int(seen) >= min_seen:
            rates[lemma] = int(cues) / int(seen)
    return rates


@dataclass(frozen=True, slots=True)
class Detection:
    """One reporting construction: the source span, the cue token, and the tokens it covers."""

    source_start: int  # char offsets of the source span
    source_end: int
    source_text: str
    name: str | None
    kind: str
    cue_i: int
    content: frozenset[int]  # token indices of the reported content
    sent_start: int  # char offset of the sentence holding it
    # a clause, quotation or "according to" carries the content; without one ("Maliki asked for it")
    # the verb is a speech act the writer reports, and the sentence stays the writer's
    has_content: bool = True


class AttributionStage:
    name = "attribution"
    requires = frozenset({"doc", "sentences", "events"})
    assigns = frozenset({"sentences", "events", "statistics"})

    def __init__(self, lexicon: Lexicon | None = None, verb_rates: dict[str, float] | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.reporting = (set(self.lexicon.terms("report")) | _SPEECH) - {"according"}
        self.verb_rates = verb_rates if verb_rates is not None else load_verb_rates()
        # every lemma ``_detect_at`` can take for a cue (it checks the rates itself)
        self._cue_lemmas = frozenset(self.verb_rates) | frozenset(self.reporting) | frozenset(_COGNITIVE)

    # -- detection -------------------------------------------------------------------------------

    def detect(self, doc: Any, arrays: DocArrays | None = None) -> list[Detection]:
        """Every reporting construction in a parsed document, in text order."""
        arrays = arrays or DocArrays(doc)
        cands = self._candidates(doc, arrays)
        found: list[Detection] = []
        last_person: str | None = None
        last_group: str | None = None
        full_text = arrays.text  # Doc.text is rebuilt on every access: read it once
        # Span.ents rebuilds Doc.ents on every access (O(document) per sentence): build it once
        ents = list(doc.ents)
        ent_starts = [e.start for e in ents]
        strings = doc.vocab.strings
        colon_h = strings[":"]
        quote_marks = {strings[q] for q in ("\"", "“", "”")}
        for sent in doc.sents:
            if colon_h in arrays.orth[sent.start:min(sent.start + 7, sent.end)]:
                colon = _colon_source(sent, full_text)
                if colon is not None:
                    found.append(colon)
            first, stop = bisect.bisect_left(cands, sent.start), bisect.bisect_left(cands, sent.end)
            quoted = first < stop and any(h in quote_marks for h in arrays.orth[sent.start:sent.end])
            for k in range(first, stop):
                tok = doc[cands[k]]
                det = self._detect_at(tok, sent, last_person, last_group, full_text, quoted)
                # speech reported inside a quotation belongs to the quoted speaker, not a new source
                if det is not None and not _inside_quotation(full_text, det.source_start):
                    found.append(det)
            for ent in ents_in(ents, ent_starts, sent):
                # single-word PERSON tags on places are common; trust names or subjects
                if ent.label_ == "PERSON" and (len(ent) > 1 or ent.root.dep_ in _SUBJ):
                    last_person = ent.text
                elif ent.label_ in ("ORG", "NORP", "GPE"):
                    last_group = ent.text
        return found

    def _candidates(self, doc: Any, arrays: DocArrays) -> list[int]:
        """Indices of the tokens ``_detect_at`` can make something of ("according" as a preposition, a
        verb or root noun whose lemma may be a cue); it returns None on every other token."""
        from spacy.parts_of_speech import IDS  # noqa: PLC0415

        strings = doc.vocab.strings
        according, prep, root = strings["according"], strings["prep"], strings["ROOT"]
        verb, aux, noun = IDS["VERB"], IDS["AUX"], IDS["NOUN"]
        keys = self._cue_lemmas
        out = []
        for i, (low, lemma, pos, dep) in enumerate(zip(arrays.lower, arrays.lemma, arrays.pos, arrays.dep,
                                                       strict=True)):
            if low == according and dep == prep:
                out.append(i)
            elif (pos == verb or pos == aux or (pos == noun and dep == root)) and strings[lemma].lower() in keys:
                out.append(i)
        return out

    def _detect_at(self, tok: Token, sent: Any, last_person: str | None,
                   last_group: str | None, full_text: str, quoted: bool | None = None) -> Detection | None:
        """``quoted``: whether ``sent`` holds a quotation mark, from callers that know it already."""
        low = tok.lower_
        if low == "according" and tok.dep_ == "prep":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in (to.children if to is not None else tok.children) if c.dep_ == "pobj"), None)
            if pobj is None:
                return None
            # "according to police" vouches for the whole sentence it sits in
            content = frozenset(range(sent.start, sent.end)) - frozenset(t.i for t in tok.subtree)
            return self._make(pobj, tok, content, sent, last_person, last_group, full_text)
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
            return None
        lemma = tok.lemma_.lower()
        rate = self.verb_rates.get(lemma)
        strong = rate is not None and rate >= STRONG_RATE
        speech = (lemma in self.reporting and (rate is None or rate >= WEAK_RATE)) or (
            rate is not None and rate >= SOMETIMES_RATE)
        cognitive = lemma in _COGNITIVE
        if not (strong or speech or cognitive):
            return None
        kids = list(tok.children)
        subj = next((c for c in kids if c.dep_ in _SUBJ), None)
        if subj is None and tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.i != tok.i and (
                tok.dep_ == "conj" or tok.tag_ == "VBG"):
            # "..., he said, adding that..." / "and warned that...": the governing verb's subject speaks
            subj = next((c for c in tok.head.children if c.dep_ in _SUBJ), None)
        agent = next((c for c in kids if c.dep_ == "agent"), None)
        if agent is not None:  # "was reported by the ministry"
            subj = next((c for c in agent.children if c.dep_ == "pobj"), subj)
        elif subj is not None and subj.dep_ == "nsubjpass":
            return None  # "he was told" - the subject is the hearer
        # "the ministry, which denied that..." - PolNeAR marks the relative pronoun as the source, as with "who"
        if subj is None or subj.lower_ == "that":
            return None
        # "continued to shell" is aspect, not speech: only "he continued:" or a quotation makes it a cue
        has_clause = any(c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "xcomp" and speech and lemma != "continue")
                         for c in kids)
        quote_in_sentence = any(t.text in ("\"", "“", "”") for t in sent) if quoted is None else quoted
        is_reporting_clause = tok.dep_ in ("parataxis", "ccomp", "advcl") and tok.i > tok.head.i
        if not strong:
            if cognitive and not speech and (not has_clause or subj.lower_ in ("i", "you", "we")):
                return None
            if speech and not (has_clause or quote_in_sentence or is_reporting_clause
                               or _followed_by_colon(tok)):
                return None
        carries = (has_clause or quote_in_sentence or is_reporting_clause or _followed_by_colon(tok)
                   or full_text[sent.start_char:sent.end_char].rstrip().endswith(":"))  # "X said in a statement:" introduces what follows
        if is_reporting_clause and not has_clause:
            content = frozenset(t.i for t in tok.head.subtree) - frozenset(t.i for t in tok.subtree)
        else:
            content = frozenset(t.i for c in kids if c.dep_ in _CONTENT_DEPS and c.i != subj.i for t in c.subtree)
            if not content or quote_in_sentence:
                content = frozenset(range(sent.start, sent.end)) - frozenset(t.i for t in subj.subtree) - {tok.i}
        det = self._make(subj, tok, content, sent, last_person, last_group, full_text)
        return det if carries else replace(det, has_content=False)

    def _make(self, src: Token, cue: Token, content: frozenset[int], sent: Any, last_person: str | None,
              last_group: str | None, full_text: str) -> Detection:
        # the span is the whole phrase, as PolNeAR marks it ("Phil Smith, a spokesman for the union"); the
        # name is its core, without the set-off apposition or relative clause
        start, end = _source_extent(src, full=True)
        text = full_text[start:end]
        core_start, core_end = _source_extent(src)
        core = full_text[core_start:core_end]
        low = src.lower_
        name: str | None
        if low in ("who", "which", "that") and src.head.dep_ == "relcl":
            ref = src.head.head  # "the minister, who said..." -> the minister
            name = " ".join(t.text for t in ref.subtree if t.i <= ref.i and t.dep_ in ("compound", "amod",
                                                                                          "det") or t.i == ref.i)
            kind = _kind_of(ref, name)
        elif low in ("he", "she", "i", "his", "her", "him", "me"):
            name, kind = (last_person, "person") if low in ("he", "she", "his", "her", "him") else (None, "person")
            if low in ("i", "me"):
                name, kind = None, "author"
        elif low in ("they", "we", "them", "us", "it"):
            name, kind = last_group, _kind_of(src, last_group or "")
            if name is None:
                kind = "unknown"
        else:
            name = core
            kind = _kind_of(src, core)
        return Detection(start, end, text, name, kind, cue.i, content, sent.start_char)

    # -- the stage -------------------------------------------------------------------------------

    def __call__(self, ann: Annotation) -> Annotation:
        doc: Any = ann.doc
        arrays = DocArrays(doc)
        detections = self.detect(doc, arrays)
        first_person = doc.vocab.strings["i"]
        by_sent: dict[int, list[Detection]] = {}
        for d in detections:
            if d.has_content:
                by_sent.setdefault(d.sent_start, []).append(d)
        default = self.default_attribution(ann)
        quoted = self._quoted_block_sources(ann)
        sentences: list[Sentence] = []
        events = list(ann.events)
        order = sorted(range(len(events)), key=lambda k: events[k].trigger.start)
        starts = [events[k].trigger.start for k in order]
        open_quote = False  # a quotation left open by an earlier sentence or paragraph
        speaker: Attribution | None = None  # who spoke the last explicitly attributed quotation
        carry: Attribution | None = None  # "He added:" passes its source to what follows
        span_at = {sp.start_char: sp for sp in doc.sents}
        for s in ann.sentences:
            if s.block == "boilerplate":
                sentences.append(s)
                open_quote, speaker, carry = False, None, None
                continue
            span = span_at.get(s.start) or doc.char_span(s.start, s.end, alignment_mode="expand")
            dets = by_sent.get(span.start_char, []) if span is not None else []
            base = quoted.get(s.start) or default
            text = s.text.strip()
            starts_quoted = text.startswith(_OPEN_QUOTES)
            if carry is not None:
                base = carry
            elif speaker is not None and (open_quote or starts_quoted) and s.block != "update":
                base = speaker
            own = _sentence_level(dets, span, arrays)
            if own is None and s.block != "quote" and span is not None \
                    and first_person in arrays.lower[span.start:span.end] and _first_person_claim(span):
                base = Attribution(name=default.name if default.kind != "unknown" else None, kind="author")
            attribution = _to_attribution(own, default) if own is not None else base
            sentences.append(replace(s, attribution=attribution))
            # events in this sentence: the innermost detection whose content holds the trigger
            for k in range(bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)):
                e = events[order[k]]
                if span is None:
                    continue
                tok = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
                det = _covering(dets, tok.root.i) if tok is not None and len(tok) else None
                events[order[k]] = replace(e, attribution=_to_attribution(det, default) if det is not None else base)
            open_quote = _quote_state(text, open_quote)
            has_quote = any(c in text for c in "“”\"")
            if own is not None and has_quote:
                speaker = attribution
            elif not has_quote and not open_quote:
                speaker = None  # plain narration breaks a run of quotations
            carry = attribution if text.endswith(":") and own is not None else None
        statistics = []
        for st in ann.statistics:
            holder = next((x for x in sentences if x.start <= st.evidence.start < x.end), None)
            det = None
            if st.quantity.start is not None and st.quantity.end is not None and holder is not None:
                qspan = doc.char_span(st.quantity.start, st.quantity.end, alignment_mode="expand")
                sent_dets = by_sent.get(qspan.sent.start_char, []) if qspan is not None and len(qspan) else []
                det = _covering(sent_dets, qspan.root.i) if sent_dets else None
            found: Attribution | None = _to_attribution(det, default) if det is not None else (
                holder.attribution if holder is not None else default)
            statistics.append(replace(st, attribution=st.attribution or found))
        return replace(ann, sentences=tuple(sentences), events=tuple(events), statistics=tuple(statistics))

    def default_attribution(self, ann: Annotation) -> Attribution:
        d = ann.document
        commentary = any(s.block == "commentary" for s in ann.sentences) or \
            any(b.kind == "commentary" for b in d.blocks)
        if commentary or d.author:
            return Attribution(name=d.author or d.source, kind="author")
        if d.source:
            return Attribution(name=d.source, kind="outlet")
        return Attribution(name=None, kind="unknown")

    def _quoted_block_sources(self, ann: Annotation) -> dict[int, Attribution]:
        """Sentence start -> the lead-in source of the quoted block it sits in."""
        blocks = ann.document.blocks
        if not blocks:
            return {}
        sources = quote_sources(ann.document.text, blocks)
        if not sources:
            return {}
        block_starts = [b.start for b in blocks]
        out: dict[int, Attribution] = {}
        for s in ann.sentences:
            i = bisect.bisect_right(block_starts, s.start) - 1
            qs = sources.get(i)
            if qs is None or not (blocks[i].start <= s.start < blocks[i].end):
                continue
            kind = "outlet" if _OUTLET.search(qs.name) else _kind_from_text(qs.name)
            out[s.start] = Attribution(name=_strip_article(qs.name), kind=kind, text=qs.name,
                                       start=qs.start, end=qs.end)
        return out


def _colon_source(sent: Any, full_text: str) -> Detection | None:
    """"Trump: Cruz has a long way to go" - a short name before a colon opening a headline or line."""
    colon = next((t for t in sent[:7] if t.text == ":"), None)
    if colon is None or colon.i == sent.start or colon.i + 2 >= sent.end:
        return None
    head = sent.doc[sent.start:colon.i]
    if not all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PART", "PUNCT") and t.text not in ("“", "\"")
               for t in head) or not head[0].text[:1].isupper() or not any(t.pos_ == "PROPN" for t in head):
        return None
    if any(t.lower_ in ("update", "correction", "from", "via", "labels", "tags") or t.like_num
           or any(ch.isdigit() for ch in t.text) for t in head):
        return None
    start, end = head[0].idx, head[-1].idx + len(head[-1].text)
    text = full_text[start:end]
    root = head.root
    return Detection(start, end, text, text, _kind_of(root, text), colon.i,
                     frozenset(range(colon.i + 1, sent.end)), sent.start_char)


def _followed_by_colon(tok: Token) -> bool:
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.text == ":"


def _source_extent(src: Token, full: bool = False) -> tuple[int, int]:
    """Character extent of a source phrase: the subject's subtree, without (unless ``full``) relative
    clauses, appositions set off by commas, or trailing punctuation."""
    drop: set[int] = set()
    doc = src.doc
    for c in src.children if not full else ():
        if c.dep_ in ("relcl", "acl", "punct") and c.i > src.i:
            drop |= {t.i for t in c.subtree}
        elif c.dep_ == "appos" and c.i > src.i:
            # "My friend Ali" keeps the name; ", a local doctor," is set off and dropped
            first = min(t.i for t in c.subtree)
            if first > 0 and doc[first - 1].is_punct:
                drop |= {t.i for t in c.subtree}
    toks = [t for t in src.subtree if t.i not in drop]
    # keep a contiguous run around the head
    toks.sort(key=lambda t: t.i)
    run = [src]
    idx = {t.i for t in toks}
    i = src.i - 1
    while i in idx:
        run.insert(0, src.doc[i])
        i -= 1
    i = src.i + 1
    while i in idx:
        run.append(src.doc[i])
        i += 1
    while run and (run[-1].is_punct or run[-1].dep_ == "cc"):
        run.pop()
    while run and (run[0].is_punct or run[0].dep_ == "cc"):
        run.pop(0)
    if not run:
        run = [src]
    return run[0].idx, run[-1].idx + len(run[-1].text)


def _kind_of(tok: Token, text: str) -> str:
    ent = tok.ent_type_
    low = text.lower()
    if _OUTLET.search(text) and (ent in ("ORG", "") or "newspaper" in low):
        return "outlet"
    if ent == "PERSON":
        return "person"
    return _kind_from_text(text, ent)


def _kind_from_text(text: str, ent: str = "") -> str:
    low = text.lower().strip()
    if not low:
        return "unknown"
    words = set(re.findall(r"[a-z]+", low))
    if words & _UNKNOWN_SOURCES and len(words) <= 3:
        return "unknown"
    if _OUTLET.search(text):
        return "outlet"
    if _GOVERNMENT.search(text) or ent == "GPE":
        return "government"
    if _ORGANIZATION.search(text) or ent in ("ORG", "NORP"):
        return "organization"
    if ent == "PERSON" or low in _PRONOUNS or re.match(r"^(?:[A-Z][\w.'’-]+\s?){1,4}$", text.strip()):
        return "person"
    return "unknown"


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)


def _to_attribution(d: Detection, default: Attribution | None = None) -> Attribution:
    name = d.name
    if d.kind == "author" and name is None and default is not None:
        name = default.name  # "I think..." in the author's own text
    return Attribution(name=name, kind=d.kind, text=d.source_text, start=d.source_start, end=d.source_end)


def _sentence_level(dets: list[Detection], span: Any, arrays: DocArrays | None = None) -> Detection | None:
    """The detection that governs the sentence: one on its main verb (its first ROOT, read off ``arrays``
    when given), else one whose content covers it."""
    if not dets or span is None:
        return None
    if arrays is None:
        root_i = next((t for t in span if t.dep_ == "ROOT"), span.root).i
    else:
        dep, root_h = arrays.dep, span.doc.vocab.strings["ROOT"]
        root_i = next((i for i in range(span.start, span.end) if dep[i] == root_h), None)
        if root_i is None:
            root_i = span.root.i
    for d in dets:
        if d.cue_i == root_i or root_i in d.content:
            return d
    # "according to X" or a trailing "X said" governs the sentence even when attached lower down
    big = max(dets, key=lambda d: len(d.content))
    return big if len(big.content) >= 0.5 * len(span) else None


def _covering(dets: list[Detection], i: int) -> Detection | None:
    """The innermost detection whose content holds token ``i``."""
    covering = [d for d in dets if i in d.content]
    return min(covering, key=lambda d: len(d.content)) if covering else None


def _inside_quotation(text: str, offset: int) -> bool:
    """Whether ``offset`` sits inside a quotation opened earlier in its paragraph."""
    start = text.rfind("\n", 0, offset) + 1
    # one scan, so that mixed marks pair up ('"We will stay,” said...' is closed): a curly mark opens or
    # closes, a straight one flips
    inside = False
    for ch in text[start:offset]:
        if ch == "“":
            inside = True
        elif ch == "”":
            inside = False
        elif ch == "\"":
            inside = not inside
    return inside


def _first_person_claim(span: Any) -> bool:
    """An "I" subject outside quotation marks: the writer speaking in their own voice."""
    inside = False
    for t in span:
        if t.text in ("“", "”", "\""):
            inside = t.text == "“" or (t.text == "\"" and not inside)
        elif t.lower_ == "i" and t.dep_ in _SUBJ and not inside:
            return True
    return False


def _quote_state(text: str, was_open: bool) -> bool:
    """Whether a quotation is still open after ``text`` (curly quotes pair; straight ones toggle): the last
    curly quote sets it (else ``was_open`` stands), each straight quote after that flips it."""
    opening, closing = text.rfind("“"), text.rfind("”")
    last = max(opening, closing)
    state = was_open if last < 0 else opening > closing
    return not state if text.count("\"", last + 1) % 2 else state


def attributions_of(events: tuple[Event, ...]) -> list[Attribution]:
    """Convenience for callers filtering by who asserts what."""
    return [e.attribution for e in events if e.attribution is not None]
