import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll } from "vitest";
import { build, type BuildOptions } from "../pipeline/run.ts";

/** folders `tmp` made for this test file: removed once its tests are done (each file loads this module anew) */
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** a new empty folder under the system's temporary folder, removed once the test file's tests are done */
export async function tmp(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `nq-${prefix}-`));
  made.push(dir);
  return dir;
}

export async function buildTo(input: string, extra: Partial<BuildOptions> = {}) {
  const out = join(await tmp("out"), "dist");
  const summary = await build({ input, out, until: "publish", text: "full", ...extra });
  return { out, summary };
}

/** Runs SQL in an in-memory DuckDB (optionally attaching a database file read-only) and returns row objects as JSON values. */
export async function sql(query: string, attach?: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(":memory:");
  const con = await inst.connect();
  try {
    await con.run("SET TimeZone = 'UTC'");
    if (attach) await con.run(`ATTACH '${attach}' AS db (READ_ONLY); USE db`);
    return (await con.runAndReadAll(query)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}
