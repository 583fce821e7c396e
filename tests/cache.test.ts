// Incremental builds: after one article changes, only it is processed again, and the output is byte-identical
// to a clean build of the same input.
import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATION_MARK, GENERATIONS_KEPT, pruneCache } from "../pipeline/cache.ts";
import { build, ROOT } from "../pipeline/run.ts";
import { tmp } from "./helpers.ts";

async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (!e.name.endsWith(".duckdb")) out[relative(dir, p)] = createHash("sha256").update(await readFile(p)).digest("hex");
    }
  };
  await walk(dir);
  return out;
}

/** A copy of the mini fixture, build options with a cache in the same folder, and the last "cache:" line they logged. */
async function setUp(jobs: number) {
  const dir = await tmp("cache");
  const input = join(dir, "in");
  await cp(join(ROOT, "tests", "fixtures", "mini"), input, { recursive: true });
  const cacheDir = join(dir, "cache");
  const logs: string[] = [];
  const opts = { until: "publish" as const, text: "full" as const, cacheDir, jobs, log: (m: string) => logs.push(m) };
  const cacheLine = () => logs.splice(0).find((m) => m.startsWith("cache:"));
  return { dir, input, cacheDir, opts, cacheLine };
}

describe("the per-article cache", () => {
  it("reprocesses only a changed article and builds the same bytes as a clean build", async () => {
    const { dir, input, opts, cacheLine } = await setUp(1);
    await build({ input, out: join(dir, "a"), ...opts });
    const cold = cacheLine();
    expect(cold).toMatch(/cache: 0 reused, [1-9]\d* processed/);
    const processed = Number(/(\d+) processed/.exec(cold!)![1]);

    await writeFile(join(input, "a-harbour.txt"), `${await readFile(join(input, "a-harbour.txt"), "utf8")}\nA late paragraph added on Friday by the editors.\n`);
    await build({ input, out: join(dir, "b"), ...opts });
    expect(cacheLine()).toBe(`cache: ${processed - 1} reused, 1 processed`);

    await build({ input, out: join(dir, "clean"), until: "publish", text: "full", cacheDir: null });
    expect(await hashes(join(dir, "b"))).toEqual(await hashes(join(dir, "clean")));
    expect(await hashes(join(dir, "a"))).not.toEqual(await hashes(join(dir, "clean")));
  });

  it("is read and written by the worker threads, and a damaged entry is made again", async () => {
    const { dir, input, cacheDir, opts, cacheLine } = await setUp(2);
    await build({ input, out: join(dir, "a"), ...opts });
    const processed = Number(/cache: 0 reused, (\d+) processed/.exec(cacheLine() ?? "")?.[1]);
    expect(processed).toBeGreaterThan(1);
    // one generation folder, its entries in folders by the key's first two digits
    const [gen, ...more] = (await readdir(cacheDir)).filter((f) => /^[0-9a-f]{16}$/.test(f));
    expect(more).toEqual([]);
    const entries: string[] = [];
    for (const sub of (await readdir(join(cacheDir, gen!))).filter((f) => f !== GENERATION_MARK))
      for (const f of await readdir(join(cacheDir, gen!, sub))) entries.push(join(cacheDir, gen!, sub, f));
    expect(entries.length).toBe(processed);
    expect(entries.every((f) => /[0-9a-f]{64}\.nqc$/.test(f))).toBe(true);
    const bytes = await readFile(entries[0]!);
    await writeFile(entries[0]!, bytes.subarray(0, bytes.length >> 1));

    await build({ input, out: join(dir, "b"), ...opts });
    expect(cacheLine()).toBe(`cache: ${processed - 1} reused, 1 processed`);
    expect(await readFile(entries[0]!)).toEqual(bytes);
    await build({ input, out: join(dir, "clean"), until: "publish", text: "full", cacheDir: null, jobs: 2 });
    expect(await hashes(join(dir, "b"))).toEqual(await hashes(join(dir, "clean")));
  });

  it("keeps the current generation and the ones used last, and removes only what it made", async () => {
    const cacheDir = await tmp("cache-prune");
    const gens = Array.from({ length: GENERATIONS_KEPT + 3 }, (_, i) => join(cacheDir, `${i}`.repeat(16).slice(0, 16).replace(/\d/g, (d) => "0123456789abcdef"[Number(d) + 1]!)));
    for (const [i, g] of gens.entries()) {
      await mkdir(join(g, "ab"), { recursive: true });
      await writeFile(join(g, "ab", `${"ab".padEnd(64, "0")}.nqc`), "x");
      await writeFile(join(g, GENERATION_MARK), "salt\n");
      const t = new Date(Date.UTC(2026, 0, 1 + i));
      await utimes(join(g, GENERATION_MARK), t, t);
    }
    // a folder named like a generation but without the mark, a folder of the user's, and entries of the earlier layout
    const unmarked = join(cacheDir, "f".repeat(16));
    await mkdir(unmarked);
    await mkdir(join(cacheDir, "notes"));
    await writeFile(join(cacheDir, "notes", "keep.txt"), "mine");
    await mkdir(join(cacheDir, "cd"));
    await writeFile(join(cacheDir, "cd", `${"cd".padEnd(64, "1")}.v8.gz`), "x");
    await mkdir(join(cacheDir, "ee"));
    await writeFile(join(cacheDir, "ee", "other.txt"), "not an entry");

    const current = gens[0]!; // the oldest mark: current whatever its time
    const gone = await pruneCache(cacheDir, current);
    const kept = gens.slice(-GENERATIONS_KEPT);
    expect(gone.sort()).toEqual([...gens.slice(1, -GENERATIONS_KEPT), join(cacheDir, "cd")].sort());
    expect((await readdir(cacheDir)).sort()).toEqual([current, ...kept, unmarked, join(cacheDir, "notes"), join(cacheDir, "ee")].map((d) => relative(cacheDir, d)).sort());
  });
});
