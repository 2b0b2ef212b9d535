// rasad dashboard. Plain browser JavaScript over the REST API: the server filters, sorts,
// pages and clusters, so the page stays light whatever the store holds. Text from the data
// is only ever inserted with textContent (never innerHTML).
"use strict";

const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#5d6d7e",
};
const SYRIA = [[32.31, 35.72], [37.32, 42.38]];
const PAGE = 25;

const I18N = {
  en: {
    title: "Conflict events in Syria, from Arabic news", events: "events",
    fatalities: "fatalities", export: "Export", api: "API", filters: "Filters", since: "From",
    until: "To", type: "Event type", sub_type: "Sub-event type", governorate: "Governorate",
    actor: "Actor", min_fatalities: "At least … killed", search: "Search (Arabic or English)",
    reset: "Clear filters", legend: "Legend", killed: "killed",
    cluster_help: "Circles with a number group nearby events; their ring shows the share of each type. Click to zoom in.",
    timeline: "Events and fatalities over time",
    brush_help: "Drag to select a period; click to clear.", date: "Date", actor1: "Actor 1",
    actor2: "Actor 2", location: "Location", killed_short: "Killed", sources: "Sources",
    all: "All", of: "of", none: "No events match these filters.",
    pick: "Select an event on the map or in the table to see its evidence.",
    by_type: "By type", by_admin1: "By governorate", by_actor: "Most active actors",
    no_place: "Syria, no place told",
    undated: "undated", notes: "Summary", evidence: "Evidence", source: "Source",
    open_source: "original article", cleaned: "cleaned text", fatalities_range: "reports range",
    precision: "precision", back: "← back", here: "Events here", historical: "background mention",
    copy: "copy", report: "report", marks: "Highlighted:", m_event_type: "what",
    m_actor1: "actor 1", m_actor2: "actor 2", m_fatalities: "fatalities", m_location: "place",
    m_event_date: "date", document: "Document", token: "This server needs a read token:",
    with_date: "dated", located: "on the map", joined: "joined to",
    show_historical: "Show background mentions",
    historical_help: "Earlier events that reports recall: not counted in the totals nor drawn on the map unless shown, and then marked.",
    historical_short: "background",
    historical_banner: "Background mention: a report recalls this earlier event. It counts in the totals only while background mentions are shown.",
    incl_historical: "of which in background mentions:", date_format: "e.g. 2023-12-31",
    bad_date: "Not a date: write it as 2023-12-31",
  },
  ar: {
    title: "أحداث النزاع في سوريا من الأخبار العربية", events: "حدث", fatalities: "قتيل",
    export: "تصدير", api: "الواجهة البرمجية", filters: "التصفية", since: "من", until: "إلى",
    type: "نوع الحدث", sub_type: "النوع الفرعي", governorate: "المحافظة", actor: "الطرف",
    min_fatalities: "عدد القتلى لا يقل عن", search: "بحث (بالعربية أو الإنجليزية)",
    reset: "مسح التصفية", legend: "دليل الخريطة", killed: "قتيل",
    cluster_help: "الدوائر المرقّمة تجمع أحداثاً متقاربة، وتبيّن حلقتها نصيب كل نوع. انقر للتكبير.",
    timeline: "الأحداث والقتلى عبر الزمن", brush_help: "اسحب لتحديد فترة؛ انقر للإلغاء.",
    date: "التاريخ", actor1: "الطرف الأول", actor2: "الطرف الثاني", location: "المكان",
    killed_short: "القتلى", sources: "المصادر", all: "الكل", of: "من",
    none: "لا أحداث تطابق هذه التصفية.",
    pick: "اختر حدثاً على الخريطة أو في الجدول لعرض أدلته.", by_type: "حسب النوع",
    by_admin1: "حسب المحافظة", by_actor: "الأطراف الأكثر نشاطاً", undated: "بلا تاريخ",
    no_place: "سوريا، بلا مكان محدد",
    notes: "ملخص", evidence: "الدليل", source: "المصدر", open_source: "المقال الأصلي",
    cleaned: "النص المنظّف", fatalities_range: "مدى الأرقام المنشورة", precision: "الدقة",
    back: "→ رجوع", here: "الأحداث هنا", historical: "إشارة إلى حدث سابق", copy: "نسخة",
    report: "تقرير", marks: "المظلّل:", m_event_type: "الفعل", m_actor1: "الطرف الأول",
    m_actor2: "الطرف الثاني", m_fatalities: "القتلى", m_location: "المكان",
    m_event_date: "التاريخ", document: "الوثيقة", token: "يحتاج هذا الخادم رمز قراءة:",
    with_date: "مؤرخ", located: "على الخريطة", joined: "ضُمّ إلى",
    show_historical: "إظهار الإشارات إلى أحداث سابقة",
    historical_help: "أحداث سابقة تذكرها التقارير: لا تُحسب في المجاميع ولا تُرسم على الخريطة إلا عند إظهارها، وتُميَّز حينها.",
    historical_short: "حدث سابق",
    historical_banner: "إشارة إلى حدث سابق: يذكر التقرير هذا الحدث خلفيةً لخبره، ولا يُحسب في المجاميع إلا عند إظهار الإشارات إلى الأحداث السابقة.",
    incl_historical: "منها في إشارات إلى أحداث سابقة:",
    // A date after Arabic letters is isolated (U+2066 ... U+2069), or it shows as 31-12-2023.
    date_format: "مثلاً \u20662023-12-31\u2069",
    bad_date: "ليس تاريخاً: اكتبه هكذا \u20662023-12-31\u2069",
  },
};
const TYPE_AR = {
  "Battles": "معارك",
  "Explosions/Remote violence": "تفجيرات وعنف عن بعد",
  "Violence against civilians": "عنف ضد المدنيين",
  "Protests": "احتجاجات",
  "Riots": "أعمال شغب",
  "Strategic developments": "تطورات استراتيجية",
  "Armed clash": "اشتباك مسلح",
  "Government regains territory": "استعادة الحكومة لمنطقة",
  "Non-state actor overtakes territory": "سيطرة جهة غير حكومية على منطقة",
  "Air/drone strike": "غارة جوية أو بطائرة مسيّرة",
  "Shelling/artillery/missile attack": "قصف مدفعي أو صاروخي",
  "Remote explosive/landmine/IED": "عبوة ناسفة أو لغم",
  "Suicide bomb": "تفجير انتحاري",
  "Grenade": "قنبلة يدوية",
  "Chemical weapon": "سلاح كيميائي",
  "Attack": "هجوم",
  "Abduction/forced disappearance": "اختطاف أو إخفاء قسري",
  "Sexual violence": "عنف جنسي",
  "Change to group/activity": "تغيّر في نشاط جماعة",
  "Headquarters or base established": "إنشاء مقر أو قاعدة",
  "Arrests": "اعتقالات",
  "Looting/property destruction": "نهب أو تدمير ممتلكات",
  "Disrupted weapons use": "إحباط استخدام سلاح",
  "Agreement": "اتفاق",
  "Non-violent transfer of territory": "انتقال سلمي لمنطقة",
  "Other": "أخرى",
  "Peaceful protest": "احتجاج سلمي",
  "Protest with intervention": "احتجاج مع تدخل",
  "Excessive force against protesters": "قوة مفرطة ضد المحتجين",
  "Violent demonstration": "تظاهرة عنيفة",
  "Mob violence": "عنف جماعي",
};

