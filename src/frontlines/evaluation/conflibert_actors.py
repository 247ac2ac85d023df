"""ConfliBERT actor spans: token-level F1 of source (S) and target (T) actors.

Gold: ``events/conflibert_cameo/actors_train.conll`` (``token TAG`` lines, BIO over S source, T
target, R reciprocal parties). Tokens are joined with spaces to make the text, except where the gold
tokenizer split a written word (clitics, hyphens, decimals, initials, titles: ``_glued``); a token is predicted
S (T) when it lies inside an actor (recipient) span of the sentence's main event. Reciprocal gold
(R) is scored separately (``r_f1``) against the actor and recipient tokens of a reciprocal event (a
meeting or talks, signing an agreement or military cooperation with someone, or several actors acting
together with no recipient; hosting a visitor, mediating and summoning an envoy are one-sided).
Micro-averaged over all tokens.
"""

from __future__ import annotations

from ..coding.select import main_event
from ..ids import content_id
from ..records import Document, Event
from . import EvalContext, Metrics
from ._run import code_documents


def load(ctx: EvalContext) -> list[list[tuple[str, str]]]:
    path = ctx.path("events", "conflibert_cameo", "actors_train.conll")
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        parts = line.rsplit(" ", 1)
        tok, tag = (parts[0], parts[1]) if len(parts) == 2 else (parts[0], "O")
        current.append((tok, tag))
    if current:
        sentences.append(current)
    return sentences[: ctx.limit] if ctx.limit else sentences


_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Gen", "Rep", "Sen", "St", "Lt", "Col", "Jr", "Prof", "Gov", "Capt"})


def _glued(toks: list[str], k: int) -> bool:
    """Whether token ``k`` was written against the one before it in the source text, where the gold tokenizer
    split words it should have kept whole: curly-quote clitics ("May ’ s" -> "May’s"), hyphenated words
    ("rebel - held" -> "rebel-held"), decimals and thousands ("352 . 5", "20 , 000"), initials ("U . S .")
    and titles ("Mr ."). Left apart they hide possessives, compounds and names from the parser."""
    tok, prev = toks[k], toks[k - 1]
    nxt = toks[k + 1] if k + 1 < len(toks) else ""
    if (tok == "’" and nxt in ("s", "t")) or (prev == "’" and tok in ("s", "t")):
        return True
    if tok == "-" and prev[-1:].isalnum() and nxt[:1].isalnum():
        return True
    if prev == "-" and k > 1 and toks[k - 2][-1:].isalnum() and tok[:1].isalnum():
        return True
    if tok in (".", ",") and prev.isdigit() and nxt.isdigit() and (tok == "." or len(nxt) == 3):
        return True
    if prev in (".", ",") and k > 1 and toks[k - 2].isdigit() and tok.isdigit() and (prev == "." or len(tok) == 3):
        return True
    initial = len(prev) == 1 and prev.isupper()
    if tok == "." and (initial and (k < 2 or toks[k - 2] in (".",) or len(nxt) == 1 and nxt.isupper())
                       or prev in _TITLES):
        return True
    return len(tok) == 1 and tok.isupper() and prev == "." and k > 1 and len(toks[k - 2]) == 1 \
        and toks[k - 2].isupper()


def _detokenize(toks: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens with spaces, except where the source text had none (``_glued``)."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for k, tok in enumerate(toks):
        if k and not _glued(toks, k):
            parts.append(" ")
            pos += 1
        spans.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    return "".join(parts), spans


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


#: CAMEO codes of acts two parties do together: signing an agreement (057) and military cooperation such as
#: joint exercises (062), next to meetings and talks (04x, 036, 046).
_MUTUAL = frozenset({"036", "046", "057", "062"})


def _reciprocal(ev: Event) -> bool:
    """Meetings and joint acts ("X and Y agreed", "X met Y", "X signed an agreement with Y") are reciprocal in
    this gold set; receiving a visitor (043: host to guest), mediating between two sides and summoning an envoy
    are one-sided."""
    one_sided = ev.cameo in ("043", "045") or ev.trigger.text.lower().startswith("summon")
    mutual = (ev.cameo or "")[:2] == "04" or ev.cameo in _MUTUAL
    return mutual and not one_sided or (len(ev.actors) > 1 and not ev.recipients)


def evaluate(ctx: EvalContext) -> Metrics:
    sents = load(ctx)
    docs, offsets = [], []
    for i, toks in enumerate(sents):
        joined, spans = _detokenize([tok for tok, _ in toks])
        docs.append(Document(doc_id=content_id("a", i, joined), text=joined))
        offsets.append(spans)
    anns = code_documents(ctx, docs)
    counts = {lab: [0, 0, 0] for lab in "STR"}
    for doc, toks, spans in zip(docs, sents, offsets, strict=True):
        ann = anns.get(doc.doc_id)
        ev = main_event(ann.events, ann.doc) if ann is not None else None
        pred: list[set[str]] = [set() for _ in toks]
        if ev is not None:
            reciprocal = _reciprocal(ev)
            roles = ((ev.actors, "R" if reciprocal else "S"), (ev.recipients, "R" if reciprocal else "T"))
            for actors, lab in roles:
                for a in actors:
                    for k, (s, e) in enumerate(spans):
                        if s < a.end and a.start < e:
                            pred[k].add(lab)
        for k, (_, tag) in enumerate(toks):
            gold = tag[2:] if tag[:2] in ("B-", "I-") else ""
            for lab in "STR":
                is_gold, is_pred = gold == lab, lab in pred[k]
                counts[lab][0] += int(is_gold and is_pred)
                counts[lab][1] += int(is_pred and not is_gold)
                counts[lab][2] += int(is_gold and not is_pred)
    out: Metrics = {"sentences": float(len(sents))}
    for lab, name in (("S", "source"), ("T", "target"), ("R", "reciprocal")):
        prec, rec, f1 = _f1(*counts[lab])
        out[f"{name}_precision"], out[f"{name}_recall"], out[f"{name}_f1"] = prec, rec, f1
    return out
