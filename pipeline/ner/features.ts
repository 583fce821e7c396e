// Feature extraction for the entity tagger. Every feature is a (template, value) pair hashed to a
// non-zero 32-bit number (FNV-1a over strings, a murmur3 mix over hashes), so no feature string is built.
// Static features (word, shape, affixes, window, gazetteer, document) are computed once per token;
// the previous-tag features are added while decoding.
import { GAZ_CATS, GAZ_MAX_LEN, GAZ_PREFIX, type GazIndex } from "./gazetteer.ts";
import { sentences, tokenize, type Sentence, type Token } from "./tokenize.ts";

/** Bump when features change: a model is only valid with the feature set it was trained with. */
export const FEATURE_SET_VERSION = 6;

export const TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"] as const;
export const NTAGS = TAGS.length;
export const ENTITY_TYPES = ["PER", "ORG", "LOC", "MISC"] as const;
export type NerType = (typeof ENTITY_TYPES)[number];

/** Tag index of B-type / I-type. */
export const bTag = (t: number) => 1 + 2 * t;
export const iTag = (t: number) => 2 + 2 * t;
/** Entity type index of a tag (-1 for O). */
export const tagType = (tag: number) => (tag === 0 ? -1 : (tag - 1) >> 1);
export const isInside = (tag: number) => tag > 0 && (tag & 1) === 0;

const FNV = 16777619;

/** Hash of a template id and a string value. */
export function fh(tid: number, s: string): number {
  let x = Math.imul(0x811c9dc5 ^ tid, FNV);
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), FNV);
  return x >>> 0 || 1;
}

/** Hash of a template id, a small number and a string value. */
export function fhn(tid: number, n: number, s: string): number {
  let x = Math.imul(Math.imul(0x811c9dc5 ^ tid, FNV) ^ (n + 0x10000), FNV);
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), FNV);
  return x >>> 0 || 1;
}

/** Hash of a template id and two string values. */
export function fh2(tid: number, a: string, b: string): number {
  let x = Math.imul(0x811c9dc5 ^ tid, FNV);
  for (let i = 0; i < a.length; i++) x = Math.imul(x ^ a.charCodeAt(i), FNV);
  x = Math.imul(x ^ 0x1f, FNV);
  for (let i = 0; i < b.length; i++) x = Math.imul(x ^ b.charCodeAt(i), FNV);
  return x >>> 0 || 1;
}

/** Word shape with runs collapsed: "McDonald" → "XxXx", "U.S." → "X.X.", "1996-08-22" → "d-d-d". */
export function shape(w: string): string {
  let out = "";
  let last = "";
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i);
    let c: string;
    if (code >= 65 && code <= 90) c = "X";
    else if (code >= 97 && code <= 122) c = "x";
    else if (code >= 48 && code <= 57) c = "d";
    else if (code < 128) c = w[i]!;
    else {
      const ch = String.fromCodePoint(w.codePointAt(i)!);
      if (ch.length === 2) i++;
      c = /\p{Lu}/u.test(ch) ? "X" : /\p{L}/u.test(ch) ? "x" : /\p{N}/u.test(ch) ? "d" : ch;
    }
    if (c !== last) out += c;
    last = c;
    if (out.length > 8) break;
  }
  return out;
}

/** Mixes a 32-bit value into a hash (murmur3 finaliser). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

const GAZ_MASK = (1 << GAZ_CATS.length) - 1;
/** English function words: capitalised inside a line, they mark a Title Case headline. */
const FUNCTION_WORDS = new Set(
  "a an the of in on at to for and or but nor as by with from into onto over under after before about against is are was were be been it its this that".split(" "),
);
const CAP_RE = /^\p{Lu}/u;
const LOWER_RE = /^\p{Ll}+$/u;
const UPPER_WORD_RE = /^(?=.*\p{Lu})[^\p{Ll}]*$/u;
const LETTER_RE = /\p{L}/u;
const PLAIN_RE = /^[^\p{Lu}\p{Lt}\p{N}]*$/u;

/** How a word is written elsewhere in the document, outside headlines and sentence starts. */
const enum Seen {
  None = 0,
  Lower = 1,
  Title = 2,
  Upper = 4,
}

