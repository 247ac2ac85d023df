"""Regenerate the event coder's data files under src/frontlines/data/coding/ from ../shared/data.

Sources (facts only; each output file carries a header naming its source and licence):
- ontology/CAMEO2PLOVER-2021.txt (PLOVER, CC BY-SA 4.0): CAMEO code -> PLOVER type and mode.
- reference/phoenix_dictionaries/CAMEO.verbpatterns.150430.txt (MIT): verb -> CAMEO code, patterns.
- reference/phoenix_dictionaries/Phoenix.{Countries,International,MilNonState}.actors.txt (MIT): actors.
- ontology/PLOVER_agents.txt (PLOVER repository; the CAMEO agents file re-coded with PLOVER sectors): generic
  agents -> sector codes. Phoenix actor codes are re-coded the same way (CAMEO "MED" media -> JRN, "HLH" -> MED).
- ontology/countries.csv: country names and nationality adjectives.

Run: .venv/bin/python scripts/build_coding_data.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "frontlines" / "data" / "coding"
PHX = "reference/phoenix_dictionaries"
MIT = "# licence: MIT (Phoenix/PETRARCH dictionaries, Copyright (c) 2015 Open Event Data Alliance)"


def words_of(phrase: str) -> list[str]:
    """A Phoenix phrase (UPPER_WITH_UNDERSCORES) as lower-case tokens split the way spaCy splits them."""
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    # hyphens are dropped: the matcher skips spaCy's "-" tokens ("al-Qaeda" -> al qaeda)
    phrase = phrase.replace("_", " ").replace("-", " ").replace("'S ", " 's ").lower()
    phrase = re.sub(r"(\w)'(\s|$)", r"\1 '\2", phrase)
    return [w for w in phrase.split() if w]


# ---------------------------------------------------------------- CAMEO / PLOVER table

def build_cameo(shared: Path) -> None:
    rows = []
    for line in (shared / "ontology/CAMEO2PLOVER-2021.txt").read_text().splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*),?([^#]*)#\s*(.*)$", line)
        if not m:
            continue
        code, plover, mode, context, desc = (g.strip() for g in m.groups())
        rows.append((code, plover, mode.replace(" ", ""), context.replace(" ", ""), desc))
    with (OUT / "cameo_plover.tsv").open("w") as f:
        f.write("# CAMEO code -> PLOVER 0.8 type, mode, context. Source: PLOVER CAMEO2PLOVER-2021.txt "
                "(openeventdata/PLOVER). Licence: CC BY-SA 4.0\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


# ---------------------------------------------------------------- verbs and patterns

def _code(text: str) -> str | None:
    m = re.search(r"\[([0-9-]{3,4})(?::[0-9-]*)?\]", text)
    if not m or m.group(1).startswith("-"):
        return None
    return m.group(1)


def build_verbs(shared: Path) -> None:
    lines = (shared / PHX / "CAMEO.verbpatterns.150430.txt").read_text(errors="replace").splitlines()
    synsets: dict[str, list[str]] = {}
    verbs: list[tuple[str, str, str, str]] = []  # (lemma, particle words, code, block key)
    patterns: list[tuple[str, str, str, str]] = []  # (lemma, code, pre, post)
    block_code: str | None = None
    block_verbs: list[str] = []
    current_syn: str | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            current_syn = None
            continue
        if line.startswith("&"):
            current_syn = line[1:].strip().rstrip("_").upper()
            synsets[current_syn] = []
            continue
        if current_syn is not None and line.startswith("+"):
            synsets[current_syn].append(" ".join(words_of(line[1:])))
            continue
        if line.startswith("---"):
            block_code = _code(line)
            block_verbs = []
            continue
        if line.startswith("- "):
            code = _code(line)
            body = re.sub(r"\[[^\]]*\]", "", line[2:]).strip()
            if code is None or "*" not in body or not block_verbs:
                continue
            pre, post = body.split("*", 1)
            pre_w = _pattern_words(pre)
            post_w = _pattern_words(post)
            if not pre_w and not post_w:
                continue
            for lemma in block_verbs[:1]:
                patterns.append((lemma, code, " ".join(pre_w), " ".join(post_w)))
            continue
        if block_code is None and not line.strip():
            continue
        # a verb line: VERB [code]? {forms}?
        m = re.match(r"^\+?([A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", line.strip())
        if not m:
            continue
        parts = words_of(m.group(1))
        if not parts:
            continue
        lemma, particle = parts[0], " ".join(parts[1:])
        code = _code(m.group(3) or "") or block_code
        block_verbs.append(lemma if not particle else f"{lemma} {particle}")
        key = block_verbs[0]
        verbs.append((lemma, particle, code or "", key))
        for form in (m.group(2) or "").strip("{}").split():
            fw = words_of(form)
            if fw and fw[0] != lemma:
                verbs.append((fw[0], particle, code or "", key))
    with (OUT / "verbs.tsv").open("w") as f:
        f.write("# verb lemma, particle, CAMEO code (empty: only patterns code it), pattern block. Source: Phoenix CAMEO.verbpatterns.150430.txt\n" + MIT + "\n")
        seen = set()
        for v in verbs:
            if (v[0], v[1]) not in seen:
                seen.add((v[0], v[1]))
                f.write("\t".join(v) + "\n")
    with (OUT / "verb_patterns.tsv").open("w") as f:
        f.write("# verb, CAMEO code, words before the verb, words after it (&SET = synset; a word without a "
                "trailing _ matches as a prefix). Source: Phoenix CAMEO.verbpatterns.150430.txt\n" + MIT + "\n")
        for p in patterns:
            f.write("\t".join(p) + "\n")
    with (OUT / "synsets.tsv").open("w") as f:
        f.write("# synset name, members (| separated). Source: Phoenix CAMEO.verbpatterns.150430.txt\n" + MIT + "\n")
        for name, members in synsets.items():
            f.write(f"{name}\t{'|'.join(m for m in members if m)}\n")


def _pattern_words(text: str) -> list[str]:
    out = []
    for tok in text.split():
        if tok in {"+", "$", "^", "%"} or not tok.strip("+$^%"):
            continue
        tok = tok.strip("+$^%")
        if tok.startswith("&"):
            out.append(tok.rstrip("_").upper())
            continue
        # keep the trailing '_' (exact-match marker); split inner underscores into words
        exact = tok.endswith("_")
        pieces = [p for p in tok.rstrip("_").lower().split("_") if p]
        for i, p in enumerate(pieces):
            out.append(p + ("_" if (exact or i < len(pieces) - 1) else ""))
    return out


# ---------------------------------------------------------------- actors

def _date(s: str) -> str:
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        return f"{1900 + yy if yy > 30 else 2000 + yy}{s[2:]}"
    return s


def _codes(spec: str) -> str | None:
    """'[AFGGOV 331108-730717]' -> 'AFGGOV:19331108:19730717'."""
    m = re.match(r"\[\s*~?([A-Z]{3,}[A-Z]*)\s*([<>]?)\s*([0-9]*)-?([0-9]*)\s*\]", spec.strip())
    if not m:
        return None
    code, op, a, b = m.groups()
    start = end = ""
    if op == ">":
        start = _date(a)
    elif op == "<":
        end = _date(a)
    elif a:
        start, end = _date(a), _date(b) if b else ""
    return f"{code}:{start}:{end}" if (start or end) else code


_SMALL = {"of", "the", "and", "al", "for", "in", "on", "el", "de", "bin", "ibn", "abu"}


def _canonical(name: str) -> str:
    out = []
    for w in re.sub(r"\([^)]*\)", " ", name).replace("_", " ").split():
        lw = w.lower()
        out.append(lw if lw in _SMALL and out else (w.upper() if len(w) <= 3 and "." not in w and lw not in _SMALL
                                                      else w.capitalize()))
    return " ".join(out)


def parse_actor_file(path: Path, kind: str) -> list[tuple[str, str, str, str]]:
    """(phrase, canonical name, codes, kind) for every name and alias in a Phoenix actor file."""
    out: list[tuple[str, str, str, str]] = []
    names: list[str] = []
    codes: list[str] = []
    prev_codes: list[str] = []

    def flush() -> None:
        nonlocal names, codes, prev_codes
        if names:
            use = codes or prev_codes
            if use:
                canon = _canonical(names[0])
                for n in names:
                    w = words_of(n)
                    if w and len(w) <= 8:
                        out.append((" ".join(w), canon, "|".join(use), kind))
            prev_codes = use
        names, codes = [], []

    for raw in path.read_text(errors="replace").splitlines():
        if raw.lstrip().startswith("#"):
            continue  # a comment line inside an entry does not end it
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            flush()
            prev_codes = []
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            c = _codes(stripped)
            if c:
                codes.append(c)
            continue
        if stripped.startswith("+"):
            name = re.sub(r"\[[^\]]*\]", "", stripped[1:]).strip()
            if name:
                names.append(name)
            continue
        if raw[:1].isspace():
            continue
        flush()
        inline = re.findall(r"\[[^\]]*\]", stripped)
        name = re.sub(r"\[[^\]]*\]", "", stripped).strip()
        if name:
            names.append(name)
        for i in inline:
            c = _codes(i)
            if c:
                codes.append(c)
    flush()
    return out


def parse_agents(path: Path) -> list[tuple[str, str]]:
    macros: dict[str, list[str]] = {}
    out: list[tuple[str, str]] = []
    for raw in path.read_text(errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.*)$", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        phrase, forms, code = m.group(1).strip(), m.group(2), m.group(3)
        variants = [phrase]
        mm = re.search(r"!(\w+)!", phrase)
        if mm and mm.group(1) in macros:
            variants = [phrase.replace(mm.group(0), "_" + w if not phrase.startswith(mm.group(0)) else w)
                        for w in macros[mm.group(1)]]
        for f in (forms or "").strip("{}").split():
            variants.append(f)
        for v in variants:
            w = words_of(v.replace("__", "_"))
            if w:
                out.append((" ".join(w), code))
    return out


#: CAMEO sector codes that PLOVER renamed (PLOVER manual, sector code notes 3-4): CAMEO "MED" was media and
#: "HLH" health; the insurgent/separatist distinctions fold into REB.
CAMEO_SECTORS = {"MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB"}


def plover_code(spec: str) -> str:
    """A Phoenix code spec ('CMRGOVMED:20071101:') with its CAMEO sector chunks renamed to PLOVER's."""
    code, sep, dates = spec.partition(":")
    chunks = [CAMEO_SECTORS.get(code[i:i + 3], code[i:i + 3]) for i in range(0, len(code), 3)]
    return "".join(chunks) + sep + dates


