// Corpus-wide linking: mentions -> canonical entities, quotes -> clusters and speakers.
// Sees only the compact LinkArticle records the article stages emit. The rules are in
// pipeline/link/README.md (quoted in the dataset card) and at the top of
// pipeline/link/entities.ts and pipeline/link/quotes.ts. Output does not depend on the
// order of the input articles (except that per-article arrays follow it).
import { z } from "zod";
import { EntityType } from "../../schemas/records.ts";
import { EntityRow } from "../../schemas/tables.ts";
import { StageError, type Stage } from "../stage.ts";
import { asSource, entityIdsOf, linkEntitiesCompact, type ArticleSource, type CompactEntityLinks } from "../link/entities.ts";
import { clusterIdOf, clusterQuoteTexts, finishClusters, type CompactClusters, type TextClusters } from "../link/quotes.ts";
import type { IntLogs } from "../link/column.ts";

export const LinkArticle = z.object({
  article_id: z.string().min(1),
  outlet: z.string().nullable(),
  /** in body order */
  /** `female`: what a person's honorific written just before the mention says (pipeline/link/names.ts honorificBefore), when it says anything */
  mentions: z.array(z.object({ text: z.string().min(1), type: EntityType, female: z.boolean().optional() })),
  /**
   * in the article's quote order; speaker_mention indexes `mentions`. `text` may be the quote's raw text (what
   * the article stages send) or its words as quoteTokens (pipeline/link/quotes.ts) gives them, joined by single
   * spaces: the clusters are the same. `person`: the speaker is written "he" or "she", so its mention's entity must
   * be a person's to be the quote's speaker (the link stage may settle the mention as a place or an organisation)
   */
  quotes: z.array(z.object({ text: z.string().min(1), speaker_mention: z.number().int().nonnegative().nullable(), person: z.literal(true).optional() })),
  /** in-text acronym definitions "Long Name (SHORT)": [long, short] indexes into `mentions` (pipeline/link/entities.ts acronymPairs) */
  acronyms: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])).optional(),
});
export type LinkArticle = z.infer<typeof LinkArticle>;

export const LinkInput = z.array(LinkArticle);

export const LinkOutput = z.object({
  /** sorted by entity_id */
  entities: z.array(EntityRow),
  /** per article (same order as the input), the entity_id of each mention */
  mentionEntities: z.array(z.array(z.string().min(1))),
  /** per article, for each quote: its cluster and resolved speaker */
  quoteLinks: z.array(
    z.array(z.object({ cluster_id: z.string().min(1), speaker_entity_id: z.string().min(1).nullable(), speaker_name: z.string().min(1).nullable() })),
  ),
});
export type LinkOutput = z.infer<typeof LinkOutput>;

export const link: Stage<typeof LinkInput, typeof LinkOutput> = {
  name: "link",
  version: 1,
  input: LinkInput,
  output: LinkOutput,
  run(articles) {
    return linkCorpus(asSource<LinkArticle>(articles));
  },
};

/** The link stage's output held compactly for a large corpus: a few integers per mention and quote. */
export interface CompactLinks {
  /** sorted by entity_id */
  entities: EntityRow[];
  /** each mention's entity (pipeline/link/entities.ts) */
  mentions: CompactEntityLinks;
  /** each quote's cluster (pipeline/link/quotes.ts) */
  quotes: CompactClusters;
  /** each quote's resolved speaker, an index into `entities`, -1 for none */
  speakerOf: Int32Array;
}

/**
 * The link stage over a corpus read one article at a time (pipeline/linking.ts keeps its articles compact).
 * `texts`: the quotes' texts already clustered (clusterQuoteTexts over the same articles in the same order, as
 * pipeline/linking.ts does beside entity linking); `mentions`: the mentions already linked (linkEntitiesCompact).
 */
