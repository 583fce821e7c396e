// The dataset card (dist-data/README.md), generated from the schemas, the counts and the measured quality.
import { TABLES } from "../../schemas/tables.ts";
import { DATASET_NAME, DATASET_VERSION, GENERATED, type FileInfo } from "./metadata.ts";
import { VIEWS, publishedColumns, type TextPolicy } from "./write.ts";

/** Sample queries shown in the card; a test runs each against the built database. */
export const SAMPLE_QUERIES: { title: string; sql: string }[] = [
  { title: "Who is quoted most, and by how many outlets", sql: `SELECT speaker_name, count(*) AS quotes, count(DISTINCT outlet) AS outlets\nFROM quote_speakers WHERE speaker_name IS NOT NULL\nGROUP BY speaker_name ORDER BY quotes DESC, speaker_name LIMIT 10;` },
  { title: "The entities named in most articles", sql: `SELECT name, type, article_count, mention_count\nFROM entities ORDER BY article_count DESC, mention_count DESC, name LIMIT 10;` },
  { title: "Quotes that travelled between outlets", sql: `SELECT cluster_id, outlets, outlet_names, text FROM shared_quotes ORDER BY outlets DESC, cluster_id;` },
  { title: "A timeline of dated expressions", sql: `SELECT date, value, text, outlet FROM timeline WHERE date IS NOT NULL ORDER BY date, date_id LIMIT 20;` },
  { title: "Every value points back to its characters", sql: `SELECT m.text, substring(a.body, m.start + 1, m."end" - m.start) AS from_body\nFROM mentions m JOIN articles a USING (article_id) LIMIT 5;` },
];

export interface CardInput {
  dbName: string;
  counts: Record<string, number>;
  policy: TextPolicy;
  files: FileInfo[];
  /** `npm run eval` results (eval/results.json), or null */
  quality: Record<string, Record<string, number | string>> | null;
  rejectReasons: Record<string, number>;
  outlets: number;
  dateRange: [string, string] | null;
  linkRules: string;
  trainingData: string;
}

const mdCell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function card(c: CardInput): string {
  const n = c.counts;
  const size = (n.articles ?? 0) < 1000 ? "n<1K" : (n.articles ?? 0) < 10000 ? "1K<n<10K" : (n.articles ?? 0) < 100000 ? "10K<n<100K" : "100K<n<1M";
  const front = [
    "---",
    "license: cc-by-4.0",
    "language:",
    "- en",
    `pretty_name: News quotes, entities and dates`,
    "size_categories:",
    `- ${size}`,
    "task_categories:",
    "- token-classification",
    "- text-classification",
    "tags:",
    "- news",
    "- quotation-attribution",
    "- named-entity-recognition",
    "- temporal-expressions",
    "configs:",
    ...TABLES.map((t) => `- config_name: ${t.name}\n  data_files: parquet/${t.name}.parquet`),
    "---",
  ].join("\n");
  const tables = TABLES.map((t) => {
    const cols = publishedColumns(t, c.policy)
      .map((col) => `| \`${col.name}\` | ${col.duck}${col.nullable ? "" : " NOT NULL"} | ${mdCell(col.description)}${col.enum ? ` One of: ${col.enum.map((e) => `\`${e}\``).join(", ")}.` : ""} |`)
      .join("\n");
    const fks = t.foreignKeys.map((k) => `\`${k.fields.join(", ")}\` → \`${k.table}.${k.reference.join(", ")}\``).join("; ");
    return `### ${t.name}\n\n${t.grain[0]!.toUpperCase()}${t.grain.slice(1)}. Key: \`${t.key.join(", ")}\`.${fks ? ` Foreign keys: ${fks}.` : ""} ${n[t.name] ?? 0} rows.\n\n| column | type | meaning |\n| --- | --- | --- |\n${cols}\n`;
  }).join("\n");
  const quality = c.quality
    ? Object.entries(c.quality)
        .map(([k, v]) => `| ${k} | ${Object.entries(v).map(([m, x]) => `${m} ${typeof x === "number" ? x.toFixed(3) : x}`).join("; ")} |`)
        .join("\n")
    : "| (not measured in this build) | |";
  const rejects = Object.keys(c.rejectReasons).length
    ? Object.entries(c.rejectReasons).sort().map(([r, k]) => `\`${r}\` ${k}`).join(", ")
    : "none";
  return `${front}

# News quotes, entities and dates

${GENERATED}

A dataset of news articles and what was extracted from them: the article text with its site chrome removed (and every removed stretch kept as a row), temporal expressions normalised like TimeML TIMEX3, people, organisations and places linked across articles, and quotations with their speakers, clustered when the same words appear in several articles. **Every value points back to the exact characters it came from**: offsets are code points into \`articles.body\` (or \`articles.raw_text\` for boilerplate), so in DuckDB \`substring(body, start + 1, "end" - start) = text\` holds for every span.

## Contents

| table | rows |
| --- | --- |
${TABLES.map((t) => `| \`${t.name}\` | ${n[t.name] ?? 0} |`).join("\n")}

