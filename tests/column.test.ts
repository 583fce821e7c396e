import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHUNK_BYTES, Column, IntFile, inMemory, type IntLog } from "../pipeline/link/column.ts";

describe("Column", () => {
  it("keeps every value across chunk boundaries, in order", () => {
    const c = new Column(Int32Array, 256);
    expect(c.chunkLength).toBe(64);
    const n = 3 * 64 + 17;
    for (let i = 0; i < n; i++) c.push(i * 7 - 5);
    expect(c.length).toBe(n);
    for (const i of [0, 1, 63, 64, 65, 127, 128, n - 1]) expect(c.get(i)).toBe(i * 7 - 5);
    c.set(64, 99);
    expect(c.get(64)).toBe(99);
    c.set(64, 64 * 7 - 5);
    const t = c.trimmed();
    expect(t).toBeInstanceOf(Int32Array);
    expect(t.length).toBe(n);
    expect(Array.from(t)).toEqual(Array.from({ length: n }, (_, i) => i * 7 - 5));
  });
  it("gives an empty array when nothing was pushed, and one of exactly a chunk's length", () => {
    expect(new Column(Uint8Array).trimmed().length).toBe(0);
    expect(new Column(Float64Array, 64).trimmed().length).toBe(0);
    const c = new Column(Uint8Array, 64);
    for (let i = 0; i < 64; i++) c.push(i * 3);
    expect(c.trimmed().length).toBe(64);
    expect(c.get(63)).toBe(189);
  });
  it("holds its values in chunks of 32 MiB by default, whatever their type", () => {
    // (a chunk that size is mapped apart from the C allocator's arenas, and unmapped when freed)
    expect(CHUNK_BYTES).toBe(32 * 2 ** 20);
    expect(new Column(Int32Array).chunkLength).toBe(CHUNK_BYTES / 4);
    expect(new Column(Float64Array).chunkLength).toBe(CHUNK_BYTES / 8);
    expect(new Column(Uint8Array).chunkLength).toBe(CHUNK_BYTES);
  });
  it("refuses a chunk size that is not a power of two of its values", () => {
    expect(() => new Column(Int32Array, 100)).toThrow(/chunk of 100 bytes/);
    expect(() => new Column(Float64Array, 4)).toThrow(/chunk of 4 bytes/);
  });
  it("starts again from nothing once cleared", () => {
    const c = new Column(Int32Array, 16);
    for (let i = 0; i < 10; i++) c.push(i + 1);
    c.clear();
    expect(c.length).toBe(0);
    expect(c.trimmed().length).toBe(0);
    c.push(42);
    expect(c.get(0)).toBe(42);
    expect([...c.trimmed()]).toEqual([42]);
  });
});

describe("IntFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "intfile-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const values = (n: number) => Array.from({ length: n }, (_, i) => ((i * 2654435761) | 0) % 100003);
  const all = (l: IntLog) => Array.from({ length: l.length }, (_, i) => l.get(i));

  it("reads back what was pushed, in the file and still in its buffer, as a Column does", () => {
    const xs = [...values(40_000), -1, 2 ** 31 - 1, -(2 ** 31)];
    const f = new IntFile(join(dir, "a.i32"), 100);
    const c = inMemory("a");
    xs.forEach((x, i) => {
      f.push(x);
      c.push(x);
      // values asked for while the list is written: the last one (in the buffer) and one long written
      if (i % 997 === 0) expect([f.get(i), f.get(i >> 1)]).toEqual([x, xs[i >> 1]]);
    });
    expect(f.length).toBe(xs.length);
    expect(all(f)).toEqual(xs);
    expect(all(c)).toEqual(xs);
    // out of order: backwards, and jumps across windows of 100 values
    for (const i of [xs.length - 1, 0, 99, 100, 101, 5000, 4999, 17, 39_999]) expect(f.get(i)).toBe(xs[i]);
    expect(() => f.get(xs.length)).toThrow(/value 40003 of 40003/);
    f.flush();
    expect(statSync(f.path).size).toBe(4 * xs.length);
    f.dispose();
    expect(readdirSync(dir)).not.toContain("a.i32");
  });

  it("replaces every value in place, as a Column does", () => {
    const xs = values(70_001);
    const f = new IntFile(join(dir, "b.i32"), 1000);
    const c = new Column(Int32Array, 1024);
    for (const x of xs) {
      f.push(x);
      c.push(x);
    }
    f.get(5); // a window read before the update must not be read after it
    f.update((x) => 3 * x + 1);
    c.update((x) => 3 * x + 1);
    const want = xs.map((x) => 3 * x + 1);
    expect(all(f)).toEqual(want);
    expect(all(c)).toEqual(want);
    expect(statSync(f.path).size).toBe(4 * xs.length);
    f.close();
    expect(() => f.get(0)).toThrow(/closed/);
  });

  it("is read by another reader once flushed, also after the writer removed it", () => {
    const xs = values(5000);
    const f = new IntFile(join(dir, "c.i32"));
    for (const x of xs) f.push(x);
    f.flush();
    const r = IntFile.open(f.path, f.length, 64);
    f.dispose();
    // an article's values at a time, the articles out of order
    const starts = [4000, 0, 64, 4990, 1234];
    for (const s of starts) expect(Array.from({ length: 10 }, (_, k) => r.get(s + k))).toEqual(xs.slice(s, s + 10));
    r.dispose();
  });

  it("holds nothing when empty", () => {
    const f = new IntFile(join(dir, "d.i32"));
    f.update((x) => x + 1);
    expect(f.length).toBe(0);
    expect(statSync(f.path).size).toBe(0);
    f.dispose();
  });
});
