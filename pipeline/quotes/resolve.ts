// From a speaker as written to the entity mention it refers to: the mention it overlaps, or for
// a pronoun or a description the most recent compatible mention before it. No coreference
// model: "he" after two men goes to the later one, right or wrong.
import type { MentionSpan } from "../../schemas/records.ts";
import { SPEAKER_NOUNS, type NounType } from "./lexicon.ts";
import { countryCode } from "../link/names.ts";

export type SpeakerKind = "pronoun" | "name" | "description";

const PRONOUN_TYPE: Record<string, MentionSpan["type"] | null> = {
  he: "person",
  she: "person",
  i: "person",
  it: "organization",
  they: "organization",
  we: "organization",
  you: null,
};
const DET = /^(?:the|a|an|his|her|its|their|our|my|this|that|these|those|one|another|some|several|many|two|three|four|five|six|seven|eight|nine|ten|both|each|every|any|no|all|most|other|such)$/i;

/** Head noun of a description and the entity type it names, if the lexicon knows it. */
export function descriptionHead(speaker: string): { head: string; type: NounType } | null {
  const words = speaker.toLowerCase().replace(/['\u2019]s\b/g, "").split(/[^\p{L}]+/u).filter(Boolean);
  for (let k = words.length - 1; k >= 0; k--) {
    const two = k > 0 ? SPEAKER_NOUNS.get(`${words[k - 1]} ${words[k]}`) : undefined;
    if (two) return { head: `${words[k - 1]} ${words[k]}`, type: two };
    const one = SPEAKER_NOUNS.get(words[k]!);
    if (one) return { head: words[k]!, type: one };
  }
  return null;
}

/** Pronoun, proper name or description. */
export function speakerKind(speaker: string): SpeakerKind {
  const words = speaker.split(/\s+/).filter(Boolean);
  if (words.length === 1 && words[0]!.toLowerCase() in PRONOUN_TYPE) return "pronoun";
  const last = words[words.length - 1] ?? "";
  if (/^\p{Ll}/u.test(last) && descriptionHead(last)) return "description";
  if (words.some((w, k) => /^\p{Lu}/u.test(w) && !(k === 0 && DET.test(w)))) return "name";
  return "description";
}

/** Index of the last mention ending at or before `pos` (mentions in text order), or -1. */
export function lastMentionBefore(mentions: readonly MentionSpan[], pos: number): number {
  let lo = 0, hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

const LOOKBACK = 60; // mentions; keeps resolution linear

/** What the extractor knows when resolving: mentions to pass over (inside quotes), the last named speakers. */
export interface ResolveContext {
  /** whether mention k lies inside quoted words (a name a speaker mentions is not who "he" is) */
  skip?: (k: number) => boolean;
  /** the last person and organization that a name or description attributed something to: [mention, offset] */
  lastPerson?: readonly [number, number] | null;
  lastOrg?: readonly [number, number] | null;
}

const RECENT = 1500; // characters within which the last speaker is the one a pronoun means

/** The mention a speaker span resolves to, or null. */
export function resolveSpeaker(mentions: readonly MentionSpan[], start: number, end: number, speaker: string, rc: ResolveContext = {}): number | null {
  let best: number | null = null;
  let bestOverlap = 0;
  const from = lastMentionBefore(mentions, start);
  for (let k = Math.max(0, from); k < mentions.length && mentions[k]!.start < end; k++) {
    const m = mentions[k]!;
    const ov = Math.min(end, m.end) - Math.max(start, m.start);
    const weight = m.type === "person" || m.type === "organization" ? ov + 0.5 : ov;
    if (ov > 0 && weight > bestOverlap) {
      best = k;
      bestOverlap = weight;
    }
  }
  if (best !== null) return best;
  const kind = speakerKind(speaker);
  if (kind === "name") return null;
  let type: MentionSpan["type"] | null = null;
  let head: string | null = null;
  if (kind === "pronoun") type = PRONOUN_TYPE[speaker.toLowerCase()] ?? null;
  else {
    const d = descriptionHead(speaker);
    if (d && d.type !== "document") {
      type = d.type;
      head = d.head;
    }
  }
  if (!type) return null;
  // a pronoun is the last speaker of its kind, when there was one lately ("Doe criticized Roe. 'Quote,' she said.")
  const last = kind === "pronoun" ? (type === "person" ? rc.lastPerson : rc.lastOrg) : null;
  if (last && last[1] <= start && start - last[1] <= RECENT) return last[0];
  // a country the tagger called an organisation is not "it" or "the company"
  const skip0 = rc.skip ?? (() => false);
  const skip = type === "organization" ? (k: number) => skip0(k) || countryCode(mentions[k]!.text) !== null : skip0;
  const stop = Math.max(0, from - LOOKBACK);
  if (head) for (let k = from; k >= stop; k--) if (!skip(k) && mentions[k]!.type === type && mentions[k]!.text.toLowerCase().includes(head)) return k;
  for (let k = from; k >= stop; k--) if (!skip(k) && mentions[k]!.type === type) return k;
  return null;
}
