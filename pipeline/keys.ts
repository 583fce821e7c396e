// Keys of every input (ids, content hashes, paths) held as bytes in typed arrays, not as JavaScript strings in Maps:
// the runner checks each input against all before it, so what it holds per input grows with the corpus.
import { Column } from "./link/column.ts";

/** Bytes of a chunk of key bytes: the C allocator maps a chunk of its own (the build sets a 1 MB mmap threshold). */
const CHUNK = 1 << 20;

/**
 * Byte strings appended one after another, each read back by its position: a string's UTF-8 bytes (or raw bytes,
 * such as a digest) plus 12 bytes, where a JavaScript string costs 16 to 24 bytes of header and 1 or 2 per character,
 * and a Map entry some 30 more. A string is never split across chunks; one longer than a chunk gets a chunk of its own.
 */
export class ByteStrings {
  private chunks: Uint8Array[] = [];
  private last = new Uint8Array(0);
  private used = 0;
  /** chunk index × 2^32 + offset in the chunk, per string */
  private readonly at = new Column(Float64Array);
  private readonly len = new Column(Int32Array);
  /** a string's UTF-8 bytes, made here to be compared or copied */
  protected scratch = Buffer.allocUnsafe(256);

  /** the strings of `list`, in its order */
  static of(list: Iterable<string | Uint8Array>): ByteStrings {
    const out = new ByteStrings();
    for (const s of list) out.push(s);
    return out;
  }

  get length(): number {
    return this.len.length;
  }

  /** appends `s` (a string as UTF-8) and returns its position */
  push(s: string | Uint8Array): number {
    const b = typeof s === "string" ? this.encode(s) : s;
    if (this.chunks.length === 0 || this.used + b.length > this.last.length) {
      this.last = new Uint8Array(Math.max(CHUNK, b.length));
      this.chunks.push(this.last);
      this.used = 0;
    }
    this.last.set(b, this.used);
    this.at.push((this.chunks.length - 1) * 2 ** 32 + this.used);
    this.len.push(b.length);
    this.used += b.length;
    return this.len.length - 1;
  }

  /** the bytes of the string at `i` (a view: valid until clear) */
  bytes(i: number): Uint8Array {
    const at = this.at.get(i);
    const chunk = this.chunks[Math.floor(at / 2 ** 32)]!;
    const from = at % 2 ** 32;
    return chunk.subarray(from, from + this.len.get(i));
  }

  /** the string at `i`, decoded as UTF-8 */
  get(i: number): string {
    const b = this.bytes(i);
    return Buffer.from(b.buffer, b.byteOffset, b.length).toString("utf8");
  }

  /** compares the strings at `i` and `j` byte by byte (UTF-8 byte order: DuckDB's order of VARCHARs) */
  compare(i: number, j: number): number {
    const ai = this.at.get(i);
    const aj = this.at.get(j);
    const a = this.chunks[Math.floor(ai / 2 ** 32)]!;
    const b = this.chunks[Math.floor(aj / 2 ** 32)]!;
    const [x, y] = [ai % 2 ** 32, aj % 2 ** 32];
    const [m, n] = [this.len.get(i), this.len.get(j)];
    for (let k = 0, e = Math.min(m, n); k < e; k++) if (a[x + k] !== b[y + k]) return a[x + k]! - b[y + k]!;
    return m - n;
  }

  /** the positions 0 … length − 1 in the byte order of their strings (equal strings in position order) */
  sortedPositions(): Int32Array {
    const order = new Int32Array(this.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    return order.sort((i, j) => this.compare(i, j) || i - j);
  }

  /** lets go of every string */
  clear(): void {
    this.chunks = [];
    this.last = new Uint8Array(0);
    this.used = 0;
    this.at.clear();
    this.len.clear();
  }

  protected encode(s: string): Uint8Array {
    if (3 * s.length > this.scratch.length) this.scratch = Buffer.allocUnsafe(Math.max(3 * s.length, 2 * this.scratch.length));
    return this.scratch.subarray(0, this.scratch.write(s, 0, "utf8"));
  }
}

/**
 * A set of byte strings, each with its position in the order added: `find` tells whether a key is held and where.
 * An open-addressing hash table of positions (a quarter to a half full) over a ByteStrings: 20 to 28 bytes a key
 * beyond its own bytes.
 */
export class KeySet extends ByteStrings {
  /** position + 1 per slot, 0 for an empty slot */
  private table = new Int32Array(16);

  /** the position of a key equal to `key`, or -1 */
  find(key: string | Uint8Array): number {
    const b = typeof key === "string" ? this.encode(key) : key;
    const mask = this.table.length - 1;
    for (let s = hash(b) & mask; ; s = (s + 1) & mask) {
      const p = this.table[s]! - 1;
      if (p < 0) return -1;
      if (equal(this.bytes(p), b)) return p;
    }
  }

  /** adds `key`, which must not be held yet (see `find`), and returns its position */
  add(key: string | Uint8Array): number {
    if (2 * (this.length + 1) > this.table.length) this.grow();
    const p = this.push(key);
    this.place(p);
    return p;
  }

  override clear(): void {
    super.clear();
    this.table = new Int32Array(16);
  }

  private place(p: number): void {
    const mask = this.table.length - 1;
    let s = hash(this.bytes(p)) & mask;
    while (this.table[s] !== 0) s = (s + 1) & mask;
    this.table[s] = p + 1;
  }

  private grow(): void {
    this.table = new Int32Array(2 * this.table.length);
    for (let p = 0; p < this.length; p++) this.place(p);
  }
}

/** FNV-1a of a string's UTF-16 code units, as an unsigned 32-bit number */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** FNV-1a of bytes */
function hash(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < b.length; k++) h = Math.imul(h ^ b[k]!, 0x01000193);
  return h >>> 0;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
