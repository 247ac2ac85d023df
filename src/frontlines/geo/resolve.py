"""Choosing the gazetteer entry for each toponym mention of a document.

A hand-weighted scorer in two passes: the first ranks each name's candidates by prominence
(population, feature class) and name-match quality alone; the countries and provinces those
first choices establish then become the document's context, and the second pass re-ranks every
name with it (plus the user's country bias). A name whose best score stays under ``min_score``
gets no entry: a missing place is better than a wrong one on an analyst's map.
"""

from __future__ import annotations

import bisect
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ResourceMissing
from .demonyms import Demonyms
from .gazetteer import BARE, EXACT_ALIAS, EXACT_ALT, EXACT_MAIN, LOOSE, Candidate, Gazetteer, distance_km
from .names import norm
from .ranker import Ranker
from .toponyms import Mention, split_kind

# words that are place names somewhere but, inside a longer name, almost never mean that place
_WEAK = frozenset({"state", "university", "city", "county", "national", "federal", "world", "cup", "bank", "new",
                   "north", "south", "east", "west", "central", "united", "republic", "royal", "international",
                   "college", "school", "club", "the", "of", "and", "for", "reserve", "commission", "council",
                   "lake", "island", "islands", "river", "mount", "bay", "beach", "park", "airport", "hospital",
                   "church", "street", "road", "square", "bridge", "station", "hotel", "house", "tower", "fire",
                   "center", "centre", "union", "star", "king", "queen", "saint", "st"})


_DIRECTIONS = frozenset({"far", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
                         "central", "upper", "lower", "greater", "mid", "middle", "northeast", "northwest",
                         "southeast", "southwest", "north-east", "north-west", "south-east", "south-west"})
NEAR_KM = 150.0
_LIST_GAP = 6  # characters between two names of one list: ", ", " and ", ", or "
SURE_T = 1.0  # softmax temperature of the prior scores (1 = one unit of score, a tenfold population)
FEATURE_CLASSES = ("PCLI", "CONT", "PPLC", "ADM1", "PPL", "ADM2", "WORLD", "OTHER")
_WORLD = frozenset({"RGN", "OCN", "SEA", "PEN"})
#: the scorer is linear in these features; ``Weights.vector`` gives the hand-set weight of each
FEATURES = ("log_population", *(f"feature_{f}" for f in FEATURE_CLASSES),
            *(f"match_{i}" for i in range(5)), "alt_when_main", "admin_hint_admin", "admin_hint_other",
            "city_over_admin", "city_hint_city", "city_hint_other", "bias", "in_named_state", "no_country_in_context",
            "country_share", "top_country", "admin_context", "near_other_place", "listed_with_province")
#: extra features a learned ranker sees (the hand weights give them 0): prominence relative to the
#: name's other candidates, and how ambiguous the name is
EXTRA_FEATURES = ("log_population_below_best", "most_populous", "log_candidates")
ALL_FEATURES = FEATURES + EXTRA_FEATURES


@dataclass(frozen=True, slots=True)
class Weights:
    population: float = 1.0
    feature: tuple[tuple[str, float], ...] = (("PCLI", 4.0), ("CONT", 3.0), ("PPLC", 2.5), ("ADM1", 1.5),
                                              ("PPL", 0.0), ("ADM2", -1.0), ("WORLD", 1.0), ("OTHER", 0.0))
    match: tuple[tuple[int, float], ...] = ((EXACT_MAIN, 0.0), (EXACT_ALT, -0.4), (EXACT_ALIAS, -0.2),
                                            (BARE, -1.2), (LOOSE, -2.5))
    country_context: float = 4.0
    top_country: float = 1.0
    admin_context: float = 2.0
    near: float = 1.5  # within NEAR_KM of another place the document names (London, Ontario near St. Thomas)
    bias: float = 5.0
    admin_hint: float = 4.0
    city_hint: float = 2.5
    city_over_admin: float = 2.5  # "Basra" alone means the city, not the governorate named after it
    admin_ratio: float = 4.0  # ...unless the province is far bigger than its namesake city (Quebec)
    alt_when_main: float = 1.0  # an alternate name counts less when another place bears it as its own name
    named_state: float = 6.0  # "Churchill, Man.": the town in the province the text names right after it
    min_score: float = 2.0
    # context passes: the first takes the document's countries, provinces and anchor towns from each
    # name's context-free reading; each further pass takes them from the previous pass's choices
    context_passes: int = 2

    def vector(self) -> tuple[float, ...]:
        feat, match = dict(self.feature), dict(self.match)
        return (self.population, *(feat[f] for f in FEATURE_CLASSES), *(match[i] for i in range(5)),
                -self.alt_when_main, self.admin_hint, -self.admin_hint / 2, -self.city_over_admin,
                self.city_hint, -self.city_hint, self.bias, self.named_state, self.country_context / 2,
                self.country_context,
                self.top_country, self.admin_context, self.near, self.admin_hint)


