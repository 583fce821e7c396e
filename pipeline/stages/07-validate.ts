// Turns one article's records into table rows and checks every row before anything is written:
// its schema, its span against the text it points into, and key uniqueness.
import { z } from "zod";
import { QuotedArticle, type RejectRecord } from "../../schemas/records.ts";
import { ArticleRow, BoilerplateRow, DateRow, EntityRow, MentionRow, QuoteRow, RejectRow } from "../../schemas/tables.ts";
import { runStage, StageError, type Stage } from "../stage.ts";
import { countWords, paragraphSpans, rowId, sentenceSpansAt, spanAt } from "../text.ts";

/** Mention and quote rows before the corpus-wide link fills their entity and cluster columns. */
export const StagedMentionRow = MentionRow.omit({ entity_id: true }).extend({ type: z.string() });
export const StagedQuoteRow = QuoteRow.omit({ speaker_entity_id: true, speaker_name: true, cluster_id: true }).extend({
  speaker_mention: z.number().int().nonnegative().nullable(),
  /** JSON array of [start, end] parts of an interrupted quote */
  fragments: z.array(z.tuple([z.number().int(), z.number().int()])),
});

export const ArticleRows = z.object({
  article: ArticleRow,
  boilerplate: z.array(BoilerplateRow),
  dates: z.array(DateRow),
  mentions: z.array(StagedMentionRow),
  quotes: z.array(StagedQuoteRow),
});
export type ArticleRows = z.infer<typeof ArticleRows>;

export interface Issue {
  table: string;
  key: string;
  field: string;
  value: unknown;
  rule: string;
}

export class ValidationError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const shown = issues.slice(0, 20).map((i) => `  ${i.table} ${JSON.stringify(i.key)} .${i.field} = ${JSON.stringify(i.value)?.slice(0, 120)}: ${i.rule}`);
    super(`${issues.length} row(s) break the dataset contract; nothing was published:\n${shown.join("\n")}${issues.length > 20 ? `\n  … and ${issues.length - 20} more` : ""}`);
    this.name = "ValidationError";
    this.issues = issues;
  }
}

/** Builds the rows of one article (JavaScript offsets; ids assigned in body order). */
export function toRows(a: QuotedArticle): ArticleRows {
  const id = a.article_id;
  const sentences = a.dates.length ? sentenceSpansAt(a.body, a.dates.map((d) => d.start)) : [];
  const sentenceOf = (start: number, end: number): [number, number] => {
    const s = spanAt(sentences, start);
    return s ? [s[0], Math.max(s[1], end)] : [start, end];
  };
  return {
    article: {
      article_id: id,
      source_path: a.source_path,
      source_sha256: a.source_sha256,
      title: a.title,
      subtitle: a.subtitle,
      outlet: a.outlet,
      outlet_source: a.outlet_source,
      republisher: a.republisher,
      authors: a.authors,
      dateline_place: a.dateline_place,
      published_date: a.published_date,
      published_date_source: a.published_date_source,
      language: a.language,
      body: a.body,
      raw_text: a.raw_text,
      paragraph_count: paragraphSpans(a.body).length,
      word_count: countWords(a.body),
    },
    boilerplate: a.boilerplate.map((b, i) => ({ boilerplate_id: rowId(id, "b", i), article_id: id, ...b })),
    dates: a.dates.map((d, i) => {
      const [sentence_start, sentence_end] = sentenceOf(d.start, d.end);
      return { date_id: rowId(id, "d", i), article_id: id, ...d, sentence_start, sentence_end };
    }),
    mentions: a.mentions.map((m, i) => ({ mention_id: rowId(id, "m", i), article_id: id, text: m.text, start: m.start, end: m.end, type: m.type })),
    quotes: a.quotes.map((q, i) => ({
      quote_id: rowId(id, "q", i),
      article_id: id,
      text: q.text,
      start: q.start,
      end: q.end,
      kind: q.kind,
      speaker: q.speaker,
      speaker_start: q.speaker_start,
      speaker_end: q.speaker_end,
      cue: q.cue,
      attribution: q.attribution,
      speaker_mention: q.speaker_mention,
      fragments: q.fragments.map((f): [number, number] => [f.start, f.end]),
    })),
  };
}

