// JSON Lines files of the build's staging folder: a writer that respects back-pressure, and a
// streaming pass that appends fields to each staged row.
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
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
