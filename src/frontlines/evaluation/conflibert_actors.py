"""ConfliBERT actor spans: token-level F1 of source (S) and target (T) actors.

Gold: ``events/conflibert_cameo/actors_train.conll`` (``token TAG`` lines, BIO over S source, T
target, R reciprocal parties). Tokens are joined with spaces to make the text; a token is predicted
S (T) when it lies inside an actor (recipient) span of the sentence's main event. Reciprocal gold
(R) is scored separately (``r_f1``) against the actor and recipient tokens of a reciprocal event (a
meeting or talks, or several actors acting together with no recipient; mediating and summoning an
envoy are one-sided).
Micro-averaged over all tokens.
"""

from __future__ import annotations

from ..coding.select import main_event
from ..ids import content_id
from ..records import Document
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


def _detokenize(toks: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens with spaces, except the split curly-quote clitics ("May ’ s offer" -> "May’s offer"):
    the gold tokenizer cut them off, and left apart they hide every possessive from the parser."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for k, tok in enumerate(toks):
        clitic = (tok == "’" and k + 1 < len(toks) and toks[k + 1] in ("s", "t")) or (
            k > 0 and toks[k - 1] == "’" and tok in ("s", "t"))
        if k and not clitic:
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
            # meetings and joint actions ("X and Y agreed", "X met Y") are reciprocal in this gold set;
            # mediating between two sides and summoning an envoy are one-sided
            one_sided = ev.cameo == "045" or ev.trigger.text.lower().startswith("summon")
            reciprocal = ((ev.cameo or "")[:2] == "04" or ev.cameo in ("036", "046")) and not one_sided or (
                len(ev.actors) > 1 and not ev.recipients)
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
