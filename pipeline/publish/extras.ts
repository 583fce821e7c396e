// Metadata files published next to datapackage.json: CITATION.cff, CHANGELOG.md and croissant.json (Croissant 1.1).
// Pure: returns path → content; built from the Zod schemas, the counts and the file hashes, never from the clock.
import { createHash } from "node:crypto";
import { TABLES, type TableDef } from "../../schemas/tables.ts";
import { DATASET_NAME, DATASET_TITLE, DATASET_VERSION, DATASET_DESCRIPTION, GENERATED, LICENSE, json, type FileInfo } from "./metadata.ts";
import { publishedColumns, type TextPolicy } from "./write.ts";
import type { Column } from "../stages/08-publish.ts";

export interface ExtrasInput {
  counts: Record<string, number>;
  /** the data files (parquet/, csv/, json/, schemas/) with bytes and sha256 */
  files: FileInfo[];
  policy: TextPolicy;
  /** the datapackage.json text */
  datapackage: string;
}

/** What makes a release MAJOR, MINOR or PATCH for users of the tables (SemVer applied to the dataset's schema). */
export const SEMVER_RULES = {
  major: [
    "a table, view or column is removed or renamed",
    "a column changes type, or becomes nullable where it was not",
    "an enum value is removed or renamed, or a key changes",
    "the meaning of a value changes (what offsets count, what an id is made of, what a table's grain is)",
  ],
  minor: [
    "a table, view or column is added",
    "an enum value is added",
    "a published file format is added",
  ],
  patch: [
    "extraction improves or regresses with no change of schema (rows and values change, columns do not)",
    "documentation, the card or metadata files change",
  ],
};

/** One entry per released version of the schema, newest first. `schema` is the fingerprint of the published columns (see schemaFingerprint). */
export const CHANGES: { version: string; schema: string; changes: string[] }[] = [
  {
    version: "0.1.0",
    schema: "6162d7cb8a6be114",
    changes: [
      "First release: tables articles, boilerplate, dates, entities, mentions, quotes, rejects; views quote_speakers, entity_articles, shared_quotes, timeline.",
      "Files: Parquet (zstd), CSV, JSON Lines, a DuckDB database, datapackage.json (Frictionless v2), JSON Schemas per table, croissant.json, CITATION.cff, SHA256SUMS.",
    ],
  },
];

/** The published shape of every table (names, types, nullability, enums, keys) with the text columns included, as a short hash. */
export function schemaFingerprint(tables: TableDef[] = TABLES): string {
  const shape = tables.map((t) => ({
    table: t.name,
    key: t.key,
    foreignKeys: t.foreignKeys,
    columns: publishedColumns(t, "full").map((c) => [c.name, c.duck, c.nullable, c.enum]),
  }));
  return createHash("sha256").update(JSON.stringify(shape)).digest("hex").slice(0, 16);
}

const yamlString = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

export function citation(): string {
  return [
    `# ${GENERATED}`,
    "cff-version: 1.2.0",
    `message: "If you use this dataset, please cite it as below."`,
    "type: dataset",
    `title: ${yamlString(DATASET_TITLE)}`,
    `version: ${yamlString(DATASET_VERSION)}`,
    `abstract: ${yamlString(DATASET_DESCRIPTION)}`,
    "authors:",
    `  - name: ${yamlString(`${DATASET_NAME} contributors`)}`,
    `license: ${LICENSE.spdx}`,
    "keywords:",
    ...["news", "quotations", "quotation attribution", "named entities", "temporal expressions", "TIMEX3", "dataset"].map((k) => `  - ${yamlString(k)}`),
    "",
  ].join("\n");
}

export function changelog(): string {
  const current = schemaFingerprint();
  const rules = (title: string, items: string[]) => `- **${title}** when ${items.join("; or ")}.`;
  return `# Changelog

${GENERATED}

The dataset's version follows [Semantic Versioning](https://semver.org/) applied to its schema (the tables, columns and views that queries depend on):

${rules("MAJOR", SEMVER_RULES.major)}
${rules("MINOR", SEMVER_RULES.minor)}
${rules("PATCH", SEMVER_RULES.patch)}

Each version records a fingerprint of its published schema; a test fails when the schema changes and the version does not. This build's schema fingerprint: \`${current}\`.

${CHANGES.map((c) => `## ${c.version}\n\nSchema fingerprint \`${c.schema}\`.\n\n${c.changes.map((x) => `- ${x}`).join("\n")}\n`).join("\n")}`;
}

