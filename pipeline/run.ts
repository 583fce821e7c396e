// The runner: the only I/O. Reads inputs, runs the stages, validates, publishes atomically.
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { RejectRecord, SourceInput } from "../schemas/records.ts";
import { TABLES } from "../schemas/tables.ts";
import { readInputs, type InputItem } from "./inputs.ts";
import { sha256 } from "./stages/01-ingest.ts";
import { openCache } from "./cache.ts";
import { FileHasher } from "./hash.ts";
import { crashPoint } from "./failpoint.ts";
import { Pool } from "./pool.ts";
import { ARTICLE_STAGES, type ArticleStage, type Processed } from "./process.ts";
import { ROW_TABLES, stagedLines } from "./staged.ts";
import { rejectIssues, ValidationError } from "./stages/07-validate.ts";
import { Lines, reorderLines } from "./jsonl.ts";
import { ByteStrings, fnv1a, KeySet } from "./keys.ts";
import { Column } from "./link/column.ts";
import { InThreadLinker, UNLINKED, WorkerLinker, type Linker } from "./linking.ts";
import { collectGarbage, releaseHeap } from "./gc.ts";
import type { StageName } from "./stages/index.ts";
import { card } from "./publish/card.ts";
import { extraFiles } from "./publish/extras.ts";
import { datapackage, DATASET_NAME, jsonSchema, sha256sums } from "./publish/metadata.ts";
import { PRESORTED, writeDataset, writeStagedText, type TextPolicy } from "./publish/write.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface BuildOptions {
  input: string;
  out: string;
  /** stop after this stage and write its records as JSON Lines next to the output */
  until: StageName;
  text: TextPolicy;
  /** called after each input */
  progress?: (done: number) => void;
  /** worker threads for the per-article stages (1 = in this thread) */
  jobs?: number;
  /** cache folder for per-article results, or null/absent for none */
  cacheDir?: string | null;
  /** process only the inputs of slice i of n */
  shard?: { i: number; n: number } | null;
  log?: (msg: string) => void;
}

/** FNV-1a of a string, mod n. */
export function shardOf(key: string, n: number): number {
  return fnv1a(key) % n;
}

/**
 * Which shard an input belongs to: by its content, so exact duplicates meet in the same shard and are caught
 * there (the first by path is kept, as in an unsharded build); inputs rejected before reading go by path.
 */
function shardKey(item: InputItem): string {
  if (item.kind === "reject") return item.reject.source_path;
  const s = item.source;
  return s.bytes !== null ? sha256(s.bytes) : sha256(s.body ?? s.text ?? "");
}

export interface BuildSummary {
  out: string;
  counts: Record<string, number>;
  /** where --until wrote its records */
  stageFile: string | null;
}

/** Threads hashing the published files: most are hashed while publishing goes on, the last ones after it. */
const HASH_THREADS = 2;

/** Tables staged row by row as the articles are processed (entities are staged by linking). */
const STAGED = ["articles", "boilerplate", "dates", "mentions", "quotes", "rejects"] as const;
const STAGED_FILE: Partial<Record<(typeof STAGED)[number], string>> = UNLINKED;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Repairs what a killed build left beside `out`: a swap cut between its two renames leaves `out` missing and
 * `.out.old-PID` present, which is put back; work folders `.out.build-PID-*` of builds that no longer run are removed.
 */
export async function recoverSwap(out: string): Promise<void> {
  const dir = dirname(out);
  const name = basename(out);
  const entries = await readdir(dir).catch(() => [] as string[]);
  const olds = entries.filter((f) => f.startsWith(`.${name}.old-`)).sort();
  const hasOut = await stat(out).then(() => true, () => false);
  for (const o of olds) {
    if (!hasOut && o === olds[olds.length - 1]) await rename(join(dir, o), out);
    else await rm(join(dir, o), { recursive: true, force: true });
  }
  for (const f of entries) {
    const m = f.startsWith(`.${name}.build-`) ? /^(\d+)-/.exec(f.slice(name.length + 8)) : null;
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) await rm(join(dir, f), { recursive: true, force: true });
  }
}

/** Replaces `out` with `fresh`: two renames, recovered by recoverSwap if cut between them. */
async function swapIn(fresh: string, out: string): Promise<void> {
  const old = join(dirname(out), `.${basename(out)}.old-${process.pid}`);
  const had = await stat(out).then(() => true, () => false);
  if (had) await rename(out, old);
  crashPoint("mid-swap");
  await rename(fresh, out);
  if (had) await rm(old, { recursive: true, force: true });
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(root, full)));
    else out.push(relative(root, full).split(sep).join("/"));
  }
  return out.sort();
}

async function readOptionalJson<T>(path: string): Promise<T | null> {
  return readFile(path, "utf8").then((s) => JSON.parse(s) as T, () => null);
}