@dataclass(frozen=True, slots=True)
class Resolution:
    mention: Mention
    candidate: Candidate | None
    score: float | None = None


def _sureness(scored: Sequence[tuple[float, Candidate]], top: float) -> float:
    """How much of its name's prior mass the first choice holds: an ambiguous name ("Enfield",
    a dozen towns of like size) should not decide the document's country on its own."""
    z = sum(math.exp(min(s - top, 0.0) * SURE_T) for s, _ in scored)
    return 1.0 / z


_NEAR_LAT = NEAR_KM / 6371.0088 * 180 / math.pi + 0.01  # degrees of latitude in NEAR_KM, and a margin


class _PoolIndex:
    """What ``prior_features`` asks of a name's whole candidate pool, gathered once per pool."""

    __slots__ = ("main_admin_ccs", "main_other", "town_ccs", "towns")

    def __init__(self, pool: Sequence[Candidate]) -> None:
        self.main_other = False
        self.main_admin_ccs: list[str | None] = []
        self.towns: dict[tuple[str | None, str | None], list[tuple[int, int]]] = {}
        for o in pool:
            feature = o.feature
            if o.match == EXACT_MAIN:
                if feature == "ADM1" or feature == "ADM2":  # Candidate.is_admin
                    self.main_admin_ccs.append(o.cc)
                else:
                    self.main_other = True
            if feature.startswith("PPL"):
                self.towns.setdefault((o.cc, o.admin1), []).append((o.match, o.population))
        self.town_ccs = {cc for cc, _ in self.towns}


class _Near:
    """The anchor towns of a context pass, sorted by latitude, so that "is this candidate within
    NEAR_KM of an anchor another name gave" reads only the anchors of its latitude band."""

    __slots__ = ("lats", "points")

    def __init__(self, anchors: Iterable[tuple[str, float, float]]) -> None:
        ordered = sorted(anchors, key=lambda x: x[1])
        self.lats = [la for _, la, _ in ordered]
        self.points = ordered

    def close(self, c: Candidate, exclude: str | None) -> bool:
        """Whether town ``c`` lies within NEAR_KM of an anchor not named ``exclude``."""
        lat, lon = c.lat, c.lon
        if lat is None or lon is None or c.feature not in ("PPL", "PPLC", "ADM2"):
            return False
        # the band is searched a little wide; the test itself is exactly ``_context_row``'s
        lo = bisect.bisect_left(self.lats, lat - _NEAR_LAT - 1e-6)
        hi = bisect.bisect_right(self.lats, lat + _NEAR_LAT + 1e-6)
        # R * |latitude difference| bounds the great-circle distance from below: a town more than
        # _NEAR_LAT degrees north or south of an anchor is not near it (no haversine needed)
        return any(name != exclude and abs(lat - la) <= _NEAR_LAT and distance_km(lat, lon, la, lo_) <= NEAR_KM
                   for name, la, lo_ in self.points[lo:hi])


class _Context:
    """A name's document context (the other names' countries and provinces) and what every
    candidate's context features read of it, computed once per name."""

    __slots__ = ("admin_max", "ctx_a", "ctx_c", "n", "top")

    def __init__(self, ctx_c: Counter[str], ctx_a: Counter[tuple[str, str]]) -> None:
        self.ctx_c, self.ctx_a = ctx_c, ctx_a
        self.n = sum(ctx_c.values())
        self.top = ctx_c.most_common(1)[0][0] if ctx_c else None
        self.admin_max = max(ctx_a.values()) if ctx_a else 0.0


