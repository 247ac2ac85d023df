"""The HTTP API in-process (FastAPI TestClient) over a real SQLite store."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import httpx
import pytest

import eventdata

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx vs httpx2 in its test client
    from fastapi.testclient import TestClient

from frontlines.api import create_app, static_dir

EVENTS = "/api/v1/events"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = eventdata.build_store(str(tmp_path_factory.mktemp("api") / "events.db"))
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store)) as c:
        yield c


def ids(resp) -> set[str]:
    assert resp.status_code == 200, resp.text
    return {e["canonical_id"] for e in resp.json()["events"]}


def places(resp) -> set[str]:
    assert resp.status_code == 200, resp.text
    return {(e["location"] or {}).get("name") for e in resp.json()["events"]}


def assert_error(resp, status: int, code: str | None = None) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message", "details"}
    assert err["status"] == status and isinstance(err["message"], str) and err["message"]
    if code:
        assert err["code"] == code
    return err


def test_list_paginates_newest_first(client):
    first = client.get(EVENTS, params={"limit": 10}).json()
    assert first["total"] == 33 and first["limit"] == 10 and first["offset"] == 0
    assert len(first["events"]) == 10
    dates = [e["date"]["start"] for e in first["events"]]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2024-03-20"
    seen: list[str] = []
    for offset in range(0, 40, 10):
        seen += [e["canonical_id"] for e in client.get(EVENTS, params={"limit": 10, "offset": offset}).json()["events"]]
    assert len(seen) == len(set(seen)) == 33
    assert client.get(EVENTS, params={"offset": 33}).json()["events"] == []


@pytest.mark.parametrize(("params", "expected"), [
    ({"event_type": "PROTEST"}, {"Khartoum"}),
    ({"event_type": "Protests"}, {"Khartoum"}),  # ACLED names work as well as PLOVER
    ({"country": "SYR"}, {"Idlib", "Aleppo", "Kobani"}),
    ({"country": "Syria"}, {"Idlib", "Aleppo", "Kobani"}),
    ({"actor": "islamic state"}, {"Mosul"}),
    ({"bbox": "35.5,35.0,39.0,37.5"}, {"Idlib", "Aleppo", "Kobani"}),
    ({"q": "market"}, {"Idlib"}),
    ({"factuality": "speculated"}, {"Kobani"}),
    ({"factuality": "denied"}, {"Kherson"}),
    ({"min_sources": 2}, {"Mosul"}),
    ({"event_date_from": "2024-03-01", "event_date_to": "2024-03-10"}, {"Mosul", "Khartoum", "Kharkiv"}),
    ({"country": "UKR", "event_type": "ASSAULT", "event_date_from": "2024-03-01"}, {"Kharkiv", "Kherson"}),
])
def test_filters_use_acled_like_names(client, params, expected):
    resp = client.get(EVENTS, params=params)
    assert places(resp) == expected
    assert resp.json()["total"] == len(resp.json()["events"])


def test_merged_reports_count_their_sources(client):
    (mosul,) = client.get(EVENTS, params={"min_sources": 2}).json()["events"]
    assert mosul["n_sources"] == 2 and len(mosul["mentions"]) == 2
    assert {m["source"] for m in mosul["mentions"]} == {"Tigris Wire", "Nineveh Daily"}


def test_geojson_feature_collection(client):
    resp = client.get(EVENTS, params={"format": "geojson", "limit": 1000})
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/geo+json")
    fc = resp.json()
    assert fc["type"] == "FeatureCollection" and fc["total"] == 33 and len(fc["features"]) == 33
    by_place = {f["properties"]["location"]: f for f in fc["features"]}
    khartoum = by_place["Khartoum"]
    assert khartoum["geometry"] == {"type": "Point", "coordinates": [32.53, 15.55]}  # lon, lat (RFC 7946)
    assert khartoum["properties"]["event_type"] == "PROTEST"
    assert khartoum["properties"]["acled_event_type"] == "Protests"
    assert by_place["Idlib"]["properties"]["fatalities"] == 12
    unlocated = [f for f in fc["features"] if f["geometry"] is None]
    assert [f["properties"]["actor1"] for f in unlocated] == ["Negotiators"]
    filtered = client.get(EVENTS, params={"format": "geojson", "factuality": "speculated"}).json()
    assert [f["properties"]["location"] for f in filtered["features"]] == ["Kobani"]


def test_event_provenance_highlights_point_into_the_sentence(client):
    (mosul,) = client.get(EVENTS, params={"min_sources": 2}).json()["events"]
    for key in (mosul["canonical_id"], mosul["mentions"][1]["event_id"]):  # canonical or any mention id
        detail = client.get(f"{EVENTS}/{key}").json()
        assert detail["canonical_id"] == mosul["canonical_id"]
    prov = detail["provenance"]
    assert len(prov) == 2
    for p in prov:
        text = p["sentence"]["text"]
        assert "Mosul" in text
        kinds = {h["kind"]: text[h["start"]:h["end"]] for h in p["highlights"]}
        for h in p["highlights"]:
            assert text[h["start"]:h["end"]] == h["text"]
        assert kinds["place"] == "Mosul" and kinds["fatalities"] == "four"
    triggers = sorted(next(h["text"] for h in p["highlights"] if h["kind"] == "trigger") for p in prov)
    assert triggers == ["attacked", "stormed"]


def test_document_and_stats(client):
    (kharkiv,) = client.get(EVENTS, params={"q": "Kharkiv"}).json()["events"]
    doc = client.get(f"/api/v1/documents/{kharkiv['doc_id']}").json()
    assert doc["source"] == "Kyiv Ledger" and doc["text"].startswith("Russian forces shelled Kharkiv")
    assert [e["event_id"] for e in doc["events"]] == [kharkiv["event_id"]]
    stats = client.get("/api/v1/stats").json()
    assert stats["events"] == 33 and stats["documents"] == 34
    assert stats["by_type"] == {"AGREE": 1, "ASSAULT": 18, "CONSULT": 1, "MOBILIZE": 12, "PROTEST": 1}
    assert stats["by_country"]["SYR"] == 3
    assert sum(stats["by_week"].values()) == 33


def test_event_names_its_dyad_and_the_dyad_series_counts_it(client):
    (mosul,) = client.get(EVENTS, params={"min_sources": 2}).json()["events"]
    keys = client.get(f"{EVENTS}/{mosul['canonical_id']}").json()["dyad_keys"]
    assert keys == {"sources": ["islamic state militants"], "targets": ["army"]}
    ans = client.get("/api/v1/dyads", params={"actor": "Islamic State", "vs": "army", "by": "week"}).json()
    assert ans["partners"] == [{"partner": "army", "events": 1.0, "conflict": 1.0, "cooperation": 0.0,
                                "fatalities": 4.0}]
    week = [p for p in ans["points"] if p["events"]]
    assert [(p["period"], p["material_conflict"], p["balance"]) for p in week] == [("2024-02-26", 1.0, -10.0)]
    assert all(p["events"] == 0 for p in ans["points"] if p["period"] != "2024-02-26")  # filled quiet weeks
    window = client.get("/api/v1/dyads", params={"actor": "Islamic State", "event_date_from": "2024-03-04"}).json()
    assert window["partners"] == []


def test_factions_group_cooperating_actors(client):
    (deal,) = client.get(EVENTS, params={"event_type": "AGREE"}).json()["events"]
    keys = client.get(f"{EVENTS}/{deal['canonical_id']}").json()["dyad_keys"]
    pair = sorted(keys["sources"] + keys["targets"])
    assert len(pair) == 2 and "kurdistan regional government" in pair
    ans = client.get("/api/v1/factions").json()
    groups = [f["members"] for f in ans["factions"] if f["size"] > 1]
    assert groups == [pair]  # they signed an agreement
    edge = next(e for e in ans["edges"] if [e["source"], e["target"]] == pair)
    assert edge["balance"] == 8.0 and edge["cooperation"] == 1.0
    hostile = next(e for e in ans["edges"] if {e["source"], e["target"]} == {"army", "islamic state militants"})
    assert hostile["balance"] == -10.0 and hostile["conflict"] == 1.0
    assert ans["start"] == "2024-02-01" and ans["end"] == "2024-03-20"


@pytest.mark.parametrize(("method", "url", "status"), [
    ("GET", EVENTS + "?limit=0", 422),
    ("GET", EVENTS + "?limit=5000", 422),
    ("GET", EVENTS + "?limit=ten", 422),
    ("GET", EVENTS + "?offset=-1", 422),
    ("GET", EVENTS + "?bbox=1,2,3", 422),
    ("GET", EVENTS + "?bbox=a,b,c,d", 422),
    ("GET", EVENTS + "?bbox=10,0,5,1", 422),
    ("GET", EVENTS + "?bbox=0,-95,1,1", 422),
    ("GET", EVENTS + "?bbox=nan,0,1,1", 422),
    ("GET", EVENTS + "?event_date_from=2024-13-45", 422),
    ("GET", EVENTS + "?event_date_from=0", 422),  # not a Unix timestamp
    ("GET", EVENTS + "?event_date_from=", 422),
    ("GET", EVENTS + "?bbox=", 422),
    ("GET", EVENTS + "?event_date_to=20240301", 422),
    ("GET", "/api/v1/dyads?actor=army&event_date_from=1710000000", 422),
    ("GET", EVENTS + "?event_date_from=2024-03-10&event_date_to=2024-03-01", 422),
    ("GET", EVENTS + "?factuality=maybe", 422),
    ("GET", EVENTS + "?min_sources=0", 422),
    ("GET", EVENTS + "?format=kml", 422),
    ("GET", EVENTS + "?event_typ=PROTEST", 422),  # a misspelt filter is refused, not ignored
    ("GET", EVENTS + "/evt-does-not-exist", 404),
    ("GET", "/api/v1/documents/doc-nope", 404),
    ("GET", "/api/v1/nothing-here", 404),
    ("DELETE", EVENTS, 405),
    ("GET", "/api/v1/dyads", 422),  # actor is required
    ("GET", "/api/v1/dyads?actor=army&by=year", 422),
    ("GET", "/api/v1/dyads?actor=army&level=tribe", 422),
    ("GET", "/api/v1/factions?event_date_from=2024-03-10&event_date_to=2024-03-01", 422),
    ("GET", "/api/v1/factions?since=2024-03-10", 422),
])
def test_every_error_has_one_shape(client, method, url, status):
    err = assert_error(client.request(method, url), status)
    if status == 422:
        assert err["code"] == "invalid_parameter" and err["details"]
        assert err["details"][0]["loc"][0] == "query"


def test_read_only_by_default(client, monkeypatch):
    monkeypatch.delenv("FRONTLINES_API_TOKEN", raising=False)
    err = assert_error(client.post("/api/v1/documents", json={"text": "Rebels shelled the town."}), 403, "read_only")
    assert "read-only" in err["message"]


def test_ingest_needs_the_bearer_token_and_runs_the_pipeline(tmp_path, resources, monkeypatch):
    from frontlines.store import open_store

    monkeypatch.setenv("FRONTLINES_API_TOKEN", "s3cret-token")  # config from the environment
    store = open_store(str(tmp_path / "ingest.db"))
    with TestClient(create_app(store, resources=resources)) as c:
        body = {"text": "Sudanese paramilitary fighters attacked a camp for displaced people near El Fasher on "
                        "Tuesday, killing nine civilians, aid workers said.",
                "source": "Darfur Dispatch", "date": "2024-05-14", "title": "Camp attacked"}
        resp = c.post("/api/v1/documents", json=body)
        assert_error(resp, 401, "unauthorized")
        assert resp.headers["www-authenticate"] == "Bearer"
        assert_error(c.post("/api/v1/documents", json=body, headers={"Authorization": "Bearer wrong"}), 401)
        assert c.get(EVENTS).json()["total"] == 0
        auth = {"Authorization": "Bearer s3cret-token"}
        assert_error(c.post("/api/v1/documents", json={"text": ""}, headers=auth), 422)
        assert_error(c.post("/api/v1/documents", json={"text": "x", "date": "May 14"}, headers=auth), 422)
        assert_error(c.post("/api/v1/documents", json={"text": "x", "date": "2024-13-45"}, headers=auth), 422)
        resp = c.post("/api/v1/documents", json=body, headers=auth)
        assert resp.status_code == 201, resp.text
        out = resp.json()
        doc = c.get(f"/api/v1/documents/{out['doc_id']}").json()
        assert doc["source"] == "Darfur Dispatch" and doc["date"] == "2024-05-14"
        assert out["events"], "the real pipeline finds the attack"
        assert {e["event_id"] for e in doc["events"]} == set(out["events"])
        attack = [e for e in doc["events"] if e["trigger"]["text"] == "attacked"]
        assert attack and attack[0]["plover"] == "ASSAULT"
        assert c.get(EVENTS).json()["total"] >= 1
    store.close()


def test_token_argument_enables_ingest(store, monkeypatch):
    monkeypatch.delenv("FRONTLINES_API_TOKEN", raising=False)
    with TestClient(create_app(store, token="abc")) as c:
        # authorised but invalid body: 422, and nothing is run or stored
        resp = c.post("/api/v1/documents", json={"title": "no text"}, headers={"Authorization": "Bearer abc"})
        assert_error(resp, 422, "invalid_parameter")


def test_openapi_documents_the_error_shape(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/events", "/api/v1/events/{event_id}", "/api/v1/documents/{doc_id}", "/api/v1/stats",
            "/api/v1/documents", "/api/v1/dyads", "/api/v1/factions"} <= set(spec["paths"])
    events = spec["paths"]["/api/v1/events"]["get"]
    names = {p["name"] for p in events["parameters"]}
    assert {"event_date_from", "event_date_to", "country", "actor", "event_type", "bbox", "q", "factuality",
            "min_sources", "limit", "offset", "format"} <= names
    ref = events["responses"]["422"]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/ErrorBody")
    assert "application/geo+json" in events["responses"]["200"]["content"]
    assert spec["paths"]["/api/v1/documents"]["post"]["security"]


def test_dashboard_is_served_and_offline(client):
    if not (static_dir() / "index.html").is_file():
        pytest.fail("dashboard assets missing: run `make setup` (npm ci in web/)")
    resp = client.get("/")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    html = resp.text
    for asset in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/uplot/uPlot.iife.min.js",
                  "/static/vendor/markercluster/leaflet.markercluster.js", "/static/app.js",
                  "/static/vendor/world-atlas/countries-50m.json"):
        if asset.endswith(".json"):
            assert client.get(asset).json()["type"] == "Topology"
        else:
            assert asset in html
            assert client.get(asset).status_code == 200
    # nothing the page loads points off the machine (the browser test watches the real requests)
    for name in ("index.html", "common.js", "panel.js", "app.js", "style.css"):
        assert not re.search(r"\w+://", (static_dir() / name).read_text()), name
    for name in ("vendor/leaflet/leaflet.css", "vendor/markercluster/MarkerCluster.css", "vendor/uplot/uPlot.min.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", (static_dir() / name).read_text()), name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_command_serves_the_store(store, tmp_path):
    db = tmp_path / "served.db"
    eventdata.build_store(str(db)).close()
    port = _free_port()
    exe = Path(sys.executable).with_name("frontlines")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "FRONTLINES_API_TOKEN": ""})
    try:
        for _ in range(200):
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/api/v1/stats", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.1)
        else:
            pytest.fail("server did not start")
        assert resp.json()["events"] == 33
        resp = httpx.post(f"http://127.0.0.1:{port}/api/v1/documents", json={"text": "a b c"})
        assert resp.status_code == 403  # read-only without a token
        assert json.loads(resp.text)["error"]["code"] == "read_only"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
