"""CAMEO codes -> PLOVER type/mode, quad class, Goldstein weight and ACLED event/sub-event type.

Quad classes follow the Phoenix/ConfliBERT convention: 0 neutral (CAMEO 01 statements, 02 appeals),
1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
4 material conflict (14-20).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import DATA_DIR, read_tsv

#: PLOVER types for CAMEO codes that the CAMEO->PLOVER table leaves out (01x statements, 02x appeals).
_EXTRA_PLOVER = {"016": "REJECT", "018": "SUPPORT", "019": "SUPPORT", "02": "REQUEST"}

#: Where the PLOVER gold standard codes a CAMEO code differently from the conversion table:
#: taking territory by force ("captured", "overran", "invasion") is ASSAULT there, imposing sanctions is
#: SANCTION, a resignation is RETREAT (PLOVER's "RETREAT: Resign" mode), destroying property and
#: repressing (dispersing crowds) are COERCE.
_PLOVER_OVERRIDES = {"192": ("ASSAULT", "seize"), "163": ("SANCTION", "restrict"), "0831": ("RETREAT", "resign"),
                     "1712": ("COERCE", "seize"), "175": ("COERCE", "")}

#: Statement codes that are not events of their own (saying, commenting, considering): left uncoded.
STATEMENT_ONLY = frozenset({"010", "011", "012", "013", "014", "015", "017"})
#: Statements that are kept when an object makes them specific ("expressed condolences", "claimed
#: responsibility", "rejected the accusations"): neutral (quad 0) events.
FRAME_STATEMENTS = frozenset({"011", "012", "013", "015", "016", "018"})

_AIR = frozenset({"air", "airstrike", "airstrikes", "aircraft", "plane", "planes", "jet", "jets", "warplane",
                  "warplanes", "drone", "drones", "helicopter", "helicopters", "gunship", "gunships", "aerial",
                  "bomber", "bombers", "air-strike", "air-strikes"})
_SHELL = frozenset({"shell", "shells", "shelling", "artillery", "mortar", "mortars", "rocket", "rockets", "missile",
                    "missiles", "howitzer", "tank", "tanks", "katyusha", "grad"})
_IED = frozenset({"ied", "ieds", "landmine", "landmines", "mine", "mines", "roadside", "explosive", "explosives",
                  "car", "bomb", "bombs", "bombing", "bombings", "device", "booby"})
_SUICIDE = frozenset({"suicide"})
_GRENADE = frozenset({"grenade", "grenades"})
_CIVILIANS = frozenset({"civilian", "civilians", "villager", "villagers", "resident", "residents", "worshipper",
                        "worshippers", "passer", "passers-by", "pedestrian", "pedestrians", "student", "students",
                        "child", "children", "woman", "women", "family", "families", "farmer", "farmers",
                        "journalist", "journalists", "aid", "refugee", "refugees", "civil", "people", "man", "men",
                        "teacher", "teachers", "shopper", "shoppers", "protester", "protesters", "demonstrator",
                        "demonstrators", "mourner", "mourners", "pilgrim", "pilgrims", "patient", "patients"})
_ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "PRM", "COP", "SPY"})


@dataclass(frozen=True, slots=True)
class CodeInfo:
    cameo: str
    plover: str | None
    mode: str | None
    quad_class: int
    goldstein: float


class Ontology:
    """Lookups over the CAMEO/PLOVER tables; build once, then ``info(code)`` and ``acled(...)``."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self._plover: dict[str, tuple[str, str | None]] = {}
        for row in read_tsv(data_dir / "cameo_plover.tsv"):
            code, plover, mode = row[0], row[1], (row[2] if len(row) > 2 else "")
            self._plover.setdefault(code, (plover, mode or None))
        self._goldstein = {row[0]: float(row[1]) for row in read_tsv(data_dir / "goldstein.tsv")}
        self._cache: dict[str, CodeInfo] = {}

    def info(self, code: str) -> CodeInfo:
        hit = self._cache.get(code)
        if hit is None:
            hit = self._cache[code] = self._info(code)
        return hit

    def _info(self, code: str) -> CodeInfo:
        root = code[:2]
        plover, mode = (_PLOVER_OVERRIDES.get(code) or self._plover.get(code) or self._plover.get(code[:3])
                        or (None, None))
        if plover is None:
            plover = _EXTRA_PLOVER.get(code[:3]) or _EXTRA_PLOVER.get(root)
            if plover is None:
                # a root code ("19") or an unknown child: take the root's 0 child
                plover, mode = self._plover.get(root + "0", (None, None))
        goldstein = self._goldstein.get(code[:3], self._goldstein.get(root + "0", 0.0))
        return CodeInfo(code, plover, mode or None, quad_class(code), goldstein)

    def acled(self, code: str, trigger: str, context: frozenset[str], actor_sectors: frozenset[str],
              recipient_sectors: frozenset[str], recipient_words: frozenset[str]) -> tuple[str | None, str | None]:
        """ACLED (event_type, sub_event_type) for a coded event, refined by words around the trigger."""
        c3, root = code[:3], code[:2]
        if root == "14":
            if c3 == "145":
                return "Riots", "Violent demonstration"
            return "Protests", "Peaceful protest"
        if c3 == "173":
            return "Strategic developments", "Arrests"
        if code in ("057", "0871", "0356") or c3 in ("037",):
            return "Strategic developments", "Agreement"
        if c3 == "171":
            return "Strategic developments", "Looting/property destruction"
        if code == "0874":
            return "Strategic developments", "Non-violent transfer of territory"
        if c3 == "175":
            if "OPP" in recipient_sectors or recipient_words & {"protesters", "demonstrators", "protester"}:
                return "Protests", "Excessive force against protesters"
            return "Violence against civilians", "Attack"
        if c3 == "192":
            if actor_sectors & {"REB", "UAF"}:
                return "Battles", "Non-state actor overtakes territory"
            return "Battles", "Government regains territory"
        if root not in ("18", "19", "20"):
            return None, None
        if code == "1831" or (context & _SUICIDE and root in ("18", "19")):
            return "Explosions/Remote violence", "Suicide bomb"
        if code == "2041":
            return "Explosions/Remote violence", "Chemical weapon"
        if code == "1821":
            return "Violence against civilians", "Sexual violence"
        if c3 == "181":
            return "Violence against civilians", "Abduction/forced disappearance"
        if c3 == "195" or context & _AIR:
            return "Explosions/Remote violence", "Air/drone strike"
        if c3 == "194" or context & _SHELL:
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
        if context & _GRENADE:
            return "Explosions/Remote violence", "Grenade"
        if c3 == "183" or context & _IED:
            return "Explosions/Remote violence", "Remote explosive/landmine/IED"
        civilian_target = "CVL" in recipient_sectors or bool(recipient_words & _CIVILIANS)
        armed_target = bool(recipient_sectors & _ARMED_SECTORS)
        if root in ("18", "20") or (civilian_target and not armed_target):
            return "Violence against civilians", "Attack"
        return "Battles", "Armed clash"


def quad_class(code: str) -> int:
    root = int(code[:2]) if code[:2].isdigit() else 0
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3  # reducing relations (sanctions, suspensions) is verbal conflict, as PLOVER's quad table has it
    return 4
