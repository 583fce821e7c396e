import { describe, expect, it } from "vitest";
import { CHUNK_BYTES, Column } from "../pipeline/link/column.ts";

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
    const s = c.trimmed(true);
    expect(s.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(s)).toEqual(Array.from(t));
  });
  it("gives an empty array when nothing was pushed, and one of exactly a chunk's length", () => {
    expect(new Column(Uint8Array).trimmed().length).toBe(0);
    expect(new Column(Float64Array, 64).trimmed(true).length).toBe(0);
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
