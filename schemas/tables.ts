// The published tables: the single source of the row types, the JSON Schemas in
// dist-data/schemas/, datapackage.json and the column docs of the dataset card.
// Offsets here count Unicode code points (see SPEC.md).
import { z } from "zod";
import { Anchor, Attribution, BoilerplateKind, DateType, EntityType, Precision, QuoteKind, RejectReason } from "./records.ts";

const offset = (what: string) => z.number().int().nonnegative().describe(what);
const isoDay = z.iso.date();
const id = (what: string) => z.string().min(1).describe(what);

export const ArticleRow = z.object({
  article_id: id("Key. The input's path below the input folder without `.txt`, or the JSON Lines `id`."),
  source_path: z.string().min(1).describe("Path of the input file (below the input folder), or `FILE#LINE` for a JSON Lines record."),
  source_sha256: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 of the input bytes (of the record's text for JSON Lines)."),
  title: z.string().min(1).nullable().describe("Headline."),
  subtitle: z.string().min(1).nullable().describe("Standfirst line under the headline."),
  outlet: z.string().min(1).nullable().describe("The outlet that wrote the article."),
  outlet_source: z.enum(["text", "manifest"]).nullable().describe("Where `outlet` came from."),
  republisher: z.string().min(1).nullable().describe("The site the text was copied from, when it reprints another outlet."),
  authors: z.array(z.string().min(1)).describe("Bylined authors, in order, each as written in one of the article's boilerplate rows (its byline)."),
  dateline_place: z.string().min(1).nullable().describe("Place of the dateline (\"MOSCOW –\")."),
  published_date: isoDay.nullable().describe("Publication date (DATE)."),
  published_date_source: z.enum(["text", "manifest", "inferred"]).nullable().describe("Where `published_date` came from: `text` (a date line, credit line or dateline of the page; one labelled as the publication's, “Published …”, before an unlabelled one), `manifest`, or `inferred` (none of those: an update's date, “Last updated …”, when that is the page's only one; else the full date written outside the body nearest the title, else the first in the body; dates resolved against it have `anchor` = `inferred`)."),
  language: z.string().min(2).nullable().describe("ISO 639-1 language code."),
  body: z.string().describe("The article text alone, paragraphs joined by a blank line. Every offset in dates, mentions and quotes counts into it."),
  raw_text: z.string().describe("The input after decoding and newline normalisation. Boilerplate offsets count into it."),
  paragraph_count: z.number().int().nonnegative().describe("Paragraphs in `body`."),
  word_count: z.number().int().nonnegative().describe("Words in `body`."),
});

export const BoilerplateRow = z.object({
  boilerplate_id: id("Key: `<article_id>/b<NNNN>`."),
  article_id: id("The article whose raw_text held it."),
  start: offset("Start in `articles.raw_text`, code points, 0-based."),
  end: offset("End in `articles.raw_text`, code points, exclusive."),
  text: z.string().min(1).describe("The removed text."),
  kind: BoilerplateKind.describe(
    "What the removed stretch is. Most rows are whole lines; a byline or dateline run into the first paragraph (`byline`, `dateline`) and a link preview scraped into a sentence (`related_link`: a name's hover card, the full name run into related headlines and a MORE link, cut from after the name as the sentence writes it) are parts of a line, and the paragraph closes up around them.",
  ),
});

export const DateRow = z.object({
  date_id: id("Key: `<article_id>/d<NNNN>`."),
  article_id: id("The article."),
  text: z.string().min(1).describe("The temporal expression as written."),
  start: offset("Start in `articles.body`, code points, 0-based."),
  end: offset("End in `articles.body`, code points, exclusive."),
  type: DateType.describe("TIMEX3 type."),
  value: z.string().min(1).describe("TIMEX3 value: `2017-09-13`, `2017-W28`, `XXXX-09-14`, `P30D`, `PAST_REF`…"),
  date: isoDay.nullable().describe("The day, when `value` is one known day (DATE)."),
  precision: Precision.describe("Granularity of `value`."),
  anchor: Anchor.describe("How the value was fixed: written in full, from the publication date, inferred, or left unresolved."),
  sentence_start: offset("Start of the sentence holding the expression, in `articles.body`."),
  sentence_end: offset("End of that sentence."),
});

export const EntityRow = z.object({
  entity_id: id("Key: `<type>:<slug of name>`, stable for the same inputs."),
  name: z.string().min(1).describe("Canonical name."),
  type: EntityType.describe("Entity type."),
  aliases: z.array(z.string().min(1)).describe("Every surface form seen, sorted."),
  mention_count: z.number().int().positive().describe("Rows of `mentions` for it."),
  article_count: z.number().int().positive().describe("Articles that mention it."),
});

export const MentionRow = z.object({
  mention_id: id("Key: `<article_id>/m<NNNN>`."),
  entity_id: id("The entity (entities.entity_id)."),
  article_id: id("The article."),
  text: z.string().min(1).describe("The mention as written."),
  start: offset("Start in `articles.body`, code points, 0-based."),
  end: offset("End in `articles.body`, code points, exclusive."),
});

export const QuoteRow = z.object({
  quote_id: id("Key: `<article_id>/q<NNNN>`."),
  article_id: id("The article."),
  text: z.string().min(1).describe("Quoted words without the marks; parts of an interrupted quote joined with ` … `."),
  start: offset("Start in `articles.body` (first quoted character), code points."),
  end: offset("End in `articles.body` (after the last quoted character), code points."),
  kind: QuoteKind.describe("direct: whole sentences in marks; partial: a quoted fragment in the writer's sentence; indirect: reported speech without marks."),
  speaker: z.string().min(1).nullable().describe("The words that name the source (\"he\", \"the embassy\", a name)."),
  speaker_start: offset("Start of `speaker` in `articles.body`.").nullable(),
  speaker_end: offset("End of `speaker` in `articles.body`.").nullable(),
  speaker_entity_id: z
    .string()
    .min(1)
    .nullable()
    .describe(
      "The entity the speaker resolves to: the person named in the speaker phrase, else the entity holding its head word; for \"he\" or \"she\", the person who opens the pronoun's own sentence before a quotation it follows (\"Vale summed it up: '…,' he said\"), else the person who spoke last, else the last person named before it (none when the last speaker was a person left unnamed: \"the official said … he added\"); for \"it\" or \"they\", the organisation that spoke last, if lately; none for the writer's \"we\" and \"I\" (in a transcript, \"I\" is the person its label names); for a definite description of a person (\"the mayor\"), the last person whose name the text writes with that role (\"Mayor Jane Roe\", \"Jane Roe, the mayor,\"; for an office one person holds at a time, \"the president\", \"the governor\", \"the judge\", as far back as the article's start, though not a past holder's or another country's: \"former President\", \"Ruritanian President\"), and of an organisation (\"the company\"), the last organisation named before it: none when a business is described and that organisation is a public body, or a group (\"the group\") and it is a public body or a newspaper; for a newspaper or a network (\"the newspaper\", \"the news agency\"), the last one whose name says so or is an acronym; for a kind of body (\"the court\", \"the committee\", \"police\", \"the agency\"), the last one whose name has the kind's word (\"Supreme Court\") or is an acronym that may stand for it (for most kinds, one that ends in the word's initial: \"the committee\" may be an acronym ending in C); an agency is any public body or acronym. Null for a body of someone's (\"his campaign\"), for \"authorities\", for groups (\"officials\"), indefinite descriptions (\"a senior official\"), descriptions no name is written with (\"the official\", \"the source\": most often someone left unnamed) and speakers no mention names.",
    ),
  speaker_name: z.string().min(1).nullable().describe("Canonical name of that entity, resolved through pronouns and descriptions."),
  cue: z.string().min(1).nullable().describe("The reporting verb (said, told, added…)."),
  attribution: Attribution.describe("How the speaker was found."),
  cluster_id: id("Quotes with the same words share it, across articles: the smallest quote_id of the cluster."),
});

export const RejectRow = z.object({
  source_path: z.string().min(1).describe("Key. The input that did not become an article."),
  source_sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().describe("SHA-256 of its bytes, when they could be read."),
  reason: RejectReason.describe("Why, in one word."),
  detail: z.string().min(1).describe("What a person can do about it."),
});

export interface TableDef {
  name: string;
  grain: string;
  schema: z.ZodObject;
  key: string[];
  foreignKeys: { fields: string[]; table: string; reference: string[] }[];
  /** span columns checked against a text column: [start, end, textField, table.column holding the text] */
  spans: { start: string; end: string; text: string; into: "body" | "raw_text" }[];
}

export const TABLES: TableDef[] = [
  { name: "articles", grain: "one row per accepted input", schema: ArticleRow, key: ["article_id"], foreignKeys: [], spans: [] },
  {
    name: "boilerplate",
    grain: "one row per removed stretch of raw_text",
    schema: BoilerplateRow,
    key: ["boilerplate_id"],
    foreignKeys: [{ fields: ["article_id"], table: "articles", reference: ["article_id"] }],
    spans: [{ start: "start", end: "end", text: "text", into: "raw_text" }],
  },
  {
    name: "dates",
    grain: "one row per temporal expression in a body",
    schema: DateRow,
    key: ["date_id"],
    foreignKeys: [{ fields: ["article_id"], table: "articles", reference: ["article_id"] }],
    spans: [{ start: "start", end: "end", text: "text", into: "body" }],
  },
  { name: "entities", grain: "one row per real-world entity across the corpus", schema: EntityRow, key: ["entity_id"], foreignKeys: [], spans: [] },
  {
    name: "mentions",
    grain: "one row per entity mention in a body",
    schema: MentionRow,
    key: ["mention_id"],
    foreignKeys: [
      { fields: ["entity_id"], table: "entities", reference: ["entity_id"] },
      { fields: ["article_id"], table: "articles", reference: ["article_id"] },
    ],
    spans: [{ start: "start", end: "end", text: "text", into: "body" }],
  },
  {
    name: "quotes",
    grain: "one row per quotation",
    schema: QuoteRow,
    key: ["quote_id"],
    foreignKeys: [
      { fields: ["article_id"], table: "articles", reference: ["article_id"] },
      { fields: ["speaker_entity_id"], table: "entities", reference: ["entity_id"] },
    ],
    spans: [{ start: "speaker_start", end: "speaker_end", text: "speaker", into: "body" }],
  },
  { name: "rejects", grain: "one row per input that did not become an article", schema: RejectRow, key: ["source_path"], foreignKeys: [], spans: [] },
];

export type ArticleRow = z.infer<typeof ArticleRow>;
export type BoilerplateRow = z.infer<typeof BoilerplateRow>;
export type DateRow = z.infer<typeof DateRow>;
export type EntityRow = z.infer<typeof EntityRow>;
export type MentionRow = z.infer<typeof MentionRow>;
export type QuoteRow = z.infer<typeof QuoteRow>;
export type RejectRow = z.infer<typeof RejectRow>;