// template ids
const T = {
  bias: 1,
  w: 2,
  form: 3,
  pre: 4,
  suf: 5,
  shape: 6,
  wm1: 7,
  wp1: 8,
  wm2: 9,
  wp2: 10,
  shm1: 11,
  shp1: 12,
  bi1: 13,
  bi2: 14,
  firstShape: 15,
  capsShape: 16,
  gaz: 17,
  doc: 18,
  tri: 19,
  wm1sh: 20,
  shwp1: 21,
  short: 22,
  gazNext: 23,
  gazPrev: 24,
  docForm: 25,
  hist: 26,
  runEnd: 27,
  runPos: 28,
  runStart: 29,
  // dynamic
  t1: 40,
  t21: 41,
  t1w: 42,
  t1sh: 43,
} as const;

/** What the tagger keeps about one written form of a word; cached across documents. */
export interface WordInfo {
  lower: string;
  shape: string;
  /** hash of the lower-cased word */
  lh: number;
  /** hash of the shape, and of the shape inside a headline */
  sh: number;
  csh: number;
  /** word, affix and shape features outside a headline (the first half), then inside one (the second half): one array, not two, as there may be 50,000 words cached */
  own: Uint32Array;
  letter: boolean;
  cap: boolean;
  /** no capital letter and no digit anywhere (a lower-case word or a mark): see decode in pipeline/ner/model.ts */
  plain: boolean;
  lowerWord: boolean;
  upperWord: boolean;
  digit: boolean;
  /** where the decoder keeps the sums of this word's head features (see HEAD_CONTEXT): its word number in headOf (pipeline/ner/model.ts HeadSums), while that is still headGen */
  headOf: object | undefined;
  headGen: number;
  headWord: number;
  /** the gazetteer entry of the word alone (-1: none), looked up once per word in the gazetteer gazOf */
  gazOf: GazIndex | undefined;
  gaz: number;
}

/** Curly quotes, guillemets and primes as straight quotes; em dash as "--", en dash and hyphens as "-". */
export function normalizeMarks(w: string): string {
  return w
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u2014\u2015]/g, "--")
    .replace(/[\u2010-\u2013]/g, "-");
}

const cache = new Map<string, WordInfo>();
const CACHE_MAX = 50_000; // entries (about 0.5 KB each): bounds a worker's memory

/** Empties the word records' cache (a worker about to end: see pipeline/gc.ts releaseHeap). */
export function clearWordCache(): void {
  cache.clear();
}

/**
 * A copy of `s` that does not hold on to the text it was cut from: V8 keeps a substring of 13 or more characters
 * as a view into its whole source, so a cached word would keep its article alive.
 */
const detached = (s: string): string => (s.length >= 13 ? (" " + s).slice(1) : s);

/**
 * A small direct-mapped cache in front of `cache`, by a hash of the token's characters: most tokens are some thousand
 * frequent words, found here without the big map's lookup (its hashing and its scattered memory, the tagger's
 * costliest line in a CPU profile). With it the tagger took about a tenth less CPU (in-process A/B on 1,500 corpus
 * bodies, alternating, 2026-12-06); a word pushed out of a slot is still in `cache`.
 */
const HOT_BITS = 12;
/** (an empty slot holds no key, so that no token, the empty one included, matches it) */
const hotKeys = new Array<string | undefined>(1 << HOT_BITS).fill(undefined);
const hotInfo = new Array<WordInfo | undefined>(1 << HOT_BITS).fill(undefined);

function wordInfo(token: string): WordInfo {
  let h = token.length;
  for (let i = 0; i < token.length; i++) h = (Math.imul(h, 31) + token.charCodeAt(i)) | 0;
  const slot = Math.imul(h, 0x9e3779b1) >>> (32 - HOT_BITS);
  if (hotKeys[slot] === token) return hotInfo[slot]!;
  const w = detached(token);
  const info = cache.get(w) ?? wordInfoOf(w);
  hotKeys[slot] = w;
  hotInfo[slot] = info;
  return info;
}

