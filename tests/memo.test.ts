// The bounded memo behind the linker's per-text caches.
import { describe, expect, it } from "vitest";
import { Memo } from "../pipeline/memo.ts";

describe("Memo", () => {
  it("keeps a key that keeps coming back through any number of keys seen once, and forgets the rest", () => {
    const made: string[] = [];
    const memo = new Memo<string>(100);
    const get = (k: string) => memo.get(k, (x) => (made.push(x), x.toUpperCase()));
    expect(get("often")).toBe("OFTEN");
    for (let i = 0; i < 10_000; i++) {
      expect(get(`once-${i}`)).toBe(`ONCE-${i}`);
      if (i % 50 === 0) expect(get("often")).toBe("OFTEN");
    }
    // computed once, though 100 times more keys than one generation holds went by
    expect(made.filter((k) => k === "often")).toHaveLength(1);
    // a key seen once long ago is gone: computed again
    get("once-0");
    expect(made.filter((k) => k === "once-0")).toHaveLength(2);
    // and one seen lately is not
    get("once-9999");
    expect(made.filter((k) => k === "once-9999")).toHaveLength(1);
  });

  it("forgets every key once cleared", () => {
    let calls = 0;
    const memo = new Memo<number>(10);
    memo.get("k", () => ++calls);
    for (let i = 0; i < 15; i++) memo.get(`x${i}`, () => 0); // "k" now in the older generation
    expect(memo.get("k", () => ++calls)).toBe(1);
    memo.clear();
    expect(memo.get("k", () => ++calls)).toBe(2);
  });

  it("remembers null values", () => {
    let calls = 0;
    const memo = new Memo<string | null>(10);
    expect(memo.get("k", () => (calls++, null))).toBeNull();
    expect(memo.get("k", () => (calls++, null))).toBeNull();
    expect(calls).toBe(1);
  });
});
