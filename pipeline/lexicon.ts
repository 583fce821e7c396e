// The word lists in pipeline/lexicon/, read once, at module load, by the modules that use them.
import { readFileSync } from "node:fs";

/** The lines of pipeline/lexicon/NAME that are not blank or "#" comments, without trailing white space. */
export function lexiconLines(name: string): string[] {
  return readFileSync(new URL(`./lexicon/${name}`, import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l && !l.startsWith("#"));
}

/** English function words (pipeline/lexicon/stopwords-en.txt), lower case. */
export const STOPWORDS: ReadonlySet<string> = new Set(lexiconLines("stopwords-en.txt").map((l) => l.trim().toLowerCase()));
