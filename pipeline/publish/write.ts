// Rows → files, through DuckDB: the .duckdb database, Parquet (zstd), JSON Lines and CSV (csv-stringify),
// after checking keys, foreign keys and every span in SQL.
import { createReadStream } from "node:fs";
import { mkdir, open, stat, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { crashPoint } from "../failpoint.ts";
import { settleLater } from "../settle.ts";
import { textLines } from "../inputs.ts";
import { stringify } from "csv-stringify/sync";
import { TABLES, type TableDef } from "../../schemas/tables.ts";
import { columns } from "../stages/08-publish.ts";

export const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Cells a spreadsheet would run as a formula get a leading apostrophe; so do cells that already start with one before such a character, so the rule can be undone. */
export const FORMULA = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
export const escapeCell = (s: string): string => (FORMULA.test(s) ? `'${s}` : s);
export const unescapeCell = (s: string): string => (s.startsWith("'") && FORMULA.test(s.slice(1)) ? s.slice(1) : s);

/** Text columns left out under `--text offsets`. */
export const TEXT_COLUMNS: Record<string, string[]> = {
  articles: ["body", "raw_text"],
  boilerplate: ["text"],
  dates: [],
  mentions: ["text"],
  quotes: ["text"],
};

export type TextPolicy = "full" | "offsets";

export function publishedColumns(t: TableDef, policy: TextPolicy) {
  const drop = policy === "offsets" ? (TEXT_COLUMNS[t.name] ?? []) : [];
  return columns(t).filter((c) => !drop.includes(c.name));
}

const keyOrder = (t: TableDef) => t.key.map(q).join(", ");

/** Staged JSON Lines files (in `staging`) → typed tables in one DuckDB database, in `order`. */
async function load(con: DuckDBConnection, staging: string, maxLineBytes: number, order: readonly TableDef[]): Promise<void> {
  const maxObject = maxObjectSize(maxLineBytes);
  const read = async (t: TableDef, cols: Record<string, string>) => {
    const path = stagedFile(staging, t);
    // the runner stages every table, an empty one as an empty file: a missing file is a fault, not a table without rows
    const { size } = await stat(path).catch((e: unknown) => {
      throw new Error(`internal error: no staged rows file for ${t.name} (${path})`, { cause: e });
    });
    const spec = Object.entries(cols).map(([k, v]) => `${lit(k)}: ${lit(v)}`).join(", ");
    return size === 0 ? null : `read_json(${lit(path)}, format = 'newline_delimited', columns = {${spec}}, maximum_object_size = ${maxObject})`;
  };
  for (const t of order) {
    const cols = columns(t);
    // no PRIMARY KEY index: DuckDB keeps indexes in memory whatever the memory limit; keys are checked by contractChecks()
    await con.run(`CREATE TABLE ${q(t.name)} (${cols.map((c) => `${q(c.name)} ${c.duck}${c.nullable ? "" : " NOT NULL"}`).join(", ")})`);
    const typed = Object.fromEntries(cols.map((c) => [c.name, c.duck]));
    const source = await read(t, typed);
    const list = cols.map((c) => q(c.name)).join(", ");
    // a presorted table is staged in key order; every other is sorted once here. Either way every file is
    // then written from a plain scan in insertion order
    if (source) await con.run(`INSERT INTO ${q(t.name)} SELECT ${list} FROM ${source}${PRESORTED.has(t.name) ? "" : ` ORDER BY ${keyOrder(t)}`}`);
  }
}

/** DuckDB's JSON reader's `maximum_object_size` for staged lines of at most `maxLineBytes`: it needs a buffer as large as the longest line, and allocates twice that. */
export const maxObjectSize = (maxLineBytes: number): number => 2 ** Math.max(20, Math.ceil(Math.log2(maxLineBytes + 1)));

/** The staged JSON Lines file of a table's rows. */
const stagedFile = (staging: string, t: TableDef) => join(staging, `${t.name}.jsonl`);

/**
 * Tables whose rows carry whole texts: staged in key order by the runner (a sort in DuckDB would hold the
 * whole table's text), and checked to be in it. Every other table is sorted by one ORDER BY as it is loaded.
 */
export const PRESORTED: ReadonlySet<string> = new Set(["articles"]);

/** A group of contract checks that share one scan: `sql` returns one row with a count of offending rows per name. */
export interface Check {
  names: string[];
  sql: string;
  /** the same counts over the rows of the articles with ids in [lo, hi) (hi null: no upper bound) */
  sliced?: (lo: string, hi: string | null) => string;
}

/** Code points per piece of an article's text in the span checks; a span is read from two pieces in a row. */
export const SPAN_PIECE = 256;

/**
 * Pieces at most per article: a longer text (over SPAN_PIECE × SPAN_PIECES_MAX code points) is cut into this many
 * longer pieces. DuckDB copies an article's list of pieces into each row of the join with its spans, up to 2,048 rows
 * at once: an article at the input limit (2 MiB) with a date in every sentence, cut into pieces of 256, took 256 MiB
 * for one such copy and ran DuckDB out of memory. At most 64 pieces make 1 kB per row.
 */
export const SPAN_PIECES_MAX = 64;

/**
 * Tables whose span checks read from pieces, all in one query per slice of the articles, so the texts are cut once
 * for all of them. Cutting the texts into pieces costs a pass over every article: on the full corpus's tables (one
 * process each, 2026-12-03), each table cutting its own, the mentions' check took 19.1 s reading the whole text and
 * 6.9 s from pieces, while the dates' (15 spans per article) took 5.4 and 6.2 s, the quotes' 6.7 and 7.4 s and the
 * boilerplate's (which count into raw_text) 1.5 and 5.3 s.
 */
const SPAN_PIECE_TABLES: ReadonlySet<string> = new Set(["dates", "mentions", "quotes"]);

/** One span condition of a table: its name, the span's columns, and the SQL condition on the span's string s that counts a row. */
interface SpanCond {
  name: string;
  start: string;
  end: string;
  bad: (s: string) => string;
}

/** A table's span conditions (SPEC.md: substring(body, start + 1, end - start) = text), on its rows as `x`. */
function spanConds(t: TableDef): SpanCond[] {
  const conds: SpanCond[] = t.spans.map((sp) => ({
    name: `${t.name}: substring(${sp.into}, ${sp.start} + 1, ${sp.end} - ${sp.start}) = ${sp.text}`,
    start: sp.start,
    end: sp.end,
    bad: (s: string) => `x.${q(sp.start)} IS NOT NULL AND ${s} IS DISTINCT FROM x.${q(sp.text)}`,
  }));
  if (t.name === "quotes")
    conds.push(
      { name: "quotes: substring(body, start + 1, end - start) = text (quotes not interrupted)", start: "start", end: "end", bad: (s) => `x.text NOT LIKE '% … %' AND ${s} <> x.text` },
      {
        name: "quotes: the parts of an interrupted quote appear in its stretch in order",
        start: "start",
        end: "end",
        // the stretch starts with the first part and ends with the last, the others in order between them (earliest
        // match first); what is left of the stretch after each part, NULL once a part is missing. The same test as
        // regexp_full_match(stretch, 'part1.*part2.*…'), without compiling a pattern per row
        bad: (s) =>
          `CASE WHEN x.text LIKE '% … %' THEN list_reduce(string_split(x.text, ' … '), (rest, p, i) -> CASE WHEN rest IS NULL THEN NULL WHEN i = 1 THEN CASE WHEN starts_with(rest, p) THEN substring(rest, length(p) + 1) END WHEN i = len(string_split(x.text, ' … ')) THEN CASE WHEN ends_with(rest, p) THEN '' END WHEN position(p IN rest) > 0 THEN substring(rest, position(p IN rest) + length(p)) END, ${s}) IS NULL ELSE false END`,
      },
    );
  return conds;
}

/**
 * The span checks of `tables` (whose spans count into the same text), counted together. DuckDB's substring counts
 * code points from the start of the text, so reading a mention near the end of a long article walks the whole
 * article: on the full corpus these checks took 33 s, most of publishing's contract checks. With `pieces`, each
 * article's text is cut once into pieces of SPAN_PIECE code points (one pass of a regular expression), and a span
 * that lies within two pieces in a row is read from them instead; any other span (longer ones, or odd offsets) is
 * read from the whole text. Both give the same string, so the counts are the same either way. Each table's rows are
 * joined once with the slice's articles, which carry both their text and its pieces (a list, read by index): on the
 * full corpus's tables, with their pieces as rows instead (one per piece with the next one after it, and a join on
 * the article and the piece for each span column), these checks took 7.9-8.3 s, and 6.9-7.7 s this way (one process
 * each, alternating; 2026-12-04). Without `pieces`, every span is read from the whole text, with one join of the rows
 * and their articles.
 */
function spanCheck(tables: readonly TableDef[], pieces: boolean): Check | null {
  const P = SPAN_PIECE;
  const parts = tables.map((t) => ({ t, conds: spanConds(t) })).filter((p) => p.conds.length > 0);
  if (!parts.length) return null;
  const texts = new Set(parts.flatMap((p) => p.t.spans.map((sp) => sp.into)));
  if (texts.size !== 1) throw new Error(`internal error: span checks of ${tables.map((t) => t.name).join(", ")} count into ${[...texts].join(" and ")}`);
  const into = q([...texts][0]!);
  // an article's piece length, as `a.pl`
  const fits = (c: SpanCond) => {
    const [st, en] = [`x.${q(c.start)}`, `x.${q(c.end)}`];
    return `(${st} >= 0 AND ${en} >= ${st} AND ${st} % a.pl + ${en} - ${st} <= 2 * a.pl)`;
  };
  const len = (c: SpanCond) => `x.${q(c.end)} - x.${q(c.start)}`;
  const fromText = (c: SpanCond) => `substring(a.${into}, x.${q(c.start)} + 1, ${len(c)})`;
  const within = (col: string, lo: string | null, hi: string | null) =>
    lo === null ? "true" : `${col} >= ${lit(lo)}${hi === null ? "" : ` AND ${col} < ${lit(hi)}`}`;
  // the rows of the table in the slice, joined with their articles, spans read from the whole text
  const whole = (t: TableDef, conds: SpanCond[], lo: string | null, hi: string | null) =>
    `SELECT ${conds.map((c, i) => `count(*) FILTER (WHERE ${c.bad(fromText(c))}) AS n${i}`).join(", ")} FROM ${q(t.name)} x JOIN articles a USING (article_id) WHERE ${within("x.article_id", lo, hi)} AND ${within("a.article_id", lo, hi)}`;
  const make = (lo: string | null, hi: string | null) => {
    if (!pieces) {
      const sums = parts.flatMap((p, j) => p.conds.map((_, i) => `r${j}.n${i}`));
      return `SELECT ${sums.join(", ")} FROM ${parts.map((p, j) => `(${whole(p.t, p.conds, lo, hi)}) r${j}`).join(", ")}`;
    }
    // the slice's articles with their text cut into pieces (of `pl` code points), joined once with each table's rows: a
    // span that starts in piece k and fits in 2 pieces is read from pieces k and k + 1, any other from the whole text
    const counts = parts.map(({ t, conds }) => {
      const span = (c: SpanCond) => {
        const st = `x.${q(c.start)}`;
        return `CASE WHEN ${fits(c)} THEN substring(coalesce(a.ps[${st} // a.pl + 1], '') || coalesce(a.ps[${st} // a.pl + 2], ''), ${st} % a.pl + 1, ${len(c)}) ELSE ${fromText(c)} END`;
      };
      return `SELECT ${conds.map((c, i) => `count(*) FILTER (WHERE ${c.bad(span(c))}) AS n${i}`).join(", ")} FROM ${q(t.name)} x JOIN sa a USING (article_id) WHERE ${within("x.article_id", lo, hi)}`;
    });
    const sums = parts.flatMap((p, j) => p.conds.map((_, i) => `coalesce(s${j}.n${i}, 0)`));
    // a text's piece length is P up to SPAN_PIECES_MAX pieces, and its length over SPAN_PIECES_MAX (rounded up) beyond;
    // a text in pieces of P is cut by one pass of a regular expression, a longer one (rare) by SPAN_PIECES_MAX
    // substrings (RE2 repeats 1,000 times at most)
    const M = SPAN_PIECES_MAX;
    const cut = `CASE WHEN pl = ${P} THEN regexp_extract_all(${into}, '(?s).{1,${P}}') ELSE list_transform(range(0, ${M}), k -> substring(${into}, k * pl + 1, pl)) END`;
    return `WITH sa AS MATERIALIZED (SELECT article_id, ${into}, pl, ${cut} AS ps FROM (SELECT article_id, ${into}, greatest(${P}, (length(${into}) + ${M - 1}) // ${M}) AS pl FROM articles WHERE ${within("article_id", lo, hi)})) SELECT ${sums.join(", ")} FROM ${counts.map((c, j) => `(${c}) s${j}`).join(", ")}`;
  };
  return { names: parts.flatMap((p) => p.conds.map((c) => c.name)), sql: make(null, null), sliced: (lo, hi) => make(lo, hi) };
}

/**
 * SQL checks of the contract, in groups that share one scan. The span checks of a table (of the tables in
 * SPAN_PIECE_TABLES together) share one query with the articles, which checkCounts runs over a slice of the
 * articles at a time.
 */
export function contractChecks(): Check[] {
  const out: Check[] = [];
  const one = (name: string, sql: string) => out.push({ names: [name], sql });
  const pieced = TABLES.filter((t) => SPAN_PIECE_TABLES.has(t.name));
  for (const t of TABLES) {
    if (PRESORTED.has(t.name))
      one(`${t.name}: staged in key order`, `SELECT count(*) FROM (SELECT (${t.key.map(q).join(", ")}) < lag((${t.key.map(q).join(", ")})) OVER (ORDER BY rowid) AS back FROM ${q(t.name)}) WHERE back`);
    // by sorting, not hashing: a sort spills to disk, a hash table of millions of keys may not fit the memory ceiling
    const same = t.key.map((k) => `${q(k)} IS NOT DISTINCT FROM lag(${q(k)}) OVER w`).join(" AND ");
    one(`${t.name}: key unique`, `SELECT count(*) FROM (SELECT ${same} AS dup FROM ${q(t.name)} WINDOW w AS (ORDER BY ${keyOrder(t)})) WHERE dup`);
    for (const fk of t.foreignKeys) {
      const f = fk.fields[0]!;
      one(`${t.name}.${f} → ${fk.table}.${fk.reference[0]}`, `SELECT count(*) FROM ${q(t.name)} c WHERE c.${q(f)} IS NOT NULL AND c.${q(f)} NOT IN (SELECT ${q(fk.reference[0]!)} FROM ${q(fk.table)})`);
    }
    // the tables whose spans are read from pieces share one check, after the last of them
    const check = !SPAN_PIECE_TABLES.has(t.name) ? spanCheck([t], false) : t === pieced.at(-1) ? spanCheck(pieced, true) : null;
    if (check) out.push(check);
  }
  // against the mentions' distinct entities: a hash table of every mention's entity (millions of rows) took up to
  // 260 MB above the tables' own pages on the full corpus repeated to 150k articles, the distinct ones none
  one("every entity has a mention", `SELECT count(*) FROM entities WHERE entity_id NOT IN (SELECT DISTINCT entity_id FROM mentions)`);
  return out;
}

/**
 * Articles per slice joined by a span check: the join holds the slice's texts, not the whole corpus's (with
 * the other tables in key order, whose ids start with their article's, each slice reads a few of their row groups).
 */
export const CHECK_SLICE = 2000;

/** Offending rows per contract check (all zero for a dataset that keeps its contract). */
export async function checkCounts(con: DuckDBConnection, slice = CHECK_SLICE): Promise<Record<string, number>> {
  const bounds = (await con.runAndReadAll(`SELECT article_id FROM (SELECT article_id, row_number() OVER (ORDER BY article_id) - 1 AS r FROM articles) WHERE r % ${slice} = 0 ORDER BY article_id`))
    .getRows()
    .map((r) => String(r[0]));
  const counts: Record<string, number> = {};
  for (const c of contractChecks()) {
    c.names.forEach((name) => (counts[name] = 0));
    // no articles: a join with them has no rows
    for (const sql of c.sliced ? bounds.map((lo, k) => c.sliced!(lo, bounds[k + 1] ?? null)) : [c.sql]) {
      const row = (await con.runAndReadAll(sql)).getRows()[0]!;
      c.names.forEach((name, i) => (counts[name]! += Number(row[i])));
    }
  }
  return counts;
}

/** Each view's SQL; `offsets` is the variant used under `--text offsets` (the same view without the text columns). */
export const VIEWS: { name: string; what: string; sql: string; offsets?: string }[] = [
  {
    name: "quote_speakers",
    what: "one row per quote, with its speaker entity and its article's outlet, date and title",
    sql: `SELECT q.quote_id, q.article_id, a.outlet, a.published_date, a.title, q.kind, q.text, q.speaker, q.speaker_name, q.speaker_entity_id, e.type AS speaker_type, q.cue, q.attribution, q.cluster_id
FROM quotes q JOIN articles a USING (article_id) LEFT JOIN entities e ON e.entity_id = q.speaker_entity_id`,
    offsets: `SELECT q.quote_id, q.article_id, a.outlet, a.published_date, a.title, q.kind, q.start, q."end", q.speaker, q.speaker_name, q.speaker_entity_id, e.type AS speaker_type, q.cue, q.attribution, q.cluster_id
FROM quotes q JOIN articles a USING (article_id) LEFT JOIN entities e ON e.entity_id = q.speaker_entity_id`,
  },
  {
    name: "entity_articles",
    what: "one row per (article, entity): which entities each article names, how often, and first where",
    sql: `SELECT m.article_id, m.entity_id, e.name, e.type, count(*)::INTEGER AS mentions, min(m.start) AS first_start
FROM mentions m JOIN entities e USING (entity_id) GROUP BY m.article_id, m.entity_id, e.name, e.type`,
  },
  {
    name: "shared_quotes",
    what: "one row per quote cluster that spans more than one outlet",
    sql: `SELECT q.cluster_id, count(*)::INTEGER AS quotes, count(DISTINCT q.article_id)::INTEGER AS articles, count(DISTINCT a.outlet)::INTEGER AS outlets,
  list(DISTINCT a.outlet ORDER BY a.outlet) AS outlet_names, min(q.text) AS text, list(DISTINCT q.speaker_name ORDER BY q.speaker_name) FILTER (WHERE q.speaker_name IS NOT NULL) AS speakers
FROM quotes q JOIN articles a USING (article_id) GROUP BY q.cluster_id HAVING count(DISTINCT coalesce(a.outlet, a.article_id)) > 1`,
    offsets: `SELECT q.cluster_id, count(*)::INTEGER AS quotes, count(DISTINCT q.article_id)::INTEGER AS articles, count(DISTINCT a.outlet)::INTEGER AS outlets,
  list(DISTINCT a.outlet ORDER BY a.outlet) AS outlet_names, min(q.quote_id) AS first_quote_id, list(DISTINCT q.speaker_name ORDER BY q.speaker_name) FILTER (WHERE q.speaker_name IS NOT NULL) AS speakers
FROM quotes q JOIN articles a USING (article_id) GROUP BY q.cluster_id HAVING count(DISTINCT coalesce(a.outlet, a.article_id)) > 1`,
  },
  {
    name: "timeline",
    what: "one row per temporal expression whose year is known, in date order, with its sentence",
    sql: `SELECT d.date_id, d.article_id, a.outlet, d.value, d.date, d.precision, d.type, d.text, d.anchor,
  substring(a.body, d.sentence_start + 1, d.sentence_end - d.sentence_start) AS sentence
FROM dates d JOIN articles a USING (article_id) WHERE regexp_matches(d.value, '^\\d{4}')`,
    offsets: `SELECT d.date_id, d.article_id, a.outlet, d.value, d.date, d.precision, d.type, d.text, d.anchor, d.sentence_start, d.sentence_end
FROM dates d JOIN articles a USING (article_id) WHERE regexp_matches(d.value, '^\\d{4}')`,
  },
];

/** A row's string cells as the CSV files hold them: a formula's first character escaped (escapeCell). */
const escaped = (row: unknown[]) => row.map((v) => (typeof v === "string" ? escapeCell(v) : v));

/** Rows written to a CSV file through `out`: `emit` formats and writes a batch (CSV_ROWS at most), `rows` counts them. */
function csvBatches(out: TextSink): { emit: (recs: unknown[][]) => Promise<void>; rows: () => number } {
  let rows = 0;
  return {
    // one csv-stringify call per CSV_ROWS rows: far faster than a record-at-a-time stream, and its text small enough
    // to be made and dropped in V8's young generation (a chunk's text at once was hundreds of kB, each one new pages)
    emit: (recs) => {
      rows += recs.length;
      return out.write(stringify(recs, { header: false, quoted_string: true, record_delimiter: "\n", eof: true }));
    },
    rows: () => rows,
  };
}

/** The CSV header: unquoted (plain identifiers); every string cell is quoted, so "" is the empty string and an empty field is NULL. */
const csvHeader = (cols: readonly { name: string }[]) => `${cols.map((c) => c.name).join(",")}\n`;

/**
 * Writes the CSV and JSON Lines files of a table of whole texts (PRESORTED), `outDir`/csv/NAME.csv and
 * `outDir`/json/NAME.jsonl, from its staged file in one pass; returns its rows. DuckDB loads that file as it is, in
 * its order (the table's insertion order, checked to be key order), so each cell is as DuckDB gives it, and each
 * JSON line is the one DuckDB's COPY … (FORMAT json) writes (duckJson). Read back from DuckDB instead, a slice of
 * row ids at a time, the rows came from a table spilled to its temporary files: on the full corpus's staged tables
 * the articles' CSV took 23 s beside the contract checks, and 13 s alone this way (2026-12-04); and DuckDB's JSON
 * copy of the articles was the moment publishing held the most memory (2026-12-07). It needs no DuckDB, so the
 * build starts it as soon as the articles are staged in key order, while the link thread links (see `pipeline/run.ts`).
 */
export async function writeStagedText(staging: string, t: TableDef, policy: TextPolicy, outDir: string): Promise<number> {
  if (!PRESORTED.has(t.name)) throw new Error(`internal error: ${t.name} is not staged in key order`);
  const cols = publishedColumns(t, policy);
  const csv = new TextSink(join(outDir, "csv", `${t.name}.csv`));
  const json = new TextSink(join(outDir, "json", `${t.name}.jsonl`));
  const { emit, rows } = csvBatches(csv);
  try {
    await csv.write(csvHeader(cols));
    let recs: unknown[][] = [];
    let chars = 0;
    for await (const line of textLines(createReadStream(stagedFile(staging, t), { highWaterMark: 1 << 20 }))) {
      const row = JSON.parse(line) as Record<string, unknown>;
      // the published columns, in order, a missing value as null
      const vals = cols.map((c) => row[c.name] ?? null);
      await json.write(`${duckJson(Object.fromEntries(cols.map((c, i) => [c.name, vals[i]])))}\n`);
      recs.push(escaped(cols.map((c, i) => (vals[i] !== null && c.duck === "VARCHAR[]" ? duckJson(vals[i]) : vals[i]))));
      chars += line.length;
      if (recs.length === CSV_ROWS || chars >= CSV_CHARS) {
        await emit(recs);
        recs = [];
        chars = 0;
      }
    }
    if (recs.length) await emit(recs);
  } finally {
    await Promise.all([csv.close(), json.close()]);
  }
  return rows();
}

async function writeCsv(con: DuckDBConnection, t: TableDef, policy: TextPolicy, path: string): Promise<number> {
  const cols = publishedColumns(t, policy);
  const cell = (c: (typeof cols)[number]) => (c.duck === "VARCHAR[]" ? `to_json(${q(c.name)})::VARCHAR` : c.duck === "DATE" ? `CAST(${q(c.name)} AS VARCHAR)` : q(c.name));
  const out = new TextSink(path);
  const { emit, rows } = csvBatches(out);
  try {
    await out.write(csvHeader(cols));
    // narrow rows as one JSON array each: one value to bring into JavaScript instead of one per cell,
    // which costs more than the CSV formatting
    const result = await con.stream(`SELECT to_json([${cols.map((c) => `to_json(${cell(c)})`).join(", ")}])::VARCHAR FROM ${q(t.name)}`);
    for await (const lines of chunkStrings(result)) {
      // each row parsed as its batch is formatted, not the chunk's 2,048 rows first: what is alive when V8
      // collects its young generation is one batch's values, not a chunk's. On 10,000 articles the runner's
      // collections while it wrote the mentions' CSV took 0.22 s instead of 1.34 s, and 0.48 s instead of
      // 2.46 s for all the narrow tables (2026-12-04)
      for (let i = 0; i < lines.length; i += CSV_ROWS) {
        const recs: unknown[][] = [];
        for (let k = i; k < lines.length && k < i + CSV_ROWS; k++) recs.push(escaped(JSON.parse(lines[k]!) as unknown[]));
        await emit(recs);
      }
    }
  } finally {
    await out.close();
  }
  return rows();
}

/**
 * A value (a row, a list of strings) as DuckDB's to_json and COPY … (FORMAT json) write it: as JSON.stringify does,
 * but with the hex digits of a \u escape (a control character) in upper case.
 */
export function duckJson(v: unknown): string {
  const s = JSON.stringify(v);
  return !s.includes("\\u") ? s : s.replace(/\\(?:\\|u[0-9a-f]{4})/g, (m) => (m.length === 2 ? m : `\\u${m.slice(2).toUpperCase()}`));
}

/** Rows formatted by one csv-stringify call. */
const CSV_ROWS = 128;
/**
 * Characters of staged JSON (whole texts) after which a batch is formatted even if it has fewer rows: V8 makes a
 * string of over 128 kB (64k characters of UTF-16) in pages of its own, new pages that the system must fault in,
 * where a smaller one reuses its young generation's.
 */
const CSV_CHARS = 32_768;

/**
 * Text written to a file through two reused buffers, one filled while the other is written: no new memory per
 * write, where a stream takes a new buffer for each string it is given (on the full corpus's tables, a million page
 * faults in this thread). The writes are not synchronous: under the kernel's throttling of dirty pages they would
 * hold up this thread, which also runs the other publishing lane's steps.
 */
export class TextSink {
  private readonly fd: Promise<FileHandle>;
  private bufs: Buffer[] = [Buffer.allocUnsafeSlow(SINK_BYTES), Buffer.allocUnsafeSlow(SINK_BYTES)];
  private used = 0;
  /** the write of the other buffer, if one is under way */
  private pending: Promise<void> = Promise.resolve();
  constructor(path: string) {
    this.fd = open(path, "w");
    this.fd.catch(() => {}); // awaited by every write and by close
  }
  async write(s: string): Promise<void> {
    // at most 3 bytes per UTF-16 unit
    if (this.used + 3 * s.length > SINK_BYTES) await this.flush();
    if (3 * s.length > SINK_BYTES) {
      await this.pending;
      const b = Buffer.from(s);
      await writeAll(await this.fd, b, b.length);
      return;
    }
    this.used += this.bufs[0]!.write(s, this.used);
  }
  /** starts writing what was written so far; resolves once the other buffer is free to fill */
  async flush(): Promise<void> {
    const [full, next] = this.bufs as [Buffer, Buffer];
    const n = this.used;
    await this.pending;
    const fd = await this.fd;
    this.pending = writeAll(fd, full, n);
    this.pending.catch(() => {}); // awaited by the next flush or by close
    this.bufs = [next, full];
    this.used = 0;
  }
  async close(): Promise<void> {
    try {
      await this.flush();
      await this.pending;
    } finally {
      await (await this.fd).close();
    }
  }
}
const SINK_BYTES = 1 << 20;

async function writeAll(fd: FileHandle, b: Buffer, n: number): Promise<void> {
  for (let at = 0; at < n; ) at += (await fd.write(b, at, n - at)).bytesWritten;
}

/** What chunkStrings reads: a streamed result's chunks (DuckDBResult's `fetchChunk`). */
export interface ChunkSource {
  fetchChunk(): Promise<{ rowCount: number; getColumnVector(i: number): { getItem(k: number): unknown } } | null>;
}

/**
 * The strings of a streamed one-column result, a chunk at a time, each chunk's copied into JavaScript before the next
 * is asked for; DuckDB makes the next chunk while the caller works on this one (half the time of fetching on demand).
 * A chunk's strings are DuckDB's memory, freed once V8 collects the chunk's object, and a vector does not hold its
 * chunk: read across awaits, as rows were before, a chunk whose object was no longer used was collected while its
 * rows were still to be read, and a row could come from memory the next chunk had taken. Publishing the corpus
 * repeated to 150k articles in a scratch run with DuckDB's allocator background threads on failed once so, on a
 * mention row that read as the end of one row and the start of the next (2026-12-07).
 */
export async function* chunkStrings(result: ChunkSource): AsyncGenerator<string[]> {
  for (let next = ahead(result.fetchChunk()); ; ) {
    const chunk = await next;
    const n = chunk?.rowCount ?? 0; // a call into DuckDB each time it is read
    if (!chunk || n === 0) return;
    const column = chunk.getColumnVector(0);
    const lines = new Array<string>(n);
    for (let k = 0; k < n; k++) lines[k] = column.getItem(k) as string;
    // the chunk is used once more, after its strings are copied: its object is not collected before
    if (chunk.rowCount !== n) throw new Error("internal error: a chunk of a DuckDB result changed while it was read");
    next = ahead(result.fetchChunk());
    yield lines;
  }
}

/** A promise fetched ahead of its use: a rejection is handled where it is awaited, or ignored if the caller failed first. */
function ahead<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

/** Freed pages go back to the system after 100 ms (jemalloc's default decay is about a second). */
const JEMALLOC_CONF = "dirty_decay_ms:100,muzzy_decay_ms:0";

/**
 * DuckDB's memory ceiling while publishing (`NQ_DUCKDB_MEMORY` overrides it), for staged lines of at most
 * `maxLineBytes`; it spills to disk beyond it. 256 MiB, or more where the longest line needs DuckDB's JSON reader's
 * buffers (twice its `maximum_object_size`, maxObjectSize, in each of its two threads) to take more than half of it. It
 * holds since the span checks join a slice of the articles at a time, with at most SPAN_PIECES_MAX pieces of each
 * text, and the CSV lane waits for every table to be loaded: with that lane reading a table while DuckDB sorted the
 * mentions as it loaded them, 256 MB ran out of memory in two runs of three on the full corpus's staged tables;
 * waiting, in none of five, nor in two at 150k articles, where publishing then peaked at 591 and 616 MB against 758
 * and 780 MB under 384 MB without waiting (2026-12-07, README). The bad-input suite and an article at the input limit
 * with a date in every sentence publish under 200 MiB.
 */
export function duckdbMemory(maxLineBytes: number): string {
  return process.env.NQ_DUCKDB_MEMORY ?? `${Math.max(256, 128 + 4 * (maxObjectSize(maxLineBytes) / 2 ** 20))}MiB`;
}

export interface PublishResult {
  counts: Record<string, number>;
  files: string[];
  /** earliest and latest published_date of the articles, when any has one */
  dateRange: [string, string] | null;
  /** articles per detected language ("und" where none was detected) */
  languages: Record<string, number>;
}

/** Builds every data file in `outDir` from the staged rows; throws before the caller swaps anything in when a check fails. */
export async function writeDataset(
  staging: string,
  outDir: string,
  dbName: string,
  policy: TextPolicy,
  maxLineBytes: number,
  /** told of each data file (its path in `outDir`) once it is written in full */
  written: (file: string) => void = () => {},
  /**
   * CSV and JSON Lines files of tables of whole texts that the caller is writing already (writeStagedText, to
   * `outDir`/csv/NAME.csv and `outDir`/json/NAME.jsonl), by table name: each one's rows once both are written.
   * Publishing waits for them instead of writing them, and fails if one fails.
   */
  early: ReadonlyMap<string, Promise<number>> = new Map(),
): Promise<PublishResult> {
  for (const name of early.keys()) if (!PRESORTED.has(name)) throw new Error(`internal error: the CSV file of ${name} cannot be written before its table is loaded`);
  for (const d of ["parquet", "csv", "json"]) await mkdir(join(outDir, d), { recursive: true });
  const dbFile = join(outDir, `${dbName}.duckdb`);
  // DuckDB's bundled jemalloc keeps freed pages for about a second before handing them back to the system;
  // publishing frees and allocates hundreds of MB a second, so the process held several hundred MB more than
  // DuckDB used. Handing them back at once kept the peak near the ceiling but faulted the same pages in again
  // and again (on the full corpus's staged tables 114 s, 78 s of them in the kernel); 100 ms keeps most of
  // the reuse (71-79 s) for about 80 MB more at the peak (871-877 MB against 793 MB). jemalloc
  // reads this when DuckDB's library is loaded, hence the import here (it has no effect on a process that
  // loaded DuckDB before).
  process.env.DUCKDB_JE_MALLOC_CONF ??= JEMALLOC_CONF;
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const inst = await DuckDBInstance.create(dbFile);
  const con = await inst.connect();
  try {
    await con.run(`SET TimeZone = 'UTC'`);
    // bounded memory whatever the corpus size: DuckDB spills to the build's work folder beyond this
    await con.run(`SET memory_limit = '${duckdbMemory(maxLineBytes)}'`);
    // DuckDB's block allocator is left off (block_allocator_memory 0, its default): it keeps every buffer page it has
    // touched until publishing ends, about 100 MB more at publishing's peak for 2-8 % less time (2026-12-07, README)
    await con.run(`SET temp_directory = ${lit(join(staging, "duckdb-spill"))}`);
    // Two lanes side by side, each on a connection of its own. One loads the tables, runs the contract checks and
    // then makes the Parquet files; the other writes the CSV files (formatted in this thread while DuckDB loads and
    // checks): those of the tables of whole texts, with their JSON Lines files, from their staged files at once (or
    // waits for them, when the caller started them: `early`), the others once every table is loaded (reading a
    // table while DuckDB sorted another as it loaded it took more than its ceiling: `duckdbMemory`); then the other
    // JSON Lines files once the checks are done. The Parquet
    // copies of the narrow tables go to whichever lane is free first. The files go to the build's work folder, so a
    // failed check still publishes nothing. The copies run on one thread each: a second does not make the text
    // formats faster (the writing is serial) but holds hundreds of MB of rows formatted ahead of their turn. The
    // checks' sorts and joins are not run beside the copies (together they need more than DuckDB's memory ceiling),
    // and the narrow tables' CSV files are written in the order they are loaded, the other order from the Parquet
    // copies'. DuckDB makes one copy of whole texts, the Parquet one: two at once ran out of its memory. On the full
    // corpus's staged tables (2026-12-03) the CSV files were done 20 s before the checks, and the copies after the
    // checks took 20 s in one lane, about 13 s shared this way.
    const files = TABLES.flatMap((t) => [`parquet/${t.name}.parquet`, `csv/${t.name}.csv`, `json/${t.name}.jsonl`]);
    const order = [...TABLES].reverse();
    const loaded = settleLater();
    const checked = settleLater();
    const published = (t: TableDef) => `SELECT ${publishedColumns(t, policy).map((c) => q(c.name)).join(", ")} FROM ${q(t.name)}`;
    const parquet = async (c: DuckDBConnection, t: TableDef) => {
      await c.run(`COPY (${published(t)}) TO ${lit(join(outDir, "parquet", `${t.name}.parquet`))} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${PRESORTED.has(t.name) ? 2000 : 122880})`);
      written(`parquet/${t.name}.parquet`);
    };
    // the Parquet copies of whole texts in the first lane, first; those of the other tables in either lane, whichever is free
    const wide = TABLES.filter((t) => PRESORTED.has(t.name));
    const narrow = TABLES.filter((t) => !PRESORTED.has(t.name));
    // the narrow tables in the order they are loaded (drain takes them in the other order)
    const narrowLoaded = order.filter((t) => !PRESORTED.has(t.name));
    const drain = async (c: DuckDBConnection) => {
      for (let t = narrow.shift(); t; t = narrow.shift()) await parquet(c, t);
    };
    const counts: Record<string, number> = {};
    const csvLane = await inst.connect();
    try {
      const settled = await Promise.allSettled([
        (async () => {
          try {
            // insertion order is kept (the default): presorted tables are published in it
            await load(con, staging, maxLineBytes, order).catch((e: unknown) => {
              loaded.reject(e);
              throw e;
            });
            loaded.resolve();
            for (const t of TABLES) counts[t.name] = Number((await con.runAndReadAll(`SELECT count(*) FROM ${q(t.name)}`)).getRows()[0]![0]);
            const failed = Object.entries(await checkCounts(con))
              .filter(([, n]) => n !== 0)
              .map(([name, n]) => `${name}: ${n} row(s)`);
            if (failed.length) throw new Error(`the dataset breaks its contract; nothing was published:\n  ${failed.join("\n  ")}`);
            await con.run("SET threads = 1");
            checked.resolve();
            for (const t of wide) {
              await parquet(con, t);
              crashPoint("publish-first-table");
            }
            await drain(con);
          } catch (e) {
            checked.reject(e);
            throw e;
          }
        })(),
        (async () => {
          // the tables of whole texts first, from their staged files while DuckDB loads, then the others once every
          // table is loaded
          const csvRows = new Map<string, number>();
          for (const t of wide) {
            csvRows.set(t.name, await (early.get(t.name) ?? writeStagedText(staging, t, policy, outDir)));
            written(`csv/${t.name}.csv`);
            written(`json/${t.name}.jsonl`);
          }
          await loaded.promise;
          for (const t of narrowLoaded) {
            csvRows.set(t.name, await writeCsv(csvLane, t, policy, join(outDir, "csv", `${t.name}.csv`)));
            written(`csv/${t.name}.csv`);
          }
          await checked.promise;
          for (const t of wide)
            if (csvRows.get(t.name) !== counts[t.name]) throw new Error(`internal error: ${csvRows.get(t.name)} rows in ${t.name}.csv and .jsonl for ${counts[t.name]} in the table`);
          for (const t of narrowLoaded) {
            await csvLane.run(`COPY (${published(t)}) TO ${lit(join(outDir, "json", `${t.name}.jsonl`))} (FORMAT json)`);
            written(`json/${t.name}.jsonl`);
          }
          await drain(csvLane);
        })(),
      ]);
      const failure = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failure) throw failure.reason;
    } finally {
      csvLane.closeSync();
    }
    await con.run("RESET threads");
    if (policy === "offsets")
      for (const t of TABLES) for (const c of TEXT_COLUMNS[t.name] ?? []) await con.run(`ALTER TABLE ${q(t.name)} DROP COLUMN ${q(c)}`);
    for (const v of VIEWS) await con.run(`CREATE VIEW ${q(v.name)} AS ${policy === "offsets" && v.offsets !== undefined ? v.offsets : v.sql}`);
    const range = (await con.runAndReadAll(`SELECT CAST(min(published_date) AS VARCHAR), CAST(max(published_date) AS VARCHAR) FROM articles`)).getRows()[0]!;
    const dateRange: [string, string] | null = range[0] === null || range[1] === null ? null : [String(range[0]), String(range[1])];
    const languages: Record<string, number> = {};
    for (const [l, n] of (await con.runAndReadAll(`SELECT coalesce(language, 'und'), count(*) FROM articles GROUP BY ALL ORDER BY 1`)).getRows()) languages[String(l)] = Number(n);
    await con.run("CHECKPOINT");
    return { counts, files, dateRange, languages };
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}
