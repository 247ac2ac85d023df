"""End-to-end: Debian's Chromium (headless, never a downloaded browser) drives the dashboard that
``create_app`` serves over a real SQLite store on 127.0.0.1.

Screenshots go to ``$FRONTLINES_SCREENSHOT_DIR`` (CI keeps them as artefacts), else a tmp dir.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

import eventdata
from frontlines.api import create_app, static_dir

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    if not (static_dir() / "index.html").is_file():
        pytest.fail("dashboard assets missing: run `make setup` (npm ci in web/)")
    import uvicorn

    store = eventdata.build_store(str(tmp_path_factory.mktemp("dash") / "events.db"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    out = Path(os.environ.get("FRONTLINES_SCREENSHOT_DIR") or tmp_path_factory.mktemp("screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    return out


class Page:
    """A loaded dashboard page that records every request and page error."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
        self.requests: list[str] = []
        self.external: list[str] = []
        self.errors: list[str] = []
        # every request goes through here: local ones continue, anything else is recorded and refused
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(base + "/")
        self.wait_loaded()

    def _route(self, route) -> None:
        url = route.request.url
        self.requests.append(url)
        if url.startswith(self.base + "/") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def wait_loaded(self) -> None:
        self.page.wait_for_selector("body[data-ready='1'][data-loading='0']", timeout=20000)

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def rows(self) -> list[list[str]]:
        return self.js("""() => [...document.querySelectorAll('#events-table tbody tr')]
                                  .map(tr => [...tr.cells].map(td => td.textContent.trim()))""")

    def event_id(self, place: str) -> str:
        return self.js("p => frontlines.events.find(e => e.location && e.location.name === p).canonical_id", place)

    def click_point(self, event_id: str) -> None:
        """Click where the event shows on the map: into its cluster until the point itself is there."""
        for _ in range(8):
            self.page.wait_for_function("id => !!frontlines.screenPoint(id)", arg=event_id, timeout=10000)
            pt = self.js("id => frontlines.screenPoint(id)", event_id)
            moves = self.js("() => frontlines.moves")
            self.page.mouse.click(pt["x"], pt["y"])
            if not pt["clustered"]:
                return
            # the cluster zooms in (the map fires moveend) or spreads its points out (spiderfy)
            self.page.wait_for_function("n => frontlines.moves > n || !!frontlines.clusters._spiderfied", arg=moves)
            self.page.wait_for_timeout(100)
        raise AssertionError("the point stayed clustered")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def page(browser, server):
    p = Page(browser, server)
    yield p
    p.close()
    assert p.external == [], f"requests left 127.0.0.1: {p.external}"
    assert p.errors == [], p.errors


def test_page_loads_map_timeline_table(page, shots):
    assert page.page.inner_text("#summary").startswith("33 events match")
    assert len(page.rows()) == 33
    # 32 located events: drawn as points or inside clusters; the dense Donetsk reports cluster
    clusters = page.js("() => [...document.querySelectorAll('.marker-cluster-fl')].map(e => +e.textContent)")
    points = page.page.locator("path.ev-marker").count()
    assert clusters and max(clusters) >= 10
    assert points + sum(clusters) == 32
    assert page.page.locator("#timeline canvas").count() == 1
    legend = page.page.inner_text("#legend-types")
    for t in ("ASSAULT", "PROTEST", "AGREE", "MOBILIZE"):
        assert t in legend
    # the basemap is the offline Natural Earth outlines
    assert page.page.locator(".leaflet-basemap-pane path").count() > 100
    # the overview lists the factions the analytics found
    page.page.locator("#factions li").first.wait_for()
    assert "kurdistan regional government" in page.page.inner_text("#factions li")
    assert any("/static/vendor/world-atlas/countries-50m.json" in u for u in page.requests)
    page.page.screenshot(path=str(shots / "dashboard-overview.png"))


def test_filter_by_type(page):
    page.page.select_option("#f-type", "PROTEST")
    page.wait_loaded()
    assert page.page.inner_text("#summary").startswith("1 events match")
    (row,) = page.rows()
    assert row[1] == "PROTEST" and row[4] == "Khartoum, SDN"
    assert page.page.locator("path.ev-marker").count() == 1
    api = [u for u in page.requests if "/api/v1/events?" in u][-1]
    assert parse_qs(urlparse(api).query)["event_type"] == ["PROTEST"]
    page.page.click("#reset-filters")
    page.wait_loaded()
    assert len(page.rows()) == 33


