// The staging folder's passes over JSON Lines: appending linked fields to each row.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendFields } from "../pipeline/jsonl.ts";
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
