// The explore page end to end: headless Chromium (Debian's `chromium`, driven by playwright-core) opens the page
// served by pipeline/explore/serve.ts, which loads the .duckdb with DuckDB-WASM. Checks a SQL query's rows, an
// article's highlights (code-point offsets, also after characters outside the BMP), that no request leaves
// localhost, and keeps a screenshot in test-artifacts/.
import { existsSync } from "node:fs";
import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { TABLES } from "../schemas/tables.ts";
import { startServer, within, type Explorer } from "../pipeline/explore/serve.ts";
import { DATASET_NAME } from "../pipeline/publish/metadata.ts";
import { publishedColumns, writeDataset } from "../pipeline/publish/write.ts";
import { ROOT } from "../pipeline/run.ts";
import { buildTo, sql, tmp } from "./helpers.ts";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium", "/snap/bin/chromium"];
const CHROMIUM = CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;
const NO_CHROMIUM = "no chromium binary found (apt-get install chromium, or set CHROMIUM_PATH)";
if (!CHROMIUM) console.warn(`explore e2e: skipped, ${NO_CHROMIUM}`);

const ARTIFACTS = join(ROOT, "test-artifacts");

// a made-up article, with characters outside the Basic Multilingual Plane before its spans
const BODY_A = "🚢 Harbour traffic rose on 3 March 2024, Mara Quist said.\n\n“We are 😀 proud of the crew,” Quist told reporters. The Northway Port Authority expects more ships by 2025.";
const BODY_B = "Mara Quist praised the crew. “We are 😀 proud of the crew,” she said on Monday.";
const cpLen = (s: string) => Array.from(s).length;
function span(body: string, text: string, from = 0) {
  const i = body.indexOf(text, from);
  if (i < 0) throw new Error(`${text} not in body`);
  return { text, start: cpLen(body.slice(0, i)), end: cpLen(body.slice(0, i)) + cpLen(text) };
}
const sentence = (body: string, text: string) => {
  const i = body.indexOf(text);
  const dot = body.lastIndexOf(". ", i);
  const s = Math.max(dot < 0 ? 0 : dot + 2, body.lastIndexOf("\n", i) + 1);
  const e = body.indexOf(".", i + text.length) + 1;
  return { sentence_start: cpLen(body.slice(0, s)), sentence_end: cpLen(body.slice(0, e)) };
};

/** Fills the columns a row leaves out (columns added later) with a neutral value of their type. */
function complete(table: string, row: Record<string, unknown>): Record<string, unknown> {
  const t = TABLES.find((x) => x.name === table)!;
  const out: Record<string, unknown> = {};
  for (const c of publishedColumns(t, "full"))
    out[c.name] = c.name in row ? row[c.name] : c.nullable ? null : c.duck === "INTEGER" ? 0 : c.duck === "VARCHAR[]" ? [] : c.enum ? c.enum[0] : "x";
  return out;
}

