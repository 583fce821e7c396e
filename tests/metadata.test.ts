// The metadata published with the dataset: datapackage.json against the Frictionless v2 profiles, croissant.json,
// CITATION.cff, CHANGELOG.md, the card, and the `--text offsets` policy.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { TABLES } from "../schemas/tables.ts";
import { card, qualityTable, sizeCategory, type CardInput } from "../pipeline/publish/card.ts";
import { CHANGES, schemaFingerprint } from "../pipeline/publish/extras.ts";
import { DATASET_VERSION, xsdPattern } from "../pipeline/publish/metadata.ts";
import { TEXT_COLUMNS, VIEWS, publishedColumns } from "../pipeline/publish/write.ts";
import { cellIssue, validateDataPackage } from "./frictionless.ts";
import { buildTo, sql } from "./helpers.ts";

const FIXTURE = join(import.meta.dirname, "fixtures", "mini");
let full = "";
let offsets = "";
const readJson = async (dir: string, f: string) => JSON.parse(await readFile(join(dir, f), "utf8")) as Record<string, unknown>;

let fullBuild: Promise<string> | null = null;
/** The full build, made once for the describes that read it (pure tests run without it). */
const needsFullBuild = () =>
  beforeAll(async () => {
    full = await (fullBuild ??= buildTo(FIXTURE).then((r) => r.out));
  }, 240_000);

const base: CardInput = {
  dbName: "x",
  counts: {},
  policy: "full",
  files: [],
  quality: null,
  rejectReasons: {},
  outlets: 0,
  dateRange: null,
  linkRules: "",
  trainingData: "",
};

describe("pure builders and checks", () => {
  it("checks cells against their fields", () => {
    expect(cellIssue({ name: "n", type: "integer" }, "12")).toBeNull();
    expect(cellIssue({ name: "n", type: "integer" }, "1.5")).toMatch(/integer/);
    expect(cellIssue({ name: "d", type: "date" }, "2024-02-30")).toMatch(/date/);
    expect(cellIssue({ name: "a", type: "array" }, '["x"]')).toBeNull();
    expect(cellIssue({ name: "a", type: "array" }, "x")).toMatch(/array/);
    expect(cellIssue({ name: "s", constraints: { required: true } }, null)).toMatch(/required/);
    expect(cellIssue({ name: "s", constraints: { enum: ["a"] } }, "b")).toMatch(/one of/);
    expect(cellIssue({ name: "h", constraints: { pattern: xsdPattern("^[0-9a-f]{4}$") } }, "00ff")).toBeNull();
    expect(cellIssue({ name: "h", constraints: { pattern: xsdPattern("^[0-9a-f]{4}$") } }, "00ff0")).toMatch(/match/);
  });
  it("has a changelog entry for the current schema (a schema change needs a new version: see SEMVER_RULES)", () => {
    expect(CHANGES[0]!.version, "the newest CHANGES entry is DATASET_VERSION").toBe(DATASET_VERSION);
    expect(CHANGES[0]!.schema, "the published schema changed: bump DATASET_VERSION by the SemVer rules and add a CHANGES entry with this fingerprint").toBe(schemaFingerprint());
  });
  it("renders measured quality as a table, unrounded, and says when an extractor is not measured", () => {
    const t = qualityTable({ quotes: { attributed_f1: 0.68471, dev_set: "some dev set" }, dates: { value_f1: 0.8 }, measured_at: "a note" });
    expect(t).toMatch(/\| quotes \| .* \| attributed_f1 0\.68471 \| dev_set: some dev set \|/);
    expect(t).toMatch(/\| dates \| .* \| value_f1 0\.8 \|/);
    expect(t).toMatch(/\| ner \| .* \| not measured \|/);
    expect(t).toContain("measured at: a note");
    expect(qualityTable(null)).not.toMatch(/\d\.\d{3}/);
    expect(card({ ...base, quality: { clean: { f1: 0.5 } } })).toMatch(/\| clean \| .* \| f1 0\.5 \|/);
  });
  it("sizes by articles", () => {
    expect(sizeCategory(999)).toBe("n<1K");
    expect(sizeCategory(1000)).toBe("1K<n<10K");
    expect(sizeCategory(250_000)).toBe("100K<n<1M");
  });
});

