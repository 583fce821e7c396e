// The explore page: opens the dataset's .duckdb file with DuckDB-WASM (from its npm package files, served by
// `npm run explore`) and shows articles with their annotations highlighted, a timeline, who is quoted by which
// outlet, quotes shared across outlets, and a SQL box. Offsets are Unicode code points into `articles.body`.
import * as duckdb from "/duckdb/duckdb-browser.mjs";

const $ = (sel, root = document) => root.querySelector(sel);
const status = $("#status");
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined) e.setAttribute(k, String(v));
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k instanceof Node ? k : String(k));
  return e;
};
const sqlString = (s) => `'${String(s).replace(/'/g, "''")}'`;

/** An Arrow value as plain JSON: BigInt → number (or string when too large), lists → arrays, dates → ISO days. */
function plain(v, type) {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (type && globalThis.Arrow && globalThis.Arrow.DataType.isDate(type) && typeof v === "number") return new Date(v).toISOString().slice(0, 10);
  if (type && globalThis.Arrow && globalThis.Arrow.DataType.isTimestamp(type) && typeof v === "number") return new Date(v).toISOString();
  if (v && typeof v.toArray === "function") return Array.from(v.toArray(), (x) => plain(x, type?.children?.[0]?.type));
  if (v && typeof v === "object" && typeof v.toJSON === "function") return v.toJSON();
  return v;
}

let con = null;
/** Runs SQL; returns { columns, rows } with plain values. */
async function query(sql) {
  const t = await con.query(sql);
  const fields = t.schema.fields;
  const rows = t.toArray().map((r) => {
    const o = {};
    for (const f of fields) o[f.name] = plain(r[f.name], f.type);
    return o;
  });
  return { columns: fields.map((f) => f.name), rows };
}
const rowsOf = async (sql) => (await query(sql)).rows;

function table(columns, rows, cell = {}) {
  if (!rows.length) return el("p", { class: "hint" }, "No rows.");
  return el(
    "table",
    {},
    el("thead", {}, el("tr", {}, columns.map((c) => el("th", {}, c)))),
    el(
      "tbody",
      {},
      rows.map((r) =>
        el(
          "tr",
          {},
          columns.map((c) => {
            const v = r[c];
            if (cell[c]) return el("td", {}, cell[c](v, r));
            return el("td", { class: typeof v === "number" ? "num" : null }, v === null ? "NULL" : typeof v === "object" ? JSON.stringify(v) : String(v));
          }),
        ),
      ),
    ),
  );
}

function show(id, ...nodes) {
  const out = $(`#${id} .out`);
  out.replaceChildren(...nodes);
}

