// `npm run bench`: the full build over the AllSides corpus (read in place; slices go to the OS temp folder
// only), with a baseline of read + JSON.parse + one regex pass over the same text, then each stage's bench.
import { execFile } from "node:child_process";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";
import { promisify } from "node:util";
import { parseArgs } from "node:util";
import { createGunzip } from "node:zlib";
import { ROOT } from "../pipeline/run.ts";
import { buildDataLaunch } from "./flags.ts";

const run = promisify(execFile);
const { values: v } = parseArgs({
  options: {
    corpus: { type: "string", default: join(ROOT, "..", "shared", "corpus", "allsides.jsonl.gz") },
    sizes: { type: "string", default: "10000,20000,all" },
    jobs: { type: "string", default: "2" },
    repeat: { type: "string", default: "1" },
    stages: { type: "boolean", default: true },
    "no-stages": { type: "boolean", default: false },
  },
});

const launch = buildDataLaunch(ROOT);

async function* lines(file: string): AsyncGenerator<string> {
  const s = createReadStream(file);
  yield* createInterface({ input: file.endsWith(".gz") ? s.pipe(createGunzip()) : s, crlfDelay: Infinity });
}

/** Writes the first n records (the corpus `repeat` times, texts marked so they are not duplicates) to a plain JSONL file. */
async function slice(n: number, repeat: number, file: string): Promise<number> {
  const out = createWriteStream(file);
  let k = 0;
  for (let r = 0; r < repeat && k < n; r++) {
    for await (const line of lines(v.corpus)) {
      if (k >= n) break;
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as { id: string; text: string };
      if (r > 0) {
        rec.id = `${rec.id}-r${r}`;
        rec.text = `${rec.text}\n(copy ${r})`;
      }
      if (!out.write(`${JSON.stringify(rec)}\n`)) await new Promise<void>((res) => out.once("drain", () => res()));
      k++;
    }
  }
  out.end();
  await finished(out);
  return k;
}

/** Baseline: read + JSON.parse + one regex pass (word count) over the same file. */
async function baseline(file: string): Promise<{ ms: number; words: number; chars: number }> {
  const t0 = performance.now();
  let words = 0;
  let chars = 0;
  const re = /[\p{L}\p{N}]+/gu;
  for await (const line of lines(file)) {
    const rec = JSON.parse(line) as { text: string };
    chars += rec.text.length;
    re.lastIndex = 0;
    while (re.exec(rec.text)) words++;
  }
  return { ms: performance.now() - t0, words, chars };
}

async function main() {
  if (!existsSync(v.corpus)) {
    console.log(`BENCH skipped: no corpus at ${v.corpus}`);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), "nq-bench-"));
  try {
    let total = 0;
    for await (const l of lines(v.corpus)) if (l.trim()) total++;
    const repeat = Number(v.repeat);
    for (const s of v.sizes.split(",")) {
      const n = s === "all" ? total * repeat : Number(s);
      const file = join(dir, `in-${n}.jsonl`);
      const got = await slice(n, repeat, file);
      const base = await baseline(file);
      const out = join(dir, `out-${n}`);
      // the Node flags and allocator settings of `npm run build-data`, read from its script
      const r = await run(process.execPath, [...launch.nodeArgs, join(ROOT, "bench", "build-one.ts"), "--input", file, "--out", out, "--jobs", v.jobs], {
        cwd: ROOT,
        env: { ...process.env, ...launch.env },
        maxBuffer: 1 << 26,
      });
      const stats = JSON.parse(r.stdout.trim().split("\n").pop()!) as { wall_ms: number; cpu_s: number; max_rss_mb: number; peak_rss_mb_by_phase: Record<string, number>; phase_s: Record<string, number>; phase_cpu_s: Record<string, number>; counts: Record<string, number> };
      const wall = stats.wall_ms / 1000;
      // the baseline again once the build is done: this machine's speed drifts by 20-30 % within an hour, so the
      // ratio is to the mean of the two, and the two show how far the speed moved during the build
      const after = await baseline(file);
      const baseS = (base.ms + after.ms) / 2000;
      console.log(
        `BENCH build articles=${got} jobs=${v.jobs} wall_s=${wall.toFixed(1)} cpu_s=${stats.cpu_s} words_per_s=${Math.round(base.words / wall)} chars_per_s=${Math.round(base.chars / wall)} peak_rss_mb=${stats.max_rss_mb} phase_peak_rss_mb=${JSON.stringify(stats.peak_rss_mb_by_phase)} phase_s=${JSON.stringify(stats.phase_s)} phase_cpu_s=${JSON.stringify(stats.phase_cpu_s)} baseline_s=${(base.ms / 1000).toFixed(2)} baseline_after_s=${(after.ms / 1000).toFixed(2)} ratio=${(wall / baseS).toFixed(1)} rows=${JSON.stringify(stats.counts)}`,
      );
      await rm(out, { recursive: true, force: true });
      await rm(file, { force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (v["no-stages"]) return;
  for (const f of (await readdir(join(ROOT, "bench"))).filter((f) => f.endsWith(".ts") && !["run.ts", "build-one.ts", "corpus.ts"].includes(f)).sort()) {
    const r = await run(process.execPath, ["--import", "tsx", join(ROOT, "bench", f)], { cwd: ROOT, maxBuffer: 1 << 26 }).catch((e: { stdout: string; stderr: string }) => e);
    process.stdout.write(r.stdout.split("\n").filter((l) => l.startsWith("BENCH")).join("\n") + "\n");
  }
}

await main();
