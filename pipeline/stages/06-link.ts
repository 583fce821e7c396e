// PLACEHOLDER (being replaced): one entity per exact (type, text); one cluster per exact quote text.
// Corpus-wide: sees only the compact LinkArticle records the article stages emit.
import { z } from "zod";
import { EntityType } from "../../schemas/records.ts";
import { EntityRow } from "../../schemas/tables.ts";
import type { Stage } from "../stage.ts";
import { rowId } from "../text.ts";

export const LinkArticle = z.object({
  article_id: z.string().min(1),
  outlet: z.string().nullable(),
  /** in body order */
  mentions: z.array(z.object({ text: z.string().min(1), type: EntityType })),
  /** in the article's quote order; speaker_mention indexes `mentions` */
  quotes: z.array(z.object({ text: z.string().min(1), speaker_mention: z.number().int().nonnegative().nullable() })),
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

const slug = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "x";

export const link: Stage<typeof LinkInput, typeof LinkOutput> = {
  name: "link",
  version: 0,
  input: LinkInput,
  output: LinkOutput,
  run(articles) {
    const ents = new Map<string, { name: string; type: EntityType; aliases: Set<string>; mentions: number; articles: Set<string> }>();
    const mentionEntities = articles.map((a) =>
      a.mentions.map((m) => {
        const id = `${m.type}:${slug(m.text)}`;
        const e = ents.get(id) ?? { name: m.text, type: m.type, aliases: new Set<string>(), mentions: 0, articles: new Set<string>() };
        e.aliases.add(m.text);
        e.mentions++;
        e.articles.add(a.article_id);
        ents.set(id, e);
        return id;
      }),
    );
    const clusters = new Map<string, string>();
    articles.forEach((a) => a.quotes.forEach((q, i) => {
      const key = q.text.toLowerCase();
      const qid = rowId(a.article_id, "q", i);
      const cur = clusters.get(key);
      if (cur === undefined || qid < cur) clusters.set(key, qid);
    }));
    const quoteLinks = articles.map((a, ai) =>
      a.quotes.map((q) => {
        const eid = q.speaker_mention === null ? null : (mentionEntities[ai]![q.speaker_mention] ?? null);
        return { cluster_id: clusters.get(q.text.toLowerCase())!, speaker_entity_id: eid, speaker_name: eid ? ents.get(eid)!.name : null };
      }),
    );
    const entities = [...ents.entries()]
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([entity_id, e]) => ({ entity_id, name: e.name, type: e.type, aliases: [...e.aliases].sort(), mention_count: e.mentions, article_count: e.articles.size }));
    return { entities, mentionEntities, quoteLinks };
  },
};
