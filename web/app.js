// frontlines dashboard: map (Leaflet + markercluster over Natural Earth outlines), timeline (uPlot,
// brushable), filter panel and table with CSV/GeoJSON export; the event panel is panel.js, shared
// helpers common.js. Everything is served by the app itself: nothing leaves 127.0.0.1.
"use strict";

(() => {
  const {
    API, PAGE, MAX_EVENTS, TABLE_ROWS, UNCERTAIN, DENIED, state, $, esc, evType, evDate, evLatLon, names, fatal,
    evId, dayMs, isoDay, typeColor, getJSON,
  } = window.FL;
  function filterParams() {
    const p = new URLSearchParams();
    for (const el of $("#filter-form").elements) {
      if (el.name && el.value && el.value.trim()) p.set(el.name, el.value.trim());
    }
    return p;
  }

  // Filters can change while a load is in flight: only the latest load is shown, and the page
  // counts as loaded only when that one is done.
  let loadSeq = 0;

  async function loadEvents() {
    const seq = ++loadSeq;
    const params = filterParams();
    document.body.dataset.loading = "1";
    $("#summary").textContent = "loading…";
    const events = [];
    let total = 0;
    try {
      for (let offset = 0; offset < MAX_EVENTS; offset += PAGE) {
        params.set("limit", String(PAGE));
        params.set("offset", String(offset));
        const page = await getJSON(`${API}/events?${params}`);
        if (seq !== loadSeq) return;
        total = page.total;
        events.push(...page.events);
        if (page.events.length < PAGE || events.length >= total) break;
      }
    } catch (err) {
      if (seq !== loadSeq) return;
      $("#summary").innerHTML = `<span class="error">${esc(err.message)}</span>`;
      document.body.dataset.loading = "0";
      return;
    }
    state.events = events;
    state.total = total;
    state.brush = null;
    renderTimeline();
    applyBrush();
    fitMap();
    document.body.dataset.loading = "0";
  }

  // ---------- map ----------
  const map = L.map("map", { minZoom: 2, maxZoom: 10, zoomSnap: 0.5, worldCopyJump: true }).setView([30, 35], 3);  // outlines carry no detail past zoom 10
  map.createPane("basemap").style.zIndex = 250;
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines © Natural Earth (world-atlas) · Leaflet");
  fetch("/static/vendor/world-atlas/countries-50m.json")
    .then((r) => r.json())
    .then((topo) => {
      const land = topojson.feature(topo, topo.objects.countries);
      land.features = land.features.filter((f) => f.properties.name !== "Antarctica").map(unwrapFeature);
      L.geoJSON(land, {
        pane: "basemap", interactive: false,
        style: { color: "#a9a59b", weight: 0.7, fillColor: "#efece4", fillOpacity: 1 },
      }).addTo(map);
      addCountryLabels(land);
    })
    .catch(() => {});

  // Rings that cross the antimeridian (Russia's Chukotka, Fiji) would streak across the whole map:
  // move their western part east of 180°. (Antarctica, whose ring runs round the pole, is left out.)
  function unwrapRing(ring) {
    const crosses = ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180);
    return crosses ? ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : ring;
  }
  function unwrapFeature(f) {
    const g = f.geometry;
    if (!g) return f;
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : null;
    if (!polys) return f;
    const fixed = polys.map((poly) => poly.map(unwrapRing));
    return { ...f, geometry: { type: g.type, coordinates: g.type === "Polygon" ? fixed[0] : fixed } };
  }

  // Country names at the centre of each country's largest polygon, shown once zoomed in enough to read.
  const labels = L.layerGroup();
  function addCountryLabels(land) {
    for (const f of land.features) {
      const name = f.properties && f.properties.name;
      const g = f.geometry;
      if (!name || !g) continue;
      const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
      let best = null, bestArea = 0;
      for (const poly of polys) {
        const b = L.latLngBounds(poly[0].map(([x, y]) => [y, x]));
        const area = (b.getEast() - b.getWest()) * (b.getNorth() - b.getSouth());
        if (area > bestArea) { bestArea = area; best = b; }
      }
      if (!best || bestArea < 0.5) continue;
      L.marker(best.getCenter(), {
        pane: "basemap", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "country-label", html: `<span>${esc(name)}</span>`, iconSize: null }),
      }).addTo(labels);
    }
    const toggle = () => (map.getZoom() >= 4 ? labels.addTo(map) : labels.remove());
    map.on("zoomend", toggle);
    toggle();
  }

  const clusters = L.markerClusterGroup({
    // no disableClusteringAtZoom: events geocoded to the same town share coordinates, and only a
    // cluster at the deepest zoom can spread them apart (spiderfy) so each can be clicked.
    // animate: false makes re-clustering synchronous, so reveal() can zoom step by step.
    maxClusterRadius: 34, showCoverageOnHover: false, spiderfyOnMaxZoom: true, animate: false,
    zoomToBoundsOnClick: false,
    // a cluster is ringed in the colour of the type most of its events have
    iconCreateFunction: (c) => {
      const n = c.getChildCount();
      const size = n < 10 ? 28 : n < 100 ? 34 : 42;
      const votes = new Map();
      for (const m of c.getAllChildMarkers()) votes.set(m.options.fillColor, (votes.get(m.options.fillColor) || 0) + 1);
      const top = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
      return L.divIcon({ html: `<span style="box-shadow: 0 0 0 3px ${top ? top[0] : "#555"}">${n}</span>`,
        className: "marker-cluster-fl", iconSize: L.point(size, size) });
    },
  });
  map.addLayer(clusters);
  // A clicked cluster zooms to its points with a margin (not edge to edge), or spreads them when
  // zooming cannot separate them (same town, same coordinates).
  clusters.on("clusterclick", (e) => {
    const b = e.layer.getBounds();
    const target = Math.min(map.getBoundsZoom(b.pad(0.5)), map.getMaxZoom());
    if (b.getNorthEast().equals(b.getSouthWest()) || target <= map.getZoom()) e.layer.spiderfy();
    else map.fitBounds(b.pad(0.5));
  });
  state.map = map;
  state.moves = 0; // counted so tests can wait for a zoom to finish
  map.on("moveend", () => { state.moves += 1; });
  state.clusters = clusters;
  // Page position of what shows an event on the map now: its own marker, or the cluster holding it.
  // (markercluster's getVisibleParent looks for icons, which circle markers do not have)
  function shownLayer(m) {
    if (map.hasLayer(m)) return m;
    let c = m.__parent;
    while (c && !c._icon) c = c.__parent;
    return c || null;
  }
  // Zoom in on a marker until it is out of its cluster (spread the cluster at the deepest zoom).
  // (not markercluster's zoomToShowLayer: its pending handler breaks if the markers are rebuilt)
  function reveal(m) {
    map.setView(m.getLatLng(), Math.max(map.getZoom(), 6), { animate: false });
    while (shownLayer(m) !== m && map.getZoom() < map.getMaxZoom()) {
      map.setView(m.getLatLng(), map.getZoom() + 1, { animate: false });
    }
    const shown = shownLayer(m);
    if (shown && shown !== m && shown.spiderfy) shown.spiderfy();
    if (shownLayer(m) === m) m.openTooltip();
  }
  state.screenPoint = (id) => {
    const m = state.markers.get(id);
    const shown = m && shownLayer(m);
    if (!shown) return null;
    const p = map.latLngToContainerPoint(shown.getLatLng());
    const box = map.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y, clustered: shown !== m };
  };

  function markerStyle(e, selected) {
    const color = typeColor(evType(e));
    const f = fatal(e);
    const fact = e.factuality || "asserted";
    // hollow markers need a little more size to be seen at all
    const radius = Math.min(24, (UNCERTAIN.has(fact) || DENIED.has(fact) ? 7 : 5) + 3 * Math.sqrt(f || 0));
    const base = { radius, color: selected ? "#111" : color, weight: selected ? 3 : 1.5, fillColor: color, opacity: 1 };
    if (UNCERTAIN.has(fact)) return { ...base, fillOpacity: 0.05, weight: selected ? 3 : 2.2, dashArray: "4 3" };
    if (DENIED.has(fact)) return { ...base, color: selected ? "#111" : "#777", fillOpacity: 0.0, dashArray: "1 3" };
    return { ...base, color: selected ? "#111" : "#2b2b2b", fillOpacity: 0.78, weight: selected ? 3 : 0.8 };
  }

  function renderMap(events) {
    clusters.clearLayers();
    state.markers.clear();
    const layers = [];
    for (const e of events) {
      const ll = evLatLon(e);
      if (!ll) continue;
      const fact = e.factuality || "asserted";
      const m = L.circleMarker(ll, {
        ...markerStyle(e, evId(e) === state.selected),
        className: `ev-marker ev-f-${fact}`,
      });
      m.eventId = evId(e);
      m.bindTooltip(`${esc(evType(e))} · ${esc(evDate(e) || "undated")}<br>${esc((e.location && (e.location.name || e.location.text)) || "")}`,
        { direction: "top", offset: [0, -m.getRadius()] });
      m.on("click", () => {
        map.panInside(m.getLatLng(), { padding: [70, 70] });
        selectEvent(evId(e), { from: "map" });
      });
      m.on("add", () => {
        const el = m.getElement();
        if (el) el.setAttribute("data-event-id", evId(e));
      });
      state.markers.set(evId(e), m);
      layers.push(m);
    }
    clusters.addLayers(layers);
  }

  function fitMap() {
    const pts = state.visible.map(evLatLon).filter(Boolean);
    if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.3), { maxZoom: 6 });
  }

  // ---------- timeline ----------
  let plot = null;

  function binning(events) {
    const times = events.map((e) => dayMs(evDate(e))).filter((t) => !Number.isNaN(t));
    if (!times.length) return null;
    const lo = Math.min(...times), hi = Math.max(...times);
    const span = (hi - lo) / 86400000;
    const unit = span <= 120 ? "day" : span <= 1100 ? "week" : "month";
    const start = (t) => {
      const d = new Date(t);
      if (unit === "day") return t;
      if (unit === "week") return t - ((d.getUTCDay() + 6) % 7) * 86400000;
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    };
    const next = (t) => {
      if (unit === "day") return t + 86400000;
      if (unit === "week") return t + 7 * 86400000;
      const d = new Date(t);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    };
    const counts = new Map();
    for (const t of times) counts.set(start(t), (counts.get(start(t)) || 0) + 1);
    const xs = [], ys = [], edges = [];
    for (let t = start(lo); t <= hi; t = next(t)) {
      edges.push([t, next(t)]);
      xs.push((t + next(t)) / 2 / 1000); // bar centred on its bin, in seconds for uPlot
      ys.push(counts.get(t) || 0);
    }
    return { unit, xs, ys, edges };
  }

  function renderTimeline() {
    const el = $("#timeline");
    if (plot) { plot.destroy(); plot = null; }
    el.innerHTML = "";
    state.bins = binning(state.events);
    if (!state.bins) { el.innerHTML = '<p class="hint">no dated events</p>'; return; }
    const { xs, ys, edges, unit } = state.bins;
    const x0 = edges[0][0] / 1000, x1 = edges[edges.length - 1][1] / 1000;
    plot = new uPlot({
      width: Math.max(200, el.clientWidth), height: 120, padding: [6, 12, 0, 0],
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false }, y: false },
      scales: { x: { time: true, range: () => [x0, x1] }, y: { range: (u, mn, mx) => [0, Math.max(1, mx) * 1.1] } },
      axes: [
        { stroke: "#5d6670", grid: { show: false }, size: 28 },
        { stroke: "#5d6670", size: 34, grid: { stroke: "#eeebe5" },
          values: (u, vals) => vals.map((v) => (Number.isInteger(v) ? v : "")) },
      ],
      series: [{}, {
        label: `events per ${unit}`, stroke: "#8a2b1f", fill: "rgba(138,43,31,0.55)", width: 1,
        paths: uPlot.paths.bars({ size: [0.9, 60] }), points: { show: false },
      }],
      hooks: { setSelect: [(u) => onBrush(u)] },
    }, [xs, ys], el);
  }

  function onBrush(u) {
    if (u.select.width < 3) { setBrush(null); return; }
    const from = u.posToVal(u.select.left, "x") * 1000;
    const to = u.posToVal(u.select.left + u.select.width, "x") * 1000;
    // keep whole bins the selection touches, so what is highlighted is what is shown
    const hit = state.bins.edges.filter(([a, b]) => b > from && a < to);
    if (!hit.length) { setBrush(null); return; }
    setBrush({ from: hit[0][0], to: hit[hit.length - 1][1] });
  }

  function setBrush(brush) {
    state.brush = brush;
    if (!brush && plot) plot.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
    applyBrush();
    // follow the brushed events when none of them is in view any more
    const view = map.getBounds();
    const pts = state.visible.map(evLatLon).filter(Boolean);
    if (pts.length && !pts.some((p) => view.contains(p))) fitMap();
  }

  function applyBrush() {
    const b = state.brush;
    state.visible = b ? state.events.filter((e) => { const t = dayMs(evDate(e)); return t >= b.from && t < b.to; })
      : state.events.slice();
    const label = $("#brush-label");
    label.hidden = $("#brush-clear").hidden = !b;
    if (b) label.textContent = `${isoDay(b.from)} → ${isoDay(b.to - 1)}: ${state.visible.length} events`;
    renderMap(state.visible);
    renderTable(state.visible);
    const mapped = state.visible.filter(evLatLon).length;
    $("#summary").textContent = `${state.total} events match · ${state.visible.length} shown · ${mapped} on the map`
      + (state.events.length < state.total ? ` (first ${state.events.length} loaded)` : "");
  }

  // ---------- table ----------
  // Sorting by a column header; the default is the API's order (newest first).
  const SORT_KEYS = {
    date: (e) => evDate(e) || "", type: evType, actor1: (e) => names(e.actors), actor2: (e) => names(e.recipients),
    location: (e) => (e.location ? e.location.name || e.location.text || "" : ""),
    fatalities: (e) => fatal(e) ?? -1, factuality: (e) => e.factuality || "", sources: (e) => e.n_sources ?? 0,
    source: (e) => ((e.mentions || [])[0] || {}).source || e.source || "",
  };

  // The first report's outlet, linked to the article when its URL is known.
  function sourceCell(e) {
    const ms = e.mentions && e.mentions.length ? e.mentions : [{ source: e.source, url: null }];
    const first = ms[0];
    const name = esc(first.source || "unnamed");
    const more = ms.length > 1 ? ` <span class="hint">+${ms.length - 1}</span>` : "";
    const all = esc(ms.map((m) => m.source || "unnamed").join("; "));
    const link = first.url && /^https?:/.test(first.url)
      ? `<a href="${esc(first.url)}" target="_blank" rel="noopener noreferrer">${name}</a>` : name;
    return `<td title="${all}">${link}${more}</td>`;
  }

  function sorted(events) {
    if (!state.sort) return events;
    const { key, dir } = state.sort;
    const f = SORT_KEYS[key];
    return events.slice().sort((a, b) => {
      const x = f(a), y = f(b);
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
  }

  document.querySelector("#events-table thead").addEventListener("click", (ev) => {
    const th = ev.target.closest("th[data-key]");
    if (!th) return;
    const key = th.dataset.key;
    const numeric = key === "fatalities" || key === "sources" || key === "date";
    state.sort = state.sort && state.sort.key === key ? { key, dir: -state.sort.dir } : { key, dir: numeric ? -1 : 1 };
    document.querySelectorAll("#events-table th").forEach((h) => h.removeAttribute("aria-sort"));
    th.setAttribute("aria-sort", state.sort.dir > 0 ? "ascending" : "descending");
    renderTable(state.visible);
  });

  function renderTable(events) {
    const rows = sorted(events).slice(0, TABLE_ROWS).map((e) => {
      const t = evType(e);
      const loc = e.location ? [e.location.name || e.location.text, e.location.country].filter(Boolean).join(", ") : "";
      return `<tr tabindex="0" data-event-id="${esc(evId(e))}" class="${evId(e) === state.selected ? "selected" : ""}">
        <td>${esc(evDate(e) || "")}</td>
        <td title="${esc(t)}"><span class="type-dot" style="background:${typeColor(t)}"></span>${esc(t)}</td>
        <td title="${esc(names(e.actors))}">${esc(names(e.actors))}</td>
        <td title="${esc(names(e.recipients))}">${esc(names(e.recipients))}</td>
        <td title="${esc(loc)}">${esc(loc)}</td>
        <td class="num">${fatal(e) ?? ""}</td>
        <td>${esc(e.factuality || "")}</td>
        <td class="num">${e.n_sources ?? ""}</td>${sourceCell(e)}</tr>`;
    });
    $("#events-table tbody").innerHTML = rows.join("");
    $("#table-count").textContent = events.length > TABLE_ROWS ? `(first ${TABLE_ROWS} of ${events.length})` : `(${events.length})`;
  }

  $("#events-table tbody").addEventListener("click", (ev) => {
    if (ev.target.closest("a")) return; // a source link opens the article, not the event
    const tr = ev.target.closest("tr[data-event-id]");
    if (tr) selectEvent(tr.dataset.eventId, { from: "table" });
  });
  $("#events-table tbody").addEventListener("keydown", (ev) => {
    const tr = ev.target.closest("tr[data-event-id]");
    if (tr && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); selectEvent(tr.dataset.eventId, { from: "table" }); }
  });

  // ---------- export ----------
  function flat(e) {
    const ll = evLatLon(e);
    return {
      event_id: evId(e), event_date: evDate(e), event_type: evType(e),
      acled_event_type: (e.acled && e.acled.event_type) || "", acled_sub_event_type: (e.acled && e.acled.sub_event_type) || "",
      cameo: e.cameo || "",
      actor1: names(e.actors), actor2: names(e.recipients),
      location: e.location ? e.location.name || e.location.text : "", country: e.location ? e.location.country : "",
      admin1: e.location ? e.location.admin1 : "", latitude: ll ? ll[0] : "", longitude: ll ? ll[1] : "",
      fatalities: fatal(e) ?? "", factuality: e.factuality || "", certainty: e.certainty ?? "",
      attribution: e.attribution ? e.attribution.name || "" : "", n_sources: e.n_sources ?? "",
      source: e.source || "", doc_id: e.doc_id, evidence: e.evidence ? e.evidence.text : "",
    };
  }

  function download(name, type, text) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  $("#export-csv").addEventListener("click", () => {
    const rows = state.visible.map(flat);
    const cols = Object.keys(flat({ event_id: "" }));
    const cell = (v) => { const s = String(v ?? ""); return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
    const text = [cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n";
    download("frontlines-events.csv", "text/csv", text);
  });

  $("#export-geojson").addEventListener("click", () => {
    const features = state.visible.map((e) => {
      const ll = evLatLon(e);
      const props = flat(e);
      delete props.latitude; delete props.longitude;
      return { type: "Feature", id: evId(e), geometry: ll ? { type: "Point", coordinates: [ll[1], ll[0]] } : null, properties: props };
    });
    download("frontlines-events.geojson", "application/geo+json", JSON.stringify({ type: "FeatureCollection", features }, null, 1));
  });

  async function selectEvent(id, { from } = {}) {
    const prev = state.selected;
    state.selected = id;
    for (const key of [prev, id]) {
      const m = key && state.markers.get(key);
      const e = key && state.events.find((x) => evId(x) === key);
      if (m && e) m.setStyle(markerStyle(e, key === id));
    }
    document.querySelectorAll("#events-table tr.selected").forEach((tr) => tr.classList.remove("selected"));
    const tr = document.querySelector(`#events-table tr[data-event-id="${CSS.escape(id)}"]`);
    if (tr) { tr.classList.add("selected"); if (from !== "table") tr.scrollIntoView({ block: "nearest" }); }
    if (from === "table") {
      const m = state.markers.get(id);
      if (m) reveal(m);
    }
    $("#panel").innerHTML = '<p class="placeholder">loading…</p>';
    try {
      const d = await getJSON(`${API}/events/${encodeURIComponent(id)}`);
      if (state.selected === id) window.FL.renderPanel(d);
    } catch (err) {
      $("#panel").innerHTML = `<p class="error">${esc(err.message)}</p>`;
    }
  }

  // ---------- filters & legend ----------
  function pairs(x) {
    // stats facets may come as {key: n} or [{key|name|value, count|n}] lists
    if (!x) return [];
    if (Array.isArray(x)) return x.map((r) => (Array.isArray(r) ? r : [r.key ?? r.name ?? r.value ?? r.type ?? r.country, r.count ?? r.n])).filter(([k]) => k);
    return Object.entries(x);
  }

  function fillSelect(sel, entries) {
    const current = sel.value;
    sel.innerHTML = '<option value="">any</option>' + entries.map(([k, n]) => `<option value="${esc(k)}">${esc(k)} (${n})</option>`).join("");
    sel.value = current;
  }

  async function loadFacets() {
    try {
      const s = await getJSON(`${API}/stats`);
      const types = pairs(s.by_type || s.types || s.event_type);
      const countries = pairs(s.by_country || s.countries || s.country);
      fillSelect($("#f-type"), types);
      fillSelect($("#f-country"), countries);
      if (!state.selected) window.FL.renderOverview(s, countries);
      $("#legend-types").innerHTML = types.map(([k]) => `<li><span class="swatch" style="background:${typeColor(k)}"></span>${esc(k)}</li>`).join("");
    } catch (err) {
      $("#legend-types").innerHTML = `<li class="error">${esc(err.message)}</li>`;
    }
  }

  $("#filter-form").addEventListener("submit", (ev) => { ev.preventDefault(); loadEvents(); });
  $("#f-type").addEventListener("change", () => loadEvents());
  $("#f-country").addEventListener("change", () => loadEvents());
  $("#f-factuality").addEventListener("change", () => loadEvents());
  $("#reset-filters").addEventListener("click", () => { $("#filter-form").reset(); loadEvents(); });
  $("#brush-clear").addEventListener("click", () => setBrush(null));
  window.addEventListener("resize", () => {
    if (plot) plot.setSize({ width: Math.max(200, $("#timeline").clientWidth), height: 120 });
    map.invalidateSize();
  });

  state.ready = Promise.all([loadFacets(), loadEvents()]).then(() => { document.body.dataset.ready = "1"; });
})();