function schemaIssues(table: string, keyField: string, schema: z.ZodType, rows: readonly Record<string, unknown>[], out: Issue[]): void {
  for (const row of rows) {
    const r = schema.safeParse(row);
    if (r.success) continue;
    for (const e of r.error.issues) {
      const field = e.path.map(String).join(".") || "(row)";
      let value: unknown = row;
      for (const p of e.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[p as PropertyKey];
      out.push({ table, key: String(row[keyField] ?? "?"), field, value, rule: e.message });
    }
  }
}

function spanIssue(table: string, key: string, text: string, start: number | null, end: number | null, want: string | null, field: string, out: Issue[]) {
  if (start === null || end === null || want === null) {
    if (!(start === null && end === null && want === null)) out.push({ table, key, field, value: [start, end, want], rule: "span and text are NULL together" });
    return;
  }
  if (!(start <= end && end <= text.length)) out.push({ table, key, field, value: [start, end], rule: `0 <= start <= end <= length of the text (${text.length})` });
  else if (text.slice(start, end) !== want) out.push({ table, key, field, value: want, rule: `text at [${start}, ${end}) is ${JSON.stringify(text.slice(start, end))}` });
}

/**
 * Every issue in one article's rows; [] when all hold. Offsets are JavaScript offsets here. Without `schemas`, only
 * what the row schemas do not say (spans, parts, indexes): the validate stage leaves the schemas to the parse of
 * its output, and lists every issue when either finds one.
 */
export function articleIssues(r: ArticleRows, schemas = true): Issue[] {
  const out: Issue[] = [];
  const { body, raw_text } = r.article;
  if (schemas) {
    schemaIssues("articles", "article_id", ArticleRow, [r.article], out);
    schemaIssues("boilerplate", "boilerplate_id", BoilerplateRow, r.boilerplate, out);
    schemaIssues("dates", "date_id", DateRow, r.dates, out);
    schemaIssues("mentions", "mention_id", StagedMentionRow, r.mentions, out);
    schemaIssues("quotes", "quote_id", StagedQuoteRow, r.quotes, out);
  }
  for (const b of r.boilerplate) spanIssue("boilerplate", b.boilerplate_id, raw_text, b.start, b.end, b.text, "text", out);
  // an author is traced to the characters it came from: the byline, one of the article's boilerplate rows
  for (const a of r.article.authors)
    if (!r.boilerplate.some((b) => b.text.includes(a)))
      out.push({ table: "articles", key: r.article.article_id, field: "authors", value: a, rule: "written in one of the article's boilerplate rows (its byline)" });
  for (const d of r.dates) spanIssue("dates", d.date_id, body, d.start, d.end, d.text, "text", out);
  for (const m of r.mentions) spanIssue("mentions", m.mention_id, body, m.start, m.end, m.text, "text", out);
  for (const q of r.quotes) {
    spanIssue("quotes", q.quote_id, body, q.speaker_start, q.speaker_end, q.speaker, "speaker", out);
    const parts = q.fragments.map(([s, e]) => body.slice(s, e));
    if (q.fragments.length === 1) spanIssue("quotes", q.quote_id, body, q.start, q.end, q.text, "text", out);
    else if (parts.join(" … ") !== q.text) out.push({ table: "quotes", key: q.quote_id, field: "text", value: q.text, rule: "parts of an interrupted quote joined with ' … '" });
    const first = q.fragments[0];
    const last = q.fragments[q.fragments.length - 1];
    if (first && last && (first[0] !== q.start || last[1] !== q.end)) out.push({ table: "quotes", key: q.quote_id, field: "start", value: [q.start, q.end], rule: "start/end cover the parts" });
    if (q.speaker_mention !== null && q.speaker_mention >= r.mentions.length)
      out.push({ table: "quotes", key: q.quote_id, field: "speaker_mention", value: q.speaker_mention, rule: "an index into the article's mentions" });
  }
  return out;
}

export function rejectIssues(rows: RejectRecord[]): Issue[] {
  const out: Issue[] = [];
  schemaIssues("rejects", "source_path", RejectRow, rows, out);
  return out;
}

export function entityIssues(rows: readonly z.input<typeof EntityRow>[]): Issue[] {
  const out: Issue[] = [];
  schemaIssues("entities", "entity_id", EntityRow, rows, out);
  const seen = new Set<string>();
  for (const e of rows) {
    if (seen.has(e.entity_id)) out.push({ table: "entities", key: e.entity_id, field: "entity_id", value: e.entity_id, rule: "unique" });
    seen.add(e.entity_id);
  }
  return out;
}

export const validate: Stage<typeof ArticleRows, typeof ArticleRows> = {
  name: "validate",
  version: 1,
  input: ArticleRows,
  output: ArticleRows,
  run(rows) {
    if (articleIssues(rows, false).length) throw new ValidationError(articleIssues(rows));
    return rows;
  },
};

/** Runs the validate stage: any issue, of a span or of a row's schema, fails it with every issue listed. */
export function validateRows(rows: ArticleRows, key: string): ArticleRows {
  try {
    return runStage(validate, rows, key);
  } catch (e) {
    if (e instanceof StageError && e.cause instanceof z.ZodError) {
      const issues = articleIssues(rows);
      if (issues.length) throw new ValidationError(issues);
    }
    throw e;
  }
}
