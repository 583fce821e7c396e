// JSON Lines files of the build's staging folder: a writer that respects back-pressure, and a
// streaming pass that appends fields to each staged row.
import { closeSync, createReadStream, createWriteStream, openSync, readSync, renameSync, writeSync, type WriteStream } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";

/** JSON Lines writer that respects back-pressure. */
export class Lines {
  private readonly s: WriteStream;
  count = 0;
  /** bytes of the longest line written */
  maxBytes = 0;
  constructor(path: string) {
    this.s = createWriteStream(path);
  }
  async write(v: unknown): Promise<void> {
    const line = `${JSON.stringify(v)}\n`;
    await this.writeLines(line, 1, line.length > 4096 ? Buffer.byteLength(line) : 0);
  }
  /** `n` lines already made, the longest `maxBytes` long */
  async writeLines(text: string, n: number, maxBytes: number): Promise<void> {
    this.count += n;
    this.maxBytes = Math.max(this.maxBytes, maxBytes);
    if (text && !this.s.write(text)) await new Promise<void>((r) => this.s.once("drain", () => r()));
  }
  async close(): Promise<void> {
    this.s.end();
    await finished(this.s);
  }
}

/**
 * Copies the staged rows in `src` (JSON objects, one per line) to `dst`, appending to each the next
 * fields from `extra` (each `,"key":value…`); the rows and the fields must run out together.
 */
export async function appendFields(src: string, dst: string, extra: Iterable<string>): Promise<Lines> {
  const out = new Lines(dst);
  const it = extra[Symbol.iterator]();
  let buf = "";
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(src), crlfDelay: Infinity })) {
    const next = it.next();
    if (next.done || !line.endsWith("}")) throw new Error(`internal error: ${basename(src)} line ${n + 1} has no linked fields`);
    buf += `${line.slice(0, -1)}${next.value}}\n`;
    if (++n % 4096 === 0) {
      await out.writeLines(buf, 4096, 0);
      buf = "";
    }
  }
  if (!it.next().done) throw new Error(`internal error: ${basename(src)} has fewer rows than the link stage linked`);
  await out.writeLines(buf, n % 4096, 0);
  await out.close();
  return out;
}

/** Byte order of UTF-8 text: the order of DuckDB's ORDER BY on a VARCHAR (JavaScript's `<` compares UTF-16 units). */
export function utf8Order(keys: readonly string[]): number[] {
  const enc = keys.map((k) => Buffer.from(k));
  return keys.map((_, i) => i).sort((a, b) => Buffer.compare(enc[a]!, enc[b]!));
}

/**
 * Puts the lines of the file at `path` in the UTF-8 order of their keys: line i has key `keys[i]` and is
 * `bytes.get(i)` bytes long (its newline included). Rewritten in place through a temporary file; the
 * file was just written, so the reads come from the page cache. The rows of a wide table (whole texts)
 * are put in key order here, a line at a time, instead of by a sort in DuckDB that would hold them all.
 */
export function sortLines(path: string, keys: readonly string[], bytes: { get(i: number): number; length: number }): void {
  const n = keys.length;
  if (bytes.length !== n) throw new Error(`internal error: ${n} keys for ${bytes.length} lines of ${basename(path)}`);
  const at = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) at[i + 1] = at[i]! + bytes.get(i);
  const order = utf8Order(keys);
  if (order.every((k, i) => k === i)) return;
  const src = openSync(path, "r");
  const tmp = `${path}.sorted`;
  const dst = openSync(tmp, "w");
  try {
    let buf = Buffer.allocUnsafe(1 << 22);
    let used = 0;
    for (const i of order) {
      const len = bytes.get(i);
      if (used + len > buf.length) {
        writeSync(dst, buf, 0, used);
        used = 0;
        if (len > buf.length) buf = Buffer.allocUnsafe(len);
      }
      if (readSync(src, buf, used, len, at[i]!) !== len) throw new Error(`internal error: ${basename(path)} is shorter than its lines`);
      used += len;
    }
    writeSync(dst, buf, 0, used);
  } finally {
    closeSync(src);
    closeSync(dst);
  }
  renameSync(tmp, path);
}