const state = {
  lang: localStorage.getItem("rasad.lang") || (navigator.language.startsWith("ar") ? "ar" : "en"),
  sort: "-event_date",
  offset: 0,
  token: sessionStorage.getItem("rasad.token") || "",
  facets: null,
  governorates: {},  // English name -> Arabic name, from the bundled boundaries
  actorsAr: {},      // ACLED's actor name -> its Arabic display name (/api/actors)
  actorsEn: {},      // and back, for the actor filter, which matches ACLED's names
  labels: [],        // the governorates' names on the map
  series: [],
  period: "month",
  selected: null,
  view: null,        // what the panel shows: {kind: "event"|"document"|"list"|"summary", ...}
};
const $ = (id) => document.getElementById(id);
const t = (key) => I18N[state.lang][key] || I18N.en[key] || key;
const typeName = (name) => (state.lang === "ar" && TYPE_AR[name]) || name || "";
const govName = (name) => (state.lang === "ar" && state.governorates[name]) || name || "";
// an event told only "in Syria" has no governorate: say so rather than leave a blank
const placeName = (name) => (name ? govName(name) : t("no_place"));
const actorName = (name) => (state.lang === "ar" && state.actorsAr[name]) || name || "";
const colour = (type) => TYPE_COLOURS[type] || "#7f8c8d";
// A source's URL is linked only when it is http(s): a "javascript:" URL in the data must
// not run when an analyst clicks it.
const httpUrl = (url) => (typeof url === "string" && /^https?:\/\//i.test(url) ? url : null);
const number = (n) => new Intl.NumberFormat(state.lang === "ar" ? "ar-u-nu-latn" : "en").format(n);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key === "style") Object.assign(node.style, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }
  return node;
}

// --- the API ---------------------------------------------------------------------------

async function api(path, params = {}, asText = false) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  const headers = state.token ? { Authorization: `Bearer ${state.token}` } : {};
  const response = await fetch(url, { headers });
  if (response.status === 401) {
    const token = window.prompt(t("token"));
    if (token) {
      state.token = token;
      sessionStorage.setItem("rasad.token", token);
      return api(path, params, asText);
    }
  }
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return asText ? response.blob() : response.json();
}

function filters({ dates = true } = {}) {
  const value = (id) => $(id).value.trim();
  const actor = value("f-actor");
  const params = {
    event_type: value("f-type"), sub_event_type: value("f-sub"), admin1: value("f-admin1"),
    actor: state.actorsEn[actor] || actor, min_fatalities: value("f-min"), q: value("f-q"),
    historical: $("f-historical").checked ? "include" : "exclude",
  };
  if (dates) Object.assign(params, { since: dayOf("f-since"), until: dayOf("f-until") });
  return params;
}

