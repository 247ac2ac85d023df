"""PLOVER gold-standard records (CAMEO manual examples): event type, actor country and sector accuracy.

Gold: ``events/plover_gsr/PLOVER_GSR_CAMEO.txt`` (PLOVER 0.5 names, mapped to 0.8: DEMAND->REQUEST,
DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT). Each record is one sentence with one event; the
sentence's main event (``coding.select.main_event``) is scored. Records are keyed by position (one id
occurs twice), and the gold's pre-ISO country codes JAP, ITL and VTN read as JPN, ITA and VNM.

- ``type_accuracy``: main event's PLOVER type equals the gold type (no event counts as wrong).
- ``type_accuracy_any``: some event of the sentence has the gold type.
- ``actor_country_accuracy``: gold actors (source and target) with a country code whose code appears
  among the main event's actors in the same role (either role for reciprocal SRC/TAR markup);
  ``source_country_accuracy`` / ``target_country_accuracy`` split it.
- ``sector_accuracy``: gold actors with a PLOVER sector that the matching coded actor carries.
"""

from __future__ import annotations

import json

from ..coding.actor_dict import SECTORS
from ..coding.select import main_event
from ..errors import EvaluationError
from ..records import Document
from . import EvalContext, Metrics
from ._run import code_documents

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# A few gold actors carry pre-ISO country codes (Japan, Italy, Vietnam); the coder writes ISO 3166 alpha-3
OLD_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def load(ctx: EvalContext) -> list[dict]:
    path = ctx.path("events", "plover_gsr", "PLOVER_GSR_CAMEO.txt")
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from exc
    records = [r for r in records if r.get("event") not in (None, "DOCUMENT") and r.get("text")]
    return records[: ctx.limit] if ctx.limit else records


def _actors(value: object) -> list[dict]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def evaluate(ctx: EvalContext) -> Metrics:
    records = load(ctx)
    # keyed by position: one record id occurs twice in the file, for two different sentences
    keys = [f"{i}:{r['id']}" for i, r in enumerate(records)]
    docs = [Document(doc_id=k, text=r["text"]) for k, r in zip(keys, records, strict=True)]
    anns = code_documents(ctx, docs)
    n_type = n_any = 0
    country = {"source": [0, 0], "target": [0, 0]}
    sector = [0, 0]
    for key, rec in zip(keys, records, strict=True):
        gold_type = OLD_NAMES.get(rec["event"], rec["event"])
        ann = anns.get(key)
        events = ann.events if ann is not None else ()
        ev = main_event(events, ann.doc) if ann is not None else None
        n_type += int(ev is not None and ev.plover == gold_type)
        n_any += int(any(e.plover == gold_type for e in events))
        info = rec.get("textInfo")
        reciprocal = isinstance(info, dict) and "SRC/TAR" in str(info.get("markup", ""))
        for role in ("source", "target"):
            for gold in _actors(rec.get(role)):
                code = (gold.get("code") or "").strip()
                code = OLD_COUNTRY_CODES.get(code, code)
                if not code:
                    continue
                country[role][1] += 1
                if ev is None:
                    continue
                mine = ev.actors if role == "source" else ev.recipients
                if reciprocal:
                    mine = ev.actors + ev.recipients
                hits = [a for a in mine if a.country == code]
                country[role][0] += int(bool(hits))
                gs = (gold.get("sector") or "").strip()
                if gs in SECTORS:
                    sector[1] += 1
                    sector[0] += int(any(gs in (a.sector or "").split() for a in hits))
    n = len(records)
    both = [country["source"][0] + country["target"][0], country["source"][1] + country["target"][1]]
    return {
        "sentences": float(n),
        "type_accuracy": n_type / n if n else 0.0,
        "type_accuracy_any": n_any / n if n else 0.0,
        "actor_country_accuracy": both[0] / both[1] if both[1] else 0.0,
        "source_country_accuracy": country["source"][0] / max(1, country["source"][1]),
        "target_country_accuracy": country["target"][0] / max(1, country["target"][1]),
        "sector_accuracy": sector[0] / max(1, sector[1]),
    }