async function hasColumn(table, column) {
  const r = await rowsOf(`SELECT count(*) AS n FROM information_schema.columns WHERE table_name = ${sqlString(table)} AND column_name = ${sqlString(column)}`);
  return r[0].n > 0;
}
async function hasView(name) {
  const r = await rowsOf(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ${sqlString(name)}`);
  return r[0].n > 0;
}

let withText = true;

async function listArticles() {
  const rows = await rowsOf(`SELECT a.article_id, a.title, a.outlet, CAST(a.published_date AS VARCHAR) AS published,
      (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) AS quotes,
      (SELECT count(*) FROM mentions m WHERE m.article_id = a.article_id) AS mentions,
      (SELECT count(*) FROM dates d WHERE d.article_id = a.article_id) AS dates, a.word_count AS words
    FROM articles a ORDER BY a.published_date NULLS LAST, a.article_id`);
  const t = table(["title", "outlet", "published", "quotes", "mentions", "dates", "words"], rows, {
    title: (v, r) => el("span", { class: "list" }, el("button", { type: "button", "data-article-id": r.article_id, onclick: () => showArticle(r.article_id) }, v ?? r.article_id)),
  });
  show("articles", el("p", {}, `${rows.length} article(s).`), t);
}

/** Splits `text` (code points) at every span boundary; each piece carries the spans that cover it. */
export function segments(text, spans) {
  const cps = Array.from(text);
  const cuts = new Set([0, cps.length]);
  for (const s of spans) if (s.start < s.end && s.end <= cps.length) cuts.add(s.start).add(s.end);
  const at = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < at.length; i++) {
    const a = at[i];
    const b = at[i + 1];
    out.push({ text: cps.slice(a, b).join(""), spans: spans.filter((s) => s.start <= a && s.end >= b && s.start < s.end) });
  }
  return out;
}

async function showArticle(id) {
  location.hash = "article";
  const [a] = await rowsOf(`SELECT article_id, title, outlet, CAST(published_date AS VARCHAR) AS published, authors, dateline_place, language${withText ? ", body" : ""} FROM articles WHERE article_id = ${sqlString(id)}`);
  if (!a) return;
  const quotes = await rowsOf(`SELECT quote_id, start, "end", speaker, speaker_start, speaker_end, speaker_name, kind, attribution, cue${withText ? ", text" : ""} FROM quotes WHERE article_id = ${sqlString(id)} ORDER BY start`);
  const mentions = await rowsOf(`SELECT m.mention_id, m.start, m."end", e.name, e.type, m.entity_id FROM mentions m JOIN entities e USING (entity_id) WHERE m.article_id = ${sqlString(id)} ORDER BY m.start`);
  const dates = await rowsOf(`SELECT date_id, start, "end", text, value, type, anchor FROM dates WHERE article_id = ${sqlString(id)} ORDER BY start`);
  const entities = await rowsOf(`SELECT name, type, count(*) AS mentions FROM mentions m JOIN entities e USING (entity_id) WHERE m.article_id = ${sqlString(id)} GROUP BY ALL ORDER BY mentions DESC, name`);
  const spans = [
    ...quotes.map((q) => ({ id: q.quote_id, start: q.start, end: q.end, cls: "hl-quote", title: `${q.kind} quote${q.speaker_name ? ` — ${q.speaker_name}` : ""}` })),
    ...quotes.filter((q) => q.speaker_start !== null).map((q) => ({ id: `${q.quote_id}#speaker`, start: q.speaker_start, end: q.speaker_end, cls: "hl-speaker", title: `speaker: ${q.speaker_name ?? q.speaker}` })),
    ...mentions.map((m) => ({ id: m.mention_id, start: m.start, end: m.end, cls: `hl-mention t-${m.type}`, title: `${m.type}: ${m.name}` })),
    ...dates.map((d) => ({ id: d.date_id, start: d.start, end: d.end, cls: "hl-date", title: `${d.type} ${d.value} (${d.anchor})` })),
  ];
  let bodyNode;
  if (withText && typeof a.body === "string") {
    bodyNode = el(
      "div",
      { class: "body", "data-article-id": a.article_id },
      segments(a.body, spans).map((s) =>
        s.spans.length
          ? el("span", { class: s.spans.map((x) => x.cls).join(" "), "data-spans": s.spans.map((x) => x.id).join(" "), title: s.spans.map((x) => x.title).join("\n") }, s.text)
          : s.text,
      ),
    );
  } else {
    bodyNode = el("p", { class: "hint" }, "This build was made with --text offsets: the article text is not published, only the offsets of each span.");
  }
  const side = el(
    "div",
    {},
    el("h3", {}, `Quotes (${quotes.length})`),
    table(withText ? ["speaker_name", "kind", "text"] : ["speaker_name", "kind", "start", "end"], quotes),
    el("h3", {}, `Entities (${entities.length})`),
    table(["name", "type", "mentions"], entities),
    el("h3", {}, `Dates (${dates.length})`),
    table(["text", "value", "anchor"], dates),
  );
  show(
    "article",
    el("h3", { class: "title" }, a.title ?? a.article_id),
    el("p", {}, [a.outlet, a.published, a.dateline_place, (a.authors ?? []).join(", "), a.language].filter((x) => x).join(" · ")),
    el("div", { class: "cols" }, bodyNode, side),
  );
}

async function showTimeline() {
  // every expression whose year is known, placed by its day, else by its month or year
  const rows = (await hasView("timeline"))
    ? await rowsOf(`SELECT coalesce(CAST(date AS VARCHAR), value) AS "when", value, text, outlet, article_id FROM timeline ORDER BY "when", date_id LIMIT 2000`)
    : await rowsOf(`SELECT coalesce(CAST(d.date AS VARCHAR), d.value) AS "when", d.value, a.outlet, d.article_id FROM dates d JOIN articles a USING (article_id) WHERE regexp_matches(d.value, '^\\d{4}') ORDER BY "when", d.date_id LIMIT 2000`);
  const bucket = (w) => (/^\d{4}-\d{2}/.test(w) ? w.slice(0, 7) : w.slice(0, 4));
  const counts = new Map();
  for (const r of rows) counts.set(bucket(r.when), (counts.get(bucket(r.when)) ?? 0) + 1);
  const keys = [...counts.keys()].sort();
  const max = Math.max(1, ...counts.values());
  const bars = el(
    "div",
    { class: "bars", "aria-label": "dated expressions per month (or year)" },
    keys.map((k) => el("div", { style: `height:${Math.round((100 * counts.get(k)) / max)}%`, title: `${k}: ${counts.get(k)}` }, el("span", {}, k))),
  );
  const columns = rows.length && "text" in rows[0] ? ["when", "value", "text", "outlet", "article_id"] : ["when", "value", "outlet", "article_id"];
  show(
    "timeline",
    el("p", {}, `${rows.length} dated expression(s) whose year is known, by month (or year when that is all they say):`),
    bars,
    el("div", { style: "height:2.5rem" }),
    table(columns, rows, { article_id: (v) => el("span", { class: "list" }, el("button", { type: "button", onclick: () => showArticle(v) }, v)) }),
  );
}