// --- dates ---------------------------------------------------------------------------------

// A day as an analyst types it, in Western, Arabic-Indic or Persian digits, year first
// (2023-12-01) or day first (1/12/2023, as dates are written in Syria): its ISO form, or null.
function isoDay(text) {
  const latin = text.trim().replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));
  const yearFirst = latin.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/);
  const dayFirst = latin.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/);
  if (!yearFirst && !dayFirst) return null;
  const [year, month, day] = yearFirst ? yearFirst.slice(1) : dayFirst.slice(1).reverse();
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null;
}

const dayOf = (id) => isoDay($(id).value) || "";

function dateWords(iso) {
  const locale = state.lang === "ar" ? "ar-SY-u-nu-latn" : "en-GB";
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" })
    .format(new Date(`${iso}T00:00:00Z`));
}

// The date fields take text, so that they speak the page's language (a date input speaks the
// browser's): a typed day is written back as ISO, and in words below, or marked as no date.
function showDate(id) {
  const input = $(id);
  const typed = input.value.trim();
  const iso = isoDay(typed);
  if (iso) input.value = iso;
  input.setAttribute("aria-invalid", typed && !iso ? "true" : "false");
  $(`${id}-words`).textContent = !typed ? "" : iso ? dateWords(iso) : t("bad_date");
}

// --- language ----------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === "ar" ? "rtl" : "ltr";
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  $("lang").textContent = state.lang === "ar" ? "English" : "العربية";
  for (const id of ["f-since", "f-until"]) {
    $(id).placeholder = t("date_format");
    showDate(id);
  }
  if (state.facets) fillMenus();
  renderLegend();
}

// --- filters -----------------------------------------------------------------------------

function option(value, label) {
  return el("option", { value, text: label });
}

function fillMenus() {
  const f = state.facets;
  const menus = [
    ["f-type", f.event_type.map((r) => [r.event_type, `${typeName(r.event_type)} (${r.events})`])],
    ["f-sub", f.sub_event_type
      .filter((r) => !$("f-type").value || r.event_type === $("f-type").value)
      .map((r) => [r.sub_event_type, `${typeName(r.sub_event_type)} (${r.events})`])],
    ["f-admin1", f.admin1.map((r) => [r.admin1, `${govName(r.admin1)} (${r.events})`])],
  ];
  for (const [id, entries] of menus) {
    const select = $(id);
    const chosen = select.value;
    select.replaceChildren(option("", t("all")), ...entries.map(([v, label]) => option(v, label)));
    select.value = entries.some(([v]) => v === chosen) ? chosen : "";
  }
  $("actor-list").replaceChildren(...f.actor.map((r) => el("option", { value: actorName(r.actor) })));
  $("historical-count").textContent = f.historical_events ? `(${number(f.historical_events)})` : "";
}

async function loadFacets() {
  state.facets = await api("/api/facets", { historical: filters().historical });
  fillMenus();
}

function renderLegend() {
  $("legend").replaceChildren(...Object.entries(TYPE_COLOURS).map(([type, c]) =>
    el("li", {}, el("i", { style: { background: c } }), el("span", { text: typeName(type) }))),
    el("li", {}, el("i", { class: "hollow" }), el("span", { text: t("historical") })));
}

let refreshTimer = null;
function refreshSoon(delay = 250) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => refresh(), delay);
}

async function refresh({ timeline = true } = {}) {
  state.offset = 0;
  const jobs = [loadMap(), loadTable(), loadSummary()];
  if (timeline) jobs.push(loadTimeline());
  await Promise.all(jobs);
}

// --- map ---------------------------------------------------------------------------------

let map = null;
let clusterLayer = null;
let mapRequest = 0;

async function setUpMap(config) {
  map = L.map("map", { zoomSnap: 0.25, minZoom: 5, maxZoom: 16, preferCanvas: false });
  map.fitBounds(SYRIA);
  map.attributionControl.setPrefix(false);
  if (config.tile_url) {
    L.tileLayer(config.tile_url, { maxZoom: 18 }).addTo(map);
  }
  const boundaries = await fetch("/static/syria.geojson").then((r) => r.json());
  for (const feature of boundaries.features) {
    state.governorates[feature.properties.name_en] = feature.properties.name_ar;
  }
  L.geoJSON(boundaries, {
    style: { color: "#8aa0ad", weight: 1, fillColor: "#f8f6f1", fillOpacity: config.tile_url ? 0.15 : 1 },
    onEachFeature: (feature, layer) => {
      layer.on("click", () => {
        $("f-admin1").value = feature.properties.name_en;
        refresh();
      });
    },
  }).addTo(map);
  // Each name at its governorate's label point (scripts/build_boundaries.py), not at the
  // polygon's centre: Rural Damascus surrounds Damascus, and their centres nearly coincide.
  state.labels = boundaries.features.map((feature) => {
    const [lon, lat] = feature.properties.label;
    return L.tooltip({ direction: "center", className: "gov-label" })
      .setLatLng([lat, lon])
      .setContent(() => el("span", { text: govName(feature.properties.name_en) }))
      .addTo(map);
  });
  hideCrowdedLabels();
  map.attributionControl.addAttribution(boundaries.attribution);
  clusterLayer = L.layerGroup().addTo(map);
  map.on("moveend", () => loadMap());
  map.on("zoomend", hideCrowdedLabels);
}

