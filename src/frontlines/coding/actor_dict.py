"""Actor dictionary: named actors (countries, people, organisations, armed groups) and generic agents.

Entries are phrases of lower-case tokens (split the way spaCy splits them). Named actors carry
CAMEO-style codes, possibly dated (``RUSGOV:19991231:20080507``): the code valid on the document's
date wins, else the open-ended one. Agents ("soldiers", "ministry") carry sector codes only.
Users extend the dictionaries with extra TSV files in the same format (``extra`` paths).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import DATA_DIR, read_tsv

#: PLOVER sector codes kept on actors; religion codes fold into REL.
SECTORS = frozenset({"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
                     "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC"})
_RELIGION = frozenset({"MUS", "CHR", "JEW", "HIN", "BUD", "CTH", "SHI", "SUN", "SIK", "ORT", "PRO", "JAN"})
_NONSTATE = frozenset({"IGO", "NGO", "IMG", "MNC", "ISM", "UNO", "EUR"})
MAX_WORDS = 8
#: Phoenix regional codes: not countries. CAMEO's North America is NMR and Central Africa CFR: CAF and NAM are
#: the Central African Republic and Namibia (ISO 3166), as the Phoenix country dictionary codes them.
_REGIONS = frozenset({"AFR", "ASA", "BLK", "CAU", "CFR", "CAS", "CEU", "EAF", "EAS", "EEU", "EIN", "LAM",
                      "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST",
                      "CRB", "KKL"})

#: Phoenix country codes that differ from ISO 3166 alpha-3, which PLOVER uses.
_ISO = {"TMP": "TLS", "ROM": "ROU", "ZAR": "COD", "ANG": "AGO", "KSV": "KOS", "XKX": "KOS"}  # PLOVER codes Kosovo KOS


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    codes: tuple[tuple[str, str, str], ...]  # (code, start yyyymmdd, end yyyymmdd), "" = open
    kind: str  # country | igo | group | ethnic | user


@dataclass(frozen=True, slots=True)
class Coded:
    """A resolved code split into its parts."""

    code: str
    country: str | None
    sectors: tuple[str, ...]


class ActorDictionary:
    """Phrase lookup over actors and agents; longest match first. Build once."""

    def __init__(self, data_dir: Path = DATA_DIR, extra: Iterable[Path] = ()) -> None:
        self.entries: dict[tuple[str, ...], Entry] = {}
        self.agents: dict[tuple[str, ...], str] = {}
        for row in read_tsv(data_dir / "actors.tsv"):
            self._add(row, None)
        for row in read_tsv(data_dir / "agents.tsv") + read_tsv(data_dir / "agents_extra.tsv"):
            if len(row) >= 2 and row[1] != "UNK":  # "group", "member", "region": not actors on their own
                key = tuple(row[0].split())
                self.agents[key] = row[1]
                # plurals too: capitalised "Rebels" is tagged PROPN and keeps its plural lemma
                self.agents.setdefault(key[:-1] + (_plural(key[-1]),), row[1])
        for row in read_tsv(data_dir / "actors_extra.tsv"):
            self._add(row, None, override=True)
        # peoples: no country of their own in the code ("~"), the stage places them where they act
        for row in read_tsv(data_dir / "ethnic_groups.tsv"):
            if len(row) >= 3:
                self._add([row[0], row[1], row[2] if row[2] != "-" else "~"], "ethnic")
        for path in extra:
            for row in read_tsv(path):
                if len(row) == 2:  # phrase, agent code
                    self.agents[tuple(row[0].lower().split())] = row[1]
                else:  # a 4th column may say the kind ("ethnic": placed where the group acts)
                    kind = row[3] if len(row) > 3 and row[3] in ("country", "igo", "group", "ethnic") else "user"
                    self._add([*row[:2], row[2] if row[2] != "-" else "~"], kind, override=True)
        self._regional_countries()
        self.first_words = frozenset(k[0] for k in self.entries) | frozenset(k[0] for k in self.agents)
        # every key as a path of words (None marks where a key ends): lookup walks the sentence once instead of
        # building a tuple for every length up to MAX_WORDS
        self._trie: dict[str | None, Any] = {}
        for key in (*self.entries, *self.agents):
            if len(key) <= MAX_WORDS:
                node = self._trie
                for w in key:
                    node = node.setdefault(w, {})
                node[None] = True
        self._near: dict[str, set[str]] | None = None  # one-deletion variants of country words, built on first use

    def near_country(self, word: str) -> Entry | None:
        """The country or nationality word one letter away from ``word`` ("ghanians", "ethopia"), if only one."""
        if len(word) < 6 or not word.isalpha():
            return None
        if self._near is None:
            self._near = {}
            for key, entry in self.entries.items():
                w = key[0]
                # country names and nationality words only (they share the name's opening: Ghana,
                # Ghanaian), not the towns and people Phoenix files under a country
                if len(key) == 1 and len(w) >= 5 and w.isalpha() and entry.kind == "country" \
                        and w[:3] == entry.name.lower()[:3] \
                        and all(not split_code(code).sectors for code, _, _ in entry.codes):
                    for v in {w[:i] + w[i + 1:] for i in range(len(w))} | {w}:
                        self._near.setdefault(v, set()).add(w)
        found: set[str] = set(self._near.get(word, ()))
        for v in {word[:i] + word[i + 1:] for i in range(len(word))}:
            found |= self._near.get(v, set())  # a deletion, insertion or substitution away
        found.discard(word)
        countries = {split_code(self.entries[(w,)].codes[-1][0]).country for w in found}
        if len(countries) != 1 or None in countries:
            return None
        return self.entries[(sorted(found)[0],)]

    def _regional_countries(self) -> None:
        """Phoenix gives some groups a region, not a country ("palestinian islamic jihad" MEAREB, "national
        patriotic front of liberia" AFRREB): a country named inside the group's name is its country. The
        canonical name counts too, so an acronym or foreign-language alias ("pflp" for the Popular Front for the
        Liberation of Palestine) gets the country its full name gives."""
        for key, entry in list(self.entries.items()):
            if not all(code[:3] in _REGIONS for code, _, _ in entry.codes):
                continue
            found: set[str] = set()
            for words in (key, tuple(entry.name.lower().replace("-", " ").split())):
                if len(words) >= 2:
                    found |= self._countries_named(words)
            if len(found) == 1:
                country = found.pop()
                self.entries[key] = Entry(entry.name, tuple((country + code[3:], a, b) for code, a, b in entry.codes),
                                          entry.kind)

    def _countries_named(self, words: tuple[str, ...]) -> set[str]:
        """The countries whose names or nationality words occur in ``words``."""
        found = set()
        for i in range(len(words)):
            for n in (2, 1):
                e = self.entries.get(words[i:i + n])
                if e is not None and e.kind == "country" and e.codes[0][0][:3] not in _REGIONS:
                    c = split_code(e.codes[-1][0])
                    if c.country and not c.sectors:
                        found.add(c.country)
                    break
        return found

    def _add(self, row: list[str], kind: str | None, override: bool = False) -> None:
        if len(row) < 3:
            return
        key = tuple(row[0].lower().split())
        if not key or len(key) > MAX_WORDS or (key in self.entries and not override):
            return
        codes = []
        for spec in row[2].split("|"):
            parts = spec.split(":")
            codes.append((parts[0], parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else ""))
        self.entries[key] = Entry(row[1], tuple(codes), kind or (row[3] if len(row) > 3 else "country"))

    def lookup(self, words: list[str], start: int) -> tuple[int, Entry | None, str | None]:
        """Longest entry or agent starting at ``words[start]``: (length, entry, agent code)."""
        node = self._trie.get(words[start])
        if node is None:
            return 0, None, None
        best, n, end = 0, 1, min(MAX_WORDS, len(words) - start)
        while True:
            if None in node:
                best = n  # a key ends here; a longer one may follow
            if n >= end:
                break
            node = node.get(words[start + n])
            if node is None:
                break
            n += 1
        if not best:
            return 0, None, None
        key = tuple(words[start:start + best])
        entry = self.entries.get(key)
        if entry is not None:  # at the same length an actor beats an agent
            return best, entry, None
        return best, None, self.agents[key]


def pick_code(entry: Entry, date: str | None) -> str:
    """The entry's code valid on ``date`` (ISO), else the open-ended/latest one."""
    day = date.replace("-", "")[:8] if date else ""
    if day:
        for code, start, end in entry.codes:
            if (start or end) and (not start or start <= day) and (not end or day <= end):
                return code
    for code, start, end in entry.codes:
        if start and not end:
            return code
    for code, start, end in entry.codes:
        if not start and not end:
            return code
    return entry.codes[-1][0]


def split_code(code: str) -> Coded:
    """'IRQGOVMIL' -> country IRQ, sectors (GOV, MIL); '~MIL' (an agent) -> no country."""
    if code.startswith("~"):
        country, rest = None, code[1:]
        if rest[:3] in _NONSTATE:  # agents of international bodies ("peacekeeping troops" ~IGO, "aid group" ~NGO)
            country, rest = ("IGO" if rest[:3] in ("UNO", "EUR") else rest[:3]), rest[3:]
    elif code[:3] in SECTORS or code[:3] == "INT":
        # "ELI" (Kofi Annan out of office), "MED" (Reuters), "INTREB" (transnational): no country
        country, rest = None, code if code[:3] != "INT" else code[3:]
    else:
        country, rest = code[:3], code[3:]
        if country in _REGIONS:
            country = None  # a Phoenix region ("WAF" West Africa), not a country
        elif country in ("EUR", "UNO"):
            country = "IGO"
        else:
            country = _ISO.get(country, country)
            code = country + code[3:]  # "ANGREB" -> "AGOREB"
    sectors: list[str] = []
    for i in range(0, len(rest) - 2, 3):
        chunk = rest[i:i + 3]
        if chunk in _RELIGION:
            chunk = "REL"
        if chunk in SECTORS and chunk not in sectors:
            sectors.append(chunk)
    return Coded(code, country, tuple(sectors))


def is_nonstate(country: str | None) -> bool:
    return country in _NONSTATE


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"
