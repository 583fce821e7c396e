// Throughput of the dates stage alone (extractDates) on corpus bodies: `npx tsx bench/dates.ts [articles=3000]`.
// Reads the first N records of ../shared/corpus/allsides.jsonl.gz in place, passes each record's `date`
// as the published date when it has one, and prints one `BENCH dates …` line.
import { corpusRecords } from "./corpus.ts";
import { extractDates } from "../pipeline/stages/03-dates.ts";

const n = Number(process.argv[2] ?? 3000);

async function main() {
  const docs = await corpusRecords("dates", n, (r) => {
    const date = r.published_date ?? r.date ?? null;
    return { text: r.body ?? r.text ?? "", date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null };
  });
  if (!docs) return;
  let chars = 0;
  for (const d of docs) chars += d.text.length;
  // one warm-up pass over a slice so the timing is of compiled code
  for (const d of docs.slice(0, 100)) extractDates(d.text, d.date);
  const t0 = performance.now();
  let rows = 0;
  for (const d of docs) rows += extractDates(d.text, d.date).length;
  const ms = performance.now() - t0;
  console.log(`BENCH dates chars_per_s=${Math.round(chars / (ms / 1000))} articles=${docs.length} chars=${chars} rows=${rows} ms=${Math.round(ms)}`);
}

await main();
