// Times the quotes stage on real article bodies (not run by the tests).
// Reads the first N articles' `body` or `text` from $BENCH_CORPUS (bench/corpus.ts)
// in place, warms up once, then times extractQuotes over them with no mentions (best of 3 runs;
// wall time and process CPU time, the latter steadier on a shared machine).
// Run: npx tsx bench/quotes.ts [articles=3000]
import { corpusRecords } from "./corpus.ts";
import { extractQuotes } from "../pipeline/stages/05-quotes.ts";

const N = Number(process.argv[2] ?? 3000);

const bodies = await corpusRecords("quotes", N, (r) => (typeof r.body === "string" ? r.body : typeof r.text === "string" ? r.text : null) || null);
if (!bodies) process.exit(0);

const chars = bodies.reduce((n, b) => n + b.length, 0);
let quotes = 0;
for (const b of bodies) quotes += extractQuotes(b, []).length; // warm-up (JIT)
const runs = 3;
const times: number[] = [];
const cpu: number[] = [];
for (let r = 0; r < runs; r++) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const b of bodies) extractQuotes(b, []);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const ms = Math.min(...times);
const cpuMs = Math.min(...cpu);
console.log(
  `BENCH quotes articles=${bodies.length} ms_per_article=${(ms / bodies.length).toFixed(4)} chars_per_s=${Math.round((chars / ms) * 1000)} ` +
    `cpu_ms_per_article=${(cpuMs / bodies.length).toFixed(4)} avg_chars=${Math.round(chars / bodies.length)} quotes_per_article=${(quotes / bodies.length).toFixed(2)} best_of=${runs} total_ms=${ms.toFixed(0)}`,
);
