// A build killed with SIGKILL at any point leaves the previous output intact, and the next build cleans up.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CRASH_POINTS } from "../pipeline/failpoint.ts";
import { build, recoverSwap, ROOT } from "../pipeline/run.ts";
import { tmp } from "./helpers.ts";

const MINI = join(ROOT, "tests", "fixtures", "mini");

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out[relative(dir, p)] = createHash("sha256").update(await readFile(p)).digest("hex");
    }
  };
  await walk(dir);
  return out;
}

/** Runs the CLI in a child process; resolves with its exit code and signal. */
function cli(args: string[], env: Record<string, string> = {}, killAfterMs?: number) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "pipeline", "cli.ts"), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    if (killAfterMs !== undefined) setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** A previous dataset in `out`, and a changed input so a finished build would differ from it. */
async function setUp() {
  const dir = await tmp("crash");
  const input = join(dir, "in");
  await cp(MINI, input, { recursive: true });
  const out = join(dir, "dist");
  await build({ input, out, until: "publish", text: "full" });
  const before = await snapshot(out);
  await writeFile(join(input, "d-new.txt"), "A new headline\n\nThe committee said on Tuesday that the plan would be reviewed again in March.\n");
  return { dir, input, out, before };
}

describe("a build killed with SIGKILL", () => {
  it.each(CRASH_POINTS)("at %s leaves the previous output (after recovery where the swap was cut) and a later build succeeds", async (point) => {
    const { dir, input, out, before } = await setUp();
    const r = await cli(["--input", input, "--out", out, "--jobs", "1", "--no-cache", "--quiet"], { NQ_CRASH_AT: point });
    expect(r.signal).toBe("SIGKILL");
    if (point === "mid-swap") {
      // the one moment between the two renames: the old output sits beside `out` and is put back first thing
      expect((await readdir(dir)).some((f) => f.startsWith(".dist.old-"))).toBe(true);
      await recoverSwap(out);
    }
    expect(await snapshot(out)).toEqual(before);
    // the next build repairs what the killed one left and publishes the new input
    const ok = await cli(["--input", input, "--out", out, "--jobs", "1", "--no-cache", "--quiet"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect((await readdir(dir)).filter((f) => f.startsWith(".dist."))).toEqual([]);
    const articles = await readFile(join(out, "json", "articles.jsonl"), "utf8");
    expect(articles).toContain("d-new.txt");
  });

  it("at random moments never leaves a half-written output", async () => {
    const { dir, input, out } = await setUp();
    // more inputs, so the kills land in every phase
    for (let i = 0; i < 40; i++) await writeFile(join(input, `copy-${i}.txt`), `Headline ${i}\n\nParagraph ${i} of a story that says the port reopened on Friday after repairs.\n`);
    for (const ms of [150, 400, 800, 1200, 1600, 2000, 2600, 3400]) {
      const before = await snapshot(out);
      const r = await cli(["--input", input, "--out", out, "--jobs", "1", "--no-cache", "--quiet"], {}, ms);
      await recoverSwap(out);
      const now = await snapshot(out);
      if (JSON.stringify(now) === JSON.stringify(before)) continue;
      // not the previous dataset: then a complete new one, every file listed in SHA256SUMS and matching it
      // (a kill that lands after the swap, while the build removes its work folder, still leaves the new one whole)
      expect(r.code === 0 || r.signal === "SIGKILL", `exit ${r.code} at ${ms} ms`).toBe(true);
      const sums = (await readFile(join(out, "SHA256SUMS"), "utf8")).trim().split("\n").map((l) => l.split(/\s+\*?/) as [string, string]);
      expect(sums.map(([, p]) => p).sort()).toEqual(Object.keys(now).filter((p) => p !== "SHA256SUMS" && !p.endsWith(".duckdb")).sort());
      for (const [hash, path] of sums) expect(now[path], path).toBe(hash);
    }
    expect((await readdir(dir)).filter((f) => f.startsWith(".dist.old-"))).toEqual([]);
  });

  it("while it fills the cache leaves no entry that a later build misreads", async () => {
    const { dir, input } = await setUp();
    for (let i = 0; i < 40; i++) await writeFile(join(input, `copy-${i}.txt`), `Headline ${i}\n\nParagraph ${i} of a story that says the port reopened on Friday after repairs.\n`);
    const cache = join(dir, "cache");
    for (const ms of [1500, 2500, 3500]) {
      const r = await cli(["--input", input, "--out", join(dir, "cached"), "--jobs", "2", "--cache-dir", cache, "--quiet"], {}, ms);
      expect(r.code === 0 || r.signal === "SIGKILL", `exit ${r.code} at ${ms} ms`).toBe(true);
    }
    const warm = await cli(["--input", input, "--out", join(dir, "cached"), "--jobs", "2", "--cache-dir", cache, "--quiet"]);
    expect(warm.code, warm.stderr).toBe(0);
    const clean = await cli(["--input", input, "--out", join(dir, "clean"), "--jobs", "2", "--no-cache", "--quiet"]);
    expect(clean.code, clean.stderr).toBe(0);
    const files = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).filter(([p]) => !p.endsWith(".duckdb")));
    expect(files(await snapshot(join(dir, "cached")))).toEqual(files(await snapshot(join(dir, "clean"))));
  });
});
