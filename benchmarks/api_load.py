"""Load test of ``GET /api/v1/events`` on loopback: req/s, latency percentiles, status counts.

    .venv/bin/python benchmarks/api_load.py [--events 20000] [--workers 2] [--seconds 10]
                                             [--connections 32] [--client auto|wrk|python] [--mixed]

Builds a synthetic SQLite store (the same generator as tests/bench_store.py), starts
``frontlines serve --workers N`` on a free port, and drives it with wrk when installed (else a
keep-alive Python client with one thread per connection). ``--mixed`` cycles through valid and
invalid parameters (bad dates, bboxes, limits, unknown and injection-looking values): invalid ones
must answer 422, never 5xx. Prints one JSON object; exit status 1 if any response was 5xx.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

VALID = [
    "/api/v1/events?limit=20",
    "/api/v1/events?limit=20&country=UKR",
    "/api/v1/events?limit=20&event_date_from=2022-03-01&event_date_to=2022-05-31",
    "/api/v1/events?limit=20&bbox=35.0,49.0,38.5,51.0",
    "/api/v1/events?limit=20&q=hospital",
    "/api/v1/events?limit=20&event_type=ASSAULT&offset=40",
    "/api/v1/events?limit=20&format=geojson",
]
INVALID = [
    "/api/v1/events?limit=0",
    "/api/v1/events?limit=abc",
    "/api/v1/events?event_date_from=2024-13-45",
    "/api/v1/events?bbox=1,2,3",
    "/api/v1/events?event_typ=ASSAULT",
    "/api/v1/events?factuality=maybe",
]
INJECTION = [
    "/api/v1/events?limit=20&country=UKR%27%20OR%20%271%27%3D%271",
    "/api/v1/events?limit=20&q=%27%3B%20DROP%20TABLE%20events%3B--",
    "/api/v1/events?limit=20&actor=%25%22%29%20UNION%20SELECT%201--",
]


def build_store(path: Path, n_events: int) -> None:
    sys.path.insert(0, str(REPO / "tests"))
    from bench_store import synthetic  # noqa: PLC0415 - the tests' deterministic generator
    from frontlines.store import DedupeConfig, open_store  # noqa: PLC0415

    store = open_store(f"sqlite:///{path}", dedupe=DedupeConfig(enabled=False))
    try:
        store.add_many(synthetic(n_events), batch_size=2000)
    finally:
        store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([str(BIN / "frontlines"), "serve", "--db", str(db), "--port", str(port),
                             "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/v1/events?limit=1")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("server did not start: " + (proc.stderr.read().decode() if proc.stderr else ""))


def run_python(port: int, paths: list[str], seconds: float, connections: int) -> dict[str, object]:
    """One keep-alive connection per thread, each cycling through ``paths`` for ``seconds``."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        codes: dict[int, int] = {}
        i = k
        while time.monotonic() < stop:
            t = time.perf_counter()
            conn.request("GET", paths[i % len(paths)])
            resp = conn.getresponse()
            resp.read()
            mine.append(time.perf_counter() - t)
            codes[resp.status] = codes.get(resp.status, 0) + 1
            i += 1
        with lock:
            latencies.extend(mine)
            for c, n in codes.items():
                statuses[c] = statuses.get(c, 0) + n

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(connections)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.perf_counter() - t0
    latencies.sort()

    def pct(p: float) -> float:
        return round(1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))], 2) if latencies else 0.0

    return {"client": "python", "requests": len(latencies), "seconds": round(elapsed, 2),
            "req_per_s": round(len(latencies) / elapsed, 1), "p50_ms": pct(0.5), "p90_ms": pct(0.9),
            "p99_ms": pct(0.99), "statuses": {str(k): v for k, v in sorted(statuses.items())}}


_LUA = """
local paths = {%s}
local counter = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) codes = {} ; i = 0 end
function request() i = i + 1 ; return wrk.format("GET", paths[(i %% #paths) + 1]) end
function response(status, headers, body) codes[status] = (codes[status] or 0) + 1 end
function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("codes")) do all[k] = (all[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(all) do table.insert(parts, string.format('"%%d": %%d', k, v)) end
  io.write(string.format('{"requests": %%d, "seconds": %%.2f, "p50_ms": %%.2f, "p90_ms": %%.2f, "p99_ms": %%.2f, "statuses": {%%s}}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, table.concat(parts, ", ")))
end
"""


def run_wrk(port: int, paths: list[str], seconds: float, connections: int) -> dict[str, object]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(_LUA % ", ".join(json.dumps(p) for p in paths))
        script = fh.name
    try:
        out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{int(seconds)}s", "-s", script,
                              f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script)
    result = json.loads(out.strip().splitlines()[-1])
    result["req_per_s"] = round(result["requests"] / result["seconds"], 1)
    return {"client": "wrk", **result}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    ap.add_argument("--mixed", action="store_true", help="valid, invalid and injection-looking parameters")
    ap.add_argument("--path", default="/api/v1/events?limit=20", help="the one path without --mixed")
    args = ap.parse_args(argv)
    paths = VALID + INVALID + INJECTION if args.mixed else [args.path]
    client = args.client if args.client != "auto" else ("wrk" if shutil.which("wrk") else "python")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "events.db"
        build_store(db, args.events)
        port = free_port()
        server = start_server(db, port, args.workers)
        try:
            run = run_wrk if client == "wrk" else run_python
            result = run(port, paths, args.seconds, args.connections)
        finally:
            server.terminate()
            server.wait(timeout=30)
    statuses = result.get("statuses", {})
    assert isinstance(statuses, dict)
    result.update(workers=args.workers, connections=args.connections, events=args.events, mixed=args.mixed,
                  server_errors=sum(v for k, v in statuses.items() if str(k).startswith("5")))
    print(json.dumps(result))
    return 1 if result["server_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
