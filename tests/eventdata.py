"""A small, fully specified event set for the API and dashboard tests (own invented news sentences).

The annotations are built record by record (not by the NLP stages) so the API/dashboard tests check
the web layer against known coordinates, dates and factuality, whatever the extractors do that day.
``tests/test_api.py`` also runs the real pipeline through ``POST /api/v1/documents``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from frontlines.ids import content_id
from frontlines.records import (
    Actor,
    Annotation,
    Attribution,
    DateRange,
    Document,
    Event,
    Place,
    Quantity,
    Sentence,
    Span,
)


@dataclass
class Spec:
    """One invented report: the sentence, the words to mark, and the facts."""

    text: str
    date: str
    source: str
    trigger: str
    plover: str
    cameo: str
    acled: tuple[str, str] | None
    place: tuple[str, float, float, str] | None  # (word in text, lat, lon, ISO3)
    actors: list[tuple[str, str, str | None]] = field(default_factory=list)  # (word, name, country)
    recipients: list[tuple[str, str, str | None]] = field(default_factory=list)
    killed: tuple[str, int] | None = None
    factuality: str = "asserted"
    attribution: tuple[str, str, str] | None = None  # (word, name, kind)
    doc_date: str | None = None


#: CAMEO root -> (quad class, Goldstein score), CAMEO conventions as in stages/events.py
CAMEO_ROOTS = {"04": (1, 1.0), "05": (2, 8.0), "14": (3, -6.5), "15": (4, -7.2), "19": (4, -10.0)}


def _span(text: str, word: str) -> Span:
    start = text.index(word)
    return Span(word, start, start + len(word))


def annotation(spec: Spec) -> Annotation:
    text = spec.text
    doc_id = content_id("doc", spec.source, text)
    doc = Document(doc_id=doc_id, text=text, title=text[:60], source=spec.source,
                   url=f"https://news.example/{doc_id}", date=spec.doc_date or spec.date, date_source="metadata",
                   language="en", origin="tests")
    sent = Sentence(sent_id=content_id("sent", doc_id, 0), doc_id=doc_id, start=0, end=len(text), text=text,
                    factuality=spec.factuality)

    def actor(word: str, name: str, country: str | None) -> Actor:
        s = _span(text, word)
        return Actor(text=word, start=s.start, end=s.end, name=name, country=country)

    place = None
    if spec.place:
        word, lat, lon, iso3 = spec.place
        s = _span(text, word)
        place = Place(text=word, start=s.start, end=s.end, name=word, geonames_id=None, lat=lat, lon=lon,
                      country=iso3, precision="city", feature="PPL")
    killed = None
    if spec.killed:
        s = _span(text, spec.killed[0])
        killed = Quantity("killed", spec.killed[1], spec.killed[1], spec.killed[1], "exact", s.text, s.start, s.end)
    attribution = None
    if spec.attribution:
        s = _span(text, spec.attribution[0])
        attribution = Attribution(spec.attribution[1], spec.attribution[2], s.text, s.start, s.end)
    trigger = _span(text, spec.trigger)
    quad, goldstein = CAMEO_ROOTS[spec.cameo[:2]]
    event = Event(
        event_id=content_id("evt", doc_id, trigger.start, spec.cameo), doc_id=doc_id,
        evidence=Span(text, 0, len(text)), trigger=trigger, plover=spec.plover, cameo=spec.cameo,
        quad_class=quad, goldstein=goldstein,
        acled_event_type=spec.acled[0] if spec.acled else None,
        acled_sub_event_type=spec.acled[1] if spec.acled else None,
        actors=tuple(actor(*a) for a in spec.actors), recipients=tuple(actor(*a) for a in spec.recipients),
        location=place, date=DateRange(spec.date, spec.date, spec.date, "day"), fatalities=killed,
        factuality=spec.factuality, certainty=0.9 if spec.factuality in ("asserted", "reported") else 0.4,
        attribution=attribution,
    )
    return Annotation(document=doc, sentences=(sent,), events=(event,), places=(place,) if place else ())


BATTLE = ("Battles", "Armed clash")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
AIR = ("Explosions/Remote violence", "Air/drone strike")

MOSUL_1 = Spec("Islamic State militants attacked an army checkpoint near Mosul, killing four soldiers, "
               "the Iraqi defence ministry said.", "2024-03-03", "Tigris Wire", "attacked", "ASSAULT", "190",
               BATTLE, ("Mosul", 36.34, 43.13, "IRQ"), [("Islamic State militants", "Islamic State", None)],
               [("army", "Iraqi Army", "IRQ")], ("four", 4), "asserted",
               ("the Iraqi defence ministry", "Iraqi defence ministry", "government"))
MOSUL_2 = Spec("Gunmen from Islamic State stormed a checkpoint outside Mosul on Sunday and killed four Iraqi "
               "soldiers, police sources said.", "2024-03-03", "Nineveh Daily", "stormed", "ASSAULT", "190",
               BATTLE, ("Mosul", 36.34, 43.13, "IRQ"), [("Islamic State", "Islamic State", None)],
               [("Iraqi soldiers", "Iraqi Army", "IRQ")], ("four", 4), "reported",
               ("police sources", "police sources", "organization"))
KHARTOUM = Spec("Thousands of protesters marched through Khartoum to demand an end to military rule.",
                "2024-03-05", "Nile Post", "marched", "PROTEST", "141", ("Protests", "Peaceful protest"),
                ("Khartoum", 15.55, 32.53, "SDN"), [("protesters", "Protesters", "SDN")])
KHARKIV = Spec("Russian forces shelled Kharkiv overnight, killing two civilians, the regional governor said.",
               "2024-03-08", "Kyiv Ledger", "shelled", "ASSAULT", "194", SHELLING,
               ("Kharkiv", 49.99, 36.23, "UKR"), [("Russian forces", "Russian military", "RUS")],
               [("civilians", "Civilians", "UKR")], ("two", 2), "reported",
               ("the regional governor", "Kharkiv regional governor", "government"))
IDLIB = Spec("Government warplanes bombed a market in Idlib, killing 12 people, a monitoring group said.",
             "2024-03-11", "Levant Monitor", "bombed", "ASSAULT", "195", AIR, ("Idlib", 35.93, 36.63, "SYR"),
             [("Government warplanes", "Syrian Air Force", "SYR")], [("market", "Civilians", "SYR")],
             ("12", 12), "reported", ("a monitoring group", "monitoring group", "organization"))
ALEPPO = Spec("Rebels clashed with army units on the edge of Aleppo, leaving seven fighters dead.",
              "2024-03-12", "Levant Monitor", "clashed", "ASSAULT", "190", BATTLE, ("Aleppo", 36.20, 37.16, "SYR"),
              [("Rebels", "Syrian rebels", "SYR")], [("army units", "Syrian Army", "SYR")], ("seven", 7))
KOBANI = Spec("Turkish troops could launch an offensive on Kobani within days, analysts speculated.",
              "2024-03-17", "Border Review", "offensive", "ASSAULT", "190", BATTLE, ("Kobani", 36.89, 38.35, "SYR"),
              [("Turkish troops", "Turkish military", "TUR")], [], None, "speculated",
              ("analysts", "analysts", "person"))
KHERSON = Spec("The army denied reports that its artillery had shelled Kherson on Thursday.",
               "2024-03-14", "Black Sea Herald", "shelled", "ASSAULT", "194", SHELLING,
               ("Kherson", 46.64, 32.61, "UKR"), [("its artillery", "Russian military", "RUS")], [], None, "denied")
BAGHDAD = Spec("The Iraqi oil ministry and the Kurdistan Regional Government signed an agreement on oil exports "
               "in Baghdad.", "2024-03-20", "Tigris Wire", "signed", "AGREE", "057", None,
               ("Baghdad", 33.31, 44.36, "IRQ"), [("Iraqi oil ministry", "Iraqi government", "IRQ")],
               [("Kurdistan Regional Government", "KRG", "IRQ")])
NO_PLACE = Spec("Negotiators met again to discuss a prisoner exchange, officials said.", "2024-03-18",
                "Kyiv Ledger", "met", "CONSULT", "040", None, None, [("Negotiators", "Negotiators", None)])

# a dense cluster of small reports around Donetsk oblast, a month earlier, to exercise clustering
TOWNS = [("Bakhmut", 48.59, 38.00), ("Avdiivka", 48.14, 37.74), ("Horlivka", 48.30, 38.05),
         ("Kramatorsk", 48.72, 37.56), ("Sloviansk", 48.85, 37.61), ("Pokrovsk", 48.28, 37.18),
         ("Vuhledar", 47.78, 37.25), ("Marinka", 47.94, 37.50), ("Toretsk", 48.40, 37.85),
         ("Kostiantynivka", 48.53, 37.71), ("Lyman", 48.99, 37.80), ("Chasiv Yar", 48.59, 37.83)]


def donetsk() -> list[Spec]:
    out = []
    for i, (town, lat, lon) in enumerate(TOWNS):
        out.append(Spec(f"Artillery fire hit {town}, killing one resident, local officials said.",
                        f"2024-02-{1 + 2 * i:02d}", "Donbas Today", "hit", "ASSAULT", "194", SHELLING,
                        (town, lat, lon, "UKR"), [("Artillery", "Russian military", "RUS")], [],
                        ("one", 1), "reported", ("local officials", "local officials", "government")))
        # a different type, so the dedupe never folds these into the shelling reports
        out.append(Spec(f"Troops massed near {town} ahead of a new push.", f"2024-02-{2 + 2 * i:02d}",
                        "Donbas Today", "massed", "MOBILIZE", "154", ("Strategic developments", "Other"),
                        (town, lat, lon, "UKR"), [("Troops", "Russian military", "RUS")]))
    return out


HEADLINE = [MOSUL_1, MOSUL_2, KHARTOUM, KHARKIV, IDLIB, ALEPPO, KOBANI, KHERSON, BAGHDAD, NO_PLACE]


def annotations() -> list[Annotation]:
    return [annotation(s) for s in HEADLINE + donetsk()]


def build_store(url: str):  # -> frontlines.store.Store
    from frontlines.store import open_store

    store = open_store(url)
    store.add_many(annotations())
    return store
