"""A throwaway PostgreSQL 15 + PostGIS 3 server for the tests (Debian packages postgresql-15,
postgresql-15-postgis-3).

The server runs from a temp dir on 127.0.0.1 at a free port, its unix socket in the same dir.
``initdb`` refuses to run as root, so as root everything runs as the ``postgres`` user. Tests skip
only when the binaries are absent and this is not CI (``CI=true`` makes that a failure).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_VERSION = "15"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def find_pg_bin() -> Path | None:
    """The bin dir holding initdb and pg_ctl, when PostgreSQL 15 and PostGIS are installed."""
    candidates = [os.environ.get("FRONTLINES_PG_BIN", ""), f"/usr/lib/postgresql/{PG_VERSION}/bin"]
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            share = Path(f"/usr/share/postgresql/{PG_VERSION}/extension")
            if not list(share.glob("postgis*.control")) and not os.environ.get("FRONTLINES_PG_BIN"):
                return None
            return Path(c)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="frontlines-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, user="postgres", group="postgres")

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=self.root, timeout=120)

    def start(self) -> None:
        r = self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                      "--locale=C", "--no-sync")
        if r.returncode:
            raise RuntimeError(f"initdb failed: {r.stderr}")
        opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c full_page_writes=off -c synchronous_commit=off")
        r = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-t", "60",
                      "-o", opts, "start")
        if r.returncode:
            log = (self.root / "server.log").read_text() if (self.root / "server.log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {r.stderr}\n{log}")
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute("CREATE DATABASE frontlines_template")
        with psycopg.connect(self.url("frontlines_template"), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION postgis")

    def url(self, db: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def fresh_database(self) -> str:
        """A new empty database (PostGIS already enabled) and its URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE frontlines_template")
        return self.url(name)

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bindir = find_pg_bin()
    if bindir is None:
        msg = f"PostgreSQL {PG_VERSION} + PostGIS binaries not installed (apt-get install postgresql-15 postgresql-15-postgis-3)"
        if in_ci():
            pytest.fail(msg + " and CI=true")
        pytest.skip(msg)
    server = PgServer(bindir)
    try:
        server.start()
    except Exception:
        server.stop()
        raise
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    return pg_server.fresh_database()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL for an empty store, once per backend (the same store tests run on both)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/events.db"
    return str(request.getfixturevalue("pg_url"))
