"""Read access to the built gazetteer (``python -m frontlines.geo.build``).

Lookups go through B-tree indexes on three name keys (see ``names.py``) and are cached, so a
repeated name costs a dict hit and a new one a few tens of microseconds.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ResourceMissing
from .names import bare, loose, norm

FILENAME = "gazetteer.sqlite"

# match levels: how a candidate's name met the query (lower is better)
EXACT_MAIN, EXACT_ALT, EXACT_ALIAS, BARE, LOOSE = 0, 1, 2, 3, 4

PRECISION = {"PPL": "city", "PPLC": "city", "ADM2": "admin2", "ADM1": "admin1", "PCLI": "country",
             "CONT": "unknown", "RGN": "unknown", "OCN": "unknown", "SEA": "unknown", "GULF": "unknown",
             "PEN": "unknown", "BLDG": "city"}
# ACLED geo_precision (1 town, 2 near a town / district, 3 province or larger) and UCDP where_prec
# (1 exact, 3 second-order admin, 4 first-order admin, 6 country).
ACLED_PRECISION = {"city": 1, "admin2": 2, "admin1": 3, "country": 3}
UCDP_WHERE_PREC = {"city": 1, "admin2": 3, "admin1": 4, "country": 6}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry met by a name, with how well the name matched (``match``, lower is better)."""

    gid: int
    name: str
    lat: float | None
    lon: float | None
    cc: str | None  # ISO2
    iso3: str | None
    admin1: str | None  # GeoNames admin1 code within the country
    admin1_name: str | None
    admin2: str | None
    feature: str
    population: int
    match: int = EXACT_MAIN

    @property
    def precision(self) -> str:
        return PRECISION.get(self.feature, "unknown")

    @property
    def is_admin(self) -> bool:
        return self.feature in ("ADM1", "ADM2")


_COLS = "p.gid, p.name, p.lat, p.lon, p.cc, p.iso3, p.admin1, p.admin1_name, p.admin2, p.feature, p.population"