// A name that would overlap one already written is left out at this zoom level; the
// boundaries' order (OCHA's P-codes: Damascus first) decides which is written.
function hideCrowdedLabels() {
  const written = [];
  for (const label of state.labels) {
    const node = label.getElement();
    if (!node) continue;
    node.style.visibility = "";
    const box = node.getBoundingClientRect();
    const crowded = written.some((other) => box.left < other.right && other.left < box.right
      && box.top < other.bottom && other.top < box.bottom);
    if (crowded) node.style.visibility = "hidden";
    else written.push(box);
  }
}

function radius(fatalities) {
  return Math.min(4 + 2.2 * Math.sqrt(fatalities || 0), 14);
}

async function loadMap() {
  const ticket = ++mapRequest;
  const zoom = Math.round(map.getZoom());
  const data = await api("/api/map", { ...filters(), zoom });
  if (ticket !== mapRequest) return;  // a newer request is on its way
  clusterLayer.clearLayers();
  for (const cell of data.cells) {
    if (cell.count === 1) {
      const type = Object.keys(cell.types)[0];
      // A background mention, when shown, is hollow: an earlier event, not this report's news.
      const marker = L.circleMarker([cell.lat, cell.lon], cell.historical ? {
        radius: radius(cell.fatalities), color: colour(type), weight: 2, dashArray: "3 2",
        fillColor: colour(type), fillOpacity: 0.12, className: "event-point historical",
      } : {
        radius: radius(cell.fatalities), color: "#fff", weight: 1.5, fillColor: colour(type),
        fillOpacity: 0.9, className: "event-point",
      });
      marker.on("click", () => openEvent(cell.id));
      const label = [typeName(type), `${number(cell.fatalities)} ${t("killed")}`];
      if (cell.historical) label.push(t("historical"));
      marker.bindTooltip(() => el("span", { text: label.join(" · ") }));
      clusterLayer.addLayer(marker);
    } else {
      clusterLayer.addLayer(clusterMarker(cell));
    }
  }
  $("map").dataset.located = data.located;
}

function clusterMarker(cell) {
  // The ring is a pie of the cell's event types; the size grows with the count.
  let start = 0;
  const stops = [];
  for (const [type, n] of Object.entries(cell.types).sort((a, b) => b[1] - a[1])) {
    const end = start + (360 * n) / cell.count;
    stops.push(`${colour(type)} ${start}deg ${end}deg`);
    start = end;
  }
  const size = Math.round(26 + 9 * Math.log10(cell.count) + Math.min(8, Math.sqrt(cell.fatalities)));
  const node = el("div", { class: cell.historical ? "cluster has-historical" : "cluster",
    "data-count": cell.count, "data-historical": cell.historical,
    style: { width: `${size}px`, height: `${size}px`, background: `conic-gradient(${stops.join(",")})` } },
    el("span", { text: number(cell.count) }));
  const marker = L.marker([cell.lat, cell.lon], {
    icon: L.divIcon({ html: node, className: "", iconSize: [size, size] }),
  });
  marker.on("click", () => {
    const [west, south, east, north] = cell.bounds;
    const samePlace = east - west < 1e-4 && north - south < 1e-4;
    if (samePlace || map.getZoom() >= 13) showList(cell.bounds);
    else map.fitBounds([[south, west], [north, east]], { padding: [40, 40], maxZoom: 13 });
  });
  return marker;
}

// --- timeline ------------------------------------------------------------------------------

const brush = { start: null, end: null, dragging: false };

function periodOf(first, last) {
  const days = (new Date(last) - new Date(first)) / 864e5;
  return days > 400 ? "month" : days > 90 ? "week" : "day";
}

