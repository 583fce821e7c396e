// One input through the per-article stages. Pure: the runner (or a worker) calls it and does the I/O.
import type { QuotedArticle, RejectRecord, SourceInput } from "../schemas/records.ts";
import { runStage } from "./stage.ts";
import { clean, dates, entities, ingest, publish, quotes, validate } from "./stages/index.ts";
import type { LinkArticle } from "./stages/06-link.ts";
import { toRows, type ArticleRows } from "./stages/07-validate.ts";

export const ARTICLE_STAGES = ["ingest", "clean", "dates", "entities", "quotes"] as const;
export type ArticleStage = (typeof ARTICLE_STAGES)[number];

export type Processed =
  | { kind: "reject"; reject: RejectRecord }
  | { kind: "article"; rows: ArticleRows; link: LinkArticle }
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

function finish(q: QuotedArticle): Processed {
  const rows = runStage(publish, runStage(validate, toRows(q), q.article_id), q.article_id);
  return {
    kind: "article",
    rows,
    link: {
      article_id: q.article_id,
      outlet: q.outlet,
      mentions: q.mentions.map((m) => ({ text: m.text, type: m.type })),
      quotes: q.quotes.map((x) => ({ text: x.text, speaker_mention: x.speaker_mention })),
    },
  };
}