/** The WordInfo of a word not cached yet, cached under `w` (detached from the text it was cut from). */
function wordInfoOf(w: string): WordInfo {
  // typographic quotes and dashes read like the plain ones of the training text
  const nw = /[\u2010-\u201f\u00ab\u00bb\u2032\u2033]/.test(w) ? normalizeMarks(w) : w;
  const lw = nw.toLowerCase();
  const sh = shape(nw);
  const lsh = shape(lw);
  const lh = fh(T.w, lw);
  const shh = fh(T.shape, sh);
  const cshh = fh(T.shape, "C" + lsh);
  // the word and its affixes, then two features of its own: once outside a headline, once inside one
  const L = lw.length;
  const nc = 1 + 2 * Math.min(4, L);
  const own = new Uint32Array(2 * (nc + 2));
  own[0] = lh;
  for (let k = 1; k <= 4 && k <= L; k++) {
    own[2 * k - 1] = fhn(T.pre, k, lw.slice(0, k));
    own[2 * k] = fhn(T.suf, k, lw.slice(L - k));
  }
  own.copyWithin(nc + 2, 0, nc);
  own[nc] = fh(T.form, nw);
  own[nc + 1] = shh;
  own[2 * nc + 2] = cshh;
  own[2 * nc + 3] = fh(T.capsShape, lsh);
  const info: WordInfo = {
    lower: lw,
    shape: sh,
    lh,
    sh: shh,
    csh: cshh,
    own,
    letter: LETTER_RE.test(w),
    cap: CAP_RE.test(w),
    plain: PLAIN_RE.test(w),
    lowerWord: LOWER_RE.test(w),
    upperWord: UPPER_WORD_RE.test(w) && w.length > 1,
    digit: /\p{N}/u.test(w),
    // set by the decoder; present from the start so every WordInfo has one shape
    headOf: undefined,
    headGen: 0,
    headWord: 0,
    gazOf: undefined,
    gaz: -1,
  };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(w, info);
  return info;
}

export const BOS = fh(T.w, "<s>");
export const EOS = fh(T.w, "</s>");
const CAPS_SH = fh(T.shape, "C");

/**
 * The first static features of every token, in this order: the bias, the token's own word features
 * (the first half of `own`, or its second half in a headline), then the words one before, one after, two before and two after
 * (headHashes). They depend on one word each, so the decoder sums their weights once per word.
 */
export const HEAD_CONTEXT = 4;
export const BIAS = T.bias;
/** The head features a word adds as the word one before, one after, two before and two after a token. */
export function headHashes(lh: number): [number, number, number, number] {
  return [mix(T.wm1, lh), mix(T.wp1, lh), mix(T.wm2, lh), mix(T.wp2, lh)];
}

/** A document ready to tag: tokens, sentences and each token's static feature hashes. */
export interface Prepared {
  tokens: Token[];
  /** what the tagger knows of each token's written form */
  words: WordInfo[];
  sents: Sentence[];
  lower: string[];
  /** hash of each token's lower-cased form, and of its shape as seen by the tagger */
  lh: Uint32Array;
  shv: Uint32Array;
  /**
   * With `heads` (training), every token's static features: token i's are feats[offs[i] .. offs[i+1]). The
   * decoder's lean form leaves both empty and makes a token's features when it scores it (staticFeatures).
   */
  feats: Uint32Array;
  offs: Uint32Array;
  /** whether feats holds the features (see prepare) */
  heads: boolean;
  /** 1 where the token's sentence is written in capitals (a headline) */
  caps: Uint8Array;
  /** 1 where the token may be a name (capitalised, or in a headline): its earlier tags are a feature */
  named: Uint8Array;
  // what the static features are made of (staticFeatures)
  /** 1 for the first word of a sentence, after any opening marks */
  first: Uint8Array;
  sentLen: Uint16Array;
  /** gazetteer bit flags per category: a single-token match, the start of a longer one, its continuation */
  gazS: Uint32Array;
  gazB: Uint32Array;
  gazI: Uint32Array;
  /** the run of capitalised words a token is in (outside headlines): its first token (-1: none) and one past its last */
  runFrom: Int32Array;
  runTo: Int32Array;
  /** how each lower-cased word is written where its case says something (Seen flags) */
  seen: Map<string, number>;
}

