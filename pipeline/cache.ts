// Per-article results cached by input and code: a rebuild after changing one article reprocesses only that one.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { deserialize, serialize } from "node:v8";
import { gunzipSync, gzipSync } from "node:zlib";
import type { SourceInput } from "../schemas/records.ts";
import type { ArticleStage, Processed } from "./process.ts";

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

export class Cache {
  hits = 0;
  misses = 0;
  private constructor(private readonly dir: string, private readonly salt: string) {}

  static async open(dir: string, root: string, until: ArticleStage | null): Promise<Cache> {
    await mkdir(dir, { recursive: true });
    return new Cache(dir, `${await codeHash(root)}:${until ?? "all"}`);
  }

  key(s: SourceInput): string {
    const h = createHash("sha256").update(this.salt).update("\0").update(JSON.stringify([s.source_path, s.id, s.manifest]));
    if (s.bytes) h.update("\0b").update(s.bytes);
    if (s.text !== null) h.update("\0t").update(s.text);
    if (s.body !== null) h.update("\0B").update(s.body);
    return h.digest("hex");
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.v8.gz`);
  }

  async get(key: string): Promise<Processed | null> {
    const buf = await readFile(this.path(key)).catch(() => null);
    if (!buf) {
      this.misses++;
      return null;
    }
    try {
      const p = deserialize(gunzipSync(buf)) as Processed;
      this.hits++;
      return p;
    } catch {
      this.misses++;
      return null;
    }
  }

  async put(key: string, p: Processed): Promise<void> {
    const file = this.path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, gzipSync(serialize(p), { level: 1 }));
    await rename(tmp, file);
  }
}