/** A dataset folder made by the publish step from hand-made rows: tables, views, datapackage.json and the page. */
async function handMade(): Promise<{ dir: string; expect: { id: string; text: string; cls: string }[] }> {
  const work = await tmp("explore");
  const staging = join(work, "staging");
  const dir = join(work, "out");
  await mkdir(staging);
  await mkdir(dir);
  const article = (id: string, outlet: string, body: string, day: string) =>
    complete("articles", {
      article_id: id, source_path: `${id}.txt`, source_sha256: "a".repeat(64), title: `Title of ${id}`, subtitle: null, outlet, outlet_source: "manifest",
      republisher: null, authors: ["A. Writer"], dateline_place: null, published_date: day, published_date_source: "manifest", language: "en",
      body, raw_text: body, paragraph_count: body.split("\n\n").length, word_count: body.split(/\s+/).length,
    });
  const rows: Record<string, Record<string, unknown>[]> = {
    articles: [article("a", "Harbour Daily", BODY_A, "2024-03-04"), article("b", "Coast Courier", BODY_B, "2024-03-05")],
    boilerplate: [], rejects: [],
    dates: [
      { date_id: "a/d0001", article_id: "a", ...span(BODY_A, "3 March 2024"), ...sentence(BODY_A, "3 March 2024"), type: "date", value: "2024-03-03", date: "2024-03-03", precision: "day", anchor: "absolute" },
      { date_id: "a/d0002", article_id: "a", ...span(BODY_A, "2025"), ...sentence(BODY_A, "2025"), type: "date", value: "2025", date: null, precision: "year", anchor: "absolute" },
      { date_id: "b/d0001", article_id: "b", ...span(BODY_B, "Monday"), ...sentence(BODY_B, "Monday"), type: "date", value: "2024-03-04", date: "2024-03-04", precision: "day", anchor: "publication_date" },
    ].map((r) => complete("dates", r)),
    entities: [
      { entity_id: "person:mara-quist", name: "Mara Quist", type: "person", aliases: ["Mara Quist", "Quist"], mention_count: 3, article_count: 2 },
      { entity_id: "organization:northway-port-authority", name: "Northway Port Authority", type: "organization", aliases: ["Northway Port Authority"], mention_count: 1, article_count: 1 },
    ].map((r) => complete("entities", r)),
    mentions: [
      { mention_id: "a/m0001", article_id: "a", ...span(BODY_A, "Mara Quist") },
      { mention_id: "a/m0002", article_id: "a", ...span(BODY_A, "Quist", BODY_A.indexOf("told") - 7) },
      { mention_id: "a/m0003", article_id: "a", ...span(BODY_A, "Northway Port Authority") },
      { mention_id: "b/m0001", article_id: "b", ...span(BODY_B, "Mara Quist") },
    ].map((r) => complete("mentions", r)),
    mention_links: [
      { mention_id: "a/m0001", entity_id: "person:mara-quist" },
      { mention_id: "a/m0002", entity_id: "person:mara-quist" },
      { mention_id: "a/m0003", entity_id: "organization:northway-port-authority" },
      { mention_id: "b/m0001", entity_id: "person:mara-quist" },
    ],
    quotes: [
      { quote_id: "a/q0001", article_id: "a", ...span(BODY_A, "We are 😀 proud of the crew,"), kind: "direct", ...(({ text, start, end }) => ({ speaker: text, speaker_start: start, speaker_end: end }))(span(BODY_A, "Quist", BODY_A.indexOf("told") - 7)), cue: "told", attribution: "explicit" },
      { quote_id: "b/q0001", article_id: "b", ...span(BODY_B, "We are 😀 proud of the crew,"), kind: "direct", ...(({ text, start, end }) => ({ speaker: text, speaker_start: start, speaker_end: end }))(span(BODY_B, "she")), cue: "said", attribution: "pronoun" },
    ].map((r) => complete("quotes", r)),
    quote_links: [
      { quote_id: "a/q0001", cluster_id: "a/q0001", speaker_entity_id: "person:mara-quist", speaker_name: "Mara Quist" },
      { quote_id: "b/q0001", cluster_id: "a/q0001", speaker_entity_id: "person:mara-quist", speaker_name: "Mara Quist" },
    ],
  };
  // staged mention and quote rows carry their linked fields (pipeline/run.ts appends them after linking)
  const ml = new Map(rows.mention_links!.map((l) => [l.mention_id, l]));
  const ql = new Map(rows.quote_links!.map((l) => [l.quote_id, l]));
  rows.mentions = rows.mentions!.map((m) => ({ ...m, ...ml.get(m.mention_id) }));
  rows.quotes = rows.quotes!.map((x) => ({ ...x, ...ql.get(x.quote_id) }));
  delete rows.mention_links;
  delete rows.quote_links;
  for (const [t, r] of Object.entries(rows)) await writeFile(join(staging, `${t}.jsonl`), r.map((x) => `${JSON.stringify(x)}\n`).join(""));
  await writeDataset(staging, dir, DATASET_NAME, "full", 1 << 16);
  await writeFile(join(dir, "datapackage.json"), JSON.stringify({ name: DATASET_NAME, resources: [] }));
  await cp(join(ROOT, "pipeline", "explore", "static"), join(dir, "explore"), { recursive: true });
  const want = [
    ...rows.mentions!.filter((m) => m.article_id === "a").map((m) => ({ id: String(m.mention_id), text: String(m.text), cls: "hl-mention" })),
    ...rows.dates!.filter((m) => m.article_id === "a").map((m) => ({ id: String(m.date_id), text: String(m.text), cls: "hl-date" })),
    { id: "a/q0001", text: "We are 😀 proud of the crew,", cls: "hl-quote" },
    { id: "a/q0001#speaker", text: "Quist", cls: "hl-speaker" },
  ];
  return { dir, expect: want };
}