/** Whether the text writes `lower` (a lower-cased word) in lower case somewhere outside headlines and sentence starts. */
export const writtenLower = (p: Prepared, lower: string): boolean => ((p.seen.get(lower) ?? 0) & Seen.Lower) !== 0;

/**
 * Tokenizes `text` and computes what the static features are made of. With `heads`, every token's features
 * in `feats`, as training needs them. Without, none: the decoder sums the head features (HEAD_CONTEXT) per
 * word and makes the rest for each token it scores (pipeline/ner/model.ts staticScores).
 */
export function prepare(text: string, gaz: GazIndex, heads = true): Prepared {
  const tokens = tokenize(text);
  const sents = sentences(text, tokens);
  return prepareTokens(tokens, sents, gaz, heads);
}

export function prepareTokens(tokens: Token[], sents: Sentence[], gaz: GazIndex, heads = true): Prepared {
  const n = tokens.length;
  const info = new Array<WordInfo>(n);
  const lower = new Array<string>(n);
  const caps = new Uint8Array(n);
  const first = new Uint8Array(n);
  const sentLen = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const wi = wordInfo(tokens[i]!.text);
    info[i] = wi;
    lower[i] = wi.lower;
  }
  for (const s of sents) {
    let letters = 0;
    let upper = 0;
    let capital = 0;
    let smallCapital = 0;
    for (let i = s.from; i < s.to; i++) {
      const wi = info[i]!;
      if (!wi.letter) continue;
      letters++;
      if (wi.upperWord) upper++;
      if (wi.cap) capital++;
      if (wi.cap && i > s.from && wi.lower.length > 1 && FUNCTION_WORDS.has(wi.lower)) smallCapital++;
    }
    // ALL CAPS, or Title Case with the small words capitalised too: case says nothing about names
    const isCaps = (letters >= 3 && upper / letters >= 0.7) || (letters >= 5 && capital / letters >= 0.9 && smallCapital > 0) ? 1 : 0;
    let firstWord = true;
    for (let i = s.from; i < s.to; i++) {
      caps[i] = isCaps;
      sentLen[i] = Math.min(s.to - s.from, 65535);
      // the first word of a sentence, after any opening marks
      if (firstWord && info[i]!.letter) {
        first[i] = 1;
        firstWord = false;
      } else if (firstWord && info[i]!.digit) firstWord = false;
    }
  }
  const lh = new Uint32Array(n);
  const shv = new Uint32Array(n);
  const named = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    named[i] = info[i]!.cap ? 1 : 0;
    lh[i] = info[i]!.lh;
    shv[i] = caps[i] ? info[i]!.csh : info[i]!.sh;
  }
  // document-level: how each word is written where its case says something
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const wi = info[i]!;
    if (caps[i] || first[i] || !wi.letter) continue;
    const v = wi.lowerWord ? Seen.Lower : wi.upperWord ? Seen.Upper : wi.cap ? Seen.Title : Seen.None;
    seen.set(wi.lower, (seen.get(wi.lower) ?? 0) | v);
  }
  // gazetteer matches: per token, bit flags of (category, position)
  const gazB = new Uint32Array(n); // bit c: token starts a multi-token match of category c
  const gazI = new Uint32Array(n); // bit c: token continues a match
  const gazS = new Uint32Array(n); // bit c: single-token match
  const best = new Int8Array(GAZ_CATS.length);
  for (const s of sents) {
    for (let i = s.from; i < s.to; i++) {
      if (!info[i]!.cap) continue;
      let key = lower[i]!;
      const wi = info[i]!;
      if (wi.gazOf !== gaz) {
        wi.gazOf = gaz;
        wi.gaz = gaz.get(key) ?? -1;
      }
      // most capitalised words are in no entry: one field read, not a lookup in a map of some 200,000 keys
      if (wi.gaz < 0) continue;
      let found = 0;
      best.fill(0);
      for (let j = i; j < s.to && j < i + GAZ_MAX_LEN; j++) {
        if (j > i) key += " " + lower[j]!;
        const m = j === i ? wi.gaz : gaz.get(key);
        if (m === undefined) break;
        if (m & GAZ_MASK) {
          for (let c = 0; c < GAZ_CATS.length; c++) if (m & (1 << c)) best[c] = j - i + 1;
          found |= m & GAZ_MASK;
        }
        if (!(m & GAZ_PREFIX)) break;
      }
      if (!found) continue;
      for (let c = 0; c < GAZ_CATS.length; c++) {
        const len = best[c]!;
        if (len === 0) continue;
        if (len === 1) gazS[i]! |= 1 << c;
        else {
          gazB[i]! |= 1 << c;
          for (let j = i + 1; j < i + len; j++) gazI[j]! |= 1 << c;
        }
      }
    }
  }

  // runs of capitalised words (outside headlines): every word sees the run's first and last word
  const runFrom = new Int32Array(n).fill(-1);
  const runTo = new Int32Array(n);
  for (const s of sents) {
    for (let i = s.from; i < s.to; ) {
      if (caps[i] || !info[i]!.cap) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < s.to && info[j]!.cap) j++;
      for (let k = i; k < j; k++) {
        runFrom[k] = i;
        runTo[k] = j;
      }
      i = j;
    }
  }

  const p: Prepared = { tokens, words: info, sents, lower, lh, shv, feats: EMPTY, offs: EMPTY, heads, caps, named, first, sentLen, gazS, gazB, gazI, runFrom, runTo, seen };
  if (!heads) return p;
  let out = new Uint32Array(Math.max(64, n * 40));
  let o = 0;
  const offs = new Uint32Array(n + 1);
  for (const s of sents) {
    for (let i = s.from; i < s.to; i++) {
      // a token's head features are fewer than MAX_STATIC
      if (o + 2 * MAX_STATIC > out.length) {
        const bigger = new Uint32Array(out.length * 2);
        bigger.set(out);
        out = bigger;
      }
      offs[i] = o;
      const wi = info[i]!;
      const half = wi.own.length >>> 1;
      out[o++] = T.bias;
      out.set(caps[i] ? wi.own.subarray(half) : wi.own.subarray(0, half), o);
      o += half;
      out[o++] = mix(T.wm1, i - 1 >= s.from ? lh[i - 1]! : BOS);
      out[o++] = mix(T.wp1, i + 1 < s.to ? lh[i + 1]! : EOS);
      out[o++] = mix(T.wm2, i - 2 >= s.from ? lh[i - 2]! : BOS);
      out[o++] = mix(T.wp2, i + 2 < s.to ? lh[i + 2]! : EOS);
      o = staticFeatures(p, s, i, out, o);
    }
  }
  offs[n] = o;
  p.feats = out.subarray(0, o);
  p.offs = offs;
  return p;
}

