"""Benchmark: a bbox + date + text query over 200k synthetic events in the SQLite store (< 100 ms).

Run: .venv/bin/pytest tests/bench_store.py --benchmark-only  (pytest-benchmark; the default
``--benchmark-skip`` in pyproject keeps it out of ordinary test runs). The 200k events are
generated once per session (deterministic, seeded) and loaded through the store's own
``add_many`` with dedupe off (dedupe is not what this measures).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from frontlines.ids import content_id
from frontlines.records import Actor, Annotation, DateRange, Document, Event, Place, Span
from frontlines.store import DedupeConfig, EventQuery, open_store

N_EVENTS = 200_000
PER_DOC = 10

_PLACES = [  # (name, lat, lon, ISO3)
    ("Kharkiv", 49.99, 36.23, "UKR"), ("Kherson", 46.64, 32.62, "UKR"), ("Donetsk", 48.02, 37.80, "UKR"),
    ("Khartoum", 15.55, 32.53, "SDN"), ("El Fasher", 13.63, 25.35, "SDN"), ("Idlib", 35.93, 36.63, "SYR"),
    ("Aleppo", 36.20, 37.13, "SYR"), ("Kirkuk", 35.47, 44.39, "IRQ"), ("Mosul", 36.34, 43.12, "IRQ"),
    ("Baghdad", 33.34, 44.40, "IRQ"), ("Gao", 16.27, -0.04, "MLI"), ("Goma", -1.68, 29.22, "COD"),
]
_ACTORS = [("Russian forces", "RUSMIL"), ("Ukrainian troops", "UKRMIL"), ("the army", "SDNMIL"),
           ("Rapid Support Forces", "SDNRSF"), ("government jets", "SYRMIL"), ("Islamic State", "IMGMUSISI"),
           ("police", "IRQCOP"), ("M23 rebels", "CODREB"), ("protesters", "IRQOPP")]
_VERBS = [("shelled", "ASSAULT", "194"), ("attacked", "ASSAULT", "190"), ("bombed", "ASSAULT", "195"),
          ("arrested", "ASSAULT", "173"), ("protested against", "PROTEST", "141"), ("met", "CONSULT", "040")]
_OBJECTS = ["a hospital", "a market", "a school", "residential buildings", "a checkpoint", "a convoy",
            "the power station", "a mosque", "farmland", "a bridge", "officials", "a camp for displaced people"]


def synthetic(n: int = N_EVENTS, seed: int = 7) -> Iterator[Annotation]:
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    for d in range(n // PER_DOC):
        doc_id = f"doc-bench-{d:06d}"
        day = start + timedelta(days=rng.randrange(5 * 365))
        sentences, events, offset = [], [], 0
        for _ in range(PER_DOC):
            place = rng.choice(_PLACES)
            actor, code = rng.choice(_ACTORS)
            verb, plover, cameo = rng.choice(_VERBS)
            text = f"{actor} {verb} {rng.choice(_OBJECTS)} near {place[0]} on {day.strftime('%A')}."
            lat, lon = place[1] + rng.uniform(-0.3, 0.3), place[2] + rng.uniform(-0.3, 0.3)
            t0 = offset + len(actor) + 1
            events.append(Event(
                event_id=content_id("evt", doc_id, offset), doc_id=doc_id,
                evidence=Span(text, offset, offset + len(text)), trigger=Span(verb, t0, t0 + len(verb)),
                plover=plover, cameo=cameo, quad_class=4 if plover != "CONSULT" else 1,
                actors=(Actor(actor, offset, offset + len(actor), actor, code[:3], code[3:6], code),),
                location=Place(place[0], 0, 0, place[0], lat=lat, lon=lon, country=place[3], precision="city"),
                date=DateRange(None, day.isoformat(), day.isoformat(), "day"), factuality="asserted"))
            sentences.append(text)
            offset += len(text) + 1
        yield Annotation(document=Document(doc_id=doc_id, text=" ".join(sentences), source=f"outlet{d % 40}",
                                           date=day.isoformat()), events=tuple(events))


@pytest.fixture(scope="session")
def big_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "events.db"
    store = open_store(f"sqlite:///{path}", dedupe=DedupeConfig(enabled=False))
    store.add_many(synthetic(), batch_size=2000)
    assert store.count_events() == N_EVENTS
    yield store
    store.close()


QUERY = EventQuery(bbox=(35.0, 49.0, 38.5, 51.0), since="2022-03-01", until="2022-05-31", text="hospital",
                   limit=100)


def test_bbox_date_text_query_200k(benchmark, big_store):
    result = benchmark(big_store.query_events, QUERY)
    assert result, "the query should find events"
    for e in result:
        assert 35.0 <= e["location"]["lon"] <= 38.5 and 49.0 <= e["location"]["lat"] <= 51.0
        assert "2022-03-01" <= e["date"]["start"] <= "2022-05-31"
        assert "hospital" in e["evidence"]["text"]
    assert benchmark.stats.stats.median < 0.100


def test_count_with_filters_200k(benchmark, big_store):
    n = benchmark(big_store.count_events, QUERY)
    assert n > 0
    assert benchmark.stats.stats.median < 0.100


def test_newest_page_unfiltered_200k(benchmark, big_store):
    """The API's default request: the newest 100 events, no filter."""
    result = benchmark(big_store.query_events, EventQuery(limit=100))
    assert len(result) == 100
    days = [e["date"]["start"] for e in result]
    assert days == sorted(days, reverse=True)