def test_brush_the_timeline_filters_map_and_table(page, shots):
    box = page.page.locator("#timeline .u-over").bounding_box()
    y = box["y"] + box["height"] / 2
    # drag across roughly the first half of February (the timeline runs 1 Feb - 20 Mar)
    page.page.mouse.move(box["x"] + 2, y)
    page.page.mouse.down()
    page.page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=8)
    page.page.mouse.up()
    label = page.page.locator("#brush-label")
    label.wait_for(state="visible")
    start, end = label.inner_text().split(":")[0].split(" → ")
    rows = page.rows()
    assert 5 <= len(rows) < 33
    assert all(start <= r[0] <= end for r in rows), (start, end, [r[0] for r in rows])
    assert start.startswith("2024-02") and end.startswith("2024-02")
    visible = page.js("() => frontlines.visible.length")
    assert visible == len(rows)
    shown = page.js("() => frontlines.clusters.getLayers().length")
    assert shown == visible  # every brushed event is located, and only those are on the map
    page.page.screenshot(path=str(shots / "dashboard-brushed.png"))
    page.page.click("#brush-clear")
    assert len(page.rows()) == 33 and not label.is_visible()


def test_click_a_point_shows_its_highlighted_sentences(page, shots):
    mosul = page.event_id("Mosul")
    page.click_point(mosul)
    panel = page.page.locator("#panel")
    panel.locator("blockquote.sentence").first.wait_for()
    assert "ASSAULT" in panel.locator("h3").inner_text()
    sentences = panel.locator("blockquote.sentence").all_inner_texts()
    assert len(sentences) == 2  # two outlets reported it
    assert any(s.startswith("Islamic State militants attacked an army checkpoint near Mosul") for s in sentences)
    marks = page.js("""() => [...document.querySelectorAll('#panel blockquote mark')]
                              .map(m => [m.className, m.textContent])""")
    assert sorted(t for c, t in marks if c == "hl-trigger") == ["attacked", "stormed"]
    assert {t for c, t in marks if c == "hl-place"} == {"Mosul"}
    assert ["hl-fatalities", "four"] in marks
    assert ["hl-attribution", "the Iraqi defence ministry"] in marks
    badges = panel.locator(".badges").inner_text()
    assert "asserted" in badges and "2 sources" in badges and "according to Iraqi defence ministry" in badges
    selected = page.page.locator("#events-table tr.selected")
    assert selected.count() == 1 and "Mosul" in selected.inner_text()
    # the analytics panel charts this dyad (islamic state militants <-> army) week by week
    page.page.locator("#dyad-chart canvas").wait_for()
    assert "islamic state militants ↔ army" in page.page.inner_text("#dyad .dyad-names")
    assert "1 conflict" in page.page.inner_text("#dyad")
    page.page.screenshot(path=str(shots / "dashboard-event.png"))


def test_table_row_opens_the_event_and_finds_it_on_the_map(page):
    page.page.click("#events-table tbody tr:has-text('Kharkiv')")
    panel = page.page.locator("#panel blockquote.sentence")
    panel.wait_for()
    assert panel.inner_text().startswith("Russian forces shelled Kharkiv overnight")
    assert panel.locator("mark.hl-trigger").inner_text() == "shelled"
    assert "reported" in page.page.inner_text("#panel .badges")
    pt = page.js("id => frontlines.screenPoint(id)", page.event_id("Kharkiv"))
    assert pt and not pt["clustered"]  # the map zoomed to the point itself


def test_speculated_events_look_different(page):
    page.page.select_option("#f-factuality", "speculated")
    page.wait_loaded()
    spec = page.page.locator("path.ev-marker")
    assert spec.count() == 1
    assert spec.get_attribute("stroke-dasharray") == "4 3" and float(spec.get_attribute("fill-opacity")) < 0.1
    assert "ev-f-speculated" in spec.get_attribute("class")
    page.page.select_option("#f-factuality", "asserted")
    page.wait_loaded()
    solid = page.page.locator("path.ev-marker").first
    assert solid.get_attribute("stroke-dasharray") is None and float(solid.get_attribute("fill-opacity")) > 0.5


