// From a speaker as written to the entity mention it refers to: the mention it overlaps, or for
// a pronoun or a description the most recent compatible mention before it. A pronoun is the last
// speaker of its sex, unless another person has since opened a sentence (subjectSince); a person's
// sex is that of the given name or honorific, else of the pronouns in the rest of the person's own
// sentence (sexInSentence). No coreference model: "he" after two men goes to the later one, right or wrong.
import type { MentionSpan } from "../../schemas/records.ts";
import { SPEAKER_NOUNS, type NounType } from "./lexicon.ts";
import { cleanMention, countryCode, femaleGiven, honorificGender, stripTitles } from "../link/names.ts";
import { US_STATES } from "../lexicon.ts";
import { escapeRegExp } from "../text.ts";

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

/** Words that stand alone for a group of people: "Others said". */
const GROUP_ALONE = /^(?:others|some|many|several|most|few|both|all)$/;

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

/** Whether a person mention names a woman (true) or a man (false) by its honorific or given name; null when unknown. */
function mentionFemale(text: string): boolean | null {
  const g = honorificGender(text);
  if (g !== null) return g;
  const words = cleanMention(text, "person").split(" ");
  return words.length > 1 ? femaleGiven(words[0]!) : null;
}

/** femaleAt's answers per article's mentions: 0 not asked yet, 1 a woman, 2 a man, 3 not known. */
const sexes = new WeakMap<readonly MentionSpan[], Uint8Array>();

/** Whether mention k names a woman (true), a man (false) or nobody knows: a surname alone as the full name before it with that surname says. */
function femaleAt(mentions: readonly MentionSpan[], k: number): boolean | null {
  let known = sexes.get(mentions);
  if (!known) sexes.set(mentions, (known = new Uint8Array(mentions.length)));
  if (known[k] === 0) {
    const f = sexOf(mentions, k);
    known[k] = f === true ? 1 : f === false ? 2 : 3;
  }
  return known[k] === 1 ? true : known[k] === 2 ? false : null;
}
function sexOf(mentions: readonly MentionSpan[], k: number): boolean | null {
  const text = mentions[k]!.text;
  const own = mentionFemale(text);
  if (own !== null || /\s/.test(text.trim())) return own;
  const surname = cleanMention(text, "person");
  for (let j = k - 1; j >= 0 && j >= k - LOOKBACK; j--) {
    const m = mentions[j]!;
    if (m.type === "person" && m.text.endsWith(` ${surname}`)) return mentionFemale(m.text);
  }
  return null;
}

