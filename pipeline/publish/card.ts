// The dataset card (dist-data/README.md), generated from the schemas, the counts and the measured quality.
import { TABLES } from "../../schemas/tables.ts";
import { DATASET_NAME, DATASET_TITLE, DATASET_VERSION, GENERATED, LICENSE, type FileInfo } from "./metadata.ts";
import { TEXT_COLUMNS, VIEWS, publishedColumns, type TextPolicy } from "./write.ts";

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
  /** `npm run eval` results (eval/results.json): extractor → metric → value, plus optional notes; or null */
  quality: Record<string, unknown> | null;
  rejectReasons: Record<string, number>;
  outlets: number;
  dateRange: [string, string] | null;
  linkRules: string;
  trainingData: string;
  /** articles per language code, when the runner passes them */
  languages?: Record<string, number>;
}

const mdCell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The extractors whose quality `npm run eval` measures, with what each does; a missing one is reported as not measured. */
export const EXTRACTORS: { name: string; what: string }[] = [
  { name: "clean", what: "boilerplate removal (body vs. site chrome)" },
  { name: "dates", what: "temporal expressions and their TIMEX3 values" },
  { name: "ner", what: "named entities (person, organization, location)" },
  { name: "quotes", what: "quotations with their speakers" },
  { name: "link", what: "entity linking across articles" },
];

// as measured (eval/results.json keeps four decimals): rounding could lift a score over a target it missed
const fmt = (v: unknown): string => (typeof v === "number" ? String(v) : typeof v === "string" ? v : JSON.stringify(v));

/** The measured quality as a Markdown table: one row per extractor, its numbers, and what it was measured on. */
export function qualityTable(q: Record<string, unknown> | null): string {
  const entries = q ? Object.entries(q).filter(([, v]) => v !== null && typeof v === "object" && !Array.isArray(v)) : [];
  const known = new Map(entries as [string, Record<string, unknown>][]);
  const names = [...EXTRACTORS.map((e) => e.name), ...[...known.keys()].filter((k) => !EXTRACTORS.some((e) => e.name === k)).sort()];
  const rows = names.map((name) => {
    const what = EXTRACTORS.find((e) => e.name === name)?.what ?? "";
    const m = known.get(name);
    if (!m) return `| ${name} | ${what} | not measured | |`;
    const nums = Object.entries(m).filter(([, v]) => typeof v === "number");
    const notes = Object.entries(m).filter(([, v]) => typeof v !== "number");
    return `| ${name} | ${what} | ${nums.length ? mdCell(nums.map(([k, v]) => `${k} ${fmt(v)}`).join("; ")) : "not measured"} | ${mdCell(notes.map(([k, v]) => `${k}: ${fmt(v)}`).join("; "))} |`;
  });
  const notes = q ? Object.entries(q).filter(([, v]) => typeof v === "string" || typeof v === "number") : [];
  return `| extractor | what | measured | on |\n| --- | --- | --- | --- |\n${rows.join("\n")}\n${notes.length ? `\n${notes.map(([k, v]) => `${k.replace(/_/g, " ")}: ${fmt(v)}.`).join(" ")}\n` : ""}`;
}

/** Hugging Face size category of a row count. */
export function sizeCategory(n: number): string {
  const bands: [number, string][] = [[1e3, "n<1K"], [1e4, "1K<n<10K"], [1e5, "10K<n<100K"], [1e6, "100K<n<1M"], [1e7, "1M<n<10M"], [1e8, "10M<n<100M"]];
  return bands.find(([max]) => n < max)?.[1] ?? "n>1T";
}

