import { describe, expect, it } from "vitest";
import { SeqSet, seqHash } from "../pipeline/link/seqset.ts";

/** sequences of 0 to 12 values, some repeated, some prefixes of others */
const sequences = Array.from({ length: 3000 }, (_, i) => Array.from({ length: (i * 7) % 13 }, (_, k) => ((i % 500) * 31 + k * 17) % 97));

describe("SeqSet", () => {
  it.each([
    ["its own hash, blocks of 8 values", seqHash, 8],
    ["every hash colliding", () => 0, 8],
    ["a hash of the first value", (xs: ArrayLike<number>) => (xs.length ? xs[0]! : -1), 1 << 20],
  ] as const)("numbers each distinct sequence once, in the order first added: %s", (_, hash, block) => {
    const set = new SeqSet(hash, block);
    const want = new Map<string, number>();
    for (const xs of sequences) {
      const key = xs.join(",");
      if (!want.has(key)) want.set(key, want.size);
      // a copy in a larger array: only the values count
      const view = Int32Array.from([5, ...xs, 5]).subarray(1, xs.length + 1);
      expect(set.add(view)).toBe(want.get(key));
    }
    expect(set.size).toBe(want.size);
    for (const [key, i] of want) {
      expect(Array.from(set.get(i)).join(",")).toBe(key);
      expect(set.lengthAt(i)).toBe(key === "" ? 0 : key.split(",").length);
    }
  });

  it("keeps a sequence longer than a block whole", () => {
    const set = new SeqSet(seqHash, 4);
    const long = Array.from({ length: 11 }, (_, k) => k);
    expect(set.add([1, 2, 3])).toBe(0);
    expect(set.add(long)).toBe(1);
    expect(set.add([4, 5])).toBe(2);
    expect(set.add(long)).toBe(1);
    expect(Array.from(set.get(1))).toEqual(long);
    expect(Array.from(set.get(2))).toEqual([4, 5]);
  });

  it("replaces the values in place, and takes no sequence after", () => {
    const set = new SeqSet(seqHash, 4);
    set.add([1, 2]);
    set.add([2, 3, 4]);
    set.update((x) => 10 * x);
    expect(Array.from(set.get(0))).toEqual([10, 20]);
    expect(Array.from(set.get(1))).toEqual([20, 30, 40]);
    expect(() => set.add([1, 2])).toThrow(/after the values were updated/);
  });

  it("hashes sequences that differ in order or length differently", () => {
    const hs = new Set([[1, 2], [2, 1], [1, 2, 0], [0, 1, 2], [], [0]].map(seqHash));
    expect(hs.size).toBe(6);
  });
});
