// Sharded builds: each input lands in exactly one shard, and the README's combining query gives back the rows
// of an unsharded build (entities summed; clusters and cross-shard links are a shard's own).
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { build, ROOT } from "../pipeline/run.ts";
import { tmp } from "./helpers.ts";

const N = 3;
let dir: string;
let con: Awaited<ReturnType<DuckDBInstance["connect"]>>;
const rows = async (q: string) => (await con.runAndReadAll(q)).getRowObjectsJson();

beforeAll(async () => {
  dir = await tmp("shard");
  const input = join(dir, "in");
  await cp(join(ROOT, "tests", "fixtures", "mini"), input, { recursive: true });
  // an exact duplicate under another name: it must meet its twin in the same shard
  await writeFile(join(input, "z-twin.txt"), await readFile(join(input, "a-harbour.txt")));
  await build({ input, out: join(dir, "whole"), until: "publish", text: "full" });
  for (let i = 0; i < N; i++) await build({ input, out: join(dir, "shards", String(i)), until: "publish", text: "full", shard: { i, n: N } });
  const inst = await DuckDBInstance.create(":memory:");
  con = await inst.connect();
  await con.run(`SET VARIABLE shards = '${join(dir, "shards", "*")}'`);
  await con.run(await readFile(join(ROOT, "pipeline", "publish", "combine-shards.sql"), "utf8"));
}, 300_000);

const whole = (t: string) => `read_parquet('${join(dir, "whole", "parquet", `${t}.parquet`)}')`;

describe("sharded builds combined by pipeline/publish/combine-shards.sql", () => {
  it.each(["articles", "boilerplate", "dates", "mentions", "rejects"])("give the %s of an unsharded build", async (t) => {
    const cols = t === "mentions" ? "* EXCLUDE (entity_id)" : "*";
    expect(await rows(`SELECT count(*)::INT AS n FROM (SELECT ${cols} FROM ${t} EXCEPT ALL SELECT ${cols} FROM ${whole(t)})`)).toEqual([{ n: 0 }]);
    expect(await rows(`SELECT count(*)::INT AS n FROM (SELECT ${cols} FROM ${whole(t)} EXCEPT ALL SELECT ${cols} FROM ${t})`)).toEqual([{ n: 0 }]);
  });

  it("give the quotes of an unsharded build (clusters and speaker links aside)", async () => {
    const cols = "* EXCLUDE (cluster_id, speaker_entity_id, speaker_name)";
    expect(await rows(`SELECT count(*)::INT AS n FROM (SELECT ${cols} FROM quotes EXCEPT ALL SELECT ${cols} FROM ${whole("quotes")})`)).toEqual([{ n: 0 }]);
    expect(await rows(`SELECT (SELECT count(*) FROM quotes) = (SELECT count(*) FROM ${whole("quotes")}) AS same`)).toEqual([{ same: true }]);
  });

  it("count every mention of the combined entities once", async () => {
    expect(await rows(`SELECT (SELECT coalesce(sum(mention_count), 0) FROM entities) = (SELECT count(*) FROM mentions) AS same`)).toEqual([{ same: true }]);
  });

  it("catch an exact duplicate inside one shard", async () => {
    expect(await rows(`SELECT source_path, reason FROM rejects WHERE source_path = 'z-twin.txt'`)).toEqual([{ source_path: "z-twin.txt", reason: "duplicate" }]);
  });
});