describe("datapackage.json against the Frictionless v2 profiles", () => {
  needsFullBuild();
  it("is valid, with every file's bytes and hash and every CSV cell", async () => {
    expect(validateDataPackage(await readJson(full, "datapackage.json"), full)).toEqual([]);
  });

  it("catches what breaks the profiles", async () => {
    const pkg = await readJson(full, "datapackage.json");
    const broken = (f: (p: any) => void) => {
      const p = structuredClone(pkg) as any;
      f(p);
      return validateDataPackage(p, full);
    };
    expect(broken((p) => delete p.resources).join()).toMatch(/resources/);
    expect(broken((p) => (p.resources = [])).join()).toMatch(/fewer than 1/);
    expect(broken((p) => (p.resources[0].path = "../outside.csv")).join()).toMatch(/pattern/);
    expect(broken((p) => (p.resources[0].type = "tabular")).join()).toMatch(/allowed values/);
    expect(broken((p) => (p.resources[0].schema.fields[0].type = "text")).join()).toMatch(/allowed values/);
    expect(broken((p) => (p.resources[0].dialect.delimiter = ";;")).join()).toMatch(/more than 1/);
    expect(broken((p) => (p.licenses[0] = { title: "no name, no path" })).join()).toMatch(/required/);
    expect(broken((p) => (p.resources[1].name = p.resources[0].name)).join()).toMatch(/used twice/);
    expect(broken((p) => (p.resources[0].schema.primaryKey = ["nope"])).join()).toMatch(/primaryKey names no field: nope/);
    expect(broken((p) => (p.resources[1].schema.foreignKeys[0].reference.resource = "nope")).join()).toMatch(/references no resource/);
    expect(broken((p) => (p.resources[1].schema.foreignKeys[0].reference.fields = ["nope"])).join()).toMatch(/references no field/);
    expect(broken((p) => (p.resources[0].bytes += 1)).join()).toMatch(/bytes/);
    expect(broken((p) => (p.resources[0].hash = `sha256:${"0".repeat(64)}`)).join()).toMatch(/hashes to/);
    expect(broken((p) => p.resources[0].schema.fields.reverse()).join()).toMatch(/header/);
  });

});

describe("croissant.json (Croissant 1.1)", () => {
  needsFullBuild();
  it("describes every Parquet file with its hash and every published column with its type", async () => {
    const c = (await readJson(full, "croissant.json")) as any;
    expect(c["@context"]["@vocab"]).toBe("https://schema.org/");
    expect(c["@context"].cr).toBe("http://mlcommons.org/croissant/");
    expect(c["@type"]).toBe("sc:Dataset");
    expect(c.conformsTo).toBe("http://mlcommons.org/croissant/1.1");
    expect(c.version).toBe(DATASET_VERSION);
    const sums = new Map(
      (await readFile(join(full, "SHA256SUMS"), "utf8"))
        .trim()
        .split("\n")
        .map((l) => [l.slice(66), l.slice(0, 64)]),
    );
    const ids = new Set<string>();
    for (const d of c.distribution) {
      expect(d["@type"]).toBe("cr:FileObject");
      expect(d.sha256).toBe(sums.get(d.contentUrl));
      ids.add(d["@id"]);
    }
    expect(c.recordSet.map((r: any) => r.name)).toEqual(TABLES.map((t) => t.name));
    const fieldIds = new Set(c.recordSet.flatMap((r: any) => r.field.map((f: any) => f["@id"])));
    for (const [i, t] of TABLES.entries()) {
      const rs = c.recordSet[i];
      expect(rs.field.map((f: any) => f.name)).toEqual(publishedColumns(t, "full").map((col) => col.name));
      for (const f of rs.field) {
        expect(ids.has(f.source.fileObject["@id"])).toBe(true);
        expect(["sc:Text", "sc:Integer", "sc:Date"]).toContain(f.dataType);
        if (f.references) expect(fieldIds.has(f.references.field["@id"])).toBe(true);
      }
      for (const k of rs.key) expect(fieldIds.has(k["@id"])).toBe(true);
    }
    const aliases = c.recordSet.find((r: any) => r.name === "entities").field.find((f: any) => f.name === "aliases");
    expect(aliases.isArray).toBe(true);
  });
});

