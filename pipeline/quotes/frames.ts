// Attribution frames: the words around a quote that name its speaker and the reporting verb.
// Works on the masked text (quoted words blanked), token by token, without a parser: a speaker
// is a short noun phrase found by its edges (capitals, determiners, pronouns, punctuation).
import { CUES, SPEAKER_NOUNS, TITLES, type CueTag } from "./lexicon.ts";
import { isSpaceCode } from "../text.ts";

export interface Tok {
  s: number;
  e: number;
  w: string;
  lw: string;
  /** starts with an upper-case letter */
  cap: boolean;
  /** has no letter or digit (punctuation, or blanked quote words) */
  punct: boolean;
}

// A token: a word (letters and digits, joined by ' ’ - . &), a run of blanked quote words (U+0001), or one other non-space character.
const WORD_CHAR = new Uint8Array(65536); // 0 unknown, 1 word character, 2 not
for (let c = 0; c < 128; c++) WORD_CHAR[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function isWordCode(c: number): boolean {
  let v = WORD_CHAR[c]!;
  if (v === 0) WORD_CHAR[c] = v = c < 0xd800 || c > 0xdfff ? (LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2) : 2;
  return v === 1;
}
const UPPER_CHAR = new Uint8Array(65536);
const UPPER = /\p{Lu}/u;
function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  let v = UPPER_CHAR[c]!;
  if (v === 0) UPPER_CHAR[c] = v = UPPER.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}
const isJoiner = (c: number): boolean => c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2e || c === 0x26;

/** Whether the full stop at `dot` is followed by a capital and a small letter ("said.Clinton", not "example.com"). */
const runTogether = (text: string, dot: number): boolean => {
  const a = text.charCodeAt(dot + 1), b = text.charCodeAt(dot + 2);
  return a >= 65 && a <= 90 && b >= 97 && b <= 122;
};

function scan(text: string, lo: number, hi: number): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  let i = lo;
  while (i < hi) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    let e = i + 1;
    let upper = c > 127 || (c >= 65 && c <= 90); // whether lower-casing may change the word
    if (c === 1) while (e < n && text.charCodeAt(e) === 1) e++;
    else if (isWordCode(c)) {
      for (;;) {
        for (let d = text.charCodeAt(e); e < n && isWordCode(d); d = text.charCodeAt(++e)) if (d > 127 || (d >= 65 && d <= 90)) upper = true;
        // (not a full stop between a word in lower case and a capitalised one: two sentences run together, "said.Clinton")
        if (e + 1 < n && isJoiner(text.charCodeAt(e)) && isWordCode(text.charCodeAt(e + 1)) && !(text.charCodeAt(e) === 0x2e && !upper && runTogether(text, e))) {
          if (text.charCodeAt(e) > 127) upper = true;
          e += 2;
          const d = text.charCodeAt(e - 1);
          if (d > 127 || (d >= 65 && d <= 90)) upper = true;
        } else break;
      }
    } else if (c >= 0xd800 && c <= 0xdbff && e < n) e++;
    const end = Math.min(e, hi);
    const w = text.slice(i, end);
    const word = c !== 1 && isWordCode(c);
    out.push({ s: i, e: end, w, lw: upper ? w.toLowerCase() : w, cap: word && isUpperCode(c), punct: !word });
    i = e;
  }
  return out;
}

/** The tokens of one text, scanned once; `tokenize` slices them for that text. */
let indexed: { text: string; toks: Tok[] } | null = null;

/** Scans `text` once so that later `tokenize(text, …)` calls are slices (the extractor calls it once per article). */
export function indexTokens(text: string): void {
  indexed = { text, toks: scan(text, 0, text.length) };
}

/** Tokens of `text` whose start lies in [lo, hi) (the last one cut at hi). */
export function tokenize(text: string, lo: number, hi: number): Tok[] {
  if (!indexed || indexed.text !== text) return scan(text, lo, hi);
  const toks = indexed.toks;
  let a = 0, b = toks.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (toks[mid]!.s < lo) a = mid + 1;
    else b = mid;
  }
  let z = a;
  while (z < toks.length && toks[z]!.s < hi) z++;
  const out = toks.slice(a, z);
  const last = out[out.length - 1];
  if (last && last.e > hi) {
    const w = text.slice(last.s, hi);
    out[out.length - 1] = { ...last, e: hi, w, lw: w.toLowerCase() };
  }
  return out;
}

const set = (s: string): ReadonlySet<string> => new Set(s.split(" "));
export const PRONOUNS = set("he she it they i we you");
const DETS = set(
  "the a an his her its their our my your this that these those one another some several many two three four five six seven eight nine ten both each every any no all most other such",
);
const START_DETS = set("the a an his her its their");
const JOINS = set("of and for at in on to with from by & or about");
/** Words between a subject and its verb: auxiliaries and adverbs. */
const AUX = set(
  "has have had was were is are be been would will could should may might must did does do also later then again once previously recently repeatedly further simply quickly never often already reportedly just still even first finally publicly privately not quoted as sharply bluntly flatly openly angrily strongly long always sometimes",
);
/** Words that end a noun phrase read leftwards from a verb. */
const BACK_STOP = set(
  "but or that which who whom whose as when while because if although though since after before so than where whether is was are were has have had will would can could should may might must do does did not to said says told about how what why",
);
const LEAD_TRIM = set("but and so yet however meanwhile also now still then later instead indeed moreover finally earlier thus including especially even just only");
const PREPS = set("in on at during after before since for from with by under over last this following amid despite");
/** Words after a participle that follows a noun ("a report released this week", "people briefed on the talks"). */
const AFTER_PARTICIPLE = set("on in at this last earlier late early monday tuesday wednesday thursday friday saturday sunday yesterday today to for with from");
/** Words that end a noun phrase read rightwards after an inverted verb ("said Jane Doe on Monday"). */
const FWD_STOP = set(
  "in on at during after before while when as because to from with who which that whose adding referring speaking according citing noting explaining and but or monday tuesday wednesday thursday friday saturday sunday yesterday today tonight last this earlier later recently told said says than about via through if whether how what why more amid among despite against",
);
/** Reporting-verb forms that are also common nouns ("the report", "his claims"). */
const NOUNISH = set(
  "report reports post posts call calls charge charges answer answers claim claims comment comments promise promises tweet tweets demand demands state states note notes remark remarks reply replies response statement warning warnings joke jokes vow vows pledge pledges repeat repeats",
);
/** Words after a verb-or-noun ("claims") that make it the noun: "claims of fraud", "claims as false", "claims were" (not "about": "jokes about"). */
const AFTER_NOUN = set("of as are were have had and or by");
/** Words of a time phrase besides TIME's: "last week", "this year", "the day". */
const WHEN_WORDS = set("last this next the that early late week weekend month year day days weeks months years");
/** Time words: never a speaker ("said Tuesday", "tweets early Friday saying"). */
const TIME = set(
  "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow morning afternoon evening night week weekend month year january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec earlier later",
);
/**
 * Function and time words that are also common names ("Theresa May", "George Will", "Brock Long", "Jan Roe"): written
 * with a capital inside a sentence, or right before a reporting verb, they are a name's words.
 */
