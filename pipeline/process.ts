// One input through the per-article stages. Pure: the runner (or a worker) calls it and does the I/O.
import type { QuotedArticle, RejectRecord, SourceInput } from "../schemas/records.ts";
import { runStage } from "./stage.ts";
import { clean, dates, entities, ingest, publish, quotes } from "./stages/index.ts";
import type { LinkArticle } from "./stages/06-link.ts";
import { toRows, validateRows, type ArticleRows } from "./stages/07-validate.ts";
import { acronymPairs } from "./link/entities.ts";
import { quoteWords } from "./link/quotes.ts";

export const ARTICLE_STAGES = ["ingest", "clean", "dates", "entities", "quotes"] as const;
export type ArticleStage = (typeof ARTICLE_STAGES)[number];

/** The per-article tables, in the order their rows are staged. */
export const ROW_TABLES = ["articles", "boilerplate", "dates", "mentions", "quotes"] as const;
export type RowTable = (typeof ROW_TABLES)[number];

/**
 * One article's rows as JSON Lines, UTF-8 encoded where the article was processed: a worker hands the bytes
 * over without a copy, and the runner only writes them (no text to decode, encode or collect in its heap).
 */
export interface StagedArticle {
  article_id: string;
  source_path: string;
  source_sha256: string;
  /** each its own ArrayBuffer, so it can be transferred */
  jsonl: Record<RowTable, Uint8Array>;
  rows: Record<RowTable, number>;
  /** bytes of the article's line (newline included), the longest line */
  maxBytes: number;
}

export type Processed =
  | { kind: "reject"; reject: RejectRecord }
  | { kind: "article"; staged: StagedArticle; link: LinkArticle }
  | { kind: "partial"; stage: ArticleStage; record: unknown };

/** Runs one input up to `until` (all per-article stages by default). */
export function processSource(source: SourceInput, until: ArticleStage | null = null): Processed {
  const key = source.id ?? source.source_path;
  const ing = runStage(ingest, source, key);
  if (ing.kind === "reject") return { kind: "reject", reject: ing.reject };
  const stop = (stage: ArticleStage, record: unknown): Processed | null => (until === stage ? { kind: "partial", stage, record } : null);
  const id = ing.article.article_id;
  const raw = ing.article;
  const r0 = stop("ingest", raw);
  if (r0) return r0;
  const c = runStage(clean, raw, id);
  const r1 = stop("clean", c);
  if (r1) return r1;
  const d = runStage(dates, c, id);
  const r2 = stop("dates", d);
  if (r2) return r2;
  const e = runStage(entities, d, id);
  const r3 = stop("entities", e);
  if (r3) return r3;
  const q = runStage(quotes, e, id);
  const r4 = stop("quotes", q);
  if (r4) return r4;
  return finish(q);
}

const UTF8 = new TextEncoder();

/** The buffers a worker hands over with a result instead of copying them. */
export function transferables(p: Processed): ArrayBuffer[] {
  return p.kind === "article" ? ROW_TABLES.map((t) => p.staged.jsonl[t].buffer as ArrayBuffer) : [];
}

function stage(rows: ArticleRows): StagedArticle {
  const lists: Record<RowTable, unknown[]> = { articles: [rows.article], boilerplate: rows.boilerplate, dates: rows.dates, mentions: rows.mentions, quotes: rows.quotes };
  const jsonl = {} as Record<RowTable, Uint8Array>;
  const counts = {} as Record<RowTable, number>;
  for (const t of ROW_TABLES) {
    jsonl[t] = UTF8.encode(lists[t].map((r) => `${JSON.stringify(r)}\n`).join(""));
    counts[t] = lists[t].length;
  }
  // the article row (body and raw text) is by far the longest line
  return { article_id: rows.article.article_id, source_path: rows.article.source_path, source_sha256: rows.article.source_sha256, jsonl, rows: counts, maxBytes: jsonl.articles.length };
}

function finish(q: QuotedArticle): Processed {
  const rows = runStage(publish, validateRows(toRows(q), q.article_id), q.article_id);
  return {
    kind: "article",
    staged: stage(rows),
    link: {
      article_id: q.article_id,
      outlet: q.outlet,
      mentions: q.mentions.map((m) => ({ text: m.text, type: m.type })),
      // only the words count for clustering: the normalised form is shorter to keep for the whole corpus
      quotes: q.quotes.map((x) => ({ text: quoteWords(x.text), speaker_mention: x.speaker_mention })),
      acronyms: acronymPairs(q.body, q.mentions),
    },
  };
}
