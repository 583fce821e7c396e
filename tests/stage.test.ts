// Stage outputs are parsed at every boundary; fields carried unchanged from an already parsed input are not parsed
// twice, and the result is the same as a full parse.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CleanArticle, DatedArticle, QuotedArticle, type SourceInput } from "../schemas/records.ts";
import { parseOutput, runStage, StageError, type Stage } from "../pipeline/stage.ts";
import { clean, dates, entities, ingest, publish, quotes } from "../pipeline/stages/index.ts";
import { toRows, validateRows, ValidationError, ArticleRows } from "../pipeline/stages/07-validate.ts";
import { emptyManifest } from "../schemas/records.ts";
import { processSource } from "../pipeline/process.ts";
import { linkRecordBytes, quoteTextsBytes, ROW_TABLES, stagedLines, type RowTable, type StagedArticle } from "../pipeline/staged.ts";

const TEXT = `Harbour plan approved

By Ana Velt

Officials in Northway said on Tuesday, March 3, 2020 that the harbour would reopen "within two weeks," according to the port authority.

"We expect ships back by the spring," Mayor Tom Ruske told reporters. He added that the 😀 repairs cost $2 million.
`;

function source(text = TEXT): SourceInput {
  return { source_path: "a.txt", id: null, bytes: new TextEncoder().encode(text), text: null, body: null, manifest: emptyManifest() };
}

/** Runs every per-article stage, checking each fast parse against a full parse of the same output. */
function compareAll(text: string) {
  const ing = runStage(ingest, source(text), "a");
  if (ing.kind !== "article") throw new Error("rejected");
  let rec: unknown = runStage(clean, ing.article, "a");
  for (const s of [dates, entities, quotes] as Stage<z.ZodType, z.ZodType>[]) {
    const out = s.run(rec);
    const fast = parseOutput(s.output, rec, out);
    const full = s.output.safeParse(out);
    expect(fast.success).toBe(true);
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(full.data));
    expect(fast.data).toEqual(full.data);
    rec = fast.data;
  }
  const rows = validateRows(toRows(rec as QuotedArticle), "a");
  const out = publish.run(rows);
  expect(JSON.stringify(parseOutput(publish.output, rows, out).data)).toBe(JSON.stringify(publish.output.safeParse(out).data));
  return rec as QuotedArticle;
}

describe("parseOutput", () => {
  it("gives what a full parse gives, stage after stage (with and without characters outside the BMP)", () => {
    const q = compareAll(TEXT);
    expect(q.mentions.length).toBeGreaterThan(0);
    expect(q.quotes.length).toBeGreaterThan(0);
    compareAll(TEXT.replace("😀 ", ""));
  });

  it("parses a field that a stage replaced, even where the input's was valid", () => {
    const c = runStage(clean, (runStage(ingest, source(), "a") as unknown as { article: z.infer<typeof CleanArticle> }).article, "a");
    const bad = { ...c, dates: [], body: 42 };
    const r = parseOutput(DatedArticle, c, bad);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error!.issues.map((i) => i.path))).toBe('[["body"]]');
    // and a replaced array of rows is parsed row by row
    const r2 = parseOutput(DatedArticle, c, { ...c, dates: [{ start: -1 }] });
    expect(r2.success).toBe(false);
  });

  it("parses a carried field again when the output schema checks it differently from the schema that parsed it", () => {
    const loose = z.object({ a: z.string(), b: z.number() });
    const strict = z.object({ a: z.string().min(3), b: z.number(), c: z.number() });
    const input = parseOutput(loose, null, { a: "x", b: 1 });
    expect(input.success).toBe(true);
    const r = parseOutput(strict, input.data, { ...(input.data as object), c: 2 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["a"]);
  });

  it("drops keys the schema does not name, as a parse does, and keeps the schema's field order", () => {
    const s1 = z.object({ a: z.string(), b: z.number() });
    const s2 = s1.extend({ c: z.number() });
    const first = parseOutput(s1, null, { b: 1, a: "x", extra: true }).data as object;
    expect(Object.keys(first)).toEqual(["a", "b"]);
    const second = parseOutput(s2, first, { c: 3, ...first, junk: 1 }).data as object;
    expect(Object.keys(second)).toEqual(["a", "b", "c"]);
    expect(second).toEqual({ a: "x", b: 1, c: 3 });
  });

  it("fails a stage whose output breaks its schema with the field named", () => {
    const broken: Stage<typeof CleanArticle, typeof DatedArticle> = { ...dates, run: (a) => ({ ...a, dates: [{ start: 0, end: 1, text: "", type: "date", value: "x", date: null, precision: null, anchor: "absolute" }] }) };
    const c = runStage(clean, (runStage(ingest, source(), "a") as unknown as { article: z.infer<typeof CleanArticle> }).article, "a");
    expect(() => runStage(broken, c, "a")).toThrow(StageError);
    expect(() => runStage(broken, c, "a")).toThrow(/dates/);
  });
});