export async function build(o: BuildOptions): Promise<BuildSummary> {
  const out = resolve(o.out);
  await mkdir(dirname(out), { recursive: true });
  await recoverSwap(out);
  const t0 = performance.now();
  const work = await mkdtemp(join(dirname(out), `.${basename(out)}.build-${process.pid}-`));
  let linker: Linker | null = null;
  let hasher: FileHasher | null = null;
  /** CSV and JSON Lines files written while the link thread links, by table (writeStagedText): their rows once written */
  const early = new Map<string, Promise<number>>();
  try {
    const staging = join(work, "staging");
    await mkdir(staging);
    const w = Object.fromEntries(STAGED.map((t) => [t, new Lines(join(staging, STAGED_FILE[t] ?? `${t}.jsonl`))])) as Record<(typeof STAGED)[number], Lines>;
    const perArticleUntil = (ARTICLE_STAGES as readonly string[]).includes(o.until) ? (o.until as ArticleStage) : null;
    const stageFile = o.until === "publish" ? null : `${out}.${o.until}.jsonl`;
    const stageOut = perArticleUntil && stageFile ? new Lines(`${stageFile}.tmp`) : null;
    const rejects: RejectRecord[] = [];
    // what is kept so far, in the order kept: each one's content hash (its 32 bytes), its article id and its path.
    // The staged articles are in the same order, so `ids` is also each staged article line's key
    const hashes = new KeySet();
    const ids = new KeySet();
    const paths = new ByteStrings();
    const digest = Buffer.alloc(32);
    // each staged article line's length, in the order written: the lines are put in id order before publishing
    const articleBytes = new Column(Int32Array);
    // linking runs in a thread of its own when the article stages do
    linker = perArticleUntil ? null : (o.jobs ?? 1) > 1 ? new WorkerLinker(staging) : new InThreadLinker(staging);
    let done = 0;
    const addReject = (r: RejectRecord) => rejects.push(r);
    const handle = async (p: Processed) => {
      done++;
      o.progress?.(done);
      if (p.kind === "reject") {
        addReject(p.reject);
        return;
      }
      const rec = p.kind === "partial" ? (p.record as { article_id: string; source_sha256: string; source_path: string }) : p.staged;
      if (!/^[0-9a-f]{64}$/.test(rec.source_sha256)) throw new Error(`internal error: ${rec.source_path} has the hash ${JSON.stringify(rec.source_sha256)}`);
      digest.write(rec.source_sha256, "hex");
      const sameBytes = hashes.find(digest);
      if (sameBytes >= 0) {
        addReject({ source_path: rec.source_path, source_sha256: rec.source_sha256, reason: "duplicate", detail: `the same bytes as ${paths.get(sameBytes)}, which was kept` });
        return;
      }
      const sameId = ids.find(rec.article_id);
      if (sameId >= 0) {
        addReject({ source_path: rec.source_path, source_sha256: rec.source_sha256, reason: "duplicate_id", detail: `its article id ${JSON.stringify(rec.article_id)} is already used by ${paths.get(sameId)}; rename one` });
        return;
      }
      hashes.add(digest);
      ids.add(rec.article_id);
      paths.push(rec.source_path);
      if (p.kind === "partial") {
        await stageOut!.write(p.record);
        return;
      }
      const st = p.staged;
      for (const t of ROW_TABLES) await w[t].writeLines(stagedLines(st, t), st.rows[t], t === "articles" ? st.maxBytes : 0);
      articleBytes.push(st.maxBytes);
      await linker!.add(st);
    };
    // the cache is read and written where each article is processed (pipeline/cache.ts)
    const pool = new Pool(o.jobs ?? 1, perArticleUntil, o.cacheDir ? await openCache(o.cacheDir, ROOT, perArticleUntil) : null);
    // results are handled in input order (duplicates keep the first), with a bounded number in flight
    const inflight: Promise<Processed>[] = [];
    const maxInFlight = 8 * Math.max(1, o.jobs ?? 1);
    try {
      for await (const item of await readInputs(o.input)) {
        if (o.shard && shardOf(shardKey(item), o.shard.n) !== o.shard.i) continue;
        if (item.kind === "reject") {
          addReject(item.reject);
          continue;
        }
        const p = pool.run(item.source);
        p.catch(() => {}); // handled in order below
        inflight.push(p);
        if (inflight.length >= maxInFlight) await handle(await inflight.shift()!);
      }
      while (inflight.length) await handle(await inflight.shift()!);
    } finally {
      await pool.close();
    }
    if (o.cacheDir) o.log?.(`cache: ${pool.hits} reused, ${pool.misses} processed`);
    // the duplicate checks are done: the hashes and paths are not held through linking and publishing, the ids only
    // until the staged articles are in id order
    const nArticles = ids.length;
    hashes.clear();
    paths.clear();
    rejects.sort((a, b) => (a.source_path < b.source_path ? -1 : a.source_path > b.source_path ? 1 : 0));
    const rIssues = rejectIssues(rejects);
    if (rIssues.length) throw new ValidationError(rIssues);
    for (const r of rejects) await w.rejects.write(r);

    if (stageOut && stageFile) {
      for (const x of Object.values(w)) await x.close();
      await stageOut.close();
      await rename(`${stageFile}.tmp`, stageFile);
      return { out, counts: { articles: nArticles, rejects: rejects.length }, stageFile };
    }

    crashPoint("staged");
    const secs = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
    o.log?.(`articles: ${nArticles} processed, ${rejects.length} rejected, in ${secs(t0)}`);
    const tLink = performance.now();
    for (const x of Object.values(w)) await x.close();
    // the articles are put in id order while the link worker links (both read only what the article stages staged);
    // the link stage sees them in the same order
    const order = ids.sortedPositions();
    ids.clear();
    const linking = linker!.finish(staging, order.slice());
    linking.catch(() => {}); // awaited below
    reorderLines(join(staging, "articles.jsonl"), order, articleBytes);
    // the articles' CSV and JSON Lines files, from their staged file now in key order, while the link thread links: this
    // thread would otherwise wait for them once the quotes are clustered (publishing waits for them and fails if they failed)
    const fresh = join(work, "out");
    if (o.until === "publish") {
      for (const d of ["csv", "json"]) await mkdir(join(fresh, d), { recursive: true });
      for (const t of TABLES.filter((t) => PRESORTED.has(t.name))) {
        const p = writeStagedText(staging, t, o.text, fresh);
        p.catch(() => {}); // awaited by publishing, or below if the build fails first
        early.set(t.name, p);
      }
    }
    const linked = await linking;
    await linker!.close(); // the corpus-wide records are not needed while publishing
    releaseHeap(); // nor what the articles phase left in this thread's heap, nor its empty pages
    const { outlets, entities: nEntities } = linked;
    o.log?.(`link: ${nEntities} entities in ${secs(tLink)}`);
    crashPoint("linked");
    if (o.until === "link" || o.until === "validate") {
      await rename(join(staging, "entities.jsonl"), stageFile!);
      return { out, counts: { entities: nEntities }, stageFile };
    }

    await mkdir(join(fresh, "schemas"), { recursive: true });
    const tPublish = performance.now();
    // each data file is hashed once, as soon as it is written, while the others are made
    hasher = new FileHasher(HASH_THREADS, fresh);
    const h = hasher;
    const result = await writeDataset(staging, fresh, DATASET_NAME, o.text, Math.max(linked.maxBytes, ...Object.values(w).map((x) => x.maxBytes)), (f) => void h.info(f), early);
    o.log?.(`publish: tables written in ${secs(tPublish)}`);
    crashPoint("published");
    for (const t of TABLES) await writeFile(join(fresh, "schemas", `${t.name}.schema.json`), jsonSchema(t, o.text));
    const dataFiles = await Promise.all([...result.files, ...TABLES.map((t) => `schemas/${t.name}.schema.json`)].map((f) => h.info(f)));
    const infos = new Map(dataFiles.map((f) => [f.path, f]));
    const pkg = datapackage(infos, o.text);
    await writeFile(join(fresh, "datapackage.json"), pkg);
    for (const [path, text] of Object.entries(extraFiles({ counts: result.counts, files: dataFiles, policy: o.text, datapackage: pkg }))) {
      await mkdir(dirname(join(fresh, path)), { recursive: true });
      await writeFile(join(fresh, path), text);
    }
    await cp(join(ROOT, "pipeline", "explore", "static"), join(fresh, "explore"), { recursive: true });
    const reasons: Record<string, number> = {};
    for (const r of rejects) reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
    await writeFile(
      join(fresh, "README.md"),
      card({
        dbName: DATASET_NAME,
        counts: result.counts,
        policy: o.text,
        files: dataFiles,
        quality: await readOptionalJson(join(ROOT, "eval", "results.json")),
        rejectReasons: reasons,
        outlets,
        dateRange: result.dateRange,
        languages: result.languages,
        linkRules: await readFile(join(ROOT, "pipeline", "link", "README.md"), "utf8").then((s) => s.replace(/^#.*\n/, "").trim(), () => "See pipeline/link/."),
        trainingData: await readFile(join(ROOT, "pipeline", "ner", "TRAINING.md"), "utf8").then((s) => s.replace(/^#.*\n/, "").trim(), () => "See pipeline/ner/."),
      }),
    );
    const all = (await listFiles(fresh)).filter((f) => f !== "SHA256SUMS" && !f.endsWith(".duckdb") && !f.endsWith(".wal"));
    await writeFile(join(fresh, "SHA256SUMS"), sha256sums(await Promise.all(all.map((f) => h.info(f)))));
    crashPoint("before-swap");
    await swapIn(fresh, out);
    return { out, counts: result.counts, stageFile: null };
  } finally {
    await linker?.close();
    // a CSV file started early is finished (or failed) before the work folder goes
    for (const p of early.values()) await p.catch(() => {});
    await hasher?.close();
    await rm(work, { recursive: true, force: true });
  }
}
