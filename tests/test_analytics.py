"""Analytics on hand-made event dicts (the JSON contract): dyads, factions, ceasefires, alerts, plots, CLI."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import networkx as nx
import pytest
from click.testing import CliRunner

from frontlines.analytics import ceasefire as cf
from frontlines.analytics import dyads as dy
from frontlines.analytics import factions as fa
from frontlines.analytics.watch import compute_alerts
from frontlines.cli import cli
from frontlines.errors import ConfigError

QUAD = {"190": (4, -10.0, "ASSAULT"), "194": (4, -10.0, "ASSAULT"), "112": (3, -2.0, "ACCUSE"),
        "040": (1, 1.0, "CONSULT"), "057": (2, 8.0, "AGREE"), "0871": (2, 9.0, "RETREAT"),
        "0256": (1, 3.0, "REQUEST"), "051": (1, 3.4, "SUPPORT")}
START = date(2024, 1, 1)  # a Monday
LONG = {"A": "Amal", "B": "Bani", "C": "Cedar", "D": "Dune"}


def ev(day: int, cameo: str, src: str | list[str], tgt: str | list[str] | None = None, *, text: str = "",
       factuality: str | None = None, killed: int | None = None, country: str | None = None,
       sector: str | None = None, negated: bool = False) -> dict:
    qc, g, plover = QUAD[cameo]
    d = (START + timedelta(days=day)).isoformat()
    srcs = [src] if isinstance(src, str) else src
    tgts = [] if tgt is None else ([tgt] if isinstance(tgt, str) else tgt)

    def actor(n: str) -> dict:
        n = re.sub(r"\b[ABCD]\b", lambda m: LONG[m.group(0)], n)  # one letter would read as an article
        # a sector marks these one-letter names as actors (an uncoded phrase needs a proper name)
        return {"text": n, "start": 0, "end": len(n), "name": n, "country": country, "sector": sector or "REB",
                "code": None}

    return {"kind": "event", "event_id": f"e{day}-{cameo}-{src}-{tgt}", "doc_date": d,
            "date": {"start": d, "end": d, "precision": "day"}, "cameo": cameo, "plover": plover,
            "quad_class": qc, "goldstein": g, "actors": [actor(n) for n in srcs],
            "recipients": [actor(n) for n in tgts], "evidence": {"text": text or f"{src} {cameo} {tgt}"},
            "factuality": factuality, "negated": negated,
            "fatalities": {"best": killed} if killed is not None else None}


# ---------------------------------------------------------------- names and weights

@pytest.mark.parametrize("text,key", [
    ("Nile Liberation Front fighters near Tawila", "nile liberation front"),
    ("the Nile Liberation Front", "nile liberation front"),
    ("Leaders of the Kassala Popular Front", "kassala popular front"),
    ("the army's positions", "army"),
    ("Popular Front for the Liberation of Palestine", "popular front for the liberation of palestine"),
    ("the Free Tribes Council of betrayal", "free tribes council"),
    ("Unidentified gunmen", "unidentified gunmen"),
    ("five soldiers", "soldiers"),
])
def test_normalize_name(text: str, key: str) -> None:
    assert dy.normalize_name(text) == key


def test_actor_keys_levels_and_conjunctions() -> None:
    a = {"text": "Sudanese army troops", "name": "Sudan", "country": "SDN", "sector": "MIL REB", "code": "SDNMIL"}
    assert dy.actor_keys(a, "country") == ["SDN"]
    assert dy.actor_keys(a, "sector") == ["SDN MIL"]
    # a code that only found the country keeps the group's own words
    assert dy.actor_keys(a, "name") == ["sudanese army"]
    named = {"text": "the Taliban", "name": "Taliban", "country": "AFG", "sector": "REB", "code": "AFGREB"}
    assert dy.actor_keys(named, "name") == ["taliban"]
    both = {"text": "The Sudanese army and the Nile Liberation Front", "name": None}
    assert dy.actor_keys(both) == ["sudanese army", "nile liberation front"]
    assert dy.actor_keys({"text": "Justice and Equality Movement"}) == ["justice and equality movement"]
    assert dy.actor_keys({"text": "joint patrols on the Gedaref highway"}) == []  # not an actor
    assert dy.actor_keys({"text": "March 14", "name": "March"}) == []
    assert dy.actor_keys({"text": "a ceasefire in North Darfur", "name": "ceasefire", "country": "SDN"}) == []
    with pytest.raises(ConfigError):
        dy.actor_keys(a, "planet")


def test_weights_parse_and_apply() -> None:
    w = dy.parse_weights("speculated=0,reported=0.5")
    assert w["speculated"] == 0 and w["reported"] == 0.5 and w["asserted"] == 1
    assert dy.event_weight(ev(0, "190", "A", "B", factuality="reported"), w) == 0.5
    assert dy.event_weight(ev(0, "190", "A", "B", negated=True), w) == 0
    with pytest.raises(ConfigError):
        dy.parse_weights("rumoured=1")
    with pytest.raises(ConfigError):
        dy.parse_weights("speculated")


def test_event_day_prefers_report_day_for_vague_ranges() -> None:
    e = ev(3, "190", "A", "B")
    e["date"] = {"start": "2023-12-28", "end": "2024-01-04", "precision": "week"}
    assert dy.event_day(e) == date(2024, 1, 4)
    e["date"] = {"start": "2023-12-20", "end": "2023-12-20", "precision": "day"}
    assert dy.event_day(e) == date(2023, 12, 20)
    e["date"], e["doc_date"] = None, None
    e["mentions"] = [{"doc_date": "2024-02-02"}, {"doc_date": "2024-02-01"}]
    assert dy.event_day(e) == date(2024, 2, 1)


# ---------------------------------------------------------------- dyads

def test_dyad_series_weekly_counts_balance_and_fatalities() -> None:
    events = [ev(0, "190", "A fighters", "B positions", killed=3), ev(2, "194", "B", "A", killed=2),
              ev(8, "040", "A leaders", "B"), ev(9, "190", "A", "C"),
              ev(10, "190", "A", "B", factuality="speculated"), ev(23, "057", "A", "B")]
    pts = dy.dyad_series(events, "Amal", "Bani", by="week")
    assert [p.period for p in pts] == [START + timedelta(days=7 * i) for i in range(4)]
    w0, w1, w2, w3 = pts
    assert (w0.events, w0.conflict, w0.material_conflict, w0.fatalities, w0.balance) == (2, 2, 2, 5, -20)
    assert (w1.cooperation, w1.conflict) == (1, 0.5)  # speculated counts half by default
    assert w1.balance == pytest.approx(1 - 5)
    assert w2.events == 0  # a quiet week is a zero, not a gap
    assert w3.balance == 8
    pts = dy.dyad_series(events, "Amal", "Bani", weights=dy.parse_weights("speculated=0"))
    assert pts[1].conflict == 0
    # every partner of A when --vs is left out
    partners = {p.partner for p in dy.dyad_series(events, "Amal")}
    assert partners == {"bani", "cedar"}
    days = dy.dyad_series(events, "Amal", "Bani", by="day", fill=False)
    assert [p.period.day for p in days] == [1, 3, 9, 11, 24]


def test_escalation_needs_history_and_fires_on_the_crossing_day() -> None:
    events = [ev(d, "190", "A", "B") for d in (0, 1, 2, 3)]  # week 0: no history: no alert
    events += [ev(7, "190", "A", "B")]  # week 1: one clash
    events += [ev(d, "190", "A", "B") for d in (21, 22, 24, 25)]  # week 3 after a quiet week
    # week 3 against history [0, 1, 4]: mean 1.67, sd 1.70
    assert dy.escalations(events, baseline_periods=4, min_history=2, k=2.0, min_events=3) == []  # 4 < 5.07
    alerts = dy.escalations(events, min_history=2, k=1.0)  # threshold 3.37: crossed by the 4th clash
    assert [a["date"] for a in alerts] == ["2024-01-26"]
    alerts = dy.escalations(events, min_history=2, k=0.5)  # threshold max(3, 2.52): the 3rd clash
    assert [a["date"] for a in alerts] == ["2024-01-25"]
    assert alerts[0]["parties"] == ["amal", "bani"] and len(alerts[0]["event_ids"]) == 3
    assert dy.escalations(events, min_history=4, k=0.5) == []  # too little history


# ---------------------------------------------------------------- factions

def _two_blocs(start: int, hostile: bool) -> list[dict]:
    out = []
    for i, (a, b) in enumerate([("A", "B"), ("C", "D"), ("A", "C"), ("B", "D"), ("A", "D"), ("B", "C")]):
        cross = a in "AB" and b in "CD"
        out.append(ev(start + i, "190" if (cross and hostile) else "057", a, b))
        out.append(ev(start + i + 1, "040", a, b))
    return out


def test_factions_recovered_and_change_reported() -> None:
    before = _two_blocs(0, hostile=False)
    after = _two_blocs(40, hostile=True)
    g0 = fa.alignment_graph(before + after, until=START + timedelta(days=30))
    f0 = fa.detect_factions(g0)
    assert f0 == [frozenset({"amal", "bani", "cedar", "dune"})]
    g1 = fa.alignment_graph(before + after, since=START + timedelta(days=31))
    f1 = fa.detect_factions(g1)
    assert sorted(map(sorted, f1)) == [["amal", "bani"], ["cedar", "dune"]]
    change = fa.compare(g0, f0, g1, f1)
    assert {tuple(h["pair"]) for h in change["hostile"]} == {
        ("amal", "cedar"), ("amal", "dune"), ("bani", "cedar"), ("bani", "dune")}
    assert change["splits"] == [{"faction": ["amal", "bani", "cedar", "dune"],
                                 "into": [["amal", "bani"], ["cedar", "dune"]]}]
    wins = fa.windows(before + after, window_days=20, step_days=10)
    alerts = fa.faction_alerts(wins)
    assert len(alerts) == 1 and alerts[0]["into"] == [["amal", "bani"], ["cedar", "dune"]]
    assert alerts[0]["date"] >= (START + timedelta(days=40)).isoformat()


def test_halves_that_still_cooperate_are_no_split_alert() -> None:
    together = _two_blocs(0, hostile=False)
    # denser halves: modularity alone cuts them apart, but they still cooperate across: one faction
    halves = [ev(d, "057", a, b) for d in (30, 31, 32) for a, b in (("A", "B"), ("C", "D"))]
    halves += [ev(33, "040", "A", "C"), ev(34, "040", "B", "D")]
    wins = fa.windows(together + halves, window_days=20, step_days=10)
    g = wins[-1].graph
    pos = nx.Graph([(a, b, {"weight": d["balance"]}) for a, b, d in g.edges(data=True)])
    assert len(nx.community.greedy_modularity_communities(pos, weight="weight")) == 2
    assert wins[-1].factions == [frozenset({"amal", "bani", "cedar", "dune"})]
    assert fa.faction_alerts(wins) == []
    later = [ev(45, "190", "A", "C"), ev(46, "190", "D", "B"), ev(47, "112", "B", "C")]
    alerts = fa.faction_alerts(fa.windows(together + halves + later, window_days=20, step_days=10))
    assert [a["into"] for a in alerts] == [[["amal", "bani"], ["cedar", "dune"]]]


def test_signed_refinement_separates_enemies_joined_by_a_mediator() -> None:
    events = [ev(0, "051", "Mediator", "A"), ev(1, "051", "Mediator", "B"), ev(2, "190", "A", "B"),
              ev(3, "190", "B", "A")]
    factions = fa.detect_factions(fa.alignment_graph(events))
    assert fa.faction_of(factions, "amal") != fa.faction_of(factions, "bani")


# ---------------------------------------------------------------- ceasefires

def _truce_story(violation_days: tuple[int, ...] = (40, 41, 43, 45)) -> list[dict]:
    events = [ev(d, "190", "A fighters", "B positions", killed=2) for d in (0, 2, 4, 7, 9, 11)]
    events.append(ev(12, "0256", "Mediators", ["A", "B"], text="Mediators urged A and B to accept a ceasefire."))
    events.append(ev(14, "057", "A and the B", text="A and the B agreed to a ceasefire in Kassala province."))
    events.append(ev(15, "057", ["A", "B"], text="The truce between A and B took effect nationwide."))
    events.append(ev(20, "190", "A", "C"))  # a third party: not a violation
    events.append(ev(22, "112", "A", "B", text="A accused B of violating the ceasefire."))  # words only
    events += [ev(d, "190", "B", "A forces") for d in violation_days]
    return events


def test_truce_found_with_parties_scope_and_merged_reports() -> None:
    truces = cf.find_truces(_truce_story())
    assert len(truces) == 1
    t = truces[0]
    assert t.parties == ("amal", "bani") and t.declared == START + timedelta(days=14)
    assert t.scope == "Kassala province" and len(t.event_ids) == 2


def test_requests_rejections_and_negated_declarations_are_not_truces() -> None:
    events = [ev(0, "0256", "UN", ["A", "B"], text="The UN urged A and B to agree a truce."),
              ev(1, "057", "A and the B", text="A and the B agreed to a ceasefire.", negated=True),
              ev(2, "057", "A and the B", text="A and the B may agree a ceasefire.", factuality="hypothetical"),
              ev(3, "057", "A and the B", text="A and the B agreed to share water.")]
    events.append(ev(4, "0871", ["A", "B"], text="The UN urged A and B to accept a ceasefire."))
    events.append(ev(5, "0871", ["A", "B"], text="A and B rejected calls for a truce."))
    assert cf.find_truces(events) == []
    assert cf.is_declaration(ev(6, "0871", "A", "B"))
    assert cf.is_declaration(ev(7, "057", ["A", "B"], text="A and B agreed to a truce proposed by the UN."))


def test_one_truce_from_reports_naming_extra_parties() -> None:
    events = [ev(0, "057", ["A", "B"], text="A and B agreed to a ceasefire."),
              ev(0, "0871", ["A", "B"], "Darfur", text="A and B agreed to a ceasefire in Darfur."),
              ev(1, "0871", ["B", "A"], text="B and A declared a truce."),
              ev(30, "0871", ["A", "C"], text="A and C declared a truce.")]
    truces = cf.find_truces(events)
    assert [(t.declared.day, t.parties, len(t.event_ids)) for t in truces] == [
        (1, ("amal", "bani"), 3), (31, ("amal", "cedar"), 1)]


def test_breakdown_rule_dates() -> None:
    [st] = cf.monitor(_truce_story())
    assert st.baseline_weekly == pytest.approx(6 * 7 / 14)
    assert st.status == "broken"
    # window of 7 days: 40, 41 (2 violations), 43 -> 3 violations on 3 days >= 0.5 * 3 per week
    assert st.breakdown_date == START + timedelta(days=43)
    assert st.escalated is True  # 4 violations in a week against a pre-truce 3 per week
    assert [v.day for v in st.violations] == [START + timedelta(days=d) for d in (40, 41, 43, 45)]
    assert st.violations[0].attacker == "bani" and st.violations[0].target == "amal"


def test_isolated_violations_do_not_break_a_truce() -> None:
    [st] = cf.monitor(_truce_story((30, 50, 70)))
    assert st.status == "violated" and st.breakdown_date is None and st.escalated is False
    alerts = cf.ceasefire_alerts([st])
    assert [a["kind"] for a in alerts] == ["ceasefire_violation"] * 3


def test_holding_truce_raises_nothing() -> None:
    events = _truce_story(())
    [st] = cf.monitor(events)
    assert st.status == "holding"
    assert [a for a in compute_alerts(events) if a["date"] > (START + timedelta(days=14)).isoformat()] == []


def test_alerts_are_dated_and_ids_stable() -> None:
    events = _truce_story()
    a1 = compute_alerts(events)
    a2 = compute_alerts(list(reversed(events)))
    assert [a["alert_id"] for a in a1] == [a["alert_id"] for a in a2]
    kinds = {(a["kind"], a["date"]) for a in a1}
    assert ("ceasefire_breakdown", "2024-02-13") in kinds
    assert ("ceasefire_violation", "2024-02-10") in kinds
    assert all(a["message"] for a in a1)


# ---------------------------------------------------------------- plots and CLI

def test_plots_write_png_and_svg(tmp_path) -> None:
    from frontlines.analytics import plots

    events = _truce_story()
    pts = dy.dyad_series(events, "Amal", "Bani")
    png = plots.plot_dyad(pts, tmp_path / "d.png", marks=[(START + timedelta(days=14), "truce")])
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    svg = plots.plot_factions(fa.alignment_graph(_two_blocs(0, True)), [frozenset({"amal", "bani"}), frozenset({"cedar", "dune"})],
                              tmp_path / "f.svg")
    assert "<svg" in svg.read_text()[:500]
    [st] = cf.monitor(events)
    assert plots.plot_ceasefire(st, tmp_path / "c.png").stat().st_size > 10_000
    with pytest.raises(ConfigError):
        plots.plot_dyad(pts, tmp_path / "d.jpg")


@pytest.fixture
def events_file(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in _truce_story() + _two_blocs(30, True)))
    return path


def test_cli_dyads_ceasefires_factions(events_file, tmp_path) -> None:
    run = CliRunner().invoke
    r = run(cli, ["dyads", "--events", str(events_file), "--actor", "Amal", "--vs", "Bani", "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert rows[0]["period"] == "2024-01-01" and rows[0]["material_conflict"] == 3
    r = run(cli, ["ceasefires", "--events", str(events_file), "--format", "json"])
    assert r.exit_code == 0, r.output
    [truce] = json.loads(r.output)
    assert truce["status"] == "broken" and truce["breakdown_date"] == "2024-02-13"
    r = run(cli, ["ceasefires", "--events", str(events_file), "--alerts", "--format", "jsonl"])
    assert "ceasefire_breakdown" in r.output
    r = run(cli, ["factions", "--events", str(events_file), "--window", "20d", "--plot", str(tmp_path / "f.png")])
    assert r.exit_code == 0, r.output
    assert "turned hostile" in r.output and (tmp_path / "f.png").exists()
    r = run(cli, ["plot", "dyad", "--events", str(events_file), "--actor", "Amal", "--vs", "Bani", "-o",
                  str(tmp_path / "d.svg")])
    assert r.exit_code == 0, r.output and (tmp_path / "d.svg").exists()
    r = run(cli, ["factions", "--events", str(events_file), "--window", "zero"])
    assert r.exit_code != 0 and "duration" in r.output
