// Tagging speed of the entity tagger on the AllSides corpus (read in place), one core:
// `npx tsx bench/ner.ts [articles=3000]` prints `BENCH ner tokens_per_s=… articles=… tokens=… ms=… load_ms=…`.
// Times tagEntities end to end (tokenizing, features, decoding, consistency pass) after a warm-up, best of 3 passes.
import { corpusRecords } from "./corpus.ts";
import { tokenize } from "../pipeline/ner/tokenize.ts";
import { tagEntities } from "../pipeline/stages/04-entities.ts";

const N = Number(process.argv[2] ?? 3000);
const texts = await corpusRecords("ner", N, (r) => r.text || null);
if (!texts) process.exit(0);
let tokens = 0;
for (const t of texts) tokens += tokenize(t).length;

let t0 = performance.now();
tagEntities("Warm-up: the model loads on first use.");
const loadMs = performance.now() - t0;
for (const t of texts.slice(0, 200)) tagEntities(t);

// best of PASSES passes, so that other work on a shared machine skews the figure less
const PASSES = Number(process.env.BENCH_PASSES ?? 3);
let ms = Infinity;
let cpuMs = Infinity;
let mentions = 0;
for (let pass = 0; pass < PASSES; pass++) {
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  mentions = 0;
  for (const t of texts) mentions += tagEntities(t).length;
  ms = Math.min(ms, performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  // CPU time of this (single-threaded) process: the per-core figure when other work shares the machine
  cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000);
}
console.log(
  `BENCH ner tokens_per_s=${Math.round((tokens / ms) * 1000)} tokens_per_cpu_s=${Math.round((tokens / cpuMs) * 1000)} articles=${texts.length} tokens=${tokens} mentions=${mentions} ms=${Math.round(ms)} cpu_ms=${Math.round(cpuMs)} load_ms=${Math.round(loadMs)}`,
);