def test_export_csv_and_geojson(page):
    with page.page.expect_download() as dl:
        page.page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text())))
    assert len(rows) == 33
    khartoum = next(r for r in rows if r["location"] == "Khartoum")
    assert (khartoum["event_type"], khartoum["latitude"], khartoum["longitude"]) == ("PROTEST", "15.55", "32.53")
    idlib = next(r for r in rows if r["location"] == "Idlib")
    assert idlib["fatalities"] == "12" and idlib["evidence"].startswith("Government warplanes bombed a market")
    with page.page.expect_download() as dl:
        page.page.click("#export-geojson")
    fc = json.loads(Path(dl.value.path()).read_text())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 33
    kobani = next(f for f in fc["features"] if f["properties"]["location"] == "Kobani")
    assert kobani["geometry"]["coordinates"] == [38.35, 36.89] and kobani["properties"]["factuality"] == "speculated"


def test_reports_from_the_same_town_can_each_be_clicked(page):
    # two Bakhmut reports share coordinates: the cluster spreads them out instead of stacking them
    massed = page.js("""() => frontlines.events.find(e => e.location && e.location.name === 'Bakhmut'
                                                          && e.plover === 'MOBILIZE').canonical_id""")
    page.click_point(massed)
    panel = page.page.locator("#panel blockquote.sentence")
    panel.wait_for()
    assert panel.inner_text().startswith("Troops massed near Bakhmut")
    assert panel.locator("mark.hl-trigger").inner_text() == "massed"


def test_api_docs_page_works_offline(page):
    with page.context.expect_page() as opened:
        page.page.click("header nav a")  # the header's API link opens the docs in a new tab
    docs = opened.value
    docs.on("pageerror", lambda e: page.errors.append(str(e)))
    docs.wait_for_selector(".opblock-summary-path", timeout=20000)
    paths = {p.strip() for p in docs.locator(".opblock-summary-path").all_inner_texts()}
    assert {"/api/v1/events", "/api/v1/events/{event_id}", "/api/v1/dyads"} <= {p.replace("\u200b", "") for p in paths}
    assert any("/static/vendor/swagger-ui/swagger-ui-bundle.js" in u for u in page.requests)


def test_filter_panel_dates_actor_country_and_sources(page):
    form = page.page
    form.fill("#f-from", "2024-03-01")
    form.fill("#f-to", "2024-03-12")
    form.click("#apply")
    page.wait_loaded()
    dates = [r[0] for r in page.rows()]
    assert dates and all("2024-03-01" <= d <= "2024-03-12" for d in dates)
    assert len(dates) == 5  # Mosul, Khartoum, Kharkiv, Idlib, Aleppo
    form.fill("#f-actor", "russian")
    form.click("#apply")
    page.wait_loaded()
    assert [r[4] for r in page.rows()] == ["Kharkiv, UKR"]
    form.click("#reset-filters")
    page.wait_loaded()
    form.select_option("#f-country", "SYR")
    page.wait_loaded()
    assert sorted(r[4] for r in page.rows()) == ["Aleppo, SYR", "Idlib, SYR", "Kobani, SYR"]
    form.select_option("#f-country", "")
    form.fill("#f-sources", "2")
    form.press("#f-sources", "Enter")
    page.wait_loaded()
    (row,) = page.rows()
    assert row[4] == "Mosul, IRQ" and row[7] == "2"
    assert row[8] in ("Nineveh Daily +1", "Tigris Wire +1")  # the table links to the reports
    href = page.page.get_attribute("#events-table tbody td a", "href")
    assert href.startswith("https://news.example/doc-")


def test_table_sorts_by_a_column(page):
    page.page.click("#events-table th[data-key=fatalities]")
    fatalities = [r[5] for r in page.rows()]
    assert fatalities[:4] == ["12", "7", "4", "2"]
    page.page.click("#events-table th[data-key=fatalities]")
    assert page.rows()[-1][5] == "12"
    assert page.page.get_attribute("#events-table th[data-key=fatalities]", "aria-sort") == "ascending"