/** Croissant data types for the column types. */
const CROISSANT_TYPE: Record<Column["duck"], string> = { VARCHAR: "sc:Text", INTEGER: "sc:Integer", DATE: "sc:Date", "VARCHAR[]": "sc:Text" };

/** The Croissant 1.1 JSON-LD context (the terms this file uses, as the Croissant spec defines them). */
const CROISSANT_CONTEXT = {
  "@language": "en",
  "@vocab": "https://schema.org/",
  sc: "https://schema.org/",
  cr: "http://mlcommons.org/croissant/",
  rai: "http://mlcommons.org/croissant/RAI/",
  dct: "http://purl.org/dc/terms/",
  citeAs: "cr:citeAs",
  column: "cr:column",
  conformsTo: "dct:conformsTo",
  data: { "@id": "cr:data", "@type": "@json" },
  dataType: { "@id": "cr:dataType", "@type": "@vocab" },
  examples: { "@id": "cr:examples", "@type": "@json" },
  extract: "cr:extract",
  field: "cr:field",
  fileObject: "cr:fileObject",
  fileProperty: "cr:fileProperty",
  fileSet: "cr:fileSet",
  format: "cr:format",
  includes: "cr:includes",
  isArray: "cr:isArray",
  isLiveDataset: "cr:isLiveDataset",
  jsonPath: "cr:jsonPath",
  key: "cr:key",
  md5: "cr:md5",
  parentField: "cr:parentField",
  path: "cr:path",
  recordSet: "cr:recordSet",
  references: "cr:references",
  regex: "cr:regex",
  repeated: "cr:repeated",
  replace: "cr:replace",
  separator: "cr:separator",
  source: "cr:source",
  subField: "cr:subField",
  transform: "cr:transform",
};

export function croissant(x: ExtrasInput): string {
  const byPath = new Map(x.files.map((f) => [f.path, f]));
  const distribution = TABLES.map((t) => {
    const path = `parquet/${t.name}.parquet`;
    const f = byPath.get(path);
    if (!f) throw new Error(`croissant: ${path} was not written`);
    return {
      "@type": "cr:FileObject",
      "@id": path,
      name: path,
      description: `${t.name}: ${t.grain} (Parquet, zstd).`,
      contentUrl: path,
      contentSize: `${f.bytes} B`,
      encodingFormat: "application/x-parquet",
      sha256: f.sha256,
    };
  });
  const recordSet = TABLES.map((t) => {
    const file = `parquet/${t.name}.parquet`;
    const fkOf = new Map(t.foreignKeys.map((k) => [k.fields[0]!, k]));
    return {
      "@type": "cr:RecordSet",
      "@id": t.name,
      name: t.name,
      description: `${t.grain[0]!.toUpperCase()}${t.grain.slice(1)}. ${x.counts[t.name] ?? 0} rows.`,
      key: t.key.map((k) => ({ "@id": `${t.name}/${k}` })),
      field: publishedColumns(t, x.policy).map((c) => {
        const fk = fkOf.get(c.name);
        return {
          "@type": "cr:Field",
          "@id": `${t.name}/${c.name}`,
          name: c.name,
          description: c.description + (c.enum ? ` One of: ${c.enum.join(", ")}.` : "") + (c.nullable ? " May be null." : ""),
          dataType: CROISSANT_TYPE[c.duck],
          ...(c.duck === "VARCHAR[]" ? { isArray: true } : {}),
          source: { fileObject: { "@id": file }, extract: { column: c.name } },
          ...(fk ? { references: { field: { "@id": `${fk.table}/${fk.reference[0]}` } } } : {}),
        };
      }),
    };
  });
  return json({
    "@context": CROISSANT_CONTEXT,
    "@type": "sc:Dataset",
    conformsTo: "http://mlcommons.org/croissant/1.1",
    name: DATASET_NAME,
    alternateName: DATASET_TITLE,
    description: `${DATASET_DESCRIPTION} Text policy of this build: ${x.policy}.`,
    version: DATASET_VERSION,
    license: LICENSE.url,
    creator: { "@type": "sc:Organization", name: `${DATASET_NAME} contributors` },
    citeAs: `${DATASET_TITLE} (${DATASET_NAME}), version ${DATASET_VERSION}.`,
    keywords: ["news", "quotations", "named entities", "temporal expressions", "TIMEX3"],
    inLanguage: "en",
    isLiveDataset: false,
    distribution,
    recordSet,
  });
}

export function extraFiles(x: ExtrasInput): Record<string, string> {
  return {
    "CITATION.cff": citation(),
    "CHANGELOG.md": changelog(),
    "croissant.json": croissant(x),
  };
}
