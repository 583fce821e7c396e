// Entity mentions: the averaged-perceptron tagger in pipeline/ner/ (trained by `npm run train-ner`).
// CoNLL's MISC (nationalities, events, works) is emitted as type "other".
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DatedArticle, TaggedArticle, type EntityType, type MentionSpan } from "../../schemas/records.ts";
import type { NerType } from "../ner/features.ts";
import { loadModel, tagText, type Model } from "../ner/model.ts";
import type { Stage } from "../stage.ts";

/** The committed model file. */
export const MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), "..", "ner", "model.bin.gz");

const TYPE: Record<NerType, EntityType> = { PER: "person", ORG: "organization", LOC: "location", MISC: "other" };

let model: Model | undefined;

/** Entity mentions in `text` (UTF-16 offsets). The model is read once, on first use. */
export function tagEntities(text: string): MentionSpan[] {
  model ??= loadModel(MODEL_PATH);
  return tagText(model, text).map((e) => ({ start: e.start, end: e.end, text: e.text, type: TYPE[e.type] }));
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
