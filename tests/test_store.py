"""The event store on both backends: SQLite file and a real PostgreSQL+PostGIS started by the tests.

The annotations come from the team's dedupe test set (tests/data/dedupe_events.jsonl: invented
reports, coded by hand), so every expected count below is known exactly.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from frontlines.errors import StoreError
from frontlines.evaluation.dedupe import load_reports, report_annotations, score_testset
from frontlines.records import Document
from frontlines.store import DedupeConfig, EventQuery, open_store

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def reports():
    return load_reports(sorted(DATA.glob("dedupe_events*.jsonl")))


@pytest.fixture
def loaded(store_url, reports):
    anns, event_of = report_annotations(reports)
    store = open_store(store_url)
    result = store.add_many(anns, batch_size=7)
    assert result.added == len(anns) and result.unchanged == 0
    yield store, anns, event_of
    store.close()


def canon_of(store, event_of, report):
    return store.get_event(event_of[report])["canonical_id"]


def test_schema_is_migrated_once(store_url):
    s1 = open_store(store_url)
    assert s1.schema_version == 4
    s1.close()
    s2 = open_store(store_url)  # re-opening applies nothing and keeps the version
    assert s2.schema_version == 4
    assert s2.db.query("SELECT count(*) FROM schema_version")[0][0] == 4
    s2.close()


def test_dedupe_testset_merges_and_separates_as_written(store_url, reports):
    scores = score_testset(reports, url=store_url)
    assert scores["precision"] == 1.0
    assert scores["recall"] == 1.0
    assert scores["pairs_same"] >= 10


def test_merged_event_keeps_every_mention_and_counts_sources(loaded):
    store, _, event_of = loaded
    kharkiv = store.get_event(event_of["kharkiv-b"])
    assert {m["event_id"] for m in kharkiv["mentions"]} == {
        event_of["kharkiv-a"], event_of["kharkiv-b"], event_of["kharkiv-c"]}
    assert kharkiv["n_sources"] == 3
    # the same story told twice in one article: two mentions, still one source for that outlet
    kirkuk = store.get_event(event_of["kirkuk-a2"])
    assert len(kirkuk["mentions"]) == 3 and kirkuk["n_sources"] == 2
    # reports disagree on the toll (3, 3, "at least two"): median best, widest low/high
    assert kharkiv["fatalities"]["best"] == 3 and kharkiv["fatalities"]["low"] == 2
    idlib = store.get_event(event_of["idlib-a"])
    assert (idlib["fatalities"]["low"], idlib["fatalities"]["high"]) == (7, 8)
    # near misses stay apart
    assert canon_of(store, event_of, "kharkiv-a") != canon_of(store, event_of, "kharkiv-later")
    assert canon_of(store, event_of, "kharkiv-a") != canon_of(store, event_of, "kherson-a")
    assert canon_of(store, event_of, "khartoum-clash-a") != canon_of(store, event_of, "omdurman-tribal")
    assert canon_of(store, event_of, "khartoum-clash-a") != canon_of(store, event_of, "khartoum-protest-a")
    # a province-level report matches the city in that province, not the one in the next province
    assert canon_of(store, event_of, "aleppo-province") == canon_of(store, event_of, "aleppo-strike")
    assert canon_of(store, event_of, "aleppo-province") != canon_of(store, event_of, "idlib-a")


def test_filters(loaded):
    store, _, event_of = loaded
    total = store.count_events(EventQuery())
    assert total == 15
    assert store.stats()["mentions"] == 27 and store.stats()["events"] == 15

    def ids(**kw):
        return {e["canonical_id"] for e in store.query_events(EventQuery(**kw))}

    def canon(*names):
        return {canon_of(store, event_of, n) for n in names}

    assert ids(type="PROTEST") == canon("khartoum-protest-a")
    assert ids(type="protest") == canon("khartoum-protest-a")
    assert ids(type="05") == canon("jeddah-a")  # CAMEO prefix
    assert ids(type="Battles") == canon("khartoum-clash-a", "omdurman-tribal", "kirkuk-a1")  # ACLED type
    assert ids(country="SDN") == canon("khartoum-protest-a", "khartoum-clash-a", "omdurman-tribal")
    assert ids(country="Sudan") == ids(country="SD") == ids(country="SDN")
    assert ids(since="2024-03-04", until="2024-03-04") == canon("kharkiv-a", "kherson-a", "belgorod-a")
    assert ids(since="2024-03-05") == canon("kharkiv-later")
    # bbox around Kharkiv and Belgorod, not Kherson
    assert ids(bbox=(35.5, 49.5, 37.5, 51.0)) == canon("kharkiv-a", "kharkiv-later", "belgorod-a")
    assert ids(bbox=(35.5, 49.5, 37.5, 51.0), since="2024-03-01", until="2024-03-06") == canon(
        "kharkiv-a", "belgorod-a")
    assert ids(text="market") == canon("idlib-a", "kharkiv-later")
    assert ids(text="markets") == canon("idlib-a", "kharkiv-later")  # stemmed on both backends
    assert ids(text="market Idlib") == canon("idlib-a")
    assert ids(text="hospital", bbox=(32.0, 46.0, 33.0, 47.0), since="2024-03-04") == canon("kherson-a")
    assert ids(actor="RSF") == canon("khartoum-clash-a", "jeddah-a", "jeddah-talks")  # name word
    assert ids(actor="IMGMUS") == canon("kirkuk-a1", "mosul-attack")  # CAMEO code prefix
    assert ids(actor="tribesmen") == canon("omdurman-tribal")
    assert ids(min_sources=3) == canon("kharkiv-a", "khartoum-clash-a")
    assert ids(factuality="asserted") == ids()
    assert ids(factuality="speculated,denied") == set()
    assert ids(country="SDN", type="ASSAULT", min_sources=2) == canon("khartoum-clash-a")


def test_paging_and_iteration(loaded):
    store, _, _ = loaded
    first = store.query_events(EventQuery(limit=10))
    rest = store.query_events(EventQuery(limit=10, offset=10))
    assert len(first) == 10 and len(rest) == 5
    assert {e["canonical_id"] for e in first}.isdisjoint(e["canonical_id"] for e in rest)
    days = [e["date"]["start"] if e["date"] else e["doc_date"] for e in first]
    assert days == sorted(days, reverse=True)
    everything = list(store.iter_events(EventQuery(), chunk=4))
    assert len(everything) == 15
    assert sum(len(e["mentions"]) for e in everything) == 27
    assert all(e["mentions"][0]["evidence"]["text"] for e in everything)


def test_readd_is_a_noop(loaded):
    store, anns, _ = loaded
    before = store.stats()
    dump = [e for e in store.iter_events()]
    result = store.add_many(anns)
    assert result.unchanged == len(anns) and result.added == result.replaced == 0
    assert store.stats() == before
    assert list(store.iter_events()) == dump
    assert all(store.known(a.document) for a in anns)


def test_changed_document_replaces_old_version(loaded, reports):
    store, anns, event_of = loaded
    old = next(a for a in anns if a.document.source == "Black Sea Monitor")
    before = store.stats()
    kherson_id = canon_of(store, event_of, "kherson-a")
    # the outlet corrects its story: now it reports shelling of Kherson instead
    fixed = dict(next(r for r in reports if r["report"] == "kharkiv-c"))
    fixed.update(text="Russian troops fired rockets at apartment blocks in the southern city of Kherson.",
                 place={"name": "Kherson", "lat": 46.64, "lon": 32.62, "country": "UKR", "precision": "city"})
    new_anns, new_events = report_annotations([fixed])
    new = dataclasses.replace(new_anns[0], document=dataclasses.replace(
        new_anns[0].document, doc_id=old.document.doc_id))
    new = dataclasses.replace(new, events=tuple(dataclasses.replace(e, doc_id=old.doc_id) for e in new.events),
                              sentences=())
    assert store.add(new) == "replaced"
    assert store.get_event(event_of["kharkiv-c"]) is None
    assert store.get_event(new_events["kharkiv-c"])["canonical_id"] == kherson_id
    kharkiv = store.get_event(event_of["kharkiv-a"])
    assert kharkiv["n_sources"] == 2 and len(kharkiv["mentions"]) == 2
    kherson = store.get_event(event_of["kherson-a"])
    assert kherson["n_sources"] == 3
    after = store.stats()
    assert (after["documents"], after["mentions"], after["events"]) == (
        before["documents"], before["mentions"], before["events"])
    doc = store.get_document(old.doc_id)
    assert "Kherson" in doc["text"] and len(doc["events"]) == 1
    # the same URL under another id is the same document too
    moved = dataclasses.replace(new, document=dataclasses.replace(new.document, doc_id="doc-moved",
                                                                   text=new.document.text + " Updated."))
    moved = dataclasses.replace(moved, events=())
    assert store.add(moved) == "replaced"
    assert store.get_document(old.doc_id) is None
    assert store.get_event(event_of["kherson-a"])["n_sources"] == 2


def test_provenance_offsets_point_into_the_sentence(loaded):
    store, _, event_of = loaded
    ev = store.get_event(event_of["kirkuk-b"])
    assert ev["canonical_id"].startswith("can-")
    assert len(ev["provenance"]) == 3
    kinds = set()
    for prov in ev["provenance"]:
        sentence = prov["sentence"]["text"]
        assert prov["url"].startswith("https://example.org/") and prov["source"]
        kinds |= {h["kind"] for h in prov["highlights"]}
        assert {"trigger", "actor"} <= {h["kind"] for h in prov["highlights"]}
        for h in prov["highlights"]:
            assert sentence[h["start"]:h["end"]] == h["text"]
    assert {"place", "recipient"} <= kinds
    # the second report of kirkuk-b's document is the Mosul attack: its sentence starts mid-document
    mosul = store.get_event(event_of["mosul-attack"])
    prov = mosul["provenance"][0]
    assert prov["sentence"]["start"] > 0
    trig = next(h for h in prov["highlights"] if h["kind"] == "trigger")
    assert prov["sentence"]["text"][trig["start"]:trig["end"]] == "killed"


def test_get_document(loaded):
    store, anns, _ = loaded
    ann = anns[0]
    doc = store.get_document(ann.doc_id)
    assert doc["text"] == ann.document.text and doc["source"] == ann.document.source
    assert [s["text"] for s in doc["sentences"]] == [s.text for s in ann.sentences]
    assert {e["event_id"] for e in doc["events"]} == {e.event_id for e in ann.events}
    assert store.get_document("doc-nope") is None and store.get_event("evt-nope") is None


def test_stats_by_type_country_week(loaded):
    store, _, _ = loaded
    st = store.stats()
    assert st["by_type"] == {"AGREE": 1, "ASSAULT": 10, "COERCE": 2, "CONSULT": 1, "PROTEST": 1}
    assert st["by_country"]["SDN"] == 3
    assert st["by_week"]["2024-W10"] == 4  # kharkiv, kherson, belgorod (Mon 4 March) + kharkiv (Sat 9 March)


def test_thresholds_are_configurable(store_url, reports):
    strict = score_testset(reports, url=store_url, dedupe=DedupeConfig(enabled=False))
    assert strict["pairs_merged"] == 0 and strict["recall"] == 0.0


def test_loose_distance_merges_near_misses(tmp_path, reports):
    loose = score_testset(reports, url=f"sqlite:///{tmp_path}/loose.db", dedupe=DedupeConfig(max_km=1000))
    assert loose["precision"] < 1.0  # Kharkiv and Kherson, same day and shooter, now merge
    assert loose["pairs_merged"] > loose["pairs_same"]


def test_bad_urls_and_queries(tmp_path):
    with pytest.raises(StoreError):
        open_store("mysql://localhost/x")
    store = open_store(str(tmp_path / "plain-path.db"))
    with pytest.raises(StoreError):
        store.query_events(EventQuery(since="not a date"))
    assert store.query_events(EventQuery(text='" OR NEAR(')) == []  # user text is never FTS syntax
    store.close()


def test_default_url_is_frontlines_db(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = open_store()
    store.add(report_annotations(load_reports(sorted(DATA.glob("dedupe_events*.jsonl")))[:1])[0][0])
    store.close()
    assert (tmp_path / "frontlines.db").exists()


def test_document_without_events_is_stored(store_url):
    from frontlines.records import Annotation

    store = open_store(store_url)
    doc = Document(doc_id="doc-empty", text="Nothing happened in Basra today.", source="Tigris News",
                   date="2024-01-01")
    assert store.add(Annotation(document=doc)) == "added"
    assert store.add(Annotation(document=doc)) == "unchanged"
    assert store.get_document("doc-empty")["events"] == []
    store.close()


def test_upgrade_from_an_older_schema(store_url, reports, monkeypatch):
    import frontlines.store.db as dbmod
    from frontlines.store.schema import MIGRATIONS

    anns, event_of = report_annotations(reports)
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS[:2])
    old = open_store(store_url)
    assert old.schema_version == 2
    old.close()
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    store = open_store(store_url)
    assert store.schema_version == MIGRATIONS[-1].version
    store.add_many(anns)
    assert store.count_events() == 15
    store.close()


def test_actor_overlap_follows_the_code_hierarchy():
    from frontlines.records import Actor
    from frontlines.store.dedupe import actor_overlap, normalize_actor

    def keys(*actors):
        out = set()
        for a in actors:
            out |= normalize_actor(a)
        return frozenset(out)

    rus = Actor("Russia", 0, 6, "Russian Federation", "RUS", None, "RUS")
    rusmil = Actor("Russian troops", 0, 14, "Russian Federation", "RUS", "MIL", "RUSMIL")
    ukrmil = Actor("Ukrainian forces", 0, 16, "Ukraine", "UKR", "MIL", "UKRMIL")
    official = Actor("an official", 0, 11, "an official", None, "GOV", "~GOV")
    assert actor_overlap(keys(rus), keys(rusmil)) == 1.0
    assert actor_overlap(keys(ukrmil), keys(rusmil)) == 0.0
    assert actor_overlap(keys(rusmil, ukrmil), keys(ukrmil)) == 1.0
    assert keys(official) == frozenset()  # a role alone identifies no one
    mixed = Actor("army", 0, 4, "Sudan", "SDN", "GOV MIL", "SDNGOVMIL")
    assert actor_overlap(keys(mixed), keys(Actor("x", 0, 1, "Sudan", "SDN", "MIL", "SDNLEGMIL"))) == 1.0
    assert actor_overlap(keys(Actor("x", 0, 1, "Sudan", "SDN", "MIL", "SDNMIL")),
                         keys(Actor("RSF", 0, 3, "RSF", "SDN", "PRM", "SDNPRM"))) == 0.0


def test_undated_events_sort_last_on_every_backend(store_url, reports):
    from frontlines.evaluation.dedupe import report_event
    from frontlines.records import Annotation

    store = open_store(store_url)
    anns, _ = report_annotations(reports[:2])
    store.add_many(anns)
    undated = dict(reports[0], date=None, report="undated")
    doc = Document(doc_id="doc-undated", text=undated["text"], source="Nowhere Times")
    store.add(Annotation(document=doc, events=(report_event(undated, "doc-undated", 0),)))
    newest_first = store.query_events(EventQuery())
    oldest_first = list(store.iter_events(EventQuery()))
    assert newest_first[-1]["doc_id"] == "doc-undated" and newest_first[-1]["date"] is None
    assert oldest_first[-1]["doc_id"] == "doc-undated"
    assert len(newest_first) == len(oldest_first) == 2  # the two Kharkiv reports merged, plus the undated one
    assert store.count_events(EventQuery(since="2000-01-01")) == len(newest_first) - 1
    store.close()


def test_edited_text_under_the_same_id_reuses_event_ids(store_url, reports):
    anns, event_of = report_annotations(reports)
    store = open_store(store_url)
    store.add_many(anns)
    before = store.stats()
    ann = next(a for a in anns if len(a.events) == 2)  # the Kirkuk article that tells its story twice
    edited_doc = dataclasses.replace(ann.document, text=ann.document.text + " More to follow.")
    assert store.add(dataclasses.replace(ann, document=edited_doc)) == "replaced"
    assert store.stats() == before  # same events (same ids), same merges
    assert store.get_document(ann.doc_id)["text"].endswith("More to follow.")
    assert store.add(dataclasses.replace(ann, document=edited_doc)) == "unchanged"
    store.close()


def _report(name: str, cluster: str, text: str, place: dict | None, source: str) -> dict:
    return {"report": name, "cluster": cluster, "source": source, "doc_date": "2024-05-07", "text": text,
            "trigger": "shelled", "plover": "ASSAULT", "cameo": "194", "acled": "Explosions/Remote violence",
            "actors": [{"name": "Syrian army", "country": "SYR", "code": "SYRMIL", "sector": "MIL"}],
            "recipients": [], "place": place,
            "date": {"start": "2024-05-06", "end": "2024-05-06", "precision": "day"}}


ALEPPO = {"name": "Aleppo", "lat": 36.2021, "lon": 37.1343, "country": "SYR", "admin1": "Aleppo", "precision": "city"}
DEIR = {"name": "Deir ez-Zor", "lat": 35.3359, "lon": 40.1408, "country": "SYR", "admin1": "Deir ez-Zor",
        "precision": "city"}


def test_one_located_report_vetoes_a_far_away_candidate(store_url):
    """An unlocated report agrees with anything; alone it must not carry a shelling ~290 km away into
    the cluster, even though it is half of the cluster's reports."""
    reports = [
        _report("aleppo-a", "aleppo", "The Syrian army shelled eastern Aleppo on Monday.", ALEPPO, "Wire A"),
        _report("aleppo-b", "aleppo", "The Syrian army shelled rebel districts on Monday, activists said.", None,
                "Wire B"),
        _report("deir", "deir", "The Syrian army shelled Deir ez-Zor on Monday.", DEIR, "Wire C"),
    ]
    scores = score_testset(reports, url=store_url)
    assert scores["precision"] == 1.0 and scores["recall"] == 1.0 and scores["pairs_same"] == 1.0
    # the pairwise rule alone would merge it: the Deir ez-Zor report matches the unlocated one
    from frontlines.store.dedupe import features, match_score, place_conflict

    anns, _ = report_annotations(reports)
    f = [features(a.events[0], a.document.date) for a in anns]
    cfg = DedupeConfig()
    assert match_score(f[2], f[1], cfg) is not None and match_score(f[2], f[0], cfg) is None
    assert place_conflict(f[2], f[0], cfg) and not place_conflict(f[2], f[1], cfg)


def test_province_conflict_vetoes_without_coordinates():
    from frontlines.store.dedupe import Features, place_conflict

    def feat(admin1, country="SYR", lat=None, precision=None):
        return Features("ASSAULT", "19", None, 1, 1, lat, lat, country, precision, frozenset(), admin1)

    cfg = DedupeConfig()
    assert place_conflict(feat("idlib"), feat("homs"), cfg)
    assert place_conflict(feat(None, "SYR"), feat(None, "IRQ"), cfg)
    assert not place_conflict(feat("idlib"), feat(None), cfg)  # a missing place never conflicts
    assert not place_conflict(feat("idlib"), feat(None, None), cfg)
    # a country centroid says nothing about the province
    assert not place_conflict(feat("idlib", lat=35.0, precision="city"),
                              feat("damascus", lat=35.0, precision="country"), cfg)
    # points: distance decides, and a looser max_km loosens the veto with it
    near, far = feat("a", lat=35.0, precision="city"), feat("b", lat=35.5, precision="city")
    assert not place_conflict(near, feat("b", lat=35.2, precision="city"), cfg)
    assert place_conflict(near, far, cfg) and not place_conflict(near, far, DedupeConfig(max_km=1000))