const EMPTY = new Uint32Array(0);
/** The most features staticFeatures writes for one token (and the most head features a token has). */
export const MAX_STATIC = 14 + 5 * GAZ_CATS.length;

/** Token i's static features after its head features (sentence s), written to out from o; returns the new end. */
export function staticFeatures(p: Prepared, s: Sentence, i: number, out: Uint32Array, o: number): number {
  const { lh, shv, caps } = p;
  const wi = p.words[i]!;
  const cp = caps[i]!;
  const first = p.first[i]!;
  const l0 = lh[i]!;
  const lm1 = i - 1 >= s.from ? lh[i - 1]! : BOS;
  const lp1 = i + 1 < s.to ? lh[i + 1]! : EOS;
  const s0 = shv[i]!;
  const shm1 = cp ? CAPS_SH : i - 1 >= s.from ? shv[i - 1]! : BOS;
  const shp1 = cp ? CAPS_SH : i + 1 < s.to ? shv[i + 1]! : EOS;
  out[o++] = mix(T.shm1, shm1);
  out[o++] = mix(T.shp1, shp1);
  out[o++] = mix(mix(T.bi1, lm1), l0);
  out[o++] = mix(mix(T.bi2, l0), lp1);
  if (first) out[o++] = mix(T.firstShape, s0);
  out[o++] = mix(mix(mix(T.tri, shm1), s0), shp1);
  out[o++] = mix(mix(T.wm1sh, lm1), s0);
  out[o++] = mix(mix(T.shwp1, s0), lp1);
  const sl = p.sentLen[i]!;
  out[o++] = mix(T.short, sl > 4 ? 5 : sl);
  // gazetteer
  const { gazS, gazB, gazI } = p;
  const gs = gazS[i]!;
  const gb = gazB[i]!;
  const gi = gazI[i]!;
  if (gs | gb | gi) {
    for (let c = 0; c < GAZ_CATS.length; c++) {
      const bit = 1 << c;
      if (gs & bit) out[o++] = mix(T.gaz, c * 4);
      if (gb & bit) out[o++] = mix(T.gaz, c * 4 + 1);
      if (gi & bit) out[o++] = mix(T.gaz, c * 4 + 2);
    }
  }
  if (i + 1 < s.to) {
    const g = gazS[i + 1]! | gazB[i + 1]!;
    if (g) for (let c = 0; c < GAZ_CATS.length; c++) if (g & (1 << c)) out[o++] = mix(T.gazNext, c);
  }
  if (i - 1 >= s.from) {
    const g = gazS[i - 1]! | gazB[i - 1]! | gazI[i - 1]!;
    if (g) for (let c = 0; c < GAZ_CATS.length; c++) if (g & (1 << c)) out[o++] = mix(T.gazPrev, c);
  }
  const rf = p.runFrom[i]!;
  if (rf >= 0) {
    const rt = p.runTo[i]!;
    const len = rt - rf;
    if (len > 1) {
      out[o++] = mix(T.runEnd, lh[rt - 1]!);
      out[o++] = mix(T.runStart, lh[rf]!);
    }
    out[o++] = mix(T.runPos, (len > 4 ? 4 : len) * 8 + (i === rf ? 0 : i === rt - 1 ? 1 : 2));
  }
  // document: how this word is written elsewhere, by the context it stands in here
  if (wi.letter) {
    const ctx = cp ? 0 : first ? 1 : wi.cap ? 2 : 3;
    const sv = p.seen.get(wi.lower) ?? 0;
    out[o++] = mix(T.doc, ctx * 8 + sv);
    if (cp || first) out[o++] = mix(mix(T.docForm, sv), l0);
  }
  return o;
}

