// What the per-article stages hand the runner for each article: its rows, staged as bytes, and its link record.
// Kept apart from pipeline/process.ts so that linking (and the link worker, which loads it) does not load the stages.

/** The per-article tables, in the order their rows are staged. */
export const ROW_TABLES = ["articles", "boilerplate", "dates", "mentions", "quotes"] as const;
export type RowTable = (typeof ROW_TABLES)[number];

/**
 * One article's rows as JSON Lines, then its link record, UTF-8 encoded in one buffer where the article was
 * processed: a worker hands the buffer over without a copy, and the runner only writes the rows and passes the
 * link record on to the link stage (no text to decode, encode or collect in its heap, and one buffer per article
 * for its garbage collector to track, not one per table).
 */
export interface StagedArticle {
  article_id: string;
  source_path: string;
  source_sha256: string;
  /** the tables' lines in ROW_TABLES order, then the link record (linkRecordBytes), then its quotes' texts (quoteTextsBytes) */
  bytes: Uint8Array;
  /** where each table's lines end in `bytes`, in ROW_TABLES order, then where the link record ends */
  ends: number[];
  rows: Record<RowTable, number>;
  /** bytes of the article's line (newline included), the longest line */
  maxBytes: number;
}

/** One table's lines in a staged article. */
export function stagedLines(st: StagedArticle, t: RowTable): Uint8Array {
  const i = ROW_TABLES.indexOf(t);
  return st.bytes.subarray(i === 0 ? 0 : st.ends[i - 1], st.ends[i]);
}

/** A staged article's link record as JSON (a LinkArticle whose quotes' texts are empty: see quoteTextsBytes), UTF-8. */
export function linkRecordBytes(st: StagedArticle): Uint8Array {
  return st.bytes.subarray(st.ends[ROW_TABLES.length - 1], st.ends[ROW_TABLES.length]);
}

/**
 * The text of each of a staged article's quotes, in its quote order, as a JSON array of strings, UTF-8: the link
 * record leaves them out, as the runner clusters them while the link worker links. They are normalised to words
 * (pipeline/link/quotes.ts quoteTokens) as they are clustered, in the link phase, when the runner's thread has time
 * to spare, rather than in the article stages, which keep both cores busy.
 */
export function quoteTextsBytes(st: StagedArticle): Uint8Array {
  return st.bytes.subarray(st.ends[ROW_TABLES.length]);
}
