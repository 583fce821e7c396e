// The word lists in pipeline/lexicon/, read once, at module load, by the modules that use them.
import { readFileSync } from "node:fs";

/** The lines of pipeline/lexicon/NAME that are not blank or "#" comments, without trailing white space. */
export function lexiconLines(name: string): string[] {
  return readFileSync(new URL(`./lexicon/${name}`, import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l && !l.startsWith("#"));
}

/** Whether a regular expression's source has a "|" outside any group or character class. */
export function topLevelBar(src: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}

/**
 * One pattern that matches where any of `sources` does, for test(): those that open with the same anchor (`^` or
 * `\b`) share it. V8 tries every alternative at every position and does not take a shared anchor out of them
 * itself: with some forty `\b…` patterns a line's test took 2.7 times as long (2026-12-06, 48,000 corpus lines).
 */
export function anyOf(sources: readonly string[], flags: string): RegExp {
  const byLead = new Map<string, string[]>([["^", []], ["\\b", []]]);
  const rest: string[] = [];
  for (const s of sources) {
    const lead = s.startsWith("^") ? "^" : s.startsWith("\\b") && !/^[?*+{]/.test(s.slice(2)) ? "\\b" : "";
    if (lead && !topLevelBar(s)) byLead.get(lead)!.push(s.slice(lead.length));
    else rest.push(s);
  }
  const parts = [...byLead].filter(([, l]) => l.length).map(([lead, l]) => `${lead}(?:${l.map((s) => `(?:${s})`).join("|")})`);
  return new RegExp([...parts, ...rest.map((s) => `(?:${s})`)].join("|") || "(?!)", flags);
}

/** English function words (pipeline/lexicon/stopwords-en.txt), lower case. */
export const STOPWORDS: ReadonlySet<string> = new Set(lexiconLines("stopwords-en.txt").map((l) => l.trim().toLowerCase()));

/** A US state (or the District of Columbia) as pipeline/lexicon/us-states.txt gives it. */
export interface UsState {
  name: string;
  /** the news agencies' (AP) abbreviations, the current one first ("Fla."); none where the name is not shortened ("Ohio") */
  abbreviations: string[];
  /** the two-letter postal code ("FL") */
  postal: string;
  /** other names ("Washington, D.C.") */
  other: string[];
}

export const US_STATES: readonly UsState[] = lexiconLines("us-states.txt").map((line) => {
  const [name, abbr = "", postal = "", other = ""] = line.split("\t");
  const list = (s: string) => s.split("; ").filter(Boolean);
  return { name: name!, abbreviations: list(abbr), postal, other: list(other) };
});

/** A state's written form as compared: single spaces, no space after a dot inside it ("W. Va." as "W.Va."), no final dot. */
const stateForm = (s: string): string => s.replace(/\s+/g, " ").trim().replace(/\.\s+(?=\S)/g, ".").replace(/\.$/, "");
/**
 * The states by their abbreviations and other names (stateForm, case kept: "La." is not "LA"), and by the postal codes
 * that are an abbreviation without its dots ("NY" for "N.Y.").
 */
const STATE_BY_FORM = new Map<string, { name: string; abbreviation: boolean }>();
for (const st of US_STATES) {
  for (const a of st.abbreviations) STATE_BY_FORM.set(stateForm(a), { name: st.name, abbreviation: true });
  if (st.abbreviations.some((a) => a.replace(/\./g, "") === st.postal)) STATE_BY_FORM.set(st.postal, { name: st.name, abbreviation: true });
  for (const o of st.other) STATE_BY_FORM.set(stateForm(o), { name: st.name, abbreviation: false });
}

/** The US state (or the District of Columbia) a place's written name is an abbreviation or other name of ("Fla." is Florida). */
export function stateOf(written: string): { name: string; abbreviation: boolean } | null {
  return STATE_BY_FORM.get(stateForm(written)) ?? null;
}
