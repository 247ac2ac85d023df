"""Standard event-data exports of canonical events, each with a reader that loads it back.

- ``acled``: ACLED CSV column names and codes (inter codes, interaction, geo/time precision)
- ``ucdp``: UCDP GED-style CSV with best/low/high (violent events with at least one death)
- ``cameo``: Phoenix/PETRARCH tab-delimited rows, no header, as Phoenix files are published
- ``plover``: a JSON array of POLECAT-column records
- ``geojson``: a FeatureCollection of located events
- ``parquet``: a hive-partitioned dataset (``month=YYYY-MM``)

Column names and code meanings are facts from the ACLED codebook, UCDP GED codebook, the Phoenix
data description and the POLECAT/PLOVER documentation.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

FORMATS = ("acled", "ucdp", "cameo", "plover", "geojson", "parquet")
Event = dict[str, Any]

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
UCDP_COLUMNS = (
    "id", "relid", "year", "active_year", "type_of_violence", "dyad_name", "side_a", "side_b",
    "number_of_sources", "source_article", "source_headline", "where_prec", "where_coordinates", "adm_1",
    "latitude", "longitude", "geom_wkt", "country", "country_id", "event_clarity", "date_prec", "date_start",
    "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
)
CAMEO_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
    "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName",
    "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
)
POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts", "Actor Name",
    "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw",
    "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type",
    "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version",
)

_STATE = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PRM"}
_REBEL = {"REB", "INS", "IMG"}
_IDENTITY = {"ETH", "REL", "CLN"}
_CIVIL = {"CVL", "EDU", "MED", "HLH", "BUS", "JRN", "LAB", "AGR", "REF", "ELI", "CRM"}
_EXTERNAL = {"IGO", "NGO", "PKO", "UAF"}
_VIOLENT_ACLED = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_DEMONSTRATION = {"Protests", "Riots"}


# ----------------------------------------------------------------------------- shared helpers
def event_day(e: Event) -> str | None:
    d = e.get("date") or {}
    return (d.get("start") or e.get("doc_date") or "")[:10] or None


def event_end(e: Event) -> str | None:
    d = e.get("date") or {}
    return (d.get("end") or d.get("start") or e.get("doc_date") or "")[:10] or None


def _span_days(e: Event) -> int:
    a, b = event_day(e), event_end(e)
    try:
        return (date.fromisoformat(b) - date.fromisoformat(a)).days if a and b else 9999  # type: ignore[arg-type]
    except ValueError:
        return 9999


def _sectors(actor: dict[str, Any]) -> set[str]:
    out = set((actor.get("sector") or "").split())
    code = (actor.get("code") or "").upper()
    out |= {code[i:i + 3] for i in range(3, len(code), 3)}
    if code.startswith("IGO") or code.startswith("NGO") or code.startswith("IMG"):
        out.add(code[:3])
    return out


def inter_code(actor: dict[str, Any] | None, *, protest: bool = False) -> int:
    """ACLED inter code: 1 state, 2 rebels, 3 political militia, 4 identity militia, 5 rioters,
    6 protesters, 7 civilians, 8 external/other; 0 when there is no such actor."""
    if not actor:
        return 0
    s = _sectors(actor)
    if s & _REBEL:
        return 2
    if s & _STATE:
        return 1
    if s & _IDENTITY:
        return 4
    if "OPP" in s or "PTY" in s:
        # unarmed opposition: protesters when protesting, otherwise civilians (ACLED's usage)
        return 6 if protest else 7
    if s & _CIVIL:
        return 7
    if protest:
        return 6
    if s & _EXTERNAL:
        return 8
    return 8 if s else 0


def _names(actors: list[dict[str, Any]]) -> str:
    return "; ".join(a.get("name") or a.get("text") or "" for a in actors)


def _country_name(iso3: str | None) -> tuple[str, int | None]:
    if not iso3:
        return "", None
    try:
        import pycountry

        c = pycountry.countries.get(alpha_3=iso3)
        if c is not None:
            return str(c.name), int(c.numeric)
    except (ImportError, LookupError, ValueError):
        pass
    return iso3, None


def _sources(e: Event) -> list[str]:
    return sorted({m.get("source") or m.get("url") or m["doc_id"] for m in e.get("mentions", [])})


def _urls(e: Event) -> list[str]:
    return sorted({m["url"] for m in e.get("mentions", []) if m.get("url")})


def _best(q: dict[str, Any] | None) -> int | None:
    return None if not q or q.get("best") is None else int(q["best"])


def _blank(v: Any) -> Any:
    return "" if v is None else v


# ----------------------------------------------------------------------------- ACLED
def acled_row(e: Event) -> dict[str, Any]:
    acled = e.get("acled") or {}
    protest = e.get("plover") == "PROTEST" or acled.get("event_type") in _DEMONSTRATION
    etype = acled.get("event_type") or ("Protests" if protest else "Strategic developments")
    sub = acled.get("sub_event_type") or ("Peaceful protest" if protest else "Other")
    disorder = ("Political violence" if etype in _VIOLENT_ACLED else
                "Demonstrations" if etype in _DEMONSTRATION else "Strategic developments")
    actors, recipients = e.get("actors") or [], e.get("recipients") or []
    inter1 = inter_code(actors[0] if actors else None, protest=protest)
    inter2 = inter_code(recipients[0] if recipients else None)
    interaction = int(f"{inter1}0") if not inter2 else int(f"{min(inter1, inter2)}{max(inter1, inter2)}")
    loc = e.get("location") or {}
    name, numeric = _country_name(loc.get("country"))
    day = event_day(e)
    span = _span_days(e)
    prec = (loc.get("precision") or "").lower()
    ts = int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp()) if day else 0
    return {
        "event_id_cnty": f"{loc.get('country') or 'XXX'}{e['canonical_id'].split('-')[-1]}",
        "event_date": day or "", "year": int(day[:4]) if day else "",
        "time_precision": 1 if span == 0 else 2 if span <= 7 else 3,
        "disorder_type": disorder, "event_type": etype, "sub_event_type": sub,
        "actor1": (actors[0].get("name") or "") if actors else "", "assoc_actor_1": _names(actors[1:]),
        "inter1": inter1,
        "actor2": (recipients[0].get("name") or "") if recipients else "", "assoc_actor_2": _names(recipients[1:]),
        "inter2": inter2, "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if inter2 == 7 and disorder == "Political violence" else "",
        "iso": _blank(numeric), "region": "", "country": name, "admin1": loc.get("admin1") or "", "admin2": "",
        "admin3": "", "location": loc.get("name") or "",
        "latitude": _blank(loc.get("lat")), "longitude": _blank(loc.get("lon")),
        "geo_precision": (1 if prec in ("city", "point", "") and loc.get("lat") is not None
                          else 2 if prec == "admin2" else 3),
        "source": "; ".join(_sources(e)), "source_scale": "", "notes": (e.get("evidence") or {}).get("text", ""),
        "fatalities": _best(e.get("fatalities")) or 0, "tags": "", "timestamp": ts,
    }


def read_acled(path: str | Path) -> list[dict[str, Any]]:
    ints = {"year", "time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities",
            "timestamp", "iso"}
    return _read_csv(path, ints=ints, floats={"latitude", "longitude"})


# ----------------------------------------------------------------------------- UCDP GED
def is_violent(e: Event) -> bool:
    acled = (e.get("acled") or {}).get("event_type")
    return e.get("plover") == "ASSAULT" or acled in _VIOLENT_ACLED or e.get("quad_class") == 4 and \
        e.get("plover") not in ("PROTEST", "MOBILIZE")


def ucdp_row(e: Event) -> dict[str, Any] | None:
    fat = e.get("fatalities") or {}
    best = _best(fat)
    if not is_violent(e) or not best:
        return None
    actors, recipients = e.get("actors") or [], e.get("recipients") or []
    a_state = any(_sectors(a) & _STATE for a in actors)
    b_state = any(_sectors(a) & _STATE for a in recipients)
    civilians = bool(recipients) and all(inter_code(a) == 7 for a in recipients)
    violence = 3 if civilians else 1 if (a_state or b_state) else 2
    side_a, side_b = _names(actors[:1]), ("Civilians" if civilians else _names(recipients[:1]))
    loc = e.get("location") or {}
    prec = (loc.get("precision") or "").lower()
    where = 1 if prec == "city" else 3 if prec == "admin2" else 4 if prec == "admin1" else 6
    span = _span_days(e)
    day, end = event_day(e) or "", event_end(e) or ""
    lat, lon = loc.get("lat"), loc.get("lon")
    low = int(fat["low"]) if fat.get("low") is not None else best
    high = int(fat["high"]) if fat.get("high") is not None else best
    name, numeric = _country_name(loc.get("country"))
    return {
        "id": e["canonical_id"], "relid": e["event_id"], "year": int(day[:4]) if day else "",
        "active_year": 0, "type_of_violence": violence, "dyad_name": f"{side_a} - {side_b}" if side_b else side_a,
        "side_a": side_a, "side_b": side_b, "number_of_sources": e.get("n_sources", 1),
        "source_article": "; ".join(_urls(e)), "source_headline": "", "where_prec": where,
        "where_coordinates": loc.get("name") or "", "adm_1": loc.get("admin1") or "",
        "latitude": _blank(lat), "longitude": _blank(lon),
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else "",
        "country": name, "country_id": _blank(numeric), "event_clarity": 1 if e.get("n_sources", 1) > 1 else 2,
        "date_prec": 1 if span == 0 else 2 if span <= 6 else 3 if span <= 7 else 4 if span <= 31 else 5,
        "date_start": day, "date_end": end, "deaths_a": 0, "deaths_b": 0,
        "deaths_civilians": best if violence == 3 else 0, "deaths_unknown": 0 if violence == 3 else best,
        "best": best, "high": high, "low": low,
    }


def read_ucdp(path: str | Path) -> list[dict[str, Any]]:
    ints = {"year", "active_year", "type_of_violence", "number_of_sources", "where_prec", "country_id",
            "event_clarity", "date_prec", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best",
            "high", "low"}
    return _read_csv(path, ints=ints, floats={"latitude", "longitude"})


# ----------------------------------------------------------------------------- CAMEO (Phoenix)
def _cameo_actor(actor: dict[str, Any] | None) -> tuple[str, str, str, str]:
    if not actor:
        return "", "", "", ""
    code = (actor.get("code") or actor.get("country") or "").upper()
    return code, code[:3], code[3:6], code[6:]


def cameo_row(e: Event) -> dict[str, Any] | None:
    code = e.get("cameo")
    day = event_day(e)
    if not code or not day:
        return None
    actors, recipients = e.get("actors") or [], e.get("recipients") or []
    src, tgt = _cameo_actor(actors[0] if actors else None), _cameo_actor(recipients[0] if recipients else None)
    loc = e.get("location") or {}
    ymd = day.replace("-", "")
    return {
        "EventID": e["canonical_id"], "Date": ymd, "Year": int(ymd[:4]), "Month": int(ymd[4:6]), "Day": int(ymd[6:8]),
        "SourceActorFull": src[0], "SourceActorEntity": src[1], "SourceActorRole": src[2],
        "SourceActorAttribute": src[3], "TargetActorFull": tgt[0], "TargetActorEntity": tgt[1],
        "TargetActorRole": tgt[2], "TargetActorAttribute": tgt[3], "EventCode": code, "EventRootCode": code[:2],
        "QuadClass": _blank(e.get("quad_class")), "GoldsteinScore": _blank(e.get("goldstein")), "Issues": "",
        "Lat": _blank(loc.get("lat")), "Lon": _blank(loc.get("lon")), "LocationName": loc.get("name") or "",
        "StateName": loc.get("admin1") or "", "CountryCode": loc.get("country") or "",
        "SentenceID": e["event_id"], "URLs": ";".join(_urls(e)), "NewsSources": ";".join(_sources(e)),
    }


def read_cameo(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows: list[dict[str, Any]] = [dict(zip(CAMEO_COLUMNS, r, strict=True))
                                      for r in csv.reader(fh, delimiter="\t")]
    for r in rows:
        for k in ("Year", "Month", "Day", "QuadClass"):
            r[k] = int(r[k]) if r[k] != "" else None
        for k in ("GoldsteinScore", "Lat", "Lon"):
            r[k] = float(r[k]) if r[k] != "" else None
    return rows


# ----------------------------------------------------------------------------- PLOVER (POLECAT columns)
def plover_row(e: Event) -> dict[str, Any] | None:
    if not e.get("plover"):
        return None
    actors, recipients = e.get("actors") or [], e.get("recipients") or []
    a = actors[0] if actors else {}
    r = recipients[0] if recipients else {}
    loc = e.get("location") or {}
    a_sectors, r_sectors = (a.get("sector") or "").split(), (r.get("sector") or "").split()
    mentions = e.get("mentions") or [{}]
    return {
        "Event ID": e["canonical_id"], "Event Date": event_day(e), "Event Type": e["plover"].lower(),
        "Event Mode": e.get("mode"), "Event Intensity": e.get("goldstein"), "Quad Code": e.get("quad_class"),
        "Contexts": "", "Actor Name": a.get("name"), "Actor Country": a.get("country"), "Actor COW": None,
        "Primary Actor Sector": a_sectors[0] if a_sectors else None, "Actor Sectors": ";".join(a_sectors),
        "Actor Title": None, "Actor Name Raw": a.get("text"), "Wikipedia Actor ID": None,
        "Recipient Name": r.get("name"), "Recipient Country": r.get("country"), "Recipient COW": None,
        "Primary Recipient Sector": r_sectors[0] if r_sectors else None, "Recipient Sectors": ";".join(r_sectors),
        "Recipient Title": None, "Recipient Name Raw": r.get("text"), "Wikipedia Recipient ID": None,
        "Placename": loc.get("name"), "City": loc.get("name") if loc.get("precision") == "city" else None,
        "District": None, "Province": loc.get("admin1"), "Country": loc.get("country"),
        "Latitude": loc.get("lat"), "Longitude": loc.get("lon"), "GeoNames ID": loc.get("geonames_id"),
        "Raw Placename": loc.get("text"), "Feature Type": loc.get("feature"),
        "Source": ";".join(_sources(e)), "Publication Date": mentions[0].get("doc_date") or e.get("doc_date"),
        "Story People": "", "Story Organizations": "", "Story Locations": "", "Language": "en",
        "Version": "frontlines-0.1",
    }


def read_plover(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, list) or any(set(r) != set(POLECAT_COLUMNS) for r in data):
        raise ValueError(f"{path}: not a POLECAT-column JSON array")
    return data


# ----------------------------------------------------------------------------- GeoJSON, flat rows, Parquet
def flat_row(e: Event) -> dict[str, Any]:
    """One flat record per canonical event (CSV, GeoJSON properties, Parquet)."""
    loc = e.get("location") or {}
    acled = e.get("acled") or {}
    return {
        "canonical_id": e["canonical_id"], "event_id": e["event_id"], "date": event_day(e),
        "date_end": event_end(e), "plover": e.get("plover"), "cameo": e.get("cameo"),
        "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
        "actors": _names(e.get("actors") or []), "recipients": _names(e.get("recipients") or []),
        "place": loc.get("name"), "country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "geo_precision": loc.get("precision"), "fatalities": _best(e.get("fatalities")),
        "factuality": e.get("factuality"), "n_sources": e.get("n_sources", 1),
        "n_mentions": len(e.get("mentions") or []), "sources": "; ".join(_sources(e)),
        "urls": " ".join(_urls(e)), "evidence": (e.get("evidence") or {}).get("text"),
    }


def geojson_feature(e: Event) -> dict[str, Any] | None:
    loc = e.get("location") or {}
    if loc.get("lat") is None or loc.get("lon") is None:
        return None
    return {"type": "Feature", "id": e["canonical_id"],
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}, "properties": flat_row(e)}


def read_geojson(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if data.get("type") != "FeatureCollection":
        raise ValueError(f"{path}: not a GeoJSON FeatureCollection")
    return list(data["features"])


def write_parquet(events: Iterable[Event], out_dir: str | Path) -> int:
    import pyarrow as pa
    import pyarrow.dataset as ds

    rows = [dict(flat_row(e), month=(event_day(e) or "unknown")[:7]) for e in events]
    fields = [(k, pa.float64() if k in ("lat", "lon") else pa.int64()
               if k in ("fatalities", "n_sources", "n_mentions") else pa.string()) for k in flat_row_keys()]
    schema = pa.schema([*fields, ("month", pa.string())])
    table = pa.Table.from_pylist(rows, schema=schema)
    ds.write_dataset(table, str(out_dir), format="parquet", partitioning=["month"], partitioning_flavor="hive",
                     existing_data_behavior="delete_matching", basename_template="events-{i}.parquet")
    return len(rows)


def flat_row_keys() -> list[str]:
    return list(flat_row({"canonical_id": "", "event_id": ""}))


def read_parquet(path: str | Path) -> Any:
    import pandas as pd

    return pd.read_parquet(path)


# ----------------------------------------------------------------------------- dispatch
def _read_csv(path: str | Path, *, ints: set[str], floats: set[str]) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        for k in ints:
            r[k] = int(r[k]) if r.get(k) not in (None, "") else None
        for k in floats:
            r[k] = float(r[k]) if r.get(k) not in (None, "") else None
    return rows


def _write_csv(rows: Iterator[dict[str, Any]], columns: tuple[str, ...], out: IO[str], *,
               header: bool = True, delimiter: str = ",") -> int:
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writeheader()
    n = 0
    for row in rows:
        if delimiter == "\t":  # Phoenix files have no quoting: keep fields free of tabs and newlines
            row = {k: " ".join(str(v).split()) if isinstance(v, str) else v for k, v in row.items()}
        writer.writerow(row)
        n += 1
    return n


def export(events: Iterable[Event], fmt: str, out: IO[str] | str | Path) -> int:
    """Write ``events`` as ``fmt`` to a text stream (or, for parquet, a directory); return rows written."""
    if fmt == "parquet":
        if not isinstance(out, str | Path):
            raise ValueError("parquet needs an output directory (-o DIR)")
        return write_parquet(events, out)
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return export(events, fmt, fh)
    if fmt == "acled":
        return _write_csv((acled_row(e) for e in events), ACLED_COLUMNS, out)
    if fmt == "ucdp":
        return _write_csv((r for r in map(ucdp_row, events) if r), UCDP_COLUMNS, out)
    if fmt == "cameo":
        return _write_csv((r for r in map(cameo_row, events) if r), CAMEO_COLUMNS, out, header=False,
                          delimiter="\t")
    if fmt == "plover":
        records = [r for r in map(plover_row, events) if r]
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return len(records)
    if fmt == "geojson":
        features = [f for f in map(geojson_feature, events) if f]
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
        out.write("\n")
        return len(features)
    raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")


def to_csv(events: Iterable[Event]) -> str:
    buf = io.StringIO()
    _write_csv((flat_row(e) for e in events), tuple(flat_row_keys()), buf)
    return buf.getvalue()


READERS = {"acled": read_acled, "ucdp": read_ucdp, "cameo": read_cameo, "plover": read_plover,
           "geojson": read_geojson, "parquet": read_parquet}
