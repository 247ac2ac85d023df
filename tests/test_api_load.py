"""A short, bounded load run against a real `frontlines serve --workers 2` (benchmarks/api_load.py):
mixed valid, invalid and injection-looking parameters give 200s and 422s, never a 5xx."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("api_load", REPO / "benchmarks" / "api_load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["api_load"] = module
    spec.loader.exec_module(module)
    return module


def test_mixed_load_on_two_workers_has_no_server_errors(tmp_path):
    load = _load()
    db = tmp_path / "events.db"
    load.build_store(db, 500)
    port = load.free_port()
    server = load.start_server(db, port, workers=2)
    try:
        paths = load.VALID + load.INVALID + load.INJECTION
        result = load.run_python(port, paths, seconds=2.0, connections=4)
        # every path answers as it should, one by one (statuses are per path, not only summed)
        import http.client

        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        answers = {}
        for path in paths:
            conn.request("GET", path)
            resp = conn.getresponse()
            answers[path] = (resp.status, json.loads(resp.read()))
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert result["requests"] > len(paths)
    assert not any(code.startswith("5") for code in result["statuses"]), result
    for path in load.VALID + load.INJECTION:
        status, body = answers[path]
        assert status == 200, (path, body)
        assert "total" in body or body.get("type") == "FeatureCollection"
    for path in load.INVALID:
        status, body = answers[path]
        assert status == 422 and body["error"]["status"] == 422, (path, body)
    # injection-looking filters are plain values: they match nothing, and the store is intact
    assert answers[load.INJECTION[0]][1]["total"] == 0
    assert answers[load.VALID[0]][1]["total"] == 500
