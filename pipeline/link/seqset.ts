// Distinct sequences of integers (a quote's word ids, say), each kept once and numbered in the order first added.
// Millions of them cost their values (4 bytes each) and 16 bytes a sequence, not a string and a Map entry each: the
// values are held in large typed arrays, each sequence whole within one of them (so it is read as one view), and
// found again through an open-addressing table of the sequences' hashes.
import { Column, CHUNK_BYTES } from "./column.ts";

/** Values a block holds, unless a sequence is longer (it then has a block of its own length). */
const BLOCK = CHUNK_BYTES / 4;

/** 32-bit hash of a sequence of integers (FNV-1a over its values, then mixed). */
export function seqHash(xs: ArrayLike<number>): number {
  let h = 0x811c9dc5 ^ xs.length;
  for (let i = 0; i < xs.length; i++) h = Math.imul(h ^ xs[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) | 0;
}

export class SeqSet {
  private readonly blocks: Int32Array[] = [];
  /** values used in the last block */
  private used = 0;
  /** per sequence: its block, where it starts there, its length and its hash */
  private readonly blockOf = new Column(Int32Array);
  private readonly startOf = new Column(Int32Array);
  private readonly lengthOf = new Column(Int32Array);
  private readonly hashOf = new Column(Int32Array);
  /** sequence + 1 by hash (0: empty), half full at most; null once the values are updated (no lookups after) */
  private slots: Int32Array | null = new Int32Array(1 << 10);
  /** `hash` and `block` (values a block holds): for tests (collisions, sequences across blocks) */
  constructor(
    private readonly hash: (xs: ArrayLike<number>) => number = seqHash,
    private readonly block = BLOCK,
  ) {}
  get size(): number {
    return this.lengthOf.length;
  }
  /** the number of the sequence equal to `xs` (its values are copied), added if it is new */
  add(xs: ArrayLike<number>): number {
    const slots = this.slots;
    if (!slots) throw new Error("internal error: a sequence added after the values were updated");
    const h = this.hash(xs);
    const mask = slots.length - 1;
    let s = h & mask;
    for (let k = slots[s]!; k !== 0; s = (s + 1) & mask, k = slots[s]!) if (this.hashOf.get(k - 1) === h && this.equals(k - 1, xs)) return k - 1;
    const i = this.size;
    this.store(xs);
    this.hashOf.push(h);
    slots[s] = i + 1;
    if (2 * this.size > slots.length) this.grow();
    return i;
  }
  /** sequence i's values (a view, valid while the set is) */
  get(i: number): Int32Array {
    const at = this.startOf.get(i);
    return this.blocks[this.blockOf.get(i)]!.subarray(at, at + this.lengthOf.get(i));
  }
  /** sequence i's length */
  lengthAt(i: number): number {
    return this.lengthOf.get(i);
  }
  /** replaces each value x by f(x), in every sequence; no sequence can be added or looked up after */
  update(f: (x: number) => number): void {
    this.slots = null;
    this.hashOf.clear();
    for (let i = 0; i < this.size; i++) {
      const xs = this.get(i);
      for (let k = 0; k < xs.length; k++) xs[k] = f(xs[k]!);
    }
  }
  private equals(i: number, xs: ArrayLike<number>): boolean {
    if (this.lengthOf.get(i) !== xs.length) return false;
    const ys = this.get(i);
    for (let k = 0; k < xs.length; k++) if (ys[k] !== xs[k]) return false;
    return true;
  }
  private store(xs: ArrayLike<number>): void {
    let last = this.blocks[this.blocks.length - 1];
    if (!last || this.used + xs.length > last.length) {
      last = new Int32Array(Math.max(this.block, xs.length));
      this.blocks.push(last);
      this.used = 0;
    }
    for (let k = 0; k < xs.length; k++) last[this.used + k] = xs[k]!;
    this.blockOf.push(this.blocks.length - 1);
    this.startOf.push(this.used);
    this.lengthOf.push(xs.length);
    this.used += xs.length;
  }
  private grow(): void {
    const slots = new Int32Array(this.slots!.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < this.size; i++) {
      let s = this.hashOf.get(i) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = i + 1;
    }
    this.slots = slots;
  }
}
