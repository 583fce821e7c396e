// A growing list of numbers in typed arrays: millions of them cost 4 bytes each (or 1, or 8), not a JS array's 8 or more.
// Held in fixed-size chunks, so growing never copies the list nor holds it twice, and at most one chunk is unused.

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

export class Column<A extends Int32Array | Uint8Array | Float64Array> {
  private readonly chunks: A[] = [];
  private last: A;
  length = 0;
  private readonly Make: new (n: number) => A;
  constructor(Make: new (n: number) => A) {
    this.Make = Make;
    this.last = new Make(CHUNK);
    this.chunks.push(this.last);
  }
  push(x: number): void {
    const k = this.length & MASK;
    if (k === 0 && this.length > 0) {
      this.last = new this.Make(CHUNK);
      this.chunks.push(this.last);
    }
    this.last[k] = x;
    this.length++;
  }
  /** replaces the value at `i` (below length) */
  set(i: number, x: number): void {
    this.chunks[i >>> CHUNK_BITS]![i & MASK] = x;
  }
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & MASK]!;
  }
  /** the values so far, in one array of their own length */
  trimmed(): A {
    const out = new this.Make(this.length);
    for (let c = 0; c * CHUNK < this.length; c++) out.set(this.chunks[c]!.subarray(0, Math.min(CHUNK, this.length - c * CHUNK)), c * CHUNK);
    return out;
  }
}
