// Same inputs, same bytes; and the committed dist-data/ is what the code builds from seeds/.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../pipeline/run.ts";
import { buildTo } from "./helpers.ts";

async function files(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p, root)));
    else if (!e.name.endsWith(".duckdb")) out.push(relative(root, p));
  }
  return out.sort();
}

describe("deterministic output", () => {
  it.each([
    ["twice", 1],
    ["with the article stages and linking in worker threads, and without", 2],
  ])("builds byte-identical files (all but the .duckdb) %s", async (_what, jobs) => {
    const input = join(ROOT, "tests", "fixtures", "mini");
    const a = await buildTo(input, { jobs: 1 });
    const b = await buildTo(input, { jobs });
    const fa = await files(a.out);
    expect(await files(b.out)).toEqual(fa);
    for (const f of fa) expect((await readFile(join(b.out, f))).equals(await readFile(join(a.out, f))), f).toBe(true);
  }, 120_000);

  it("has a committed dist-data/ equal to a fresh build of seeds/", async () => {
    const fresh = await buildTo(join(ROOT, "seeds"));
    const committed = join(ROOT, "dist-data");
    const want = await files(fresh.out);
    expect(await files(committed)).toEqual(want);
    for (const f of want) {
      const same = (await readFile(join(committed, f))).equals(await readFile(join(fresh.out, f)));
      expect(same, `dist-data/${f} is stale: run npm run build-data and commit`).toBe(true);
    }
  }, 300_000);
});
