"""How many: killed, injured, arrested, displaced and crowd counts, attached to their events.

Mentions come from ``casualties``. Each count goes to the event whose trigger governs it (the
bombing, not the protest that followed); a later sentence repeating victims already counted adds
nothing; a toll update ("the toll rose to 75") raises the event it updates. Cumulative tolls ("the
death toll reached 4,000", "more than 500 have died since the war began") become ``Statistic``
records and are never any event's fatalities.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..ids import content_id
from ..records import Annotation, DateRange, Event, Quantity, Span, Statistic
from .casualties import Mention, Tok, extract_mentions

__all__ = ["QuantityStage", "article_counts", "extract_mentions"]


class QuantityStage:
    name = "quantities"
    requires = frozenset({"doc", "sentences", "events"})
    assigns = frozenset({"quantities", "statistics", "events"})

    def __call__(self, ann: Annotation) -> Annotation:
        mentions = extract_mentions(ann)
        quantities = tuple(m.quantity() for m in mentions if m.kind not in _INTERNAL)
        statistics = tuple(self._statistic(ann, m) for m in mentions if m.statistic and m.kind not in _INTERNAL)
        events = _attach(ann, [m for m in mentions if not m.statistic])
        return replace(ann, quantities=quantities, statistics=statistics, events=events)

    def _statistic(self, ann: Annotation, m: Mention) -> Statistic:
        sent = ann.sentences[m.sentence]
        period = next((d for d in ann.dates if d.char_start is not None and sent.start <= d.char_start < sent.end
                       and (d.text or "").lower().startswith("since")), None)
        if period is None:
            low = sent.text.lower()
            at = low.find("since ")
            if at >= 0:
                phrase = sent.text[at:].split(",")[0].rstrip(" .")
                end = ann.document.date[:10] if ann.document.date else None
                period = DateRange(text=phrase, start=None, end=end, precision="unknown",
                                   char_start=sent.start + at, char_end=sent.start + at + len(phrase))
        q = m.quantity()
        return Statistic(stat_id=content_id("stat", ann.doc_id, q.start, q.kind), doc_id=ann.doc_id,
                         evidence=Span(sent.text, sent.start, sent.end), quantity=q, population=m.population,
                         period=period)


VIOLENT_PLOVER = {"ASSAULT", "COERCE", "MOBILIZE"}
_INTERNAL = {"casualties", "fatal"}  # tracked for article totals, never a Quantity of their own
_FIELD = {"killed": "fatalities", "injured": "injuries", "arrested": "arrests"}


def _compatible(event: Event, kind: str) -> bool:
    if kind in ("killed", "injured", "casualties"):
        return (event.quad_class == 4 or event.plover in VIOLENT_PLOVER) and event.cameo != "173"
    if kind == "arrested":
        return event.cameo == "173" or (event.acled_sub_event_type or "") == "Arrests" or event.plover in VIOLENT_PLOVER
    if kind == "crowd":
        return event.plover == "PROTEST" or (event.acled_event_type or "") in ("Protests", "Riots")
    return True


def _attach(ann: Annotation, mentions: list[Mention]) -> tuple[Event, ...]:
    """Give each count to its event: the event whose trigger governs the count's trigger (climbing
    the dependency tree), else the nearest compatible event in the sentence. A later mention that
    repeats victims already counted does not count again."""
    doc: Tok = ann.doc
    events = list(ann.events)
    if doc is None or not events:
        return tuple(events)
    by_token: dict[int, int] = {}
    for i, e in enumerate(events):
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is not None:
            by_token[span.root.i] = i
    values: dict[tuple[int, str], Quantity] = {}
    who: dict[tuple[int, str], str | None] = {}
    counted: dict[str, list[int]] = {}
    last_violent: int | None = None
    for m in mentions:
        if m.kind not in _FIELD:
            continue
        target = _governing_event(doc, m, events, by_token)
        if target is None:
            if m.anaphoric and last_violent is not None and m.kind == "killed":
                target = last_violent  # "the toll rose to 12": update the event already told
            else:
                continue
        q = m.quantity()
        key = (target, m.kind)
        previous = counted.get(m.kind, [])
        same = [t for t in previous if t != target and _same_place(events[t], events[target])]
        # "the five policemen" told again, or the same number of the same people at the same place
        repeat = (m.anaphoric and bool(previous) and target not in previous) or any(
            values[(t, m.kind)].best == q.best and who[(t, m.kind)] == m.victim for t in same)
        if repeat and not m.additive:
            continue
        if key not in values or (q.best or 0) > (values[key].best or 0):
            values[key] = q
            who[key] = m.victim
        counted.setdefault(m.kind, []).append(target)
        if m.kind in ("killed", "injured"):
            last_violent = target
    out = []
    for i, e in enumerate(events):
        fields = {_FIELD[k]: q for (t, k), q in values.items() if t == i}
        out.append(replace(e, **fields) if fields else e)  # type: ignore[arg-type]
    return tuple(out)


def _same_place(a: Event, b: Event) -> bool:
    """Could two events be one? Not when both are placed, at different places."""
    if a.location is None or b.location is None:
        return True
    if a.location.geonames_id is not None and b.location.geonames_id is not None:
        return a.location.geonames_id == b.location.geonames_id
    return (a.location.name or a.location.text) == (b.location.name or b.location.text)


def _governing_event(doc: Tok, m: Mention, events: list[Event], by_token: dict[int, int]) -> int | None:
    tok = doc[m.trigger]
    node = tok
    for _ in range(8):
        i = by_token.get(node.i)
        if i is not None and _compatible(events[i], m.kind):
            return i
        if node.head.i == node.i:
            break
        node = node.head
    sent = tok.sent
    best: tuple[int, int] | None = None
    for t_i, e_i in by_token.items():
        if not (sent.start <= t_i < sent.end) or not _compatible(events[e_i], m.kind):
            continue
        dist = _tree_distance(doc, tok.i, t_i)
        if best is None or dist < best[0]:
            best = (dist, e_i)
    return best[1] if best else None


def _tree_distance(doc: Tok, a: int, b: int) -> int:
    up_a = [a] + [t.i for t in doc[a].ancestors]
    up_b = [b] + [t.i for t in doc[b].ancestors]
    common = next((x for x in up_a if x in up_b), None)
    if common is None:
        return 100 + abs(a - b)
    return up_a.index(common) + up_b.index(common)


def article_counts(mentions: Iterable[Mention], kinds: Iterable[str] = ("killed", "injured", "arrested")
                   ) -> dict[str, int]:
    """Document-level totals, deduplicated: the largest count of each kind, since later sentences
    mostly repeat or break down the victims already told ("two were hurt ... another victim was
    injured"); statistics and counts in sentences dated months earlier never count. Injured also
    takes the people shot or hit whose fate is left open, less the killed."""
    best: dict[str, int] = {}
    for m in mentions:
        if m.statistic or m.historical or m.count.best is None:
            continue
        best[m.kind] = max(best.get(m.kind, 0), m.count.best)
    out = {k: best.get(k, 0) for k in kinds}
    if "killed" in out and not out["killed"]:
        out["killed"] = best.get("fatal", 0)  # "a deadly shooting" whose dead the text never counts
    if "injured" in out:
        dead = max(best.get("killed", 0), best.get("fatal", 0))
        out["injured"] = max(out["injured"], best.get("casualties", 0) - dead)
    return out
