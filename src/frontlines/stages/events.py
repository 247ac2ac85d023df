"""Event coder, first version: dependency subject-verb-object with a small verb table.

The verb codes are CAMEO 2.0 codes (facts from the CAMEO codebook); PLOVER types follow the
CAMEO->PLOVER mapping; quad class and Goldstein scores follow CAMEO conventions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..ids import content_id
from ..records import Actor, Annotation, Event, Span


@dataclass(frozen=True, slots=True)
class VerbCode:
    cameo: str
    plover: str
    quad_class: int
    goldstein: float
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None


VERBS: dict[str, VerbCode] = {
    "say": VerbCode("010", "OTHER", 1, 0.0),
    "urge": VerbCode("020", "REQUEST", 1, 3.0),
    "demand": VerbCode("100", "REQUEST", 3, -5.0),
    "meet": VerbCode("040", "CONSULT", 1, 1.0),
    "agree": VerbCode("057", "AGREE", 2, 8.0),
    "sign": VerbCode("057", "AGREE", 2, 8.0),
    "support": VerbCode("051", "SUPPORT", 1, 3.4),
    "back": VerbCode("051", "SUPPORT", 1, 3.4),
    "criticize": VerbCode("111", "ACCUSE", 3, -2.0),
    "accuse": VerbCode("112", "ACCUSE", 3, -2.0),
    "threaten": VerbCode("130", "THREATEN", 3, -4.4),
    "protest": VerbCode("141", "PROTEST", 3, -6.5, "Protests", "Peaceful protest"),
    "arrest": VerbCode("173", "ASSAULT", 4, -5.0, "Violence against civilians", "Arrests"),
    "detain": VerbCode("173", "ASSAULT", 4, -5.0, "Violence against civilians", "Arrests"),
    "attack": VerbCode("190", "ASSAULT", 4, -10.0, "Battles", "Armed clash"),
    "fight": VerbCode("190", "ASSAULT", 4, -10.0, "Battles", "Armed clash"),
    "clash": VerbCode("190", "ASSAULT", 4, -10.0, "Battles", "Armed clash"),
    "kill": VerbCode("190", "ASSAULT", 4, -10.0, "Violence against civilians", "Attack"),
    "bomb": VerbCode("195", "ASSAULT", 4, -10.0, "Explosions/Remote violence", "Air/drone strike"),
    "shell": VerbCode("194", "ASSAULT", 4, -10.0, "Explosions/Remote violence", "Shelling/artillery/missile attack"),
}

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_OBJECTS = {"dobj", "obj", "attr"}


class EventStage:
    name = "events"
    requires = frozenset({"doc", "sentences"})
    assigns = frozenset({"events"})

    def __call__(self, ann: Annotation) -> Annotation:
        events: list[Event] = []
        doc = ann.doc
        for sentence in ann.sentences:
            if sentence.block == "boilerplate":
                continue
            span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")  # type: ignore[attr-defined]
            if span is None:
                continue
            for token in span:
                code = VERBS.get(token.lemma_.lower()) if token.pos_ in ("VERB", "NOUN") else None
                if code is None:
                    continue
                actors = tuple(_actor(c) for c in token.children if c.dep_ in _SUBJECTS)
                recipients = tuple(_actor(c) for c in token.children if c.dep_ in _OBJECTS)
                if token.pos_ == "VERB" and not actors and not recipients:
                    continue
                trigger = Span(token.text, token.idx, token.idx + len(token.text))
                events.append(Event(
                    event_id=content_id("evt", ann.doc_id, trigger.start, code.cameo),
                    doc_id=ann.doc_id,
                    evidence=Span(sentence.text, sentence.start, sentence.end),
                    trigger=trigger, plover=code.plover, cameo=code.cameo, quad_class=code.quad_class,
                    goldstein=code.goldstein, acled_event_type=code.acled_event_type,
                    acled_sub_event_type=code.acled_sub_event_type, actors=actors, recipients=recipients,
                    negated=any(c.dep_ == "neg" for c in token.children)))
        return replace(ann, events=tuple(events))


def _actor(token: object) -> Actor:
    sub = list(token.subtree)  # type: ignore[attr-defined]
    start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    text = token.doc.text[start:end]  # type: ignore[attr-defined]
    return Actor(text=text, start=start, end=end, name=text)
