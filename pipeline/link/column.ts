// A growing list of numbers in typed arrays: millions of them cost 4 bytes each (or 1, or 8), not a JS array's 8 or more.
// Held in fixed-size chunks, each made when the first value goes into it, so growing never copies the list nor holds it
// twice, and an empty column holds no chunk. IntFile keeps such a list of 32-bit integers in a file instead.
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";

/** A list of integers read by position. */
export interface IntList {
  readonly length: number;
  get(i: number): number;
}

/** A list of 32-bit integers made a value at a time, then read by position, its values replaced in place by `update`. */
export interface IntLog extends IntList {
  push(x: number): void;
  /** replaces each value x by f(x) */
  update(f: (x: number) => number): void;
  /** lets go of the values: the list is not read again */
  dispose(): void;
}

/** Where a function that makes lists of one value per mention keeps them: each made by its name (a file's, say). */
export type IntLogs = (name: string) => IntLog;

/** Lists kept in memory (Column). */
export const inMemory: IntLogs = () => new Column(Int32Array);

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
  /** as clear() (IntLog's) */
  dispose(): void {
    this.clear();
  }
  /** replaces each value x by f(x) */
  update(f: (x: number) => number): void {
    for (let k = 0; k < this.chunks.length; k++) {
      const c = this.chunks[k]!;
      for (let j = 0, n = Math.min(c.length, this.length - k * this.chunkLength); j < n; j++) c[j] = f(c[j]!);
    }
  }
  /** the values so far, in one array of their own length */
  trimmed(): A {
    const n = this.length;
    const out = new this.Make(n);
    const c = this.chunkLength;
    for (let k = 0; k * c < n; k++) out.set(this.chunks[k]!.subarray(0, Math.min(c, n - k * c)), k * c);
    return out;
  }
}

/** Values an IntFile reads at a time, by default: 64 KB. */
const INT_WINDOW = 1 << 14;

/**
 * A list of 32-bit integers in a file (of the build's work folder), not in memory: for lists of one value per mention,
 * which grow with the corpus (10 million mentions at 150k articles, 42 MB a list in memory). Written in order, through
 * a buffer; read through a window of values that moves to a value asked for outside it, so reading in order, or one
 * article's values after another's, reads each part of the file once. Another reader (another thread's) opens the file
 * with `IntFile.open` once the writer has flushed it (`update` does, `flush` too).
 */
export class IntFile implements IntLog {
  private fd: number | null;
  /** values in the file; those pushed after them are out[0, outLen) */
  private flushed = 0;
  private readonly out: Int32Array;
  private outLen = 0;
  /** values from `winAt` are in win[0, winLen) */
  private readonly win: Int32Array;
  private winAt = 0;
  private winLen = 0;
  /** a new list in a new file at `path` (made or emptied); `window`: values read at a time */
  constructor(
    readonly path: string,
    window = INT_WINDOW,
    existing: { fd: number; length: number } | null = null,
  ) {
    this.fd = existing?.fd ?? openSync(path, "w+");
    this.flushed = existing?.length ?? 0;
    this.out = new Int32Array(existing ? 0 : INT_WINDOW);
    this.win = new Int32Array(window);
  }
  /** a reader of the list another IntFile wrote to `path`, of `length` values (flushed) */
  static open(path: string, length: number, window = INT_WINDOW): IntFile {
    return new IntFile(path, window, { fd: openSync(path, "r"), length });
  }
  get length(): number {
    return this.flushed + this.outLen;
  }
  private file(): number {
    if (this.fd === null) throw new Error(`internal error: ${this.path} is closed`);
    return this.fd;
  }
  push(x: number): void {
    if (this.outLen === this.out.length) this.flush();
    this.out[this.outLen++] = x;
  }
  /** writes the values pushed so far to the file */
  flush(): void {
    writeInts(this.file(), this.out.subarray(0, this.outLen), this.flushed);
    this.flushed += this.outLen;
    this.outLen = 0;
  }
  get(i: number): number {
    if (i >= this.flushed) {
      if (i >= this.length) throw new RangeError(`internal error: value ${i} of ${this.length} in ${this.path}`);
      return this.out[i - this.flushed]!;
    }
    if (i < this.winAt || i >= this.winAt + this.winLen) {
      this.winLen = 0;
      const n = Math.min(this.win.length, this.flushed - i);
      readInts(this.file(), this.win.subarray(0, n), i, this.path);
      this.winAt = i;
      this.winLen = n;
    }
    return this.win[i - this.winAt]!;
  }
  update(f: (x: number) => number): void {
    this.flush();
    this.winLen = 0;
    const fd = this.file();
    for (let at = 0; at < this.flushed; at += this.win.length) {
      const part = this.win.subarray(0, Math.min(this.win.length, this.flushed - at));
      readInts(fd, part, at, this.path);
      for (let k = 0; k < part.length; k++) part[k] = f(part[k]!);
      writeInts(fd, part, at);
    }
  }
  /** closes the file, which stays (another reader may remove it) */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
  /** closes the file and removes it */
  dispose(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}

function writeInts(fd: number, xs: Int32Array, at: number): void {
  const b = new Uint8Array(xs.buffer, xs.byteOffset, xs.byteLength);
  for (let done = 0; done < b.length; ) done += writeSync(fd, b, done, b.length - done, 4 * at + done);
}

function readInts(fd: number, xs: Int32Array, at: number, path: string): void {
  const b = new Uint8Array(xs.buffer, xs.byteOffset, xs.byteLength);
  for (let done = 0; done < b.length; ) {
    const n = readSync(fd, b, done, b.length - done, 4 * at + done);
    if (n === 0) throw new Error(`internal error: ${path} is shorter than its ${at + xs.length} values`);
    done += n;
  }
}

/** Order of `h`'s positions by value, equal values in position order (a stable radix sort). */
export function sortByHash(h: Uint32Array): Int32Array {
  const n = h.length;
  let a = new Int32Array(n);
  let b = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  const count = new Int32Array(65537);
  for (const shift of [0, 16]) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((h[a[i]!]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 0; d < 65536; d++) count[d + 1]! += count[d]!;
    for (let i = 0; i < n; i++) b[count[(h[a[i]!]! >>> shift) & 0xffff]!++] = a[i]!;
    [a, b] = [b, a];
  }
  return a;
}
