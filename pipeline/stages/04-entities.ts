// Entity mentions: the averaged-perceptron tagger in pipeline/ner/ (trained by `npm run train-ner`).
// CoNLL's MISC (nationalities, events, works) is emitted as type "other".
import { DatedArticle, TaggedArticle, type EntityType, type MentionSpan } from "../../schemas/records.ts";
import type { NerType } from "../ner/features.ts";
import { sharedModel, tagText } from "../ner/model.ts";
import type { Stage } from "../stage.ts";

export { MODEL_PATH } from "../ner/model.ts";

const TYPE: Record<NerType, EntityType> = { PER: "person", ORG: "organization", LOC: "location", MISC: "other" };

/** Entity mentions in `text` (UTF-16 offsets). The model is read once, on first use. */
export function tagEntities(text: string): MentionSpan[] {
  return tagText(sharedModel(), text).map((e) => ({ start: e.start, end: e.end, text: e.text, type: TYPE[e.type] }));
}

export const entities: Stage<typeof DatedArticle, typeof TaggedArticle> = {
  name: "entities",
  version: 1,
  input: DatedArticle,
  output: TaggedArticle,
  run(a) {
    return { ...a, mentions: a.language === "en" ? tagEntities(a.body) : [] };
  },
};
