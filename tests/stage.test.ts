// Stage outputs are parsed at every boundary; fields carried unchanged from an already parsed input are not parsed
// twice, and the result is the same as a full parse.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CleanArticle, DatedArticle, QuotedArticle, type SourceInput } from "../schemas/records.ts";
import { parseOutput, runStage, StageError, type Stage } from "../pipeline/stage.ts";
import { clean, dates, entities, ingest, publish, quotes } from "../pipeline/stages/index.ts";
import { toRows, validateRows, ValidationError, ArticleRows } from "../pipeline/stages/07-validate.ts";
import { emptyManifest } from "../schemas/records.ts";

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