/** Freezes a record and everything in it (strings and numbers aside). */
function deepFreeze<T>(v: T): T {
  if (typeof v === "object" && v !== null && !Object.isFrozen(v) && !ArrayBuffer.isView(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

describe("stages leave their input as it was (what parseOutput relies on)", () => {
  it("runs every per-article stage on frozen input", () => {
    for (const text of [TEXT, TEXT.replace("😀 ", "")]) {
      const ing = ingest.run(deepFreeze(source(text)));
      if (ing.kind !== "article") throw new Error("rejected");
      let rec: unknown = ing.article;
      for (const s of [clean, dates, entities, quotes] as Stage<z.ZodType, z.ZodType>[]) rec = s.run(deepFreeze(rec));
      const q = rec as QuotedArticle;
      expect(q.quotes.length).toBeGreaterThan(0);
      const rows = validateRows(deepFreeze(toRows(deepFreeze(q))), "a");
      expect(publish.run(deepFreeze(rows)).mentions.length).toBe(q.mentions.length);
    }
  });
});

describe("validateRows", () => {
  it("lists a row that breaks its schema with table, key and field, as it does a span", () => {
    const q = compareAll(TEXT);
    const rows = toRows(q);
    const bad: ArticleRows = { ...rows, mentions: rows.mentions.map((m, i) => (i === 0 ? { ...m, type: 7 as unknown as string } : m)) };
    const err = (() => {
      try {
        validateRows(bad, "a");
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(ValidationError);
    const issue = (err as ValidationError).issues[0]!;
    expect(issue.table).toBe("mentions");
    expect(issue.key).toBe(rows.mentions[0]!.mention_id);
    expect(issue.field).toBe("type");
    // rows that keep the contract pass unchanged
    expect(validateRows(rows, "a")).toEqual(ArticleRows.parse(rows));
  });
});

describe("processSource's staged bytes", () => {
  const lines = (b: Uint8Array): unknown[] =>
    new TextDecoder()
      .decode(b)
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l));
  const staged = (text: string): StagedArticle => {
    const p = processSource(source(text));
    if (p.kind !== "article") throw new Error(p.kind);
    return p.staged;
  };

  it("hold each table's rows as JSON Lines, then the link record and the quotes' texts, where `ends` says", () => {
    const st = staged(TEXT);
    const q = compareAll(TEXT);
    const rows = publish.run(validateRows(toRows(q), "a"));
    const want: Record<RowTable, unknown[]> = { articles: [rows.article], boilerplate: rows.boilerplate, dates: rows.dates, mentions: rows.mentions, quotes: rows.quotes };
    for (const t of ROW_TABLES) {
      expect(lines(stagedLines(st, t))).toEqual(JSON.parse(JSON.stringify(want[t])));
      expect(st.rows[t]).toBe(want[t].length);
    }
    expect(st.rows.quotes).toBeGreaterThan(0);
    expect(st.maxBytes).toBe(stagedLines(st, "articles").length);
    const link = JSON.parse(new TextDecoder().decode(linkRecordBytes(st))) as { quotes: { text: string }[] };
    expect(link.quotes.map((x) => x.text)).toEqual(q.quotes.map(() => ""));
    expect(JSON.parse(new TextDecoder().decode(quoteTextsBytes(st)))).toEqual(q.quotes.map((x) => x.text));
    // characters outside ASCII and the BMP are there as UTF-8
    expect(new TextDecoder().decode(stagedLines(st, "articles"))).toContain("😀");
    // a buffer of their own, whole, as a worker hands it over (transferred, not copied)
    expect(st.bytes.byteOffset).toBe(0);
    expect(st.bytes.buffer.byteLength).toBe(st.bytes.length);
  });

  it("are the article's own: a later, longer article does not change them", () => {
    const first = staged(TEXT);
    const copy = first.bytes.slice();
    staged("Port notes\n\nThe ferry left at noon, officials said on Monday.\n");
    expect(first.bytes).toEqual(copy);
    // more than the 1 MiB the bytes are first made in: its body and raw text are 2 bytes a character and over 600 kB each
    const long = `Harbour report\n\n${"Le café était fermé à Orléans, dit-on. ".repeat(16_000)}\n`;
    const big = staged(long);
    expect(big.bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(lines(stagedLines(big, "articles"))).toHaveLength(1);
    expect(first.bytes).toEqual(copy);
    expect(first.bytes.buffer).not.toBe(big.bytes.buffer);
    // and the next one, shorter again, is whole too
    expect(staged(TEXT).bytes).toEqual(copy);
  });
});
