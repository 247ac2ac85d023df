"""The timeline corpus (tests/data/timeline, written for these tests) through the REAL pipeline:
the series, the truce and its breakdown, the factions and the alerts come out as written, on the
right dates. expected.json says what the reports describe."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.analytics import ceasefire as cf
from frontlines.analytics import dyads as dy
from frontlines.analytics import factions as fa
from frontlines.analytics.watch import Watcher, compute_alerts

DATA = Path(__file__).parent / "data" / "timeline"
EXPECTED = json.loads((DATA / "expected.json").read_text())
TRUCE = EXPECTED["truce"]
FACTIONS = EXPECTED["factions"]


def _d(s: str) -> date:
    return date.fromisoformat(s)


@pytest.fixture(scope="module")
def events(pipeline) -> list[dict]:
    from frontlines.ingest import read_paths
    from frontlines.serialize import records_of

    out = []
    for result in pipeline.run(read_paths([DATA / "reports.jsonl"])):
        assert result.ok, result.error  # every report is plain English and must be read
        out += [r for r in records_of(result.annotation) if r["kind"] == "event"]
    assert len(out) > 90
    return out


@pytest.fixture(scope="module")
def alerts(events) -> list[dict]:
    return compute_alerts(events)


def key(name: str) -> str:
    return dy.normalize_name(name)


def test_weekly_fighting_series_as_written(events) -> None:
    spec = EXPECTED["weekly_fighting"]
    pts = dy.dyad_series(events, spec["actor"], spec["vs"], by="week")
    got = {p.period.isoformat(): p.material_conflict for p in pts}
    assert got == spec["counts"]
    balance = {p.period.isoformat(): p.balance for p in pts}
    assert all(balance[w] < 0 for w, n in spec["counts"].items() if n)  # fighting weeks are hostile
    assert balance["2025-03-17"] > 0  # the week of the agreement is cooperative


def test_the_truce_is_found_with_its_parties_date_and_scope(events) -> None:
    statuses = cf.monitor(events)
    assert len(statuses) == 1, [s.to_json() for s in statuses]
    st = statuses[0]
    assert set(st.truce.parties) == {key(p) for p in TRUCE["parties"]}
    assert st.truce.declared == _d(TRUCE["declared"])
    assert st.truce.scope == TRUCE["scope"]
    assert st.baseline_weekly == pytest.approx(4.0)  # 8 clashes in the 14 days before it


def test_breakdown_within_the_first_week_of_sustained_violations(events) -> None:
    [st] = cf.monitor(events)
    assert st.status == "broken" and st.escalated
    first = _d(TRUCE["first_violation"])
    assert st.violations[0].day == first
    assert first <= st.breakdown_date <= _d(TRUCE["breakdown_by"])
    # violations are attributed to the parties, and a third party's clash with the army is not one
    parties = {key(p) for p in TRUCE["parties"]}
    assert all({dy.normalize_name(v.attacker), dy.normalize_name(v.target)} <= parties for v in st.violations)
    third = {key(p) for p in EXPECTED["third_parties"]}
    assert not any(v.target in third or v.attacker in third for v in st.violations)


def test_no_alert_while_the_truce_holds(alerts) -> None:
    lo, hi = TRUCE["holds"]
    during = [a for a in alerts if lo <= a["date"] <= hi]
    assert during == []


def test_alerts_come_on_the_right_dates(alerts) -> None:
    by_kind = defaultdict(list)
    for a in alerts:
        by_kind[a["kind"]].append(a)
    assert by_kind["ceasefire_violation"][0]["date"] == TRUCE["first_violation"]
    [breakdown] = by_kind["ceasefire_breakdown"]
    assert TRUCE["first_violation"] <= breakdown["date"] <= TRUCE["breakdown_by"]
    escalation = [a for a in by_kind["dyad_escalation"] if set(a["parties"]) == {key(p) for p in TRUCE["parties"]}]
    assert escalation and TRUCE["first_violation"] <= escalation[0]["date"] <= TRUCE["breakdown_by"]
    blocs = sorted(sorted(key(m) for m in b) for b in FACTIONS["after"]["blocs"])
    splits = [a for a in by_kind["faction_split"]
              if sorted(sorted(set(p) & {key(m) for m in FACTIONS["members"]}) for p in a["into"]) == blocs]
    # the split is raised when its first pairs turn hostile; a later alert may only add new hostile pairs
    assert splits and FACTIONS["drift_starts"] <= splits[0]["date"] <= FACTIONS["split_by"]
    pairs = [tuple(p) for a in splits for p in a["hostile"]]
    assert len(pairs) == len(set(pairs)), "a hostile pair was alerted twice"


def _faction_map(events: list[dict], until: str) -> dict[str, frozenset[str]]:
    end = _d(until)
    g = fa.alignment_graph(events, since=date.fromordinal(end.toordinal() - 29), until=end)
    found = fa.detect_factions(g)
    return {key(m): fa.faction_of(found, key(m)) or frozenset() for m in FACTIONS["members"]}


@pytest.mark.parametrize("phase", ["before", "after"])
def test_factions_recovered(events, phase) -> None:
    spec = FACTIONS[phase]
    where = _faction_map(events, spec["until"])
    members = {key(m) for m in FACTIONS["members"]}
    for bloc in spec["blocs"]:
        ks = [key(m) for m in bloc]
        assert len({where[k] for k in ks}) == 1, (phase, bloc, where)  # together
        assert where[ks[0]] & members == set(ks)  # and with nobody from the other bloc


def test_truce_parties_are_not_one_faction_after_the_breakdown(events) -> None:
    g = fa.alignment_graph(events, since=_d("2025-04-19"), until=_d("2025-05-18"))
    found = fa.detect_factions(g)
    a, b = (key(p) for p in TRUCE["parties"])
    assert fa.faction_of(found, a) != fa.faction_of(found, b)
    assert g[a][b]["balance"] < 0


def _weekly_files(tmp: Path) -> list[list[str]]:
    """The reports, grouped by ISO week, as the lines of one JSONL file per week."""
    weeks: dict[str, list[str]] = defaultdict(list)
    for line in (DATA / "reports.jsonl").read_text().splitlines():
        day = _d(json.loads(line)["date"])
        weeks[dy.period_start(day, "week").isoformat()].append(line)
    return [weeks[w] for w in sorted(weeks)]


def test_watch_raises_each_alert_once_as_the_weeks_arrive(pipeline, tmp_path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    watcher = Watcher(pipeline, [str(inbox)])
    assert watcher.cycle() == []  # nothing there yet
    emitted: dict[str, list[dict]] = {}
    for lines in _weekly_files(tmp_path):
        week = dy.period_start(_d(json.loads(lines[0])["date"]), "week").isoformat()
        (inbox / f"{week}.jsonl").write_text("\n".join(lines) + "\n")
        emitted[week] = watcher.cycle()
        assert watcher.cycle() == []  # the same files again: nothing new
    lo, hi = TRUCE["holds"]
    quiet = [a for w, got in emitted.items() if lo <= w <= hi for a in got]
    assert quiet == []  # no alert while the truce holds
    breakdown_week = dy.period_start(_d(TRUCE["first_violation"]), "week").isoformat()
    kinds = {a["kind"] for a in emitted[breakdown_week]}
    assert {"ceasefire_violation", "ceasefire_breakdown", "dyad_escalation"} <= kinds
    everything = [a for got in emitted.values() for a in got]
    assert len({a["alert_id"] for a in everything}) == len(everything)  # raised once each
    assert any(a["kind"] == "faction_split" for a in everything)
    assert not watcher.errors


def test_watch_cli_writes_alert_lines(pipeline, resources, tmp_path, monkeypatch) -> None:
    import frontlines.resources

    monkeypatch.setattr(frontlines.resources, "load_resources", lambda *a, **k: resources)
    inbox = tmp_path / "feed"
    inbox.mkdir()
    (inbox / "all.jsonl").write_text((DATA / "reports.jsonl").read_text())
    out = tmp_path / "alerts.jsonl"
    from frontlines.cli import cli

    r = CliRunner().invoke(cli, ["watch", str(inbox), "--once", "-o", str(out)])
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert {a["kind"] for a in lines} >= {"ceasefire_violation", "ceasefire_breakdown", "faction_split"}
    assert [a["date"] for a in lines] == sorted(a["date"] for a in lines)
    # a restarted watch over the same documents appends nothing
    r = CliRunner().invoke(cli, ["watch", str(inbox), "--once", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert len(out.read_text().splitlines()) == len(lines)


def test_watch_reads_a_feed(pipeline, tmp_path) -> None:
    """An RSS file that grows: new items are processed, old ones are not read twice."""
    reports = [json.loads(x) for x in (DATA / "reports.jsonl").read_text().splitlines()]

    def write_feed(items: list[dict]) -> None:
        body = "".join(
            f"<item><title>{r['title']}</title><link>https://example.org/{r['id']}</link><guid>{r['id']}</guid>"
            f"<pubDate>{_d(r['date']).strftime('%a, %d %b %Y')} 08:00:00 GMT</pubDate>"
            f"<description>{r['text']}</description></item>" for r in items)
        (tmp_path / "wire.rss").write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>')

    truce_day = TRUCE["declared"]
    holding = [r for r in reports if r["date"] <= TRUCE["holds"][1]]
    write_feed(holding)
    watcher = Watcher(pipeline, [str(tmp_path / "wire.rss")])
    first = watcher.cycle()
    assert not [a for a in first if a["date"] >= truce_day]
    write_feed(reports)
    later = watcher.cycle()
    assert any(a["kind"] == "ceasefire_breakdown" for a in later)
    assert len(watcher._docs) == len(reports)


def test_store_backed_commands(pipeline, tmp_path) -> None:
    """The commands read the store by default; its cross-report dedupe merges some same-dyad clashes on
    consecutive days, so only the headline outcomes are asserted here, not the exact series."""
    from frontlines.cli import cli
    from frontlines.ingest import read_paths
    from frontlines.store import open_store

    url = f"sqlite:///{tmp_path / 'timeline.db'}"
    with open_store(url) as store:
        for result in pipeline.run(read_paths([DATA / "reports.jsonl"])):
            store.add(result.annotation)
    run = CliRunner().invoke
    r = run(cli, ["ceasefires", "--db", url, "--format", "json"])
    assert r.exit_code == 0, r.output
    [truce] = json.loads(r.output)
    assert truce["declared"] == TRUCE["declared"] and truce["status"] == "broken"
    assert TRUCE["first_violation"] <= truce["breakdown_date"] <= TRUCE["breakdown_by"]
    r = run(cli, ["ceasefires", "--db", url, "--alerts", "--format", "json"])
    lo, hi = TRUCE["holds"]
    assert not [a for a in json.loads(r.output) if lo <= a["date"] <= hi]
    r = run(cli, ["factions", "--db", url, "--window", "30d", "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = [row for row in json.loads(r.output) if "members" in row]
    for bloc in FACTIONS["after"]["blocs"]:
        ks = {key(m) for m in bloc}
        assert any(ks <= set(row["members"]) for row in rows), (bloc, rows)


def test_who_turned_hostile_between_the_windows(events) -> None:
    def window(until: str) -> tuple:
        end = _d(until)
        g = fa.alignment_graph(events, since=date.fromordinal(end.toordinal() - 29), until=end)
        return g, fa.detect_factions(g)

    change = fa.compare(*window(FACTIONS["before"]["until"]), *window(FACTIONS["after"]["until"]))
    first, second = ({key(m) for m in bloc} for bloc in FACTIONS["after"]["blocs"])
    cross = {frozenset((a, b)) for a in first for b in second}
    assert {frozenset(h["pair"]) for h in change["hostile"]} >= cross
    assert not {frozenset(c["pair"]) for c in change["closer"]} & cross
