// The tagger at run time: the model file's format, greedy left-to-right decoding with previous-tag
// features, and a document consistency pass.
//
// Model file (gzip of): "NERP1\n", then three little-endian u32-length-prefixed parts: the metadata JSON
// (training data, feature set version, epochs, seed, scale), the gazetteer JSON, and the weight table:
// u32 row count n, n sorted u32 feature hashes, n × NTAGS i16 weights (value = i16 / scale).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { isGivenName, isListedGivenName } from "../given-names.ts";
import { lexiconLines, stateOf, STOPWORDS } from "../lexicon.ts";
import { acronymReach } from "../text.ts";
import { GAZ_CATS, GAZ_MAX_LEN, GAZ_PREFIX, gazIndex, gazKey, type GazetteerData, type GazIndex } from "./gazetteer.ts";
import type { Sentence } from "./tokenize.ts";
import { BIAS, BOS, dynamicFeatures, ENTITY_TYPES, EOS, HEAD_CONTEXT, headHashes, History, FEATURE_SET_VERSION, isInside, MAX_STATIC, NDYN, NTAGS, prepare, staticFeatures, tagType, writtenLower, type NerType, type Prepared, type WordInfo } from "./features.ts";

export const MAGIC = "NERP1\n";

export interface TrainingFile {
  file: string;
  sha256: string;
  docs: number;
  tokens: number;
  entities: number;
  terms: string;
}

export interface ModelMeta {
  format: "ner-perceptron/1";
  featureSetVersion: number;
  tags: string[];
  training: { files: TrainingFile[]; epochs: number; seed: number; algorithm: string };
  gazetteer: string[];
  rows: number;
  scale: number;
}

/** Anything that maps a feature hash to a weight row. */
export interface Weights {
  row(h: number): number;
  /** NTAGS weights per row */
  w: ArrayLike<number>;
}

/** Read-only weights: open addressing over the hashes. */
export class Table implements Weights {
  /** open addressing: slot k holds [hash, row] at 2k, 2k+1 */
  private readonly slots: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  constructor(
    hashes: Uint32Array,
    readonly w: Int16Array,
  ) {
    let bits = 4;
    while (1 << bits < hashes.length * 2) bits++;
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.slots = new Int32Array(2 << bits);
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]! | 0;
      let k = Math.imul(h, 0x9e3779b1) >>> this.shift;
      while (this.slots[2 * k] !== 0) k = (k + 1) & this.mask;
      this.slots[2 * k] = h;
      this.slots[2 * k + 1] = r;
    }
  }
  private sums: HeadSums | null = null;
  /** per-word sums of the head features (made when first used) */
  get heads(): HeadSums {
    return (this.sums ??= new HeadSums(this));
  }
  /** Adds the weights of feature `hash` (if known) to `scores`. */
  add(hash: number, scores: Int32Array): void {
    const h = hash | 0;
    const slots = this.slots;
    let k = Math.imul(h, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const x = slots[2 * k]!;
      if (x === h) break;
      if (x === 0) return;
      k = (k + 1) & this.mask;
    }
    const w = this.w;
    const b = slots[2 * k + 1]! * NTAGS;
    scores[0]! += w[b]!;
    scores[1]! += w[b + 1]!;
    scores[2]! += w[b + 2]!;
    scores[3]! += w[b + 3]!;
    scores[4]! += w[b + 4]!;
    scores[5]! += w[b + 5]!;
    scores[6]! += w[b + 6]!;
    scores[7]! += w[b + 7]!;
    scores[8]! += w[b + 8]!;
  }
  row(hash: number): number {
    const h = hash | 0;
    const slots = this.slots;
    let k = Math.imul(h, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const x = slots[2 * k]!;
      if (x === h) return slots[2 * k + 1]!;
      if (x === 0) return -1;
      k = (k + 1) & this.mask;
    }
  }
}

export interface Model {
  meta: ModelMeta;
  gaz: GazIndex;
  weights: Table;
}

export function encodeModel(meta: ModelMeta, gaz: GazetteerData, hashes: Uint32Array, q: Int16Array): Buffer {
  const part = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(b.length);
    return [len, b];
  };
  const n = Buffer.alloc(4);
  n.writeUInt32LE(hashes.length);
  const hb = Buffer.alloc(hashes.length * 4);
  for (let i = 0; i < hashes.length; i++) hb.writeUInt32LE(hashes[i]!, i * 4);
  const wb = Buffer.alloc(q.length * 2);
  for (let i = 0; i < q.length; i++) wb.writeInt16LE(q[i]!, i * 2);
  return Buffer.concat([
    Buffer.from(MAGIC),
    ...part(Buffer.from(JSON.stringify(meta))),
    ...part(Buffer.from(JSON.stringify(gaz))),
    n,
    hb,
    wb,
  ]);
}

/** Parses a model file (gzip). */
export function decodeModel(file: Buffer): Model {
  const b = gunzipSync(file);
  if (b.toString("latin1", 0, MAGIC.length) !== MAGIC) throw new Error("not an entity tagger model file");
  let o = MAGIC.length;
  const take = () => {
    const len = b.readUInt32LE(o);
    const s = b.toString("utf8", o + 4, o + 4 + len);
    o += 4 + len;
    return s;
  };
  const meta = JSON.parse(take()) as ModelMeta;
  if (meta.featureSetVersion !== FEATURE_SET_VERSION)
    throw new Error(`model has feature set ${meta.featureSetVersion}, code has ${FEATURE_SET_VERSION}: run npm run train-ner`);
  const gaz = JSON.parse(take()) as GazetteerData;
  const n = b.readUInt32LE(o);
  o += 4;
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) hashes[i] = b.readUInt32LE(o + i * 4);
  o += n * 4;
  // scores stay in quantised units: the best tag does not depend on the scale
  const w = new Int16Array(n * NTAGS);
  for (let i = 0; i < n * NTAGS; i++) w[i] = b.readInt16LE(o + i * 2);
  return { meta, gaz: gazIndex(gaz), weights: new Table(hashes, w) };
}

export function loadModel(path: string): Model {
  return decodeModel(readFileSync(path));
}

/**
 * Words that are never a name on their own: English function words, abbreviated titles ("Sen.", "Mr."; not "King", a
 * surname too), the interjections that open a speaker's answer in a transcript ("Well, …") and the words of thanks
 * and requests ("Thank you", "Thank God", "Please").
 */
const NOT_A_NAME: ReadonlySet<string> = new Set(
  [...STOPWORDS, ...lexiconLines("speaker-titles.txt").filter((t) => t.endsWith(".")), ..."well oh ok okay yes yeah hey hi hello wow um uh ah thank thanks please".split(" ")].map((w) => w.replace(/\.$/, "").toLowerCase()),
);

/** A lone word that names nothing: a function word or title as written in running text ("The", "Sen."), not in capitals ("US"). */
const notAName = (word: string): boolean => !/^\p{Lu}{2}/u.test(word) && NOT_A_NAME.has(word.replace(/\.$/, "").toLowerCase());

/** A lone initial ("Y."). */
const INITIAL = /^\p{Lu}\.?$/u;
/** A US party and state tag ("D-N" of "(D-N.Y.)", "R-Ky", "R-Ariz."): before a stop, a comma or a bracket, unlike "D-Day". */
const PARTY_TAG = /^[DRI]-\p{Lu}\p{L}{0,4}$/u;
const isTag = (text: string, t: { text: string; end: number }): boolean => INITIAL.test(t.text) || (PARTY_TAG.test(t.text) && /^[.,)]/.test(text.slice(t.end, t.end + 1)));

/** The committed model file. */
export const MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), "model.bin.gz");
let shared: Model | undefined;
/** The committed model, read once per thread on first use. */
export function sharedModel(): Model {
  return (shared ??= loadModel(MODEL_PATH));
}

/** A word run into the next one, as page links are ("ValeThe", "ValeWhite"): three lower-case letters before a capital, unlike "McVale" or "DeVale" */
const GLUED = /\p{Ll}{3}\p{Lu}/u;
/** Two capitalised words joined by a hyphen, as a double surname is written ("Vale-Pell") */
const DOUBLE_SURNAME = /^\p{Lu}\p{Ll}{2,}-\p{Lu}\p{Ll}{2,}$/u;
/** gazetteer bits of a country or a nationality ("Jordan", "French"): such a word alone is the place or the people */
const PEOPLES = (1 << GAZ_CATS.indexOf("country")) | (1 << GAZ_CATS.indexOf("nationality"));

/** Previous-tag value at a sentence start. */
export const START = NTAGS;

/** Scores of each tag for token i given the tag history; `dyn` is scratch space. */
export function scoreToken(wt: Weights, p: Prepared, i: number, prev: number, prev2: number, hist: number, scores: Float64Array, dyn: Uint32Array): number {
  if (!p.heads) throw new Error("scoreToken needs every feature: prepare with heads");
  scores.fill(0);
  const w = wt.w;
  for (let k = p.offs[i]!, e = p.offs[i + 1]!; k < e; k++) {
    const r = wt.row(p.feats[k]!);
    if (r < 0) continue;
    const base = r * NTAGS;
    for (let t = 0; t < NTAGS; t++) scores[t]! += w[base + t]!;
  }
  const nd = dynamicFeatures(p, i, prev, prev2, hist, dyn);
  for (let k = 0; k < nd; k++) {
    const r = wt.row(dyn[k]!);
    if (r < 0) continue;
    const base = r * NTAGS;
    for (let t = 0; t < NTAGS; t++) scores[t]! += w[base + t]!;
  }
  return nd;
}

/** Best tag; with `constrain`, an inside tag only continues an entity of its own type. */
export function argmax(scores: ArrayLike<number>, prev: number, constrain: boolean): number {
  let best = 0;
  let bs = -Infinity;
  for (let t = 0; t < NTAGS; t++) {
    if (constrain && isInside(t) && !(prev < NTAGS && prev > 0 && tagType(prev) === tagType(t))) continue;
    const s = scores[t]!;
    if (s > bs) {
      bs = s;
      best = t;
    }
  }
  return best;
}

/**
 * Greedy left-to-right tags for a prepared document. With `skipPlain`, a token with no capital letter and no
 * digit that follows a token outside any entity (or starts a sentence), outside a headline and not before a
 * capitalised word, is outside any entity without being scored. That is seven tokens in ten of news text: on
 * 3,000 corpus articles (3,285,545 tokens), scoring every token put 58 of the skipped ones in an entity, most
 * of them a transcript's lower-case speaker names, and the dev set's scores are the same either way. A word
 * before a capitalised one is scored, for particles such as "de" or "bin".
 */
export function decode(wt: Table, p: Prepared, constrain = true, skipPlain = true): Uint8Array {
  const tags = new Uint8Array(p.tokens.length);
  const scores = new Int32Array(NTAGS);
  const dyn = new Uint32Array(NDYN);
  const hist = new History();
  const words = p.words;
  const caps = p.caps;
  for (const s of p.sents) {
    let prev: number = START;
    let prev2: number = START;
    for (let i = s.from; i < s.to; i++) {
      // plain tokens are not named, so the tag history has nothing to add for them
      if (skipPlain && (prev === 0 || prev === START) && words[i]!.plain && !caps[i] && !(i + 1 < s.to && words[i + 1]!.cap)) {
        tags[i] = 0;
        prev2 = prev;
        prev = 0;
        continue;
      }
      staticScores(wt, p, s, i, scores);
      const nd = dynamicFeatures(p, i, prev, prev2, hist.feature(p, i), dyn);
      for (let k = 0; k < nd; k++) wt.add(dyn[k]!, scores);
      const t = argmax(scores, prev, constrain);
      tags[i] = t;
      hist.add(p, i, t);
      prev2 = prev;
      prev = t;
    }
  }
  return tags;
}

/** The weights of token i's static features (in sentence s), summed into `scores`. */
export function staticScores(wt: Table, p: Prepared, s: Sentence, i: number, scores: Int32Array, h: HeadSums = wt.heads): void {
  // the head features (HEAD_CONTEXT in features.ts) as sums kept per word, then the rest one by one
  const words = p.words;
  h.reserve(5);
  const d = h.data;
  const own = h.offset(words[i]!) + (p.caps[i] ? NTAGS : 0);
  // the sentence edges are word 0
  const m1 = i - 1 >= s.from ? h.offset(words[i - 1]!) : 0;
  const p1 = i + 1 < s.to ? h.offset(words[i + 1]!) : 0;
  const m2 = i - 2 >= s.from ? h.offset(words[i - 2]!) : 0;
  const p2 = i + 2 < s.to ? h.offset(words[i + 2]!) : 0;
  for (let t = 0; t < NTAGS; t++) scores[t] = d[own + t]! + d[m1 + 2 * NTAGS + t]! + d[p1 + 3 * NTAGS + t]! + d[m2 + 4 * NTAGS + t]! + d[p2 + 5 * NTAGS + t]!;
  if (p.heads) {
    for (let k = p.offs[i]! + 1 + (words[i]!.own.length >>> 1) + HEAD_CONTEXT, e = p.offs[i + 1]!; k < e; k++) wt.add(p.feats[k]!, scores);
  } else {
    const n = staticFeatures(p, s, i, scratch, 0);
    for (let k = 0; k < n; k++) wt.add(scratch[k]!, scores);
  }
}
const scratch = new Uint32Array(MAX_STATIC);

/**
 * Head-feature sums of recently seen words under one Table, HEAD_SLOTS rows of NTAGS each per word:
 * bias + own features, bias + own features in a headline, then the word as the one before, one after,
 * two before and two after a token. One preallocated array, refilled from the start when full (a word
 * whose row was reused is summed again); word 0 is the sentence edges (BOS before a token, EOS after it).
 */
const HEAD_SLOTS = 6;
export class HeadSums {
  readonly data: Int32Array;
  private next = 1;
  private gen = 1;
  constructor(
    private readonly wt: Table,
    private readonly words = 1 << 15,
  ) {
    this.data = new Int32Array(words * HEAD_SLOTS * NTAGS);
    const [m1, , m2] = headHashes(BOS);
    const [, p1, , p2] = headHashes(EOS);
    [m1, p1, m2, p2].forEach((x, k) => wt.add(x, this.row(0, 2 + k)));
  }
  private row(word: number, slot: number): Int32Array {
    const o = (word * HEAD_SLOTS + slot) * NTAGS;
    return this.data.subarray(o, o + NTAGS);
  }
  /** makes sure the next n words summed do not reuse the rows of each other */
  reserve(n: number): void {
    if (this.next + n <= this.words) return;
    this.next = 1;
    this.gen++;
  }
  /** where the word's rows start in `data` */
  offset(wi: WordInfo): number {
    if (wi.headOf !== this || wi.headGen !== this.gen) {
      const w = this.next++;
      const o = w * HEAD_SLOTS * NTAGS;
      this.data.fill(0, o, o + HEAD_SLOTS * NTAGS);
      // the word's own features outside a headline (first half of `own`), and inside one
      const plain = this.row(w, 0);
      const caps = this.row(w, 1);
      this.wt.add(BIAS, plain);
      this.wt.add(BIAS, caps);
      const half = wi.own.length >>> 1;
      for (let k = 0; k < wi.own.length; k++) this.wt.add(wi.own[k]!, k < half ? plain : caps);
      headHashes(wi.lh).forEach((h, k) => this.wt.add(h, this.row(w, 2 + k)));
      wi.headOf = this;
      wi.headGen = this.gen;
      wi.headWord = w;
    }
    return wi.headWord * HEAD_SLOTS * NTAGS;
  }
}

export interface TokenSpan {
  from: number;
  to: number;
  type: number;
}

/** Entity token ranges from BIO tags (an inside tag that does not continue its type starts an entity). */
export function tagSpans(p: Prepared, tags: Uint8Array): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const s of p.sents) {
    let cur: TokenSpan | null = null;
    for (let i = s.from; i < s.to; i++) {
      const t = tags[i]!;
      if (t === 0) {
        cur = null;
        continue;
      }
      const ty = tagType(t);
      if (isInside(t) && cur && cur.type === ty) {
        cur.to = i + 1;
        continue;
      }
      cur = { from: i, to: i + 1, type: ty };
      out.push(cur);
    }
  }
  return out;
}

/**
 * Document consistency: a name written the same way gets the type most of its mentions got, an
 * untagged repeat of a tagged capitalised name is tagged, and a lone surname of a tagged full person
 * name is a person.
 */
