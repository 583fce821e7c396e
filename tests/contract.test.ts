// The dataset contract (SPEC.md) on a small made-up input folder with bad inputs in it.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { TABLES } from "../schemas/tables.ts";
import { SAMPLE_QUERIES } from "../pipeline/publish/card.ts";
import { jsonSchema } from "../pipeline/publish/metadata.ts";
import { checkCounts, contractChecks, publishedColumns, SPAN_PIECE, SPAN_PIECES_MAX } from "../pipeline/publish/write.ts";
import { buildTo, sql } from "./helpers.ts";

const FIXTURE = join(import.meta.dirname, "fixtures", "mini");
let out = "";
let db = "";

beforeAll(async () => {
  ({ out } = await buildTo(FIXTURE));
  db = join(out, "news-quotes.duckdb");
}, 120_000);

describe("every input is accounted for", () => {
  it("each .txt file is an article or a reject, and bad manifest rows are rejects", async () => {
    const rows = await sql(`SELECT source_path, 'article' AS what FROM articles UNION ALL SELECT source_path, reason FROM rejects ORDER BY source_path`, db);
    expect(rows).toEqual([
      { source_path: "a-harbour.txt", what: "article" },
      { source_path: "blank.txt", what: "empty" },
      { source_path: "c-crlf.txt", what: "article" },
      { source_path: "empty.txt", what: "empty" },
      { source_path: "image.txt", what: "binary" },
      { source_path: "latin1.txt", what: "not_utf8" },
      { source_path: "manifest.csv#row5", what: "outside_input" },
      { source_path: "manifest.csv#row6", what: "bad_manifest" },
      { source_path: "nested/a-copy.txt", what: "duplicate" },
      { source_path: "nested/b-astral.txt", what: "article" },
    ]);
  });

  it("gives every reject a detail a person can act on", async () => {
    const rows = await sql(`SELECT reason, detail FROM rejects`, db);
    for (const r of rows) expect(String(r.detail).length).toBeGreaterThan(15);
    expect(rows.find((r) => r.reason === "duplicate")?.detail).toMatch(/a-harbour\.txt/);
  });

  it("takes manifest facts over extracted ones and says so", async () => {
    const [a] = await sql(`SELECT outlet, outlet_source, published_date::VARCHAR AS d, published_date_source FROM articles WHERE article_id = 'a-harbour'`, db);
    expect(a).toEqual({ outlet: "Coastline Wire", outlet_source: "manifest", d: "2024-03-03", published_date_source: "manifest" });
  });

  it("normalises CRLF to LF in raw_text", async () => {
    const [a] = await sql(`SELECT raw_text FROM articles WHERE article_id = 'c-crlf'`, db);
    expect(String(a!.raw_text)).not.toMatch(/\r/);
    expect(String(a!.raw_text)).toMatch(/\n\n/);
  });
});

