// Per-article results cached by input and code: a rebuild after changing one article reprocesses only that one.
//
// Entries are read and written where the article is processed (a worker thread, or the runner's thread with
// --jobs 1), with synchronous calls: the runner's thread does no cache work (it used to open, compress, write and
// rename each entry through promises, about 1 ms of its time per article on 4,000 corpus articles, by --cpu-prof),
// and a warm build decodes its entries on every core.
//
// The entries of one version of the code (and one --until) live in a generation folder of their own, named by a
// hash of the code, so entries made by other code, which can never be read again, are removed as a whole
// (pruneCache): the current generation and the GENERATIONS_KEPT used last before it are kept.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { threadId } from "node:worker_threads";
import { deserialize, serialize } from "node:v8";
import { brotliCompressSync, brotliDecompressSync, constants, crc32 } from "node:zlib";
import type { SourceInput } from "../schemas/records.ts";
import { processSource, type ArticleStage, type Processed } from "./process.ts";
import type { StagedArticle } from "./staged.ts";

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/** Hash of every file the stages are made of (code, lexicons, model, schemas): any change there invalidates the cache. */
export async function codeHash(root: string): Promise<string> {
  const h = createHash("sha256");
  const files = [...(await listFiles(join(root, "pipeline"))), ...(await listFiles(join(root, "schemas")))].sort();
  for (const f of files) {
    h.update(relative(root, f).split(sep).join("/"));
    h.update("\0");
    h.update(await readFile(f));
    h.update("\0");
  }
  return h.digest("hex");
}

/** What a thread needs to use the cache: this code's generation folder, and the salt of its keys. Plain data, sent to workers. */
export interface CacheSpec {
  dir: string;
  salt: string;
}

/** The file in a generation folder that marks it as one (only such folders are ever removed); its time is the generation's last use. */
export const GENERATION_MARK = "nq-cache-generation";
/** Generations kept besides the current one, the most recently used first (switching between two versions of the code stays cheap). */
export const GENERATIONS_KEPT = 2;
const GENERATION_NAME = /^[0-9a-f]{16}$/;

/** Opens (makes) the generation folder of this code and `until` in `cacheDir`, marks it used now, and prunes the cache. */
export async function openCache(cacheDir: string, root: string, until: ArticleStage | null): Promise<CacheSpec> {
  const salt = `${await codeHash(root)}:${until ?? "all"}`;
  const dir = join(cacheDir, createHash("sha256").update(salt).digest("hex").slice(0, 16));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, GENERATION_MARK), `${salt}\n`);
  await pruneCache(cacheDir, dir);
  return { dir, salt };
}

/**
 * Removes the generation folders in `cacheDir` other than `current` and the GENERATIONS_KEPT used last (by the time of
 * their mark; ties by name). Only folders with the mark are touched, whatever else the folder holds, and the
 * entries of the earlier layout (two-hex-digit folders of `<sha256>.v8.gz` files straight under `cacheDir`).
 */
