// PLACEHOLDER (being replaced)
import { DatedArticle, TaggedArticle, type MentionSpan } from "../../schemas/records.ts";
import type { Stage } from "../stage.ts";

/** Entity mentions in `text`. */
export function tagEntities(text: string): MentionSpan[] {
  void text;
  return [];
}

export const entities: Stage<typeof DatedArticle, typeof TaggedArticle> = {
  name: "entities",
  version: 0,
  input: DatedArticle,
  output: TaggedArticle,
  run(a) {
    return { ...a, mentions: a.language === "en" ? tagEntities(a.body) : [] };
  },
};