/** Words for faiths and ethnic groups, and their members ("Muslim", "Hindus", "Latino"): no person, place or organisation alone. */
/** Well-known companies', services' and products' names (pipeline/lexicon/brands.txt), without their spaces. */
const BRANDS: ReadonlySet<string> = new Set(lexiconLines("brands.txt").map((l) => l.replace(/ /g, "")));
const BRAND_MAX_TOKENS = 4;
const QUOTE_MARK = /^["“”‘’'«»]$/u;

/** Whether a span's words, as written outside a headline, are a brand's name. */
function isBrand(p: Prepared, s: TokenSpan): boolean {
  if (s.to - s.from > BRAND_MAX_TOKENS || p.caps[s.from]) return false;
  let k = "";
  for (let i = s.from; i < s.to; i++) k += p.tokens[i]!.text;
  return BRANDS.has(k);
}

const GROUP_WORDS: ReadonlySet<string> = new Set(
  "muslim muslims islamic jew jews jewish catholic catholics protestant protestants hindu hindus buddhist buddhists sikh sikhs sunni sunnis shia shiite shiites evangelical evangelicals mormon mormons hispanic hispanics latino latinos latina latinas latinx black blacks islam christianity judaism hinduism buddhism catholicism protestantism mormonism sikhism".split(" "),
);

/** Holidays and feasts, lower-cased, their words joined by a space (the tagger's tokens: "new year 's"). */
const HOLIDAYS: ReadonlySet<string> = new Set([
  ..."christmas easter thanksgiving halloween hanukkah chanukah passover ramadan kwanzaa diwali eid purim juneteenth pentecost lent".split(" "),
  ..."christmas eve|christmas day|easter sunday|good friday|ash wednesday|palm sunday|yom kippur|rosh hashanah|mardi gras|new year|new year 's|lunar new year|eid al-fitr|eid al-adha".split("|"),
  // days named for an event, national holidays and shopping days
  ..."super tuesday|election day|inauguration day|independence day|memorial day|labor day|labour day|veterans day|presidents day|black friday|cyber monday".split("|"),
]);
/** The first words of HOLIDAYS. */
const HOLIDAY_FIRST: ReadonlySet<string> = new Set([...HOLIDAYS].map((h) => h.split(" ")[0]!));

/** Legal forms of companies outside the English-speaking world, lower-cased without the last full stop ("Vale SpA", "Vale S.A."). */
const COMPANY_FORMS = "spa s.p.a ag ab nv n.v bv b.v asa oyj kk srl sarl pty bhd tbk s.a";
/** Last words of the names of public bodies and institutions ("Ministry", "Embassy", "Institute"). */
const INSTITUTIONS = "ministry department embassy consulate agency commission committee council university college institute foundation association authority bureau";
/**
 * Last words that make a multi-word name an organization whatever its first words are ("Acme Labs",
 * "Ministry of Finance" is caught by the tagger; "Northway Port Authority", "Ruritanian Embassy" here).
 */
const ORG_HEADS: ReadonlySet<string> = new Set(
  `lab labs laboratory laboratories inc corp corporation co ltd llc plc gmbh company companies group holdings ${INSTITUTIONS} party ${COMPANY_FORMS}`.split(" "),
);

/**
 * Last words that make a name of two or more words something other than a person's, with that thing's type: nouns
 * for bodies, places and laws that are not surnames ("Acme Center", "Vale County", "Clean Water Act"). The tagger reads
 * a few such names as persons when their first word is a given name or a surname ("Jordan Center").
 */
const NOT_PERSON_HEADS: ReadonlyMap<string, NerType> = new Map([
  ..."center centre centers centres school schools corps brotherhood parenthood enforcement customs control prevention protection administration images alliance coalition federation movement league society network organization organisation foods industries sciences pharmaceuticals technologies airlines motors capital partners analytics".split(" ").map((w) => [w, "ORG"] as const),
  ..."county garden gardens street avenue boulevard square valley island islands airport peninsula canyon river".split(" ").map((w) => [w, "LOC"] as const),
  ..."act".split(" ").map((w) => [w, "MISC"] as const),
]);

/** Last words of a place's name that no organisation's name ends in: streets, squares and valleys. */
const STREET_HEADS: ReadonlySet<string> = new Set("street avenue boulevard square valley".split(" "));

/** The type a name ending in a NOT_PERSON_HEADS word has (undefined: none such). */
const notPersonHead = (p: Prepared, s: TokenSpan): NerType | undefined => (p.words[s.to - 1]!.cap ? NOT_PERSON_HEADS.get(p.lower[s.to - 1]!) : undefined);

/** Lower-case nouns after a leader's surname: "the Vale administration", "the Vale presidency". */
const LEADER_OF: ReadonlySet<string> = new Set(["administration", "presidency"]);

/** Last words of a company or institution that may go by its first word alone ("Vale Labs" is "Vale"). */
const EPONYM_HEADS: ReadonlySet<string> = new Set(
  `lab labs laboratory laboratories inc corp corporation co ltd llc plc gmbh company companies group holdings foundation institute university college organization organisation enterprises industries motors media news ${COMPANY_FORMS}`.split(" "),
);

/** Offices written before a person's name ("Majority Leader Ann Vale", "Sen. Ann Vale"): the speaker titles plus these. */
const OFFICES: ReadonlySet<string> = new Set([
  ...lexiconLines("speaker-titles.txt").map((t) => t.split(" ").at(-1)!.toLowerCase()),
  ..."leader whip spokesman spokeswoman spokesperson chair chairman chairwoman director commissioner administrator adviser advisor secretary ambassador ayatollah".split(" "),
]);
/** Words that qualify an office and go with it ("Senate Majority Leader": the organisation is "Senate"). */
const OFFICE_MODIFIERS: ReadonlySet<string> = new Set("majority minority deputy assistant associate acting vice former chief principal senior democratic republican gop rear".split(" "));
/** Lower-case words inside a person's name ("Ana de Vale", "Tom van Pell"). */
const PARTICLES: ReadonlySet<string> = new Set("de da del della di du la le van von der den bin ibn al el".split(" "));
const PLACE_BITS = (1 << GAZ_CATS.indexOf("city")) | (1 << GAZ_CATS.indexOf("region")) | (1 << GAZ_CATS.indexOf("country"));

/**
 * A name of another type that runs on through an office into a person's name ("Senate Majority Leader Ann Vale",
 * "Harbour Board Director Tom Pell" read as one organisation) is split: the words after the office, from a given
 * name (or two to four capitalised words ending the span) up to the first word not capitalised, are the person;
 * the words before it, less qualifiers such as "Majority", keep the span's type (a place when the gazetteer knows
 * them as one: "Ruritania Sen. Ann Vale").
 */
function splitOffices(p: Prepared, spans: TokenSpan[]): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const loc = ENTITY_TYPES.indexOf("LOC");
  const out: TokenSpan[] = [];
  for (const s of spans) {
    let t = -1;
    if (s.type !== per && s.to - s.from >= 3 && !notPersonHead(p, s))
      for (let i = s.to - 3; i >= s.from; i--)
        if (isOffice(p, i) && p.words[i + 1]!.cap && (isGivenName(p.lower[i + 1]!) || (i > s.from && nameToEnd(p, i + 1, s.to)))) {
          t = i;
          break;
        }
    if (t < 0) {
      out.push(trimOffice(p, s));
      continue;
    }
    let end = t + 1;
    while (end < s.to && (p.words[end]!.cap || (PARTICLES.has(p.lower[end]!) && end + 1 < s.to && p.words[end + 1]!.cap))) end++;
    const pre = officeFrom(p, s.from, t);
    if (pre > s.from) out.push({ from: s.from, to: pre, type: pre - s.from === 1 && allPlaces(p, s.from, pre) ? loc : s.type });
    if (end - (t + 1) >= 2) out.push({ from: t + 1, to: end, type: per });
  }
  return out;
}

/** Where the words that qualify the office at token t begin ("Majority" of "Senate Majority Leader"), no earlier than `from`. */
function officeFrom(p: Prepared, from: number, t: number): number {
  let i = t;
  while (i > from && OFFICE_MODIFIERS.has(p.lower[i - 1]!)) i--;
  return i;
}

/** Whether tokens from..to are each a place of the gazetteer. */
function allPlaces(p: Prepared, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!(p.gazS[i]! & PLACE_BITS)) return false;
  return true;
}

/** Titles and honorifics that only a person's name follows ("Mr.", "President"; not "General", "Justice", "St." or "Jr."). */
const PERSON_TITLES: ReadonlySet<string> = new Set([...OFFICES].filter((t) => !["general", "justice", "st", "st.", "sr", "sr.", "jr", "jr."].includes(t)).map((t) => t.replace(/\.$/, "")));
/** Token i is a capitalised person's title or honorific. */
const isPersonTitle = (p: Prepared, i: number): boolean => p.words[i]!.cap && PERSON_TITLES.has(p.lower[i]!.replace(/\.$/, ""));

/** Token i is a capitalised office; not "General", which opens names too ("General Harbour Board"). */
const isOffice = (p: Prepared, i: number): boolean => {
  const w = p.lower[i]!.replace(/\.$/, "");
  return w !== "general" && OFFICES.has(w) && p.words[i]!.cap;
};

/** Tokens from..to are two to four capitalised words, as a person's name after an office is ("Steny Hoyer"), not ending as an organisation's does. */
function nameToEnd(p: Prepared, from: number, to: number): boolean {
  if (to - from < 2 || to - from > 4 || ORG_HEADS.has(p.lower[to - 1]!.replace(/\.$/, "")) || p.lower[to - 1] === "administration") return false;
  for (let i = from; i < to; i++) if (!p.words[i]!.cap || !p.words[i]!.letter || NOT_A_NAME.has(p.lower[i]!.replace(/\.$/, ""))) return false;
  return true;
}

/** A name of another type that ends in an office before a person's name ("Ruritania Sen." before "Ann Vale") loses the office: a place when the gazetteer knows the rest as one. */
function trimOffice(p: Prepared, s: TokenSpan): TokenSpan {
  if (s.type === ENTITY_TYPES.indexOf("PER") || s.to - s.from < 2 || !isOffice(p, s.to - 1) || !(s.to < p.tokens.length && p.words[s.to]!.cap)) return s;
  const pre = officeFrom(p, s.from, s.to - 1);
  if (pre === s.from) return s;
  if (allPlaces(p, s.from, pre)) return { from: s.from, to: pre, type: ENTITY_TYPES.indexOf("LOC") };
  // one word left is a body only if it is a chamber's name or an acronym ("Senate", "CIA"; not "Embattled" of "Embattled Rep.")
  const body = pre - s.from >= 2 || CHAMBERS.has(p.lower[s.from]!) || /^\p{Lu}{2,}$/u.test(p.tokens[s.from]!.text);
  return body && p.words[pre - 1]!.cap ? { from: s.from, to: pre, type: s.type } : s;
}
/**
 * US states' and the District of Columbia's abbreviations in the news agencies' style (AP) that are initials, one token
 * each ("N.Y.", "D.C."; pipeline/lexicon/us-states.txt). Other abbreviations ("Calif.", "Miss.") are words, and "Miss."
 * or "Del." may be a title: stateLabels reads them by their context.
 */
const isStateInitials = (w: string): boolean => /^\p{Lu}\.\p{Lu}\.$/u.test(w) && stateOf(w)?.abbreviation === true;

/** A one-word name of a programme or a policy: a name and "care" or "nomics" ("Valecare", "ValeCare"; the name is not a word the text writes in lower case: "HealthCare"). */
const PROGRAMME_WORD = /^(\p{Lu}\p{Ll}+)(?:[Cc]are|nomics)$/u;

/** Prepositions before a place's name ("in Vale"), not a person's. */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(["in", "near", "outside"]);

/** Last words of the names of a constitution and its amendments. */
const LAW_HEADS: ReadonlySet<string> = new Set(["constitution", "amendment", "amendments"]);
/** Newspapers' one-word names, written after "the": "the Guardian", "told The Hill". */
const NEWSPAPER_WORDS: ReadonlySet<string> = new Set("guardian observer telegraph economist herald tribune gazette times post journal chronicle courier inquirer examiner dispatch sentinel hill".split(" "));
/** Of those, the words that are surnames too ("Ann Post", "Tom Herald"). */
const SURNAME_PAPER_WORDS: ReadonlySet<string> = new Set("guardian observer herald post courier".split(" "));
/** Names of epidemic diseases and their viruses, written with capitals: other, as a disease is ("Ebola", "SARS"). */
const DISEASE_WORDS: ReadonlySet<string> = new Set("ebola zika covid covid-19 sars sars-cov-2 mers hiv aids h1n1 h5n1 coronavirus mpox monkeypox".split(" "));
/** Prepositions of place before "the Hill": Capitol Hill, not the newspaper. */
const ON_THE: ReadonlySet<string> = new Set(["on", "to", "at", "from", "off", "across"]);
/** Last words of the names of laws, programmes and treaties ("the Harbour Care Act", "the Vale Accord"). */
const ACT_HEADS: ReadonlySet<string> = new Set("act acts law bill program programme plan treaty accord accords agreement protocol initiative".split(" "));

/** Nouns a pollster's name comes before ("a Vale poll"). */
const POLL_WORDS: ReadonlySet<string> = new Set(["poll", "polls", "survey", "surveys"]);

/** Public offices held for a place, as written after its name ("Ruritania Sen.", "the Ruritania governor"), lower-cased without the last full stop. */
const PUBLIC_OFFICES: ReadonlySet<string> = new Set(
  "sen sens senator senators rep reps representative congressman congresswoman gov govs governor governors lt mayor attorney treasurer comptroller assemblyman assemblywoman delegate del lawmaker lawmakers legislator legislators".split(" "),
);
/** Party words between a place and its office ("Ruritania Republican Rep."). */
const PARTY_WORDS: ReadonlySet<string> = new Set("republican democratic democrat gop".split(" "));

/** Whether a public office, after any party word, opens at token i. */
function beforePublicOffice(p: Prepared, i: number): boolean {
  while (i < p.tokens.length && PARTY_WORDS.has(p.lower[i]!) && p.words[i]!.cap) i++;
  return i < p.tokens.length && PUBLIC_OFFICES.has(p.lower[i]!.replace(/\.$/, "")) && !p.caps[i];
}

/** One-word names of bodies whose members hold offices ("Senate Majority Leader"). */
const CHAMBERS: ReadonlySet<string> = new Set("senate house assembly congress parliament legislature council cabinet pentagon kremlin".split(" "));

const REGION_BITS = (1 << GAZ_CATS.indexOf("region")) | (1 << GAZ_CATS.indexOf("country"));
/** Whether a span of several tokens is exactly one region or country entry of the gazetteer. */
function regionSpan(p: Prepared, s: TokenSpan): boolean {
  let bits = p.gazB[s.from]! & REGION_BITS;
  for (let i = s.from + 1; i < s.to && bits; i++) bits &= p.gazI[i]!;
  return bits !== 0 && !(s.to < p.tokens.length && p.gazI[s.to]! & bits);
}

/** Last words of a body's name that go on with "for" or "of" and the body's field ("Center for Rural Studies", "Institute of Marine Science"). */
const BODY_HEADS: ReadonlySet<string> = new Set(
  `${INSTITUTIONS} ministries departments agencies commissions committees councils institutes foundations associations center centre centers centres school schools coalition alliance federation league society network office board fund`.split(" "),
);

/** Words a name cannot end in: it goes on after them. */
const ENDS_OPEN: ReadonlySet<string> = new Set(["of", "for"]);

/**
 * A body's name the tagger cut in two at "for" or "of" ("Centers" and "Harbour Safety" for "Centers for Harbour
 * Safety", "Vale Center" and the person "Justice" for "Vale Center for Justice") is one organisation: the first part
 * is not a person's and ends in a word such as "Center" or "Institute", and the parts stand one word apart.
 */
export function joinBodies(p: Prepared, spans: TokenSpan[]): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const org = ENTITY_TYPES.indexOf("ORG");
  const out: TokenSpan[] = [];
  // last words of persons' full names in the text: "the Vale" in "Supporters of the Vale campaign" is a person's
  const surnames = personLastWords(p, spans);
  // how many persons' names end in each word (asked only where a name ends in "of" or "for" before a person's)
  let personEnds: Map<string, number> | null = null;
  const loc = ENTITY_TYPES.indexOf("LOC");
  // a chamber's panel ("Senate Tides and Harbours Committee", "Tides and Harbours Committee"): a small town's name in the
  // gazetteer is a field's word there
  const panelFields = (prev: TokenSpan, s: TokenSpan) => (prev.to - prev.from >= 2 && CHAMBERS.has(p.lower[prev.from]!)) || COMMITTEES.has(p.lower[s.to - 1]!);
  for (const s of spans) {
    const prev = out[out.length - 1];
    const link = prev ? prev.to : -1;
    // a name does not end in "of" or "for": the name after it goes on with it ("University of" and "Ruritania"); not
    // a person's, nor one with a given name in it ("Ann Vale of" before "Ruritania" is a person and a place); a name
    // read as a person's goes on with it when it opens with no given name and no other person's name in the text ends
    // in its last word (the same name again may), and the name before opens with no function word ("Delayed Relief
    // for" and "Harbour Arrivals"; not "Ta-Vala Pell" beside "Pell", nor a title's "The Rage of" and "Ta-Vala Pell")
    if (
      prev &&
      prev.type !== per &&
      (s.type !== per || (s.to - s.from >= 2 && !STOPWORDS.has(p.lower[prev.from]!) && !isGivenName(p.lower[s.from]!) && (personEnds ??= lastWordCounts(p, spans, per)).get(p.lower[s.to - 1]!) === 1)) &&
      s.from === link &&
      prev.to - prev.from >= 2 &&
      ENDS_OPEN.has(p.lower[link - 1]!) &&
      p.words[s.from]!.cap &&
      spaced(p, link - 1, s.from) &&
      !p.lower.slice(prev.from, link - 1).some((w) => isGivenName(w))
    ) {
      out[out.length - 1] = { from: prev.from, to: s.to, type: prev.type };
      continue;
    }
    if (
      prev &&
      prev.type !== per &&
      s.from === link + 1 &&
      (p.lower[link] === "for" || p.lower[link] === "of") &&
      BODY_HEADS.has(p.lower[link - 1]!.replace(/\.$/, "")) &&
      p.words[link - 1]!.cap &&
      p.words[s.from]!.cap &&
      !p.caps[link] &&
      spaced(p, link - 1, s.from)
    ) {
      out[out.length - 1] = { from: prev.from, to: s.to, type: org };
      continue;
    }
    // a body's name cut in two at "and" ("Immigration" and "Customs Enforcement", "Health" and "Human Services", the
    // second part read as a person's or as other when it ends in a body's noun: "Urban Development"): the
    // first part ends in a common noun (written in lower case in the text, or no place's or given name before a
    // body's noun such as "Enforcement"), not in a name ("Dana and Vale Labs", "Ruritania and Harbour Board"), an
    // acronym or a body's own last word ("Harbour Department and Vale Agency", "Harbour Times and Vale News"); after a
    // chamber's name only a region's or a country's name counts, a small town's being a field's word there ("Senate
    // Tides and Harbours Committee")
    if (
      prev &&
      prev.type !== per &&
      (s.type === org || (prev.type === org && s.type !== loc && AND_HEADS.has(p.lower[s.to - 1]!))) &&
      s.to - s.from >= 2 &&
      s.from === link + 1 &&
      p.lower[link] === "and" &&
      !p.caps[link] &&
      /^\p{Lu}\p{Ll}/u.test(p.tokens[link - 1]!.text) &&
      !(p.gazS[link - 1]! & (panelFields(prev, s) ? REGION_BITS | PEOPLES : PLACE_BITS | PEOPLES)) &&
      !isGivenName(p.lower[link - 1]!) &&
      !BODY_ENDS.has(p.lower[link - 1]!.replace(/\.$/, "")) &&
      !/^\p{Lu}{2,}$/u.test(p.tokens[link - 1]!.text) &&
      /^\p{Lu}\p{Ll}+$/u.test(p.tokens[s.from]!.text) &&
      (writtenLower(p, p.lower[link - 1]!) || AND_HEADS.has(p.lower[s.to - 1]!)) &&
      spaced(p, link - 1, s.from)
    ) {
      out[out.length - 1] = { from: prev.from, to: s.to, type: org };
      continue;
    }
    // one word, "of the", one word: a title or a body's name cut in two ("State" and "Union" for "State of the Union",
    // "League" and "South"); not a person's, nor a sentence's first word ("Supporters of the …"), nor a place's part
    if (
      prev &&
      prev.to - prev.from === 1 &&
      s.to - s.from === 1 &&
      s.from === link + 2 &&
      prev.type !== per &&
      s.type !== per &&
      p.lower[link] === "of" &&
      p.lower[link + 1] === "the" &&
      !p.first[prev.from] &&
      !p.caps[prev.from] &&
      /^\p{Lu}\p{Ll}/u.test(p.tokens[prev.from]!.text) &&
      /^\p{Lu}\p{Ll}/u.test(p.tokens[s.from]!.text) &&
      !(p.gazS[s.from]! & REGION_BITS) &&
      !surnames.has(p.lower[s.from]!) &&
      !isGivenName(p.lower[s.from]!) &&
      !(p.gazS[prev.from]! & REGION_BITS) &&
      spaced(p, link - 1, s.from)
    ) {
      out[out.length - 1] = { from: prev.from, to: s.to, type: BODY_HEADS.has(p.lower[prev.from]!) ? org : ENTITY_TYPES.indexOf("MISC") };
      continue;
    }
    out.push(s);
  }
  return out;
}

