// Incremental builds: after one article changes, only it is processed again, and the output is byte-identical
// to a clean build of the same input.
import { createHash } from "node:crypto";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
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

describe("the per-article cache", () => {
  it("reprocesses only a changed article and builds the same bytes as a clean build", async () => {
    const dir = await tmp("cache");
    const input = join(dir, "in");
    await cp(join(ROOT, "tests", "fixtures", "mini"), input, { recursive: true });
    const cacheDir = join(dir, "cache");
    const logs: string[] = [];
    const opts = { until: "publish" as const, text: "full" as const, cacheDir, log: (m: string) => logs.push(m) };
    await build({ input, out: join(dir, "a"), ...opts });
    const cacheLine = () => logs.splice(0).find((m) => m.startsWith("cache:"));
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
});
