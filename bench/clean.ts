// Throughput of the clean stage alone (cleanText) on corpus texts: `npx tsx bench/clean.ts [articles=3000]`.
// Reads the first N records of ../shared/corpus/allsides.jsonl.gz in place and prints one `BENCH clean …` line.
import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { fileURLToPath } from "node:url";
import { cleanText } from "../pipeline/stages/02-clean.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const corpus = process.env.BENCH_CORPUS ?? join(ROOT, "..", "shared", "corpus", "allsides.jsonl.gz");
const n = Number(process.argv[2] ?? 3000);

async function main() {
  if (!existsSync(corpus)) {
    console.log(`BENCH clean skipped: no corpus at ${corpus}`);
    return;
  }
  const docs: string[] = [];
  const rl = createInterface({ input: createReadStream(corpus).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { text?: string; title?: string };
    // the page as a scraper would see it: title line, then the text
    docs.push(`${r.title ?? ""}\n\n${r.text ?? ""}`);
    if (docs.length >= n) break;
  }
  rl.close();
  let chars = 0;
  for (const d of docs) chars += d.length;
  for (const d of docs.slice(0, 100)) cleanText(d);
  const t0 = performance.now();
  let spans = 0;
  for (const d of docs) spans += cleanText(d).boilerplate.length;
  const ms = performance.now() - t0;
  const msPerKb = ms / (chars / 1024);
  console.log(`BENCH clean chars_per_s=${Math.round(chars / (ms / 1000))} ms_per_kb=${msPerKb.toFixed(4)} articles=${docs.length} chars=${chars} spans=${spans} ms=${Math.round(ms)}`);
}

await main();
