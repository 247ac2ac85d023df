"""Geocoding accuracy on GeoWebNews and TR-News (``../shared/data/geo``), per corpus and overall.

Two modes. ``raw``: the geoparser reads the article text; every gold toponym with a GeoNames id
counts, and one it missed is wrong. ``given``: the gold toponym spans are handed to the resolver
(all of an article's spans at once, as context; a span followed by ", <state>" is pinned to that
state as the geoparser would pin it). A gold toponym is ``exact`` when the chosen
GeoNames id equals the gold id, and ``within 161 km`` (100 miles) when the ids are equal or the
chosen coordinates lie within 161 km of the gold ones.

The resolver scored here is the shipped one: the hand-weighted scorer (no learned ranker ships,
because none beats it out of sample; ``python -m frontlines.geo.train_ranker --dry-run`` prints the
cross-corpus and document-grouped k-fold numbers). Its few weights were set while reading errors on
these same corpora, so treat the numbers as a dev estimate, not a held-out one. docs/geocoder.md
has the error analysis and the ceiling set by the gazetteer.

GeoWebNews also annotates nationality adjectives ("Syrian", type Non_Literal_Modifier) as
toponyms. They count here: the geoparser resolves demonyms to their country when asked (as this
benchmark does), while events never take a demonym as their place.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..geo.gazetteer import Gazetteer, distance_km
from ..geo.toponyms import Mention, word_hints
from ..stages.places import PlaceStage
from . import EvalContext, Metrics

KM = 161.0
DEMONYM_TYPE = "Non_Literal_Modifier"


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    gid: int
    lat: float
    lon: float
    kind: str


@dataclass(frozen=True, slots=True)
class Article:
    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(s: str | None) -> float:
    try:
        return float(s) if s else float("nan")
    except ValueError:
        return float("nan")


def read_gwn(path: Path) -> Iterator[Article]:
    root = ET.parse(path).getroot()
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.find("toponyms") or ():
            gid = t.findtext("geonamesID")
            if not gid or not gid.strip().isdigit():
                continue
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            name = (t.findtext("extractedName") or "").strip()
            if name and text[start:end] != name:  # a few offsets drift: take the annotated name nearest them
                start, end = _align(text, name, start) or (start, end)
            tops.append(GoldToponym(start, end, text[start:end], int(gid), _float(t.findtext("latitude")),
                                    _float(t.findtext("longitude")), t.findtext("type") or "?"))
        yield Article(f"gwn-{art.get('file')}", text, tuple(sorted(tops, key=lambda x: x.start)))


def _align(text: str, phrase: str, start: int) -> tuple[int, int] | None:
    """TR-News offsets drift in some articles: find the phrase nearest the given offset."""
    if text[start:start + len(phrase)] == phrase:
        return start, start + len(phrase)
    best = None
    for m in re.finditer(re.escape(phrase), text):
        if best is None or abs(m.start() - start) < abs(best - start):
            best = m.start()
    return None if best is None else (best, best + len(phrase))


def read_trnews(path: Path) -> Iterator[Article]:
    root = ET.parse(path).getroot()
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.find("toponyms") or ():
            gaz = t.find("gaztag")
            if gaz is None or not (gaz.get("geonameid") or "").isdigit():
                continue
            phrase = (t.findtext("phrase") or "").strip()
            span = _align(text, phrase, int(t.findtext("start") or 0))
            if span is None or not phrase:
                continue
            tops.append(GoldToponym(span[0], span[1], phrase, int(gaz.get("geonameid") or 0),
                                    _float(gaz.findtext("lat")), _float(gaz.findtext("lon")),
                                    gaz.findtext("fcode") or "?"))
        yield Article(f"tr-{art.get('docid')}", text, tuple(sorted(tops, key=lambda x: x.start)))


CORPORA = {
    "gwn": ("GeoWebNews/GWN.xml", read_gwn),
    "trnews": ("TR-News/TR-News.xml", read_trnews),
}


def _given_mention(text: str, g: GoldToponym, stage: PlaceStage) -> Mention:
    after = text[g.end:g.end + 20].split()
    before = text[max(0, g.start - 20):g.start].split()
    admin, city = word_hints(after[0].lower().strip(".,;:") if after else "",
                             before[-1].lower() if before else "", before[-2].lower() if len(before) >= 2 else "")
    name = g.text
    for head in ("the ", "The "):
        name = name[len(head):] if name.startswith(head) else name
    name, admin2, city2 = stage.finder.split_kind(name)
    admin, city = admin or admin2, city or city2
    source = "demonym" if stage.finder.is_demonym(name) else "gold"
    within = stage.finder.state_after(name, text, g.end) if source == "gold" else None
    admin = admin or (source == "gold" and not city and stage.finder.names_a_town_before(name, text, g.start))
    return Mention(name, g.start, g.end, source, admin, city, within=within)


def _score(g: GoldToponym, gid: int | None, lat: float | None, lon: float | None) -> tuple[bool, bool]:
    if gid is None:
        return False, False
    if gid == g.gid:
        return True, True
    if lat is None or lon is None or g.lat != g.lat:  # nan check
        return False, False
    return False, distance_km(lat, lon, g.lat, g.lon) <= KM


def evaluate_articles(articles: list[Article], nlp: object, gazetteer: Gazetteer,
                      *, skip_kinds: frozenset[str] = frozenset()) -> dict[str, dict[str, float]]:
    """Counts per mode ("raw", "given") and gold kind, as {"bucket": {"n":, "exact":, "km161":}}."""
    stage = PlaceStage(gazetteer)
    resolver = stage.resolver
    tally: dict[str, dict[str, float]] = defaultdict(lambda: {"n": 0, "exact": 0, "km161": 0})
    docs = nlp.pipe(a.text for a in articles)  # type: ignore[attr-defined]
    for art, doc in zip(articles, docs, strict=False):
        located = stage.locate(doc, demonyms=True)
        golds = [g for g in art.toponyms]
        given = resolver.resolve([_given_mention(art.text, g, stage) for g in golds if g.kind not in skip_kinds])
        given_iter = iter(given)
        for g in golds:
            best, overlap = None, 0
            for x in located:
                o = min(g.end, x.place.end) - max(g.start, x.place.start)
                if o > overlap:
                    best, overlap = x.place, o
            raw = _score(g, best.geonames_id, best.lat, best.lon) if best is not None else (False, False)
            buckets = [f"kind:{g.kind}"]
            if g.kind in skip_kinds:
                buckets.append("raw_demonym")
            else:
                buckets.append("raw")
                r = next(given_iter)
                c = r.candidate
                gv = _score(g, c.gid if c else None, c.lat if c else None, c.lon if c else None)
                t = tally["given"]
                t["n"] += 1
                t["exact"] += gv[0]
                t["km161"] += gv[1]
            for b in buckets:
                t = tally[b]
                t["n"] += 1
                t["exact"] += raw[0]
                t["km161"] += raw[1]
    return dict(tally)


def run_corpora(ctx: EvalContext, names: tuple[str, ...]) -> Metrics:
    res = ctx.resources
    if res.gazetteer is None:
        from ..errors import EvaluationError
        raise EvaluationError("no gazetteer: build it with `python -m frontlines.geo.build` (make setup)")
    out: Metrics = {}
    overall: dict[str, dict[str, float]] = defaultdict(lambda: {"n": 0, "exact": 0, "km161": 0})
    for name in names:
        rel, reader = CORPORA[name]
        articles = list(reader(ctx.path("geo", rel)))
        if ctx.limit:
            articles = articles[: ctx.limit]
        skip: frozenset[str] = frozenset()
        tally = evaluate_articles(articles, res.nlp, res.gazetteer, skip_kinds=skip)  # type: ignore[arg-type]
        for bucket in ("raw", "given"):
            t = tally.get(bucket, {"n": 0, "exact": 0, "km161": 0})
            n = max(t["n"], 1)
            out[f"{name}_{bucket}_exact"] = round(t["exact"] / n, 4)
            out[f"{name}_{bucket}_km161"] = round(t["km161"] / n, 4)
            out[f"{name}_{bucket}_n"] = t["n"]
            for k in ("n", "exact", "km161"):
                overall[bucket][k] += t[k]
        if "raw_demonym" in tally:
            t, d = tally["raw"], tally["raw_demonym"]
            out[f"{name}_raw_exact_with_demonyms"] = round((t["exact"] + d["exact"]) / max(t["n"] + d["n"], 1), 4)
        for bucket, t in sorted(tally.items()):
            if bucket.startswith("kind:") and t["n"] >= 20:
                out[f"{name}_raw_exact[{bucket[5:]}]"] = round(t["exact"] / t["n"], 4)
    if len(names) > 1:
        for bucket in ("raw", "given"):
            t = overall[bucket]
            n = max(t["n"], 1)
            out[f"overall_{bucket}_exact"] = round(t["exact"] / n, 4)
            out[f"overall_{bucket}_km161"] = round(t["km161"] / n, 4)
            out[f"overall_{bucket}_n"] = t["n"]
    return out


def evaluate(ctx: EvalContext) -> Metrics:
    return run_corpora(ctx, ("gwn", "trnews"))
