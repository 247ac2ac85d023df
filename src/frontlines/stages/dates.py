"""When: every temporal expression in the text (``frontlines.temporal`` resolves them against the
document date) and each event's date: the expression attached to the event's clause, else the
document date marked as such (the week up to it; precision "unknown" when there is no date).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from ..records import Annotation, DateRange, Event
from ..temporal import _AGE, _CALENDARISH, _dateparse, _parse_ref, dateline_date, find_dates, resolve

__all__ = ["DateStage", "dateline_date", "doc_date_range", "find_dates", "resolve"]


# ---- the stage ------------------------------------------------------------------------------------

_REPORTING = {"say", "tell", "report", "announce", "claim", "state", "add", "confirm", "deny", "according"}


def doc_date_range(doc_date: str | None) -> DateRange:
    """The fallback date of an event without its own expression: the week up to the document date."""
    d = _parse_ref(doc_date)
    if d is None or d.toordinal() <= 6:
        return DateRange(text=None, start=None, end=None, precision="unknown")
    return DateRange(text=None, start=(d - timedelta(days=6)).isoformat(), end=d.isoformat(), precision="week")


class DateStage:
    name = "dates"
    requires = frozenset({"doc", "sentences", "events"})
    assigns = frozenset({"dates", "events"})

    def __init__(self, default_date: str | None = None) -> None:
        self.default_date = default_date

    def __call__(self, ann: Annotation) -> Annotation:
        ref = ann.document.date or self.default_date
        dates: list[DateRange] = []
        for sentence in ann.sentences:
            if sentence.block == "boilerplate":
                continue
            dates.extend(find_dates(sentence.text, ref, base=sentence.start))
        dates.extend(self._dateparser_dates(ann, dates, ref))
        dates.sort(key=lambda d: d.char_start or 0)
        events = tuple(replace(e, date=self._event_date(ann, e, dates, ref)) for e in ann.events)
        return replace(ann, dates=tuple(dates), events=events)

    def _dateparser_dates(self, ann: Annotation, found: list[DateRange], ref: str | None) -> list[DateRange]:
        """spaCy DATE entities the rules missed that look like calendar dates, read by dateparser."""
        refd = _parse_ref(ref)
        if ann.doc is None:
            return []
        out = []
        for ent in getattr(ann.doc, "ents", ()):
            if ent.label_ != "DATE" or not _CALENDARISH.search(ent.text) or _AGE.search(ent.text):
                continue
            if any(d.char_start is not None and d.char_start < ent.end_char and ent.start_char < (d.char_end or 0)
                   for d in found):
                continue
            parsed = _dateparse(ent.text, refd)
            if parsed is None:
                continue
            start, end, prec = parsed
            if start is not None and end is not None:
                out.append(DateRange(ent.text, start.isoformat(), end.isoformat(), prec, ent.start_char, ent.end_char))
        return out

    def _event_date(self, ann: Annotation, event: Event, dates: list[DateRange], ref: str | None) -> DateRange:
        inside = [d for d in dates if d.char_start is not None and event.evidence.start <= d.char_start
                  and (d.char_end or 0) <= event.evidence.end]
        if inside and ann.doc is not None:
            chosen = _attached(ann.doc, event, inside)
            if chosen is not None:
                return chosen
        return doc_date_range(ref)


def _attached(doc: object, event: Event, dates: list[DateRange]) -> DateRange | None:
    """The date whose phrase hangs off the event's clause: the trigger or, climbing, its heads,
    stopping at a reporting verb ("police said on Tuesday" dates the saying, not the attack)."""
    trig = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")  # type: ignore[attr-defined]
    if trig is None:
        return None
    heads: dict[int, DateRange] = {}
    for d in dates:
        span = doc.char_span(d.char_start, d.char_end, alignment_mode="expand")  # type: ignore[attr-defined]
        if span is None:
            continue
        tok = span.root
        # climb out of the date phrase to the word it modifies (a verb, or an event noun)
        while tok.head.i != tok.i and (tok.head.pos_ not in ("VERB", "AUX") and tok.head.i != trig.root.i):
            tok = tok.head
        heads.setdefault(tok.head.i, d)
    node = trig.root
    for _ in range(6):
        if node.i in heads:
            return heads[node.i]
        # "killed 25 and wounded 40 on Monday": the date hangs off the last of coordinated verbs
        shared = [heads[c.i] for c in node.children if c.dep_ == "conj" and c.i in heads]
        if shared:
            return shared[0]
        if node.lemma_.lower() in _REPORTING or node.head.i == node.i:
            break
        if node.head.lemma_.lower() in _REPORTING:
            break
        node = node.head
    return None
