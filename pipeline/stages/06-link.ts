// Corpus-wide linking: mentions -> canonical entities, quotes -> clusters and speakers.
// Sees only the compact LinkArticle records the article stages emit. The rules are in
// pipeline/link/README.md (quoted in the dataset card) and at the top of
// pipeline/link/entities.ts and pipeline/link/quotes.ts. Output does not depend on the
// order of the input articles (except that per-article arrays follow it).
import { z } from "zod";
import { EntityType } from "../../schemas/records.ts";
import { EntityRow } from "../../schemas/tables.ts";
import { StageError, type Stage } from "../stage.ts";
import { asSource, linkEntities, type ArticleSource } from "../link/entities.ts";
import { clusterQuotes } from "../link/quotes.ts";

export const LinkArticle = z.object({
  article_id: z.string().min(1),
  outlet: z.string().nullable(),
  /** in body order */
  mentions: z.array(z.object({ text: z.string().min(1), type: EntityType })),
  /**
   * in the article's quote order; speaker_mention indexes `mentions`. `text` may be the quote's raw text or
   * its normalised words (pipeline/link/quotes.ts quoteWords, what the article stages send): the clusters are the same
   */
  quotes: z.array(z.object({ text: z.string().min(1), speaker_mention: z.number().int().nonnegative().nullable() })),
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

/** The link stage over a corpus read one article at a time (pipeline/linking.ts keeps its articles compact). */
export function linkCorpus(src: ArticleSource<LinkArticle>): LinkOutput {
  const { entities, mentionEntities } = linkEntities(src);
  const nameOf = new Map(entities.map((e) => [e.entity_id, e.name]));
  // each article's quotes with their speakers' entities, made when read (not kept for the whole corpus)
  const speakersOf = (ai: number) => {
    const a = src.at(ai);
    return { article_id: a.article_id, quotes: a.quotes.map((q) => ({ text: q.text, speaker: q.speaker_mention === null ? null : (mentionEntities[ai]![q.speaker_mention] ?? null) })) };
  };
  const clusters = clusterQuotes({ length: src.length, at: speakersOf });
  const quoteLinks = clusters.map((ids, ai) =>
    speakersOf(ai).quotes.map((q, qi) => ({ cluster_id: ids[qi]!, speaker_entity_id: q.speaker, speaker_name: q.speaker === null ? null : nameOf.get(q.speaker)! })),
  );
  return { entities, mentionEntities, quoteLinks };
}

/**
 * The link stage as the runner calls it, over a corpus read one article at a time. Its output is
 * checked in place rather than parsed into a copy (a copy of every link of a large corpus would double
 * the stage's memory): every mention and quote link by shape here, entity rows by their schema where the runner
 * stages them (pipeline/linking.ts), and the links
 * against the entities by the dataset's foreign-key checks.
 */
export function linkSource(src: ArticleSource<LinkArticle>): LinkOutput {
  let out: LinkOutput;
  try {
    out = linkCorpus(src);
  } catch (cause) {
    throw new StageError("link", "corpus", cause instanceof Error ? cause.message : String(cause), { cause });
  }
  const bad = (what: string) => {
    throw new StageError("link", "corpus", what);
  };
  if (out.mentionEntities.length !== src.length || out.quoteLinks.length !== src.length) bad("one list of links per article");
  for (let i = 0; i < src.length; i++) {
    for (const id of out.mentionEntities[i]!) if (typeof id !== "string" || id === "") bad(`article ${i}: a mention without an entity`);
    for (const l of out.quoteLinks[i]!) if (typeof l.cluster_id !== "string" || l.cluster_id === "") bad(`article ${i}: a quote without a cluster`);
  }
  return out;
}
