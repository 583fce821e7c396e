// `npm run eval`: runs every extractor's adapter (eval/<name>.ts) over its dev set in ../shared/eval/,
// prints each scorer's table and SCORE lines unchanged, and writes the SCORE figures to
// eval/results.json, which the dataset card quotes. `npm run eval -- dates ner` runs only those.
// The dev sets are for measuring only: nothing from them is copied into the repository.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const evalDir = process.env.EVAL_DIR ?? join(here, "..", "..", "shared", "eval");

/** What each dev set is, for the results file and the card. */
export const DEV_SETS: Record<string, string> = {
  clean: "boilerplate-dev.jsonl.gz (real pages rendered to text, gold article bodies), score-boilerplate.mjs",
  dates: "dates-dev.jsonl.gz (TimeBank, TempEval-3 training part), score-dates.mjs",
  ner: "ner-dev.jsonl.gz (CoNLL-2003 English dev), score-ner.mjs",
  quotes: "quotes-dev.jsonl.gz (PolNeAR dev, direct and mixed quotes), score-quotes.mjs",
};

/** `SCORE <metric> <value>` lines of a scorer's output. */
export function scores(output: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of output.matchAll(/^SCORE (\S+) (-?[\d.]+)\s*$/gm)) out[m[1]!] = Number(m[2]);
  return out;
}

async function main() {
  if (!existsSync(evalDir)) {
    console.error(`no dev sets at ${evalDir} (set EVAL_DIR)`);
    process.exit(2);
  }
  process.env.EVAL_DIR = evalDir;
  const wanted = process.argv.slice(2);
  const adapters = (await readdir(here))
    .filter((f) => f.endsWith(".ts") && f !== "run.ts")
    .map((f) => f.slice(0, -3))
    .filter((n) => wanted.length === 0 || wanted.includes(n))
    .sort();
  const resultsFile = join(here, "results.json");
  const previous = (await readFile(resultsFile, "utf8").then((s) => JSON.parse(s) as Record<string, unknown>, () => ({}))) as Record<string, unknown>;
  const results: Record<string, unknown> = { ...previous };
  let failed = false;
  for (const name of adapters) {
    console.log(`\n== ${name}: ${DEV_SETS[name] ?? ""}`);
    const t0 = performance.now();
    const r = await run(process.execPath, ["--import", "tsx", join(here, `${name}.ts`)], { maxBuffer: 1 << 26, cwd: join(here, "..") }).catch(
      (e: { stdout?: string; stderr?: string; message: string }) => {
        failed = true;
        console.error(`${name} failed: ${e.stderr || e.message}`);
        return { stdout: e.stdout ?? "" };
      },
    );
    process.stdout.write(r.stdout);
    const s = scores(r.stdout);
    console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    if (Object.keys(s).length) results[name] = { ...s, dev_set: DEV_SETS[name] ?? name };
  }
  // stable key order, no clock: the file changes only when a figure does
  const sorted = Object.fromEntries(Object.keys(results).sort().map((k) => [k, results[k]]));
  await writeFile(resultsFile, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`\nwrote ${resultsFile}`);
  if (failed) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