async function showQuotedBy() {
  if (!(await hasView("quote_speakers"))) return show("quoted-by", el("p", { class: "hint" }, "No quote_speakers view in this database."));
  const rows = await rowsOf(`SELECT coalesce(speaker_name, '(unresolved)') AS speaker, coalesce(outlet, '(unknown outlet)') AS outlet, count(*) AS n FROM quote_speakers GROUP BY ALL`);
  const outlets = [...new Set(rows.map((r) => r.outlet))].sort();
  const by = new Map();
  for (const r of rows) {
    const o = by.get(r.speaker) ?? { speaker: r.speaker, total: 0 };
    o[r.outlet] = r.n;
    o.total += r.n;
    by.set(r.speaker, o);
  }
  const speakers = [...by.values()].sort((a, b) => b.total - a.total || (a.speaker < b.speaker ? -1 : 1)).slice(0, 100);
  for (const s of speakers) for (const o of outlets) s[o] ??= 0;
  show("quoted-by", table(["speaker", ...outlets, "total"], speakers));
}

async function showShared() {
  if (!(await hasView("shared_quotes"))) return show("shared", el("p", { class: "hint" }, "No shared_quotes view in this database."));
  const q = await query(`SELECT * FROM shared_quotes ORDER BY outlets DESC, cluster_id`);
  show("shared", el("p", {}, `${q.rows.length} quote cluster(s) span more than one outlet.`), table(q.columns, q.rows));
}

async function runSql() {
  const err = $("#sql-error");
  err.textContent = "";
  const out = $("#sql-result");
  out.replaceChildren(el("p", { class: "hint" }, "Running…"));
  try {
    const q = await query($("#sql").value);
    out.replaceChildren(el("p", { class: "rows" }, `${q.rows.length} row(s)`), table(q.columns, q.rows));
  } catch (e) {
    out.replaceChildren();
    err.textContent = String(e.message ?? e);
  }
}

async function dbUrl() {
  const given = new URLSearchParams(location.search).get("db");
  if (given) return new URL(given, location.href).href;
  // the database is named after the package: <name>.duckdb next to datapackage.json
  const pkg = await (await fetch(new URL("../datapackage.json", location.href))).json();
  return new URL(`../${pkg.name}.duckdb`, location.href).href;
}

async function main() {
  const base = new URL("/duckdb/", location.href).href;
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: `${base}duckdb-mvp.wasm`, mainWorker: `${base}duckdb-browser-mvp.worker.js` },
    eh: { mainModule: `${base}duckdb-eh.wasm`, mainWorker: `${base}duckdb-browser-eh.worker.js` },
  });
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  const url = await dbUrl();
  status.textContent = `Loading ${url}…`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  await db.registerFileBuffer("dataset.duckdb", new Uint8Array(await res.arrayBuffer()));
  con = await db.connect();
  for (const s of ["SET autoinstall_known_extensions = false", "SET autoload_known_extensions = false"]) await con.query(s).catch(() => {});
  await con.query("ATTACH 'dataset.duckdb' AS dataset (READ_ONLY)");
  await con.query("USE dataset");
  withText = await hasColumn("articles", "body");
  const [v] = await rowsOf("SELECT version() AS v");
  status.textContent = `DuckDB ${v.v} (WASM) · ${url.split("/").pop()}${withText ? "" : " · text policy: offsets"}`;
  $("#run").addEventListener("click", runSql);
  $("#sql").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) runSql();
  });
  const parts = [listArticles, showTimeline, showQuotedBy, showShared];
  for (const p of parts) {
    try {
      await p();
    } catch (e) {
      console.error(e);
    }
  }
  document.body.dataset.ready = "true";
}

main().catch((e) => {
  console.error(e);
  status.textContent = `Could not open the database: ${e.message ?? e}`;
  status.classList.add("error");
  document.body.dataset.ready = "error";
});
