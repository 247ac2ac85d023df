"""People in the actor dictionary found by the way news writes their names, and the role a title gives them.

Reports shorten and misspell names: "President Mugabe", "Omar el-Bashir" for Omar Hassan Ahmad al-Bashir,
"Mitterand". The exact phrase lookup misses these, so person names (spaCy PERSON spans) are also looked up
by surname: the first name, when written, must agree; a surname alone needs a title in front of it and every
dictionary person of that surname in the same country; a one-letter slip in a long surname is forgiven.

Titles also choose among a person's dated role codes when the document has no date: "President Bill
Clinton" is USA GOV, "former President Bill Clinton" USA ELI.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .actor_dict import Entry, pick_code, split_code

#: Title words and the sector the office gives ("Prime Minister X", "Gen. X").
TITLES = {"president": "GOV", "premier": "GOV", "prime": "GOV", "minister": "GOV", "chancellor": "GOV",
          "king": "GOV", "queen": "GOV", "emir": "GOV", "amir": "GOV", "sultan": "GOV", "shah": "GOV",
          "secretary": "GOV", "governor": "GOV", "mayor": "GOV", "ambassador": "GOV", "envoy": "GOV",
          "vice": "GOV", "deputy": "GOV", "foreign": "GOV", "defence": "GOV", "defense": "GOV", "interior": "GOV",
          "spokesman": "GOV", "spokeswoman": "GOV", "leader": "GOV", "ruler": "GOV", "dictator": "GOV",
          "administration": "GOV", "government": "GOV", "cabinet": "GOV", "regime": "GOV",
          "opposition": "OPP", "rebel": "REB", "militia": "REB", "warlord": "REB",
          "general": "MIL", "gen": "MIL", "gen.": "MIL", "lt": "MIL", "lt.": "MIL", "col": "MIL", "col.": "MIL",
          "colonel": "MIL", "major": "MIL", "maj.": "MIL", "admiral": "MIL", "marshal": "MIL", "commander": "MIL",
          "judge": "JUD", "justice": "JUD", "senator": "LEG", "sen.": "LEG", "congressman": "LEG",
          "congresswoman": "LEG", "speaker": "LEG", "lawmaker": "LEG", "mp": "LEG", "deputy-speaker": "LEG"}
#: Words that put the title in the past ("former President X", "ousted leader X").
PAST = frozenset({"former", "ex", "ousted", "deposed", "exiled", "late", "toppled", "overthrown", "disgraced",
                  "retired", "then"})
#: Honorifics and name particles that are not names.
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "sheikh", "shaikh", "prince",
                         "princess", "archbishop", "bishop", "cardinal", "pope", "ayatollah", "imam", "rev", "rev.",
                         "mullah", "maulana", "haji", "candidate", "opposition", "rebel", "elder", "chief"})
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "da", "dos", "van", "von", "der", "le", "la", "ben",
                        "ould", "abdel", "abd"})
_MIN_FUZZY = 6  # shorter surnames are too easily confused with others


class PeopleIndex:
    """Surname index over dictionary entries that name people (multi-word names of letters only)."""

    def __init__(self, entries: dict[tuple[str, ...], Entry], agent_words: Iterable[str] = ()) -> None:
        skip = frozenset(agent_words)
        self.by_surname: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        for key, entry in entries.items():
            if entry.kind not in ("country", "igo", "group", "user"):
                continue
            name = strip_titles(key)
            if len(name) < 2 or not all(w.isalpha() for w in name) or name[-1] in skip or len(name[-1]) < 3:
                continue
            if not any(split_code(code).sectors for code, _, _ in entry.codes):
                continue  # a country or place, not a person
            self.by_surname.setdefault(name[-1], []).append((name, entry))
        # one-edit variants of long surnames: "mitterand" -> mitterrand, "gbago" -> gbagbo
        self.variants: dict[str, set[str]] = {}
        for surname in self.by_surname:
            if len(surname) >= _MIN_FUZZY:
                for v in _deletes(surname):
                    self.variants.setdefault(v, set()).add(surname)

    def find(self, name: Sequence[str], title: str | None) -> Entry | None:
        """The dictionary person for a written name (lower-case tokens, titles stripped), or None. ``title``:
        the sector of a title written before the name, which a bare surname needs and must agree with
        ("President Kagame" GOV; "Justice Ginsburg" is no Costa Rican minister of that name)."""
        name = [w for w in name if w.replace(".", "").isalpha()]
        if not name:
            return None
        surname = name[-1]
        cands = self.by_surname.get(surname, [])
        if not cands and len(surname) >= _MIN_FUZZY:
            near = set(self.variants.get(surname, ()))
            for v in _deletes(surname):
                near |= self.variants.get(v, set())
                if v in self.by_surname:
                    near.add(v)
            near.discard(surname)
            if len(near) == 1:
                cands = self.by_surname[near.pop()]
        if not cands:
            return None
        given = [w for w in name[:-1] if w not in _PARTICLES]
        if given:
            first = given[0]
            same = [(k, e) for k, e in cands if k[0] == first or (len(first) <= 2 and k[0][:1] == first[:1])]
            if not same:
                return None  # another person of that surname
            cands = same
        else:
            if title is None or title == "ELI":
                return None  # a bare surname names a person only after a title ("President Kagame")
            cands = [(k, e) for k, e in cands if any(title in split_code(c).sectors for c, _, _ in e.codes)]
            if not cands:
                return None
        countries = {_country(e) for _, e in cands}
        if len(countries) != 1 or None in countries:
            return None
        # the best-known holder: the entry with the longest record of roles
        return max(cands, key=lambda c: (len(c[1].codes), -len(c[0])))[1]


def strip_titles(words: Sequence[str]) -> tuple[str, ...]:
    """A name without the titles and honorifics written before it."""
    i = 0
    while i < len(words) - 1 and (words[i] in TITLES or words[i] in _HONORIFICS or words[i] in PAST):
        i += 1
    return tuple(words[i:])


def titles_before(words: Sequence[str], start: int) -> list[str]:
    """The run of title words right before ``words[start]`` ("former Prime Minister" in "... former Prime
    Minister Nawaz Sharif"); a title further back ("being vice president, Rubio said") does not count."""
    i = start
    while i > 0 and (words[i - 1] in TITLES or words[i - 1] in _HONORIFICS or words[i - 1] in PAST):
        i -= 1
    return list(words[i:start])


def title_sector(words: Iterable[str]) -> str | None:
    """'ELI' for a past title ("former president"), the office's sector for a present one, else None."""
    sector = None
    for w in words:
        if w in PAST:
            return "ELI"
        sector = sector or TITLES.get(w)
    return sector


def pick_role(entry: Entry, date: str | None, title: str | None) -> str:
    """The entry's code: by date when the document has one, else the role the title names; undated and
    untitled, a role with a country rather than none ("Kofi Annan": IGO, not the countryless ELI after)."""
    if date:
        return pick_code(entry, date)
    if title is None:
        code = pick_code(entry, date)
        if split_code(code).country is None:
            code = next((c for c, _, _ in reversed(entry.codes) if split_code(c).country), code)
        return code
    for code, _, _ in entry.codes:
        if title in split_code(code).sectors:
            return code
    if title in ("GOV", "MIL", "LEG", "JUD"):
        # an office the dictionary does not record (a minister named "Prime Minister"): any role in government
        for code, _, _ in entry.codes:
            if set(split_code(code).sectors) & {"GOV", "MIL", "LEG", "JUD"}:
                return code
    return pick_code(entry, date)


def _country(entry: Entry) -> str | None:
    """The one country of all the entry's roles ("IGOUNO" then "ELI" for a UN chief: IGO), else None."""
    countries = {split_code(code).country for code, _, _ in entry.codes} - {None}
    return countries.pop() if len(countries) == 1 else None


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}