${n.articles ?? 0} articles from ${c.outlets} outlet(s)${c.dateRange ? `, published ${c.dateRange[0]} to ${c.dateRange[1]}` : ""}. Inputs not accepted (\`rejects\`): ${rejects}.

Text policy of this build: **${c.policy}**${c.policy === "offsets" ? " — the text columns (`articles.body`, `articles.raw_text`, `boilerplate.text`, `mentions.text`, `quotes.text`) are left out; offsets and hashes stay, so a holder of the source text can rejoin it" : " — the text columns are included"}.

## Files

| path | what |
| --- | --- |
| \`parquet/<table>.parquet\` | the main format: zstd, rows sorted by key |
| \`csv/<table>.csv\` | RFC 4180, UTF-8, LF line ends, header row; list columns as JSON arrays; NULL is an empty field, the empty string is \`""\`; a cell that a spreadsheet would run as a formula (starting with \`=\`, \`+\`, \`-\`, \`@\`, tab or CR, after any apostrophes) gets one leading \`'\`, to be dropped when reading |
| \`json/<table>.jsonl\` | JSON Lines, one object per row, keys in column order |
| \`${c.dbName}.duckdb\` | every table and the views below in one DuckDB database |
| \`datapackage.json\` | Frictionless Data Package v2: fields, types, keys, bytes and SHA-256 of every file |
| \`schemas/<table>.schema.json\` | JSON Schema of one row |
| \`SHA256SUMS\` | \`sha256sum -c SHA256SUMS\` |

Every file except the \`.duckdb\` is byte-identical when the same inputs are built twice.

## Tables

Offsets are 0-based, end-exclusive, in Unicode code points. IDs are strings, stable across rebuilds of the same input. NULL means unknown; the empty string is a value.

${tables}
## Views (in the \`.duckdb\` file)

${VIEWS.map((v) => `- \`${v.name}\`: ${v.what}.`).join("\n")}

## Sample queries

Open the database with \`duckdb ${c.dbName}.duckdb\`, or query the Parquet files directly (\`FROM 'parquet/quotes.parquet'\`).

${SAMPLE_QUERIES.map((s) => `${s.title}:\n\n\`\`\`sql\n${s.sql}\n\`\`\`\n`).join("\n")}
## How it was made

Staged scripts (\`pipeline/stages/\`): ingest (decode, hash, reject) → clean (boilerplate out, metadata in) → dates → entities → quotes → link (corpus-wide entities and quote clusters) → validate (every row against its Zod schema and span) → publish (DuckDB).

### Measured extraction quality

Measured by \`npm run eval\` on public dev sets (not part of this dataset):

| extractor | figures |
| --- | --- |
${quality}

### Entity linking

${c.linkRules}

### Training data of the entity tagger

${c.trainingData}

## Known limits

- The extractors are English-only; articles in other languages are kept with their \`language\` and no extracted rows.
- Indirect (reported) speech is extracted only in its clearest forms; most quotes are direct or partial.
- Speakers resolved through pronouns and descriptions follow rules, not a coreference model; ambiguous cases stay unresolved (NULL) rather than guessed.
- Entity linking never merges across types and keeps ambiguous names apart, so one person may appear as two entities.
- Relative dates resolve against \`published_date\`; without it they stay in TIMEX3 form (\`XXXX-09-14\`).

## Licence and citation

The extracted data and annotations are released under CC BY 4.0. The article text (\`body\`, \`raw_text\` and quoted text) remains the copyright of its publishers; build with \`--text offsets\` to publish without it. Please cite this dataset by name and version (${DATASET_NAME} ${DATASET_VERSION}).
`;
}
