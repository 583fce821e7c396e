// The pipeline, in flow order. Per-article stages first; link sees the whole corpus.
export { ingest } from "./01-ingest.ts"; //   bytes → decoded text, or a reject
export { clean } from "./02-clean.ts"; //     text → body, boilerplate, metadata
export { dates } from "./03-dates.ts"; //     body → temporal expressions (TIMEX3)
export { entities } from "./04-entities.ts"; // body → entity mentions
export { quotes } from "./05-quotes.ts"; //   body + mentions → quotations with speakers
export { link } from "./06-link.ts"; //       corpus → canonical entities, quote clusters
export { validate } from "./07-validate.ts"; // rows → checked rows (schema, spans, keys)
export { publish } from "./08-publish.ts"; // rows → code-point rows → files (pipeline/publish/)

export const STAGE_NAMES = ["ingest", "clean", "dates", "entities", "quotes", "link", "validate", "publish"] as const;
export type StageName = (typeof STAGE_NAMES)[number];
