"""Build src/frontlines/data/factuality_cues.tsv from the public lexicons plus the project's own cue lists.

Usage: .venv/bin/python scripts/build_factuality_lexicon.py [--lexicons ../shared/data/reference/lexicons]

The output is a TSV: ``category<TAB>term<TAB>weight``. Categories used by the factuality and attribution
stages (curated here, words are facts about English usage):
  speculative  epistemic verbs/adverbs/adjectives/modals (weight = certainty the event happened, 0..1)
  planned      intention / future / commitment predicates (weight as above)
  hypothetical conditional markers
  negation     negators ("not", "never", "no")
  denial       denial predicates (complement reported but contested)
  neg_implicative  predicates whose infinitival complement did not happen ("failed to", "refused to")
  report       reporting verbs (weight = how strongly the source vouches for the content)
  attribution_noun  nouns that introduce a source's content ("claim", "statement")
  hedge / weasel / booster  sentence-level uncertainty vocabulary
  modality     Pattern's epistemic modality weights (-1..+1)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "frontlines" / "data" / "factuality_cues.tsv"

# Project-curated cue lists (weights are the certainty that the cued event happened/holds).
SPECULATIVE = {
    "may": 0.45, "might": 0.4, "could": 0.45, "perhaps": 0.45, "maybe": 0.45, "possibly": 0.45,
    "possible": 0.45, "probably": 0.65, "likely": 0.65, "presumably": 0.6, "apparently": 0.65,
    "seemingly": 0.6, "conceivably": 0.4, "unlikely": 0.25, "doubtful": 0.3, "supposedly": 0.5,
    "think": 0.55, "believe": 0.6, "guess": 0.45, "suspect": 0.5, "suppose": 0.5, "speculate": 0.4,
    "argue": 0.6, "suggest": 0.55, "seem": 0.6, "appear": 0.6, "wonder": 0.4, "doubt": 0.3,
    "imagine": 0.35, "assume": 0.55, "reckon": 0.55, "estimate": 0.65, "fear": 0.45, "theorize": 0.45,
    "hypothesize": 0.4, "presume": 0.55, "bet": 0.5, "feel": 0.6, "expect": 0.55, "predict": 0.5,
    "rumor": 0.4, "rumour": 0.4, "theory": 0.45, "speculation": 0.4, "possibility": 0.45, "chance": 0.45,
    "whether": 0.4, "allegedly": 0.55, "reportedly": 0.7, "purportedly": 0.5, "ostensibly": 0.5,
}
PLANNED = {
    "will": 0.4, "shall": 0.4, "'ll": 0.4, "wo": 0.4, "plan": 0.3, "intend": 0.3, "vow": 0.3,
    "threaten": 0.25, "promise": 0.3, "pledge": 0.3, "aim": 0.3, "seek": 0.25, "want": 0.25,
    "hope": 0.25, "prepare": 0.35, "decide": 0.4, "agree": 0.4, "schedule": 0.4, "propose": 0.25,
    "call": 0.25, "demand": 0.25, "urge": 0.25, "ask": 0.25, "order": 0.4, "attempt": 0.35,
    "try": 0.35, "going": 0.4, "about": 0.4, "set": 0.4, "due": 0.4, "expect": 0.4, "mull": 0.2,
    "consider": 0.25, "weigh": 0.2, "vote": 0.35, "resolve": 0.35, "determine": 0.35, "offer": 0.3,
    "warn": 0.3, "need": 0.25, "must": 0.3, "should": 0.3, "ought": 0.3, "intent": 0.3, "bid": 0.3,
    "plot": 0.3, "scheme": 0.3, "prepared": 0.35, "ready": 0.35, "wish": 0.2, "refuse": 0.1,
    "postpone": 0.2, "delay": 0.25, "authorize": 0.4, "approve": 0.4, "announce": 0.5,
}
HYPOTHETICAL = {"if": 0.25, "unless": 0.25, "would": 0.3, "whether": 0.3, "suppose": 0.3, "provided": 0.3,
                "lest": 0.25, "in case": 0.3, "assuming": 0.3, "otherwise": 0.3, "wherever": 0.35,
                "whenever": 0.4}
NEGATION = {"not": 0.05, "n't": 0.05, "never": 0.05, "no": 0.05, "without": 0.1, "nor": 0.05,
            "neither": 0.05, "none": 0.05, "nobody": 0.05, "nothing": 0.05, "cannot": 0.05, "nowhere": 0.05}
DENIAL = {"deny": 0.3, "reject": 0.3, "dismiss": 0.3, "refute": 0.25, "dispute": 0.35, "disavow": 0.3,
          "contradict": 0.3, "rebut": 0.3, "debunk": 0.2, "denial": 0.3, "denounce": 0.4, "disprove": 0.2}
NEG_IMPLICATIVE = {"fail": 0.05, "refuse": 0.1, "decline": 0.1, "neglect": 0.1, "avoid": 0.1, "forget": 0.1,
                   "prevent": 0.1, "stop": 0.15, "halt": 0.15, "thwart": 0.1, "foil": 0.1, "abandon": 0.15,
                   "cancel": 0.1, "forgo": 0.1, "avert": 0.1, "block": 0.15, "refrain": 0.1, "hesitate": 0.3,
                   "abort": 0.1, "scrap": 0.1, "call off": 0.1, "ban": 0.2, "bar": 0.2, "rule out": 0.1,
                   "deter": 0.15, "stave off": 0.1, "ward off": 0.1, "miss": 0.15}
REPORT_STRENGTH = {
    "say": 0.85, "tell": 0.85, "report": 0.85, "state": 0.85, "announce": 0.9, "confirm": 0.95,
    "add": 0.85, "note": 0.9, "explain": 0.9, "write": 0.85, "declare": 0.85, "disclose": 0.9,
    "reveal": 0.9, "acknowledge": 0.95, "admit": 0.95, "concede": 0.95, "recall": 0.9, "describe": 0.85,
    "claim": 0.6, "allege": 0.55, "accuse": 0.55, "charge": 0.55, "insist": 0.65, "maintain": 0.65,
    "contend": 0.6, "assert": 0.65, "argue": 0.6, "suggest": 0.55, "estimate": 0.65, "warn": 0.7,
    "predict": 0.45, "believe": 0.6, "think": 0.55, "quote": 0.85, "cite": 0.85, "according": 0.85,
    "testify": 0.8, "complain": 0.75, "stress": 0.85, "emphasize": 0.85, "indicate": 0.75, "show": 0.9,
    "find": 0.85, "conclude": 0.8, "mention": 0.85, "reply": 0.85, "respond": 0.85, "observe": 0.9,
    "brief": 0.85, "inform": 0.85, "tweet": 0.8, "post": 0.8, "blame": 0.6, "boast": 0.7, "hint": 0.5,
    "speculate": 0.4, "deny": 0.3, "agree": 0.8, "remark": 0.85, "point out": 0.9, "quip": 0.8,
    "recount": 0.85, "relate": 0.85, "assure": 0.75, "caution": 0.7, "fear": 0.45, "worry": 0.45,
    "hope": 0.4, "acknowledged": 0.95, "learn": 0.9, "hear": 0.75, "insinuate": 0.45, "signal": 0.6,
}


def _terms(path: Path, comment: str = "#") -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith(comment):
            out.append(line.lower())
    return out


def build(lex: Path) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for cat, table in (("speculative", SPECULATIVE), ("planned", PLANNED), ("hypothetical", HYPOTHETICAL),
                       ("negation", NEGATION), ("denial", DENIAL), ("neg_implicative", NEG_IMPLICATIVE),
                       ("report", REPORT_STRENGTH)):
        rows += [(cat, t, f"{w:.2f}") for t, w in sorted(table.items())]
    report = set(REPORT_STRENGTH)
    for t in _terms(lex / "attribution_qsample" / "attribution_verbs_krestel2008.txt"):
        if t not in report:
            rows.append(("report", t, "0.80"))
    rows += [("attribution_noun", t, "1.00")
             for t in sorted(set(_terms(lex / "attribution_qsample" / "attribution_nouns_pareti2015.txt")))]
    hedges = set(_terms(lex / "hedging_lrec_islam2020" / "hedge_words.txt"))
    hedges |= set(_terms(lex / "wooorm_hedges" / "hedges.txt", "%"))
    rows += [("hedge", t, "1.00") for t in sorted(hedges)]
    rows += [("weasel", t, "1.00") for t in sorted(set(_terms(lex / "wooorm_weasels" / "weasels.txt", "%")))]
    rows += [("booster", t, "1.00")
             for t in sorted(set(_terms(lex / "hedging_lrec_islam2020" / "booster_words.txt")))]
    for line in (lex / "pattern_modality" / "epistemic_modality_en.tsv").read_text().splitlines()[1:]:
        group, weight, term = line.split("\t")
        rows.append(("modality", f"{group}:{term.lower()}", f"{float(weight):.2f}"))
    neg = json.loads((lex / "negspacy_termsets" / "termsets_en.json").read_text())
    known = set(NEGATION)
    rows += [("negation", t, "0.05") for t in sorted(set(neg["preceding_negations"])) if " " not in t
             and t not in known and t.isalpha() and t not in {"versus", "declined", "denied", "denies", "denying",
                                                               "doubt"}]
    rows += [("termination", t, "1.00") for t in sorted(set(neg["termination"]))]
    return rows


HEADER = """# frontlines factuality/attribution cue lexicon. Built by scripts/build_factuality_lexicon.py.
# Sources: project-curated cue lists (MIT, this project); wooorm/hedges and wooorm/weasels (MIT);
# hedging-lrec/resources hedge + booster words (Islam, Xiao & Mercer, LREC 2020; word list, cited);
# clips/pattern epistemic modality weights (BSD-3-Clause); jenojp/negspacy termsets (MIT);
# christianscheible/qsample PARC lists: reporting verbs (Krestel et al. 2008), attribution nouns (Pareti 2015).
# Columns: category<TAB>term<TAB>weight
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lexicons", type=Path,
                    default=Path(__file__).resolve().parents[2] / "shared" / "data" / "reference" / "lexicons")
    args = ap.parse_args()
    rows = build(args.lexicons)
    seen = set()
    lines = []
    for row in rows:
        if row[:2] in seen:
            continue
        seen.add(row[:2])
        lines.append("\t".join(row))
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} cues to {OUT}")


if __name__ == "__main__":
    main()