/** The last words of the names of two or more words read as persons', lower-cased ("vale" of "Ann Vale"). */
function personLastWords(p: Prepared, spans: readonly TokenSpan[]): Set<string> {
  const per = ENTITY_TYPES.indexOf("PER");
  const out = new Set<string>();
  for (const s of spans) if (s.type === per && s.to - s.from >= 2) out.add(p.lower[s.to - 1]!);
  return out;
}

/** Whether tokens from to `to` (both included) follow one another with one character (a space) between each two. */
function spaced(p: Prepared, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (p.tokens[i]!.end + 1 !== p.tokens[i + 1]!.start) return false;
  return true;
}

/** Last words that end a body's name of its own, before "and" and another body ("Harbour Department and …"). */
const BODY_ENDS: ReadonlySet<string> = new Set([...ORG_HEADS, ...BODY_HEADS, ...CHAMBERS, ..."press times post journal reporter magazine review tribune herald inquirer gazette news daily network house campaign international america".split(" ")]);
/** Last words of bodies' names that are often two fields joined by "and" ("Customs and Border Protection"). */
const AND_HEADS: ReadonlySet<string> = new Set(`${INSTITUTIONS} enforcement protection services prevention development security affairs research`.split(" "));

/**
 * Names cut in pieces that the text also names whole ("the Fair Harbour Act" read as "Fair" and "Harbour Act" beside
 * the whole name): side by side in a sentence with a space between, none a person's or a lone word read as other (an
 * adjective: "Harbourian") and the whole name not read as a person's, they are one name, of the whole name's type
 * (the vote then settles it).
 */
function joinSplitRepeats(p: Prepared, spans: TokenSpan[]): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  // a lone word read as other is a people's or a party's adjective, which qualifies a name ("Harbour" in "Harbour Vale Party")
  const oneOther = (s: TokenSpan) => s.to - s.from === 1 && s.type === ENTITY_TYPES.indexOf("MISC");
  const whole = new Map<string, number>();
  for (const s of spans) if (s.to - s.from >= 2) whole.set(wordsKey(p, s.from, s.to), s.type);
  if (whole.size === 0) return spans;
  const out: TokenSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const a = spans[k]!;
    let best = -1;
    // most spans have no name right after them
    const next = spans[k + 1];
    if (!next || next.from !== a.to) {
      out.push(a);
      continue;
    }
    for (let j = k + 1; j < spans.length; j++) {
      const b = spans[j]!;
      const prev = spans[j - 1]!;
      if (b.from !== prev.to || p.first[b.from] || !spaced(p, prev.to - 1, b.from) || a.type === per || b.type === per || oneOther(a) || oneOther(b)) break;
      const t = whole.get(wordsKey(p, a.from, b.to));
      if (t !== undefined && t !== per) best = j;
    }
    if (best < 0) {
      out.push(a);
      continue;
    }
    const to = spans[best]!.to;
    out.push({ from: a.from, to, type: whole.get(wordsKey(p, a.from, to))! });
    k = best;
  }
  return out;
}

/** The first token of a dateline: a place name in capitals ("SPRINGFIELD", "NEW YORK"). */
const DATELINE_WORD = /^\p{Lu}[\p{Lu}.'’-]+$/u;
/** A dateline's date: "1996-08-30". */
const DATELINE_DATE = /^\d{4}-\d\d-\d\d$/u;
/** Whether a dateline's place ends before token e: a date, or a wire's name in brackets and a dash ("(Wire) —"). */
const datelineEnd = (p: Prepared, e: number): boolean =>
  DATELINE_DATE.test(p.tokens[e]?.text ?? "") ||
  (p.tokens[e]?.text === "(" && /^\p{Lu}/u.test(p.tokens[e + 1]?.text ?? "") && p.tokens[e + 2]?.text === ")" && /^[—–-]+$/u.test(p.tokens[e + 3]?.text ?? ""));

/** Spans that are a dateline's place at the start of a sentence: the name in capitals, maybe ", Region", then a date or a wire's name in brackets and a dash. */
function datelinePlaces(p: Prepared, spans: TokenSpan[]): Set<TokenSpan> {
  const out = new Set<TokenSpan>();
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    if (!p.first[s.from] || !DATELINE_WORD.test(p.tokens[s.from]!.text)) continue;
    let e = s.to;
    const region = spans[k + 1];
    if (p.tokens[e]?.text === "," && region && region.from === e + 1) e = region.to;
    if (!datelineEnd(p, e)) continue;
    out.add(s);
    if (e !== s.to) out.add(region!);
  }
  return out;
}

/**
 * The document-level rules after decoding, in order, in functions of their own: V8 drops a function's optimised code
 * when it meets a case its type feedback never saw, and the rules' rare cases come late in a corpus; as one function
 * of 270 lines they were optimised 18 times in a 10,000-article build, 9 s of compiling.
 */
export function consistency(p: Prepared, spans: TokenSpan[]): TokenSpan[] {
  spans = typeRules(p, spans);
  // a dateline's place ("SPRINGFIELD, Ruritania 1996-08-30", "SPRINGFIELD (Wire) —") is a place, whatever the same
  // words name elsewhere in the text (a team), and it does not vote for them
  const votes = new Votes(p, spans, datelinePlaces(p, spans));
  votes.decide(spans);
  const names = personRules(p, spans, votes);
  brandRules(p, spans, votes, names);
  acronymRules(p, spans, votes);
  return repeatRules(p, spans, votes, names.surnames);
}

/** Rules by a name's words and its neighbours, before the vote. */
function typeRules(p: Prepared, spans: TokenSpan[]): TokenSpan[] {
  const n = p.tokens.length;
  const org = ENTITY_TYPES.indexOf("ORG");
  const loc = ENTITY_TYPES.indexOf("LOC");
  const per = ENTITY_TYPES.indexOf("PER");
  spans = splitOffices(p, spans);
  for (const s of spans) if (s.to - s.from >= 2 && ORG_HEADS.has(p.lower[s.to - 1]!.replace(/\.$/, "")) && p.words[s.to - 1]!.cap) s.type = org;
  // a place's name and a newspaper's word is a newspaper, whatever the tagger read it as ("the Valeford Examiner", "The
  // Valeford Post"; not "Ann Post", nor a hill, "Valeford Hill")
  // (a city's name that is a given name too goes only with a word that is no surname: "Ann Herald" is a person's name)
  for (const s of spans) {
    const head = p.lower[s.to - 1]!;
    if (s.to - s.from < 2 || s.to - s.from > 3 || !NEWSPAPER_WORDS.has(head) || head === "hill" || !p.words[s.to - 1]!.cap || p.caps[s.to - 1]) continue;
    const place = p.gazS[s.from]! | p.gazB[s.from]!;
    if (place & REGION_BITS || (place & PLACE_BITS && (!isGivenName(p.tokens[s.from]!.text) || !SURNAME_PAPER_WORDS.has(head)))) s.type = org;
  }
  // a name read as an organisation that ends in a street's or a square's noun is that place ("Harbour Square")
  for (const s of spans) if (s.type === org && s.to - s.from >= 2 && STREET_HEADS.has(p.lower[s.to - 1]!) && p.words[s.to - 1]!.cap) s.type = loc;
  // a person's name does not end in "Center" or "County"; the capitalised words right before such a name, which the
  // tagger left out, are part of it ("the Clean Harbour Act" read as "Clean" and the person "Harbour Act")
  const covered = new Uint8Array(n);
  for (const s of spans) covered.fill(1, s.from, s.to);
  for (const s of spans) {
    const head = s.type === per ? notPersonHead(p, s) : undefined;
    // not in words run together from a page's links ("Ann ValeHarbour Center")
    if (!head || p.tokens.slice(s.from, s.to).some((t) => GLUED.test(t.text))) continue;
    s.type = ENTITY_TYPES.indexOf(head);
    // a place may be named after a titled person ("Prince Ann County"), a body stops at a title
    // (nor a place's adjective, "Erie-based")
    const free = (i: number) => !covered[i] && !p.caps[i] && p.words[i]!.cap && p.words[i]!.letter && !NOT_A_NAME.has(p.lower[i]!.replace(/\.$/, "")) && !p.lower[i]!.endsWith("-based") && (head === "LOC" || !isOffice(p, i));
    for (let i = s.from - 1; i >= 0 && !p.first[s.from] && free(i) && p.tokens[i]!.end + 1 === p.tokens[i + 1]!.start; i--) s.from = i;
  }
  spans = joinBodies(p, spans);
  // a one-word name coined for a programme or a policy from a name and "care" or "nomics" ("Valecare", "Valenomics")
  // is other, as a law's name is
  for (const s of spans) {
    const m = s.to - s.from === 1 ? PROGRAMME_WORD.exec(p.tokens[s.from]!.text) : null;
    if (m && !writtenLower(p, p.lower[s.from]!) && !writtenLower(p, m[1]!.toLowerCase())) s.type = ENTITY_TYPES.indexOf("MISC");
  }
  // a constitution or an amendment to one is other, as a law's name is ("the Constitution", "the Fifth Amendment")
  // (not a body named after one: "the Harbour Journal Constitution")
  for (const s of spans)
    if (LAW_HEADS.has(p.lower[s.to - 1]!) && p.words[s.to - 1]!.cap && !p.caps[s.to - 1] && !p.lower.slice(s.from, s.to - 1).some((w) => BODY_ENDS.has(w))) s.type = ENTITY_TYPES.indexOf("MISC");
  // a US state's or the capital district's abbreviation in initials ("N.Y.", "D.C.") read as another type is that place
  for (const s of spans) if (s.type !== loc && s.to - s.from === 1 && isStateInitials(p.tokens[s.from]!.text)) s.type = loc;
  // a name right before "poll" or "survey" is the pollster's, an organisation ("a Vale poll", "the Harbour Journal
  // survey"), unless it is a region's, a country's, a people's or a party's ("an Iowa poll", "a Republican poll")
  for (const s of spans)
    if (s.type !== org && s.type !== per && POLL_WORDS.has(p.lower[s.to] ?? "") && !p.caps[s.to] && !PARTY_WORDS.has(p.lower[s.to - 1]!) && /^\p{Lu}/u.test(p.tokens[s.from]!.text) && !(p.gazS[s.from]! & (PEOPLES | REGION_BITS)) && !(s.to - s.from >= 2 && regionSpan(p, s))) s.type = org;
  // a place read as an organisation right before a public office ("Ruritania Sen. Ann Vale", "the Ruritania governor",
  // "Ruritania Republican Rep. Ann Vale") is that place: the office is the place's, not a team's or a company's
  for (const s of spans) if (s.type === org && beforePublicOffice(p, s.to) && (s.to - s.from === 1 ? allPlaces(p, s.from, s.to) && !writtenLower(p, p.lower[s.from]!) : regionSpan(p, s))) s.type = loc;
  // a name of several words that is exactly a region or a country of the gazetteer is that place, not a person
  // ("New Ruritania" read as one; an organisation may be named after a place: a team, "New Ruritania" in sport)
  for (const s of spans) if (s.to - s.from >= 2 && s.type === per && regionSpan(p, s)) s.type = loc;
  // a known given name and a double surname read as a place ("Ann Vale-Pell", where a town is named Ann) is a person's
  // name: a place is rarely named by a town's name and a hyphenated word (not a hyphenated place of the gazetteer,
  // "Winston-Salem", nor a region's part, "North Rhine-Westphalia"; words of three letters or more, not "University-St.")
  for (const s of spans)
    if (s.type === loc && s.to - s.from === 2 && !p.caps[s.from] && DOUBLE_SURNAME.test(p.tokens[s.from + 1]!.text) && isGivenName(p.tokens[s.from]!.text) && !REGION_WORDS.has(p.lower[s.from]!) && !(p.gazS[s.from + 1]! & (PLACE_BITS | REGION_BITS | PEOPLES))) s.type = per;
  // a name ending in "Jr." or "Sr." is a person's ("Vale Jr." read as a company)
  for (const s of spans) if (s.to - s.from >= 2 && /^(?:jr|sr|jnr|snr)\.?$/.test(p.lower[s.to - 1]!) && p.words[s.to - 1]!.cap) s.type = per;
  // a name of two to four words right after a person's title or honorific is a person's ("President Ann Vale" read as a place)
  for (const s of spans) if (s.type !== per && s.to - s.from >= 2 && s.to - s.from <= 4 && s.from > 0 && isPersonTitle(p, s.from - 1) && p.words[s.from]!.cap && !notPersonHead(p, s)) s.type = per;
  return joinSplitRepeats(p, spans);
}

/** The types the mentions of each name (wordsKey) were read as, a dateline's place aside. */
class Votes {
  private readonly votes = new Map<string, number[]>();
  constructor(
    private readonly p: Prepared,
    spans: readonly TokenSpan[],
    readonly dateline: Set<TokenSpan>,
  ) {
    for (const s of spans) {
      if (dateline.has(s)) continue;
      const k = wordsKey(p, s.from, s.to);
      let v = this.votes.get(k);
      if (!v) this.votes.set(k, (v = [0, 0, 0, 0]));
      v[s.type]!++;
    }
  }
  /** gives each span its name's majority type (a dateline's place: a place) */
  decide(spans: readonly TokenSpan[]): void {
    const loc = ENTITY_TYPES.indexOf("LOC");
    for (const s of spans) {
      const m = this.dateline.has(s) ? loc : this.major(wordsKey(this.p, s.from, s.to));
      if (m >= 0) s.type = m;
    }
  }
  get(k: string): number[] | undefined {
    return this.votes.get(k);
  }
  has(k: string): boolean {
    return this.votes.has(k);
  }
  keys(): IterableIterator<string> {
    return this.votes.keys();
  }
  /** the type most mentions with these words have (-1: none, or a tie) */
  major(k: string): number {
    const v = this.votes.get(k);
    if (!v) return -1;
    let best = -1;
    let bc = 0;
    let tie = false;
    for (let t = 0; t < v.length; t++) {
      if (v[t]! > bc) {
        bc = v[t]!;
        best = t;
        tie = false;
      } else if (v[t]! === bc && bc > 0) tie = true;
    }
    return tie ? -1 : best;
  }
  /** a span's new type, given by a rule after the vote: its untagged repeats take it too */
  retype(s: TokenSpan, t: number): void {
    const v = this.dateline.has(s) ? undefined : this.votes.get(wordsKey(this.p, s.from, s.to));
    if (v) {
      v[s.type]!--;
      v[t]!++;
    }
    s.type = t;
  }
}