const NAME_HOMOGRAPHS = set("may will long jan april june august");
/** A capitalised name homograph: "May", "Will", not "may". */
const nameHomograph = (t: Tok): boolean => isCap(t) && NAME_HOMOGRAPHS.has(t.lw);
/**
 * Whether token k, a name homograph right before the verb at k + 1, is a name alone: not a date ("May 28"), not
 * after a determiner or a preposition ("a May report", "who in May claimed"), not an adverb before a passive ("Long
 * dismissed by critics").
 */
const loneName = (toks: readonly Tok[], k: number, floor: number): boolean =>
  nameHomograph(toks[k]!) && !(k - 1 >= floor && (DETS.has(toks[k - 1]!.lw) || PREPS.has(toks[k - 1]!.lw))) && toks[k + 2]?.lw !== "by";
/** What follows a number that starts a speaker phrase: "52 percent of voters", "61% of them". */
const SHARE = /^(?:%|percent|per|of)$/;
/** Finite verbs that end a noun phrase as its predicate. */
const FINITE = set("is was are were has have had will would can could should may might must does did do");
/** A negated verb ("don't", "wasn't"): never inside a noun phrase. */
const NEGATED = /n['\u2019]t$/;
/** Relative pronouns: a clause after a comma that starts with one is not an appositive name. */
const RELATIVE = set("who whose whom which");
/** Words that stand for people before "who" ("those who", "anyone who"). */
const WHO_HEADS = set("those anyone someone everyone everybody anybody somebody nobody people");
/** Determiners that stand for a group of people on their own: "Some said", "One called it". */
const STANDALONE = set("one some many several both most all another others few");
/** Words no noun phrase starts with. */
const NOT_NP_START = set(
  "of to for with from into onto than as if whether when while because although though unless until and or nor but so being been is was were are am be not who whose whom which where how why what more here there",
);
const AFTER_CALL_NOT_CUE = set("for on off up in back out upon");
const ADD = set("add adds added adding");
const TEXT_VERBS = set("states notes");

/** Nouns ending in -ly, which are not adverbs: "her family said", "the weekly reported". */
const LY_NOUNS = set("family ally assembly rally supply monopoly anomaly bully daily weekly monthly quarterly");
/** Adverbs without -ly that stand between a subject and its verb: "has so far concluded", "but rather says". */
const MID_ADVERBS = set("so far rather also still often sometimes never ever already long once even just only again now then");
const isAdverb = (t: Tok): boolean => /ly$/.test(t.lw) && t.lw.length > 4 && !isCap(t) && !LY_NOUNS.has(t.lw);
/** A reporting verb's participle ("asked", "speaking"), which opens a clause rather than names someone. */
const verbForm = (t: Tok): boolean => CUES.has(t.lw) && /(?:ed|ing)$/.test(t.lw);
/** "he's", "they're": a pronoun with a clitic auxiliary, not a possessive. */
export const isContraction = (t: Tok): boolean => /^(?:he|she|it|they|we|i|you)['\u2019](?:s|re|ve|d|ll|m)$/.test(t.lw);
const isPunct = (t: Tok): boolean => t.punct;
const isCap = (t: Tok): boolean => t.cap;
export const isMasked = (t: Tok): boolean => t.w.charCodeAt(0) === 1;
const adjacent = (a: Tok, b: Tok): boolean => a.e === b.s;
const isAbbrev = (t: Tok): boolean => TITLES.has(`${t.w}.`) || /^\p{Lu}$/u.test(t.w) || /^(?:[A-Z]\.)+[A-Z]$/.test(t.w) || t.lw === "jr" || t.lw === "st";

/** A full stop that does not end the sentence: after an abbreviation, or before a comma, a closing parenthesis or a lower-case word ("R-Ky., said", "(R-Ky.), who"). */
const softStop = (toks: readonly Tok[], k: number): boolean => {
  const t = toks[k]!;
  if (t.w !== ".") return false;
  const prev = toks[k - 1], next = toks[k + 1];
  if (prev && adjacent(prev, t) && isAbbrev(prev)) return true;
  return next !== undefined && (next.w === "," || next.w === ")" || /^\p{Ll}/u.test(next.w));
};

/** First words of multi-word cues. */
const CUE_FIRST: ReadonlySet<string> = new Set([...CUES.keys()].filter((k) => k.includes(" ")).map((k) => k.split(" ")[0]!));

/** Whether a token may start a reporting frame (a cue, the first word of a two-word cue, "according"). */
export const mayCue = (t: Tok): boolean => CUES.has(t.lw) || CUE_FIRST.has(t.lw) || t.lw === "according";

export interface Cue {
  len: number;
  tag: CueTag;
}

/** Whether a determiner or a possessive opens the noun phrase before token k: "the memo" (notes), "Vale's letter" (states). */
function textSubject(toks: readonly Tok[], k: number): boolean {
  let b = k - 1;
  while (b >= 0 && (isAdverb(toks[b]!) || MID_ADVERBS.has(toks[b]!.lw))) b--;
  // the noun, then at most one word before it, then the determiner
  for (let d = b - 1; d >= 0 && d >= b - 2; d--) {
    const t = toks[d]!;
    if (START_DETS.has(t.lw) || /['\u2019]s$/.test(t.lw)) return !isContraction(t);
  }
  return false;
}

/** The reporting verb starting at token k, if any. */
export function cueAt(toks: readonly Tok[], k: number): Cue | null {
  const t = toks[k];
  if (!t) return null;
  const next = toks[k + 1];
  if (next && CUE_FIRST.has(t.lw) && !isPunct(next)) {
    const two = CUES.get(`${t.lw} ${next.lw}`);
    if (two) return { len: 2, tag: two };
  }
  const tag = CUES.get(t.lw);
  if (!tag) return null;
  if (isCap(t) && k > 0) return null; // "Report", "Post": names, not verbs
  const prev = toks[k - 1];
  if (prev && (DETS.has(prev.lw) || (/['\u2019]s$/.test(prev.lw) && !isContraction(prev))) && prev.lw !== "that") return null; // "the report", "Smith's claims"
  // (but a text "states" or "notes" what follows "that": "the memo notes that …", not "the interview notes that …")
  if (NOUNISH.has(t.lw) && !(prev && (PRONOUNS.has(prev.lw) || isContraction(prev) || isCap(prev))) && !(TEXT_VERBS.has(t.lw) && next?.lw === "that" && textSubject(toks, k))) return null;
  // (after a capital it is a noun still when what follows fits only a noun: "Republican claims as 'false'", "Vale
  // reports were wrong")
  if (NOUNISH.has(t.lw) && prev && isCap(prev) && next && AFTER_NOUN.has(next.lw)) return null;
  if (tag === "label" && next && AFTER_CALL_NOT_CUE.has(next.lw)) return null; // "called for"
  if (ADD.has(t.lw) && next && /^[\d$€£¥]/u.test(next.w)) return null; // "the index added 0.9%": a gain, not a remark
  // a passive participle right before "as" labels its subject, it is no one's saying: "the plan was described as
  // 'reckless'", "Vale, often portrayed as 'aloof'" (but "what Vale described as 'a rant'" is Vale's)
  if (tag === "label" && next?.lw === "as" && prev && /(?:ed|wn)$/.test(t.lw)) {
    const before = toks[k - 2];
    // (the adverb may open the sentence: "Widely described as …")
    const adverb = (/ly$/.test(prev.lw) && prev.lw.length > 4 && !LY_NOUNS.has(prev.lw)) || MID_ADVERBS.has(prev.lw);
    if (BE.has(prev.lw) || (adverb && (!before || BE.has(before.lw) || /^[,.!?]$/.test(before.lw)))) return null;
  }
  return { len: 1, tag };
}

export interface Frame {
  speakerStart: number;
  speakerEnd: number;
  cue: string | null;
  cueStart: number | null;
  cueEnd: number | null;
  /** first and last offsets the frame covers */
  start: number;
  end: number;
}

export interface Np {
  i: number; // first token
  j: number; // one past the last token
}

/** A noun phrase ending just before token `k` (a verb), not reaching before token `floor`. */
export function npBackward(toks: readonly Tok[], k: number, floor: number): Np | null {
  let j = k;
  while (j > floor && ((AUX.has(toks[j - 1]!.lw) || MID_ADVERBS.has(toks[j - 1]!.lw)) && !isCap(toks[j - 1]!) || isAdverb(toks[j - 1]!))) j--;
  // a party tag after the name and a comma, with no comma after it: "Ann Vale, D-Ohio. said"
  let t0 = j;
  if (t0 > floor && toks[t0 - 1]!.w === ".") t0--;
  if (t0 - 2 > floor && PARTY_TAG.test(toks[t0 - 1]!.w) && toks[t0 - 2]!.w === ",") {
    const head = npBackwardPlain(toks, t0 - 2, floor);
    if (head && isCap(toks[head.i]!)) return head;
  }
  // an aside between dashes before the verb: "Ann Vale -- the firm's founder -- said": the phrase before the first dash
  const close = dashBefore(toks, j, floor);
  if (close >= 0) {
    for (let c = close - 1; c > floor && c > close - 45; c--) {
      const t = toks[c]!;
      if (isMasked(t) || /^[!?;:]$/.test(t.w) || (t.w === "." && !softStop(toks, c))) break;
      const open = dashBefore(toks, c + 1, floor);
      if (open >= 0 && open <= c) {
        const head = npBackward(toks, open, floor);
        if (!head) return null;
        // a description after the name and a comma: "Ann Vale, columnist for the Post -- …": the name
        const words = (np: Np) => toks.slice(np.i, np.j).filter((t) => /\p{L}/u.test(t.w));
        const name = toks[head.i - 1]?.w === "," ? npBackwardPlain(toks, head.i - 1, floor) : null;
        if (name && words(name).every(isCap) && words(head).some((t) => !isCap(t))) return name;
        return isCap(toks[head.i]!) || PRONOUNS.has(toks[head.i]!.lw) ? head : null;
      }
    }
  }
  if (j > floor && toks[j - 1]!.w === ",") {
    // appositive: "Jane Doe, the firm's founder, said", "Jane Doe, 59, of Springfield, who …, said": the name before the first comma
    const commas: number[] = [];
    let c = j - 2;
    for (; c > floor && c > j - 45; c--) {
      const t = toks[c]!;
      if (isMasked(t) || /^[!?;:]$/.test(t.w) || (t.w === "." && !softStop(toks, c))) break;
      if (t.w === ",") commas.push(c);
    }
    for (let k = commas.length - 1; k >= 0; k--) {
      const head = npBackwardPlain(toks, commas[k]!, Math.max(floor, c));
      // a sentence's opening adverb or time is no one: "Similarly, Ann Vale, a former aide, said", "Hours earlier, …"
      if (head && head.j - head.i <= 3 && toks.slice(head.i, head.j).every((t) => OPENERS.has(t.lw))) continue;
      // a leading participle's phrase is no one: "Speaking at the forum, the chairman, Ann Vale, said"
      // (not a name in -ing: "Sterling, the firm's head, said")
      if (head && head.j - head.i >= 2 && /\p{Ll}ing$/u.test(toks[head.i]!.w) && isCap(toks[head.i]!) && /^\p{Ll}/u.test(toks[head.i + 1]!.w)) continue;
      // a relative clause after the comma describes the phrase before it: "the farmer, who grows corn, said"
      if (head && (isCap(toks[head.i]!) || PRONOUNS.has(toks[head.i]!.lw) || RELATIVE.has(toks[commas[k]! + 1]?.lw ?? ""))) {
        // a description, then the name in apposition: "Vale's envoy to the UN, Ann Roe, said" is Ann Roe
        const name = { i: commas[k]! + 1, j: k > 0 ? commas[k - 1]! : j - 1 };
        if (describesPerson(toks, head) && name.j - name.i >= 2 && name.j - name.i <= 4 && toks.slice(name.i, name.j).every((t) => isCap(t) && !isPunct(t))) return name;
        return head;
      }
    }
    const near = commas[0];
    if (near === undefined || RELATIVE.has(toks[near + 1]?.lw ?? "")) return null;
    const app = { i: near + 1, j: j - 1 };
    return validNp(toks, app) ? app : null;
  }
  const np = npBackwardPlain(toks, j, floor);
  // a participle's place after the subject is not the subject: "Protesters marching through the streets chanted"
  const p = np ? np.i - 2 : -1;
  if (np && p > floor && MOTION_PREPS.has(toks[p + 1]!.lw) && /^\p{Ll}+ing$/u.test(toks[p]!.w) && !CUES.has(toks[p]!.lw)) {
    const subject = npBackwardPlain(toks, p, floor);
    if (subject && subject.j === p) return subject;
  }
  return np;
}
/** The words of a phrase that opens a sentence before its comma, and names no one ("Similarly,", "Hours earlier,"). */
const OPENERS = new Set([
  ...LEAD_TRIM,
  ...TIME,
  ..."similarly additionally separately likewise nevertheless nonetheless shortly thereafter afterward afterwards subsequently ultimately eventually initially previously recently notably importantly interestingly unfortunately fortunately surprisingly ironically well yes most late early hours days weeks months years minutes moments".split(" "),
]);
/** Prepositions of place that end a noun phrase read leftwards: the phrase before them is a participle's place. */
const MOTION_PREPS = set("through near across along outside inside around into toward towards past behind beside under over");

/** Whether a phrase describes a person with a noun in lower case ("the firm's chairman", "an envoy to the UN"). */
const describesPerson = (toks: readonly Tok[], np: Np): boolean => toks.slice(np.i, np.j).some((t) => !isCap(t) && SPEAKER_NOUNS.get(t.lw) === "person");

/** Whether `name` is a name of capitalised words and `desc`, after it, describes a person ("Ann Vale, the firm's chairman"). */
function nameBeforeDescription(toks: readonly Tok[], name: Np, desc: Np): boolean {
  return toks.slice(name.i, name.j).every((t) => isCap(t) || t.w === ".") && describesPerson(toks, desc);
}

/** Whether tokens i..j-1 are words in capitals, joining words of a name ("of", "and", "for", "the") and brackets or abbreviation stops. */
function properRun(toks: readonly Tok[], i: number, j: number, leadingJoin = false): boolean {
  for (let k = i; k < j; k++) {
    const t = toks[k]!;
    if (!(isCap(t) || (JOINS.has(t.lw) && (k > i || leadingJoin)) || t.lw === "the" || t.w === "(" || t.w === ")" || t.w === ".")) return false;
  }
  return true;
}

/** A US party and state tag: "D-N.J", "R-Ohio". */
const PARTY_TAG = /^[DRI]-\p{Lu}[\p{L}.]*$/u;

/** Where a dash ("—", "–" or "--") ending just before token j starts, or -1. */
function dashBefore(toks: readonly Tok[], j: number, floor: number): number {
  const t = toks[j - 1];
  if (!t || j - 1 < floor) return -1;
  if (t.w === "\u2014" || t.w === "\u2013") return j - 1;
  return t.w === "-" && j - 2 >= floor && toks[j - 2]!.w === "-" ? j - 2 : -1;
}

/** A noun phrase ending just before token `j`, with no appositive. */
function npBackwardPlain(toks: readonly Tok[], j: number, floor: number): Np | null {
  const last = toks[j - 1];
  if (j > floor && last && (PRONOUNS.has(last.lw) || isContraction(last))) return trimNp(toks, { i: j - 1, j });
  let i = j;
  // (up to ten tokens, or fifteen of a body's name and a title in capitals: "Office of Management and Budget (OMB)
  // Director Ann Vale said")
  while (i > floor && (i > j - 10 || (i > j - 15 && properRun(toks, i - 1, j, true)))) {
    const t = toks[i - 1]!;
    if (t.w === "." && i - 2 >= floor && adjacent(toks[i - 2]!, t) && isAbbrev(toks[i - 2]!)) {
      i--;
      continue;
    }
    if (t.w === "%" && toks[i]?.lw === "of" && i - 2 >= floor && adjacent(toks[i - 2]!, t) && /^\d/.test(toks[i - 2]!.w)) {
      i -= 2; // a share, which starts the phrase: "61% of voters said"
      break;
    }
    if (t.w === ")") {
      // a parenthesis inside the name: "Jane Doe (D-Ohio)"
      let o = i - 2;
      while (o > floor && o > i - 8 && toks[o]!.w !== "(") o--;
      if (o > floor && toks[o]!.w === "(" && isCap(toks[o - 1]!)) {
        i = o;
        continue;
      }
      break;
    }
    if (isPunct(t) || isMasked(t) || NEGATED.test(t.lw)) break;
    // a month that is also a given name opens a name before a capitalised word, not after a preposition: "Gov. Jan
    // Roe said", not "in June Tom Pell said" nor "last June"
    if (TIME.has(t.lw) && !(nameHomograph(t) && i < j && isCap(toks[i]!) && !(i - 2 >= floor && (PREPS.has(toks[i - 2]!.lw) || DETS.has(toks[i - 2]!.lw))))) break;
    // a relative clause with no comma belongs to the phrase before it: "those who backed the plan argued"
    // (the clause has a verb of its own and "who" is its subject: not "who nonetheless", "those who a critic called")
    if (t.lw === "who" && i < j - 1 && !DETS.has(toks[i]!.lw) && !PRONOUNS.has(toks[i]!.lw) && !isCap(toks[i]!)) {
      const head = i - 2 >= floor && WHO_HEADS.has(toks[i - 2]!.lw) ? { i: i - 2, j: i - 1 } : npBackwardPlain(toks, i - 1, floor);
      const np = head && head.j === i - 1 ? { i: head.i, j } : null;
      if (np && validNp(toks, np)) return np;
      break;
    }
    // "to" after a person's noun joins the one they serve: "an aide to Sen. Ann Vale said", "an adviser to the mayor said"
    if (t.lw === "to" && i < j && i - 2 >= floor && SPEAKER_NOUNS.get(toks[i - 2]!.lw) === "person" && (isCap(toks[i]!) || START_DETS.has(toks[i]!.lw))) {
      i--;
      continue;
    }
    // a capitalised "May" or "Will" after a capitalised word or a title is a name: "Mrs May said", "Sen. Will Roe said"
    // (so is one alone right before the verb: `," May said`, `Long told reporters`)
    if (BACK_STOP.has(t.lw) && !(isCap(t) && i - 2 >= floor && (isCap(toks[i - 2]!) || softStop(toks, i - 2))) && !(i === j && loneName(toks, i - 1, floor))) break;
    if (CUES.has(t.lw) && !isCap(t) && !(i - 2 >= floor && DETS.has(toks[i - 2]!.lw))) break; // "the state governor": a noun after a determiner
    if (t.lw === "and" || t.lw === "&") {
      // between names ("Smith and Jones"), or between a person's nouns ("professor and media critic Ann Vale")
      const before = toks[i - 2], after = toks[i];
      const nouns = before && after && SPEAKER_NOUNS.get(before.lw) === "person" && !isCap(after) && i < j - 1;
      if (!(before && after && ((isCap(before) && isCap(after)) || nouns))) break;
    }
    i--;
  }
  return trimNp(toks, { i, j });
}

/** A noun phrase starting at token `i` (after an inverted verb or "according to"). */
export function npForward(toks: readonly Tok[], i: number): Np | null {
  const first = toks[i];
  if (!first || TIME.has(first.lw) || (FWD_STOP.has(first.lw) && !isCap(first))) return null;
  let j = i;
  while (j < toks.length && j < i + 10) {
    const t = toks[j]!;
    if (t.w === "." && j > i && adjacent(toks[j - 1]!, t) && isAbbrev(toks[j - 1]!) && toks[j + 1] && isCap(toks[j + 1]!)) {
      j++;
      continue;
    }
    if (isPunct(t) || isMasked(t)) break;
    // "said the plan is sound": a clause, not a speaker after its verb (but "said Theresa May" is a name)
    if (j > i && FINITE.has(t.lw) && !(nameHomograph(t) && isCap(toks[j - 1]!))) return null;
    // (an agent after a participle goes on: "a ledger obtained by the Harbour Post")
    if (j > i && FWD_STOP.has(t.lw) && !(t.lw === "by" && /\p{Ll}ed$/u.test(toks[j - 1]!.w))) break;
    // a participle after the noun opens a phrase about it: "according to a report released on Monday", "people briefed
    // on the talks" (not "a retired general", "the visibly moved mayor")
    if (j > i && /^\p{Ll}+ed$/u.test(t.w) && /^\p{Ll}/u.test(toks[j - 1]!.w) && !DETS.has(toks[j - 1]!.lw) && !isAdverb(toks[j - 1]!) && (!toks[j + 1] || isPunct(toks[j + 1]!) || AFTER_PARTICIPLE.has(toks[j + 1]!.lw))) break;
    // "said the ruling", "according to a published report": a noun after a determiner or a modifier
    if (j > i && CUES.has(t.lw) && !isCap(t) && !DETS.has(toks[j - 1]!.lw) && !(NOUNISH.has(t.lw) && modifiers(toks, i, j))) break;
    j++;
    if (j === i + 1 && PRONOUNS.has(t.lw)) break;
  }
  return trimNp(toks, { i, j });
}

/** Whether tokens i..j-1 are one or two lower-case words before a noun, a determiner at most first ("a published", "new"). */
const modifiers = (toks: readonly Tok[], i: number, j: number): boolean =>
  j - i <= 2 && toks.slice(i, j).every((x, k) => (k === 0 && DETS.has(x.lw)) || (/^\p{Ll}+$/u.test(x.w) && !FINITE.has(x.lw) && !CUES.has(x.lw)));

function trimNp(toks: readonly Tok[], np: Np): Np | null {
  let { i } = np;
  const { j } = np;
  while (i < j && LEAD_TRIM.has(toks[i]!.lw)) i++;
  // ("this person said", "this official said": a demonstrative before a person's noun opens the phrase)
  if (i < j && PREPS.has(toks[i]!.lw) && !(toks[i]!.lw === "this" && i + 1 < j && (SPEAKER_NOUNS.get(toks[i + 1]!.lw) === "person" || toks[i + 1]!.lw === "person" || toks[i + 1]!.lw === "individual"))) {
    let k = i + 1;
    while (k < j && !DETS.has(toks[k]!.lw) && !PRONOUNS.has(toks[k]!.lw)) k++;
    i = k;
  }
  // a determiner inside starts the phrase: "meddling the state's governor said" → "the state's governor"
  for (let k = i + 1; k < j - 1; k++) {
    const prev = toks[k - 1]!;
    if (START_DETS.has(toks[k]!.lw) && !isCap(toks[k]!) && !isCap(prev) && !JOINS.has(prev.lw) && !isPunct(prev)) {
      i = k;
      break;
    }
  }
  const out = { i, j };
  return validNp(toks, out) ? out : null;
}

function validNp(toks: readonly Tok[], np: Np): boolean {
  const { i, j } = np;
  if (j <= i || (j - i > 10 && !(j - i <= 15 && properRun(toks, i, j)))) return false;
  const first = toks[i]!;
  if (isPunct(first) && first.w !== ".") return false;
  for (let k = i; k < j; k++) if (isMasked(toks[k]!)) return false;
  // no noun phrase starts with a preposition, a conjunction or a verb ("of the plan", "if it", "being"),
  // and one made only of such words and determiners names no one ("To", "The", "When")
  if (NOT_NP_START.has(first.lw)) return false;
  let content = false;
  for (let k = i; k < j && !content; k++) {
    const t = toks[k]!;
    // (a name homograph is a name's word, but not in a date, after a determiner or before a passive: "May 28", "A May
    // report", "Long dismissed by critics")
    content = (nameHomograph(t) && !/^\d/.test(toks[k + 1]?.w ?? "") && !(k > i && DETS.has(toks[k - 1]!.lw)) && toks[j + 1]?.lw !== "by") || (!isPunct(t) && !NOT_NP_START.has(t.lw) && !DETS.has(t.lw) && !PREPS.has(t.lw) && !LEAD_TRIM.has(t.lw) && !AUX.has(t.lw) && !BACK_STOP.has(t.lw) && !FWD_STOP.has(t.lw));
  }
  if (!content && !PRONOUNS.has(first.lw) && !(j - i === 1 && STANDALONE.has(first.lw))) return false;
  if (j - i === 1 && verbForm(first)) return false; // "Asked", "Speaking"
  if (PRONOUNS.has(first.lw) || isContraction(first) || DETS.has(first.lw) || isCap(first) || (/^\d/.test(first.w) && SHARE.test(toks[i + 1]?.lw ?? ""))) return true;
  if (j - i <= 3) return true; // "critics", "party officials"
  for (let k = i + 1; k < j; k++) if (isCap(toks[k]!)) return true; // "panel chairman Jane Doe"
  return false;
}

function frame(toks: readonly Tok[], np: Np | null, cueI: number | null, cueLen: number, text: string): Frame | null {
  if (!np) return null;
  // figures alone before the verb name no one: the end of a figure ("1,168 pledged delegates", "138,000 added in
  // March") or of a date ("on 1 December 2015 said"); a share may ("78% say")
  if (cueI !== null && cueI >= np.j && !SHARE.test(toks[np.i + 1]?.lw ?? "")) {
    let letter = false;
    for (let k = np.i; k < np.j && !letter; k++) letter = /\p{L}/u.test(toks[k]!.w);
    if (!letter) return null;
  }
  const s = toks[np.i]!.s;
  let e = toks[np.j - 1]!.e;
  if (text[e] === "." && isAbbrev(toks[np.j - 1]!) && toks[np.j - 1]!.w.length <= 3 && /^(?:Jr|Sr|Inc|Co|Corp|Ltd)$/.test(toks[np.j - 1]!.w)) e++;
  if (np.j - np.i === 1 && isContraction(toks[np.i]!)) e = s + toks[np.i]!.w.search(/['\u2019]/);
  const cs = cueI === null ? null : toks[cueI]!.s;
  const ce = cueI === null ? null : toks[cueI + cueLen - 1]!.e;
  return {
    speakerStart: s,
    speakerEnd: e,
    cue: cs === null || ce === null ? null : text.slice(cs, ce),
    cueStart: cs,
    cueEnd: ce,
    start: Math.min(s, cs ?? s),
    end: Math.max(e, ce ?? e),
  };
}

const SKIP_LEAD = /^[,.!?;:\u2012-\u2015\-\u2026]$/;

/**
 * Verbs that label, in the past tense, that also report words said aloud when they have no object (`," she called.`,
 * `," the leaders bemoaned.`); not after a form of "be" (`“aerosols,” as they are called`).
 */
const SAID_ALOUD = set("called bemoaned decried mocked touted slammed blasted lambasted excoriated denounced criticized criticised ridiculed");
/** Words after a verb that leave it without an object: the sentence goes on with when or where it was said. */
const CLAUSE_END = /^[.!?,;]$/;
const AFTER_INTRANSITIVE = set("on in at during to last this earlier later today yesterday tonight monday tuesday wednesday thursday friday saturday sunday");
/** Whether the verb that ended before token j has no object: the sentence ends, or a time or place follows. */
const endsClause = (toks: readonly Tok[], j: number): boolean => j >= toks.length || CLAUSE_END.test(toks[j]!.w) || AFTER_INTRANSITIVE.has(toks[j]!.lw);

/** Whether the verb at k follows a relative pronoun ("who has argued"), its auxiliaries and adverbs between, after `floor`. */
function inRelative(toks: readonly Tok[], k: number, floor: number): boolean {
  let b = k - 1;
  while (b > floor && AUX.has(toks[b]!.lw)) b--;
  return b > floor && RELATIVE.has(toks[b]!.lw);
}

/**
 * A frame right after a quote, in [lo, hi): `," she said`, `," said Jane Doe`, `," according to X`,
 * `" — Jane Doe`. `text` is the masked text.
 */
export function parseAfter(text: string, lo: number, hi: number, closed = false): Frame | null {
  const toks = tokenize(text, lo, Math.min(hi, lo + 300));
  let i = 0;
  let dash = false;
  while (i < toks.length && SKIP_LEAD.test(toks[i]!.w)) {
    if (/[\u2012-\u2015\-]/.test(toks[i]!.w)) dash = true;
    i++;
  }
  if (i >= toks.length || isMasked(toks[i]!)) return null;
  if (toks[i]!.lw === "according" && toks[i + 1]?.lw === "to") return frame(toks, npForward(toks, i + 2), i, 2, text);
  // (a verb that is also a noun only after a comma: `," notes Ann Vale`, not `'reckless' demands Replay`)
  const inv = cueAt(toks, i) ?? (closed || toks[i - 1]?.w === "," ? invertedNoun(toks, i) : null);
  if (inv && inv.tag !== "addressee" && inv.tag !== "label" && !isParticiple(toks[i]!)) {
    const f = frame(toks, npForward(toks, i + inv.len), i, inv.len, text);
    if (f) return f;
  }
  let depth = 0;
  for (let k = i + 1; k < toks.length && k < i + 45; k++) {
    const t = toks[k]!;
    if (t.w === "(") depth++;
    else if (t.w === ")") depth = Math.max(0, depth - 1);
    if (depth > 0 || t.w === ")") continue; // "Jane Doe (D-Ohio.)"
    if (softStop(toks, k)) continue;
    // an aside between dashes after the name: `," Ann Vale — a lawyer for the town — said`
    if (dashBefore(toks, k + 1, i) >= 0 && k >= i + 1) {
      let c = k + 1;
      while (c < toks.length && c < k + 25 && !isMasked(toks[c]!) && !/^[.!?;:]$/.test(toks[c]!.w) && dashBefore(toks, c + 1, k + 1) < 0) c++;
      if (c < toks.length && dashBefore(toks, c + 1, k + 1) >= 0) {
        k = c;
        continue;
      }
    }
    if (isMasked(t) || /^[.!?;:\u2014]$/.test(t.w)) break;
    const cue = cueAt(toks, k) ?? textClosing(toks, k);
    // (a verb that labels needs its object; with none it is said aloud: `," the leaders bemoaned.`, `," she called out
    // on Monday`)
    // (not in the passive, "as it's called", nor after an auxiliary or an adverb: "which Vale also has denounced.")
    if (!cue || (cue.tag === "label" && !(SAID_ALOUD.has(toks[k]!.lw) && endsClause(toks, k + cue.len) && !isPassive(toks, k) && !/['\u2019]s$/.test(toks[k - 1]!.lw) && !AUX.has(toks[k - 1]!.lw)))) continue;
    // a reporting verb inside a relative clause of the name's description is not the frame's: `," Tom Pell, a lawyer
    // who has argued cases before the court, said`
    if (inRelative(toks, k, i)) continue;
    const np = npBackward(toks, k, i);
    if (np && np.i <= i + 1) return frame(toks, np, k, cue.len, text);
    // "," the mayor, Jane Doe, said": a description, then the name in apposition
    if (np && np.i > i + 1 && toks[np.i - 1]!.w === ",") {
      const desc = trimNp(toks, { i, j: np.i - 1 });
      // (or the name, then a description: `," Ann Vale, the firm's chairman and chief executive, said`)
      if (desc && desc.i <= i + 1 && desc.j === np.i - 1) return frame(toks, nameBeforeDescription(toks, desc, np) ? desc : np, k, cue.len, text);
      // the writer's phrase finishing the quoted clause, then the name: `" of the content, Jane Doe said`
      if (JOINS.has(toks[i]!.lw) && !isCap(toks[i]!) && !toks.slice(i, np.i).some((t) => FINITE.has(t.lw) || CUES.has(t.lw))) return frame(toks, np, k, cue.len, text);
    }
    break;
  }
  // "… for criminal behavior, she said." : a frame closing the sentence after the writer's words
  let end = toks.length;
  while (end > i && /^[.!?"'\u201D\u2019]$/.test(toks[end - 1]!.w)) end--;
  // (or, at an earlier comma, an inverted frame whose name a description follows: `" will lend him weight, predicts Ann
  // Vale, a professor at the college.`)
  for (let c = end - 2, commas = 0; c > i && c >= end - 30 && commas < 3; c--) {
    if (toks[c]!.w !== ",") continue;
    commas++;
    const f = parseAfter(text, toks[c]!.e, toks[end - 1]!.e);
    if (f && f.cue) {
      const rest = tokenize(text, f.end, toks[end - 1]!.e);
      if ((rest.length <= 4 && commas === 1 && c >= end - 8) || (rest[0]?.w === "," && f.cueStart! < f.speakerStart && f.cueStart! === toks[c + 1]!.s)) return f;
    }
  }
  if (dash) {
    const np = npForward(toks, i);
    // the name ends the dash's phrase or a preposition follows it: `" — Jane Doe`, `" — Jane Doe, mayor`, `" — Jane Doe on TV`
    if (np && isCap(toks[np.i]!) && (np.j >= toks.length || isPunct(toks[np.j]!) || JOINS.has(toks[np.j]!.lw) || PREPS.has(toks[np.j]!.lw))) return frame(toks, np, null, 0, text);
  }
  return null;
}

/**
 * Right after a quote and its comma, a verb form in -s that is also a noun, before a name or a determiner, is the verb
 * of an inverted frame: `," notes Ann Vale`, `," reports the agency` (not `," state officials said`).
 */
function invertedNoun(toks: readonly Tok[], k: number): Cue | null {
  const t = toks[k], next = toks[k + 1];
  const tag = t && CUES.get(t.lw);
  return tag && tag !== "label" && NOUNISH.has(t.lw) && t.lw.endsWith("s") && !isCap(t) && next && (isCap(next) || START_DETS.has(next.lw)) ? { len: 1, tag } : null;
}

/** A text that "states" or "notes" at the end of the frame after a quote: `," the memo states.` */
function textClosing(toks: readonly Tok[], k: number): Cue | null {
  const t = toks[k]!, next = toks[k + 1];
  return TEXT_VERBS.has(t.lw) && !isCap(t) && (!next || /^[.!?;]$/.test(next.w)) && textSubject(toks, k) ? { len: 1, tag: CUES.get(t.lw)! } : null;
}

/** Whether a cue form is a participle ("saying", "adding"): its subject is the clause's subject. */
const isParticiple = (t: Tok): boolean => t.lw.endsWith("ing");

/**
 * The token after a dateline that opens a sentence at `from`: a place in capitals, maybe a region or a country after
 * a comma and an agency in brackets, then a dash ("VALEFORD (AP) —", "VALEFORD, Ruritania —"); `from` where none.
 */
function afterDateline(toks: readonly Tok[], from: number, to: number): number {
  const first = toks[from];
  if (!first || !/^\p{Lu}{2,}$/u.test(first.w)) return from;
  for (let k = from + 1; k < to && k < from + 10; k++) {
    if (dashBefore(toks, k + 1, from) > from) return k + 1;
    const w = toks[k]!.w;
    if (!(isCap(toks[k]!) || w === "," || w === "." || w === "(" || w === ")" || w === "-")) return from;
  }
  return from;
}

/** The subject at the start of a sentence, after any dateline: "On Monday, the former senator told …" → "the former senator". */
export function sentenceSubject(toks: readonly Tok[], from: number, to: number): Np | null {
  let i = afterDateline(toks, from, to);
  // leading phrases and clauses, each up to its comma: "Once in his twenties, when asked about it, he said"
  for (let first = toks[i]; first; first = toks[i]) {
    const clause = SUBORDINATORS.has(first.lw) || verbForm(first);
    // (an opening adverb or time before a comma: "Shortly thereafter, …", "Hours earlier, …")
    const opener = OPENERS.has(first.lw) || (toks[i + 2]?.w === "," && OPENERS.has(toks[i + 1]?.lw ?? ""));
    // (OPENERS holds LEAD_TRIM's words)
    if (!clause && !opener && !PREPS.has(first.lw) && !isAdverb(first)) break;
    // a joining word before a name opens the main clause, not a leading phrase: "Yet Jane Roe stood firm, …"
    const next = toks[i + 1];
    if (LEAD_TRIM.has(first.lw) && next && (isCap(next) || PRONOUNS.has(next.lw)) && !TIME.has(next.lw) && !PREPS.has(next.lw)) {
      i++;
      break;
    }
    let c = i;
    const stop = Math.min(to, i + (clause ? 25 : 8));
    while (c < stop && toks[c]!.w !== "," && !isMasked(toks[c]!)) c++;
    if (c < to && toks[c]!.w === ",") {
      i = c + 1;
      // (a date's year after its own comma: "On July 6, 2015, she said")
      if (i + 1 < to && /^\d{4}$/.test(toks[i]!.w) && toks[i + 1]!.w === ",") i += 2;
    } else if (LEAD_TRIM.has(first.lw) || (clause && SUBORDINATORS.has(first.lw))) i++; // "And in a statement on Monday, …"; "When the host asked, …"
    else {
      // a time with no comma after it, then a pronoun: "On September 27 they published …", "Last week she said …"
      let t = i + 1;
      while (t < to && t < i + 6 && (TIME.has(toks[t]!.lw) || /^\d/.test(toks[t]!.w) || WHEN_WORDS.has(toks[t]!.lw))) t++;
      if (t > i + 1 && t < to && PRONOUNS.has(toks[t]!.lw) && (PREPS.has(first.lw) || WHEN_WORDS.has(first.lw))) i = t;
      break;
    }
  }
  while (i < to && LEAD_TRIM.has(toks[i]!.lw)) i++;
  let last = -1;
  for (let k = i; k < to && k < i + 8; k++) {
    const t = toks[k]!;
    if (t.w === "." && k > i && adjacent(toks[k - 1]!, t) && isAbbrev(toks[k - 1]!)) continue;
    if (isPunct(t) || isMasked(t)) break;
    if (!isCap(t) && (AUX.has(t.lw) || BACK_STOP.has(t.lw) || FWD_STOP.has(t.lw) || CUES.has(t.lw))) break;
    // a past-tense verb after the subject's name ends it: "Jane Roe attacked the plan …, saying" (not "a Vale man
    // named Tom Pell")
    if (!isCap(t) && last >= 0 && /\p{L}ed$/u.test(t.lw) && t.lw !== "named") break;
    if (PRONOUNS.has(t.lw) || isContraction(t)) {
      if (k === i) last = k;
      break;
    }
    if ((isCap(t) && !DETS.has(t.lw)) || SPEAKER_NOUNS.has(t.lw)) last = k;
  }
  return last < i ? null : trimNp(toks, { i, j: last + 1 });
}

/** Whether the verb at token k is negated: "did not say", "has never commented", "didn't respond". */
export function negated(toks: readonly Tok[], k: number): boolean {
  for (let b = k - 1; b >= 0 && b >= k - 4; b--) {
    const t = toks[b]!;
    if ((t.lw === "not" && toks[b + 1]?.lw !== "only") || t.lw === "never" || NEGATED.test(t.lw)) return true; // (not "not only said")
    if (!(AUX.has(t.lw) || MID_ADVERBS.has(t.lw) || isAdverb(t))) return false;
  }
  return false;
}

/** Words that open a clause before the subject: "When asked, she said". */
const SUBORDINATORS = set("once when whenever if after before as while because although though since until unless");
/** Passive cues whose subject still speaks: the one asked answers ("when she was asked, she said"). */
const QUESTIONED = set("asked questioned pressed");
const BE = set("be is was were are am been being");

/** Whether the cue at token k is a past participle after a form of "be": "is being praised", "was told". */
export function isPassive(toks: readonly Tok[], k: number): boolean {
  const t = toks[k]!;
  if (!/(?:ed|told|said|written|shown|heard|known|spoken|given|taken)$/.test(t.lw)) return false;
  let b = k - 1;
  while (b >= 0 && (isAdverb(toks[b]!) || MID_ADVERBS.has(toks[b]!.lw))) b--;
  // (a contracted "are" too: "as they're called"; not "'s", which may be "has": "she's said")
  return b >= 0 && (BE.has(toks[b]!.lw) || (isContraction(toks[b]!) && /['\u2019]re$/.test(toks[b]!.lw)));
}

/** "what <someone> called/described as/dubbed (a|the)" right before the quote (tokens [0, n)): that someone and the verb. */
function whatTheyCall(toks: readonly Tok[], n: number): { np: Np; k: number; len: number } | null {
  let c = n;
  while (c > 0 && c > n - 3 && (START_DETS.has(toks[c - 1]!.lw) || toks[c - 1]!.lw === "as")) c--;
  for (let k = c - 1; k > 0 && k >= c - 2; k--) {
    const cue = cueAt(toks, k);
    if (!cue || cue.tag !== "label" || k + cue.len > c) continue;
    const np = npBackward(toks, k, Math.max(0, k - 6));
    return np && np.i > 0 && toks[np.i - 1]!.lw === "what" ? { np, k, len: cue.len } : null;
  }
  return null;
}

/** Verbs of "<verb> <someone> as saying" ("quoted the minister as saying"): the someone speaks. */
const QUOTED_AS = set("quoted quotes quoting cited cites citing");

/** The speaker of the cue at token k: its subject, the sentence's subject for a participle, or an inverted subject. */
function subjectOf(toks: readonly Tok[], k: number, cue: Cue): Np | null {
  const prev = toks[k - 1];
  // "it is worth noting that …": the writer's aside, no one's saying
  if (prev?.lw === "worth") return null;
  // a passive verb's subject is not the speaker, its agent is: "the senator was praised by critics", "she was told"
  if (isPassive(toks, k) && !QUESTIONED.has(toks[k]!.lw)) return toks[k + cue.len]?.lw === "by" ? npForward(toks, k + cue.len + 1) : null;
  // "…, saying", "took to Twitter to accuse", "outlined a plan and vowed": the clause's subject speaks
  if (prev && (prev.lw === "to" || prev.lw === "and" || prev.lw === "but" || (prev.w === "," && isParticiple(toks[k]!)))) return sentenceSubject(toks, 0, k);
  // "the paper quoted the minister as saying": the one quoted speaks (and "the minister was quoted … as saying")
  if (prev?.lw === "as" && k >= 3 && isParticiple(toks[k]!))
    for (let q = k - 3; q >= 0 && q >= k - 10; q--) {
      if (isPunct(toks[q]!) || isMasked(toks[q]!)) break;
      if (!QUOTED_AS.has(toks[q]!.lw)) continue;
      // "the minister was quoted by the agency as saying": the subject
      if (q > 0 && BE.has(toks[q - 1]!.lw)) return npBackward(toks, q - 1, 0);
      const quoted = { i: q + 1, j: k - 1 };
      if (validNp(toks, quoted)) return quoted;
      break;
    }
  // "It is no different from saying …", "it's like saying": a comparison, no one's saying
  if (prev && (prev.lw === "from" || prev.lw === "like" || prev.lw === "than") && isParticiple(toks[k]!) && /^it$|^it['’]s$/.test(toks[0]!.lw)) return null;
  const np = npBackward(toks, k, 0);
  if (isParticiple(toks[k]!) && !(prev && AUX.has(prev.lw))) {
    const lastTok = np ? toks[np.j - 1]! : null;
    // "footage of Jane Doe saying": the name, not the phrase that holds it
    if (lastTok && (isCap(lastTok) || PRONOUNS.has(lastTok.lw))) return trailingName(toks, np!);
    return sentenceSubject(toks, 0, k);
  }
  if (np) return np;
  if ((k === 0 || (prev && isPunct(prev))) && cue.tag !== "addressee") return npForward(toks, k + cue.len);
  return null;
}

/**
 * The name after a common noun and "of", "by", "from" or "with" in a noun phrase ("footage of Jane Doe", not "Court of
 * Justice"), or the whole phrase.
 */
function trailingName(toks: readonly Tok[], np: Np): Np {
  for (let i = np.i + 1; i < np.j - 1; i++) {
    if (OF_NAME.has(toks[i]!.lw) && !isCap(toks[i - 1]!) && isCap(toks[i + 1]!) && !DETS.has(toks[i + 1]!.lw)) return { i: i + 1, j: np.j };
  }
  return np;
}
const OF_NAME = set("of by from with");

/** Nouns of speech whose possessor is the source: "Jane Doe's claim that …". */
const SPEECH_NOUNS = set("claim claims statement statements assertion assertions remark remarks comment comments warning warnings promise promises suggestion argument contention insistence pledge vow");

/** "Jane Doe's claim" at token k (the noun): the possessor's name, with its 's. */
function possessiveSource(toks: readonly Tok[], k: number): Np | null {
  if (!SPEECH_NOUNS.has(toks[k]!.lw)) return null;
  const p = toks[k - 1];
  if (!p || !p.cap || !/['\u2019]s$/.test(p.w) || isContraction(p)) return null;
  let i = k - 1;
  while (i > 0 && i > k - 5 && toks[i - 1]!.cap && !toks[i - 1]!.punct) i--;
  return { i, j: k };
}

/** "according to X" starting at token k. */
function accordingTo(toks: readonly Tok[], k: number, text: string): Frame | null {
  return    toks[k]!.lw === "according" && toks[k + 1]?.lw === "to" ? frame(toks, npForward(toks, k + 2), k, 2, text) : null;
}

/**
 * A frame before a quote, in [lo, hi) (hi: the opening mark): `She said:`, `Jane Doe told reporters`,
 * `According to X,`, `Jane Doe:`. For a direct quote the verb must sit near the mark; for a
 * partial quote it is the first verb of the sentence with a subject (the outer speaker of
 * "A said that B called it 'x'").
 */
export function parseBefore(text: string, lo: number, hi: number, partial: boolean): Frame | null {
  const toks = tokenize(text, Math.max(lo, hi - 400), hi);
  let n = toks.length;
  let colon = false;
  while (n > 0 && /^[,:\u2014\u2013\-]$/.test(toks[n - 1]!.w)) {
    if (toks[n - 1]!.w === ":") colon = true;
    n--;
  }
  if (n === 0) return null;
  if (partial) {
    // "what the mayor called a “disaster”": the words are the mayor's, whoever speaks in the clause around them (a
    // pronoun there, "what she called", is most often the clause's own speaker, named in full by the clause)
    const own = whatTheyCall(toks, n);
    if (own && !(own.np.j - own.np.i === 1 && PRONOUNS.has(toks[own.np.i]!.lw))) return frame(toks, own.np, own.k, own.len, text);
    // a leading phrase is not the clause: "In a statement on Monday, the union called …"
    let k0 = 0;
    if (toks[0] && (PREPS.has(toks[0].lw) || toks[0].lw === "following")) {
      let c = 1;
      while (c < n && c < 15 && toks[c]!.w !== ",") c++;
      if (c < n && toks[c]!.w === ",") k0 = c + 1;
    }
    for (let k = k0; k < n; k++) {
      const acc = accordingTo(toks, k, text);
      if (acc) return acc;
      const cue = cueAt(toks, k);
      if (!cue) {
        const own = possessiveSource(toks, k);
        if (own) return frame(toks, own, k, 1, text);
        continue;
      }
      if (cue.tag === "document" || negated(toks, k)) continue;
      const f = frame(toks, subjectOf(toks, k, cue), k, cue.len, text);
      if (f) return f;
    }
    return null;
  }
  for (let k = n - 1; k >= 0; k--) {
    if (isMasked(toks[k]!)) break;
    const acc = accordingTo(toks, k, text);
    if (acc) return acc;
    const cue = cueAt(toks, k);
    if (!cue) continue;
    if (n - (k + cue.len) > 8) break;
    if (cue.tag === "label") continue;
    const f = frame(toks, subjectOf(toks, k, cue), k, cue.len, text);
    if (f) return f;
    break;
  }
  if (colon) {
    const subj = sentenceSubject(toks, 0, n);
    if (subj) return frame(toks, subj, null, 0, text);
    const np = npForward(toks, 0);
    if (np && (np.j >= n - 3 || PRONOUNS.has(toks[np.i]!.lw) || isCap(toks[np.i]!))) return frame(toks, np, null, 0, text);
  }
  return null;
}
