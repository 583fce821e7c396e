// Word lists the quote extractor reads once, at module load, from pipeline/lexicon/.
import { lexiconLines as lines } from "../lexicon.ts";

export type CueTag = "speech" | "addressee" | "label" | "document";
export type NounType = "person" | "organization" | "document";

/** Reporting verb forms (lower case, multi-word with one space) and their tag. */
export const CUES: ReadonlyMap<string, CueTag> = new Map(
  lines("reporting-verbs.txt").map((l) => {
    const [form, tag] = l.split("\t");
    return [form!.toLowerCase(), (tag as CueTag | undefined) ?? "speech"];
  }),
);

/** Head nouns of source descriptions ("the company") and the entity type they refer to. */
export const SPEAKER_NOUNS: ReadonlyMap<string, NounType> = new Map(
  lines("speaker-nouns.txt").map((l) => {
    const [noun, type] = l.split("\t");
    return [noun!.toLowerCase(), type as NounType];
  }),
);

/** Titles written before a name. */
export const TITLES: ReadonlySet<string> = new Set(lines("speaker-titles.txt"));

/** Words just before a quoted title of a work ("the film", "titled"). */
export const TITLE_CUES: ReadonlySet<string> = new Set(lines("work-title-cues.txt").map((l) => l.toLowerCase()));