async function openPage(browser: Browser, server: Explorer, outside: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("request", (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) outside.push(r.url());
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}explore/`);
  await page.waitForSelector("body[data-ready]", { timeout: 90_000 });
  const ready = await page.getAttribute("body", "data-ready");
  if (ready !== "true") throw new Error(`the page did not open the database: ${await page.textContent("#status")} ${errors.join("; ")}`);
  return page;
}

async function runSql(page: Page, query: string): Promise<string[][]> {
  await page.fill("#sql", query);
  await page.click("#run");
  await page.waitForSelector("#sql-result .rows, #sql-error:not(:empty)", { timeout: 30_000 });
  const err = await page.textContent("#sql-error");
  if (err) throw new Error(`SQL box: ${err}`);
  return page.$$eval("#sql-result table tr", (trs) => trs.map((tr) => Array.from(tr.children, (td) => (td as { textContent: string | null }).textContent ?? "")));
}

// CI installs chromium (.ci/run): there, a missing browser is a failure, not a skip
it.runIf(!CHROMIUM && !!process.env.CI)("has chromium in CI", () => {
  throw new Error(`explore e2e: ${NO_CHROMIUM}`);
});

describe("the explore server", () => {
  it("serves the dataset folder and the npm package files, and nothing outside them", async () => {
    const { dir } = await handMade();
    const s = await startServer({ dir, port: 0 });
    try {
      const get = async (p: string) => {
        const r = await fetch(new URL(p, s.url), { method: "HEAD", redirect: "manual" });
        await r.arrayBuffer();
        return r;
      };
      expect((await get("/")).headers.get("location")).toBe("/explore/");
      const page = await get("/explore/");
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/text\/html/);
      expect((await get("/duckdb/duckdb-eh.wasm")).headers.get("content-type")).toBe("application/wasm");
      expect((await get("/arrow/Arrow.es2015.min.js")).status).toBe(200);
      expect((await get(`/${DATASET_NAME}.duckdb`)).status).toBe(200);
      for (const p of ["/nope", "/duckdb/..%2f..%2fpackage.json", "/explore/..%2f..%2f..%2fetc%2fpasswd", "/%00"]) expect((await get(p)).status, p).toBe(404);
    } finally {
      await s.close();
    }
    expect(within("/srv/data", "/../etc/passwd")).toBeNull();
    expect(within("/srv/data", "/a/b.txt")).toBe("/srv/data/a/b.txt");
  });
});

describe.skipIf(!CHROMIUM)("explore page in headless Chromium", () => {
  let browser: Browser;
  let server: Explorer;
  let data: Awaited<ReturnType<typeof handMade>>;
  let page: Page;
  const outside: string[] = [];

  beforeAll(async () => {
    data = await handMade();
    server = await startServer({ dir: data.dir, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM!, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
    page = await openPage(browser, server, outside);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("runs a query in the SQL box and shows the rows DuckDB returns", async () => {
    const q = `SELECT quote_id, speaker_name, outlet FROM quote_speakers ORDER BY quote_id`;
    const shown = await runSql(page, q);
    const want = await sql(q, join(data.dir, `${DATASET_NAME}.duckdb`));
    expect(shown[0]).toEqual(["quote_id", "speaker_name", "outlet"]);
    expect(shown.slice(1)).toEqual(want.map((r) => [String(r.quote_id), String(r.speaker_name), String(r.outlet)]));
    expect(shown.length).toBe(3);
    await expect(runSql(page, "SELECT nope FROM articles")).rejects.toThrow(/nope/);
  });

  it("renders an article with its quotes, speakers, entities and dates highlighted at their code-point offsets", async () => {
    await page.click('button[data-article-id="a"]');
    await page.waitForSelector('.body[data-article-id="a"]');
    for (const w of data.expect) {
      const got = await page.$$eval(`.body [data-spans~="${w.id}"]`, (els) => els.map((e) => ({ text: e.textContent, cls: e.className })));
      expect(got.map((g) => g.text).join(""), w.id).toBe(w.text);
      for (const g of got) expect(g.cls, w.id).toContain(w.cls);
    }
    expect(await page.textContent('.body[data-article-id="a"]')).toBe(BODY_A);
    expect(await page.$$eval("#article table", (ts) => ts.map((t) => t.textContent ?? "").join(" "))).toMatch(/Northway Port Authority/);
  });

  it("shows the timeline, who is quoted by which outlet, and the shared quotes", async () => {
    expect(await page.textContent("#timeline")).toMatch(/2024-03-03[\s\S]*2024-03-04[\s\S]*2025/);
    const quotedBy = await page.$$eval("#quoted-by table tr", (trs) => trs.map((tr) => Array.from(tr.children, (td) => (td as { textContent: string | null }).textContent ?? "")));
    expect(quotedBy[0]).toEqual(["speaker", "Coast Courier", "Harbour Daily", "total"]);
    expect(quotedBy[1]).toEqual(["Mara Quist", "1", "1", "2"]);
    expect(await page.textContent("#shared")).toMatch(/1 quote cluster\(s\)[\s\S]*a\/q0001/);
  });

  it("makes no request beyond localhost, and keeps a screenshot", async () => {
    expect((await runSql(page, "SELECT name, type, article_count FROM entities ORDER BY name")).length).toBe(3);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "explore.png"), fullPage: true });
    expect(existsSync(join(ARTIFACTS, "explore.png"))).toBe(true);
    expect(outside).toEqual([]);
  });

  it("opens a dataset as the build publishes it", async () => {
    const { out } = await buildTo(join(import.meta.dirname, "fixtures", "mini"));
    const built = await startServer({ dir: out, port: 0 });
    try {
      const p = await openPage(browser, built, outside);
      const [n] = await sql(`SELECT count(*)::INTEGER AS n FROM articles`, join(out, `${DATASET_NAME}.duckdb`));
      expect(await p.textContent("#articles")).toContain(`${n!.n} article(s).`);
      expect(await p.$$eval("#articles button[data-article-id]", (b) => b.length)).toBe(n!.n);
      await p.close();
    } finally {
      await built.close();
    }
    expect(outside).toEqual([]);
  }, 120_000);
});