def _row(row: tuple[Any, ...], match: int) -> Candidate:
    gid, name, lat, lon, cc, iso3, admin1, admin1_name, admin2, feature, population = row[:11]
    return Candidate(gid, name, lat, lon, cc, iso3, admin1, admin1_name, admin2, feature, population, match)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """A read-only GeoNames gazetteer. Safe to share between threads (queries are serialised)."""

    def __init__(self, path: str | Path, *, cache_size: int = 50_000) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise ResourceMissing(f"gazetteer not found: {self.path}; build it with `python -m frontlines.geo.build`")
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, int], tuple[Candidate, ...]] = {}
        self._cache_size = cache_size
        # the same spelling comes back all the time: skip even the name folding for it
        self._raw: dict[tuple[str, int, bool], tuple[Candidate, ...]] = {}
        self._countries: dict[str, Candidate] | None = None

    def close(self) -> None:
        self._con.close()

    def __len__(self) -> int:
        with self._lock:
            return int(self._con.execute("SELECT COUNT(*) FROM places").fetchone()[0])

    def lookup(self, name: str, *, limit: int = 40, fuzzy: bool = True) -> tuple[Candidate, ...]:
        """Entries a name can refer to, best-matched first and then by population.

        Exact keys first; the article-less key ("al kut" = "kut") and the transliteration key
        ("diwaniya" = "diwaniyah") only add entries with a worse ``match``.
        """
        raw = (name, limit, fuzzy)
        hit = self._raw.get(raw)
        if hit is not None:
            return hit
        if len(self._raw) >= self._cache_size:
            self._raw.clear()
        key = norm(name)
        if not key:
            self._raw[raw] = ()
            return ()
        ck = (key, limit * 2 + int(fuzzy))
        hit = self._cache.get(ck)
        if hit is not None:
            self._raw[raw] = hit
            return hit
        found: dict[int, Candidate] = {}
        with self._lock:
            for row in self._con.execute(
                    f"SELECT {_COLS}, MIN(n.kind) FROM names n JOIN places p ON p.gid = n.gid "
                    "WHERE n.key = ? GROUP BY p.gid", (key,)):
                found[row[0]] = _row(row[:-1], int(row[-1]))
            b = bare(key)
            if fuzzy and len(b) >= 3:
                for row in self._con.execute(
                        f"SELECT {_COLS} FROM names n JOIN places p ON p.gid = n.gid WHERE n.bare = ?", (b,)):
                    if row[0] not in found:
                        found[row[0]] = _row(row, BARE)
                lk = loose(key)
                if len(lk) >= 4:
                    for row in self._con.execute(
                            f"SELECT {_COLS} FROM names n JOIN places p ON p.gid = n.gid WHERE n.loose = ?", (lk,)):
                        if row[0] not in found:
                            found[row[0]] = _row(row, LOOSE)
        result = tuple(sorted(found.values(), key=lambda c: (c.match > EXACT_ALIAS, -c.population, c.gid))[:limit])
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[ck] = self._raw[raw] = result
        return result

    def known(self, name: str) -> bool:
        """Whether any entry carries this name (exact or without its article)."""
        return bool(self.lookup(name, fuzzy=True))

    def get(self, gid: int) -> Candidate | None:
        with self._lock:
            row = self._con.execute(f"SELECT {_COLS} FROM places p WHERE p.gid = ?", (gid,)).fetchone()
        return None if row is None else _row(row, EXACT_MAIN)

    def countries(self) -> dict[str, Candidate]:
        """ISO2 and ISO3 code -> the country entry."""
        if self._countries is None:
            with self._lock:
                rows = self._con.execute(f"SELECT {_COLS} FROM places p WHERE p.feature = 'PCLI'").fetchall()
            out: dict[str, Candidate] = {}
            for row in rows:
                c = _row(row, EXACT_MAIN)
                for code in (c.cc, c.iso3):
                    if code:
                        out[code.upper()] = c
            self._countries = out
        return self._countries

    def names_of_features(self, features: tuple[str, ...]) -> list[tuple[str, Candidate]]:
        """(name key, entry) for every name of the entries with these feature codes."""
        marks = ",".join("?" * len(features))
        with self._lock:
            rows = self._con.execute(f"SELECT n.key, {_COLS} FROM names n JOIN places p ON p.gid = n.gid "
                                     f"WHERE p.feature IN ({marks}) AND n.kind <= 2", features).fetchall()
        return [(r[0], _row(r[1:], EXACT_MAIN)) for r in rows]

    def country(self, code: str | None) -> Candidate | None:
        return self.countries().get(code.upper()) if code else None

    def admin1(self, cc: str | None, code: str | None) -> Candidate | None:
        if not cc or not code:
            return None
        with self._lock:
            row = self._con.execute(f"SELECT {_COLS} FROM places p WHERE p.feature = 'ADM1' AND p.cc = ? "
                                    "AND p.admin1 = ?", (cc, code)).fetchone()
        return None if row is None else _row(row, EXACT_MAIN)

    def search(self, text: str, *, limit: int = 10) -> tuple[Candidate, ...]:
        """Full-text search (token prefix match) for names not found by ``lookup``."""
        tokens = norm(text).split()
        if not tokens:
            return ()
        query = " ".join(f'"{t}"*' for t in tokens)
        with self._lock:
            rows = self._con.execute(
                f"SELECT {_COLS} FROM names_fts f JOIN places p ON p.gid = f.gid WHERE names_fts MATCH ? "
                "GROUP BY p.gid ORDER BY p.population DESC LIMIT ?", (query, limit)).fetchall()
        return tuple(_row(r, LOOSE) for r in rows)


def default_path(settings: object) -> Path:
    return Path(getattr(settings, "data_dir", Path("data"))) / FILENAME


def open_default(settings: object) -> Gazetteer | None:
    """The gazetteer under ``settings.data_dir``, or None if it has not been built."""
    path = default_path(settings)
    if not path.is_file():
        return None
    return Gazetteer(path)