def _total(parts: dict[tuple[str, bool, bool], Counter[Any]]) -> Counter[Any]:
    """``sum(parts.values(), Counter())`` (the weights are positive): the same sums, added in the same order."""
    out: Counter[Any] = Counter()
    for part in parts.values():
        for key, w in part.items():
            out[key] = out[key] + w if key in out else w
    return out


def _less(total: Counter[Any], own: Counter[Any] | None) -> Counter[Any]:
    """``total - own``: what the other names establish. Shared when the name establishes nothing (the
    caller only reads it); all weights are positive, so no entry of ``total`` drops out then."""
    if not own:
        return total
    out: Counter[Any] = Counter()
    for key, w in total.items():
        left = w - own[key]
        if left > 0:
            out[key] = left
    return out


def _key(m: Mention) -> tuple[str, bool, bool]:
    return ("=" if m.source == "demonym" else "") + norm(m.text), m.admin_hint, m.city_hint


class Resolver:
    def __init__(self, gazetteer: Gazetteer, *, country_bias: str | None = None,
                 weights: Weights | None = None, demonyms: Demonyms | None = None,
                 ranker: Ranker | None = None) -> None:
        self.gaz = gazetteer
        if ranker is not None and ranker.features != ALL_FEATURES:
            # an artefact trained on another feature set would score silently wrong columns
            raise ResourceMissing("the geo ranker was trained on other features: retrain it "
                                  "(python -m frontlines.geo.train_ranker)")
        self.ranker = ranker
        self.demonyms = demonyms or Demonyms(gazetteer)
        self.w = weights or Weights()
        self._vector = self.w.vector()
        bias = gazetteer.country(country_bias) if country_bias else None
        self.bias_cc = bias.cc if bias else None
        self._priors: dict[tuple[Any, ...], tuple[tuple[Candidate, ...], list[tuple[list[float], Candidate]],
                                                  list[tuple[float, Candidate]], list[list[float]]]] = {}

    def candidates(self, m: Mention) -> tuple[Candidate, ...]:
        if m.source == "demonym":
            c = self.demonyms.lookup(m.text)
            return (c,) if c is not None else ()
        found = self.gaz.lookup(m.text)
        short = split_kind(m.text)[0] if m.admin_hint else m.text
        if short != m.text:  # "Karak District": the areas named so, and those the bare name "Karak" reaches
            seen = {c.gid for c in found}
            found += tuple(c for c in self.gaz.lookup(short) if c.gid not in seen)
        if found or not re.search(r"[\s-]", m.text.strip()):
            return found
        return self._inner(m.text)

    def _inner(self, text: str) -> tuple[Candidate, ...]:
        """For a longer name that is no place itself ("Colorado State University", "Dubai World Cup"),
        the candidates of the longest place name or demonym inside it."""
        words = [w for w in re.split(r"[\s\-]+", text) if w]  # "Asia-Pacific", "Miami-Dade"
        for n in range(len(words) - 1, 0, -1):
            for i in range(len(words) - n + 1):
                part = " ".join(words[i:i + n])
                if not part[:1].isupper() or part.lower() in _WEAK or all(
                        w.lower() in _DIRECTIONS for w in words[i:i + n]):
                    continue  # "Far North Queensland" is in Queensland, not Cameroon's Far North
                found = tuple(c for c in self.gaz.lookup(part, fuzzy=False) if c.match <= EXACT_ALIAS)
                if found:
                    return found
                if n == 1:
                    d = self.demonyms.lookup(part)
                    if d is not None:
                        return (d,)
        return ()

    def prior_features(self, c: Candidate, m: Mention, pool: Sequence[Candidate],
                       index: _PoolIndex | None = None) -> list[float]:
        """The context-free part of ``FEATURES`` for candidate ``c`` of mention ``m``. ``index``: the
        pool's ``_PoolIndex`` when the caller scores every candidate of one pool (same answers)."""
        if index is None:
            index = _PoolIndex(pool)
        fc = c.feature if c.feature in FEATURE_CLASSES else "WORLD" if c.feature in _WORLD else "OTHER"
        f = [math.log10(c.population + 10), *(float(fc == x) for x in FEATURE_CLASSES),
             *(float(c.match == i) for i in range(5))]
        # another place bears the name as its own: a main-name non-province, or a province of another country
        f.append(float(c.match == EXACT_ALT and (index.main_other or any(cc != c.cc for cc in index.main_admin_ccs))))
        f += [float(m.admin_hint and c.is_admin), float(m.admin_hint and not c.is_admin)]
        f.append(float(not m.admin_hint and c.is_admin and any(
            match <= c.match + 1 and population * self.w.admin_ratio >= c.population
            for match, population in index.towns.get((c.cc, c.admin1), ()))))
        is_city = c.feature.startswith("PPL")
        f += [float(m.city_hint and is_city), float(m.city_hint and not is_city)]
        f.append(float(bool(self.bias_cc) and c.cc == self.bias_cc))
        # "Zurich, Switzerland" names the town: a same-named province of the country only when no town bears the name
        f.append(float(m.within is not None and c.cc == m.within[0] and (
            c.admin1 == m.within[1] if m.within[1] else c.feature != "ADM1" or c.cc not in index.town_ccs)))
        return f

    def context_features(self, c: Candidate, ctx_c: Counter[str], ctx_a: Counter[tuple[str, str]],
                         near: Sequence[tuple[float, float]] = (), listed: Collection[str] = ()) -> list[float]:
        return self._context_row(c, _Context(ctx_c, ctx_a), _Near(("", la, lo) for la, lo in near), None, listed)

    @staticmethod
    def _context_row(c: Candidate, ctx: _Context, near: _Near | None, exclude: str | None,
                     listed: Collection[str]) -> list[float]:
        """``near``: the pass's anchors, less those named ``exclude`` (None: no anchors count)."""
        n, ctx_c, ctx_a = ctx.n, ctx.ctx_c, ctx.ctx_a
        close = near is not None and near.close(c, exclude)
        return [float(bool(n) and c.cc is None), ctx_c.get(c.cc, 0) / n if n and c.cc else 0.0,
                float(bool(n) and c.cc is not None and c.cc == ctx.top),
                (ctx_a.get((c.cc or "", c.admin1 or ""), 0.0) / ctx.admin_max
                 if c.admin1 and c.feature != "ADM1" and ctx_a else 0.0), float(close),
                float(c.feature == "ADM1" and c.cc in listed)]

    @staticmethod
    def extra_features(c: Candidate, top_population: int, n_candidates: int) -> list[float]:
        return [math.log10(top_population + 10) - math.log10(c.population + 10),
                float(c.population >= top_population), math.log10(n_candidates + 1)]

    def prior(self, c: Candidate, m: Mention, pool: Sequence[Candidate]) -> float:
        f = self.prior_features(c, m, pool)
        return sum(w * x for w, x in zip(self._vector[:len(f)], f, strict=True))

    def rank(self, name: str, *, limit: int = 5) -> list[tuple[float, Candidate]]:
        """A lone name's candidates, best first, scored without document context."""
        m = Mention(name, 0, len(name))
        if self.demonyms.lookup(name) is not None and not self.gaz.lookup(name, fuzzy=False):
            m = Mention(name, 0, len(name), "demonym")
        pool = self.candidates(m)
        scored = sorted(((round(self.prior(c, m, pool), 3), c) for c in pool), key=lambda x: (-x[0], x[1].gid))
        return [x for x in scored if x[0] >= self.w.min_score][:limit]

    def _prior_of(self, m: Mention) -> tuple[tuple[Candidate, ...], list[tuple[list[float], Candidate]],
                                             list[tuple[float, Candidate]], list[list[float]]]:
        """A mention's candidate pool, each candidate's ``prior_features`` row, prior score and
        ``extra_features`` row. These
        depend on nothing but the mention's text, whether it is a demonym, its hints and its pin, so they
        are kept per resolver: a story names "Iraq" many times, and the places stage resolves a document
        twice when its context pass finds more names. The rows are shared: callers must not change them."""
        key = (m.text, m.source == "demonym", m.admin_hint, m.city_hint, m.within)
        hit = self._priors.get(key)
        if hit is None:
            pool = self.candidates(m)
            index = _PoolIndex(pool)
            rows = [(self.prior_features(c, m, pool, index), c) for c in pool]
            prior_w = self._vector[:len(FEATURES) - 6]  # the weights of prior_features' columns
            top_pop, n_cands = max((c.population for c in pool), default=0), len(pool)
            hit = pool, rows, [(sum(map(operator.mul, prior_w, f)), c) for f, c in rows], \
                [self.extra_features(c, top_pop, n_cands) for c in pool]
            if len(self._priors) >= 50_000:
                self._priors.clear()
            self._priors[key] = hit
        return hit

    def _listed_with_provinces(self, mentions: Sequence[Mention],
                               first: dict[tuple[str, bool, bool], tuple[float, Candidate]]
                               ) -> dict[tuple[str, bool, bool], set[str]]:
        """Names listed next to provinces ("Kerala and Puducherry", "California or Washington"): the
        countries of those provinces, where the name's own province reading weighs as if the text said "state"."""
        out: dict[tuple[str, bool, bool], set[str]] = defaultdict(set)
        ordered = sorted(mentions, key=lambda m: m.start)
        for a, b in zip(ordered, ordered[1:], strict=False):
            if not 0 < b.start - a.end <= _LIST_GAP:
                continue
            ka, kb = _key(a), _key(b)
            for this, other in ((ka, kb), (kb, ka)):
                pick, own = first.get(other), first.get(this)
                # a country stays a country ("California and Mexico"), and "the city of X" a city
                if this != other and not this[2] and pick is not None and pick[1].feature == "ADM1" \
                        and pick[0] >= self.w.min_score and pick[1].cc and own is not None \
                        and own[1].feature != "PCLI":
                    out[this].add(pick[1].cc)
        return out

    def _establish(self, picks: dict[tuple[str, bool, bool], tuple[float, Candidate]],
                   scored: dict[tuple[str, bool, bool], list[tuple[float, Candidate]]],
                   groups: dict[tuple[str, bool, bool], list[Mention]],
                   ) -> tuple[dict[tuple[str, bool, bool], Counter[str]],
                              dict[tuple[str, bool, bool], Counter[tuple[str, str]]]]:
        """Each name's contribution to the document's countries and provinces: its pick's, weighed by
        the kind of name, how often it recurs and how sure the pick is."""
        countries: dict[tuple[str, bool, bool], Counter[str]] = {}
        admins: dict[tuple[str, bool, bool], Counter[tuple[str, str]]] = {}
        for k, (score, c) in picks.items():
            if not c.cc or score < self.w.min_score:
                continue
            # nationalities and "US-led"/"US dollars" modifiers hint at a country more weakly than a place
            weak = all(m.source in ("demonym", "modifier") for m in groups[k])
            weight = (0.5 if weak else 2.0 if c.feature == "PCLI" else 1.0) \
                * (1 + math.log(len(groups[k]))) * _sureness(scored[k], score)
            countries[k] = Counter({c.cc: weight})
            if c.admin1 and c.feature != "PCLI":
                admins[k] = Counter({(c.cc, c.admin1): weight})
        return countries, admins

    def _anchors(self, picks: dict[tuple[str, bool, bool], tuple[float, Candidate]]
                 ) -> dict[tuple[str, bool, bool], tuple[float, float]]:
        return {k: (c.lat, c.lon) for k, (score, c) in picks.items()
                if c.lat is not None and c.lon is not None and c.feature in ("PPL", "PPLC", "ADM2")
                and score >= self.w.min_score and not k[0].startswith("=")}

    def _rescore(self, priors: dict[tuple[str, bool, bool], list[tuple[float, Candidate]]],
                 prior_rows: dict[tuple[str, bool, bool], list[tuple[list[float], Candidate]]],
                 extras: dict[tuple[str, bool, bool], list[list[float]]],
                 countries: dict[tuple[str, bool, bool], Counter[str]],
                 admins: dict[tuple[str, bool, bool], Counter[tuple[str, str]]],
                 anchors: dict[tuple[str, bool, bool], tuple[float, float]],
                 listed: dict[tuple[str, bool, bool], set[str]],
                 ) -> tuple[dict[tuple[str, bool, bool], tuple[float, Candidate] | None],
                            dict[tuple[str, bool, bool], list[tuple[float, Candidate]]]]:
        """Every name's candidates scored with the document's context; the pick per name (None: no
        place) and each candidate's hand score."""
        total_c, total_a = _total(countries), _total(admins)
        near = _Near((k[0], la, lo) for k, (la, lo) in anchors.items())
        chosen: dict[tuple[str, bool, bool], tuple[float, Candidate] | None] = {}
        hand: dict[tuple[str, bool, bool], list[tuple[float, Candidate]]] = {}
        #: every group's candidates with their ``ALL_FEATURES`` rows (what a ranker is trained on)
        self.last_features: dict[tuple[str, bool, bool], list[tuple[list[float], Candidate]]] = {}
        ctx_w = self._vector[-6:]
        for k, scored in priors.items():
            ctx = _Context(_less(total_c, countries.get(k)), _less(total_a, admins.get(k)))
            listed_k = listed.get(k, ())
            near_k = near if len(scored) > 1 and near.points else None  # one reading needs no neighbours
            best: tuple[float, Candidate] | None = None
            best_hand = -math.inf
            rows = []
            hand_k = []
            for (s, c), (pf, _), ef in zip(scored, prior_rows[k], extras[k], strict=True):
                cf = self._context_row(c, ctx, near_k, k[0], listed_k)
                f = pf + cf + ef
                rows.append((f, c))
                s += sum(map(operator.mul, ctx_w, cf))
                hand_k.append((s, c))
                best_hand = max(best_hand, s)
                if self.ranker is not None:
                    s = self.ranker.score(f)
                if best is None or s > best[0]:
                    best = (s, c)
            self.last_features[k] = rows
            hand[k] = hand_k
            # whether the name is a place at all stays the hand scorer's call; a ranker only picks which
            chosen[k] = best if best is not None and best_hand >= self.w.min_score else None
        return chosen, hand

    def resolve(self, mentions: Sequence[Mention]) -> list[Resolution]:
        groups: dict[tuple[str, bool, bool], list[Mention]] = defaultdict(list)
        for m in mentions:
            groups[_key(m)].append(m)
        # a name's mentions share one reading; one that says its province ("Churchill, Man.") speaks for all
        lead = {k: next((m for m in ms if m.within), ms[0]) for k, ms in groups.items()}
        pools: dict[tuple[str, bool, bool], tuple[Candidate, ...]] = {}
        prior_rows: dict[tuple[str, bool, bool], list[tuple[list[float], Candidate]]] = {}
        priors: dict[tuple[str, bool, bool], list[tuple[float, Candidate]]] = {}
        extras: dict[tuple[str, bool, bool], list[list[float]]] = {}
        for k, m in lead.items():
            pools[k], prior_rows[k], priors[k], extras[k] = self._prior_of(m)
        first = {k: max(p, key=lambda x: x[0]) for k, p in priors.items() if p}

        listed = self._listed_with_provinces(mentions, first)

        # the document's context: countries and provinces its confident first choices establish
        countries, admins = self._establish(first, priors, groups)
        # towns the first pass chose with some confidence, as anchors for "near another named place"
        anchors = self._anchors(first)
        chosen, scores = self._rescore(priors, prior_rows, extras, countries, admins, anchors, listed)
        for _ in range(self.w.context_passes - 1):
            # the document's context again, from the choices its context made: read alone, "Edmonton" is the
            # Canadian city and "Enfield" a Nova Scotia town, which together make "London" Ontario's; read
            # with "London" first, both turn English, and then "London" should too
            again = {k: max(s, key=lambda x: x[0]) for k, s in scores.items() if s}
            countries, admins = self._establish(again, scores, groups)
            anchors = self._anchors(again)
            chosen, scores = self._rescore(priors, prior_rows, extras, countries, admins, anchors, listed)
        out = []
        for m in mentions:
            pick = chosen.get(_key(m))
            out.append(Resolution(m, pick[1] if pick else None, round(pick[0], 3) if pick else None))
        return out
