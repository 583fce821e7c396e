// `npm run build-data -- [flags]`: flags, progress, exit codes.
import { parseArgs } from "node:util";
import { ValidationError } from "./stages/07-validate.ts";
import { STAGE_NAMES, type StageName } from "./stages/index.ts";
import { StageError } from "./stage.ts";
import { countInputs } from "./inputs.ts";
import { defaultJobs } from "./pool.ts";
import { build } from "./run.ts";

const HELP = `Usage: npm run build-data -- [options]

Builds the dataset from news articles: cleans each article, extracts dates,
entities and quotations, validates every row, and publishes Parquet, CSV,
JSON Lines, a DuckDB database, datapackage.json, a dataset card and SHA256SUMS.

Options:
  --input PATH     a folder of .txt files (any depth, optional manifest.csv)
                   or a JSON Lines file (.jsonl or .jsonl.gz) of
                   {"id", "text" | "body", outlet?, url?, published_date?, title?, language?}
                   (default: seeds)
  --out DIR        where the dataset goes; replaced in one step when the build
                   succeeds, left as it was when it fails (default: dist-data)
  --until STAGE    stop after STAGE and write its records as JSON Lines to
                   DIR.STAGE.jsonl; one of: ${STAGE_NAMES.join(", ")}
  --text POLICY    full (default): publish the text columns;
                   offsets: leave out body, raw_text and quoted/mention text
  --jobs N         worker threads for the per-article stages (default: all cores)
  --shard I/N      process only slice I of N (0-based; by a hash of each
                   input's content, so exact duplicates meet in one shard);
                   combine the shards' Parquet files as the README shows
  --cache-dir DIR  cache of per-article results (default: .cache/build); a
                   rebuild reprocesses only inputs or code that changed; the
                   cache keeps the results of this code and of the two
                   versions of the code used last before it
  --no-cache       process every input afresh
  -q, --quiet      no progress output
  -h, --help       this text

Exit codes: 0 built; 1 the build failed (nothing was published); 2 bad usage.`;

function usage(msg: string): never {
  process.stderr.write(`build-data: ${msg}\nRun with --help for the options.\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        input: { type: "string", default: "seeds" },
        out: { type: "string", default: "dist-data" },
        until: { type: "string", default: "publish" },
        text: { type: "string", default: "full" },
        quiet: { type: "boolean", short: "q", default: false },
        jobs: { type: "string" },
        shard: { type: "string" },
        "cache-dir": { type: "string", default: ".cache/build" },
        "no-cache": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: false,
    });
  } catch (e) {
    usage((e as Error).message);
  }
  const v = args.values;
  if (v.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (!(STAGE_NAMES as readonly string[]).includes(v.until)) usage(`--until must be one of ${STAGE_NAMES.join(", ")}, not ${JSON.stringify(v.until)}`);
  if (v.text !== "full" && v.text !== "offsets") usage(`--text must be full or offsets, not ${JSON.stringify(v.text)}`);
  const jobs = v.jobs === undefined ? defaultJobs() : Number(v.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) usage(`--jobs must be a whole number of at least 1, not ${JSON.stringify(v.jobs)}`);
  let shard: { i: number; n: number } | null = null;
  if (v.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(v.shard);
    const i = Number(m?.[1]);
    const n = Number(m?.[2]);
    if (!m || n < 1 || i >= n) usage(`--shard must be I/N with 0 <= I < N, not ${JSON.stringify(v.shard)}`);
    shard = { i, n };
  }
  const tty = process.stderr.isTTY && !v.quiet;
  const total = tty ? await countInputs(v.input) : null;
  const t0 = performance.now();
  let last = 0;
  const summary = await build({
    input: v.input,
    out: v.out,
    until: v.until as StageName,
    text: v.text,
    jobs,
    shard,
    cacheDir: v["no-cache"] ? null : v["cache-dir"],
    log: (msg) => {
      if (!v.quiet) process.stderr.write(`${msg}\n`);
    },
    ...(tty
      ? {
          progress: (n: number) => {
            const now = performance.now();
            if (now - last < 250) return;
            last = now;
            const s = (now - t0) / 1000;
            const rate = n / s;
            const left = total && total > n ? `, ${((total - n) / rate).toFixed(0)} s left` : "";
            process.stderr.write(`\r\x1b[K${n}${total ? `/${total}` : ""} articles, ${rate.toFixed(0)}/s${left}`);
          },
        }
      : {}),
  });
  if (tty) process.stderr.write("\r\x1b[K");
  if (!v.quiet) {
    const counts = Object.entries(summary.counts).map(([k, n]) => `${k} ${n}`).join(", ");
    process.stdout.write(summary.stageFile ? `Stopped after ${v.until}: ${summary.stageFile} (${counts})\n` : `Built ${summary.out}: ${counts}\n`);
  }
}

main().catch((e: unknown) => {
  if (e instanceof ValidationError || e instanceof StageError) process.stderr.write(`build-data: ${e.message}\n`);
  else process.stderr.write(`build-data: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.stderr.write("The previous dataset, if any, was left as it was.\n");
  process.exit(1);
});
