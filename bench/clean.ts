// Throughput of the clean stage alone (cleanText) on corpus texts: `npx tsx bench/clean.ts [articles=3000]`.
// Reads the first N records of ../shared/corpus/allsides.jsonl.gz in place and prints one `BENCH clean …` line.
import { corpusRecords } from "./corpus.ts";
import { cleanText } from "../pipeline/stages/02-clean.ts";

const n = Number(process.argv[2] ?? 3000);

async function main() {
  // the page as a scraper would see it: title line, then the text
  const docs = await corpusRecords("clean", n, (r) => `${r.title ?? ""}\n\n${r.text ?? ""}`);
  if (!docs) return;
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
