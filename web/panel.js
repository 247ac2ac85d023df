// frontlines dashboard, event panel: an event's source sentences with highlights and badges, its
// dyad chart (analytics), and the overview shown when nothing is selected.
"use strict";

(() => {
  const { API, state, $, esc, evType, acledType, evDate, names, evId, dayMs, isoDay, typeColor, getJSON } = window.FL;

  // ---------- event panel ----------
  function highlightText(text, spans) {
    // spans: [{start, end, kind}] relative to text; overlapping spans keep the earlier, longer one
    const ok = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let out = "", pos = 0;
    for (const s of ok) {
      if (s.start < pos) continue;
      out += esc(text.slice(pos, s.start));
      out += `<mark class="hl-${esc(s.kind)}" title="${esc(s.kind)}">${esc(text.slice(s.start, s.end))}</mark>`;
      pos = s.end;
    }
    return out + esc(text.slice(pos));
  }

  // Highlights computed from the event's own offsets (document offsets) for its evidence sentence.
  function eventSpans(e, base) {
    const out = [];
    const add = (o, kind) => { if (o && typeof o.start === "number" && typeof o.end === "number") out.push({ start: o.start - base, end: o.end - base, kind }); };
    add(e.trigger, "trigger");
    (e.actors || []).forEach((a) => add(a, "actor"));
    (e.recipients || []).forEach((a) => add(a, "recipient"));
    add(e.location, "place");
    if (e.date) add({ start: e.date.char_start, end: e.date.char_end }, "date");
    add(e.fatalities, "fatalities");
    add(e.injuries, "injuries");
    add(e.arrests, "arrests");
    add(e.attribution, "attribution");
    return out;
  }

  // The store's provenance: one entry per report (mention) of the event, each with its sentence and
  // highlight offsets relative to that sentence. Without it, fall back to the event's own offsets.
  function provenance(d) {
    const out = [];
    for (const p of d.provenance || []) {
      const sent = p.sentence || {};
      if (typeof sent.text !== "string") continue;
      const spans = (p.highlights || []).map((h) => ({ start: h.start, end: h.end, kind: h.kind || "mark" }));
      const a = d.attribution;
      if (p.event_id === d.event_id && a && typeof a.start === "number" && typeof sent.start === "number") {
        spans.push({ start: a.start - sent.start, end: a.end - sent.start, kind: "attribution" });
      }
      out.push({ ...p, text: sent.text, spans });
    }
    if (!out.length && d.evidence) {
      out.push({ text: d.evidence.text, source: d.source, doc_id: d.doc_id, doc_date: d.doc_date,
        spans: eventSpans(d, d.evidence.start) });
    }
    return out;
  }

  function badge(text, cls) { return `<span class="badge ${cls || ""}">${esc(text)}</span>`; }

  function quantityText(q) {
    if (!q) return null;
    if (q.low != null && q.high != null && q.low !== q.high) return `${q.low}–${q.high}${q.best != null ? ` (best ${q.best})` : ""}`;
    const v = q.best ?? q.low ?? q.high;
    return v == null ? null : `${q.qualifier === "at_least" ? "at least " : q.qualifier === "about" ? "about " : ""}${v}`;
  }

  function renderPanel(d) {
    const t = evType(d);
    const badges = [];
    if (d.factuality) badges.push(badge(d.factuality, `f-${d.factuality}`));
    if (typeof d.certainty === "number") badges.push(badge(`certainty ${Math.round(d.certainty * 100)}%`));
    if (d.attribution && (d.attribution.name || d.attribution.text)) {
      badges.push(badge(`according to ${d.attribution.name || d.attribution.text}${d.attribution.kind && d.attribution.kind !== "unknown" ? ` (${d.attribution.kind})` : ""}`, "attr"));
    }
    if (d.negated) badges.push(badge("negated", "f-negated"));
    if (d.n_sources != null) badges.push(badge(`${d.n_sources} source${d.n_sources === 1 ? "" : "s"}`));
    const loc = d.location ? [d.location.name || d.location.text, d.location.admin1, d.location.country].filter(Boolean).join(", ")
      + (d.location.precision ? ` (${d.location.precision})` : "") : null;
    const facts = [
      ["Date", evDate(d) ? `${evDate(d)}${d.date && d.date.end && d.date.end !== d.date.start ? ` → ${d.date.end}` : ""}${d.date && d.date.precision ? ` (${d.date.precision})` : ""}` : null],
      ["Actor 1", names(d.actors) || null], ["Actor 2", names(d.recipients) || null], ["Location", loc],
      ["Fatalities", quantityText(d.fatalities)], ["Injuries", quantityText(d.injuries)], ["Arrests", quantityText(d.arrests)],
      ["Codes", [d.plover && `PLOVER ${d.plover}`, d.cameo && `CAMEO ${d.cameo}`, d.goldstein != null && `Goldstein ${d.goldstein}`].filter(Boolean).join(" · ") || null],
    ].filter(([, v]) => v);
    const sents = provenance(d).map((s) => {
      const meta = [s.source, s.doc_date, s.title].filter(Boolean).map(esc).join(" · ");
      const link = (s.url ? ` · <a href="${esc(s.url)}" target="_blank" rel="noopener noreferrer">article</a>` : "")
        + (s.doc_id ? ` · <a href="${API}/documents/${encodeURIComponent(s.doc_id)}" target="_blank">stored text</a>` : "");
      const factBadge = s.factuality ? ` · ${esc(s.factuality)}` : "";
      return `<blockquote class="sentence" data-doc-id="${esc(s.doc_id || "")}">${highlightText(s.text, s.spans)}<span class="meta">${meta}${factBadge}${link}</span></blockquote>`;
    });
    const kinds = ["trigger", "actor", "recipient", "place", "date", "fatalities", "attribution"];
    $("#panel").innerHTML = `
      <h3><span class="type-dot" style="background:${typeColor(t)}"></span>${esc(t)}${acledType(d) ? ` <small>${esc(acledType(d))}</small>` : ""}</h3>
      <div class="badges">${badges.join("")}</div>
      <dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>
      <h2>Source sentence${sents.length === 1 ? "" : "s"}</h2>
      ${sents.join("") || '<p class="hint">no source sentence stored</p>'}
      <div class="hl-key">${kinds.map((k) => `<mark class="hl-${k}">${k}</mark>`).join("")}</div>
      <section id="dyad" hidden></section>
      <p class="hint">event <code>${esc(d.event_id)}</code></p>`;
    renderDyad(d);
  }

  // ---------- dyad of the selected event (analytics) ----------
  let dyadPlot = null;

  async function renderDyad(d) {
    if (dyadPlot) { dyadPlot.destroy(); dyadPlot = null; }
    const keys = d.dyad_keys;
    if (!keys || !keys.sources.length || !keys.targets.length) return;
    const [a, b] = [keys.sources[0], keys.targets[0]];
    let ans;
    // half a year either side of the event: the context an analyst reads a single event in
    const params = new URLSearchParams({ actor: a, vs: b, by: "week" });
    try {
      const t0 = dayMs(evDate(d));
      if (!Number.isNaN(t0)) {
        params.set("event_date_from", isoDay(t0 - 182 * 86400000));
        params.set("event_date_to", isoDay(t0 + 182 * 86400000));
      }
      ans = await getJSON(`${API}/dyads?${params}`);
    } catch (err) {
      return; // analytics are an extra: the event panel stands without them
    }
    const el = document.getElementById("dyad");
    if (!el || state.selected !== evId(d) || !ans.points.length) return;
    const t = ans.partners[0] || { events: 0, conflict: 0, cooperation: 0, fatalities: 0 };
    el.hidden = false;
    el.innerHTML = `<h2>Dyad, week by week (±6 months)</h2>
      <p class="dyad-names"><b>${esc(a)}</b> ↔ <b>${esc(b)}</b></p>
      <p class="hint">${t.events} event${t.events === 1 ? "" : "s"} · ${t.conflict} conflict · ${t.cooperation} cooperation · ${t.fatalities} killed</p>
      <div id="dyad-chart"></div>`;
    const xs = ans.points.map((p) => Date.parse(p.period + "T00:00:00Z") / 1000 + 3.5 * 86400);
    const from = params.get("event_date_from"), to = params.get("event_date_to");
    const win = from && to ? [Date.parse(from) / 1000, Date.parse(to) / 1000] : null;
    const chart = document.getElementById("dyad-chart");
    dyadPlot = new uPlot({
      width: Math.max(200, chart.clientWidth), height: 104, padding: [4, 18, 0, 0], legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: true, range: (u, mn, mx) => (win ? win : [mn - 7 * 86400, mx + 7 * 86400]) },
        y: { range: (u, mn, mx) => [0, Math.max(1, mx)] },
      },
      axes: [{ size: 28, stroke: "#5d6670", grid: { show: false } },
        { size: 26, stroke: "#5d6670", grid: { stroke: "#eeebe5" }, values: (u, v) => v.map((x) => (Number.isInteger(x) ? x : "")) }],
      series: [{},
        { label: "conflict", stroke: "#c0392b", fill: "rgba(192,57,43,0.5)", paths: uPlot.paths.bars({ size: [0.8, 30], align: -1 }), points: { show: false } },
        { label: "cooperation", stroke: "#27ae60", fill: "rgba(39,174,96,0.5)", paths: uPlot.paths.bars({ size: [0.8, 30], align: 1 }), points: { show: false } }],
    }, [xs, ans.points.map((p) => p.conflict), ans.points.map((p) => p.cooperation)], chart);
  }

  function renderOverview(s, countries) {
    const top = countries.slice().sort((a, b) => b[1] - a[1]).slice(0, 8);
    const max = Math.max(1, ...top.map(([, n]) => n));
    $("#panel").innerHTML = `
      <h3>Overview</h3>
      <dl class="facts"><dt>Documents</dt><dd>${s.documents ?? "?"}</dd><dt>Event reports</dt><dd>${s.mentions ?? "?"}</dd>
        <dt>Distinct events</dt><dd>${s.events ?? "?"}</dd></dl>
      ${s.events ? "" : '<p class="hint">No events stored yet: run <code>frontlines ingest PATH</code> (same <code>--db</code>) and reload.</p>'}
      <h2>Events by country</h2>
      <ul class="bars">${top.map(([k, n]) => `<li><span>${esc(k)}</span><i style="width:${(100 * n) / max}%"></i><b>${n}</b></li>`).join("")}</ul>
      <section id="factions" hidden></section>
      <p class="placeholder">Click a point on the map or a row in the table to see the source sentence.</p>`;
    getJSON(`${API}/factions`).then((f) => {
      const el = document.getElementById("factions");
      const groups = f.factions.filter((x) => x.size > 1).slice(0, 6);
      if (!el || !groups.length) return;
      el.hidden = false;
      el.innerHTML = `<h2>Factions (cooperating actors)</h2><ol class="factions">${groups.map((g) =>
        `<li>${g.members.map((m) => `<span class="chip">${esc(m)}</span>`).join("")}</li>`).join("")}</ol>`;
    }).catch(() => {});
  }

  Object.assign(window.FL, { renderPanel, renderOverview });
})();