/** What the text says of persons' names after the vote: lone surnames and words after a title read as persons. */
function personRules(p: Prepared, spans: TokenSpan[], votes: Votes): { surnames: Set<string>; fullNames: Map<string, string>; titled: Set<string> } {
  const n = p.tokens.length;
  const org = ENTITY_TYPES.indexOf("ORG");
  const per = ENTITY_TYPES.indexOf("PER");
  // surnames of tagged persons
  const surnames = personLastWords(p, spans);
  // surnames of full names of two to four words that open with a given name not named alone in the text
  // ("Ann Vale"; not "Sadly Vale", "Will Vale", or "Vale Democrats" beside "Vale"), as written
  const fullNames = new Map<string, string>();
  for (const s of spans)
    if (s.type === per && s.to - s.from >= 2 && s.to - s.from <= 4 && isGivenName(p.lower[s.from]!) && !NOT_A_NAME.has(p.lower[s.from]!) && !votes.has(p.lower[s.from]!) && !GLUED.test(p.tokens[s.to - 1]!.text))
      fullNames.set(p.lower[s.to - 1]!, p.tokens[s.to - 1]!.text);
  // first words of company-like names ("Vale Motors", "Vale Foundation"): the word alone may be short for
  // them, as it is not for "the Vale White House" or "the Vale Administration"
  const eponyms = new Set<string>();
  for (const s of spans) if (s.type === org && s.to - s.from >= 2 && EPONYM_HEADS.has(p.lower[s.to - 1]!.replace(/\.$/, ""))) eponyms.add(p.lower[s.from]!);
  // lone words written right after a person's title or honorific somewhere in the text ("Mr. Vale", "President Vale")
  const titled = new Set<string>();
  for (const s of spans) if (s.to - s.from === 1 && s.from > 0 && isPersonTitle(p, s.from - 1)) titled.add(p.lower[s.from]!);
  // and lone words before "administration" or "presidency" ("the Vale administration": a leader's name, not an
  // acronym, a region or a country, nor read as other: "the Republican administration")
  for (const s of spans)
    if (s.to - s.from === 1 && s.type !== ENTITY_TYPES.indexOf("MISC") && s.to < n && LEADER_OF.has(p.tokens[s.to]!.text) && !p.caps[s.from] && !(p.gazS[s.from]! & REGION_BITS) && /^\p{Lu}\p{Ll}/u.test(p.tokens[s.from]!.text)) titled.add(p.lower[s.from]!);
  for (const s of spans) {
    const w = p.lower[s.from]!;
    if (s.to - s.from !== 1 || s.type === per || !(surnames.has(w) || titled.has(w))) continue;
    // A lone token tagged otherwise that is a person's: the surname of a tagged full name, or a word that
    // follows a person's title somewhere in the text. Trust the person reading however often the lone word
    // was tagged otherwise ("Vale's plan", "the Vale administration" read as an organisation) when it
    // follows such a title, or is the surname of a full name as above written as there (or in a headline:
    // not "UN" for "Kim Un"); unless it names a country or a people ("Jordan", "French") or begins a
    // company-like name in the text ("Vale" beside "Ann Vale" and "Vale Motors"; but "Mr. Vale" itself is the
    // person's). Else a surname is a person only when it was tagged otherwise just once and never alone as a person.
    const v = votes.get(w)!;
    const written = fullNames.get(w) === p.tokens[s.from]!.text || (p.caps[s.from] === 1 && fullNames.has(w));
    const country = (p.gazS[s.from]! & PEOPLES) !== 0;
    const afterTitle = s.from > 0 && isPersonTitle(p, s.from - 1);
    if (((written || titled.has(w)) && !country && (!eponyms.has(w) || afterTitle)) || (surnames.has(w) && !v[per] && v[s.type]! <= 1)) s.type = per;
  }
  // a lone word that begins a company-like name in the text is that company's short name, unless it is a given name,
  // a person's surname or follows a title here, or names a place or a people ("Vale" beside "Vale Motors", read as a
  // person; not "Ann" beside "Ann Vale Foundation")
  for (const s of spans) {
    const w = p.lower[s.from]!;
    if (s.to - s.from === 1 && (s.type === per || s.type === ENTITY_TYPES.indexOf("LOC")) && eponyms.has(w) && !isGivenName(w) && !surnames.has(w) && !fullNames.has(w) && !titled.has(w) && !(p.gazS[s.from]! & (PEOPLES | PLACE_BITS))) s.type = org;
  }
  return { surnames, fullNames, titled };
}

