// The corpus the stage benches read in place: $BENCH_CORPUS, by default ../shared/corpus/allsides.jsonl.gz.
import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";

export const CORPUS = process.env.BENCH_CORPUS ?? join(fileURLToPath(new URL("..", import.meta.url)), "..", "shared", "corpus", "allsides.jsonl.gz");

/** A corpus record, as the benches use it. */
export interface CorpusRecord {
  text?: string;
  body?: string;
  title?: string;
  date?: string | null;
  published_date?: string | null;
}

/**
 * The first `n` records that `pick` keeps (it returns null to skip one), or null after printing
 * `BENCH <name> skipped` when the corpus is missing.
 */
export async function corpusRecords<T>(name: string, n: number, pick: (r: CorpusRecord) => T | null): Promise<T[] | null> {
  if (!existsSync(CORPUS)) {
    console.log(`BENCH ${name} skipped: no corpus at ${CORPUS}`);
    return null;
  }
  const out: T[] = [];
  const rl = createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    if (out.length >= n) break;
    if (!line.trim()) continue;
    const x = pick(JSON.parse(line) as CorpusRecord);
    if (x !== null) out.push(x);
  }
  rl.close();
  return out;
}