const T1 = Array.from({ length: NTAGS + 1 }, (_, p) => mix(T.t1, p));
const T21 = Array.from({ length: (NTAGS + 1) * 16 }, (_, k) => mix(T.t21, k));

/**
 * Earlier tags of the same word in the document (Ratinov and Roth's prediction history): the feature
 * is the most frequent of O/PER/ORG/LOC/MISC among the word's earlier tags.
 */
export class History {
  private readonly counts = new Map<number, Int32Array>();
  feature(p: Prepared, i: number): number {
    if (!p.named[i]) return 0;
    const c = this.counts.get(p.lh[i]!);
    if (!c) return HIST_NONE;
    let best = 0;
    for (let k = 1; k < 5; k++) if (c[k]! > c[best]!) best = k;
    return HIST[best]!;
  }
  add(p: Prepared, i: number, tag: number): void {
    if (!p.named[i]) return;
    let c = this.counts.get(p.lh[i]!);
    if (!c) this.counts.set(p.lh[i]!, (c = new Int32Array(5)));
    c[tagType(tag) + 1]!++;
  }
}
const HIST = Array.from({ length: 5 }, (_, k) => mix(T.hist, k));
const HIST_NONE = mix(T.hist, 9);

/** Hashes of the tag-history features for token i given the previous two tags and the history feature (0: none). */
export function dynamicFeatures(p: Prepared, i: number, prev: number, prev2: number, hist: number, out: Uint32Array): number {
  out[0] = T1[prev]!;
  out[1] = T21[prev2 * 16 + prev]!;
  out[2] = mix(mix(T.t1w, prev), p.lh[i]!);
  out[3] = mix(mix(T.t1sh, prev), p.shv[i]!);
  if (hist === 0) return 4;
  out[4] = hist;
  return 5;
}
export const NDYN = 5;