export async function pruneCache(cacheDir: string, current: string): Promise<string[]> {
  const gens: { dir: string; used: number }[] = [];
  const old: string[] = [];
  for (const e of await readdir(cacheDir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const dir = join(cacheDir, e.name);
    if (GENERATION_NAME.test(e.name) && dir !== current) {
      const mark = await stat(join(dir, GENERATION_MARK)).catch(() => null);
      if (mark) gens.push({ dir, used: mark.mtimeMs });
    } else if (/^[0-9a-f]{2}$/.test(e.name)) {
      const files = await readdir(dir);
      if (files.every((f) => /^[0-9a-f]{64}\.v8\.gz(\.\d+\.tmp)?$/.test(f))) old.push(dir);
    }
  }
  gens.sort((a, b) => b.used - a.used || (a.dir < b.dir ? -1 : 1));
  const gone = [...gens.slice(GENERATIONS_KEPT).map((g) => g.dir), ...old];
  for (const d of gone) await rm(d, { recursive: true, force: true });
  return gone;
}

/** An input's key: its bytes or texts, path, id and manifest facts, under the code's salt. */
export function cacheKey(salt: string, s: SourceInput): string {
  const h = createHash("sha256").update(salt).update("\0").update(JSON.stringify([s.source_path, s.id, s.manifest]));
  if (s.bytes) h.update("\0b").update(s.bytes);
  if (s.text !== null) h.update("\0t").update(s.text);
  if (s.body !== null) h.update("\0B").update(s.body);
  return h.digest("hex");
}

export const entryPath = (spec: CacheSpec, key: string): string => join(spec.dir, key.slice(0, 2), `${key}.nqc`);

/**
 * An entry's file: ENTRY_MAGIC, the CRC-32 of the body (u32 LE), then the body compressed with Brotli at quality 0.
 * The body of an article is the length of a JSON header (u32 LE), the header (the staged article without its bytes),
 * then the staged bytes; of any other result, a 0 and its v8 serialization. Over 4,000 corpus articles (best of five
 * rounds in one process) encoding took 0.48 s this way against 0.87 s as gzip (level 1) of the results' v8
 * serialization, and decoding 0.41 s against 0.35 s, for 26.7 MB of files against 26.8 MB.
 */
const ENTRY_MAGIC = Buffer.from("NQC\x01", "latin1");

function entryBody(p: Processed): Buffer {
  if (p.kind !== "article") {
    const v = serialize(p);
    return Buffer.concat([Buffer.alloc(4), v]);
  }
  const { bytes, ...rest } = p.staged;
  const head = Buffer.from(JSON.stringify(rest));
  const body = Buffer.allocUnsafe(4 + head.length + bytes.length);
  body.writeUInt32LE(head.length, 0);
  head.copy(body, 4);
  body.set(bytes, 4 + head.length);
  return body;
}

export function encodeEntry(p: Processed): Buffer {
  const body = entryBody(p);
  const crc = Buffer.allocUnsafe(4);
  crc.writeUInt32LE(crc32(body), 0);
  const packed = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 0, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  return Buffer.concat([ENTRY_MAGIC, crc, packed]);
}

/** The result in an entry's file, or null when the file is not a whole entry (its check fails). */
export function decodeEntry(file: Buffer): Processed | null {
  if (file.length < 8 || !file.subarray(0, 4).equals(ENTRY_MAGIC)) return null;
  let body: Buffer;
  try {
    body = brotliDecompressSync(file.subarray(8));
  } catch {
    return null;
  }
  if (body.length < 4 || crc32(body) !== file.readUInt32LE(4)) return null;
  const headLen = body.readUInt32LE(0);
  if (headLen === 0) return deserialize(body.subarray(4)) as Processed;
  const rest = JSON.parse(body.toString("utf8", 4, 4 + headLen)) as Omit<StagedArticle, "bytes">;
  // the bytes in a buffer of their own, which a worker hands over without a copy
  return { kind: "article", staged: { ...rest, bytes: new Uint8Array(body.subarray(4 + headLen)) } };
}

/** A cached result, or null when there is none or it cannot be read. */
export function readEntry(file: string): Processed | null {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return null;
  }
  return decodeEntry(buf);
}

/** Writes an entry whole or not at all (a temporary file, then a rename). */
export function writeEntry(file: string, p: Processed): void {
  const tmp = `${file}.${process.pid}-${threadId}.tmp`;
  const data = encodeEntry(p);
  try {
    writeFileSync(tmp, data);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, data);
  }
  renameSync(tmp, file);
}

/** Runs one input through the per-article stages, or takes its result from the cache; a new result is cached. */
export function processCached(spec: CacheSpec | null, source: SourceInput, until: ArticleStage | null): { result: Processed; hit: boolean } {
  if (!spec) return { result: processSource(source, until), hit: false };
  const file = entryPath(spec, cacheKey(spec.salt, source));
  const hit = readEntry(file);
  if (hit) return { result: hit, hit: true };
  const result = processSource(source, until);
  writeEntry(file, result);
  return { result, hit: false };
}