def build_actors(shared: Path) -> None:
    rows: list[tuple[str, str, str, str]] = []
    for fname, kind in (("Phoenix.Countries.actors.txt", "country"), ("Phoenix.International.actors.txt", "igo"),
                        ("Phoenix.MilNonState.actors.txt", "group")):
        rows.extend(parse_actor_file(shared / PHX / fname, kind))
    # nationality adjectives and plain names (countries.csv)
    with (shared / "ontology/countries.csv").open() as f:
        for rec in csv.DictReader(f):
            iso, name = rec["CCA3"], rec["Name"]
            rows.append((" ".join(words_of(name)), name, iso, "country"))
            for adj in rec["Nationality"].split(","):
                adj = adj.strip()
                if adj:
                    rows.append((" ".join(words_of(adj)), name, iso, "country"))
    seen: set[str] = set()
    with (OUT / "actors.tsv").open("w") as f:
        f.write("# phrase (lower-case tokens), canonical name, codes (CODE or CODE:start:end, | separated), kind. "
                "Sources: Phoenix.{Countries,International,MilNonState}.actors.txt (CAMEO sectors renamed to PLOVER's: "
                "MED->JRN, HLH->MED, INS/SEP->REB); PLOVER ontology countries.csv\n")
        f.write(MIT + "; countries.csv facts from the PLOVER repository (CC BY-SA 4.0)\n")
        for phrase, canon, codes, kind in rows:
            if phrase in seen or not phrase.strip():
                continue
            seen.add(phrase)
            codes = "|".join(plover_code(c) for c in codes.split("|"))
            f.write(f"{phrase}\t{canon}\t{codes}\t{kind}\n")
    agents = parse_agents(shared / "ontology/PLOVER_agents.txt")
    seen = set()
    with (OUT / "agents.tsv").open("w") as f:
        f.write("# generic agent phrase (lower-case tokens), PLOVER agent code (sectors, or IGO/NGO). Source: "
                "PLOVER_agents.txt (openeventdata/PLOVER)\n# licence: CC BY-SA 4.0 (PLOVER repository); "
                "JNK/NON entries (not actors) left out\n")
        for phrase, code in agents:
            if code in ("JNK", "NON"):
                continue
            if phrase not in seen:
                seen.add(phrase)
                f.write(f"{phrase}\t{code}\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    build_cameo(args.shared)
    build_verbs(args.shared)
    build_actors(args.shared)
    for p in sorted(OUT.iterdir()):
        print(f"{p.name}: {p.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