/** A plural noun opening a phrase before "of" or "for" and a name ("Critics of Ann Vale"). */
const GROUP_OF = /^(\p{Lu}\p{Ll}+s)\s+(?:of|for)\s+(?=(?:the|a|an)\s|\p{Lu})/u;
/** Offsets in `speaker` of its head: the last word before a closing parenthesis, a suffix, a reflexive or a phrase of place ("Jane Roe (D-Ohio)", "Jane Roe Jr.", "Roe herself", "the embassy in Ohio"). */
export function headWord(speaker: string): [number, number] {
  let s = speaker.replace(/\s*\([^()]*\)\s*$/, "");
  // a place or time after the head: "the embassy in Ohio", "a lawyer from Ohio", "the envoy to Ohio" (not "of" or "for",
  // often inside a name)
  s = s.replace(/\s(?:in|at|from|near|during|on|to)\s.*$/, "");
  s = s.replace(/,?\s+(?:Jr|Sr|II|III|IV)\.?$/, "").replace(/\s+(?:himself|herself|itself|themselves|even|now|also|too|again|alone|instead|later)$/i, "").replace(/[^\p{L}\p{N}]+$/u, "");
  // a person's noun before "of" or "for" and a name is the head: "the head of the Harbour Agency", "a reporter for the
  // Harbour Post" (not a title with a noun of its own before the name: "chief of staff Ann Vale")
  // (or groups of them, the first word capitalised where it opens the sentence: "Critics of Ann Vale", "Lawyers for …")
  const group = GROUP_OF.exec(s);
  if (group && SPEAKER_NOUNS.get(group[1]!.slice(0, -1).toLowerCase()) === "person") s = group[1]!;
  else
    for (const m of s.matchAll(/(?<![\p{L}\p{N}'\u2019])(\p{Ll}[\p{Ll}-]*)\s+(?:of|for)\s+(?=(?:the|a|an)\s|\p{Lu})/gu))
      if (SPEAKER_NOUNS.get(m[1]!) === "person" || (m[1]!.endsWith("s") && SPEAKER_NOUNS.get(m[1]!.slice(0, -1)) === "person")) {
        s = s.slice(0, m.index + m[1]!.length);
        break;
      }
  const m = /[\p{L}\p{N}][\p{L}\p{N}'\u2019.\-]*$/u.exec(s);
  return m ? [m.index, m.index + m[0].length] : [0, speaker.length];
}

/** Pronoun, proper name or description. */
export function speakerKind(speaker: string): SpeakerKind {
  const words = speaker.split(/\s+/).filter(Boolean);
  if (words.length === 1 && words[0]!.toLowerCase() in PRONOUN_TYPE) return "pronoun";
  const last = words[words.length - 1] ?? "";
  if (/^\p{Ll}/u.test(last) && descriptionHead(last)) return "description";
  // a group capitalised only because it opens the sentence: a plural head noun or "Others" alone ("Critics",
  // "Officials", "Police"), or a phrase whose other words are all in lower case ("Legal experts", "Vale aides")
  const lw = last.toLowerCase();
  if (words.length === 1 && (GROUP_ALONE.test(lw) || (lw.endsWith("s") && (SPEAKER_NOUNS.has(lw) || SPEAKER_NOUNS.get(lw.slice(0, -1)) === "person")) || SPEAKER_NOUNS.get(lw) === "organization") && /^\p{Lu}\p{Ll}+$/u.test(last)) return "description";
  if (words.length >= 2 && /^\p{Lu}/u.test(words[0]!) && words.slice(1).every((w) => /^\p{Ll}+$/u.test(w)) && !/^(?:him|her|them|it)sel(?:f|ves)$/.test(words[1]!)) return "description";
  // a person's office with a capital after "the" ("the President", "The Senator"): a description
  if (words.length === 2 && /^the$/i.test(words[0]!) && /^\p{Lu}\p{Ll}+$/u.test(last) && SPEAKER_NOUNS.get(lw) === "person") return "description";
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
/** How far back a role ("the mayor") is looked for written with a name ("Mayor Ann Vale"): most articles' mentions. */
const ROLE_LOOKBACK = 1000;

/** What the extractor knows when resolving: mentions to pass over (inside quotes), the last named speakers. */
export interface ResolveContext {
  /** whether mention k lies inside quoted words (a name a speaker mentions is not who "he" is) */
  skip?: (k: number) => boolean;
  /** the last person and organization that a name or description attributed something to: [mention, offset]; mention -1 for a person left unnamed ("the official said") */
  lastPerson?: readonly [number, number] | null;
  lastOrg?: readonly [number, number] | null;
  /** the text the offsets count into: a description of a person is matched to a name by the role written beside it */
  text?: string;
  /** the text's sentence starts, in order (a pronoun may mean the subject of a sentence after the last speaker's) */
  starts?: readonly number[];
}

/** Words that may open a sentence before its subject: "But Ann Vale …", "Meanwhile, Vale …". */
const CONNECTIVE = /^(?:but|and|yet|still|so|meanwhile|now|then|later|however|also|instead|separately),?$/i;

/** The index of the first sentence start after offset `pos` (`starts.length` when none). */
function startsAfter(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The start of the sentence holding offset `pos`. */
function sentenceStartAt(starts: readonly number[], pos: number): number {
  const i = startsAfter(starts, pos);
  return i > 0 ? starts[i - 1]! : 0;
}

/** Words that go on a list or a phrase after a name, not a clause: "Vale and Pell", "Vale of Ohio", "I know, Vale, you …". */
const NOT_A_VERB = /^(?:and|or|nor|but|of|in|on|at|to|for|with|from|by|as|than|the|a|an|who|whose|whom|which|that|i|you|we|they|he|she|it|since|after|before|until|when|while|because|if|although|though)$/i;

/**
 * Whether a person's mention is the subject of its sentence, as a reader sees it: the sentence opens with it (after
 * a connective or titles: "But Sen. Ann Vale …"), or it follows the comma of an opening phrase and a verb follows it
 * ("In a statement, Vale said …", "Months later, Vale testified", not "… criticized Roe, Vale and Pell").
 */
function opensClause(text: string, from: number, m: MentionSpan, prev: MentionSpan | undefined): boolean {
  const raw = text.slice(from, m.start);
  const comma = raw.lastIndexOf(",");
  // not a name's apposition: "Ann Vale, R-Ohio, said"
  if (comma >= 0 && prev?.type === "person" && prev.start >= from && !/\S/.test(text.slice(prev.end, from + comma))) return false;
  const words = raw.slice(comma + 1).replace(/^[\s"'\u201C\u2018(]+/u, "").split(/\s+/).filter(Boolean);
  if (words.length && CONNECTIVE.test(words[0]!)) words.shift();
  if (words.length && stripTitles(`${words.join(" ")} X`) !== "X") return false;
  if (comma < 0) return true;
  const next = /^,?\s+(\p{Ll}+)\b/u.exec(text.slice(m.end, m.end + 30));
  return next !== null && !NOT_A_VERB.test(next[1]!);
}

/** A person mention's last word, case as written: its surname. */
const surname = (text: string): string | undefined => cleanMention(text, "person").split(" ").at(-1);

/**
 * The person who opened a sentence after the last speaker's words and before the sentence of a pronoun, the latest
 * one: "'…,' Vale said. Pell has pushed for the bill. '…,' he said" is Pell (the subject of the sentence before
 * is whom a reader takes "he" for). Null when there is none, or it has the last speaker's surname.
 */
function subjectSince(mentions: readonly MentionSpan[], from: number, last: readonly [number, number], start: number, rc: ResolveContext, wantFemale: boolean | null): number | null {
  const { text, starts } = rc;
  if (!text || !starts?.length) return null;
  const own = sentenceStartAt(starts, start);
  // (someone else named in the last speaker's own sentence is not its subject: "Roe said he had not met Vale, …")
  const lastSentence = sentenceStartAt(starts, Math.max(0, last[1] - 1));
  for (let k = from; k >= 0 && mentions[k]!.start >= last[1]; k--) {
    const m = mentions[k]!;
    if (sentenceStartAt(starts, m.start) === lastSentence) break;
    if (m.type !== "person" || m.start >= own || rc.skip?.(k)) continue;
    // not a name in capitals (a headline's or a link's), nor a party tag read as a name ("D-Ohio"), nor a name that
    // qualifies the next one ("Vale campaign manager Ann Roe"), nor a possessive ("Pell's office said")
    if (!/\p{Ll}/u.test(m.text) || /^[DRI]-\p{Lu}/u.test(m.text) || /^['\u2019]s\b/u.test(text.slice(m.end, m.end + 3))) continue;
    const nx = mentions[k + 1];
    if (nx && nx.type === "person" && /^\s+(?:\p{Ll}+\s+){1,3}$/u.test(text.slice(m.end, nx.start))) continue;
    const female = wantFemale === null ? null : (femaleAt(mentions, k) ?? sexInSentence(mentions, k, rc));
    if (female === !wantFemale || !opensClause(text, sentenceStartAt(starts, m.start), m, mentions[k - 1])) continue;
    if (last[0] < 0) return k;
    // the last speaker again, or a speaker known to be a woman for "she" (a man for "he") over one not known to be
    if (surname(mentions[last[0]]!.text) === surname(m.text) || (wantFemale !== null && female === null && femaleAt(mentions, last[0]) === wantFemale)) return null;
    return k;
  }
  return null;
}

/** A reporting verb right after a name ("Pell said"). */
const SAID_AFTER = /^\s+(?:said|says|told|tells|added|adds|wrote|writes|tweeted|asked|noted|explained)\b/;
/** A word that opens a clause right before a pronoun ("but he said", "which he called"). */
const CLAUSE_OPENER = /\b(?:but|and|as|which|who|whom|when|while|because|though|although|that|so)\s+$/i;

/**
 * The person who opens the pronoun's own sentence, before a quotation that the pronoun follows: "Vale, a radio host,
 * summed it up: '…,' he said." and "Vale, who was ready to quit ('…,' he said), stayed." are Vale, whoever spoke
 * last or was named last. Null when the sentence opens otherwise, or the person's sex is not the pronoun's.
 */
function ownSubject(mentions: readonly MentionSpan[], from: number, start: number, rc: ResolveContext, wantFemale: boolean | null): number | null {
  const { text, starts } = rc;
  if (!text || !starts?.length || from < 0) return null;
  const own = sentenceStartAt(starts, start);
  let k = from;
  while (k > 0 && mentions[k - 1]!.start >= own) k--;
  if (mentions[k]!.start < own) return null;
  while (k <= from && mentions[k]!.type !== "person") k++;
  if (k > from) return null;
  const m = mentions[k]!;
  if (rc.skip?.(k) || !/\p{Ll}/u.test(m.text) || /^['\u2019]s\b/u.test(text.slice(m.end, m.end + 3))) return null;
  // a whole quotation between the name and the pronoun, opened after a colon, a bracket, a dash or a comma ("Vale
  // summed it up: '…,' he said"), or the pronoun opening a clause of its own ("… 'veto,' but he said", "which he
  // said"): not "Vale 'will lose,' she said", where the quotation says what someone else said of Vale
  const between = text.slice(m.end, start);
  const open = between.search(/["\u201C]/u);
  if (open < 0 || !/["\u201D]/u.test(between.slice(open + 1)) || !opensClause(text, own, m, mentions[k - 1])) return null;
  if (!/[:(\u2014\u2013,-]\s*$/u.test(between.slice(0, open)) && !CLAUSE_OPENER.test(between)) return null;
  // in one paragraph, and no one else said it between ("Vale is 'respected,' Pell said, '…' (who he called …)")
  if (between.includes("\n")) return null;
  for (let j = k + 1; j <= from; j++) if (mentions[j]!.type === "person" && !rc.skip?.(j) && SAID_AFTER.test(text.slice(mentions[j]!.end, mentions[j]!.end + 12))) return null;
  const female = wantFemale === null ? null : (femaleAt(mentions, k) ?? sexInSentence(mentions, k, rc));
  return female === !wantFemale ? null : k;
}

/**
 * The sex the rest of a person's own sentence gives them by its pronouns ("Ann Vale, whose parents …, says she was
 * …"): true for "she", "her" or "herself" and none of "he", "him", "his", "himself", false for the reverse; null for
 * both, neither, or where another person is named between the name and the pronouns.
 */
function sexInSentence(mentions: readonly MentionSpan[], k: number, rc: ResolveContext): boolean | null {
  const { text, starts } = rc;
  if (!text || !starts?.length) return null;
  const m = mentions[k]!;
  const next = startsAfter(starts, m.start);
  let end = next < starts.length ? starts[next]! : text.length;
  for (let j = k + 1; j < mentions.length && mentions[j]!.start < end; j++)
    if (mentions[j]!.type === "person" && mentions[j]!.start >= m.end) end = mentions[j]!.start;
  const rest = text.slice(m.end, end);
  const she = /\b(?:she|her|herself)\b/i.test(rest);
  const he = /\b(?:he|him|his|himself)\b/i.test(rest);
  return she === he ? null : she;
}

/** How a role is also written before a name ("the senator" is "Sen. Jane Roe"). */
const ROLE_FORMS: Record<string, string[]> = {
  senator: ["senator", "sen"],
  governor: ["governor", "gov"],
  representative: ["representative", "rep", "congressman", "congresswoman"],
  congressman: ["congressman", "representative", "rep"],
  congresswoman: ["congresswoman", "representative", "rep"],
  lawmaker: ["senator", "sen", "representative", "rep", "congressman", "congresswoman", "assemblyman", "assemblywoman"],
  general: ["general", "gen"],
  professor: ["professor", "prof"],
  doctor: ["doctor", "dr"],
  secretary: ["secretary", "sec"],
  lieutenant: ["lieutenant", "lt"],
  sergeant: ["sergeant", "sgt"],
  colonel: ["colonel", "col"],
  captain: ["captain", "capt"],
};
/** The speaker's label that opens the paragraph holding `pos`, as transcripts have ("ANN VALE: …", "Sen. Vale: …"), as [start, end) offsets; null if none. */
function labelOf(text: string, pos: number): [number, number] | null {
  const from = text.lastIndexOf("\n", pos - 1) + 1;
  const m = /^(?:[\p{Lu}][\p{L}.'\u2019-]*\s){0,4}[\p{Lu}][\p{L}.'\u2019-]*(?=:\s)/u.exec(text.slice(from, Math.min(pos, from + 80)));
  return m ? [from, from + m[0].length] : null;
}

/** The role of a description written before a name ("Mayor Jane Roe", "Vice President Jane Roe") or after it ("Jane Roe, the city's mayor"); made once per role. */
const ROLE_PATTERNS = new Map<string, { before: RegExp; after: RegExp; deputy: boolean }>();
function rolePatterns(speaker: string, head: string): { before: RegExp; after: RegExp; deputy: boolean } {
  const deputy = /\b(vice|deputy|assistant)[\s-]+\S+$/i.exec(speaker)?.[1]?.toLowerCase();
  const last = head.split(" ").at(-1)!;
  const role = `${deputy ? deputy + "[\\s-]+" : ""}(?:${(ROLE_FORMS[last] ?? [last]).join("|")})`;
  let r = ROLE_PATTERNS.get(role);
  if (!r) ROLE_PATTERNS.set(role, (r = { before: new RegExp(`\\b${role}\\.?,?\\s+$`, "iu"), after: new RegExp(`^,\\s+(?:[\\p{L}'\u2019.-]+\\s+){0,5}?${role}\\b`, "iu"), deputy: !!deputy }));
  return r;
}

/** Offices that one person holds at a time in a text's world ("the president", "the mayor"), unlike "the official". */
const SOLE_ROLES: ReadonlySet<string> = new Set(["president", "vice president", "governor", "mayor", "judge", "prime minister", "chancellor", "pope"]);
/** "Former" or "then-" before a title and a name: a past holder, who is no "the president" of the text's present. */
const FORMER = /\b(?:former|ex-|then-|late|previous|past)\s*(?:\p{L}+\s+){0,2}\S+\s+$/iu;

/** A people's adjective right before a title and a name ("Ruritanian President Ann Vale", "Valish Prime Minister"); not a party's ("Republican Gov."), nor initials ("U.S."). */
const FOREIGN = /(?:^|\s)(?!Republican\s)\p{Lu}\p{Ll}+(?:an|ese|ish|i|ch)\s+(?:\p{Lu}\p{Ll}+\s+)?\S+\s+$/u;

/** A deputy's title before a name: "Vice President Jane Roe" is not "the president". */
const VICE = /\b(?:vice|deputy|assistant)[\s-]+\S+\.?,?\s+$/i;

/** Descriptions of someone not named before: "a senior official", "one aide", "another lawmaker". */
const INDEFINITE = /^(?:a|an|one|another|some|several|many|multiple|two|three|four|five|most|other)\s/i;

const RECENT = 1500; // characters within which the last speaker is the one a pronoun means

/** A state's name as a pattern: its words apart by any space. */
const statePattern = (name: string): string => name.replace(/ /g, "\\s+");
/** "the Kentucky Republican", "The New York senator": the state's name. */
const STATE_DESCRIPTION = new RegExp(
  `^[Tt]he\\s+(${US_STATES.map((st) => statePattern(st.name)).join("|")})\\s+(?:Republican|Democrat|[Ii]ndependent|senator|lawmaker|congressman|congresswoman|governor|representative|legislator)$`,
  "u",
);
/**
 * Per state, what says it beside a name: before it, its name in the name's title ("Kentucky Republican Sen. "); after
 * it, a party's letter with its name, abbreviation or code (", R-Ky.", " (D-KY)"), or its name after "a" (", a Kentucky Republican"; not "the": "Like Vale, the Ohio senator …" is someone else).
 */
const STATE_NEAR = new Map(
  US_STATES.map(({ name, abbreviations, postal }) => {
    const n = statePattern(name);
    const forms = [n, ...abbreviations.map(escapeRegExp), `${postal}\\b`].join("|");
    return [
      name.toLowerCase(),
      {
        before: new RegExp(`\\b${n}(?:\\s+\\p{Lu}[\\p{L}.]*){0,4}\\s+$`, "u"),
        after: new RegExp(`^[\\s,(]+(?:[RDI][-\u2013]\\s?(?:${forms})|an?\\s+${n}\\b)`, "u"),
      },
    ];
  }),
);
const stateNear = (name: string): { before: RegExp; after: RegExp } => STATE_NEAR.get(name.replace(/\s+/g, " ").toLowerCase())!;

/** Whether a mention in the speaker's phrase holds its head, or is a person's name ending it other than as its object. */
function namedGroup(mentions: readonly MentionSpan[], start: number, end: number, speaker: string, hs: number, he: number): boolean {
  for (let k = Math.max(0, lastMentionBefore(mentions, start + 1)); k < mentions.length && mentions[k]!.start < end; k++) {
    const m = mentions[k]!;
    if (m.start <= start + hs && m.end >= start + he) return true;
    if (m.type === "person" && m.end === end && !/\s(?:of|for|to|with|at|between)\s+(?:the\s+)?$/i.test(speaker.slice(0, m.start - start))) return true;
  }
  return false;
}

/** The mention a speaker span resolves to, or null. */
export function resolveSpeaker(mentions: readonly MentionSpan[], start: number, end: number, speaker: string, rc: ResolveContext = {}): number | null {
  const [hs, he] = headWord(speaker);
  const headText = speaker.slice(hs, he).toLowerCase();
  // a group ("officials", "Jane Roe's lawyers") is not one person of the article, nor a text ("Roe's complaint") its author
  // ("Critics" opening the phrase is capitalised as the sentence's first word: a noun all the same)
  const people = SPEAKER_NOUNS.get(headText.slice(0, -1)) === "person"; // (the head less its last letter: a plural's noun)
  const common = /^\p{Ll}/u.test(speaker.slice(hs, he)) || (hs === 0 && he < speaker.length && people); // "the Post" is a newspaper, "the post" a text
  const group = common && headText.endsWith("s") && people;
  // (unless a name holds the head, "Friends of the Harbour" being a body's name, or a person's name ends the phrase
  // other than as the group's object, "Students for Vale President Ann Roe"; not "Critics of Ann Roe")
  if ((group && !namedGroup(mentions, start, end, speaker, hs, he)) || (common && SPEAKER_NOUNS.get(headText) === "document")) return null;
  // "a senior official", "one aide", "an Ohio Democrat" is someone not named, whoever else the phrase names
  // (but "a tired Jane Roe" is Jane Roe)
  const indefinite = INDEFINITE.test(speaker);
  if (indefinite && (!/^\p{Lu}/u.test(speaker.slice(hs, he)) || /\s(?:of|for|from|at|with|in|to|by|near)\s/i.test(speaker))) return null;
  const from = lastMentionBefore(mentions, start);
  // a person named in the phrase: "Press Secretary Jane Roe", "Sen. Jane Roe of Ohio" (not the office or the state)
  let best: number | null = null;
  let bestOverlap = 0;
  let overlapped = false;
  for (let k = Math.max(0, from); k < mentions.length && mentions[k]!.start < end; k++) {
    const m = mentions[k]!;
    const ov = Math.min(end, m.end) - Math.max(start, m.start);
    if (ov > 0) overlapped = true;
    // (not the possessor of the phrase's head: "Ann Vale's lawyer", "Vale's campaign" is someone else)
    if (m.type === "person" && ov > bestOverlap && !/^['\u2019]s?\s+\S/u.test(speaker.slice(m.end - start))) {
      best = k;
      bestOverlap = ov;
    }
  }
  if (indefinite) return best !== null && mentions[best]!.end >= start + he ? best : null;
  if (best !== null) return best;
  // else a mention holding the phrase's head, its last word: "the White House", but not "U.S. officials" or
  // "Saudi Arabia's court"
  const headStart = start + hs, headEnd = start + he;
  for (let k = Math.max(0, from); k < mentions.length && mentions[k]!.start < end; k++) {
    const m = mentions[k]!;
    if (m.end <= start || m.start >= headEnd || m.end <= headStart) continue;
    // "the Ohio Democrat" is a person, not the party: a place before a party or people word
    if (m.type === "other" && !headText.endsWith("s") && k > 0 && mentions[k - 1]!.start >= start && mentions[k - 1]!.end <= m.start) continue;
    const ov = Math.min(end, m.end) - Math.max(start, m.start);
    if (ov > bestOverlap) {
      best = k;
      bestOverlap = ov;
    }
  }
  // a surname the tagger took for a company or place here, or did not tag at all ("May", "Mrs May"), is the person of
  // that surname named before: "Jane Roe … 'We will win,' Roe said" with "Roe" tagged an organisation
  // (only when one person of the article has that surname: not "Roe" after "Jane Roe" and "Tom Roe")
  const kind = best === null ? speakerKind(speaker) : null;
  const word = best !== null ? speaker : kind === "name" ? stripTitles(speaker) : "";
  if ((best === null || mentions[best]!.type !== "person") && /^\p{Lu}[\p{L}'\u2019-]+$/u.test(word)) {
    let named: number | null = null;
    // (a name the tagger left out is looked for from the article's start: this is seldom asked)
    for (let k = from; k >= (best === null ? 0 : Math.max(0, from - LOOKBACK)); k--) {
      const m = mentions[k]!;
      if (m.type !== "person" || m.end > start) continue;
      if (m.text === word) return k; // the surname as a person before: the link stage decides whose it is
      if (!m.text.endsWith(` ${word}`)) continue;
      if (named !== null && mentions[named]!.text !== m.text) {
        named = null;
        break;
      }
      named ??= k;
    }
    if (named !== null) return named;
  }
  if (best !== null) return best;
  // "the Kentucky Republican", "the Ohio senator": the person named before with that state beside the name
  const state = STATE_DESCRIPTION.exec(speaker);
  if (state && rc.text) {
    const { before, after } = stateNear(state[1]!);
    // (written before the name in its title, "Kentucky Republican Sen. Ann Vale", or after it, "Ann Vale, R-Ky.," up
    // to the next person's name)
    let next = start;
    for (let k = from; k >= Math.max(0, from - LOOKBACK); k--) {
      const m = mentions[k]!;
      if (m.type !== "person") continue;
      const upTo = next;
      next = m.start;
      if (m.end > start || rc.skip?.(k)) continue;
      if (before.test(rc.text.slice(Math.max(0, m.start - 50), m.start)) || after.test(rc.text.slice(m.end, Math.min(upTo, m.end + 30)).split("\n")[0]!)) return k;
    }
  }
  if (kind === "name") return null;
  // a description named right after it: "said Vale's sister, Ann Roe." is Ann Roe
  // (the name set off by commas or ending the sentence: not the subject of a clause, "According to police, Vale had …")
  if (kind === "description" && rc.text && !/^(?:him|her|them|me|us|it)$/i.test(speaker)) {
    for (let k = Math.max(0, from); k < mentions.length && mentions[k]!.start <= end + 3; k++) {
      const m = mentions[k]!;
      if (m.start >= end && m.type === "person" && /^,\s+$/.test(rc.text.slice(end, m.start)) && (m.end === rc.text.length || /^[,.;:!?)"\u201D\u2019]/u.test(rc.text[m.end]!))) return k;
    }
  }
  // "the country's envoy" is someone of the named possessor, and "the British minister" someone of the named
  // country, not the last person named
  if (kind === "description" && (overlapped || /['\u2019]s\b/.test(speaker))) return null;
  let type: MentionSpan["type"] | null = null;
  let head: string | null = null;
  if (kind === "pronoun") type = PRONOUN_TYPE[speaker.toLowerCase()] ?? null;
  else {
    // the head is the phrase's own last noun ("the latest government figures" is no government)
    const d = descriptionHead(speaker.slice(0, he));
    if (d && d.type !== "document" && headText.split(/[^\p{L}]+/u).includes(d.head.split(" ").at(-1)!)) {
      type = d.type;
      head = d.head;
    }
  }
  if (!type) return null;
  // "we" and "I" outside quotation marks are the writer ("as we noted", "I'd argue"), who is no mention of the
  // article; "I" is someone else only after a transcript's label, the person it names ("REP. ANN VALE: I support …")
  if (kind === "pronoun" && /^(?:we|i)$/i.test(speaker)) {
    const label = /^i$/i.test(speaker) && rc.text ? labelOf(rc.text, start) : null;
    if (!label) return null;
    for (let k = from; k >= 0 && mentions[k]!.end > label[0]; k--) if (mentions[k]!.type === "person" && mentions[k]!.start < label[1]) return k;
    return null;
  }
  // a pronoun is the last speaker of its kind, when there was one lately ("Doe criticized Roe. 'Quote,' she said.")
  // "she" is not a man of a known given name, "he" not a woman ("Jane Roe met Tom Pell. … she said" is Jane Roe)
  const wantFemale = kind !== "pronoun" ? null : /^she$/i.test(speaker) ? true : /^he$/i.test(speaker) ? false : null;
  const otherSex = (k: number) => wantFemale !== null && femaleAt(mentions, k) === !wantFemale;
  if (kind === "pronoun" && type === "person") {
    const own = ownSubject(mentions, from, start, rc, wantFemale);
    if (own !== null) return own;
  }
  const last = kind === "pronoun" ? (type === "person" ? rc.lastPerson : rc.lastOrg) : null;
  if (last && last[1] <= start && start - last[1] <= RECENT && (last[0] < 0 || !otherSex(last[0])))
    return (type === "person" ? subjectSince(mentions, from, last, start, rc, wantFemale) : null) ?? (last[0] < 0 ? null : last[0]);
  // a country the tagger called an organisation is not "it" or "the company"
  const skip1 = rc.skip ?? (() => false);
  const skip0 = wantFemale === null ? skip1 : (k: number) => skip1(k) || otherSex(k);
  const skip = type === "organization" ? (k: number) => skip0(k) || countryCode(mentions[k]!.text) !== null : skip0;
  const stop = Math.max(0, from - LOOKBACK);
  // a newspaper is the last one named, a business the last organisation named if it is no public body, a body of a
  // kind the last one named of that kind ("the court" a court); "authorities" and "his office" are no one named
  const fit = head && type === "organization" ? orgFit(speaker, head) : null;
  if (fit === "none") return null;
  // the last of its kind whose name holds the head ("the agency" the "Harbour Agency"; not "the news agency")
  if (head) for (let k = from; k >= stop; k--) if (!skip(k) && mentions[k]!.type === type && mentions[k]!.text.toLowerCase().includes(head) && (!fit || fit.test(mentions[k]!.text))) return k;
  // "it" and "they" are an organisation only as the last one to speak (above): "they" is most often a group of
  // people ("Republicans … they said"), "it" a thing, and the last organisation named was right in about a fifth
  // of the links sampled on news
  if (kind === "pronoun" && type === "organization") return null;
  // A description is not simply the last name of its kind: "the official", "the source" are most often someone
  // left unnamed. A person's description is the person whose name is written with that role ("Mayor Jane Roe",
  // "Jane Roe, the city's mayor," … "the mayor said"); an organisation's, for now, the last organisation named
  // (right about half the time on news).
  if (kind !== "pronoun" && type === "person") {
    // (a role of something named after it is not the role written with a name: "the president of a group" is no
    // "President Ann Vale")
    if (!rc.text || !head || /^\s+(?:of|for)\s/.test(speaker.slice(he))) return null;
    // (an office one person holds at a time, written alone, "the president", "the vice president", is looked for as far
    // back as the article's start: it names one person through an article, often written with the name once, near its
    // top; not "the former president", nor "the onetime confidant of the president")
    const { before, after, deputy } = rolePatterns(speaker, head);
    const sole = SOLE_ROLES.has(head) && /^the\s+(?:(?:vice|deputy)[\s-]+)?\p{L}+$/iu.test(speaker.trim());
    for (let k = from; k >= (sole ? Math.max(0, from - ROLE_LOOKBACK) : stop); k--) {
      const m = mentions[k]!;
      if (skip(k) || m.type !== "person") continue;
      const pre = rc.text.slice(Math.max(0, m.start - 40), m.start);
      // (further back, only the title right before the name, of no other country and no past holder: not "Syrian
      // President Ana Vale", "former President Ann Vale", nor "Ann Vale, who met the president,")
      if (k < stop) {
        if (before.test(pre) && (deputy || !VICE.test(pre)) && !FORMER.test(pre) && !FOREIGN.test(pre)) return k;
        continue;
      }
      if ((before.test(pre) && (deputy || !VICE.test(pre))) || after.test(rc.text.slice(m.end, m.end + 60))) return k;
    }
    return null;
  }
  for (let k = from; k >= stop; k--) {
    if (skip(k) || mentions[k]!.type !== type) continue;
    if (!fit || fit.test(mentions[k]!.text)) return k;
    if (!fit.scan) return null;
  }
  return null;
}

/** Words in the names of public bodies and institutions, which "the company" is not. */
const PUBLIC_BODY = /\b(?:department|ministry|agency|administration|commission|committee|council|senate|house|congress|parliament|assembly|legislature|court|party|government|police|army|navy|university|college|school|center|centre|centers|institutes?|foundation|association|union|bureau|office|service|board|authority|cabinet|caucus|church|campaign)\b/i;
/** Last words of the names of newspapers, broadcasters and sites ("the newspaper" is one of these, or an acronym such as a network's). */
const MEDIA_NAME = /\b(?:times|post|news|journal|tribune|herald|gazette|telegraph|guardian|globe|magazine|press|daily|review|network|tv|radio|record|star|sun|mail|express|examiner|observer|chronicle|inquirer|independent|standard|bulletin|courier|dispatch|register|reporter|week|weekly|monitor|wire|today|insider|beast|caller|hill|politico|axios|vox|breitbart|salon|slate|atlantic|nation|intercept)$/i;
/** Whether a name ends as a newspaper's, a broadcaster's or a site's does ("Harbour Post", "Vale News."). */
const mediaName = (name: string): boolean => MEDIA_NAME.test(name.replace(/[^\p{L}\p{N}]+$/u, ""));
const ACRONYM = /^[\p{Lu}&.]{2,}$/u;
/** Heads of descriptions that name a business ("the company", "the airline"). */
const BUSINESS_HEADS: ReadonlySet<string> = new Set("company firm retailer carrier airline automaker maker manufacturer giant startup insurer chain business corporation conglomerate lender bank developer producer supplier provider operator utility brand distributor".split(" "));
/** Heads of descriptions that name a newspaper, a broadcaster or a site ("the newspaper", "the network"). */
const MEDIA_HEADS: ReadonlySet<string> = new Set("newspaper paper magazine network outlet publication broadcaster station website site tabloid channel".split(" "));

/** Words in the names of public bodies of a state, which "the group" is not. */
const STATE_BODY = /\b(?:department|ministry|agency|administration|commission|committee|council|senate|house|congress|parliament|assembly|legislature|court|government|police|army|navy|military|forces|bureau|office|cabinet|pentagon|kremlin)\b/i;
/**
 * Heads of descriptions that name a kind of body, with the words one of that kind has in its name ("the court" is a
 * court, the "Supreme Court"; "the union" a "… Union"), and the acronyms that may stand for one: a body's word most
 * often ends its name, so for most kinds its initial ends the acronym ("the committee" may be the "HNC", not the
 * "HBI"); a department's may open it too, a union's or a university's hold a U anywhere, and an agency may be any
 * acronym that is no newspaper's. No acronym for the kinds left without one ("the court", "the campaign").
 */
const BODY_HEADS: ReadonlyMap<string, { words: readonly string[]; acronym?: RegExp }> = new Map(
  Object.entries({
    department: { words: ["department", "dept"], acronym: /^D|D$/ },
    ministry: { words: ["ministry"] },
    agency: { words: ["agency", "administration", "service", "bureau", "commission", "authority", "office", "department", "board", "institutes?", "centers?", "centres?"], acronym: /./ },
    office: { words: ["office"] },
    administration: { words: ["administration", "white house"] },
    campaign: { words: ["campaign"] },
    committee: { words: ["committee", "subcommittee"], acronym: /C$/ },
    commission: { words: ["commission"], acronym: /C$/ },
    council: { words: ["council"], acronym: /C$/ },
    party: { words: ["party"], acronym: /P$/ },
    court: { words: ["court", "tribunal"] },
    union: { words: ["union", "federation", "guild", "teamsters", "workers"], acronym: /U/ },
    association: { words: ["association"], acronym: /A$/ },
    federation: { words: ["federation"], acronym: /F$/ },
    institute: { words: ["institute", "institution"], acronym: /I$/ },
    university: { words: ["university", "college"], acronym: /U/ },
    foundation: { words: ["foundation"], acronym: /F$/ },
    team: { words: ["team"] },
    club: { words: ["club"] },
    service: { words: ["service"], acronym: /S$/ },
    authority: { words: ["authority"], acronym: /A$/ },
    police: { words: ["police", "sheriff", "sheriff's", "sheriff\u2019s", "constabulary", "troopers", "patrol"], acronym: /PD$/ },
    army: { words: ["army", "military", "forces", "defen[cs]e"], acronym: /F$/ },
    military: { words: ["army", "navy", "military", "forces", "defen[cs]e", "pentagon", "marines", "air force"], acronym: /F$/ },
    board: { words: ["board"], acronym: /B$/ },
    embassy: { words: ["embassy"] },
    government: { words: ["government"] },
    parliament: { words: ["parliament"] },
    congress: { words: ["congress"] },
    senate: { words: ["senate"] },
  }),
);
/** Heads that stand for several bodies or people, none of them one named ("authorities said"). */
const NO_ONE_NAMED: ReadonlySet<string> = new Set(["authorities"]);
const bodyFits = new Map<string, (name: string) => boolean>();
function bodyFit(last: string, body: { words: readonly string[]; acronym?: RegExp }): (name: string) => boolean {
  let f = bodyFits.get(last);
  if (!f) {
    const re = new RegExp(`\\b(?:${body.words.join("|")})(?![\\p{L}])`, "iu");
    const acronym = body.acronym;
    // an agency is a public body, not a newspaper or a network known by its initials
    const media = last === "agency" ? mediaName : () => false;
    bodyFits.set(last, (f = (name) => !media(name) && (re.test(name) || (acronym !== undefined && ACRONYM.test(name) && acronym.test(name.replace(/[^\p{L}]/gu, ""))))));
  }
  return f;
}

/**
 * What an organisation's description can stand for, null for any organisation, "none" for none named:
 * - a business is no public body ("the company" is not the agency named last: no link);
 * - a newspaper or a network has such a name or an acronym (the last one named, passing over other organisations: `scan`);
 * - a body of a kind has the kind's word in its name (the last one named, passing over others: "the court");
 * - a group or an organisation is no public body of a state and no newspaper or network ("the group" is not the
 *   ministry or the paper named last: no link);
 * - a body of someone's ("his office", "her campaign") and "authorities" are no organisation named.
 * On news, the last organisation named was right about half the time for these descriptions.
 */
function orgFit(speaker: string, head: string): { test: (name: string) => boolean; scan: boolean } | "none" | null {
  const last = head.split(" ").at(-1)!;
  if (NO_ONE_NAMED.has(last)) return "none";
  // "the social network" is a business
  if (BUSINESS_HEADS.has(last) || /\bsocial (?:network|media)\b/i.test(speaker)) return { test: (name) => !PUBLIC_BODY.test(name), scan: false };
  // "the news agency" and "the wire service" are a newspaper's kind
  if (MEDIA_HEADS.has(last) || /\b(?:news agency|wire service)\b/i.test(speaker)) return { test: (name) => mediaName(name) || ACRONYM.test(name), scan: true };
  const body = BODY_HEADS.get(last);
  if (body) return /^(?:his|her|their|my|our|your)\s/i.test(speaker) ? "none" : { test: bodyFit(last, body), scan: true };
  if (last === "group" || last === "organization" || last === "organisation")
    return { test: (name) => !STATE_BODY.test(name) && !mediaName(name), scan: false };
  return null;
}
