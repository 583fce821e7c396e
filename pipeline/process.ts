// One input through the per-article stages. Pure: the runner (or a worker) calls it and does the I/O.
import type { QuotedArticle, RejectRecord, SourceInput } from "../schemas/records.ts";
import { runStage } from "./stage.ts";
import { clean, dates, entities, ingest, publish, quotes } from "./stages/index.ts";
import type { LinkArticle } from "./stages/06-link.ts";
import { toRows, validateRows, type ArticleRows } from "./stages/07-validate.ts";
import { acronymPairs } from "./link/entities.ts";
import { honorificBefore } from "./link/names.ts";
import { ROW_TABLES, type RowTable, type StagedArticle } from "./staged.ts";

export const ARTICLE_STAGES = ["ingest", "clean", "dates", "entities", "quotes"] as const;
export type ArticleStage = (typeof ARTICLE_STAGES)[number];

export type Processed =
  | { kind: "reject"; reject: RejectRecord }
  | { kind: "article"; staged: StagedArticle }
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
/** A speaker written as a personal pronoun. */
const PERSONAL = /^(?:he|she)$/i;
/** Where a staged article's bytes are written before they are copied out (grown as needed, never shrunk). */
let scratch = new Uint8Array(1 << 20);
let at = 0;

/** Writes `s` as UTF-8 at the end of the scratch bytes, then `nl` newlines (0 or 1). */
function put(s: string, nl: 0 | 1): void {
  // a UTF-16 unit takes at most 3 bytes in UTF-8
  const need = 3 * s.length + nl;
  if (scratch.length - at < need) {
    const bigger = new Uint8Array(Math.max(2 * scratch.length, at + need));
    bigger.set(scratch.subarray(0, at));
    scratch = bigger;
  }
  at += UTF8.encodeInto(s, scratch.subarray(at)).written;
  if (nl) scratch[at++] = 10;
}

/** The buffers a worker hands over with a result instead of copying them. */
export function transferables(p: Processed): ArrayBuffer[] {
  return p.kind === "article" ? [p.staged.bytes.buffer as ArrayBuffer] : [];
}

function stage(rows: ArticleRows, link: LinkArticle): StagedArticle {
  const lists: Record<RowTable, unknown[]> = { articles: [rows.article], boilerplate: rows.boilerplate, dates: rows.dates, mentions: rows.mentions, quotes: rows.quotes };
  // each row's JSON is encoded straight into one reused buffer (no joined string, no second pass to count bytes)
  at = 0;
  const ends: number[] = [];
  for (const t of ROW_TABLES) {
    for (const r of lists[t]) put(JSON.stringify(r), 1);
    ends.push(at);
  }
  put(JSON.stringify({ ...link, quotes: link.quotes.map(({ text: _, ...q }) => ({ text: "", ...q })) }), 0);
  ends.push(at);
  put(JSON.stringify(link.quotes.map((q) => q.text)), 0);
  const bytes = scratch.slice(0, at);
  const rowsOf = {} as Record<RowTable, number>;
  for (const t of ROW_TABLES) rowsOf[t] = lists[t].length;
  // the article row (body and raw text) is by far the longest line
  return {
    article_id: rows.article.article_id,
    source_path: rows.article.source_path,
    source_sha256: rows.article.source_sha256,
    bytes,
    ends,
    rows: rowsOf,
    maxBytes: ends[0]!,
  };
}

function finish(q: QuotedArticle): Processed {
  const rows = runStage(publish, validateRows(toRows(q), q.article_id), q.article_id);
  const link: LinkArticle = {
    article_id: q.article_id,
    outlet: q.outlet,
    mentions: q.mentions.map((m) => {
      const female = m.type === "person" ? honorificBefore(q.body, m.start, m.text) : null;
      return female === null ? { text: m.text, type: m.type } : { text: m.text, type: m.type, female };
    }),
    // a speaker written "he" or "she" is a person, whatever the link stage makes of the mention it stands for
    quotes: q.quotes.map((x) => (x.speaker !== null && PERSONAL.test(x.speaker) ? { text: x.text, speaker_mention: x.speaker_mention, person: true } : { text: x.text, speaker_mention: x.speaker_mention })),
    acronyms: acronymPairs(q.body, q.mentions),
  };
  return { kind: "article", staged: stage(rows, link) };
}
