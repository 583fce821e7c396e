import { describe, expect, it } from "vitest";
import { Column } from "../pipeline/link/column.ts";

describe("Column", () => {
  it("keeps every value across chunk boundaries, in order", () => {
    const c = new Column(Int32Array);
    const n = 3 * 65536 + 17;
    for (let i = 0; i < n; i++) c.push(i * 7 - 5);
    expect(c.length).toBe(n);
    for (const i of [0, 1, 65535, 65536, 65537, 131071, 131072, n - 1]) expect(c.get(i)).toBe(i * 7 - 5);
    const t = c.trimmed();
    expect(t).toBeInstanceOf(Int32Array);
    expect(t.length).toBe(n);
    let same = true;
    for (let i = 0; i < n; i++) if (t[i] !== i * 7 - 5) same = false;
    expect(same).toBe(true);
  });
  it("gives an empty array when nothing was pushed, and one of exactly a chunk's length", () => {
    expect(new Column(Uint8Array).trimmed().length).toBe(0);
    const c = new Column(Uint8Array);
    for (let i = 0; i < 65536; i++) c.push(i & 255);
    expect(c.trimmed().length).toBe(65536);
    expect(c.get(65535)).toBe(255);
  });
});
