// The command line: --help, --until, JSON Lines input, bad usage.
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT } from "../pipeline/run.ts";
import { sql, tmp } from "./helpers.ts";

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", join(ROOT, "pipeline", "cli.ts"), ...args], { cwd: ROOT }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe("build-data", () => {
  it("prints help", async () => {
    const r = await cli("--help");
    expect(r.code).toBe(0);
    for (const flag of ["--input", "--out", "--until", "--text"]) expect(r.stdout).toContain(flag);
  });

  it.each([["--until", "nowhere"], ["--text", "some"], ["--bogus"]])("rejects bad usage %s %s with exit code 2", async (...args) => {
    const r = await cli(...args.filter(Boolean));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/build-data:/);
  });

  it("stops after a stage and writes its records as JSON Lines next to the output", async () => {
    const out = join(await tmp("until"), "dist");
    const r = await cli("--input", join(ROOT, "tests", "fixtures", "mini"), "--out", out, "--until", "clean", "-q");
    expect(r.code).toBe(0);
    const lines = (await readFile(`${out}.clean.jsonl`, "utf8")).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.article_id)).toEqual(["a-harbour", "c-crlf", "nested/b-astral"]);
    for (const l of lines) {
      expect(typeof l.body).toBe("string");
      expect(Array.isArray(l.boilerplate)).toBe(true);
    }
  }, 60_000);

  it("reads JSON Lines, publishes a given body exactly, and rejects bad and repeated ids", async () => {
    const dir = await tmp("jsonl");
    const body = "  Already clean.\n\nSecond paragraph, said Ann Smith on 3 May 2021.  ";
    const recs = [
      { id: "r1", text: "Headline here\n\nThe mayor said on Tuesday that the bridge would reopen within two weeks.", outlet: "Example Daily", published_date: "2021-05-04" },
      { id: "r2", body, published_date: "2021-05-05" },
      { id: "r1", text: "A repeated id." },
      { id: "", text: "An empty id." },
      { text: "No id at all." },
      { id: "r3", text: "Bad date.", published_date: "May 5" },
    ];
    const file = join(dir, "in.jsonl");
    await writeFile(file, recs.map((r) => JSON.stringify(r)).join("\n") + "\nnot json\n");
    const out = join(dir, "dist");
    const r = await cli("--input", file, "--out", out, "-q");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const db = join(out, "news-quotes.duckdb");
    const arts = await sql(`SELECT article_id, body, raw_text, outlet, outlet_source FROM articles ORDER BY article_id`, db);
    expect(arts.map((a) => a.article_id)).toEqual(["r1", "r2"]);
    expect(arts[1]!.body).toBe(body);
    expect(arts[0]).toMatchObject({ outlet: "Example Daily", outlet_source: "manifest" });
    const rej = await sql(`SELECT source_path, reason FROM rejects ORDER BY source_path`, db);
    expect((await sql(`SELECT detail FROM rejects WHERE source_path = 'in.jsonl#3'`, db))[0]!.detail).toBe('id "r1" was already used at in.jsonl#1; ids must be unique');
    expect(rej).toEqual([
      { source_path: "in.jsonl#3", reason: "duplicate_id" },
      { source_path: "in.jsonl#4", reason: "bad_id" },
      { source_path: "in.jsonl#5", reason: "bad_id" },
      { source_path: "in.jsonl#6", reason: "bad_record" },
      { source_path: "in.jsonl#7", reason: "bad_record" },
    ]);
  }, 60_000);

  it("publishes the articles in id order whatever order they come in", async () => {
    const dir = await tmp("jsonl-order");
    const ids = ["z9", "m5", "\u00e9t\u00e9", "a1", "M5"];
    const file = join(dir, "in.jsonl");
    await writeFile(file, ids.map((id, i) => JSON.stringify({ id, text: `Headline ${i}\n\nThe council said on Monday that the plan number ${i} would go ahead.` })).join("\n") + "\n");
    const out = join(dir, "dist");
    const r = await cli("--input", file, "--out", out, "-q", "--jobs", "2", "--no-cache");
    expect(r.code).toBe(0);
    const sorted = ["M5", "a1", "m5", "z9", "\u00e9t\u00e9"];
    expect((await sql(`SELECT article_id FROM read_csv('${out}/csv/articles.csv', header = true, all_varchar = true)`)).map((a) => a.article_id)).toEqual(sorted);
    expect((await sql(`SELECT article_id FROM '${out}/parquet/articles.parquet'`)).map((a) => a.article_id)).toEqual(sorted);
    expect((await readFile(join(out, "json", "articles.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l).article_id)).toEqual(sorted);
  }, 60_000);
});