function nextPeriod(day, period) {
  const d = new Date(`${day}T00:00:00Z`);
  if (period === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (period === "week" ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

async function loadTimeline() {
  const f = state.facets;
  if (!f.first_date) {
    state.series = [];
    drawTimeline();
    return;
  }
  state.period = periodOf(f.first_date, f.last_date);
  const stats = await api("/api/stats", { ...filters({ dates: false }), by: state.period });
  // Every period from the first to the last, empty ones included, so time reads evenly.
  const counts = Object.fromEntries(stats.timeline.map((p) => [p.period, p]));
  const series = [];
  const first = stats.timeline.length ? stats.timeline[0].period : null;
  const last = stats.timeline.length ? stats.timeline[stats.timeline.length - 1].period : null;
  for (let day = first; day && day <= last; day = nextPeriod(day, state.period)) {
    series.push(counts[day] || { period: day, events: 0, fatalities: 0 });
  }
  state.series = series;
  drawTimeline();
}

function svgEl(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

function drawTimeline() {
  const svg = $("timeline");
  const { width, height } = svg.getBoundingClientRect();
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.replaceChildren();
  const series = state.series;
  if (!series.length) return;
  const pad = { left: 30, right: 30, top: 6, bottom: 18 };
  const w = (width - pad.left - pad.right) / series.length;
  const maxEvents = Math.max(1, ...series.map((p) => p.events));
  const maxDeaths = Math.max(1, ...series.map((p) => p.fatalities));
  const h = height - pad.top - pad.bottom;
  // Time runs left to right in both languages, as on ACLED's own charts.
  const x = (i) => pad.left + i * w;
  series.forEach((p, i) => {
    if (!p.events) return;
    const bh = (h * p.events) / maxEvents;
    const bar = svgEl("rect", { class: "bar", x: x(i) + w * 0.1, y: pad.top + h - bh,
      width: Math.max(1, w * 0.8), height: bh });
    bar.append(svgEl("title"));
    bar.firstChild.textContent = `${p.period}: ${p.events} ${t("events")}, ${p.fatalities} ${t("fatalities")}`;
    svg.append(bar);
  });
  const points = series.map((p, i) => `${x(i) + w / 2},${pad.top + h - (h * p.fatalities) / maxDeaths}`);
  svg.append(svgEl("polyline", { class: "deaths", points: points.join(" ") }));
  const ticks = Math.min(series.length, Math.floor(width / 70));
  for (let k = 0; k < ticks; k++) {
    const i = Math.floor((k * (series.length - 1)) / Math.max(1, ticks - 1));
    const label = svgEl("text", { class: "axis", x: x(i) + w / 2, y: height - 4, "text-anchor": "middle" });
    label.textContent = state.period === "month" ? series[i].period.slice(0, 7) : series[i].period;
    svg.append(label);
  }
  for (const [value, y, anchor, xPos] of [[maxEvents, pad.top + 8, "end", pad.left - 4],
    [maxDeaths, pad.top + 8, "start", width - pad.right + 4]]) {
    const label = svgEl("text", { class: "axis", x: xPos, y, "text-anchor": anchor });
    label.textContent = number(value);
    svg.append(label);
  }
  const since = dayOf("f-since");
  const until = dayOf("f-until");
  if (since || until) {
    const from = series.findIndex((p) => nextPeriod(p.period, state.period) > (since || "0"));
    let to = series.length - 1;
    while (to > 0 && until && series[to].period > until) to--;
    if (from >= 0 && to >= from) {
      svg.append(svgEl("rect", { class: "brush", x: x(from), y: pad.top, width: (to - from + 1) * w, height: h }));
    }
  }
  svg.dataset.pad = JSON.stringify(pad);
}

function timelineIndex(event) {
  const svg = $("timeline");
  const pad = JSON.parse(svg.dataset.pad || '{"left":30,"right":30}');
  const box = svg.getBoundingClientRect();
  const w = (box.width - pad.left - pad.right) / state.series.length;
  const i = Math.floor((event.clientX - box.left - pad.left) / w);
  return Math.max(0, Math.min(state.series.length - 1, i));
}

function setUpBrush() {
  const svg = $("timeline");
  svg.addEventListener("pointerdown", (event) => {
    if (!state.series.length) return;
    brush.dragging = true;
    brush.start = brush.end = timelineIndex(event);
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", (event) => {
    if (!brush.dragging) return;
    brush.end = timelineIndex(event);
    const [a, b] = [brush.start, brush.end].sort((p, q) => p - q);
    $("f-since").value = state.series[a].period;
    $("f-until").value = lastDay(state.series[b].period);
    showDate("f-since");
    showDate("f-until");
    drawTimeline();
  });
  svg.addEventListener("pointerup", () => {
    if (!brush.dragging) return;
    brush.dragging = false;
    if (brush.start === brush.end) {
      $("f-since").value = "";
      $("f-until").value = "";
      showDate("f-since");
      showDate("f-until");
      drawTimeline();
    }
    refresh({ timeline: false });
  });
}

function lastDay(period) {
  const d = new Date(`${nextPeriod(period, state.period)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

// --- table -------------------------------------------------------------------------------

async function loadTable() {
  const page = await api("/api/events", { ...filters(), sort: state.sort, limit: PAGE, offset: state.offset });
  const rows = page.events.map((e) => {
    const row = el("tr", { "data-id": e.id, onclick: () => openEvent(e.id) },
      el("td", { text: e.event_date || t("undated") }),
      el("td", {}, el("span", { class: "swatch", style: { background: colour(e.event_type) } }),
        el("span", { text: typeName(e.sub_event_type) }),
        e.historical ? el("span", { class: "historical-tag", title: t("historical_banner"), text: t("historical_short") }) : null),
      actorCell(e.actor1),
      actorCell(e.actor2),
      el("td", state.lang === "ar" ? { text: e.location || "", dir: "rtl" } : { text: e.location_en || e.location || "" }),
      el("td", { text: placeName(e.admin1) }),
      el("td", { class: "num", text: number(e.fatalities) }),
      el("td", { class: "num", text: number(e.n_sources) }));
    if (e.id === state.selected) row.classList.add("selected");
    if (e.historical) row.classList.add("historical");
    return row;
  });
  const body = $("table").tBodies[0];
  body.replaceChildren(...rows);
  if (!rows.length) body.append(el("tr", {}, el("td", { colspan: 8, class: "empty", text: t("none") })));
  const end = Math.min(page.total, state.offset + PAGE);
  $("page").textContent = page.total ? `${number(state.offset + 1)}–${number(end)} ${t("of")} ${number(page.total)}` : "";
  $("prev").disabled = state.offset === 0;
  $("next").disabled = end >= page.total;
  for (const th of document.querySelectorAll("#table th")) {
    const on = state.sort.replace("-", "") === th.dataset.sort;
    th.classList.toggle("sorted", on);
    th.classList.toggle("asc", on && !state.sort.startsWith("-"));
  }
}

// An actor's name in the table; its period ("(2000-2024)"), which tells it from the same
// name in another period, on a line of its own rather than cut off.
function actorCell(name) {
  const shown = actorName(name);
  const period = shown.match(/^(.*) (\([^()]*\d{4}[^()]*\))$/);
  return el("td", { class: "actor", title: name || "" }, ...(period
    ? [period[1], el("span", { class: "period", text: period[2] })]
    : [shown]));
}

async function loadSummary() {
  const stats = await api("/api/stats", { ...filters(), by: "month" });
  $("count").textContent = number(stats.events);
  $("deaths").textContent = number(stats.fatalities);
  $("count").dataset.count = stats.events;
  const { events: recalled, fatalities: recalledDeaths } = stats.historical;
  const comma = state.lang === "ar" ? "، " : ", ";
  $("historical-note").textContent = recalled
    ? `(${t("incl_historical")} ${number(recalled)} ${t("events")}${comma}${number(recalledDeaths)} ${t("fatalities")})`
    : "";
  const since = dayOf("f-since");
  const until = dayOf("f-until");
  // The arrow points from the first day to the last in the page's direction.
  const arrow = state.lang === "ar" ? "←" : "→";
  $("range").textContent = since || until ? `${since || "…"} ${arrow} ${until || "…"}` : "";
  if (!state.view || state.view.kind === "summary") renderSummaryPanel(stats);
}

// --- the panel ---------------------------------------------------------------------------

// The panel's content; parts left out (null) are skipped, as el() skips them.
function showInPanel(...parts) {
  $("panel-body").replaceChildren(...parts.filter((part) => part !== null && part !== undefined));
}

function renderSummaryPanel(stats) {
  if (state.view && state.view.kind !== "summary") return;
  state.view = { kind: "summary" };
  const bars = (rows, key, label, fill) => {
    const max = Math.max(1, ...rows.map((r) => r.events));
    return el("ul", { class: "bars" }, ...rows.slice(0, 10).map((r) => el("li", {},
      el("span", { text: label(r[key]), title: r[key] || "" }),
      el("span", { class: "track" }, el("span", { class: "fill", style: { width: `${(100 * r.events) / max}%`, background: fill(r[key]), display: "block" } })),
      el("span", { class: "n", text: number(r.events) }))));
  };
  showInPanel(
    el("p", { class: "empty", text: t("pick") }),
    el("h4", { text: t("by_type") }), bars(stats.by_type, "event_type", typeName, colour),
    el("h4", { text: t("by_admin1") }), bars(stats.by_admin1, "admin1", placeName, () => "#7aa6b5"),
    el("h4", { text: t("by_actor") }), bars(stats.by_actor, "actor", actorName, () => "#a3b1bd"));
}

function field(label, value, attrs = {}) {
  if (value === null || value === undefined || value === "") return [];
  return [el("dt", { text: label }), el("dd", { ...attrs, text: String(value) })];
}

// An actor by the name the page's language gives it, with ACLED's name beside an Arabic one.
function actorField(label, name) {
  if (!name) return [];
  const shown = actorName(name);
  return [el("dt", { text: label }), el("dd", {}, shown,
    shown !== name ? el("span", { class: "latin", dir: "ltr", lang: "en", text: name }) : null)];
}

// The Arabic of an event's English notes (rasad.assemble._notes), made from the same fields.
function notesAr(e) {
  // Only the English notes tell that the first actor is suspected, not named by the report.
  const who = e.actor1 || "An unidentified side";
  const suspected = (e.notes || "").startsWith(`${e.sub_event_type}: ${who} (suspected)`);
  let text = `${typeName(e.sub_event_type)}: ${e.actor1 ? actorName(e.actor1) : "طرف مجهول"}`;
  if (suspected) text += " (يُشتبه بمسؤوليته)";
  if (e.actor2) text += ` ضد ${actorName(e.actor2)}`;
  if (e.location) text += ` في ${e.location}`;
  if (e.admin1 && e.location_en !== e.admin1) text += ` (${govName(e.admin1)})`;
  // The date isolated: after Arabic letters its digits would be laid out right to left.
  if (e.event_date && e.time_precision === 1) text += ` بتاريخ \u2066${e.event_date}\u2069`;
  if (e.fatalities) text += `؛ القتلى: ${number(e.fatalities)}`;
  text += ".";
  if (e.historical) text += " ذُكر خلفيةً لتقرير لاحق.";
  return text;
}

function evidenceParagraph(spans, base, baseText, currentLabels) {
  // The sentence, right to left, with the words behind each field marked. Offsets are into
  // the document; ``base`` is where ``baseText`` starts in it.
  const p = el("p", { class: "evidence", dir: "rtl", lang: "ar" });
  const inside = spans
    .filter((s) => s.label !== "event" && s.start >= base && s.end <= base + baseText.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let cursor = base;
  for (const span of inside) {
    if (span.start < cursor) continue;  // nested or overlapping: the outer one is marked
    p.append(document.createTextNode(baseText.slice(cursor - base, span.start - base)));
    const mark = el("mark", { class: `l-${span.label}`, title: t(`m_${span.label}`), text: baseText.slice(span.start - base, span.end - base) });
    if (currentLabels) mark.classList.add("current");
    p.append(mark);
    cursor = span.end;
  }
  p.append(document.createTextNode(baseText.slice(cursor - base)));
  return p;
}

function marksKey() {
  return el("div", { class: "marks-key" }, el("span", { text: t("marks") }),
    ...["event_type", "actor1", "actor2", "location", "event_date", "fatalities"].map((label) =>
      el("mark", { class: `l-${label}`, text: t(`m_${label}`) })));
}

async function openEvent(id) {
  const e = await api(`/api/events/${encodeURIComponent(id)}`);
  state.selected = e.event_id;
  state.view = { kind: "event", id: e.event_id };
  for (const row of document.querySelectorAll("#table tbody tr")) {
    row.classList.toggle("selected", row.dataset.id === e.event_id);
  }
  const range = e.fatalities_low !== null && (e.fatalities_low !== e.fatalities || e.fatalities_high !== e.fatalities)
    ? `${e.fatalities_low}–${e.fatalities_high}` : null;
  const sources = e.sources.map((s) => {
    const sentence = s.evidence.find((span) => span.label === "event");
    const head = el("div", { class: "source-head" },
      el("strong", { text: s.outlet || s.doc_id, dir: "auto" }),
      el("span", { class: "muted", text: [s.published, t(s.role)].filter(Boolean).join(" · ") }),
      httpUrl(s.url) ? el("a", { href: httpUrl(s.url), target: "_blank", rel: "noopener noreferrer", text: t("open_source") }) : null,
      el("a", { class: "back", href: "#", text: t("cleaned"), onclick: (ev) => { ev.preventDefault(); openDocument(s.doc_id, e.event_id); } }),
      s.fatalities !== null && s.role !== "copy" ? el("span", { text: `${number(s.fatalities)} ${t("killed")}` }) : null);
    const body = sentence
      ? evidenceParagraph(s.evidence, sentence.start, sentence.text, false)
      : s.evidence.length ? el("p", { class: "evidence", dir: "rtl", lang: "ar", text: s.evidence.map((x) => x.text).join(" … ") }) : null;
    // Why this account was joined to the ones before it (rasad events --event ID).
    const why = (s.joined_because || []).map((j) =>
      el("p", { class: "why muted", dir: "ltr", text: `${t("joined")} ${j.with}: ${j.summary}` }));
    return el("div", { class: "source" }, head, body, ...why);
  });
  showInPanel(
    el("span", { class: "type-tag", style: { background: colour(e.event_type) }, text: typeName(e.event_type) }),
    el("h3", { text: typeName(e.sub_event_type) }),
    e.historical ? el("p", { class: "historical-banner", text: t("historical_banner") }) : null,
    el("dl", {},
      ...field(t("date"), e.event_date || t("undated")),
      ...field(t("location"), [e.location, e.location_en].filter(Boolean).join(" · "), { dir: "auto" }),
      ...field(t("governorate"), [govName(e.admin1), e.admin2].filter(Boolean).join(" · ")),
      ...actorField(t("actor1"), e.actor1), ...actorField(t("actor2"), e.actor2),
      ...field(t("killed_short"), number(e.fatalities)),
      ...field(t("fatalities_range"), range),
      ...field(t("sources"), number(e.n_sources))),
    state.lang === "ar"
      ? el("p", { class: "notes", dir: "rtl", lang: "ar", text: notesAr(e) })
      : e.notes ? el("p", { class: "notes", dir: "ltr", lang: "en", text: e.notes }) : null,
    el("h4", { text: `${t("evidence")} · ${t("sources")}` }), marksKey(), ...sources);
  $("panel").scrollTop = 0;
}

async function openDocument(docId, eventId) {
  const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
  state.view = { kind: "document", id: docId };
  const spans = [];
  for (const account of doc.events) {
    for (const span of account.evidence) {
      if (span.label !== "event") spans.push(span);
    }
  }
  const mine = doc.events.filter((a) => a.event_id === eventId).flatMap((a) => a.evidence);
  const text = evidenceParagraph(spans, 0, doc.text, false);
  text.classList.add("doc-text");
  for (const mark of text.querySelectorAll("mark")) {
    mark.classList.toggle("current", mine.some((s) => s.text === mark.textContent));
  }
  showInPanel(
    el("a", { class: "back", href: "#", text: t("back"), onclick: (ev) => { ev.preventDefault(); openEvent(eventId); } }),
    el("h3", { text: doc.title || doc.id, dir: "auto" }),
    el("p", { class: "muted", text: [doc.outlet, doc.published].filter(Boolean).join(" · ") }),
    httpUrl(doc.url) ? el("a", { href: httpUrl(doc.url), target: "_blank", rel: "noopener noreferrer", text: t("open_source") }) : null,
    marksKey(), text);
  $("panel").scrollTop = 0;
}

async function showList(bounds) {
  const page = await api("/api/events", { ...filters(), bbox: bounds.join(","), limit: 100 });
  state.view = { kind: "list" };
  showInPanel(
    el("h3", { text: `${t("here")} (${number(page.total)})` }),
    ...page.events.map((e) => el("div", { class: e.historical ? "list-item historical" : "list-item", onclick: () => openEvent(e.id) },
      el("span", { class: "type-tag", style: { background: colour(e.event_type) }, text: typeName(e.sub_event_type) }),
      " ", el("span", { text: `${e.event_date || t("undated")} · ${state.lang === "ar" ? e.location || "" : e.location_en || ""} · ${number(e.fatalities)} ${t("killed")}` }),
      e.historical ? el("span", { class: "historical-tag", text: t("historical_short") }) : null)));
}

// --- export ------------------------------------------------------------------------------

async function download(kind) {
  // Through fetch, so that a read token, when the server wants one, goes along.
  const blob = await api(`/api/events.${kind}`, { ...filters(), sort: state.sort }, true);
  const link = el("a", { href: URL.createObjectURL(blob), download: `rasad-events.${kind}` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// --- start -------------------------------------------------------------------------------

async function main() {
  const config = await api("/api/config");
  await setUpMap(config);
  for (const { actor, name_ar: nameAr } of (await api("/api/actors")).actors) {
    state.actorsAr[actor] = nameAr;
    state.actorsEn[nameAr] = actor;
  }
  await loadFacets();
  applyLanguage();
  setUpBrush();
  for (const id of ["f-since", "f-until"]) {
    $(id).addEventListener("change", () => {
      showDate(id);
      refresh({ timeline: false });
    });
  }
  for (const id of ["f-admin1", "f-sub"]) $(id).addEventListener("change", () => refresh());
  $("f-historical").addEventListener("change", async () => {
    await loadFacets();
    refresh();
  });
  $("f-type").addEventListener("change", () => { fillMenus(); refresh(); });
  for (const id of ["f-actor", "f-min", "f-q"]) $(id).addEventListener("input", () => refreshSoon());
  $("reset").addEventListener("click", async () => {
    for (const id of ["f-since", "f-until", "f-type", "f-sub", "f-admin1", "f-actor", "f-min", "f-q"]) $(id).value = "";
    showDate("f-since");
    showDate("f-until");
    $("f-historical").checked = false;
    await loadFacets();  // the menus' counts, and the timeline's range, follow the switch
    state.view = null;
    refresh();
  });
  $("lang").addEventListener("click", () => {
    state.lang = state.lang === "ar" ? "en" : "ar";
    localStorage.setItem("rasad.lang", state.lang);
    applyLanguage();
    const view = state.view;
    state.view = null;
    refresh().then(() => { if (view && view.kind === "event") openEvent(view.id); });
    for (const label of state.labels) label.update();
    hideCrowdedLabels();
  });
  for (const th of document.querySelectorAll("#table th")) {
    th.addEventListener("click", () => {
      state.sort = state.sort === `-${th.dataset.sort}` ? th.dataset.sort : `-${th.dataset.sort}`;
      state.offset = 0;
      loadTable();
    });
  }
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable(); });
  $("next").addEventListener("click", () => { state.offset += PAGE; loadTable(); });
  $("export-csv").addEventListener("click", () => download("csv"));
  $("export-geojson").addEventListener("click", () => download("geojson"));
  window.addEventListener("resize", () => {
    drawTimeline();
    hideCrowdedLabels();
  });
  await refresh();
  document.body.dataset.ready = "true";
}

main();