export function card(c: CardInput): string {
  const n = c.counts;
  const languages = Object.keys(c.languages ?? {}).filter((l) => /^[a-z]{2,3}$/.test(l)).sort();
  const front = [
    "---",
    `license: ${LICENSE.spdx.toLowerCase()}`,
    "language:",
    ...(languages.length ? languages : ["en"]).map((l) => `- ${l}`),
    `pretty_name: ${DATASET_TITLE}`,
    "annotations_creators:",
    "- machine-generated",
    "language_creators:",
    "- found",
    "source_datasets:",
    "- original",
    "size_categories:",
    `- ${sizeCategory(n.articles ?? 0)}`,
    "task_categories:",
    "- token-classification",
    "- text-classification",
    "task_ids:",
    "- named-entity-recognition",
    "tags:",
    "- news",
    "- quotation-attribution",
    "- named-entity-recognition",
    "- temporal-expressions",
    "- timex3",
    "configs:",
    ...TABLES.map((t, i) => `- config_name: ${t.name}\n${i === 0 ? "  default: true\n" : ""}  data_files:\n  - split: train\n    path: parquet/${t.name}.parquet`),
    "---",
  ].join("\n");
  const tables = TABLES.map((t) => {
    const cols = publishedColumns(t, c.policy)
      .map((col) => `| \`${col.name}\` | ${col.duck}${col.nullable ? "" : " NOT NULL"} | ${mdCell(col.description)}${col.enum ? ` One of: ${col.enum.map((e) => `\`${e}\``).join(", ")}.` : ""} |`)
      .join("\n");
    const fks = t.foreignKeys.map((k) => `\`${k.fields.join(", ")}\` → \`${k.table}.${k.reference.join(", ")}\``).join("; ");
    return `### ${t.name}\n\n${t.grain[0]!.toUpperCase()}${t.grain.slice(1)}. Key: \`${t.key.join(", ")}\`.${fks ? ` Foreign keys: ${fks}.` : ""} ${n[t.name] ?? 0} rows.\n\n| column | type | meaning |\n| --- | --- | --- |\n${cols}\n`;
  }).join("\n");
  const rejects = Object.keys(c.rejectReasons).length
    ? Object.entries(c.rejectReasons).sort().map(([r, k]) => `\`${r}\` ${k}`).join(", ")
    : "none";
  const dropped = TABLES.flatMap((t) => (TEXT_COLUMNS[t.name] ?? []).map((col) => `\`${t.name}.${col}\``)).join(", ");
  const policy =
    c.policy === "offsets"
      ? `**offsets**: the text columns (${dropped}) are left out of every published file. Offsets, \`source_sha256\` and every derived value (dates, entity names, speakers, clusters) stay, so a user who holds the source text can rejoin it: decode the input as UTF-8, normalise newlines to \`\\n\`, check its SHA-256 against \`source_sha256\`, and cut \`raw_text\` by code-point offsets. The \`timeline\` view, which needs the body, is not in the database.`
      : `**full**: the text columns (${dropped}) are included.`;
  return `${front}

# ${DATASET_TITLE}

${GENERATED}

A dataset of news articles and what was extracted from them: the article text with its site chrome removed (and every removed stretch kept as a row), temporal expressions normalised like TimeML TIMEX3, people, organisations and places linked across articles, and quotations with their speakers, clustered when the same words appear in several articles. **Every value points back to the exact characters it came from**: offsets are code points into \`articles.body\` (or \`articles.raw_text\` for boilerplate), so in DuckDB \`substring(body, start + 1, "end" - start) = text\` holds for every span.

Text policy of this build: ${policy}

## Motivation

Who is quoted, who is named and which dates appear are the questions researchers, journalists and analysts ask when they study how outlets covered a story, and which quotes travel from one outlet to another. Answering them by hand does not scale and cannot be checked; this dataset answers them with rules whose every output can be traced to the characters it came from, so a user can verify any row, measure the errors, and rebuild the whole dataset from the inputs with \`npm run build-data\`.

## Composition

| table | rows |
| --- | --- |
${TABLES.map((t) => `| \`${t.name}\` | ${n[t.name] ?? 0} |`).join("\n")}

${n.articles ?? 0} articles from ${c.outlets} outlet(s)${c.dateRange ? `, published ${c.dateRange[0]} to ${c.dateRange[1]}` : ""}${languages.length ? `, in ${languages.map((l) => `\`${l}\` (${c.languages?.[l] ?? 0})`).join(", ")}` : ""}. Inputs not accepted (\`rejects\`): ${rejects}.

An instance is a news article (one row of \`articles\`) with the annotations that point into it; \`entities\` is the one corpus-wide table. Every input ends up either as an article or as a reject with its reason: nothing is dropped silently. There are no labels made by people: every annotation is machine-made and may be wrong (see the measured quality below). The articles are whatever the curator collected: they are not a sample of any outlet's output, of a period, or of the news at large.

## Files

| path | what |
| --- | --- |
| \`parquet/<table>.parquet\` | the main format: zstd, rows sorted by key |
| \`csv/<table>.csv\` | RFC 4180, UTF-8, LF line ends, header row; list columns as JSON arrays; NULL is an empty field, the empty string is \`""\`; a cell that a spreadsheet would run as a formula (starting with \`=\`, \`+\`, \`-\`, \`@\`, tab or CR, after any apostrophes) gets one leading \`'\`, to be dropped when reading |
| \`json/<table>.jsonl\` | JSON Lines, one object per row, keys in column order |
| \`${c.dbName}.duckdb\` | every table and the views below in one DuckDB database |
| \`datapackage.json\` | Frictionless Data Package v2: fields, types, keys, bytes and SHA-256 of every file |
| \`croissant.json\` | Croissant 1.1 (JSON-LD) description of the Parquet files and their fields |
| \`schemas/<table>.schema.json\` | JSON Schema of one row |
| \`CITATION.cff\` | how to cite the dataset |
| \`CHANGELOG.md\` | versions, and the SemVer rules for the schema |
| \`explore/\` | an offline page to browse the database in a browser: \`npm run explore\` |
| \`SHA256SUMS\` | \`sha256sum -c SHA256SUMS\` |

Every file except the \`.duckdb\` is byte-identical when the same inputs are built twice. The \`.duckdb\` holds the same tables, rows and views each time, but DuckDB writes the unused tail of some compressed text blocks as it finds it in memory (duckdb/duckdb#23382), so its bytes can differ from build to build; \`SHA256SUMS\` and \`datapackage.json\` leave it out for that reason. Written with its text uncompressed it would be 38% larger on the full corpus (986 MB against 715 MB).

## Tables

Offsets are 0-based, end-exclusive, in Unicode code points. IDs are strings, stable across rebuilds of the same input. NULL means unknown; the empty string is a value.

${tables}
## Views (in the \`.duckdb\` file)

${VIEWS.map((v) => `- \`${v.name}\`: ${v.what}.`).join("\n")}

