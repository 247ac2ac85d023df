"""Records passed between stages: frozen, slotted dataclasses, never untyped dicts.

Character offsets (``start``/``end``) always index into ``Document.text``. Where a record also
carries calendar dates (``DateRange``), the dates are ``start``/``end`` ISO strings and the text
offsets are ``char_start``/``char_end``, so the JSON names match the event contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "heading", "quote", "commentary", "update", "boilerplate"]
Factuality = Literal["asserted", "reported", "speculated", "planned", "denied", "negated", "hypothetical"]
AttributionKind = Literal["outlet", "author", "person", "organization", "government", "unknown"]
Precision = Literal["day", "week", "month", "season", "year", "range", "unknown"]
QuantityKind = Literal["killed", "injured", "arrested", "displaced", "crowd"]

FACTUALITY_LABELS: tuple[str, ...] = (
    "asserted", "reported", "speculated", "planned", "denied", "negated", "hypothetical",
)
ATTRIBUTION_KINDS: tuple[str, ...] = ("outlet", "author", "person", "organization", "government", "unknown")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of document text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """A structural unit of the document (paragraph, quoted block, heading...)."""

    start: int
    end: int
    kind: BlockKind = "paragraph"


@dataclass(frozen=True, slots=True)
class Document:
    """One input document after reading; ``text`` is what every offset refers to."""

    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    date: str | None = None  # ISO date of publication, if known
    date_source: str | None = None  # metadata | html-meta | dateline | None
    language: str | None = None
    origin: str | None = None  # path or URL the document was read from
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who asserts a sentence or event."""

    name: str | None
    kind: str = "unknown"  # one of ATTRIBUTION_KINDS
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its block kind and, once assessed, its factuality and attribution."""

    sent_id: str
    doc_id: str
    start: int
    end: int
    text: str
    block: str = "paragraph"  # a BlockKind
    factuality: str | None = None  # one of FACTUALITY_LABELS
    certainty: float | None = None
    attribution: Attribution | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor mention."""

    text: str
    start: int
    end: int
    name: str
    country: str | None = None  # ISO3, or an IGO/NGO code
    sector: str | None = None  # PLOVER sector codes, space separated when several (e.g. "GOV MIL")
    code: str | None = None  # CAMEO-style actor code, e.g. IRQMIL


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym mention and the gazetteer entry chosen for it (``geonames_id`` None = no match)."""

    text: str
    start: int
    end: int
    name: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO3
    admin1: str | None = None
    feature: str | None = None  # GeoNames feature code (PPL, ADM1, PCLI...)
    precision: str | None = None  # city | admin2 | admin1 | country | unknown
    score: float | None = None


@dataclass(frozen=True, slots=True)
class DateRange:
    """A resolved temporal expression: ISO ``start``/``end`` dates with a precision."""

    text: str | None
    start: str | None
    end: str | None
    precision: str = "unknown"  # a Precision
    char_start: int | None = None
    char_end: int | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count of people (killed, injured, arrested, displaced, crowd) with low/best/high."""

    kind: str  # a QuantityKind
    low: int | None
    best: int | None
    high: int | None
    qualifier: str | None = None  # exact | at_least | at_most | about | range | vague
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where, when, how many, how sure and says who."""

    event_id: str
    doc_id: str
    evidence: Span  # the sentence
    trigger: Span  # the word or phrase that expresses the event
    plover: str | None = None
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actors: tuple[Actor, ...] = ()
    recipients: tuple[Actor, ...] = ()
    location: Place | None = None
    date: DateRange | None = None
    fatalities: Quantity | None = None
    injuries: Quantity | None = None
    arrests: Quantity | None = None
    factuality: str | None = None
    certainty: float | None = None
    attribution: Attribution | None = None
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Statistic:
    """A cumulative toll ("the death toll reached 4,000"): never one event's fatalities."""

    stat_id: str
    doc_id: str
    evidence: Span
    quantity: Quantity
    population: str | None = None  # whose toll: "U.S. military", "civilians"...
    period: DateRange | None = None
    location: Place | None = None
    factuality: str | None = None
    attribution: Attribution | None = None


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A document that failed, named, with the stage and reason; the rest of the batch goes on."""

    doc_id: str
    stage: str
    message: str
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class Annotation:
    """Everything known about one document; stages return a copy with their fields filled.

    ``doc`` is the spaCy Doc over ``document.text`` (not serialised).
    """

    document: Document
    doc: object | None = None
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateRange, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    done: frozenset[str] = field(default_factory=frozenset)  # names assigned so far

    @property
    def doc_id(self) -> str:
        return self.document.doc_id
