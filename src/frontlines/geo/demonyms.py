"""Nationality adjectives ("Syrian", "Iraqis", "French") and the country or region they come from.

frontlines never makes a demonym an event place (it is an actor's nationality), but the
country it names is document context for the resolver, and geoparsing benchmarks score it.
Regular forms are matched by prefix against country and continent names ("Ukrainian" ->
Ukraine); irregular ones come from ``data/geo_demonyms.tsv``.
"""

from __future__ import annotations

from pathlib import Path

from .gazetteer import EXACT_ALIAS, Candidate, Gazetteer
from .names import bare, norm

DEMONYMS = Path(__file__).resolve().parent.parent / "data" / "geo_demonyms.tsv"
_ENDINGS = ("ian", "ean", "an", "ese", "ish", "i", "ic", "ch", "ot", "er", "ine", "ite")


def _lcp(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


class Demonyms:
    def __init__(self, gazetteer: Gazetteer, path: Path | None = None) -> None:
        self.gaz = gazetteer
        self._table: dict[str, Candidate] = {}
        text = (path or DEMONYMS).read_text(encoding="utf-8")
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("\t")]
            target: Candidate | None = None
            if len(parts) >= 3:
                target = next((c for c in gazetteer.lookup(parts[1], fuzzy=False)
                               if c.cc == parts[2] and c.feature in ("ADM1", "PCLI")), None)
            elif len(parts) == 2:
                target = gazetteer.get(int(parts[1])) if parts[1].isdigit() else gazetteer.country(parts[1])
            if target is not None:
                self._table[norm(parts[0])] = target
        self._names: list[tuple[str, Candidate]] = [
            (bare(k), c) for k, c in gazetteer.names_of_features(("PCLI", "CONT", "RGN")) if len(k) >= 4]
        self._cache: dict[str, Candidate | None] = {}
        # a match needs a common prefix of 4 or more letters: scan only the names that share the first 4
        self._by_head: dict[str, list[tuple[str, Candidate]]] = {}
        for name, cand in self._names:
            if len(name) >= 4:
                self._by_head.setdefault(name[:4], []).append((name, cand))

    def lookup(self, text: str) -> Candidate | None:
        """The country/continent a demonym names, or None if ``text`` is not a demonym."""
        key = norm(text)
        if key in self._cache:
            return self._cache[key]
        found = self._find(key)
        self._cache[key] = found
        return found

    def _find(self, key: str) -> Candidate | None:
        if not key or len(key) > 30:
            return None
        for k in (key, key[:-1] if key.endswith("s") else None):
            if k and k in self._table:
                return self._table[k]
        singular = key[:-1] if key.endswith(("ans", "is", "ers", "ots", "ites", "ines")) else key
        if not singular.endswith(_ENDINGS):
            return None
        best: tuple[int, Candidate] | None = None
        for name, cand in self._by_head.get(singular[:4], ()):
            n = _lcp(singular, name)
            if n >= 4 and n >= len(name) - 2 and n >= len(singular) - 5 and (best is None or n > best[0]):
                best = (n, cand)
        if best is None:
            return None
        c = best[1]
        return Candidate(c.gid, c.name, c.lat, c.lon, c.cc, c.iso3, c.admin1, c.admin1_name, c.admin2, c.feature,
                         c.population, EXACT_ALIAS)
