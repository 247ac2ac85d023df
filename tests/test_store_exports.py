"""Every export format round-trips through its own reader (pandas/pyarrow for Parquet)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from frontlines.evaluation.dedupe import load_reports, report_annotations
from frontlines.store import EventQuery, open_store
from frontlines.store import exports as ex

DATA = Path(__file__).parent / "data"


@pytest.fixture
def events(store_url):
    store = open_store(store_url)
    anns, _ = report_annotations(load_reports(sorted(DATA.glob("dedupe_events*.jsonl"))))
    store.add_many(anns)
    out = list(store.iter_events(EventQuery()))
    store.close()
    assert len(out) == 15
    return out


def by_id(rows, key):
    return {r[key]: r for r in rows}


def test_acled_roundtrip(events, tmp_path):
    path = tmp_path / "acled.csv"
    assert ex.export(events, "acled", path) == 15
    with open(path, newline="") as fh:
        assert tuple(next(csv.reader(fh))) == ex.ACLED_COLUMNS
    rows = ex.read_acled(path)
    assert len(rows) == 15
    src = {e["canonical_id"].split("-")[-1]: e for e in events}
    for r in rows:
        e = src[r["event_id_cnty"][3:]]
        loc = e["location"] or {}
        assert r["latitude"] == loc.get("lat") and r["longitude"] == loc.get("lon")
        assert r["fatalities"] == ((e["fatalities"] or {}).get("best") or 0)
    rows_by_loc = {(r["location"], r["event_type"]): r for r in rows}
    clash = rows_by_loc[("Khartoum", "Battles")]
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == (1, 2, 12)  # army vs RSF
    assert clash["iso"] == 729 and clash["country"] == "Sudan" and clash["geo_precision"] == 1
    protest = rows_by_loc[("Khartoum", "Protests")]
    assert (protest["inter1"], protest["interaction"], protest["disorder_type"]) == (6, 60, "Demonstrations")
    idlib = rows_by_loc[("Idlib", "Explosions/Remote violence")]
    assert idlib["fatalities"] == 7 and idlib["time_precision"] == 1
    arrests = rows_by_loc[("Baghdad", "Violence against civilians")]
    assert (arrests["inter1"], arrests["inter2"], arrests["civilian_targeting"]) == (1, 7, "Civilian targeting")
    kirkuk = rows_by_loc[("Kirkuk", "Battles")]
    assert (kirkuk["inter1"], kirkuk["inter2"]) == (2, 1)
    jeddah = rows_by_loc[("Jeddah", "Strategic developments")]
    assert jeddah["iso"] == 682


def test_ucdp_roundtrip(events, tmp_path):
    path = tmp_path / "ged.csv"
    n = ex.export(events, "ucdp", path)
    rows = ex.read_ucdp(path)
    deadly = [e for e in events if (e["fatalities"] or {}).get("best") and e["plover"] == "ASSAULT"]
    assert n == len(rows) == len(deadly) == 5  # Kharkiv (4 and 9 March), Idlib, Kirkuk, Mosul
    got = by_id(rows, "id")
    for e in deadly:
        r = got[e["canonical_id"]]
        f = e["fatalities"]
        assert (r["best"], r["low"], r["high"]) == (f["best"], f["low"], f["high"])
        assert r["low"] <= r["best"] <= r["high"]
        assert r["number_of_sources"] == e["n_sources"]
    kharkiv = next(r for r in rows if r["where_coordinates"] == "Kharkiv" and r["number_of_sources"] == 3)
    assert (kharkiv["low"], kharkiv["best"], kharkiv["high"]) == (2, 3, 3)
    assert kharkiv["geom_wkt"].startswith("POINT (36.2")
    kirkuk = next(r for r in rows if r["where_coordinates"] == "Kirkuk")
    assert kirkuk["type_of_violence"] == 1 and kirkuk["date_prec"] == 1 and kirkuk["date_start"] == "2023-11-19"


def test_cameo_roundtrip(events, tmp_path):
    path = tmp_path / "phoenix.tsv"
    n = ex.export(events, "cameo", path)
    rows = ex.read_cameo(path)
    assert n == len(rows) == 15
    first_line = path.read_text().splitlines()[0].split("\t")
    assert len(first_line) == len(ex.CAMEO_COLUMNS) and first_line[0].startswith("can-")  # no header, like Phoenix
    got = by_id(rows, "EventID")
    for e in events:
        r = got[e["canonical_id"]]
        assert r["EventCode"] == e["cameo"] and r["EventRootCode"] == e["cameo"][:2]
        assert r["Date"] == (e["date"] or {}).get("start", e["doc_date"]).replace("-", "")
        assert r["QuadClass"] == e["quad_class"]
    jeddah = next(r for r in rows if r["EventCode"] == "057")
    assert (jeddah["SourceActorFull"], jeddah["SourceActorEntity"], jeddah["SourceActorRole"]) == (
        "SDNMIL", "SDN", "MIL")
    assert jeddah["CountryCode"] == "SAU" and jeddah["Lat"] == pytest.approx(21.5433)


def test_plover_roundtrip(events, tmp_path):
    path = tmp_path / "plover.json"
    assert ex.export(events, "plover", path) == 15
    rows = ex.read_plover(path)
    assert all(tuple(r) == ex.POLECAT_COLUMNS for r in rows)
    got = by_id(rows, "Event ID")
    for e in events:
        r = got[e["canonical_id"]]
        assert r["Event Type"] == e["plover"].lower()
        assert r["Latitude"] == (e["location"] or {}).get("lat")
    agree = next(r for r in rows if r["Event Type"] == "agree")
    assert agree["Actor Country"] == "SDN" and agree["Primary Actor Sector"] == "MIL"
    with pytest.raises(ValueError):
        path.write_text(json.dumps([{"Event ID": "x"}]))
        ex.read_plover(path)


def test_geojson_roundtrip(events, tmp_path):
    path = tmp_path / "events.geojson"
    n = ex.export(events, "geojson", path)
    feats = ex.read_geojson(path)
    located = [e for e in events if (e["location"] or {}).get("lat") is not None]
    assert n == len(feats) == len(located) == 15
    got = {f["id"]: f for f in feats}
    for e in located:
        f = got[e["canonical_id"]]
        assert f["geometry"]["coordinates"] == [e["location"]["lon"], e["location"]["lat"]]
        assert f["properties"]["n_sources"] == e["n_sources"]


def test_parquet_partitioned_by_month(events, tmp_path):
    out = tmp_path / "parquet"
    assert ex.export(events, "parquet", out) == 15
    months = sorted(p.name for p in out.iterdir())
    assert months == ["month=2023-04", "month=2023-05", "month=2023-11", "month=2024-01", "month=2024-02",
                      "month=2024-03"]
    df = ex.read_parquet(out)
    assert len(df) == 15 and set(df["canonical_id"]) == {e["canonical_id"] for e in events}
    row = df[df["place"] == "Idlib"].iloc[0]
    assert row["fatalities"] == 7 and row["n_sources"] == 2 and str(row["month"]) == "2024-01"
    import pyarrow.dataset as ds

    assert ds.dataset(out, partitioning="hive").count_rows(filter=ds.field("month") == "2024-03") == 4


def test_csv_of_query_results(events):
    rows = list(csv.DictReader(io.StringIO(ex.to_csv(events))))
    assert len(rows) == 15 and {r["canonical_id"] for r in rows} == {e["canonical_id"] for e in events}


def test_inter_codes():
    assert ex.inter_code({"code": "SYRMIL"}) == 1
    assert ex.inter_code({"sector": "REB"}) == 2
    assert ex.inter_code({"sector": "ETH"}) == 4
    assert ex.inter_code({"sector": "OPP"}, protest=True) == 6
    assert ex.inter_code({"sector": "CVL"}) == 7
    assert ex.inter_code({"code": "IGOUNO"}) == 8
    assert ex.inter_code(None) == 0