describe("invariants", () => {
  it.each(contractChecks().map((c) => [c.names.join("; "), c.sql]))("%s", async (_names, q) => {
    const [r] = await sql(q, db);
    expect(Object.values(r!).map(Number)).toEqual(Object.values(r!).map(() => 0));
  });

  it("catch a span that no longer points at its text, a dangling key and a repeated key", async () => {
    const inst = await DuckDBInstance.create(":memory:");
    const con = await inst.connect();
    try {
      await con.run(`ATTACH '${db}' AS src (READ_ONLY)`);
      for (const t of TABLES) await con.run(`CREATE TABLE "${t.name}" AS SELECT * FROM src."${t.name}"`);
      // a span broken in the first article and one in the last: the checks cover every slice of the articles
      await con.run(`UPDATE mentions SET start = start + 1 WHERE mention_id IN ((SELECT min(mention_id) FROM mentions), (SELECT max(mention_id) FROM mentions))`);
      await con.run(`UPDATE quotes SET article_id = 'no-such-article' WHERE quote_id = (SELECT min(quote_id) FROM quotes)`);
      await con.run(`INSERT INTO dates SELECT * FROM dates LIMIT 1`);
      // an entity no mention names
      await con.run(`INSERT INTO entities SELECT * REPLACE (entity_id || '-unnamed' AS entity_id) FROM entities ORDER BY entity_id LIMIT 1`);
      // copies of a quote made interrupted: one with its parts in the order of its stretch, one with them swapped
      const one = `FROM quotes WHERE length(text) > 20 AND text NOT LIKE '% … %' AND article_id <> 'no-such-article' ORDER BY quote_id LIMIT 1`;
      await con.run(`INSERT INTO quotes SELECT * REPLACE (quote_id || '-in-order' AS quote_id, left(text, 6) || ' … ' || right(text, 6) AS text) ${one}`);
      await con.run(`INSERT INTO quotes SELECT * REPLACE (quote_id || '-swapped' AS quote_id, right(text, 6) || ' … ' || left(text, 6) AS text) ${one}`);
      // and one whose last part is in the stretch but does not end it
      await con.run(`INSERT INTO quotes SELECT * REPLACE (quote_id || '-short' AS quote_id, left(text, 6) || ' … ' || substring(text, 8, 6) AS text) ${one}`);
      // as the build runs them, with the span checks' join made two articles at a time
      const counts = await checkCounts(con, 2);
      const failing = Object.keys(counts).filter((n) => counts[n] !== 0);
      // the swapped and the short copies, not the one in order
      expect(counts["quotes: the parts of an interrupted quote appear in its stretch in order"]).toBe(2);
      expect(counts["mentions: substring(body, start + 1, end - start) = text"]).toBe(2);
      expect(counts["every entity has a mention"]).toBe(1);
      expect(failing.sort()).toEqual([
        "dates: key unique",
        "every entity has a mention",
        "mentions: substring(body, start + 1, end - start) = text",
        "quotes.article_id → articles.article_id",
        "quotes: the parts of an interrupted quote appear in its stretch in order",
      ]);
    } finally {
      con.closeSync();
      inst.closeSync();
    }
  });

  it("counts offsets in code points, also after characters outside the BMP", async () => {
    const rows = await sql(
      `SELECT count(*) AS n, count(*) FILTER (WHERE substring(a.body, d.start + 1, d."end" - d.start) = d.text) AS ok
       FROM dates d JOIN articles a USING (article_id) WHERE a.article_id = 'nested/b-astral'`,
      db,
    );
    expect(rows[0]!.n).toBe(rows[0]!.ok);
  });

  it("has the same rows in Parquet, JSON Lines, CSV and the .duckdb file", async () => {
    for (const t of TABLES) {
      const cols = publishedColumns(t, "full");
      const spec = cols.map((c) => `'${c.name}': '${c.duck}'`).join(", ");
      const list = cols.map((c) => `"${c.name}"`).join(", ");
      const unesc = cols
        .map((c) => (c.duck === "VARCHAR" ? `CASE WHEN regexp_matches("${c.name}", '^''''*[=+\\-@\\t\\r]') THEN substr("${c.name}", 2) ELSE "${c.name}" END AS "${c.name}"` : c.duck === "VARCHAR[]" ? `CAST(json("${c.name}") AS VARCHAR[]) AS "${c.name}"` : `"${c.name}"`))
        .join(", ");
      const csvSpec = cols.map((c) => `'${c.name}': '${c.duck === "VARCHAR[]" ? "VARCHAR" : c.duck}'`).join(", ");
      const sources = {
        parquet: `SELECT ${list} FROM read_parquet('${out}/parquet/${t.name}.parquet')`,
        json: `SELECT ${list} FROM read_json('${out}/json/${t.name}.jsonl', format = 'newline_delimited', columns = {${spec}})`,
        csv: `SELECT ${unesc} FROM read_csv('${out}/csv/${t.name}.csv', header = true, allow_quoted_nulls = false, columns = {${csvSpec}})`,
        duckdb: `SELECT ${list} FROM db."${t.name}"`,
      };
      const inst = `ATTACH '${db}' AS db (READ_ONLY);`;
      const [n] = await sql(`SELECT count(*)::INTEGER AS n FROM db."${t.name}"`, db);
      for (const [fmt, q] of Object.entries(sources)) {
        if (Number(n!.n) === 0 && fmt === "json") continue; // an empty JSON Lines file has no rows to type
        const rows = await sql(`${inst} SELECT (SELECT count(*) FROM (${q}))::INTEGER AS n, (SELECT count(*) FROM ((${q}) EXCEPT ALL (${sources.duckdb})))::INTEGER AS extra, (SELECT count(*) FROM ((${sources.duckdb}) EXCEPT ALL (${q})))::INTEGER AS missing`);
        expect({ table: t.name, fmt, ...rows[0] }).toEqual({ table: t.name, fmt, n: n!.n, extra: 0, missing: 0 });
      }
    }
  }, 60_000);

  it("keeps spreadsheet formulas from firing in CSV cells", async () => {
    const csv = await readFile(join(out, "csv", "articles.csv"), "utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

describe("generated files", () => {
  it("lists bytes and sha256 of every data file in datapackage.json, with keys", async () => {
    const pkg = JSON.parse(await readFile(join(out, "datapackage.json"), "utf8")) as {
      resources: { name: string; path: string; bytes: number; hash: string; schema: { primaryKey: string[]; foreignKeys?: unknown[]; fields: { name: string }[] } }[];
    };
    expect(pkg.resources).toHaveLength(TABLES.length * 3);
    for (const r of pkg.resources) {
      const buf = await readFile(join(out, r.path));
      expect(r.bytes).toBe(buf.length);
      expect(r.hash).toBe(`sha256:${createHash("sha256").update(buf).digest("hex")}`);
      const t = TABLES.find((x) => r.name.startsWith(x.name))!;
      expect(r.schema.primaryKey).toEqual(t.key);
      expect(r.schema.fields.map((f) => f.name)).toEqual(publishedColumns(t, "full").map((c) => c.name));
      expect(r.schema.foreignKeys ?? []).toHaveLength(t.foreignKeys.length);
    }
  });

  it("writes SHA256SUMS that verify every file but the database", async () => {
    const sums = (await readFile(join(out, "SHA256SUMS"), "utf8")).trim().split("\n");
    expect(sums.length).toBeGreaterThan(TABLES.length * 4);
    for (const line of sums) {
      const [hash, path] = line.split("  ");
      const buf = await readFile(join(out, path!));
      expect(createHash("sha256").update(buf).digest("hex"), path).toBe(hash);
    }
  });

  it.each(TABLES.map((t) => [t.name]))("writes schemas/%s.schema.json from the Zod schema", async (name) => {
    const t = TABLES.find((x) => x.name === name)!;
    expect(await readFile(join(out, "schemas", `${name}.schema.json`), "utf8")).toBe(jsonSchema(t, "full"));
  });

  it("documents every column of every table in the card", async () => {
    const cardText = await readFile(join(out, "README.md"), "utf8");
    for (const t of TABLES) for (const c of publishedColumns(t, "full")) expect(cardText).toContain(`| \`${c.name}\` |`);
  });

  it.each(SAMPLE_QUERIES.map((s) => [s.title, s.sql]))("runs the card's sample query: %s", async (_t, q) => {
    await expect(sql(q, db)).resolves.toBeInstanceOf(Array);
  });
});

describe("span checks that read spans from pieces of the text", () => {
  // the plain form of the check: every span read from the whole text
  const PLAIN = `SELECT count(*) FILTER (WHERE substring(a.body, x.start + 1, x."end" - x.start) IS DISTINCT FROM x.text) AS n FROM mentions x JOIN articles a USING (article_id)`;
  const NAME = "mentions: substring(body, start + 1, end - start) = text";

  it("count what reading each span from the whole text counts, at piece edges, past the end and outside the BMP, in short texts and long", async () => {
    const check = contractChecks().find((c) => c.names.includes(NAME))!;
    expect(check.sql).toContain("regexp_extract_all"); // the mentions' check reads from pieces
    // with the dates' and the quotes' in the same query, the same spans in each (a quote's text; its speaker elsewhere)
    const PARTS = "quotes: the parts of an interrupted quote appear in its stretch in order";
    expect(check.names).toEqual(expect.arrayContaining([NAME, "dates: substring(body, start + 1, end - start) = text", "quotes: substring(body, speaker_start + 1, speaker_end - speaker_start) = speaker", PARTS]));
    const cp = (s: string) => Array.from(s);
    // a long text with characters outside the BMP, combining marks and line ends, a short one and an empty one
    const text = (n: number) => Array.from({ length: n }, (_, i) => (i % 97 === 0 ? "😀" : i % 89 === 0 ? "e\u0301" : i % 61 === 0 ? "\n" : String.fromCharCode(97 + (i % 26)))).join("");
    // d is cut into SPAN_PIECES_MAX pieces longer than SPAN_PIECE
    const bodies: Record<string, string> = { a: text(1300), b: "Short text 😀 here.", c: "", d: text(SPAN_PIECE * SPAN_PIECES_MAX + 3000) };
    const rows: [string, number, number, string][] = [];
    for (const [id, body] of Object.entries(bodies)) {
      const chars = cp(body);
      const n = chars.length;
      const pl = Math.max(SPAN_PIECE, Math.ceil(n / SPAN_PIECES_MAX));
      const edges = [0, 1, 255, 256, 257, 300, 511, 512, 513, 767, 768, pl - 1, pl, pl + 1, 2 * pl - 1, 2 * pl, 2 * pl + 1, (SPAN_PIECES_MAX - 1) * pl, n - 3, n - 1, n, n + 5];
      const lens = [1, 2, 5, 255, 256, 257, 511, 700, pl - 1, pl, 2 * pl, 2 * pl + 1];
      for (const s of edges)
        for (const l of lens) {
          if (s < 0) continue;
          const right = chars.slice(s, s + l).join("");
          rows.push([id, s, s + l, right || "x"], [id, s, s + l, `${right}x`]);
        }
      // odd offsets: before the text, and ending before they start
      rows.push([id, -1, 3, chars.slice(0, 2).join("") || "x"], [id, 5, 2, "ab"], [id, 5, 5, "x"]);
    }
    rows.push(["no-such-article", 0, 1, "x"]);
    const inst = await DuckDBInstance.create(":memory:");
    const con = await inst.connect();
    try {
      await con.run(`CREATE TABLE articles (article_id VARCHAR, body VARCHAR)`);
      for (const [id, body] of Object.entries(bodies)) await con.run(`INSERT INTO articles VALUES ('${id}', '${body.replace(/'/g, "''")}')`);
      const values = rows.map(([id, s, e, t]) => `('${id}', ${s}, ${e}, '${t.replace(/'/g, "''")}')`).join(", ");
      for (const t of ["mentions", "dates"]) {
        await con.run(`CREATE TABLE ${t} (article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR)`);
        await con.run(`INSERT INTO ${t} VALUES ${values}`);
      }
      // a quote's speaker span another stretch than its text's: the right string at a shifted offset, or the text's
      await con.run(
        `CREATE TABLE quotes AS SELECT m.article_id, m.start, m."end", m.text, CASE WHEN m.start % 2 = 0 THEN substring(a.body, m.start + 8, m."end" - m.start) ELSE m.text END AS speaker, m.start + 7 AS speaker_start, m."end" + 7 AS speaker_end FROM mentions m LEFT JOIN articles a USING (article_id)`,
      );
      const plain = Number((await con.runAndReadAll(PLAIN)).getRows()[0]![0]);
      const SPEAKER = "quotes: substring(body, speaker_start + 1, speaker_end - speaker_start) = speaker";
      const speakers = Number(
        (await con.runAndReadAll(`SELECT count(*) FILTER (WHERE substring(a.body, x.speaker_start + 1, x.speaker_end - x.speaker_start) IS DISTINCT FROM x.speaker) FROM quotes x JOIN articles a USING (article_id)`)).getRows()[0]![0],
      );
      expect(speakers).not.toBe(plain);
      // every other count is the mentions' one, but for the parts of interrupted quotes (there are none)
      const want = check.names.map((n) => (n === PARTS ? 0 : n === SPEAKER ? speakers : plain));
      const counts = async (q: string) => (await con.runAndReadAll(q)).getRows()[0]!.map(Number);
      const sliced = want.map(() => 0);
      for (const [lo, hi] of [["a", "b"], ["b", "c"], ["c", null]] as const) (await counts(check.sliced!(lo, hi))).forEach((n, i) => (sliced[i]! += n));
      // about half the rows are wrong on purpose; the counts must agree row for row in total
      expect(plain).toBeGreaterThan(rows.length / 3);
      expect(await counts(check.sql)).toEqual(want);
      expect(sliced).toEqual(want);
      // and a text that is right everywhere counts nothing
      for (const t of ["mentions", "dates", "quotes"])
        await con.run(`DELETE FROM ${t} WHERE substring((SELECT body FROM articles a WHERE a.article_id = ${t}.article_id), start + 1, "end" - start) IS DISTINCT FROM text`);
      await con.run(`DELETE FROM quotes WHERE substring((SELECT body FROM articles a WHERE a.article_id = quotes.article_id), speaker_start + 1, speaker_end - speaker_start) IS DISTINCT FROM speaker`);
      expect(await counts(check.sql)).toEqual(want.map(() => 0));
    } finally {
      con.closeSync();
      inst.closeSync();
    }
  });
});
