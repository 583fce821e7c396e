// A growing list of numbers in typed arrays: millions of them cost 4 bytes each (or 1, or 8), not a JS array's 8 or more.
// Held in fixed-size chunks, each made when the first value goes into it, so growing never copies the list nor holds it
// twice, and an empty column holds no chunk.

/**
 * Bytes of a chunk: 32 MiB, the C allocator's (glibc's) largest mmap threshold, so a chunk is a mapping of its own
 * however the threshold is set (`npm run build-data` sets 1 MB): only the pages written to are resident, and they go
 * back to the system as soon as the column is freed. A smaller chunk may come from the thread's heap, where, freed
 * between blocks still in use, it stays resident (linking frees its columns while its heap still grows).
 */
export const CHUNK_BYTES = 1 << 25;

type Typed = Int32Array | Uint8Array | Float64Array;

export class Column<A extends Typed> {
  private readonly chunks: A[] = [];
  private last: A | null = null;
  length = 0;
  private readonly Make: new (n: number) => A;
  /** values a chunk holds: 2 ** bits */
  readonly chunkLength: number;
  private readonly bits: number;
  private readonly mask: number;
  /** `chunkBytes`: a power of two (tests make it small) */
  constructor(Make: (new (n: number) => A) & { BYTES_PER_ELEMENT: number }, chunkBytes = CHUNK_BYTES) {
    this.Make = Make;
    this.bits = Math.log2(chunkBytes / Make.BYTES_PER_ELEMENT);
    if (!Number.isInteger(this.bits) || this.bits < 0 || this.bits > 30) throw new Error(`internal error: a chunk of ${chunkBytes} bytes`);
    this.chunkLength = 1 << this.bits;
    this.mask = this.chunkLength - 1;
  }
  push(x: number): void {
    const k = this.length & this.mask;
    if (k === 0) {
      this.last = new this.Make(this.chunkLength);
      this.chunks.push(this.last);
    }
    this.last![k] = x;
    this.length++;
  }
  /** replaces the value at `i` (below length) */
  set(i: number, x: number): void {
    this.chunks[i >>> this.bits]![i & this.mask] = x;
  }
  get(i: number): number {
    return this.chunks[i >>> this.bits]![i & this.mask]!;
  }
  /** empties the column, letting go of its chunks */
  clear(): void {
    this.last = null;
    this.chunks.length = 0;
    this.length = 0;
  }
  /** the values so far, in one array of their own length (in memory both threads may read, with `shared`) */
  trimmed(shared = false): A {
    const n = this.length;
    const Make = this.Make as unknown as { new (b: ArrayBufferLike, at: number, n: number): A; BYTES_PER_ELEMENT: number };
    const out = shared ? new Make(new SharedArrayBuffer(n * Make.BYTES_PER_ELEMENT), 0, n) : new this.Make(n);
    const c = this.chunkLength;
    for (let k = 0; k * c < n; k++) out.set(this.chunks[k]!.subarray(0, Math.min(c, n - k * c)), k * c);
    return out;
  }
}
