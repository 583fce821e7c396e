// Records that flow between the per-article stages. Offsets here are JavaScript
// (UTF-16) string offsets; the published tables count code points, converted
// once, in stages/08-publish.ts.
import { z } from "zod";

const offset = z.number().int().nonnegative();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Facts a curator supplies (manifest.csv row or JSON Lines fields); a value here beats an extracted one. */
export const Manifest = z.object({
  outlet: z.string().min(1).nullable(),
  url: z.string().min(1).nullable(),
  published_date: isoDay.nullable(),
  title: z.string().min(1).nullable(),
  language: z.string().min(2).nullable(),
});
export type Manifest = z.infer<typeof Manifest>;

export const emptyManifest = (): Manifest => ({ outlet: null, url: null, published_date: null, title: null, language: null });

/** One input as the runner read it: bytes from a file, or a decoded JSON Lines record. */
export const SourceInput = z.object({
  source_path: z.string().min(1),
  /** explicit id (JSON Lines `id`), or null to derive one from the path */
  id: z.string().nullable(),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array).nullable(),
  /** JSON Lines `text` */
  text: z.string().nullable(),
  /** JSON Lines `body`: already clean, published as given */
  body: z.string().nullable(),
  manifest: Manifest,
});
export type SourceInput = z.infer<typeof SourceInput>;

export const RejectReason = z.enum([
  "empty",
  "not_utf8",
  "binary",
  "duplicate",
  "too_large",
  "bad_id",
  "duplicate_id",
  "bad_manifest",
  "outside_input",
  "unreadable",
  "bad_record",
]);

export const RejectRecord = z.object({
  source_path: z.string(),
  source_sha256: z.string().nullable(),
  reason: RejectReason,
  detail: z.string().min(1),
});
export type RejectRecord = z.infer<typeof RejectRecord>;

/** After ingest: decoded, newline-normalised text, hashed. */
export const RawArticle = z.object({
  article_id: z.string().min(1),
  source_path: z.string().min(1),
  source_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** input after decoding and newline normalisation (LF only) */
  raw_text: z.string(),
  /** a JSON Lines `body`: clean already, kept exactly */
  given_body: z.string().nullable(),
  manifest: Manifest,
});
export type RawArticle = z.infer<typeof RawArticle>;

export const IngestResult = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("article"), article: RawArticle }),
  z.object({ kind: z.literal("reject"), reject: RejectRecord }),
]);
export type IngestResult = z.infer<typeof IngestResult>;

export const BoilerplateKind = z.enum([
  "site_chrome",
  "comment_footer",
  "photo_credit",
  "caption",
  "related_link",
  "tag_line",
  "duplicate_title",
  "editorial_note",
  "byline",
  "dateline",
  "title",
  "subtitle",
  "other",
]);
export type BoilerplateKind = z.infer<typeof BoilerplateKind>;

/** A removed stretch of raw_text (offsets into raw_text). */
export const BoilerSpan = z.object({ start: offset, end: offset, text: z.string().min(1), kind: BoilerplateKind });
export type BoilerSpan = z.infer<typeof BoilerSpan>;

export const Source = z.enum(["text", "manifest"]).nullable();
export const DateSource = z.enum(["text", "manifest", "inferred"]).nullable();

/** After clean: the article body and its metadata. */
export const CleanArticle = RawArticle.extend({
  title: z.string().min(1).nullable(),
  subtitle: z.string().min(1).nullable(),
  outlet: z.string().min(1).nullable(),
  outlet_source: Source,
  republisher: z.string().min(1).nullable(),
  authors: z.array(z.string().min(1)),
  dateline_place: z.string().min(1).nullable(),
  published_date: isoDay.nullable(),
  published_date_source: DateSource,
  language: z.string().min(2).nullable(),
  /** paragraphs joined by "\n\n" */
  body: z.string(),
  boilerplate: z.array(BoilerSpan),
});
export type CleanArticle = z.infer<typeof CleanArticle>;

export const DateType = z.enum(["date", "time", "duration", "set"]);
export const Precision = z.enum(["day", "week", "month", "quarter", "season", "year", "decade"]).nullable();
export const Anchor = z.enum(["absolute", "publication_date", "inferred", "unresolved"]);

/** One temporal expression (offsets into body). */
export const DateSpan = z.object({
  start: offset,
  end: offset,
  text: z.string().min(1),
  type: DateType,
  value: z.string().min(1),
  date: isoDay.nullable(),
  precision: Precision,
  anchor: Anchor,
});
export type DateSpan = z.infer<typeof DateSpan>;

export const DatedArticle = CleanArticle.extend({ dates: z.array(DateSpan) });
export type DatedArticle = z.infer<typeof DatedArticle>;

export const EntityType = z.enum(["person", "organization", "location", "other"]);
export type EntityType = z.infer<typeof EntityType>;

/** One entity mention (offsets into body). */
export const MentionSpan = z.object({ start: offset, end: offset, text: z.string().min(1), type: EntityType });
export type MentionSpan = z.infer<typeof MentionSpan>;

export const TaggedArticle = DatedArticle.extend({ mentions: z.array(MentionSpan) });
export type TaggedArticle = z.infer<typeof TaggedArticle>;

export const QuoteKind = z.enum(["direct", "partial", "indirect"]);
export const Attribution = z.enum(["explicit", "pronoun", "nominal", "continuation", "carryover", "none"]);

/** One quotation (offsets into body). */
export const QuoteSpan = z.object({
  /** whole stretch, marks excluded at both ends; for an interrupted quote it covers every part */
  start: offset,
  end: offset,
  /** quoted words; the parts of an interrupted quote joined with " … " */
  text: z.string().min(1),
  /** the parts, each a span of body whose slice is the part's words; one part when not interrupted */
  fragments: z.array(z.object({ start: offset, end: offset })).min(1),
  kind: QuoteKind,
  /** words that name the source ("he", "the embassy", "Vale") */
  speaker: z.string().min(1).nullable(),
  speaker_start: offset.nullable(),
  speaker_end: offset.nullable(),
  /** index into the article's mentions of the entity the speaker resolves to (through pronouns and descriptions) */
  speaker_mention: z.number().int().nonnegative().nullable(),
  cue: z.string().min(1).nullable(),
  attribution: Attribution,
});
export type QuoteSpan = z.infer<typeof QuoteSpan>;

export const QuotedArticle = TaggedArticle.extend({ quotes: z.array(QuoteSpan) });
export type QuotedArticle = z.infer<typeof QuotedArticle>;