export function linkCompact(src: ArticleSource<LinkArticle>, texts?: TextClusters, mentions = linkEntitiesCompact(src)): CompactLinks {
  const { entities, start, entityOf } = mentions;
  const speaker = (ai: number, m: number | null): number => (m === null || m >= start[ai + 1]! - start[ai]! ? -1 : entityOf.get(start[ai]! + m));
  const words = texts ?? clusterQuoteTexts(src);
  if (words.start.length !== src.length + 1) throw new Error(`${src.length} articles, quotes clustered for ${words.start.length - 1}`);
  const nq = words.group.length;
  const speakerOf = new Int32Array(nq);
  const articleIds: string[] = [];
  for (let ai = 0; ai < src.length; ai++) {
    const a = src.at(ai);
    const q0 = words.start[ai]!;
    if (words.start[ai + 1]! - q0 !== a.quotes.length) throw new Error(`article ${a.article_id}: ${a.quotes.length} quotes, clustered as ${words.start[ai + 1]! - q0}`);
    articleIds.push(a.article_id);
    a.quotes.forEach((q, i) => {
      const e = speaker(ai, q.speaker_mention);
      speakerOf[q0 + i] = e >= 0 && q.person && entities[e]!.type !== "person" ? -1 : e;
    });
  }
  const quotes = finishClusters(words, articleIds, speakerOf);
  return { entities, mentions, quotes, speakerOf };
}
/** The first step of linkSource on its own (the quotes' texts may be clustered meanwhile): the mentions linked. */
export function linkSourceEntities(src: ArticleSource<LinkArticle>, lists?: IntLogs): CompactEntityLinks {
  try {
    return linkEntitiesCompact(src, lists);
  } catch (cause) {
    throw linkError(cause);
  }
}

const linkError = (cause: unknown) => new StageError("link", "corpus", cause instanceof Error ? cause.message : String(cause), { cause });

/** Article ai's mentions' entity ids. */
export function mentionLinks(c: CompactLinks, ai: number): string[] {
  return entityIdsOf(c.mentions, ai);
}

/** Article ai's quotes' clusters and speakers. */
export function quoteLinks(c: CompactLinks, ai: number): LinkOutput["quoteLinks"][number] {
  const { entities, quotes: q, speakerOf } = c;
  return Array.from({ length: q.start[ai + 1]! - q.start[ai]! }, (_, i) => {
    const e = entities[speakerOf[q.start[ai]! + i]!];
    return { cluster_id: clusterIdOf(q, q.start[ai]! + i), speaker_entity_id: e?.entity_id ?? null, speaker_name: e?.name ?? null };
  });
}

/** The link stage over a corpus read one article at a time, as LinkOutput. */
export function linkCorpus(src: ArticleSource<LinkArticle>): LinkOutput {
  const c = linkCompact(src);
  const each = <T>(f: (c: CompactLinks, ai: number) => T) => Array.from({ length: src.length }, (_, ai) => f(c, ai));
  return { entities: c.entities, mentionEntities: each(mentionLinks), quoteLinks: each(quoteLinks) };
}

/**
 * The link stage as the runner calls it, over a corpus read one article at a time. Its output is
 * compact and checked in place rather than parsed into a copy (a copy of every link of a large corpus would
 * take more memory than the stage): every mention and quote link by shape here, entity rows by their schema where the runner
 * stages them (pipeline/linking.ts), and the links against the entities by the dataset's foreign-key checks.
 */
export function linkSource(src: ArticleSource<LinkArticle>, texts?: TextClusters, mentions?: CompactEntityLinks): CompactLinks {
  let out: CompactLinks;
  try {
    out = linkCompact(src, texts, mentions);
  } catch (cause) {
    throw linkError(cause);
  }
  const bad = (what: string) => {
    throw new StageError("link", "corpus", what);
  };
  const { entities, mentions: m, quotes: q, speakerOf } = out;
  if (m.start.length !== src.length + 1 || q.start.length !== src.length + 1) bad("one list of links per article");
  const ne = entities.length;
  for (let k = 0; k < m.entityOf.length; k++) {
    const e = m.entityOf.get(k);
    if (!(e >= 0 && e < ne)) bad(`mention ${k}: no entity`);
  }
  for (let k = 0; k < q.rep.length; k++) {
    if (!(q.rep[k]! >= 0 && q.rep[k]! < q.rep.length)) bad(`quote ${k}: no cluster`);
    if (!(speakerOf[k]! >= -1 && speakerOf[k]! < ne)) bad(`quote ${k}: a speaker that is not an entity`);
  }
  return out;
}
