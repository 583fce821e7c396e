// The runner's per-input keys held as bytes: strings read back as written, a set that finds exactly what it holds,
// and UTF-8 byte order.
import { describe, expect, it } from "vitest";
import { ByteStrings, KeySet } from "../pipeline/keys.ts";

/** a deterministic pseudo-random generator (mulberry32) */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** strings of 0 to 40 characters from a mix of ASCII, accented letters, CJK and characters outside the BMP */
function randomStrings(n: number, seed: number): string[] {
  const r = rng(seed);
  const alphabet = ["a", "b", "z", "0", "-", "é", "ß", "\u4E2D", "\uFF21", "\u{1F600}", "\u{10348}"];
  return Array.from({ length: n }, () => Array.from({ length: Math.floor(r() * 41) }, () => alphabet[Math.floor(r() * alphabet.length)]).join(""));
}

describe("ByteStrings", () => {
  it("gives back each string as pushed, across chunks and for a string longer than a chunk", () => {
    const list = randomStrings(60_000, 1); // about 1.6 MB of UTF-8: more than one chunk
    list.splice(30_000, 0, "é".repeat(700_000)); // 1.4 MB on its own
    const s = ByteStrings.of(list);
    expect(s.length).toBe(list.length);
    list.forEach((x, i) => {
      if (i % 7 === 0 || i === 30_000 || i === list.length - 1) expect(s.get(i)).toBe(x);
    });
    expect(Buffer.from(s.bytes(5)).equals(Buffer.from(list[5]!))).toBe(true);
  });

  it("holds the empty string, first or later", () => {
    const s = ByteStrings.of(["", "a", ""]);
    expect([s.get(0), s.get(1), s.get(2)]).toEqual(["", "a", ""]);
    const set = new KeySet();
    expect(set.find("")).toBe(-1);
    set.add("");
    expect(set.find("")).toBe(0);
  });

  it("holds raw bytes as they are", () => {
    const d = Uint8Array.from([0, 255, 128, 10, 0]);
    const s = ByteStrings.of([d, "x"]);
    expect([...s.bytes(0)]).toEqual([...d]);
    expect(s.get(1)).toBe("x");
  });

  it("orders positions by the strings' UTF-8 bytes, equal strings in the order pushed", () => {
    const list = randomStrings(5_000, 2);
    list.push(list[10]!, list[20]!);
    const order = [...ByteStrings.of(list).sortedPositions()];
    const expected = list.map((_, i) => i).sort((i, j) => Buffer.compare(Buffer.from(list[i]!), Buffer.from(list[j]!)) || i - j);
    expect(order).toEqual(expected);
    // UTF-16 order would differ: U+FF21 is one unit above a surrogate pair's first, but below the pair's code point in UTF-8
    const keys = ["\u{1F600}", "\uFF21"];
    expect([...ByteStrings.of(keys).sortedPositions()]).toEqual([1, 0]);
  });

  it("empties on clear and can be filled again", () => {
    const s = ByteStrings.of(["a", "b"]);
    s.clear();
    expect(s.length).toBe(0);
    expect(s.push("c")).toBe(0);
    expect(s.get(0)).toBe("c");
  });
});

describe("KeySet", () => {
  it("finds each key it holds at its position, and no other, as a Map would", () => {
    const list = randomStrings(40_000, 3);
    const set = new KeySet();
    const map = new Map<string, number>();
    for (const k of list) {
      const at = set.find(k);
      expect(at).toBe(map.get(k) ?? -1);
      if (at < 0) {
        expect(set.add(k)).toBe(map.size);
        map.set(k, map.size);
      }
    }
    expect(set.length).toBe(map.size);
    // strings that differ from a held one by one character, or are a prefix of one, are not held
    for (const k of [...map.keys()].slice(0, 2000)) {
      expect(set.find(k)).toBe(map.get(k));
      if (!map.has(`${k}a`)) expect(set.find(`${k}a`)).toBe(-1);
      if (k.length > 1 && !map.has(k.slice(0, -1))) expect(set.find(k.slice(0, -1))).toBe(-1);
    }
    expect(set.find("")).toBe(map.get("") ?? -1);
  });

  it("tells apart digests that share a prefix, and a key added as text from the same bytes", () => {
    const set = new KeySet();
    const a = new Uint8Array(32).fill(7);
    const b = Uint8Array.from(a);
    b[31] = 8;
    set.add(a);
    expect(set.find(b)).toBe(-1);
    expect(set.add(b)).toBe(1);
    expect(set.find(Uint8Array.from(a))).toBe(0);
    set.add("é");
    expect(set.find(Uint8Array.from([0xc3, 0xa9]))).toBe(2);
  });

  it("finds nothing once cleared", () => {
    const set = new KeySet();
    for (const k of ["x", "y", "z"]) set.add(k);
    set.clear();
    expect(set.find("x")).toBe(-1);
    expect(set.add("y")).toBe(0);
    expect(set.find("y")).toBe(0);
  });
});
