// frontlines dashboard, shared part: event accessors, colours, the API helper and the page state.
// Loaded first; app.js (map, timeline, table, filters) and panel.js (event panel) use window.FL.
"use strict";

window.FL = (() => {
  const API = "/api/v1";
  const PAGE = 1000;
  const MAX_EVENTS = 20000;
  const TABLE_ROWS = 1000;
  // ACLED event types first (fixed colours, as analysts know them), PLOVER categories as fallbacks.
  const TYPE_COLORS = {
    "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
    "Protests": "#2471a3", "Riots": "#b7950b", "Strategic developments": "#27ae60",
    "ASSAULT": "#c0392b", "COERCE": "#d35400", "THREATEN": "#e67e22", "PROTEST": "#2471a3",
    "ACCUSE": "#7f8c8d", "REQUEST": "#16a085", "AGREE": "#27ae60", "SUPPORT": "#2e86c1",
    "CONSULT": "#5d6d7e", "AID": "#1abc9c", "RETREAT": "#a04000", "REJECT": "#922b21",
    "MOBILIZE": "#af601a", "SANCTION": "#6c3483", "CONCEDE": "#229954", "COOPERATE": "#148f77",
    "OTHER": "#95a5a6",
  };
  const SPARE_COLORS = ["#1b4f72", "#7d6608", "#4a235a", "#0e6251", "#78281f", "#424949", "#b03a2e", "#2874a6"];
  const UNCERTAIN = new Set(["speculated", "planned", "hypothetical"]);
  const DENIED = new Set(["denied", "negated"]);

  const state = { events: [], total: 0, brush: null, selected: null, visible: [], markers: new Map(), bins: null };
  window.frontlines = state; // read by the browser tests and handy in the console

  const $ = (sel) => document.querySelector(sel);
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  // ---------- event accessors ----------
  const evType = (e) => e.plover || (e.acled && e.acled.event_type) || "unknown";
  const acledType = (e) => (e.acled ? [e.acled.event_type, e.acled.sub_event_type].filter(Boolean).join(" / ") : "");
  const evDate = (e) => (e.date && e.date.start) || e.doc_date || null;
  const evLatLon = (e) => {
    const l = e.location;
    return l && typeof l.lat === "number" && typeof l.lon === "number" ? [l.lat, l.lon] : null;
  };
  const names = (list) => (list || []).map((a) => a.name || a.text).filter(Boolean).join("; ");
  const fatal = (e) => (e.fatalities && typeof e.fatalities.best === "number" ? e.fatalities.best : null);
  const evId = (e) => e.canonical_id || e.event_id;
  const dayMs = (iso) => (iso ? Date.parse(iso.slice(0, 10) + "T00:00:00Z") : NaN);

  function typeColor(t) {
    if (TYPE_COLORS[t]) return TYPE_COLORS[t];
    let h = 0;
    for (const ch of t) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    TYPE_COLORS[t] = SPARE_COLORS[h % SPARE_COLORS.length];
    return TYPE_COLORS[t];
  }

  // ---------- API ----------
  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await r.json().catch(() => null);
    if (!r.ok) {
      const msg = body && body.error ? body.error.message : `HTTP ${r.status}`;
      throw new Error(msg);
    }
    return body;
  }
  const isoDay = (t) => new Date(t).toISOString().slice(0, 10);

  return {
    API, PAGE, MAX_EVENTS, TABLE_ROWS, UNCERTAIN, DENIED, state, $, esc, evType, acledType, evDate, evLatLon,
    names, fatal, evId, dayMs, isoDay, typeColor, getJSON,
  };
})();