/** Brands, places after "in", faiths, holidays, diseases and newspapers, after the vote. */
function brandRules(p: Prepared, spans: TokenSpan[], votes: Votes, names: { fullNames: Map<string, string>; titled: Set<string> }): void {
  const { fullNames, titled } = names;
  const org = ENTITY_TYPES.indexOf("ORG");
  const loc = ENTITY_TYPES.indexOf("LOC");
  const per = ENTITY_TYPES.indexOf("PER");
  // a well-known company's or service's name (pipeline/lexicon/brands.txt) read as a person, a place or other is that
  // organisation ("Harbourly said on Tuesday", "posted on Harbourly"), unless the text gives the word to a person (the
  // last word of a person's name that opens with a given name or a word never written in lower case, a word after a
  // title, the first word of a person's name) or writes it in lower case, or it names a place or a people
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  for (const s of spans)
    if (s.type === per && s.to - s.from >= 2) {
      firstNames.add(p.lower[s.from]!);
      if (isGivenName(p.lower[s.from]!) || !writtenLower(p, p.lower[s.from]!)) lastNames.add(p.lower[s.to - 1]!);
    }
  for (const s of spans) {
    if (s.type === org || votes.dateline.has(s) || !isBrand(p, s)) continue;
    const w = p.lower[s.from]!;
    if (lastNames.has(w) || titled.has(w) || firstNames.has(w)) continue;
    if (s.to - s.from === 1 && (writtenLower(p, w) || p.gazS[s.from]! & (PEOPLES | PLACE_BITS))) continue;
    // a nickname in quote marks ("Lord “Kit” Vale"), a place read as one after "the" ("the Harbourly")
    if (s.from > 0 && QUOTE_MARK.test(p.tokens[s.from - 1]!.text)) continue;
    if (s.type === loc && s.from > 0 && p.lower[s.from - 1] === "the") continue;
    votes.retype(s, org);
  }
  // a city's or a region's name read as a person's or an organisation's right after "in", "near" or "outside" ("in
  // Vale, Ruritania") is that place, unless the text gives the word to a person as above, it is followed by "'s" or a
  // verb in -ing, or, read as an organisation, it is a word the text writes in lower case ("officials in Justice")
  // (CoNLL dev 0.9330 -> 0.9334 with the organisations)
  for (const s of spans) {
    if ((s.type !== per && s.type !== org) || s.to - s.from !== 1 || s.from === 0 || !PLACE_PREPOSITIONS.has(p.lower[s.from - 1]!) || !(p.gazS[s.from]! & PLACE_BITS)) continue;
    const w = p.lower[s.from]!;
    // (read as an organisation: a word written as a name, "Vale", no acronym, no body's or chamber's word, "in Congress",
    // no word of a longer name, "in Harbour State polls", and no pollster, "in Vale polls")
    if (s.type === org && (!/^\p{Lu}\p{Ll}+$/u.test(p.tokens[s.from]!.text) || writtenLower(p, w) || ORG_HEADS.has(w) || CHAMBERS.has(w) || votes.dateline.has(s) || p.words[s.to]?.cap || POLL_WORDS.has(p.lower[s.to] ?? ""))) continue;
    // "in Vale's plan", "in Vale being sentenced": the person's
    if (lastNames.has(w) || firstNames.has(w) || titled.has(w) || fullNames.has(w) || /^(?:['’]s|\p{Ll}+ing)$/iu.test(p.tokens[s.to]?.text ?? "")) continue;
    votes.retype(s, loc);
  }
  // a lone word naming a faith or an ethnic group is "other", whatever the tagger read ("Muslim" as a person), unless
  // the text gives it to a person as above ("Ann Black")
  const misc = ENTITY_TYPES.indexOf("MISC");
  for (const s of spans) if (s.to - s.from === 1 && p.words[s.from]!.cap && GROUP_WORDS.has(p.lower[s.from]!) && !lastNames.has(p.lower[s.from]!) && !titled.has(p.lower[s.from]!)) votes.retype(s, misc);
  // so is a holiday's or a feast's name ("Christmas" read as a place), unless a person's name ends in it
  for (const s of spans) if (HOLIDAY_FIRST.has(p.lower[s.from]!) && p.words[s.from]!.cap && HOLIDAYS.has(wordsKey(p, s.from, s.to)) && !lastNames.has(p.lower[s.to - 1]!)) votes.retype(s, misc);
  // an epidemic disease's name ("Ebola", "SARS") is other, whatever the tagger read
  for (const s of spans) if (s.to - s.from === 1 && s.type !== misc && DISEASE_WORDS.has(p.lower[s.from]!) && !votes.dateline.has(s)) votes.retype(s, misc);
  // a newspaper's one-word name right after "the" ("the Guardian", "told The Hill") read as other, a person or a place
  // is that newspaper, an organisation, and so are its untagged repeats; but "on the Hill", "to the Hill" is a place
  // (Capitol Hill)
  for (const s of spans) {
    if (s.to - s.from !== 1 || s.from === 0 || p.lower[s.from - 1] !== "the" || !NEWSPAPER_WORDS.has(p.lower[s.from]!) || !p.words[s.from]!.cap || p.caps[s.from] || votes.dateline.has(s)) continue;
    const t = p.lower[s.from] === "hill" && ON_THE.has(p.lower[s.from - 2] ?? "") ? loc : org;
    if (s.type !== t) votes.retype(s, t);
  }
}

/** An acronym defined in brackets after a law's or a body's name takes the name's type. */
function acronymRules(p: Prepared, spans: TokenSpan[], votes: Votes): void {
  const org = ENTITY_TYPES.indexOf("ORG");
  const per = ENTITY_TYPES.indexOf("PER");
  const misc = ENTITY_TYPES.indexOf("MISC");
  // an acronym defined in brackets right after the name of a law or a programme, or of a body, is other or an
  // organisation as the name is ("the Harbour Care Act (HCA)", "the Vale Port Authority (VPA)"), and so are its other
  // mentions in the text ("HCA" read as an organisation); its letters must be the initials of the name's capitalised
  // words, and the name must end in a law's or a body's word (the tagger reads an acronym alone better than a name
  // that ends otherwise)
  const defined = new Map<string, number>();
  const bracketed = spans.filter((s) => s.to - s.from === 1 && s.from >= 2 && p.tokens[s.from - 1]!.text === "(" && p.tokens[s.to]?.text === ")");
  const endingAt = new Map<number, TokenSpan>();
  if (bracketed.length) for (const s of spans) endingAt.set(s.to, s);
  for (const s of bracketed) {
    const name = endingAt.get(s.from - 1);
    const acr = p.tokens[s.from]!.text;
    if (!name || name.type === per || name.type === s.type || !/^\p{Lu}{2,6}$/u.test(acr)) continue;
    let initials = "";
    for (let i = name.from; i < name.to; i++) if (p.words[i]!.cap) initials += p.tokens[i]!.text.split("-").map((w) => w[0]).join("");
    const head = p.lower[name.to - 1]!.replace(/\.$/, "");
    const t = name.type === misc && ACT_HEADS.has(head) ? misc : name.type === org && ORG_HEADS.has(head) ? org : -1;
    if (t >= 0 && initials.toUpperCase() === acr) defined.set(p.lower[s.from]!, t);
  }
  if (defined.size) for (const s of spans) if (s.to - s.from === 1 && !votes.dateline.has(s) && defined.has(p.lower[s.from]!) && s.type !== defined.get(p.lower[s.from]!)) votes.retype(s, defined.get(p.lower[s.from]!)!);
}

/** Persons by their surname's votes, then the untagged repeats of tagged names; the spans in text order. */
function repeatRules(p: Prepared, spans: TokenSpan[], votes: Votes, surnames: Set<string>): TokenSpan[] {
  const n = p.tokens.length;
  const per = ENTITY_TYPES.indexOf("PER");
  // a two- or three-word name tagged otherwise whose last word stands alone as a person more often than
  // not ("Ana Velt" read as a place, "Velt" twice as a person) is that person
  for (const s of spans) {
    const len = s.to - s.from;
    if (s.type === per || len < 2 || len > 3) continue;
    const v = votes.get(p.lower[s.to - 1]!);
    if (v && v[per]! >= 2 && v[per]! > v[0]! + v[1]! + v[2]! + v[3]! - v[per]! && /^\p{Lu}\p{Ll}/u.test(p.tokens[s.from]!.text)) {
      s.type = per;
      surnames.add(p.lower[s.to - 1]!);
    }
  }
  // first words of persons' full names of two or three words ("Ann" of "Ann Vale"): a person alone too, when untagged
  // ("Ann" later in a sports report); not a title, an office, a function word, a place or a word the text writes in
  // lower case, and a known given name or the first name of a person whose surname stands alone as a person too
  const givenNames = new Set<string>();
  for (const s of spans) {
    const w = p.lower[s.from]!;
    if (s.type !== per || s.to - s.from < 2 || s.to - s.from > 3 || !/^\p{Lu}\p{Ll}{2,}$/u.test(p.tokens[s.from]!.text)) continue;
    if (isPersonTitle(p, s.from) || isOffice(p, s.from) || NOT_A_NAME.has(w) || p.gazS[s.from]! & (PEOPLES | PLACE_BITS) || writtenLower(p, w)) continue;
    if (isGivenName(w) || (votes.get(p.lower[s.to - 1]!)?.[per] ?? 0) > 0) givenNames.add(w);
  }
  // untagged repeats
  const tagged = new Uint8Array(n);
  for (const s of spans) for (let i = s.from; i < s.to; i++) tagged[i] = 1;
  const byFirst = new Map<string, { len: number; key: string }[]>();
  for (const k of votes.keys()) {
    const parts = k.split(" ");
    if (!/\p{L}{2}/u.test(k)) continue;
    const list = byFirst.get(parts[0]!) ?? [];
    list.push({ len: parts.length, key: k });
    byFirst.set(parts[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.len - a.len);
  const added: TokenSpan[] = [];
  for (const s of p.sents) {
    for (let i = s.from; i < s.to; i++) {
      if (tagged[i] || !p.words[i]!.cap) continue;
      for (const c of byFirst.get(p.lower[i]!) ?? []) {
        const e = i + c.len;
        if (e > s.to) continue;
        let free = true;
        for (let j = i; j < e; j++) if (tagged[j]) free = false;
        if (!free || wordsKey(p, i, e) !== c.key) continue;
        const m = votes.major(c.key);
        if (m < 0) continue;
        // the last token must not run on into a capitalised word (a longer name)
        if (e < s.to && p.words[e]!.cap && !p.caps[e]) continue;
        for (let j = i; j < e; j++) tagged[j] = 1;
        added.push({ from: i, to: e, type: m });
        i = e - 1;
        break;
      }
      if (!tagged[i] && (surnames.has(p.lower[i]!) || givenNames.has(p.lower[i]!)) && !(i + 1 < s.to && p.words[i + 1]!.cap)) {
        tagged[i] = 1;
        added.push({ from: i, to: i + 1, type: per });
      }
    }
  }
  return [...spans, ...added].sort((a, b) => a.from - b.from);
}

export interface NerEntity {
  start: number;
  end: number;
  text: string;
  type: NerType;
}

export interface TagOptions {
  consistency?: boolean;
  constrain?: boolean;
}

/** Two names of people side by side with only a space between are one when the first is a lone given name ("AMY" "GOODMAN" in a transcript). */
export function joinGivenNames(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const out: TokenSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.type === per && s.type === per && prev.to === s.from && prev.to - prev.from === 1 && s.to - prev.from <= 4) {
      const gap = p.tokens[prev.from]!.end;
      if (p.tokens[s.from]!.start === gap + 1 && text[gap] === " " && isGivenName(p.lower[prev.from]!) && !OFFICES.has(p.lower[prev.from]!)) {
        out[out.length - 1] = { from: prev.from, to: s.to, type: per };
        continue;
      }
    }
    out.push({ ...s });
  }
  return out;
}

/** Adds `s` (spans[k] or a longer span from it) to `out`; the index of the last of `spans` it covers. */
function pushUpTo(out: TokenSpan[], spans: readonly TokenSpan[], k: number, s: TokenSpan): number {
  out.push(s);
  while (k + 1 < spans.length && spans[k + 1]!.from < s.to) k++;
  return k;
}

/** An initial written alone in a name: "W.", "J", "H.W.", "HW". */
const MIDDLE_INITIAL = /^(?:\p{Lu}\.?|\p{Lu}\.\p{Lu}\.?|\p{Lu}{2})$/u;
/** Words for a time that follow a name as the subject's adverb ("Ann Today" of a headline, "Ann Now"). */
const TIME_WORDS: ReadonlySet<string> = new Set("today tonight tomorrow yesterday now".split(" "));
/** Days of the week, which no surname is. */
const WEEKDAYS = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/;

/**
 * A lone given name read as a person, with the rest of the name read apart: "Ann" a person and "Vale" an organisation,
 * "Ann" and "Vale" untagged, "Ann" and "B. Vale". The tagger splits a full name so in long texts whose other mentions
 * of the surname it read otherwise ("Vale" the company), or whose surname is a word ("Ann May"). The given name is
 * a common one (in the lists of given names, or in the birth counts and never written in lower case in the text) that
 * is no title, region, people's word or function word; the rest is a word the text reads as a person's name elsewhere
 * (alone, or as a person's name's last word): a name of one word
 * beginning with a capital, or an untagged capitalised word that opens no sentence, is no function word or weekday and
 * is no month before a number ("Ann May 5"), each after one space, or an initial and then such a name.
 */
export function completeGivenNames(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const n = p.tokens.length;
  const startAt = new Map<number, number>();
  let tagged: Uint8Array | null = null;
  const out: TokenSpan[] = [];
  const given = (i: number) => {
    const w = p.lower[i]!;
    if (!/^\p{Lu}\p{Ll}+$/u.test(p.tokens[i]!.text) || !(isListedGivenName(w) || (isGivenName(w) && !writtenLower(p, w)))) return false;
    if (NAME_TOO.has(w) || WEEKDAYS.test(w) || GROUP_WORDS.has(w) || STOPWORDS.has(w) || isPersonTitle(p, i) || isOffice(p, i)) return false;
    // a region's or a country's name ("Georgia"), or the first word of a longer place's name here ("Ann Arbor"); many
    // given names are some town's name too ("Ann", "Donald")
    return !(p.gazS[i]! & REGION_BITS) && !(p.gazB[i]! & PLACE_BITS && p.gazI[i + 1]! & PLACE_BITS);
  };
  // the end of the name that starts at token j (a span of one or two words, or one untagged word), or -1
  const nameFrom = (j: number, spanOk: boolean): number => {
    if (j >= n || !singleSpaceBefore(p, text, j) || !p.words[j]!.cap || p.caps[j] || p.first[j]) return -1;
    const k = startAt.get(j);
    const w = p.lower[j]!;
    // a month's name after a listed given name is a surname though the text reads it nowhere else as one ("Ann May";
    // the tagger leaves it out as a month): not before a number ("Ann May 5")
    const month = k === undefined && MONTHS.test(w) && isListedGivenName(p.lower[j - 1]!);
    if (!surnames.has(w) && !month) return -1;
    if (k !== undefined) {
      const t = spans[k]!;
      return spanOk && t.type !== per && t.to - t.from === 1 ? t.to : -1;
    }
    if ((tagged ??= tokensIn(p, spans))[j]) return -1;
    // a function word only where a longer person's name ends in it ("Ann May" where "Mrs. May" is a person)
    if (!/^\p{Lu}\p{Ll}/u.test(p.tokens[j]!.text) || (STOPWORDS.has(w) && !fullSurnames.has(w) && !month) || WEEKDAYS.test(w) || TIME_WORDS.has(w)) return -1;
    if (isCalendarWord(w) && j + 1 < n && /^\d/.test(p.tokens[j + 1]!.text)) return -1;
    return j + 1;
  };
  spans.forEach((t, k) => startAt.set(t.from, k));
  // words the text reads as a person's name alone or as a longer person's name's last word ("Vale said")
  const surnames = new Set<string>();
  const fullSurnames = personLastWords(p, spans);
  for (const t of spans) if (t.type === per) surnames.add(p.lower[t.to - 1]!);
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    let end = -1;
    if (s.type === per && s.to - s.from === 1 && !p.caps[s.from] && given(s.from)) {
      const j = s.to;
      end = nameFrom(j, true);
      // an initial, then the surname ("Ann B. Vale")
      if (end < 0 && j < n && MIDDLE_INITIAL.test(p.tokens[j]!.text) && !STOPWORDS.has(p.lower[j]!) && singleSpaceBefore(p, text, j) && !(tagged ??= tokensIn(p, spans))[j]) {
        const k2 = startAt.get(j + 1);
        end = k2 !== undefined && spans[k2]!.type === per ? spans[k2]!.to : nameFrom(j + 1, true);
      }
    }
    k = pushUpTo(out, spans, k, end < 0 ? s : { from: s.from, to: end, type: per });
  }
  return out;
}

/** The word after a field's name in an adviser's title ("National Security Adviser"). */
const ADVISERS: ReadonlySet<string> = new Set(["adviser", "advisor", "advisers", "advisors"]);

/** A capitalised word with an adjective's ending ("Federal", "Executive", "Judicial", "Numerous"). */
const ADJECTIVE = /^\p{Lu}\p{Ll}+(?:al|ive|ic|ous|ary)$/u;
/** Parties' adjectives, which name a party where it is capitalised ("the Liberal leader", "a Conservative MP"). */
const PARTY_ADJECTIVES: ReadonlySet<string> = new Set("conservative liberal progressive democratic republican socialist radical".split(" "));

/** Words that open an office of two words: "Vice President", "Majority Leader", "Prime Minister", "Deputy Secretary". */
const OFFICE_OPENERS: ReadonlySet<string> = new Set("vice prime majority minority deputy assistant associate acting".split(" "));
/** Offices of two words that end in "General" ("Attorney General"; "General" alone opens names too, "General Harbour Board"). */
const GENERAL_OFFICES: ReadonlySet<string> = new Set("attorney solicitor inspector surgeon postmaster secretary".split(" "));

/**
 * Drops the one-word spans that name nothing: a function word, a title ("The" opening a sentence, "Sen." before a
 * name) or an interjection ("Well," opening an answer), a lone initial ("Y." of "(D-N.Y.)") or a party and state tag
 * ("D-N", "R-Ky"), a time zone after a time ("5 p.m. ET"), an adjective before a common noun ("Federal spending"), or a
 * title read as a person right before a person's name.
 */
export function dropNonNames(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const misc = ENTITY_TYPES.indexOf("MISC");
  // a title read as a person of its own right before a person's name ("Judge" and "Ann Vale") belongs to that name
  // (read as anything: "Justice" an organisation before "Ann Vale"), and so do titles of several words ("Rear Adm.")
  const titleOf = (k: number) => {
    const s = spans[k]!;
    const next = spans[k + 1];
    if (next?.type !== per || next.from !== s.to || p.tokens[s.to - 1]!.end + 1 !== p.tokens[next.from]!.start) return false;
    for (let i = s.from; i < s.to; i++) if (!(isPersonTitle(p, i) || isOffice(p, i) || (i < s.to - 1 && OFFICE_MODIFIERS.has(p.lower[i]!)))) return false;
    return true;
  };
  // a call to a reader or a page's label ("Read more", "Click here", "See?", "Listen · 3:51", "Photo: …"), unless a
  // person's name ends in the word
  const lastNames = personLastWords(p, spans);
  const callWord = (i: number) => CALL_WORDS.has(p.lower[i]!) && !p.caps[i] && !lastNames.has(p.lower[i]!);
  // a greeting's or an answer's first word ("Good morning", "Good, I like it" opening a sentence), unless a person's
  // name ends in it
  const greeting = (i: number) => {
    if (!GREETING_WORDS.has(p.lower[i]!) || lastNames.has(p.lower[i]!) || i + 1 >= p.tokens.length) return false;
    const next = p.lower[i + 1]!;
    return GREETED.has(next) || (p.first[i] && (next === "," || next === "!" || next === "."));
  };
  // an office alone, of two or more words ("Majority Leader", "Attorney General", "Vice President"): a title, no name;
  // not a party's ("GOP Leader"), nor one that opens with an abbreviation or ends in a title that is a surname too
  // ("Dr. King")
  const officeOnly = (s: TokenSpan) => {
    for (let i = s.from; i < s.to; i++) {
      const w = p.lower[i]!.replace(/\.$/, "");
      if (!p.words[i]!.cap || PARTY_WORDS.has(w) || !(OFFICES.has(w) || OFFICE_MODIFIERS.has(w) || w === "president-elect")) return false;
    }
    const last = p.lower[s.to - 1]!.replace(/\.$/, "");
    return (OFFICES.has(last) && !SURNAME_TITLES.has(last) && !/\.$/.test(p.tokens[s.from]!.text)) || last === "president-elect";
  };
  // the first word of an office of two words read alone, the office's last word left out ("Attorney" of "Attorney
  // General Ann Vale", "Vice" of "Vice President", "Minority" of "Minority Leader"): a title's word, no name
  const officeHead = (k: number) => {
    const s = spans[k]!;
    const t = s.from + 1;
    if (t >= p.tokens.length || (spans[k + 1]?.from ?? p.tokens.length) <= t || !p.words[s.from]!.cap || !singleSpaceBefore(p, text, t)) return false;
    const first = p.lower[s.from]!;
    return (OFFICE_OPENERS.has(first) && isOffice(p, t)) || (GENERAL_OFFICES.has(first) && p.lower[t] === "general" && p.words[t]!.cap);
  };
  // a title or an office alone, no name after it ("the Mayor said", "the President-elect"); not one that is a surname too
  // ("King", "Pope") or the last word of a person's name in the text ("Ann Judge"), nor in capitals (a brand's name)
  const loneTitle = (i: number) => {
    const w = p.lower[i]!.replace(/\.$/, "");
    return (PERSON_TITLES.has(w) || w === "president-elect") && /^\p{Lu}\p{Ll}/u.test(p.tokens[i]!.text) && !SURNAME_TITLES.has(w) && !lastNames.has(w);
  };
  // a date's month ("March 6, 2016", "March 2019") or a weekday alone; not the last word of a person's name in the text
  const dateWord = (i: number) => {
    const w = p.lower[i]!;
    return (WEEKDAYS.test(w) || (MONTHS.test(w) && /^\d/.test(p.tokens[i + 1]?.text ?? ""))) && !lastNames.has(w);
  };
  // an adjective read alone as an organisation or a place before a common noun ("Federal spending", "Congressional
  // scrutiny"), a word the text writes in lower case elsewhere; not a person's name ("Mr. Ruinous said"), other
  // ("Republican voters") or a party's word ("the Liberal leader"), nor before a function word ("Central and South …")
  const adjective = (k: number) => {
    const s = spans[k]!;
    const i = s.from;
    if (s.type === misc || s.type === per || p.caps[i] || !ADJECTIVE.test(p.tokens[i]!.text) || PARTY_ADJECTIVES.has(p.lower[i]!) || !writtenLower(p, p.lower[i]!)) return false;
    return i + 1 < p.tokens.length && p.words[i + 1]!.lowerWord && !STOPWORDS.has(p.lower[i + 1]!) && singleSpaceBefore(p, text, i + 1);
  };
  // a field's name read as a name right before "Adviser" ("National Security Adviser Ann Vale"): part of a title, where
  // the text names it nowhere else without the word after it; not a person's name, nor a name with a chamber's word
  // ("White House Adviser")
  const adviserField = (s: TokenSpan): boolean => {
    if (s.type === per || !ADVISERS.has(p.lower[s.to] ?? "") || !p.words[s.to]!.cap || !singleSpaceBefore(p, text, s.to)) return false;
    for (let i = s.from; i < s.to; i++) if (CHAMBERS.has(p.lower[i]!) || !p.words[i]!.cap) return false;
    const key = wordsKey(p, s.from, s.to);
    for (const o of spans) if (o !== s && o.to - o.from === s.to - s.from && !ADVISERS.has(p.lower[o.to] ?? "") && wordsKey(p, o.from, o.to) === key) return false;
    return true;
  };
  return spans.filter(
    (s, k) =>
      !adviserField(s) &&
      (s.to - s.from > 1
        ? !officeOnly(s) && !titleOf(k)
        : !(isTag(text, p.tokens[s.from]!) || officeHead(k) || adjective(k) || loneTitle(s.from) || dateWord(s.from) || notAName(text.slice(p.tokens[s.from]!.start, p.tokens[s.from]!.end)) || COMMON_ABBREVIATIONS.has(p.tokens[s.from]!.text.replace(/['\u2019]s$/, "")) || zoneOfTime(p, s.from) || titleOf(k) || callWord(s.from) || greeting(s.from))),
  );
}

/**
 * Particles that may open a name written without its given name ("bin Vala", "de Pell"), or join a person's name to
 * the word before it; not the articles "al", "el", "la" and "le", which open the names of groups and places ("al
 * Harbour Front") and the words of Spanish or French text.
 */
const OPENING_PARTICLES: ReadonlySet<string> = new Set("bin ibn bint de da di du del della dos das van von".split(" "));

/** Months; with WEEKDAYS, the calendar's words, which the lists of given names hold too ("Tuesday", "May"). */
const MONTHS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;
const isCalendarWord = (w: string): boolean => MONTHS.test(w) || WEEKDAYS.test(w);


/**
 * Whether token i's word, capitalised before a name the tagger read, may be the name's own first word: no function word,
 * calendar or time word, office, title or office's qualifier, given name, or place's or people's name of the gazetteer
 * (with `towns`, a small town's name may be: only a region's or a country's may not).
 */
function opensName(p: Prepared, i: number, towns = false): boolean {
  const w = p.lower[i]!;
  return (
    !STOPWORDS.has(w) &&
    !NOT_A_NAME.has(w) &&
    !isCalendarWord(w) &&
    !TIME_WORDS.has(w) &&
    !isOffice(p, i) &&
    !isPersonTitle(p, i) &&
    !OFFICE_MODIFIERS.has(w) &&
    !isGivenName(w) &&
    !(p.gazS[i]! & (towns ? REGION_BITS | PEOPLES : PLACE_BITS | PEOPLES))
  );
}

/** Nouns for places that are surnames too, which the tagger may read alone as a person after a place's first word. */
const SURNAME_PLACE_NOUNS: ReadonlySet<string> = new Set(["hill", "park"]);

/**
 * A place's name of two words read in two, its first word as a place or an organisation and its second, a noun for a
 * place that is a surname too, as a person ("Capitol" and "Hill", "Harbour" and "Park"), is that one place: one space
 * between, not in a headline.
 */
export function placeTails(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const loc = ENTITY_TYPES.indexOf("LOC");
  const misc = ENTITY_TYPES.indexOf("MISC");
  const out: TokenSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && s.type === per && s.to - s.from === 1 && prev.to === s.from && prev.to - prev.from === 1 && prev.type !== per && prev.type !== misc && !p.caps[s.from] && SURNAME_PLACE_NOUNS.has(p.lower[s.from]!) && p.words[s.from]!.cap && singleSpaceBefore(p, text, s.from)) {
      prev.to = s.to;
      prev.type = loc;
      continue;
    }
    out.push(s);
  }
  return out;
}

/** A word written in capitals ("VALE", "O'PELL", "JR.", "Q."), as a transcript's speaker label writes a name. */
const CAPITALS_WORD = /^\p{Lu}(?:[\p{Lu}'\u2019-]*\p{Lu}\.?|\.)$|^\p{Lu}$/u;

/**
 * A transcript's speaker label: a name in capitals opening a line or a sentence and ending in a colon ("ANN VALE: Well,
 * …", "SEN. ANN VALE:", "ANN VALE, HOST:") is that person, whatever the tagger read in it (often the given name alone, or
 * nothing). After any titles, two to four words, none a function word ("VALE TO PELL:" is a headline) and none after
 * the first a word the text writes in lower case ("ANN VALE SAID:"), the first the start of a person's name the tagger
 * read or a given name the text never writes in lower case either ("GRANT ACCESS:" is a heading), and no call to the
 * reader ("SEE", "WATCH"); a role after a comma is in capitals too. Not a heading such as "FILE PHOTO:".
 */
export function speakerLabels(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const n = p.tokens.length;
  let out = spans;
  for (let i = 0; i < n; i++) {
    const t = p.tokens[i]!;
    if (!p.words[i]!.upperWord || !CAPITALS_WORD.test(t.text) || !(i === 0 || p.first[i] || text.slice(p.tokens[i - 1]!.end, t.start).includes("\n"))) continue;
    let j = i + 1;
    while (j < n && j < i + 7 && CAPITALS_WORD.test(p.tokens[j]!.text) && !text.slice(p.tokens[j - 1]!.end, p.tokens[j]!.start).includes("\n")) j++;
    const after = p.tokens[j]?.text;
    if (after !== ":" && !(after === "," && /^[^:\n\p{Ll}]{1,40}:/u.test(text.slice(p.tokens[j]!.end)))) continue;
    let a = i;
    while (a < j && isPersonTitle(p, a)) a++;
    if (j - a < 2 || j - a > 4) continue;
    let small = false;
    let lower = false;
    for (let k = a; k < j; k++) {
      small ||= STOPWORDS.has(p.lower[k]!);
      if (k > a) lower ||= writtenLower(p, p.lower[k]!);
    }
    if (small || lower || CALL_WORDS.has(p.lower[a]!) || !((isGivenName(p.lower[a]!) && !writtenLower(p, p.lower[a]!)) || out.some((s) => s.type === per && s.from === a))) continue;
    out = [...out.filter((s) => s.to <= a || s.from >= j), { from: a, to: j, type: per }].sort((x, y) => x.from - y.from);
    i = j;
  }
  return out;
}

/** Whether every word of a span is capitalised ("Valeford Heights", not "Lyceum of Valeford"). */
const capitalisedOnly = (p: Prepared, s: TokenSpan): boolean => {
  for (let j = s.from; j < s.to; j++) if (!p.words[j]!.cap) return false;
  return true;
};

/**
 * A US state's abbreviation with its dot after a town and a comma ("Valeford, Fla.") or alone in brackets ("Ann Vale
 * (Fla.)", a legislator's state) is the state, whatever the tagger read it as, and is tagged where it read nothing; a
 * town before ", Fla." that the tagger read as an organisation or other is the town, where all its words are
 * capitalised ("Harbour County", not "Lyceum of Valeford"). The town is a capitalised word, not a function or calendar
 * word; nothing in a headline.
 */
export function stateLabels(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const loc = ENTITY_TYPES.indexOf("LOC");
  const per = ENTITY_TYPES.indexOf("PER");
  const n = p.tokens.length;
  let spanAt: Int32Array | null = null;
  const added: TokenSpan[] = [];
  for (let i = 1; i < n; i++) {
    const t = p.tokens[i]!;
    // (an abbreviation is short, and ends in its dot or is written together with what follows)
    if (p.caps[i] || !p.words[i]!.cap || t.text.length > 6 || (!t.text.endsWith(".") && p.tokens[i + 1]?.start !== t.end)) continue;
    // the abbreviation with its dot: one token ("Calif.", "N.J."), or up to three written together or one space after
    // a dot ("W." and "Va"), and the dot right after them
    let end = -1;
    let after = -1;
    for (let e = i + 1, form = t.text; e <= i + 3 && e <= n; e++) {
      if (e > i + 1) {
        const gap = p.tokens[e - 1]!.start - p.tokens[e - 2]!.end;
        if (p.tokens[e - 1]!.text === "." || gap > 1 || (gap === 1 && (!form.endsWith(".") || text[p.tokens[e - 2]!.end] !== " "))) break;
        form += (gap ? " " : "") + p.tokens[e - 1]!.text;
      }
      const dot = !form.endsWith(".") && e < n && p.tokens[e]!.text === "." && p.tokens[e]!.start === p.tokens[e - 1]!.end;
      if ((form.endsWith(".") || dot) && stateOf(dot ? form + "." : form)?.abbreviation) [end, after] = [e, dot ? e + 1 : e];
    }
    if (end < 0) continue;
    const prev = p.tokens[i - 1]!.text;
    const town = i >= 2 && prev === "," && p.words[i - 2]!.cap && !p.caps[i - 2] && !STOPWORDS.has(p.lower[i - 2]!) && !isCalendarWord(p.lower[i - 2]!);
    if (!town && !(prev === "(" && p.tokens[after]?.text === ")")) continue;
    if (!spanAt) {
      spanAt = new Int32Array(n).fill(-1);
      spans.forEach((s, k) => spanAt!.fill(k, s.from, s.to));
    }
    const k = spanAt[i]!;
    if (k < 0) {
      if (spanAt.subarray(i, end).some((x) => x >= 0)) continue;
      added.push({ from: i, to: end, type: loc });
    } else if (spans[k]!.from === i && (spans[k]!.to === end || spans[k]!.to === after)) spans[k]!.type = loc;
    else continue;
    const b = town ? spanAt[i - 2]! : -1;
    if (b >= 0 && spans[b]!.to === i - 1 && spans[b]!.type !== per && capitalisedOnly(p, spans[b]!)) spans[b]!.type = loc;
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.from - b.from) : spans;
}

/**
 * A place's name of several words of which the tagger read only the end ("New" and "Harbour", "North" and
 * "Ruritania", read as "Harbour" alone, often as other where the word alone is a country's or a people's) is the whole
 * place's name: the word before the span, capitalised, untagged and one space before it, opens a city's, a region's or
 * a country's name of the gazetteer that ends inside the span. The span takes the word, and is that place where the
 * name is all of it ("New Harbour"), else keeps its type ("New Harbour Times"). Not a person's span, nor a function
 * word ("The Harbour", a town of the gazetteer), nor in a headline.
 */
export function placeHeads(p: Prepared, spans: TokenSpan[], text: string, gaz: GazIndex = new Map()): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const loc = ENTITY_TYPES.indexOf("LOC");
  let prevEnd = 0;
  for (const s of spans) {
    const i = s.from - 1;
    if (s.type !== per && i >= prevEnd && p.gazB[i]! & PLACE_BITS && p.words[i]!.cap && !p.caps[i] && !STOPWORDS.has(p.lower[i]!) && singleSpaceBefore(p, text, s.from)) {
      let key = p.lower[i]!;
      let end = -1;
      for (let j = s.from; j < s.to && j < i + GAZ_MAX_LEN; j++) {
        key += " " + p.lower[j]!;
        const m = gaz.get(key);
        if (m === undefined) break;
        if (m & PLACE_BITS) end = j + 1;
        if (!(m & GAZ_PREFIX)) break;
      }
      if (end > 0) {
        s.from = i;
        if (end === s.to) s.type = loc;
      }
    }
    prevEnd = s.to;
  }
  return spans;
}

/**
 * A name's first word that the tagger left out mid-sentence ("Founded" and "Harbour Trust" read as "Harbour Trust"):
 * a capitalised word after a lower-case word or a comma, one space before an organisation's or other name, is part of
 * it. So is a body's first field before "and" ("Tides and Harbours Committee" read as "Harbours Committee"; the name
 * ends in a body's noun such as "Committee", "Services" or "Enforcement"), there at a sentence's start too. Not a
 * function word, a verb's -ing form ("Barring"), a title or an office (or their plurals) or an office's qualifier, a
 * calendar or time word, a given name, a party's word, a place or a people of the gazetteer, the last word of a
 * person's name in the text, nor a call to the reader.
 */
export function capitalisedHeads(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const org = ENTITY_TYPES.indexOf("ORG");
  const misc = ENTITY_TYPES.indexOf("MISC");
  let surnames: Set<string> | null = null;
  // token i is a capitalised word, untagged, that may open the name after it
  const head = (i: number, from: number, towns = false): boolean => {
    if (i < from || !/^\p{Lu}\p{Ll}+$/u.test(p.tokens[i]!.text) || p.caps[i] || (i > 0 && !singleSpaceBefore(p, text, i))) return false;
    const w = p.lower[i]!;
    // (and no title's or office's plural, -ing form, party's word, call to the reader or person's surname in the text)
    return (
      opensName(p, i, towns) &&
      !w.endsWith("ing") &&
      !OFFICES.has(w.replace(/s$/, "")) &&
      !PERSON_TITLES.has(w.replace(/s$/, "")) &&
      !PARTY_WORDS.has(w) &&
      !CALL_WORDS.has(w) &&
      !(surnames ??= personLastWords(p, spans)).has(w)
    );
  };
  let prevEnd = 0;
  for (const s of spans) {
    if ((s.type === org || s.type === misc) && s.from > 0 && singleSpaceBefore(p, text, s.from)) {
      const i = s.from - 1;
      const before = i > 0 ? p.tokens[i - 1]! : null;
      if (before && !p.first[i] && (p.words[i - 1]!.lowerWord || before.text === ",") && head(i, Math.max(prevEnd, 1))) s.from = i;
      // (not the end of a name or a list of names: "Vale Harbours and Tides Service", "Vale, Harbours and Tides Service")
      else if (s.type === org && p.lower[i] === "and" && AND_HEADS.has(p.lower[s.to - 1]!) && i > 0 && singleSpaceBefore(p, text, i) && !BODY_ENDS.has(p.lower[i - 1]!) && head(i - 1, prevEnd, COMMITTEES.has(p.lower[s.to - 1]!))) {
        const b = i - 2;
        const listed = b >= 1 && (p.lower[b] === "and" || p.lower[b] === ",") && p.words[b - 1]!.cap;
        // after a name right before it only when that is a chamber's ("House Tides and Harbours Committee")
        if (b < 0 || (b < prevEnd ? CHAMBERS.has(p.lower[b]!) : !p.words[b]!.cap && !listed)) s.from = i - 1;
      }
    }
    prevEnd = s.to;
  }
  return spans;
}

/**
 * A person's name with lower-case particles in it ("Ana bin Vala", "Tom van der Pell") is one name: the tagger often
 * stops at the particle and reads the two halves apart, or the second as a place ("Ana" and "Vala"). Two spans, or a
 * span and a capitalised word, joined by one or two particles become one person's span when either half is a
 * person's; and a person's span right after particles that follow no capitalised word takes them in ("the killing
 * of bin Vala", "Mayor de Pell").
 */
export function joinParticles(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const n = p.tokens.length;
  const isParticle = (i: number) => i >= 0 && i < n && PARTICLES.has(p.lower[i]!) && !p.words[i]!.cap && !p.caps[i];
  const out: TokenSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = { ...spans[k]! };
    const prev = out[out.length - 1];
    // particles before a span: a person's takes them in where no capitalised word precedes them ("of bin Vala") or a
    // title does ("Mr. bin Vala"); any span takes them in with a given name the tagger left out before them ("Hans von
    // Pell"), and is a person's
    let i = s.from;
    while (i > s.from - 2 && isParticle(i - 1) && singleSpaceBefore(p, text, i)) i--;
    if (i < s.from && OPENING_PARTICLES.has(p.lower[i]!) && !(prev && prev.to > i - 1)) {
      const before = i - 1;
      if (before < 0 || !p.words[before]!.cap || !singleSpaceBefore(p, text, i)) {
        if (s.type === per) s.from = i;
      } else if (isListedGivenName(p.lower[before]!) && !isCalendarWord(p.lower[before]!) && !p.caps[before]) {
        s.from = before;
        s.type = per;
      } else if (s.type === per && (isPersonTitle(p, before) || isOffice(p, before))) s.from = i;
    }
    // particles between two spans: one name when the first is a person's, or the second is and the particles could
    // open its name ("Tom van Pell" read as "Tom" and "Pell", "Ana bin Vala" as a person and a place)
    if (prev && (prev.type === per || (s.type === per && OPENING_PARTICLES.has(p.lower[prev.to]!))) && s.from > prev.to && s.from - prev.to <= 2) {
      let joined = true;
      for (let i = prev.to; i <= s.from; i++) if ((i < s.from && !isParticle(i)) || !singleSpaceBefore(p, text, i)) joined = false;
      if (joined) {
        out[out.length - 1] = { from: prev.from, to: s.to, type: per };
        continue;
      }
    }
    out.push(s);
  }
  return out;
}

/** The lower-cased words of tokens from..to, one space apart: a name's key within its text. */
const wordsKey = (p: Prepared, from: number, to: number): string => p.lower.slice(from, to).join(" ");

/** 1 for each token inside one of `spans`. */
function tokensIn(p: Prepared, spans: readonly TokenSpan[]): Uint8Array {
  const tagged = new Uint8Array(p.tokens.length);
  for (const s of spans) tagged.fill(1, s.from, s.to);
  return tagged;
}

/** How many different names (lower-cased words) among the spans of `type` end in each word. */
function lastWordCounts(p: Prepared, spans: readonly TokenSpan[], type: number): Map<string, number> {
  const names = new Map<string, Set<string>>();
  for (const s of spans) {
    if (s.type !== type) continue;
    const last = p.lower[s.to - 1]!;
    const name = wordsKey(p, s.from, s.to);
    const set = names.get(last);
    if (set) set.add(name);
    else names.set(last, new Set([name]));
  }
  return new Map([...names].map(([w, set]) => [w, set.size]));
}

/** Whether token t follows token t - 1 after a single space (not a line break, a tab or two spaces). */
const singleSpaceBefore = (p: Prepared, text: string, t: number): boolean => p.tokens[t]!.start === p.tokens[t - 1]!.end + 1 && text[p.tokens[t - 1]!.end] === " ";

/**
 * A name cut short: a mention followed by capitalised words the tagger left out, when the whole is a name the text
 * tags elsewhere ("the Harbour State" read as "Harbour" beside "the Harbour State group" read whole), takes them, and
 * the whole name's type. Only across single spaces, and not into a word that opens a sentence or an office.
 */
export function extendToKnown(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const MAX = 3;
  const known = new Map<string, number[]>();
  for (const s of spans) {
    if (s.to - s.from < 2) continue;
    const k = wordsKey(p, s.from, s.to);
    const votes = known.get(k) ?? [0, 0, 0, 0];
    votes[s.type]!++;
    known.set(k, votes);
  }
  if (known.size === 0) return spans;
  const tagged = tokensIn(p, spans);
  return spans.map((s) => {
    let best = -1;
    for (let e = s.to + 1; e <= s.to + MAX && e <= p.tokens.length; e++) {
      const t = e - 1;
      // (not into an office, which the pass before took out of names: "Harbour Mayor", "Senate Majority Leader")
      const w = p.lower[t]!.replace(/\.$/, "");
      if (tagged[t] || !p.words[t]!.cap || p.first[t] || OFFICES.has(w) || OFFICE_MODIFIERS.has(w) || w === "general" || w === "attorney" || !singleSpaceBefore(p, text, t)) break;
      if (known.has(wordsKey(p, s.from, e))) best = e;
    }
    if (best < 0) return s;
    const votes = known.get(wordsKey(p, s.from, best))!;
    return { from: s.from, to: best, type: votes.indexOf(Math.max(...votes)) };
  });
}

/** An acronym defined in brackets after a name: "(HTA)", "(H&M)"; capitals, not one letter. */
const BRACKET_ACRONYM = /^\p{Lu}[\p{Lu}&]{1,7}$/u;
/** Small words a name's acronym may pass over ("Harbour and Tide Administration", "Bureau of Tide Management"). */
const NAME_JOINERS: ReadonlySet<string> = new Set("and of for the on to in at & de du des la le von van der del".split(" "));
/** Marks inside a name before its acronym: "Salt, Tar", "People's", "Non-Harbour". */
const NAME_MARKS = /^(?:[,&'’-]|['’]s)$/;

/**
 * The first token of the name that the acronym in brackets after token `end - 1` stands for (acronymReach), or -1:
 * over at most 12 tokens that are capitalised words, small joining words and marks, on one line ("Harbour and Tide
 * Administration (HTA)"; not "Valeford (RNN)" of a dateline, nor "Army (FVA)" when "Free Valeford" was left out of the
 * name).
 */
function acronymStart(p: Prepared, text: string, end: number, acronym: string): number {
  let lo = end - 1;
  const floor = Math.max(0, end - Math.min(12, 3 * acronym.length));
  const fits = (t: number) => /^\p{Lu}/u.test(p.tokens[t]!.text) || NAME_JOINERS.has(p.lower[t]!) || NAME_MARKS.test(p.lower[t]!);
  if (lo < 0 || !fits(lo)) return -1;
  while (lo > floor && fits(lo - 1) && !/\n/.test(text.slice(p.tokens[lo - 1]!.end, p.tokens[lo]!.start))) lo--;
  const at = acronymReach(acronym, p.lower.slice(lo, end), (i) => /^\p{Lu}/u.test(p.tokens[lo + i]!.text));
  return at < 0 ? -1 : lo + at;
}

/**
 * A name defined by the acronym in brackets after it ("the US Harbour and Tide Administration (HTA)") and read in part
 * ("Tide Administration", or "Harbour and" and "Tide Administration") is the whole name its acronym's letters reach back
 * to (acronymStart), of the part's type, or the acronym's where no part ends at the bracket or the part was read as a
 * person ("Land and Tide Trust (LTT)" read as "Land" and the person "Tide Trust"); a part that began before that ("US
 * Harbour") begins the name. Then the same name read in part elsewhere in the text (of any type), its words before the
 * part written out, is the whole name too. Not a person's name the acronym stands for
 * ("Ann B. Vale (ABV)", "Ann Vale (OCA)" of her body), nor in a headline.
 */
export function acronymNames(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const org = ENTITY_TYPES.indexOf("ORG");
  const loc = ENTITY_TYPES.indexOf("LOC");
  const n = p.tokens.length;
  const made: TokenSpan[] = [];
  // each name its acronym reaches (lower-cased words), with its type
  const names = new Map<string, number>();
  // what is left of a span a made name took the end of
  const pieces: TokenSpan[] = [];
  let endAt: Map<number, TokenSpan> | null = null;
  let startAt: Map<number, TokenSpan> | null = null;
  // the brackets are found next to the spans (a part ends before one, possessive aside, or the acronym is read in it):
  // far fewer than the tokens
  const brackets = new Set<number>();
  for (const s of spans) {
    if (s.from >= 2 && p.lower[s.from - 1] === "(") brackets.add(s.from - 1);
    const after = s.to < n && /^['’]s$/.test(p.lower[s.to]!) ? s.to + 1 : s.to;
    if (after < n && p.lower[after] === "(") brackets.add(after);
  }
  for (const t of [...brackets].sort((a, b) => a - b)) {
    if (t < 1 || t + 2 >= n || p.lower[t + 2] !== ")" || p.caps[t] || !BRACKET_ACRONYM.test(p.tokens[t + 1]!.text)) continue;
    if (p.tokens[t]!.start > p.tokens[t - 1]!.end + 1) continue;
    endAt ??= new Map(spans.map((s) => [s.to, s]));
    startAt ??= new Map(spans.map((s) => [s.from, s]));
    // (a possessive before the bracket is not the name's: "the Harbour Act's (HA)")
    const end = /^['’]s$/.test(p.lower[t - 1]!) ? t - 1 : t;
    const part = endAt.get(end) ?? endAt.get(t);
    const acr = startAt.get(t + 1);
    // (a part read as a person's name takes the acronym's type: "Land and Tide Trust (LTT)")
    const acrType = acr && acr.to === t + 2 && acr.type !== per ? acr.type : -1;
    let type = part && part.type !== per ? part.type : acrType;
    if (type < 0) continue;
    const named = acronymStart(p, text, end, p.tokens[t + 1]!.text);
    if (named < 0 || end - named < 2 || (part && part.from <= named)) continue;
    // a part that began before the name's first word: a country's code there, or a body's word with "of" or "for",
    // begins the name ("US Harbour" of "US Harbour and Tide Administration", "Bureau of Salt" of "Bureau of Salt,
    // Tar, Ropes and Sails (STRS)"), other words keep a span of their own ("Valeish Harbour" of "Valeish
    // Harbour Defence Forces (HDF)"); so does a body's word with "of" or "for" read with nothing ("Department of"
    // before "Harbour and Tide Services (HTS)")
    const before = spans.find((s) => s.from < named && s.to > named && s.to <= t && s.type !== per);
    const headed = (at: number) => at >= 2 && (p.lower[at - 1] === "of" || p.lower[at - 1] === "for") && BODY_HEADS.has(p.lower[at - 2]!) && /^\p{Lu}/u.test(p.tokens[at - 2]!.text);
    let from = named;
    let rest: TokenSpan | null = null;
    if (before && (headed(named) || p.tokens.slice(before.from, named).every((k) => /^(?:\p{Lu}\.?){2,3}$/u.test(k.text)))) from = before.from;
    else if (before) rest = { from: before.from, to: named, type: before.type };
    else if (headed(named) && !spans.some((s) => s.to > named - 2 && s.from < named)) from = named - 2;
    while (NAME_JOINERS.has(p.lower[from]!)) from++;
    // parts of two types: the acronym's ("Interim Force" and "Harbourland" of "Interim Force in Harbourland (IFH)"); a
    // name ending in a body's word is an organisation ("Harbour Security Forces"), and so is one ending in a place's
    // name whose acronym was read as one ("Citizens for Ethics in Valeford (CEV)"), or a place's name after "in" (the
    // body's seat: "Harbour State in Valeford and Tide (HSVT)"; not "Republic of Valeford (ROV)")
    if (type !== acrType && spans.some((s) => s.type === acrType && s.from >= from && s.to <= end)) type = acrType;
    const last = p.lower[end - 1]!;
    const seat = type === loc && p.lower.slice(from + 1, end - 1).includes("in");
    if (ORG_HEADS.has(last) || BODY_HEADS.has(last) || PEOPLE_BODIES.has(last) || last === "forces" || (type === loc && acrType === org) || seat) type = org;
    if (spans.some((s) => s !== before && ((s.from < from && s.to > from) || (s.from < end && s.to > end)))) continue;
    made.push({ from, to: end, type });
    if (rest) pieces.push(rest);
    names.set(wordsKey(p, named, end), type);
  }
  if (made.length === 0) return spans;
  // the same names read in part elsewhere: a span ending where a made name ends, with the name's words before it
  const longest = Math.max(...made.map((m) => m.to - m.from));
  for (const s of spans) {
    if (made.some((m) => m.from <= s.from && s.to <= m.to)) continue;
    for (let from = s.from - 1; from >= 0 && s.to - from <= longest; from--) {
      if (!singleSpaceBefore(p, text, from + 1) && !NAME_MARKS.test(p.lower[from + 1]!)) break;
      const type = names.get(wordsKey(p, from, s.to));
      if (type !== undefined && /^\p{Lu}/u.test(p.tokens[from]!.text)) {
        made.push({ from, to: s.to, type });
        break;
      }
    }
  }
  // the made names replace the spans they cover (where two made names overlap, the first made stays)
  const out: TokenSpan[] = [];
  const cover = new Uint8Array(n);
  for (const m of made) {
    if (cover.subarray(m.from, m.to).some((x) => x === 1)) continue;
    cover.fill(1, m.from, m.to);
    out.push(m);
  }
  for (const s of [...spans, ...pieces]) if (!cover.subarray(s.from, s.to).some((x) => x === 1)) out.push(s);
  return out.sort((a, b) => a.from - b.from);
}

/** Nouns of bodies named after a people or a faith: "Islamic State", "Catholic Church", "Syrian Army", "Muslim Brotherhood". */
const PEOPLE_BODIES: ReadonlySet<string> = new Set("state church army jihad brotherhood front guard guards movement".split(" "));
const NATIONALITY = 1 << GAZ_CATS.indexOf("nationality");

/**
 * A people's or a faith's word read alone as other, right before a body's noun the tagger left out ("the Islamic
 * State", "the Catholic Church"), is that body, an organisation: one space between, the noun capitalised and not
 * opening a sentence, and not in capitals (a headline's). So is a people's word read alone as other right before an
 * organisation's name of two words or more ("Valeish" and "Civil Harbour Union", "Ruritanian" and "Foreign
 * Ministry", which alone would be every country's).
 */
export function peopleBodies(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const misc = ENTITY_TYPES.indexOf("MISC");
  const org = ENTITY_TYPES.indexOf("ORG");
  // (which tokens the spans hold is asked only of an article with such a word: most have none)
  let tagged: Uint8Array | null = null;
  const out: TokenSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const t = s.to;
    if (s.type !== misc || t - s.from !== 1 || t >= p.tokens.length || p.caps[s.from] || !p.words[t]!.cap || p.first[t] || !singleSpaceBefore(p, text, t)) {
      out.push(s);
      continue;
    }
    const people = p.gazS[s.from]! & NATIONALITY;
    const next = spans[k + 1];
    if (people && next && next.from === t && next.type === org && next.to - next.from >= 2) {
      out.push({ from: s.from, to: next.to, type: org });
      k++;
    } else if ((people || GROUP_WORDS.has(p.lower[s.from]!)) && PEOPLE_BODIES.has(p.lower[t]!) && !(tagged ??= tokensIn(p, spans))[t]) out.push({ from: s.from, to: t + 1, type: org });
    else out.push(s);
  }
  return out;
}

/** A company's legal form after its name ("Inc", "Ltd."), lower-cased without the last full stop. */
const LEGAL_FORMS: ReadonlySet<string> = new Set(`inc corp co ltd llc plc gmbh ${COMPANY_FORMS}`.split(" "));
/** Last words of a body's name that a person's name opens ("the Vale Foundation", "the Vale Family Foundation"). */
const EPONYM_BODY_HEADS: ReadonlySet<string> = new Set([...ORG_HEADS, ..."center centre school initiative fund trust organization organisation".split(" ")]);

/**
 * A person's name right before a body's name the tagger left out is that body's name: "the Vale Foundation", "the
 * Vale Global Initiative" (up to two capitalised words before the body's last word), read as the person "Vale" and
 * nothing after, or as a name of its own ("Vale" and "Foundation"; "Ruritania" and "Embassy"). Not a body's word that
 * is the first of a sentence, nor in a headline, nor after a function word ("In Vale We Trust").
 */
export function eponymBodies(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const org = ENTITY_TYPES.indexOf("ORG");
  let tagged: Uint8Array | null = null;
  const n = p.tokens.length;
  const out: TokenSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    // a body's word read as a name of its own right after a name ("Vale" and "Foundation", "Ruritania" and
    // "Embassy")
    const next = spans[k + 1];
    if (next && next.from === s.to && next.to === s.to + 1 && next.type !== per && !p.caps[s.from] && !p.first[next.from] && EPONYM_BODY_HEADS.has(p.lower[next.from]!) && p.words[next.from]!.cap && singleSpaceBefore(p, text, next.from)) {
      out.push({ from: s.from, to: next.to, type: org });
      k++;
      continue;
    }
    k = pushUpTo(out, spans, k, eponym(s));
  }
  return out;
  function eponym(s: TokenSpan): TokenSpan {
    if (s.type !== per || p.caps[s.from]) return s;
    for (let j = s.to; j < n && j < s.to + 3; j++) {
      if (!p.words[j]!.cap || p.first[j] || STOPWORDS.has(p.lower[j]!) || !singleSpaceBefore(p, text, j) || (tagged ??= tokensIn(p, spans))[j]) return s;
      if (EPONYM_BODY_HEADS.has(p.lower[j]!.replace(/\.$/, ""))) {
        // with a company's legal form after it ("Vale Holdings Inc.")
        while (j + 1 < n && LEGAL_FORMS.has(p.lower[j + 1]!.replace(/\.$/, "")) && p.words[j + 1]!.cap && singleSpaceBefore(p, text, j + 1)) j++;
        return { from: s.from, to: j + 1, type: org };
      }
    }
    return s;
  }
}

/**
 * A person's name at the end of a longer name of another type is that person, apart: "Harbour Board Ann Vale" (of
 * "Ambassador to the Harbour Board Ann Vale") read as one organisation is the organisation "Harbour Board" and the
 * person "Ann Vale", when the text reads the surname alone as a person's elsewhere ("Vale said"). The person's name is
 * its last two or three words: a given name the text never writes in lower case, maybe an initial, and the surname.
 */
export function splitSwallowed(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  let surnames: Set<string> | null = null;
  const out: TokenSpan[] = [];
  for (const s of spans) {
    if (s.type === per || s.to - s.from < 3 || p.caps[s.from]) {
      out.push(s);
      continue;
    }
    let g = s.to - 2;
    if (g - 1 > s.from && MIDDLE_INITIAL.test(p.tokens[g]!.text) && !STOPWORDS.has(p.lower[g]!)) g--;
    const given = p.lower[g]!;
    if (!/^\p{Lu}\p{Ll}+$/u.test(p.tokens[g]!.text) || !/^\p{Lu}\p{Ll}/u.test(p.tokens[s.to - 1]!.text) || !isListedGivenName(given) || writtenLower(p, given) || !singleSpaceBefore(p, text, g)) {
      out.push(s);
      continue;
    }
    if (!surnames) {
      surnames = new Set();
      // read alone as a person ("Vale said"): a full name "Ann Vale" read as a person elsewhere may be the very
      // words at hand read otherwise ("Harbour Cross" read as a person once, "Ruritanian Harbour Cross" here)
      for (const t of spans) if (t.type === per && t.to - t.from === 1) surnames.add(p.lower[t.from]!);
    }
    if (!surnames.has(p.lower[s.to - 1]!)) {
      out.push(s);
      continue;
    }
    out.push({ from: s.from, to: g, type: s.type }, { from: g, to: s.to, type: per });
  }
  return out;
}

/** Last words of a body's name that "for" or "on" and its field may follow ("Council on Harbour Relations"). */
const FIELD_BODIES: ReadonlySet<string> = new Set(
  `${INSTITUTIONS} center centre centers centres council coalition alliance fund society league board network project caucus union federation organization organisation forum office campaign`.split(" "),
);

/**
 * A body's name with its field after "for" or "on" is one name, an organisation: "the Council on Harbour Relations",
 * "the Committee for a Sound Harbour Budget", which the tagger stops at the lower-case word ("Council", or "Committee"
 * and "Sound Harbour Budget"). The field is a name right after it, or up to four capitalised words (with "and" or
 * "of" between two), not a day or a time ("the Committee on Tuesday").
 */
export function fieldBodies(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const org = ENTITY_TYPES.indexOf("ORG");
  const per = ENTITY_TYPES.indexOf("PER");
  const n = p.tokens.length;
  let tagged: Uint8Array | null = null;
  const startAt = new Map<number, TokenSpan>();
  for (const s of spans) startAt.set(s.from, s);
  const out: TokenSpan[] = [];
  const word = (i: number) => i < n && /^\p{Lu}\p{Ll}/u.test(p.tokens[i]!.text) && !isCalendarWord(p.lower[i]!) && !TIME_WORDS.has(p.lower[i]!) && !STOPWORDS.has(p.lower[i]!);
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    let j = s.to;
    if (s.type !== org || p.caps[s.from] || !FIELD_BODIES.has(p.lower[s.to - 1]!) || j + 1 >= n || !(p.lower[j] === "for" || p.lower[j] === "on") || !singleSpaceBefore(p, text, j)) {
      out.push(s);
      continue;
    }
    j++;
    if ((p.lower[j] === "a" || p.lower[j] === "the") && j + 1 < n && singleSpaceBefore(p, text, j)) j++;
    if (!singleSpaceBefore(p, text, j)) {
      out.push(s);
      continue;
    }
    let end = -1;
    const named = startAt.get(j);
    if (named && named.type !== per) end = named.to;
    else if (!named && word(j) && !(tagged ??= tokensIn(p, spans))[j]) {
      end = j + 1;
      while (end < n && end < j + 4 && singleSpaceBefore(p, text, end)) {
        if (word(end) && !tagged[end]) end++;
        else if ((p.lower[end] === "and" || p.lower[end] === "of") && end + 1 < n && word(end + 1) && singleSpaceBefore(p, text, end + 1)) {
          const after = startAt.get(end + 1);
          if (tagged[end + 1] && !(after && after.type !== per)) break;
          end = after ? after.to : end + 2;
        } else break;
      }
    }
    k = pushUpTo(out, spans, k, end < 0 ? s : { from: s.from, to: end, type: org });
  }
  return out;
}

/** A legislature's panels, often named by two fields joined by "and" ("Tides and Harbours Committee"). */
const COMMITTEES: ReadonlySet<string> = new Set(["committee", "committees", "subcommittee"]);
/** Last words of a legislature's or a party's working body, which a chamber's or a body's name opens ("the Harbour Board Rules Committee"). */
const PANEL_HEADS: ReadonlySet<string> = new Set("committee committees subcommittee caucus commission council".split(" "));

/**
 * A body's panel named after it is one name, an organisation: "the Harbour Board Rules Committee", "the Harbour
 * Board Vale Caucus", which the tagger reads as the body and leaves the rest out, or reads in pieces ("Harbour
 * Board", "Rules" other, "Committee"; "National" and "Harbour Party Committee"). An organisation's name is followed,
 * one space apart, by up to four capitalised words the tagger left out or read as organisations or other, the last a
 * panel's noun ("Committee", "Caucus", "Commission", "Council"): not in a headline, not through a person's name,
 * a given name, a place, a title or an office, nor into a sentence's first word.
 */
export function panelNames(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const org = ENTITY_TYPES.indexOf("ORG");
  const per = ENTITY_TYPES.indexOf("PER");
  const loc = ENTITY_TYPES.indexOf("LOC");
  const n = p.tokens.length;
  const startAt = new Map<number, TokenSpan>();
  for (const s of spans) startAt.set(s.from, s);
  let tagged: Uint8Array | null = null;
  const free = (i: number) =>
    i < n &&
    p.words[i]!.cap &&
    p.words[i]!.letter &&
    !p.caps[i] &&
    !p.first[i] &&
    singleSpaceBefore(p, text, i) &&
    !isGivenName(p.lower[i]!) &&
    !isOffice(p, i) &&
    !isPersonTitle(p, i) &&
    !STOPWORDS.has(p.lower[i]!) &&
    !NOT_A_NAME.has(p.lower[i]!.replace(/\.$/, ""));
  const out: TokenSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    let end = -1;
    // not after a function word read as a name ("The"), nor after a region's or a country's name read as an organisation
    // ("Ruritania Harbour Party Committee member": a member for the place)
    if (s.type === org && !p.caps[s.from] && !PANEL_HEADS.has(p.lower[s.to - 1]!) && !STOPWORDS.has(p.lower[s.to - 1]!) && !(s.to - s.from === 1 && p.gazS[s.from]! & REGION_BITS)) {
      let j = s.to;
      while (j < n && j < s.to + 4 && free(j)) {
        const at = startAt.get(j);
        if (at) {
          if (at.type === per || at.type === loc || at.to > s.to + 4) break;
          for (let i = at.from + 1; i < at.to; i++) if (!free(i)) j = -1;
          if (j < 0) break;
          j = at.to;
        } else if ((tagged ??= tokensIn(p, spans))[j]) break;
        else j++;
        if (PANEL_HEADS.has(p.lower[j - 1]!)) {
          end = j;
          break;
        }
      }
    }
    k = pushUpTo(out, spans, k, end < 0 ? s : { from: s.from, to: end, type: org });
  }
  return out;
}

/** Words before a storm's name ("Hurricane Vala"). */
const STORM_WORDS: ReadonlySet<string> = new Set("hurricane typhoon cyclone storm superstorm".split(" "));

/**
 * A storm's name is no person's: "Hurricane Vala" read as the person "Vala" (or "Storm Vala" read as one) is the storm,
 * other, and so is "Vala" alone in the same text, unless the text names a person with the word in a longer name
 * ("Ann Vala").
 */
export function stormNames(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const misc = ENTITY_TYPES.indexOf("MISC");
  const storm = (i: number) => i >= 0 && p.words[i]!.cap && STORM_WORDS.has(p.lower[i]!);
  // the storm's word of a span read as a person: "Vala" after "Hurricane", or "Storm Vala" read as one name; -1 if none
  const stormName = (s: TokenSpan): number =>
    s.type !== per ? -1 : s.to - s.from === 1 && storm(s.from - 1) && singleSpaceBefore(p, text, s.from) ? s.from : s.to - s.from === 2 && storm(s.from) ? s.from + 1 : -1;
  let storms: Set<string> | null = null;
  for (const s of spans) {
    const i = stormName(s);
    if (i >= 0) (storms ??= new Set()).add(p.lower[i]!);
  }
  if (!storms) return spans;
  for (const s of spans) if (s.type === per && s.to - s.from > 1 && stormName(s) < 0) for (let i = s.from; i < s.to; i++) storms.delete(p.lower[i]!);
  const found = storms;
  return spans.map((s) => {
    const i = stormName(s);
    if (i >= 0) {
      // with the storm's word and a "Tropical" before it ("Tropical Storm Vala")
      let from = i - 1;
      if (from > 0 && p.lower[from - 1] === "tropical" && p.words[from - 1]!.cap && singleSpaceBefore(p, text, from)) from--;
      return { from, to: s.to, type: misc };
    }
    if (s.type !== per || s.to - s.from !== 1 || !found.has(p.lower[s.from]!)) return s;
    return { from: s.from, to: s.to, type: misc };
  });
}

/**
 * A cabinet secretary's field is part of the title, not a name: "Secretary of State" names no body ("State" read as an
 * organisation), and "Secretary of Harbours Ann Vale" read as one organisation is the person "Ann Vale". A span right
 * after "Secretary of" (or "Secretary of the") is split at its first given name, two to four words from its end;
 * without one it is dropped, unless it is a person's.
 */
export function secretaryFields(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const out: TokenSpan[] = [];
  for (const s of spans) {
    let of = s.from - 1;
    if (of >= 0 && p.lower[of] === "the") of--;
    if (of < 1 || p.lower[of] !== "of" || p.lower[of - 1] !== "secretary" || !p.words[of - 1]!.cap) {
      out.push(s);
      continue;
    }
    let g = -1;
    for (let i = s.from + 1; i < s.to && g < 0; i++) if (p.words[i]!.cap && s.to - i >= 2 && s.to - i <= 4 && isGivenName(p.lower[i]!) && singleSpaceBefore(p, text, i)) g = i;
    if (g >= 0) out.push({ from: g, to: s.to, type: per });
    else if (s.type === per) out.push(s);
  }
  return out;
}

/**
 * One word, "of the" and a name of one word that the tagger read alone ("State" untagged, "of the", "Union" read as an
 * organisation) are one name, as the consistency pass joins them when both are read (joinBodies): an organisation when
 * the first word is a body's ("League of the South"), else other ("State of the Union"). Not a person's name, a
 * region's or a given name, nor a first word that opens its sentence, is a function word or an office, nor a chamber
 * after an office ("Speaker of the House" is a title and the House).
 */
/** Words for a person's place in a body, before "of the" ("Member of the House"). */
const MEMBER_WORDS: ReadonlySet<string> = new Set("member members father mother head chair".split(" "));

export function ofTheNames(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  const org = ENTITY_TYPES.indexOf("ORG");
  const misc = ENTITY_TYPES.indexOf("MISC");
  let tagged: Uint8Array | null = null;
  let surnames: Set<string> | null = null;
  return spans.map((s) => {
    if (s.type !== per && s.to - s.from === 1 && s.from >= 3 && p.lower[s.from - 1] === "the" && p.lower[s.from - 2] !== "of") return verbThe(s);
    const w = s.from - 3;
    if (s.type === per || s.to - s.from !== 1 || w < 0 || p.lower[s.from - 1] !== "the" || p.lower[s.from - 2] !== "of") return s;
    if (!/^\p{Lu}\p{Ll}/u.test(p.tokens[s.from]!.text) || p.gazS[s.from]! & REGION_BITS || isGivenName(p.lower[s.from]!)) return s;
    if (!/^\p{Lu}\p{Ll}+$/u.test(p.tokens[w]!.text) || p.first[w] || p.caps[w] || STOPWORDS.has(p.lower[w]!) || p.gazS[w]! & REGION_BITS) return s;
    // not an office and its body ("Speaker of the House", "Member of the Harbour Board"), which are the body's mention
    if (isOffice(p, w) || isPersonTitle(p, w) || MEMBER_WORDS.has(p.lower[w]!) || CHAMBERS.has(p.lower[s.from]!)) return s;
    for (let i = w + 1; i <= s.from; i++) if (!singleSpaceBefore(p, text, i)) return s;
    if ((tagged ??= tokensIn(p, spans))[w] || (surnames ??= personLastWords(p, spans)).has(p.lower[s.from]!)) return s;
    return { from: w, to: s.to, type: BODY_HEADS.has(p.lower[w]!) ? org : misc };
  });
  // a title of a show or a work made of a capitalised word, "the" and a one-word name, mid-sentence ("on “Meet the
  // Harbour”", "told Face the Harbour"): the word after a lower-case word, an opening quote mark or "'s"; not a function
  // word, a calendar or time word, an office or a title, a place's or a people's name or a given name, nor before a
  // people's word ("Defeat the Harbourian State")
  function verbThe(s: TokenSpan): TokenSpan {
    const w = s.from - 2;
    if (!/^\p{Lu}\p{Ll}+$/u.test(p.tokens[w]!.text) || p.first[w] || p.caps[w] || !/^\p{Lu}\p{Ll}/u.test(p.tokens[s.from]!.text) || p.gazS[s.from]! & PEOPLES || GROUP_WORDS.has(p.lower[s.from]!)) return s;
    const before = p.tokens[w - 1]!.text;
    if (!(p.words[w - 1]!.lowerWord || /^['\u2019]s$|^["\u201c]$/u.test(before))) return s;
    if (!opensName(p, w)) return s;
    if (!singleSpaceBefore(p, text, w + 1) || !singleSpaceBefore(p, text, s.from) || (tagged ??= tokensIn(p, spans))[w]) return s;
    return { from: w, to: s.to, type: misc };
  }
}

/**
 * A court case's name is one name, other: "Roe v. Wade", "Vale v. Board of Harbours", read as two parties (or a party
 * and a person named "Wade"). Each side is a name that ends or starts at the "v." (any type), or a run of up to three
 * untagged capitalised words; only "v." with its full stop, which news writes for cases, not the "v" of sports
 * results ("Valeford v Harbour Town").
 */
export function caseNames(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const misc = ENTITY_TYPES.indexOf("MISC");
  const n = p.tokens.length;
  let out: TokenSpan[] | null = null;
  // (most texts name no case: no token is looked at)
  if (!text.includes(" v. ")) return spans;
  // the tokenizer reads "v." as "v" and "."
  for (let i = 1; i + 2 < n; i++) {
    if (p.tokens[i]!.text !== "v" || p.tokens[i + 1]!.text !== "." || p.tokens[i + 1]!.start !== p.tokens[i]!.end) continue;
    const r = i + 2;
    if (!singleSpaceBefore(p, text, i) || !singleSpaceBefore(p, text, r) || !p.words[i - 1]!.cap || !p.words[r]!.cap) continue;
    const list: TokenSpan[] = out ?? spans.map((s) => ({ ...s }));
    const tagged = tokensIn(p, list);
    const left = list.find((s) => s.to === i);
    // each side takes in untagged capitalised words next to it, three words at most in all ("Planned" of "Planned
    // Parenthood v. Vale"), and the right side "of" and such a word ("Board of Harbours")
    let from = left ? left.from : i;
    while (from > i - 3 && from > 0 && p.words[from - 1]!.cap && !tagged[from - 1] && !STOPWORDS.has(p.lower[from - 1]!) && singleSpaceBefore(p, text, from)) from--;
    const right = list.find((s) => s.from === r);
    let to = right ? right.to : r;
    const take = () => {
      while (to < r + 3 && to < n && p.words[to]!.cap && !tagged[to] && (to === r || singleSpaceBefore(p, text, to))) to++;
    };
    if (!right) take();
    if (to > r && to + 1 < n && p.lower[to] === "of" && p.words[to + 1]!.cap && !tagged[to + 1] && singleSpaceBefore(p, text, to) && singleSpaceBefore(p, text, to + 1)) {
      to += 2;
      take();
    }
    if (from === i || to === r) continue;
    out = [...list.filter((s) => s.to <= from || s.from >= to), { from, to, type: misc }].sort((a, b) => a.from - b.from);
  }
  return out ?? spans;
}

/** Words for a part of the world that open a people's name ("Central" and "Americans"), read as any type. */
const REGION_WORDS: ReadonlySet<string> = new Set("north south east west central latin middle northern southern eastern western upper lower".split(" "));

/**
 * Names that the tagger reads as a name and a word apart, or as two names: a law's name without "Act" ("Harbour Care"
 * and "Act" untagged) is the law's, other; a place's name and "Today" is a paper's or a channel's, an organisation; a
 * day's name ("Good" read as a
 * person and "Friday" untagged; see HOLIDAYS) is other; a people's name made of a word and a people's word ("Native" a
 * person and "Americans" other) is other too, when the word is a capitalised word read as a person or other, or a
 * part of the world's word read as anything ("Central" an organisation and "American" other), no function word ("More
 * Americans") or given name, and no person's surname in the text ("Vale Americans").
 */
export function namedPairs(p: Prepared, spans: TokenSpan[], text: string, gaz: GazIndex = new Map()): TokenSpan[] {
  // a people's word, or its plural ("Americans")
  const people = (i: number) => GROUP_WORDS.has(p.lower[i]!) || p.gazS[i]! & NATIONALITY || (gaz.get(gazKey(p.lower[i]!.replace(/s$/, ""))) ?? 0) & NATIONALITY;
  const misc = ENTITY_TYPES.indexOf("MISC");
  const per = ENTITY_TYPES.indexOf("PER");
  const org = ENTITY_TYPES.indexOf("ORG");
  const loc = ENTITY_TYPES.indexOf("LOC");
  const out: TokenSpan[] = [];
  let tagged: Uint8Array | null = null;
  let surnames: Set<string> | null = null;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const t = s.to;
    const next = spans[k + 1];
    const fits = t < p.tokens.length && p.words[t]!.cap && !p.caps[s.from] && singleSpaceBefore(p, text, t);
    // a paper or channel named for a place and "Today" ("Ruritania Today" read as the place)
    if (fits && s.type === loc && p.tokens[t]!.text === "Today" && !(tagged ??= tokensIn(p, spans))[t]) {
      out.push({ from: s.from, to: t + 1, type: org });
      continue;
    }
    // a law's name the tagger cut before its last word ("the Harbour Care Act" read as "Harbour Care")
    if (fits && p.tokens[t]!.text === "Act" && !(tagged ??= tokensIn(p, spans))[t]) {
      out.push({ from: s.from, to: t + 1, type: misc });
      continue;
    }
    if (fits && HOLIDAY_FIRST.has(p.lower[s.from]!) && !(tagged ??= tokensIn(p, spans))[t] && HOLIDAYS.has(`${wordsKey(p, s.from, t)} ${p.lower[t]}`)) {
      out.push({ from: s.from, to: t + 1, type: misc });
      continue;
    }
    const w = p.lower[s.from]!;
    if (fits && s.to - s.from === 1 && (s.type === per || s.type === misc || REGION_WORDS.has(w)) && /^\p{Lu}\p{Ll}+$/u.test(p.tokens[s.from]!.text) && !STOPWORDS.has(w) && next?.from === t && next.to === t + 1 && next.type === misc && people(t) && !isGivenName(w)) {
      if (!(surnames ??= personLastWords(p, spans)).has(p.lower[s.from]!)) {
        out.push({ from: s.from, to: t + 1, type: misc });
        k++;
        continue;
      }
    }
    out.push(s);
  }
  return out;
}

/**
 * Function words that are English given names in their own right ("Will Vale", "May Vale"): a person's name may open
 * with them. The given-name lexicon has other function words too ("Even", "Any", "My"), rare as names and, opening a
 * sentence before a surname, almost always the adverb ("Even Vale said …").
 */
const NAME_STOPWORDS: ReadonlySet<string> = new Set(["will", "may"]);

/** Words that open a question or call on the reader, never a name's first word ("Is", "Why", "Read"); "Will" and "Can" open a question only in one. */
const OPENERS: ReadonlySet<string> = new Set("is are was were can could would should did does do has have had why how when where what who whom read watch will".split(" "));
const NAME_TOO: ReadonlySet<string> = new Set(["will", "can"]);

/**
 * A name that opens a sentence with a word that opens a question or calls on the reader loses the word: "Is Vale
 * ready?", "Read Ann Vale's letter"; "Will Vale run?" (a question) but not "Will Vale, the mayor, said …", where
 * "Will" is a given name. Not a title of a work ("Is Harbour Dead?", a book's, read as other).
 */
export function trimOpeners(p: Prepared, spans: TokenSpan[], text: string): TokenSpan[] {
  const misc = ENTITY_TYPES.indexOf("MISC");
  const per = ENTITY_TYPES.indexOf("PER");
  // the last words of the persons' names in the text that open with no function word
  let named: Set<string> | null = null;
  const opensWithFunctionWord = (s: TokenSpan) => STOPWORDS.has(p.lower[s.from]!) && !NAME_STOPWORDS.has(p.lower[s.from]!) && !PARTICLES.has(p.lower[s.from]!);
  return spans.map((s) => {
    // a person's name opens with no function word ("If Vale", "Yet Vale", "The Vale" of a headline), where the rest is
    // a person's name the text reads so elsewhere ("Vale"); not a given name's function word ("Will Vale",
    // NAME_STOPWORDS) nor a particle, and not a title made so ("This Week", "Your Honor")
    if (s.type === per && s.to - s.from >= 2 && opensWithFunctionWord(s) && p.words[s.from + 1]!.cap) {
      named ??= new Set(spans.filter((x) => x.type === per && !opensWithFunctionWord(x)).map((x) => p.lower[x.to - 1]!));
      if (named.has(p.lower[s.to - 1]!)) return { ...s, from: s.from + 1 };
    }
    // a title of a work keeps its words ("Is Harbour Dead?", a book)
    if (s.to - s.from < 2 || s.type === misc || !OPENERS.has(p.lower[s.from]!) || !p.words[s.from + 1]!.cap) return s;
    let i = p.tokens[s.from]!.start;
    while (i > 0 && (text[i - 1] === " " || text[i - 1] === "\t")) i--;
    if (i > 0 && !/[\n.!?:;"“”‘’'(\[—–-]/.test(text[i - 1]!)) return s;
    if (NAME_TOO.has(p.lower[s.from]!)) {
      const rest = /[.!?\n]/.exec(text.slice(p.tokens[s.to - 1]!.end));
      if (rest?.[0] !== "?") return s;
    }
    return { ...s, from: s.from + 1 };
  });
}

/** Titles that are surnames too ("King", "Lord"). */
const SURNAME_TITLES: ReadonlySet<string> = new Set("king queen prince princess lord lady sir dame pope".split(" "));

/** Words of a page's furniture written alone: verbs that call on the reader ("Read more", "Click here", "See?") and labels ("Photo: …", "Shares"). */
/** Words in capitals that name no one ("CEO", "DNA", "OK"): pipeline/lexicon/common-abbreviations.txt. */
const COMMON_ABBREVIATIONS: ReadonlySet<string> = new Set(lexiconLines("common-abbreviations.txt"));
const CALL_WORDS: ReadonlySet<string> = new Set("read see click listen watch photo photos image images video shares advertisement".split(" "));

/** Words that open a greeting or an answer ("Good morning", "Great, thanks"), and the words a greeting goes on with. */
const GREETING_WORDS: ReadonlySet<string> = new Set("good great fine thanks sorry congratulations welcome".split(" "));
const GREETED: ReadonlySet<string> = new Set("morning afternoon evening night luck bye day".split(" "));

/** Time zones written after a time ("5 p.m. ET", "midnight GMT"). */
const TIME_ZONES: ReadonlySet<string> = new Set("et est edt ct cst cdt mt mst mdt pt pst pdt akst hst gmt utc bst cet cest".split(" "));
const TIME_BEFORE = /^(?:[ap]\.?m\.?|\d{1,2}(?::\d\d)?(?:[ap]\.?m\.?)?|midnight|noon)$/i;
/** Token i is a time zone after a time, commas and full stops aside ("5:30 p.m., ET"). */
function zoneOfTime(p: Prepared, i: number): boolean {
  if (!TIME_ZONES.has(p.lower[i]!.replace(/\.$/, ""))) return false;
  let j = i - 1;
  while (j >= 0 && /^[.,]$/.test(p.tokens[j]!.text)) j--;
  return j >= 0 && TIME_BEFORE.test(p.tokens[j]!.text);
}

/**
 * A name after the Arabic article written apart in lower case ("al Harbour", "al Harbour Front") takes it: a group's or
 * a place's name, which the tagger reads without its article, an organisation where it read a person's. Not a
 * person's surname (the text names a person by the word without the article), nor a name the article stands inside
 * ("Ann Vale al Pell", joined by joinParticles).
 */
export function articleNames(p: Prepared, spans: TokenSpan[]): TokenSpan[] {
  const per = ENTITY_TYPES.indexOf("PER");
  let surnames: Set<string> | null = null;
  for (const s of spans) {
    const a = s.from - 1;
    if (a < 0 || p.tokens[a]!.text !== "al" || p.tokens[a]!.end + 1 !== p.tokens[s.from]!.start || !p.words[s.from]!.cap) continue;
    if (a > 0 && p.words[a - 1]!.cap && !p.first[a - 1] && p.tokens[a - 1]!.end + 1 === p.tokens[a]!.start) continue;
    if (s.type === per) {
      // (the last word of a person's longer name that does not open with the article, "Al Harbour" read as a person's,
      // or a person's name of one word written without it)
      surnames ??= new Set(
        spans.filter((t) => t.type === per && (t.to - t.from >= 2 ? p.lower[t.from] !== "al" : t.from === 0 || p.lower[t.from - 1] !== "al")).map((t) => p.lower[t.to - 1]!),
      );
      if (s.to - s.from > 1 || surnames.has(p.lower[s.from]!)) continue;
      // a group's name, then, read as a person's ("al Harbour" of "al Harbour claimed the attack")
      s.type = ENTITY_TYPES.indexOf("ORG");
    }
    s.from = a;
  }
  return spans;
}

/** The passes over the tagger's spans after the consistency pass, in order; each reads the text and the spans before it. */
const SPAN_PASSES: readonly ((p: Prepared, spans: TokenSpan[], text: string, gaz: GazIndex) => TokenSpan[])[] = [
  speakerLabels,
  stateLabels,
  placeHeads,
  capitalisedHeads,
  joinParticles,
  articleNames,
  secretaryFields,
  splitSwallowed,
  fieldBodies,
  panelNames,
  stormNames,
  caseNames,
  ofTheNames,
  extendToKnown,
  namedPairs,
  eponymBodies,
  peopleBodies,
  acronymNames,
  trimOpeners,
  joinGivenNames,
  completeGivenNames,
  placeTails,
  dropNonNames,
];

/** Entities in `text` with UTF-16 offsets. */
export function tagText(model: Model, text: string, opts: TagOptions = {}): NerEntity[] {
  const p = prepare(text, model.gaz, false);
  const tags = decode(model.weights, p, opts.constrain ?? true);
  let spans = tagSpans(p, tags);
  if (opts.consistency ?? true) spans = consistency(p, spans);
  // a name does not begin or end with a mark standing apart ("Vale &", "Vale $", "– Vale"; but "C$", "Vale (L)", "Fla.")
  const bare = (i: number) => !/[\p{L}\p{N}()[\].]/u.test(p.tokens[i]!.text);
  for (const s of spans) {
    while (s.to - s.from > 1 && bare(s.to - 1) && p.tokens[s.to - 1]!.start > p.tokens[s.to - 2]!.end) s.to--;
    while (s.to - s.from > 1 && bare(s.from) && p.tokens[s.from + 1]!.start > p.tokens[s.from]!.end) s.from++;
  }
  for (const pass of SPAN_PASSES) spans = pass(p, spans, text, model.gaz);
  return spans.map((s) => {
    const start = p.tokens[s.from]!.start;
    const end = p.tokens[s.to - 1]!.end;
    return { start, end, text: text.slice(start, end), type: ENTITY_TYPES[s.type]! };
  });
}