## Sample queries

Open the database with \`duckdb ${c.dbName}.duckdb\`, or query the Parquet files directly (\`FROM 'parquet/quotes.parquet'\`). To browse it, run \`npm run explore\` and open the address it prints: the page runs DuckDB in the browser and makes no request beyond that local server.

${SAMPLE_QUERIES.map((s) => `${s.title}:\n\n\`\`\`sql\n${s.sql}\n\`\`\`\n`).join("\n")}
## Collection and cleaning

The inputs are plain-text files, one per article, as scraped from web pages with their site chrome (menus, share buttons, comment footers, captions, related links) still in; an optional \`manifest.csv\` adds facts the curator knows (outlet, URL, date, title, language), and a manifest value beats an extracted one (\`*_source = 'manifest'\`). The pipeline decodes each input (UTF-8 only), normalises newlines, hashes the bytes (\`source_sha256\`), and rejects empty, binary, non-UTF-8, oversized and duplicate inputs with a reason. Cleaning keeps the article text as \`body\` and records every removed stretch of \`raw_text\` in \`boilerplate\` with its kind, so nothing is removed without a trace. Articles not in English are kept with their \`language\`; the extractors leave them alone.

## How it was made

Staged scripts (\`pipeline/stages/\`): ingest (decode, hash, reject) → clean (boilerplate out, metadata in) → dates → entities → quotes → link (corpus-wide entities and quote clusters) → validate (every row against its Zod schema and span) → publish (DuckDB). Every stage is a set of rules and word lists (\`pipeline/lexicon/\`), with a small trained tagger for entities; no large language model is involved and no text leaves the machine.

### Measured extraction quality

Measured by \`npm run eval\` on public dev sets that are not part of this dataset and that the rules were not written from; the figures are for this version of the code, not for these articles. An extractor without figures has not been measured yet.

${qualityTable(c.quality)}
### Entity linking

${c.linkRules}

### Training data of the entity tagger

${c.trainingData}

## Known limits and biases

- The extractors are English-only; articles in other languages are kept with their \`language\` and no extracted rows.
- Indirect (reported) speech is extracted only in its clearest forms; most quotes are direct or partial.
- Speakers resolved through pronouns and descriptions follow rules, not a coreference model; ambiguous cases stay unresolved (NULL) rather than guessed.
- Entity linking never merges across types and keeps ambiguous names apart, so one person may appear as two entities.
- Relative dates resolve against \`published_date\`; without it they stay in TIMEX3 form (\`XXXX-09-14\`).
- The rules and word lists were written for English news prose in Western naming conventions; names from other traditions, transliterated names and titles not in the lexicon are found less often, so counts of who is named or quoted under-count them.
- Who is quoted reflects the outlets' choices and the curator's choice of articles, not the world: counts across outlets compare coverage, not importance.
- Quote clusters join exact (normalised) wordings; a quote paraphrased or translated differently in two outlets is two clusters.

## Personal data

The speakers and the people named are real, identifiable people, mostly public figures acting in public roles, and the quotes are attributed to them as the outlets reported them; an attribution in this dataset says what an article claims, not what a person said, and may be an extraction error. No data was added beyond what the articles published: no contact details, no inference of sensitive attributes. Authors' bylines are published as printed. To have a person's data corrected or removed, open an issue in the repository: the build is reproducible, so a removal is a change to the inputs and a rebuild. Users must not use the data to profile private individuals.

## Distribution

The files above are published together, with \`SHA256SUMS\`, \`datapackage.json\` and \`croissant.json\` describing each file's size and hash. The extracted data and annotations are released under CC BY 4.0. The article text (${dropped}) remains the copyright of its publishers; a build with \`--text offsets\` publishes without it.

## Maintenance

The dataset is rebuilt from its inputs by \`npm run build-data\`; the published files are committed, so their history reads as a changelog, and \`CHANGELOG.md\` records each version with the SemVer rules for the schema (a removed or renamed column is a major version). Errors in extraction are fixed in the rules, measured again with \`npm run eval\`, and released as a new version; report them as issues with the row's id.

## Licence and citation

The extracted data and annotations are released under CC BY 4.0. The article text (\`body\`, \`raw_text\` and quoted text) remains the copyright of its publishers; build with \`--text offsets\` to publish without it. Please cite this dataset by name and version (${DATASET_TITLE}, ${DATASET_NAME} ${DATASET_VERSION}); \`CITATION.cff\` has the details.
`;
}
