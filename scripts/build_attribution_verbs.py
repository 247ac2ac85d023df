"""Build src/frontlines/data/attribution_verbs.tsv: how often a verb with a subject is an attribution cue.

Usage: .venv/bin/python scripts/build_attribution_verbs.py [--gold ../shared/data]

Counts, over the PolNeAR TRAIN articles only, each verb lemma that has a nominal subject, and how
often it is annotated as the cue of an attribution whose source overlaps that subject. Only lemmas
seen at least MIN_SEEN times are written; the stage treats a lemma as a reporting verb when the rate
is at least STRONG_RATE (0.4). (Lemmas and rates are facts about usage; no text is copied.)
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from frontlines.resources import load_nlp  # noqa: E402

OUT = ROOT / "src" / "frontlines" / "data" / "attribution_verbs.tsv"
MIN_SEEN = 4


def _spans(ann: Path, label: str) -> list[tuple[int, int]]:
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        lab, *rest = parts[1].split(" ")
        if lab == label:
            offsets = " ".join(rest).split(";")
            out.append((int(offsets[0].split()[0]), int(offsets[-1].split()[-1])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    root = args.gold / "attribution" / "polnear" / "train"
    chosen: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)  # one annotator per article
    nlp = load_nlp()
    cues_n: collections.Counter[str] = collections.Counter()
    seen: collections.Counter[str] = collections.Counter()
    stems = sorted(chosen)
    texts = ((root / "text" / f"{s}.txt").read_text(encoding="utf-8") for s in stems)
    for stem, doc in zip(stems, nlp.pipe(texts, batch_size=16), strict=True):  # type: ignore[attr-defined]
        cues, sources = _spans(chosen[stem], "Cue"), _spans(chosen[stem], "Source")
        for tok in doc:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None or tok.pos_ not in ("VERB", "AUX"):
                continue
            lemma = tok.lemma_.lower()
            s0 = min(t.idx for t in subj.subtree)
            s1 = max(t.idx + len(t) for t in subj.subtree)
            seen[lemma] += 1
            if any(a <= tok.idx < b for a, b in cues) and any(a < s1 and s0 < b for a, b in sources):
                cues_n[lemma] += 1
    rows = sorted((lemma, cues_n[lemma], n) for lemma, n in seen.items() if n >= MIN_SEEN and lemma.isalpha())
    header = ("# Attribution-cue rates of verbs with a subject, counted on PolNeAR train (Newell, Margolin & Ruths,"
              " LREC 2018;\n# github.com/networkdynamics/polnear, MIT). Built by scripts/build_attribution_verbs.py."
              "\n# Columns: lemma<TAB>times a cue<TAB>times seen with a subject\n")
    OUT.write_text(header + "".join(f"{lemma}\t{c}\t{n}\n" for lemma, c, n in rows), encoding="utf-8")
    print(f"wrote {len(rows)} verbs to {OUT}")


if __name__ == "__main__":
    main()
