// JSON Lines: reading an input's lines, writing staged rows, and appending linked fields to each row.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { textLines } from "../pipeline/inputs.ts";
import { appendFields, Lines } from "../pipeline/jsonl.ts";
import { tmp } from "./helpers.ts";

describe("appendFields", () => {
  it("appends each row's fields across read chunks, to rows longer than a chunk and to non-ASCII text", async () => {
    const dir = await tmp("append");
    // rows of many lengths, so row ends fall everywhere in the 4 MiB chunks; one row of 9 MB
    const rows = Array.from({ length: 120_000 }, (_, i) => ({ id: i, text: i === 70_000 ? "é".repeat(4_500_000) : "x😀".repeat(i % 37) }));
    await writeFile(join(dir, "in.jsonl"), rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
    appendFields(join(dir, "in.jsonl"), join(dir, "out.jsonl"), rows.map((r) => `,"link":${JSON.stringify(`e${r.id}·`)}`));
    const out = (await readFile(join(dir, "out.jsonl"), "utf8")).split("\n");
    expect(out.pop()).toBe("");
    expect(out.length).toBe(rows.length);
    out.forEach((l, i) => {
      if (i % 997 === 0 || i === 70_000) expect(JSON.parse(l)).toEqual({ ...rows[i], link: `e${i}·` });
    });
  }, 60_000);

  it("fails when rows and fields do not run out together", async () => {
    const dir = await tmp("append-bad");
    await writeFile(join(dir, "in.jsonl"), `{"a":1}\n{"a":2}\n`);
    expect(() => appendFields(join(dir, "in.jsonl"), join(dir, "o.jsonl"), [`,"b":1`])).toThrow(/line 2 has no linked fields/);
    expect(() => appendFields(join(dir, "in.jsonl"), join(dir, "o.jsonl"), [`,"b":1`, `,"b":2`, `,"b":3`])).toThrow(/fewer rows/);
    await writeFile(join(dir, "cut.jsonl"), `{"a":1}\n{"a":2}`);
    expect(() => appendFields(join(dir, "cut.jsonl"), join(dir, "o.jsonl"), [`,"b":1`, `,"b":2`])).toThrow(/does not end with a newline/);
  });
});

describe("textLines", () => {
  /** a deterministic pseudo-random generator (mulberry32) */
  const rng = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const collect = async <T>(it: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const x of it) out.push(x);
    return out;
  };
  it("gives the lines readline gives, wherever the chunks are cut", async () => {
    const alphabet = ["a", "é", "😀", "\n", "\r", "\r\n", "\n\n", " "];
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const text = Array.from({ length: Math.floor(r() * 60) }, () => alphabet[Math.floor(r() * alphabet.length)]).join("");
      const bytes = Buffer.from(text);
      // cut anywhere, inside a character's bytes and between \r and \n included
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; ) {
        const n = 1 + Math.floor(r() * 7);
        chunks.push(bytes.subarray(at, at + n));
        at += n;
      }
      const want = await collect(createInterface({ input: Readable.from(chunks.map((c) => Buffer.from(c))), crlfDelay: Infinity }));
      expect(await collect(textLines(Readable.from(chunks))), JSON.stringify(text)).toEqual(want);
    }
  });
  it("keeps a line longer than many chunks whole", async () => {
    const line = "é".repeat(300_000);
    const bytes = Buffer.from(`${line}\r\nx`);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, i) => bytes.subarray(i * 4096, (i + 1) * 4096));
    expect(await collect(textLines(Readable.from(chunks)))).toEqual([line, "x"]);
  });
});

describe("Lines", () => {
  it("writes every line in order, in batches and on close, and keeps count and the longest line", async () => {
    const dir = await tmp("lines");
    const file = join(dir, "out.jsonl");
    const w = new Lines(file);
    const want: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const row = { i, text: "ü".repeat(i === 4001 ? 5000 : i % 500) };
      want.push(JSON.stringify(row));
      if (i % 2) await w.write(row);
      else await w.writeLines(new TextEncoder().encode(`${JSON.stringify(row)}\n`), 1, 0);
    }
    await w.writeLines("", 0, 0);
    await w.close();
    expect((await readFile(file, "utf8")).split("\n")).toEqual([...want, ""]);
    expect(w.count).toBe(5000);
    // the longest line: a long one written by write() (two bytes a character), newline included
    expect(w.maxBytes).toBe(Buffer.byteLength(`${JSON.stringify({ i: 4001, text: "ü".repeat(5000) })}\n`));
  });
});