describe("CITATION.cff and CHANGELOG.md", () => {
  needsFullBuild();
  it("cites the dataset at its version", async () => {
    const cff = await readFile(join(full, "CITATION.cff"), "utf8");
    for (const k of ["cff-version: 1.2.0", "type: dataset", `version: "${DATASET_VERSION}"`, "authors:", "license: CC-BY-4.0", "message:"]) expect(cff).toContain(k);
  });

  it("states the SemVer rules and lists the current version", async () => {
    const log = await readFile(join(full, "CHANGELOG.md"), "utf8");
    expect(log).toMatch(/\*\*MAJOR\*\* when .*removed or renamed/);
    expect(log).toMatch(/\*\*MINOR\*\* when .*added/);
    expect(log).toMatch(/\*\*PATCH\*\*/);
    expect(log).toContain(`## ${DATASET_VERSION}`);
  });

});

describe("the card", () => {
  needsFullBuild();

  it("has Hugging Face front matter with licence, language, size and one config per table", async () => {
    const text = await readFile(join(full, "README.md"), "utf8");
    const front = text.slice(0, text.indexOf("\n---\n", 4));
    expect(front).toMatch(/^---\nlicense: cc-by-4\.0\n/);
    expect(front).toMatch(/\nlanguage:\n- en\n/);
    expect(front).toMatch(/\nsize_categories:\n- n<1K\n/);
    for (const t of TABLES) expect(front).toContain(`- config_name: ${t.name}\n`);
    for (const t of TABLES) expect(front).toContain(`    path: parquet/${t.name}.parquet`);
  });

  it("answers the datasheet questions", async () => {
    const text = await readFile(join(full, "README.md"), "utf8");
    for (const h of ["Motivation", "Composition", "Collection and cleaning", "Measured extraction quality", "Known limits and biases", "Personal data", "Distribution", "Maintenance"])
      expect(text).toMatch(new RegExp(`^#+ ${h}$`, "m"));
  });



  it("says which text policy the build used", async () => {
    expect(await readFile(join(full, "README.md"), "utf8")).toMatch(/Text policy of this build: \*\*full\*\*/);
    expect(card({ ...base, policy: "offsets" })).toMatch(/Text policy of this build: \*\*offsets\*\*: the text columns \(`articles\.body`/);
  });
});

describe("--text offsets", () => {
  const dropped = TABLES.flatMap((t) => (TEXT_COLUMNS[t.name] ?? []).map((c) => [t.name, c] as const));
  needsFullBuild();
  beforeAll(async () => {
    offsets = (await buildTo(FIXTURE, { text: "offsets" })).out;
  }, 240_000);

  it("builds a valid data package that says which policy it used", async () => {
    expect(validateDataPackage(await readJson(offsets, "datapackage.json"), offsets)).toEqual([]);
    expect(await readFile(join(offsets, "README.md"), "utf8")).toMatch(/Text policy of this build: \*\*offsets\*\*/);
    expect(((await readJson(offsets, "croissant.json")) as any).description).toMatch(/Text policy of this build: offsets/);
  });

  it("drops the text columns from every file", async () => {
    expect(dropped.length).toBeGreaterThan(0);
    const pkg = (await readJson(offsets, "datapackage.json")) as any;
    const croissantJson = (await readJson(offsets, "croissant.json")) as any;
    for (const [t, c] of dropped) {
      const pq = await sql(`SELECT name FROM parquet_schema('${join(offsets, "parquet", `${t}.parquet`)}')`);
      expect(pq.map((r) => r.name), `${t}.parquet`).not.toContain(c);
      const header = (await readFile(join(offsets, "csv", `${t}.csv`), "utf8")).split("\n")[0]!.split(",");
      expect(header, `${t}.csv`).not.toContain(c);
      const line = (await readFile(join(offsets, "json", `${t}.jsonl`), "utf8")).split("\n")[0]!;
      if (line) expect(Object.keys(JSON.parse(line) as object), `${t}.jsonl`).not.toContain(c);
      const cols = await sql(`SELECT column_name FROM information_schema.columns WHERE table_name = '${t}'`, join(offsets, "news-quotes.duckdb"));
      expect(cols.map((r) => r.column_name), `${t} in the .duckdb`).not.toContain(c);
      for (const r of pkg.resources.filter((x: any) => x.name.replace(/-.*/, "") === t)) expect(r.schema.fields.map((f: any) => f.name)).not.toContain(c);
      expect(croissantJson.recordSet.find((r: any) => r.name === t).field.map((f: any) => f.name)).not.toContain(c);
      const js = (await readJson(offsets, `schemas/${t}.schema.json`)) as any;
      expect(Object.keys(js.properties)).not.toContain(c);
    }
    const csvAll = await Promise.all(TABLES.map((t) => readFile(join(offsets, "csv", `${t.name}.csv`), "utf8")));
    const bodies = await sql(`SELECT body FROM articles`, join(full, "news-quotes.duckdb"));
    const paragraph = bodies.flatMap((b) => String(b.body).split("\n\n")).sort((a, b) => b.length - a.length)[0] ?? "";
    const sentence = paragraph.slice(0, 40);
    expect(sentence.length).toBeGreaterThan(20);
    for (const text of csvAll) expect(text).not.toContain(sentence);
  });

  it("keeps the four views, without their text columns", async () => {
    const db = join(offsets, "news-quotes.duckdb");
    for (const v of VIEWS) {
      const cols = (await sql(`SELECT column_name FROM information_schema.columns WHERE table_name = '${v.name}'`, db)).map((r) => r.column_name);
      expect(cols.length, v.name).toBeGreaterThan(0);
      for (const c of ["text", "sentence", "body"]) if (v.name !== "timeline" || c !== "text") expect(cols, `${v.name}.${c}`).not.toContain(c);
      const n = await sql(`SELECT count(*)::INT AS n FROM ${v.name}`, db);
      const m = await sql(`SELECT count(*)::INT AS n FROM ${v.name}`, join(full, "news-quotes.duckdb"));
      expect(n, v.name).toEqual(m);
    }
  });

  it("keeps offsets, hashes and every derived value, so the text can be rejoined", async () => {
    for (const t of TABLES) {
      const keep = publishedColumns(t, "offsets").map((c) => `"${c.name}"`).join(", ");
      const key = t.key.map((k) => `"${k}"`).join(", ");
      const q = `SELECT ${keep} FROM ${t.name} ORDER BY ${key}`;
      expect(await sql(q, join(offsets, "news-quotes.duckdb")), t.name).toEqual(await sql(q, join(full, "news-quotes.duckdb")));
    }
    for (const c of ["start", "end", "source_sha256", "speaker_start", "cluster_id"])
      expect(TABLES.some((t) => publishedColumns(t, "offsets").some((x) => x.name === c)), c).toBe(true);
    // a holder of the text cuts every dropped span text back out of it
    const pq = (dir: string, t: string) => `read_parquet('${join(dir, "parquet", `${t}.parquet`)}')`;
    const rows: Record<string, unknown>[] = [];
    for (const t of TABLES)
      for (const s of t.spans.filter((x) => (TEXT_COLUMNS[t.name] ?? []).includes(x.text))) {
        const key = `"${t.key[0]}"`;
        rows.push(
          ...(await sql(
            `SELECT f."${s.text}" AS want, substring(a."${s.into}", o."${s.start}" + 1, o."${s.end}" - o."${s.start}") AS got
             FROM ${pq(offsets, t.name)} o JOIN ${pq(full, t.name)} f USING (${key}) JOIN ${pq(full, "articles")} a ON a.article_id = o.article_id
             WHERE o."${s.start}" IS NOT NULL`,
          )),
        );
      }
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.got).toBe(r.want);
  });

  it("keeps the views that need no text", async () => {
    const views = await sql(`SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name`, join(offsets, "news-quotes.duckdb"));
    expect(views.map((v) => v.view_name)).toEqual(expect.arrayContaining(["entity_articles", "quote_speakers", "shared_quotes"]));
    await sql(`SELECT * FROM quote_speakers LIMIT 1`, join(offsets, "news-quotes.duckdb"));
  });
});
