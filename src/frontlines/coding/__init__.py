"""Event and actor coding helpers: ontology tables, verb/noun lexicons, actor dictionaries.

Everything here is loaded once (constructors read the data files under ``frontlines/data/coding``)
and then used read-only by the ``actors`` and ``events`` stages.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "coding"


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a tab-separated data file, skipping blank lines and ``#`` header lines."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows
