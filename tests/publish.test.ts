// Publishing: code-point offsets, CSV NULL vs empty string, formula cells, on hand-made rows.
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { emptyManifest, type QuotedArticle } from "../schemas/records.ts";
import { link } from "../pipeline/stages/06-link.ts";
import { articleIssues, toRows } from "../pipeline/stages/07-validate.ts";
import { toCodePoints } from "../pipeline/stages/08-publish.ts";
import { chunkStrings, duckdbMemory, duckJson, escapeCell, maxObjectSize, TextSink, unescapeCell, writeDataset, writeStagedText, type ChunkSource } from "../pipeline/publish/write.ts";
import { TABLES } from "../schemas/tables.ts";
import { rowId } from "../pipeline/text.ts";
import { reorderLines } from "../pipeline/jsonl.ts";
import { ByteStrings } from "../pipeline/keys.ts";
import { sql, tmp } from "./helpers.ts";

const body = "𝐀𝐁 On Friday, Ada Lindqvist said 🚢 traffic rose.\n\n“We are 😀 proud,” Lindqvist said.";
const at = (s: string, from = 0) => {
  const start = body.indexOf(s, from);
  return { start, end: start + s.length, text: s };
};

function article(id: string, b: string, extra: Partial<QuotedArticle> = {}): QuotedArticle {
  return {
    article_id: id, source_path: `${id}.txt`, source_sha256: "0".repeat(64), raw_text: `Title\n\n${b}`, given_body: null, manifest: emptyManifest(),
    title: "Title", subtitle: null, outlet: null, outlet_source: null, republisher: null, authors: [], dateline_place: null,
    published_date: null, published_date_source: null, language: "en", body: b,
    boilerplate: [{ start: 0, end: 5, text: "Title", kind: "title" }], dates: [], mentions: [], quotes: [], ...extra,
  };
}

const astral = article("astral", body, {
  dates: [{ ...at("Friday"), type: "date", value: "XXXX-WXX-5", date: null, precision: "day", anchor: "unresolved" }],
  mentions: [{ ...at("Ada Lindqvist"), type: "person" }, { ...at("Lindqvist", 60), type: "person" }],
  quotes: [{ ...at("We are 😀 proud,"), fragments: [at("We are 😀 proud,")], kind: "direct", ...(() => { const s = at("Lindqvist", 60); return { speaker: s.text, speaker_start: s.start, speaker_end: s.end }; })(), speaker_mention: 1, cue: "said", attribution: "explicit" }],
});

describe("code-point offsets", () => {
  it("counts characters outside the BMP as one", () => {
    const rows = toCodePoints(toRows(astral));
    const d = rows.dates[0]!;
    expect(d.start).toBe(Array.from(body.slice(0, body.indexOf("Friday"))).length);
    expect(Array.from(body).slice(d.start, d.end).join("")).toBe("Friday");
    const q = rows.quotes[0]!;
    expect(Array.from(body).slice(q.start, q.end).join("")).toBe(q.text);
    expect(Array.from(body).slice(q.speaker_start!, q.speaker_end!).join("")).toBe("Lindqvist");
  });

  it("finds no issue in valid rows and names table, key, field, value and rule in a broken one", () => {
    expect(articleIssues(toRows(astral))).toEqual([]);
    const bad = toRows(article("bad", body, { dates: [{ start: 3, end: 9, text: "Friday", type: "date", value: "XXXX-WXX-5", date: null, precision: "day", anchor: "unresolved" }] }));
    const [issue] = articleIssues(bad);
    expect(issue).toMatchObject({ table: "dates", key: "bad/d0001", field: "text", value: "Friday" });
    expect(issue!.rule).toMatch(/text at \[3, 9\)/);
  });
});

describe("authors", () => {
  it("must each be written in one of the article's boilerplate rows", () => {
    const byline = { start: 7, end: 18, text: "By Jane Roe", kind: "byline" as const };
    const ok = article("a", body, { raw_text: `Title\n\nBy Jane Roe\n\n${body}`, authors: ["Jane Roe"], boilerplate: [{ start: 0, end: 5, text: "Title", kind: "title" }, byline] });
    expect(articleIssues(toRows(ok))).toEqual([]);
    const [issue] = articleIssues(toRows({ ...ok, authors: ["Jane Roe", "Ann Lee"] }));
    expect(issue).toMatchObject({ table: "articles", key: "a", field: "authors", value: "Ann Lee" });
  });
});

describe("CSV cells", () => {
  it.each([["=SUM(A1)"], ["+1"], ["-x"], ["@cmd"], ["\tx"], ["'=x"], ["''+y"], ["＝x"]])("escapes %j reversibly", (s) => {
    expect(escapeCell(s).startsWith("'")).toBe(true);
    expect(unescapeCell(escapeCell(s))).toBe(s);
  });
  it.each([["plain"], ["it's"], ["'quoted'"], [""], ["a-b"]])("leaves %j alone", (s) => {
    expect(escapeCell(s)).toBe(s);
    expect(unescapeCell(s)).toBe(s);
  });
});

/** A fresh staging folder (made) and output folder (not yet) for writeDataset. */
async function stagingDirs(name: string): Promise<{ staging: string; out: string }> {
  const dir = await tmp(name);
  await mkdir(join(dir, "staging"));
  return { staging: join(dir, "staging"), out: join(dir, "out") };
}

describe("staged lines put in key order", () => {
  it("orders keys by their UTF-8 bytes, as DuckDB does, not by UTF-16 units", async () => {
    // U+FF21 is one UTF-16 unit above a surrogate pair's first unit, but below the pair's code point in UTF-8
    const keys = ["b", "\u{1F600}", "\uFF21", "a", "ab"];
    const utf8Order = (keys: string[]) => [...ByteStrings.of(keys).sortedPositions()];
    expect(utf8Order(keys).map((i) => keys[i])).toEqual(["a", "ab", "b", "\uFF21", "\u{1F600}"]);
    const order = (await sql(`SELECT k FROM (VALUES ${keys.map((k) => `('${k}')`).join(", ")}) t(k) ORDER BY k`)).map((r) => r.k);
    expect(utf8Order(keys).map((i) => keys[i])).toEqual(order);
  });

  it("rewrites a file's lines in key order, whatever their lengths", async () => {
    const dir = await tmp("sort-lines");
    const keys = ["c", "a", "é", "b"];
    const lines = keys.map((k, i) => `${JSON.stringify({ k, pad: "x".repeat(i * 1000) })}\n`);
    const file = join(dir, "rows.jsonl");
    await writeFile(file, lines.join(""));
    reorderLines(file, ByteStrings.of(keys).sortedPositions(), { get: (i) => Buffer.byteLength(lines[i]!), length: keys.length });
    expect((await readFile(file, "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l).k)).toEqual(["a", "b", "c", "é"]);
    expect(() => reorderLines(file, ByteStrings.of(keys).sortedPositions(), { get: () => 1, length: 3 })).toThrow(/an order of 4 for 3 lines/);
  });
});

describe("published files", () => {
  it("keep code-point spans, NULL and the empty string through DuckDB, Parquet and CSV", async () => {
    const { staging, out } = await stagingDirs("pub");
    const arts = [astral, article("empty-body", "", { boilerplate: [] , raw_text: "x", subtitle: null })];
    arts[1]!.raw_text = "";
    const rows = arts.map((a) => toCodePoints(toRows(a)));
    const lines: Record<string, unknown[]> = { articles: [], boilerplate: [], dates: [], mentions: [], quotes: [], rejects: [], entities: [], mention_links: [], quote_links: [] };
    for (const r of rows) {
      lines.articles!.push(r.article);
      lines.boilerplate!.push(...r.boilerplate);
      lines.dates!.push(...r.dates);
      lines.mentions!.push(...r.mentions);
      lines.quotes!.push(...r.quotes);
    }
    const linkIn = arts.map((a) => ({ article_id: a.article_id, outlet: a.outlet, mentions: a.mentions.map((m) => ({ text: m.text, type: m.type })), quotes: a.quotes.map((q) => ({ text: q.text, speaker_mention: q.speaker_mention })) }));
    const linked = link.run(linkIn);
    lines.entities!.push(...linked.entities);
    linkIn.forEach((a, ai) => {
      linked.mentionEntities[ai]!.forEach((entity_id, mi) => lines.mention_links!.push({ mention_id: rowId(a.article_id, "m", mi), entity_id }));
      linked.quoteLinks[ai]!.forEach((l, qi) => lines.quote_links!.push({ quote_id: rowId(a.article_id, "q", qi), ...l }));
    });
    // staged mention and quote rows carry their linked fields (pipeline/run.ts appends them after linking)
    const ml = new Map((lines.mention_links as { mention_id: string }[]).map((l) => [l.mention_id, l]));
    const ql = new Map((lines.quote_links as { quote_id: string }[]).map((l) => [l.quote_id, l]));
    lines.mentions = (lines.mentions as { mention_id: string }[]).map((m) => ({ ...m, ...ml.get(m.mention_id) }));
    lines.quotes = (lines.quotes as { quote_id: string }[]).map((x) => ({ ...x, ...ql.get(x.quote_id) }));
    delete lines.mention_links;
    delete lines.quote_links;
    for (const [k, v] of Object.entries(lines)) await writeFile(join(staging, `${k}.jsonl`), v.map((x) => JSON.stringify(x) + "\n").join(""));
    await writeDataset(staging, out, "t", "full", 0);
    const db = join(out, "t.duckdb");
    const spans = await sql(
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE substring(a.body, m.start + 1, m."end" - m.start) = m.text)::INTEGER AS ok FROM mentions m JOIN articles a USING (article_id)`,
      db,
    );
    expect(spans).toEqual([{ n: 2, ok: 2 }]);
    const fromCsv = await sql(
      `SELECT article_id, body, subtitle, body IS NULL AS body_null, subtitle IS NULL AS subtitle_null FROM read_csv('${out}/csv/articles.csv', header = true, allow_quoted_nulls = false, all_varchar = true) ORDER BY article_id`,
    );
    expect(fromCsv[1]).toEqual({ article_id: "empty-body", body: "", subtitle: null, body_null: false, subtitle_null: true });
    const fromParquet = await sql(`SELECT body, subtitle FROM '${out}/parquet/articles.parquet' WHERE article_id = 'empty-body'`);
    expect(fromParquet).toEqual([{ body: "", subtitle: null }]);
    const csv = await readFile(join(out, "csv", "articles.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe("article_id,source_path,source_sha256,title,subtitle,outlet,outlet_source,republisher,authors,dateline_place,published_date,published_date_source,language,body,raw_text,paragraph_count,word_count");
  }, 60_000);

  it("write every article once, in key order, in all three formats", async () => {
    const { staging, out } = await stagingDirs("pub-many");
    const n = 217;
    // staged in an order unlike the key order (as the inputs come), with a formula-like body in the middle
    const ids = Array.from({ length: n }, (_, i) => `a${String((i * 7919) % n).padStart(4, "0")}`);
    const lines = ids.map((id, i) => JSON.stringify(toRows(article(id, i === 150 ? "=1+1 is not run." : `Body of ${id}, the ${i}th staged.`)).article) + "\n");
    await writeFile(join(staging, "articles.jsonl"), lines.join(""));
    for (const t of ["boilerplate", "dates", "mentions", "quotes", "rejects", "entities"]) await writeFile(join(staging, `${t}.jsonl`), "");
    // the runner puts the staged articles in key order; publishing refuses them otherwise
    const err = (await writeDataset(staging, out, "t", "full", 0).then(() => null, (e: unknown) => e)) as Error;
    expect(err.message).toMatch(/articles: staged in key order: \d+ row/);
    await rm(out, { recursive: true, force: true });
    reorderLines(join(staging, "articles.jsonl"), ByteStrings.of(ids).sortedPositions(), { get: (i) => Buffer.byteLength(lines[i]!), length: n });
    await writeDataset(staging, out, "t", "full", 0);
    const sorted = [...ids].sort();
    const fromCsv = await sql(`SELECT article_id, body FROM read_csv('${out}/csv/articles.csv', header = true, all_varchar = true)`);
    expect(fromCsv.map((r) => r.article_id)).toEqual(sorted);
    expect(fromCsv.filter((r) => String(r.body).startsWith("'=")).length).toBe(1);
    expect((await sql(`SELECT article_id FROM read_json('${out}/json/articles.jsonl')`)).map((r) => r.article_id)).toEqual(sorted);
    expect((await sql(`SELECT article_id FROM '${out}/parquet/articles.parquet'`)).map((r) => r.article_id)).toEqual(sorted);
  }, 60_000);

  it("write the articles' CSV (made from their staged file) with each cell as the database holds it", async () => {
    const { staging, out } = await stagingDirs("pub-cells");
    const arts = [
      article("c1", "First body.", { authors: ["Ann \u001f Lee", 'Bo "B" \\ C', "Zoë"], published_date: "2017-09-13", published_date_source: "text", subtitle: "Sub" }),
      article("c2", "Second body.", { authors: [], outlet: "An Outlet", outlet_source: "manifest" }),
    ];
    await writeFile(join(staging, "articles.jsonl"), arts.map((a) => JSON.stringify(toRows(a).article) + "\n").join(""));
    for (const t of ["boilerplate", "dates", "mentions", "quotes", "rejects", "entities"]) await writeFile(join(staging, `${t}.jsonl`), "");
    await writeDataset(staging, out, "t", "full", 0);
    const cols = "article_id, source_path, source_sha256, title, subtitle, outlet, outlet_source, republisher, to_json(authors)::VARCHAR AS authors, dateline_place, CAST(published_date AS VARCHAR) AS published_date, published_date_source, language, body, raw_text, paragraph_count::VARCHAR AS paragraph_count, word_count::VARCHAR AS word_count";
    const fromDb = await sql(`SELECT ${cols} FROM articles ORDER BY article_id`, join(out, "t.duckdb"));
    const fromCsv = await sql(`SELECT * FROM read_csv('${out}/csv/articles.csv', header = true, allow_quoted_nulls = false, all_varchar = true)`);
    expect(fromCsv).toEqual(fromDb);
    expect(fromDb[0]!.authors).toBe(duckJson(arts[0]!.authors));
  }, 60_000);

  for (const policy of ["full", "offsets"] as const)
    it(`write the articles' JSON Lines (made from their staged file) as DuckDB's own copy of the table would (${policy})`, async () => {
      const { staging, out } = await stagingDirs(`pub-json-${policy}`);
      const odd = "Tab\there, a \u000b vertical tab, \u001b escape, \u007f, \\u001b as text, “quotes”, \u2028, 😀.";
      const arts = [
        article("j1", odd, { authors: ["Ann \u001f Lee", 'Bo "B" \\ C'], published_date: "2017-09-13", published_date_source: "text", subtitle: "Sub \u0001" }),
        article("j2", "Second body.", { authors: [], outlet: "An Outlet", outlet_source: "manifest" }),
      ];
      await writeFile(join(staging, "articles.jsonl"), arts.map((a) => JSON.stringify(toRows(a).article) + "\n").join(""));
      for (const t of ["boilerplate", "dates", "mentions", "quotes", "rejects", "entities"]) await writeFile(join(staging, `${t}.jsonl`), "");
      await writeDataset(staging, out, "t", policy, 0);
      // the published database holds the published columns only
      const copy = join(out, "duck-copy.jsonl");
      await sql(`COPY articles TO '${copy}' (FORMAT json)`, join(out, "t.duckdb"));
      const ours = await readFile(join(out, "json", "articles.jsonl"), "utf8");
      expect(ours).toBe(await readFile(copy, "utf8"));
      // DuckDB writes a control character's escape in upper case, JSON.stringify in lower case
      expect(ours).toContain("\\u001F");
      const first = JSON.parse(ours.split("\n")[0]!) as Record<string, unknown>;
      expect(first.body).toBe(policy === "full" ? odd : undefined);
    }, 60_000);

  it("write the articles' CSV in batches cut by length as well as by rows, every cell as the database holds it", async () => {
    const { staging, out } = await stagingDirs("pub-long");
    // texts around and far over a batch's 32,768 characters, between runs of short ones (more than a batch's 128 rows)
    const sizes = [10, 40_000, 5, 32_000, 800, 100_000, ...Array.from({ length: 300 }, (_, i) => 20 + i), 65_000, 3];
    const arts = sizes.map((n, i) => article(`L${String(i).padStart(4, "0")}`, `Body ${i} “${"word ".repeat(Math.ceil(n / 5)).slice(0, n)}”.`));
    await writeFile(join(staging, "articles.jsonl"), arts.map((a) => JSON.stringify(toRows(a).article) + "\n").join(""));
    for (const t of ["boilerplate", "dates", "mentions", "quotes", "rejects", "entities"]) await writeFile(join(staging, `${t}.jsonl`), "");
    await writeDataset(staging, out, "t", "full", 0);
    const fromDb = await sql(`SELECT article_id, body, raw_text FROM articles ORDER BY article_id`, join(out, "t.duckdb"));
    const fromCsv = await sql(`SELECT article_id, body, raw_text FROM read_csv('${out}/csv/articles.csv', header = true, all_varchar = true, max_line_size = 1000000)`);
    expect(fromCsv.length).toBe(sizes.length);
    expect(fromCsv).toEqual(fromDb);
    expect(fromCsv.map((r) => String(r.body).length)).toEqual(arts.map((a) => a.body.length));
  }, 60_000);

  it("refuse a staging folder that lacks a table's file (an empty table is an empty file), and publish nothing", async () => {
    const { staging, out } = await stagingDirs("pub-missing");
    await writeFile(join(staging, "articles.jsonl"), JSON.stringify(toRows(article("m1", "A body.")).article) + "\n");
    for (const t of ["boilerplate", "dates", "mentions", "rejects", "entities"]) await writeFile(join(staging, `${t}.jsonl`), "");
    const err = (await writeDataset(staging, out, "t", "full", 0).then(() => null, (e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/no staged rows file for quotes/);
    await expect(stat(join(out, "parquet", "articles.parquet"))).rejects.toThrow();
    await expect(stat(join(out, "json", "entities.jsonl"))).rejects.toThrow();
  }, 60_000);

  it("stop at a row that breaks the contract, while the CSV files are being written beside the checks", async () => {
    const { staging, out } = await stagingDirs("pub-broken");
    const n = 217;
    const rows = Array.from({ length: n }, (_, i) => toRows(article(`b${String(i).padStart(4, "0")}`, `Body number ${i}, written in 2001.`)));
    // one date whose text is not what the body holds at its offsets
    const bad = toRows(article("b0100", "Body number 100, written in 2001.", { dates: [{ start: 0, end: 4, text: "2001", type: "date", value: "2001", date: null, precision: "year", anchor: "absolute" }] }));
    await writeFile(join(staging, "articles.jsonl"), rows.map((r) => JSON.stringify(r.article) + "\n").join(""));
    await writeFile(join(staging, "dates.jsonl"), bad.dates.map((d) => JSON.stringify(d) + "\n").join(""));
    for (const t of ["boilerplate", "mentions", "quotes", "rejects", "entities"]) await writeFile(join(staging, `${t}.jsonl`), "");
    const err = (await writeDataset(staging, out, "t", "full", 0).then(() => null, (e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/breaks its contract/);
    expect(err.message).toMatch(/dates: substring\(body, start \+ 1, end - start\) = text: 1 row/);
    // the copies wait for the checks
    await expect(stat(join(out, "parquet", "articles.parquet"))).rejects.toThrow();
  }, 60_000);
});

describe("the articles' CSV and JSON Lines files written before publishing (while the link thread links)", () => {
  const stage = async (name: string) => {
    const { staging, out } = await stagingDirs(name);
    const arts = [article("e1", "=SUM(A1) is text here."), article("e2", "Second body.", { authors: ["Ann Lee"], subtitle: "Sub" })];
    await writeFile(join(staging, "articles.jsonl"), arts.map((a) => JSON.stringify(toRows(a).article) + "\n").join(""));
    for (const t of ["boilerplate", "dates", "mentions", "quotes", "rejects", "entities"]) await writeFile(join(staging, `${t}.jsonl`), "");
    return { staging, out };
  };

  it("is the file publishing would write, and publishing waits for it and tells of it", async () => {
    const plain = await stage("pub-early-plain");
    await writeDataset(plain.staging, plain.out, "t", "full", 0);
    const { staging, out } = await stage("pub-early");
    for (const d of ["csv", "json"]) await mkdir(join(out, d), { recursive: true });
    const early = writeStagedText(staging, TABLES.find((t) => t.name === "articles")!, "full", out);
    const told: string[] = [];
    await writeDataset(staging, out, "t", "full", 0, (f) => told.push(f), new Map([["articles", early]]));
    expect(await early).toBe(2);
    for (const f of ["csv/articles.csv", "json/articles.jsonl"]) {
      expect(await readFile(join(out, f), "utf8")).toBe(await readFile(join(plain.out, f), "utf8"));
      expect(told).toContain(f);
    }
    // publishing leaves the file to its writer, and checks its rows against the table's
    const again = await stage("pub-early-own");
    await mkdir(join(again.out, "csv"), { recursive: true });
    await writeFile(join(again.out, "csv", "articles.csv"), "written by the caller\n");
    await writeDataset(again.staging, again.out, "t", "full", 0, () => {}, new Map([["articles", Promise.resolve(2)]]));
    expect(await readFile(join(again.out, "csv", "articles.csv"), "utf8")).toBe("written by the caller\n");
    const short = await stage("pub-early-short");
    await expect(writeDataset(short.staging, short.out, "t", "full", 0, () => {}, new Map([["articles", Promise.resolve(1)]]))).rejects.toThrow(/1 rows in articles.csv and .jsonl for 2 in the table/);
  }, 60_000);

  it("fails publishing when it fails, and is refused for a table loaded before its CSV file is written", async () => {
    const { staging, out } = await stage("pub-early-fail");
    const failed = Promise.reject(new Error("disk full"));
    failed.catch(() => {});
    const err = (await writeDataset(staging, out, "t", "full", 0, () => {}, new Map([["articles", failed]])).then(() => null, (e: unknown) => e)) as Error;
    // the build swaps nothing in when publishing throws
    expect(err.message).toMatch(/disk full/);
    const other = await stage("pub-early-narrow");
    await expect(writeDataset(other.staging, other.out, "t", "full", 0, () => {}, new Map([["mentions", Promise.resolve(0)]]))).rejects.toThrow(/cannot be written before its table is loaded/);
    await expect(writeStagedText(staging, TABLES.find((t) => t.name === "mentions")!, "full", out)).rejects.toThrow(/not staged in key order/);
  }, 60_000);
});

describe("DuckDB's memory ceiling", () => {
  it("is 256 MiB, more where the longest staged line needs more than half of it for its JSON buffers", () => {
    vi.stubEnv("NQ_DUCKDB_MEMORY", undefined);
    try {
      expect(maxObjectSize(0)).toBe(2 ** 20);
      expect(maxObjectSize(2 ** 20 - 1)).toBe(2 ** 20);
      expect(maxObjectSize(2 ** 20)).toBe(2 ** 21);
      // the full corpus's longest staged line; an article at the input limit (2 MiB) with its raw text
      expect(duckdbMemory(107_736)).toBe("256MiB");
      expect(duckdbMemory(4 * 2 ** 20 + 4096)).toBe("256MiB");
      // a line of 40 MB: two threads' two buffers of 64 MiB
      expect(duckdbMemory(40_000_000)).toBe("384MiB");
      vi.stubEnv("NQ_DUCKDB_MEMORY", "1GB");
      expect(duckdbMemory(2 ** 20)).toBe("1GB");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("duckJson", () => {
  it("writes a list of strings as DuckDB's to_json does, control characters and backslashes included", async () => {
    const list = ['a"b', "c\u0001d\u001f", "back\\slash", "\\u001f as text", "nl\nx\ttab", "é 😀", "x/y"];
    const chars = (s: string) => [...s].map((ch) => `chr(${ch.codePointAt(0)})`).join(" || ");
    const [row] = await sql(`SELECT to_json([${list.map(chars).join(", ")}])::VARCHAR AS j`);
    expect(duckJson(list)).toBe(row!.j);
    expect(JSON.parse(duckJson(list))).toEqual(list);
  });
});

describe("TextSink", () => {
  it("writes every string in order, across its buffers and past their size, byte for byte", async () => {
    const dir = await tmp("sink");
    const file = join(dir, "out.txt");
    const sink = new TextSink(file);
    const parts: string[] = [];
    for (let i = 0; i < 3000; i++) parts.push(i % 1000 === 7 ? "é😀".repeat(200_000 + i) : `${i},"ü${"x".repeat(i % 300)}"\n`);
    for (const p of parts) await sink.write(p);
    await sink.write("");
    await sink.close();
    const got = await readFile(file);
    expect(got.equals(Buffer.from(parts.join("")))).toBe(true);
  });
});

describe("chunkStrings", () => {
  // a result whose chunks, like DuckDB's, may not be read once their memory may have gone: here, once the next chunk is
  // asked for. Every read of a chunk is logged, to see what came after what
  const source = (chunks: string[][], log: string[]): ChunkSource => {
    let fetched = -1;
    return {
      fetchChunk: async () => {
        const id = ++fetched;
        if (id >= chunks.length) return null;
        const check = (what: string) => {
          if (fetched !== id) throw new Error(`chunk ${id} read (${what}) after chunk ${fetched} was asked for`);
          log.push(`${id} ${what}`);
        };
        return {
          get rowCount() {
            check("rowCount");
            return chunks[id]!.length;
          },
          getColumnVector: () => ({
            getItem: (k: number) => (check(`item ${k}`), chunks[id]![k]),
          }),
        };
      },
    };
  };

  it("copies each chunk's strings before the next chunk is asked for, while the caller works on them", async () => {
    const chunks = [["a long string of row one", "row two"], ["row three"], ["row four", "row five", "row six"]];
    const log: string[] = [];
    const got: string[][] = [];
    for await (const lines of chunkStrings(source(chunks, log))) {
      got.push(lines);
      await new Promise((r) => setTimeout(r, 1)); // the caller's formatting, during which the next chunk is made
    }
    expect(got).toEqual(chunks);
    // each chunk is used once more after its last string is read (its object cannot be collected before)
    for (const [id, c] of chunks.entries()) {
      const mine = log.filter((l) => l.startsWith(`${id} `));
      expect(mine.at(-1)).toBe(`${id} rowCount`);
      expect(mine.filter((l) => l.includes("item"))).toHaveLength(c.length);
    }
  });

  it("ends at an empty chunk or at the end of the result", async () => {
    const got: string[][] = [];
    for await (const lines of chunkStrings(source([["x"], [], ["never"]], []))) got.push(lines);
    expect(got).toEqual([["x"]]);
  });
});
