// Line classifier for the clean stage, in the spirit of jusText: each non-blank line of a scraped page gets
// features (length, stopword density, end punctuation, page-furniture lexicon), an initial class, and then a
// context pass keeps the densest run of prose and the short lines (subheadings) that sit inside it.
import type { BoilerplateKind } from "../../schemas/records.ts";
import { findDate, isDateLine } from "./metadata.ts";
import { escapeRegExp, sentenceSpans, wordEnd, wordStart } from "../text.ts";
import { isListedGivenName } from "../given-names.ts";
import { anyOf, lexiconLines, STOPWORDS } from "../lexicon.ts";

export { STOPWORDS };

/** Page-furniture patterns by kind, compiled once (pipeline/lexicon/boilerplate-lines.txt). */
export const FURNITURE: ReadonlyArray<{ kind: BoilerplateKind; re: RegExp }> = (() => {
  const byKind = new Map<BoilerplateKind, string[]>();
  for (const l of lexiconLines("boilerplate-lines.txt")) {
    const tab = l.indexOf("\t");
    if (tab < 0) throw new Error(`boilerplate-lines.txt: no tab in ${JSON.stringify(l)}`);
    const kind = l.slice(0, tab) as BoilerplateKind;
    const list = byKind.get(kind) ?? [];
    list.push(l.slice(tab + 1));
    byKind.set(kind, list);
  }
  return [...byKind].map(([kind, srcs]) => ({ kind, re: anyOf(srcs, "i") }));
})();

/** Headings that open a page's tail (pipeline/lexicon/section-breaks.txt), matched against a whole line. */
const TAIL_HEADING = new RegExp(`^(?:${lexiconLines("section-breaks.txt").map((l) => `(?:${l.trim()})`).join("|")})\\s*:?$`, "i");
/**
 * Page-tail phrasing (pipeline/lexicon/tail-lines.txt): calls to action, site voice, author blurbs, legal lines.
 * Patterns anchored at the line start are compiled apart from the others (a cheap test at one position); the
 * others are looked for in the first TAIL_SCAN characters only (a blurb or legal line says what it is early),
 * which keeps long paragraphs cheap; the figure is a speed/recall trade-off (eval/clean.ts moved < 0.001 from 150 up).
 */
const TAIL_SRC = lexiconLines("tail-lines.txt").map((l) => l.trim());
const TAIL_START = anyOf(TAIL_SRC.filter((l) => l.startsWith("^")), "i");
const TAIL_ANY = anyOf(TAIL_SRC.filter((l) => !l.startsWith("^")), "i");
const TAIL_SCAN = 150;
export function tailLine(text: string): boolean {
  return TAIL_START.test(text) || TAIL_ANY.test(text.length > TAIL_SCAN ? text.slice(0, TAIL_SCAN) : text);
}
export function tailHeading(text: string, words: number): boolean {
  return words <= 8 && TAIL_HEADING.test(text);
}

export interface Line {
  /** offsets of the trimmed line in raw_text */
  start: number;
  end: number;
  text: string;
  words: number;
  stopDensity: number;
  /** ends like a sentence (. ! ? … optionally followed by a closing quote or bracket) */
  sentenceEnd: boolean;
  /** a page-furniture lexicon kind when the line matches one */
  furniture: BoilerplateKind | null;
  /** its content words, once asked for (see lineWords) */
  content: string[] | null;
  /** its lineKey, once asked for (see lineKeyOf) */
  key: string | null;
}

const SENTENCE_END = /[.!?…:;]["'”’»)\]]*$/u;

/**
 * A photo credit in the wire form "Jane Roe/Agency", as a line or closing a caption in brackets ("… (Jane Roe/Agency)",
 * "(Jane Roe/Illustration/Agency)"): a person's name, a slash, then one to three capitalised sources. Unless the line is
 * only the bracketed credit, the name must begin with a given name of the two first-name lists (pipeline/given-names.ts), since
 * headings write "Summer Service / Winter Service" and "Starter Plan / Team Plan" too.
 * Case matters here, so it is not a lexicon pattern (those match case-insensitively).
 */
const SOURCE = String.raw`\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,3}`;
const SLASH_CREDIT = new RegExp(
  String.raw`(?:^|\()(\p{Lu}[\p{Ll}'’-]+)(?:\s+\p{Lu}\.?)?(?:\s+\p{Lu}[\p{L}'’-]+){1,2}(?:\s?/\s?${SOURCE}){1,3}\)?$`,
  "u",
);
function slashCredit(text: string): boolean {
  // every line of every page comes here: most have no slash, and the pattern is not run on them
  const m = text.includes("/") ? SLASH_CREDIT.exec(text) : null;
  // a line that is only the bracketed credit says what it is without the name check
  return m !== null && m[0].startsWith("(") === text.endsWith(")") && ((m.index === 0 && text.startsWith("(")) || isListedGivenName(m[1]!));
}

const FURNITURE_MAX_W = 40;
/** A line this long or longer may be a sign-up box or a form written out as one paragraph (formBlock). */
const FORM_MIN_W = 12;
/** A sentence of a sign-up box or a form is at most this many words long. */
const FORM_SENTENCE_W = 20;
/** A caption widget's toggle, which marks its line as a caption however long the caption is: "… Hide Caption 3 of 12". */
const CAPTION_TOGGLE = /\b(?:hide|show|toggle) caption\b/i;

/**
 * A sign-up box or a web form written out as one paragraph: three sentences or more, at least two in three of them
 * short (FORM_SENTENCE_W words at most) and page-tail phrasing (calls to action, consent lines, form messages: "Sign up
 * for our newsletter. Invalid email address. Please re-enter. You may opt out at any time."). Prose about such things
 * ("the term of copyright protection has grown …") is written in longer sentences.
 */
function formBlock(text: string): boolean {
  const spans = sentenceSpans(text);
  if (spans.length < 3) return false;
  let n = 0;
  for (const [a, b] of spans) {
    const sentence = text.slice(a, b);
    if (sentence.split(/\s+/).length <= FORM_SENTENCE_W && tailLine(sentence)) n++;
  }
  return 3 * n >= 2 * spans.length;
}

/** Lexicon kind of a (trimmed) line, or null; long lines are prose whatever they contain (a caption toggle aside; and see formBlock). */
export function furnitureKind(text: string, words: number): BoilerplateKind | null {
  if (CAPTION_TOGGLE.test(text)) return "caption";
  if (words > FURNITURE_MAX_W) return null;
  for (const f of FURNITURE)
    if (f.re.test(text)) {
      // "Read more about the plan." inside a paragraph flow is a sentence, not a link list
      if ((f.kind === "related_link" || f.kind === "site_chrome") && words >= 6 && /[.!?]["'”’)]?$/u.test(text) && !/[|•]/u.test(text)) continue;
      // "… 95 views, 12 comments" closing a line of figures is a count in a list, not a comment section's header
      if (f.kind === "comment_footer" && words > 8 && /\d+ comments?$/iu.test(text) && !/[|•]/u.test(text)) continue;
      return f.kind;
    }
  return slashCredit(text) ? "photo_credit" : null;
}

const LETTER = /[\p{L}\p{N}\p{M}]/u;
const MAX_STOPWORD_LEN = Math.max(...[...STOPWORDS].map((w) => w.length));
/** Each stopword's length and first UTF-16 unit, as length * 65536 + unit: a word matching none is cut out of no text. */
const STOPWORD_SHAPES: ReadonlySet<number> = new Set([...STOPWORDS].map((w) => w.length * 65536 + w.charCodeAt(0)));

/** Word and stopword counts in one pass over the characters (the words pipeline/text.ts countWords counts, except that a letter outside the BMP is not a word character here). */
export function countStopwords(text: string): { words: number; stops: number } {
  let words = 0;
  let stops = 0;
  for (let a = wordStart(text, 0), i = 0; a < text.length; a = wordStart(text, i)) {
    i = wordEnd(text, a);
    words++;
    if (i - a <= MAX_STOPWORD_LEN) {
      const c = text.charCodeAt(a);
      const upper = c >= 65 && c <= 90;
      if (!STOPWORD_SHAPES.has((i - a) * 65536 + (upper ? c | 32 : c))) continue;
      const w = text.slice(a, i);
      if (STOPWORDS.has(upper ? w.toLowerCase() : w)) stops++;
    }
  }
  return { words, stops };
}

export function lineFeatures(text: string, start: number): Line {
  const { words, stops } = countStopwords(text);
  return {
    start,
    end: start + text.length,
    text,
    words,
    stopDensity: words ? stops / words : 0,
    sentenceEnd: SENTENCE_END.test(text),
    furniture: furnitureKind(text, words),
    content: null,
    key: null,
  };
}

/** Non-blank lines of `raw`, trimmed, with offsets into `raw`. */
export function splitLines(raw: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  while (pos <= raw.length) {
    let nl = raw.indexOf("\n", pos);
    if (nl < 0) nl = raw.length;
    let s = pos;
    let e = nl;
    while (s < e && /\s/.test(raw[s]!)) s++;
    while (e > s && /\s/.test(raw[e - 1]!)) e--;
    if (e > s) out.push(lineFeatures(raw.slice(s, e), s));
    pos = nl + 1;
  }
  return out;
}

/** Lines whose text occurs more than once on the page (menus, repeated prompts), by normalised text. */
/** A line's text as lines are compared: lower case, each run of other characters than letters and digits one space. */
export const lineKey = (text: string): string => wordRuns(text.toLowerCase()).join(" ");
/** A line's lineKey, computed once per line. */
export const lineKeyOf = (l: Line): string => (l.key ??= lineKey(l.text));

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/**
 * The maximal runs of letters and digits (\p{L}, \p{N}) in `s`, in order: what `s.match(/[\p{L}\p{N}]+/gu)` gives,
 * by a scan that tests only characters outside ASCII against the classes.
 */
export function wordRuns(s: string): string[] {
  const out: string[] = [];
  let from = -1;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let w: boolean;
    let width = 1;
    if (c < 128) w = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      width = 2;
      w = LETTER_OR_DIGIT.test(s.slice(i, i + 2));
    } else w = LETTER_OR_DIGIT.test(s[i]!);
    if (w) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      out.push(s.slice(from, i));
      from = -1;
    }
    i += width - 1;
  }
  if (from >= 0) out.push(s.slice(from));
  return out;
}

export function repeatedLines(lines: Line[], only: (l: Line, i: number) => boolean = () => true): boolean[] {
  const count = new Map<string, number>();
  const keys = lines.map((l, i) => (only(l, i) ? lineKeyOf(l) : ""));
  for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  return keys.map((k) => k.length > 0 && (count.get(k) ?? 0) > 1);
}

const GOOD_W = 10;
// one value from 8/12/16 (eval/clean.ts, both halves)
const TOC_HEADING_W = 16;
const GOOD_SD = 0.3;
export type LineClass = "good" | "neargood" | "short" | "bad";

/** Context-free class of one line (jusText's first pass, tuned for one-block-per-line page dumps). */
export function initialClass(l: Line): LineClass {
  if (l.furniture) return "bad";
  if (l.words >= GOOD_W && l.stopDensity >= GOOD_SD && (l.sentenceEnd || l.words >= 16)) return "good";
  if (l.words >= 25 && l.stopDensity >= 0.2) return "good";
  if (l.words >= 7 && l.stopDensity >= 0.2 && l.sentenceEnd) return "neargood";
  if (l.words >= 10 && l.stopDensity >= 0.25) return "neargood";
  if (l.words <= 12) return "short";
  // a long line of few function words: a list item of facts, or a run of link titles
  return l.sentenceEnd ? "neargood" : "short";
}

// Tuned on the WCXB dev pages (eval/clean.ts). Good lines whose gap costs at most MAX_GAP form one cluster; a
// neighbouring cluster joins the best one when its words are at least MERGE_RATIO × the gap cost (and MERGE_MIN).
const MERGE_RATIO = 1.5;
// prose above the best cluster is more often the article's lead than prose below it is (the page's tail), so a
// cluster joins on the left at a lower ratio (one value from a coarse sweep, 0.1–2; see eval/clean.ts --half)
const MERGE_RATIO_LEFT = 0.5;
const MERGE_MIN = 10;
export const MAX_GAP = 6;
// Also set on the dev pages, each a single value from a coarse sweep (see eval/clean.ts for the even/odd check):
// a neighbouring cluster counts in full when SIM of its content words occur in the article so far, less in
// proportion below that and more above it, up to SIM_CAP times its words (a cluster plainly on the article's topic
// joins across a wider gap: a table, a code block or a band of furniture inside the article; SIM_CAP from 1/1.5/2/2.5,
// 1 being the old behaviour; no bonus to the right of a page-tail heading); a page-tail heading costs TAIL_GAP (its far side joins only with ≥ 1.5×TAIL_GAP
// words); clusters below the first tail heading weigh TAIL_W when TAIL_MIN words of prose stand above it.
const SIM = 0.3;
const SIM_CAP = 2;
const TAIL_GAP = 200;
/** Words of three or more letters and digits that are not stopwords, lower-cased. */
export function contentWords(text: string): string[] {
  return wordRuns(text.toLowerCase()).filter((w) => (w.length >= 6 || [...w].length >= 3) && !STOPWORDS.has(w));
}
/** A line's content words (contentWords), computed once per line. */
export const lineWords = (l: Line): string[] => (l.content ??= contentWords(l.text));
const TAIL_W = 0.25;
// below the article, a cluster about something else (its words count for less than OFF_TOPIC_SIM of themselves:
// under 0.9 × SIM of its content words occur in the article) does not join across a gap costing more than
// OFF_TOPIC_GAP (a band of seven furniture lines, a page-tail heading), however long it is: a teaser list, a promo
// block or the next article; one pair from 10/15/20/25/40 × 0.7/0.9/1 (eval/clean.ts, both halves)
const OFF_TOPIC_GAP = 20;
const OFF_TOPIC_SIM = 0.9;
const TAIL_MIN = 100;
const GAP_COST: Record<LineClass, number> = { good: 0, neargood: 0.25, short: 0.5, bad: 3 };
// a photo credit or caption sits inside an article more often than other furniture does (one value from 0.5/1/2)
const CREDIT_COST = 1;

/**
 * Which lines make up the article: the cluster of good lines with the most words, grown over neighbouring clusters
 * that carry enough prose for their gap, widened to adjacent near-good lines; inside it, short lines are kept when
 * no furniture sits next to them (subheadings, list items) or when prose follows right below (a subheading).
 */
export function selectBody(lines: Line[]): { keep: boolean[]; classes: LineClass[]; first: number; last: number } {
  const initial = lines.map(initialClass);
  const rep = repeatedLines(lines, (l, i) => initial[i] === "neargood" || (initial[i] === "good" && l.words <= FURNITURE_MAX_W));
  // (the text of line i occurred above it on the page) asked in line order, and only of the few lines the test
  // below reaches: most pages then key no line for it, the long paragraphs included
  const seen = new Set<string>();
  let seenTo = 0;
  const laterCopy = (i: number): boolean => {
    for (; seenTo < i; seenTo++) seen.add(lineKeyOf(lines[seenTo]!));
    return seen.has(lineKeyOf(lines[i]!));
  };
  const classes = lines.map((l, i): LineClass => {
    const c = initial[i]!;
    if (l.words <= 12 && isDateLine(l.text, l.words)) return "bad";
    // a call to action, the site's own voice, an author blurb or a legal line is no article prose, wherever it stands;
    // a sign-up box or a form written out as one paragraph is page furniture
    if ((c === "good" || c === "neargood") && tailLine(l.text)) {
      if (l.words < FORM_MIN_W || !formBlock(l.text)) return "short";
      l.furniture = "site_chrome";
      return "bad";
    }
    // an author box: a paragraph about the person named on the line (or two) above it
    if ((c === "good" || c === "neargood") && authorBlurb(lines, i)) return "short";
    // a repeated near-good line or short paragraph (up to the furniture length) is a prompt, teaser or
    // testimonial; repeated short lines are often headings listed twice (a table of contents), and a repeated
    // long paragraph may be the page shown twice, so those stay; so does the later copy of a heading (up to
    // TOC_HEADING_W words, no full stop) whose first copy is a table-of-contents entry
    return rep[i] && (c === "neargood" || c === "good") && !(l.words <= TOC_HEADING_W && !/[.!]["'”’)]?$/u.test(l.text) && laterCopy(i)) ? "bad" : c;
  });
  // a tail heading repeated on the page is a per-item widget label, except its last copy when that stands more than
  // TAIL_REP_GAP lines below the one before it (the same heading in the menu or the header, then above the tail)
  const tailRep = repeatedLines(lines, (l) => sectionBreak(l));
  {
    const lastAt = new Map<string, number>();
    const prevAt = new Map<string, number>();
    lines.forEach((l, i) => {
      if (!tailRep[i]) return;
      const k = lineKeyOf(l);
      if (lastAt.has(k)) prevAt.set(k, lastAt.get(k)!);
      lastAt.set(k, i);
    });
    for (const [k, i] of lastAt) if (i - prevAt.get(k)! > TAIL_REP_GAP) tailRep[i] = false;
  }
  // comment timestamps ("March 3, 2024 at 6:26 pm" under each reader's name): two or more on a page mark a thread,
  // which no article cluster joins across
  const stamps = lines.map((l) => commentStamp(l));
  const thread = stamps.filter(Boolean).length >= 2;
  const wall = (i: number) => lines[i]!.furniture === "comment_footer" || (thread && stamps[i]!);
  const keep = lines.map(() => false);
  // clusters of good lines: [first, last, words]; gaps between them cost by the classes of the lines in them
  const clusters: [number, number, number][] = [];
  const gaps: number[] = []; // gaps[k]: cost between clusters k and k+1 (Infinity across a comment section)
  let gap = 0;
  // inside a run of short lines that a line ending in a colon introduces (a list, table or code block the prose
  // announces), short lines cost INTRO_COST
  let intro = false;
  // (one value from 0/0.05/0.1/0.2/0.3, eval/clean.ts, both halves)
  const INTRO_COST = 0.1;
  for (let i = 0; i < lines.length; i++) {
    const c = classes[i]!;
    if (c !== "good") {
      if (c === "bad") intro = false;
      gap += wall(i) ? Infinity : (sectionBreak(lines[i]!) && !tailRep[i]) || shareBar(lines[i]!) || lines[i]!.furniture === "editorial_note" ? TAIL_GAP : c === "short" && intro ? INTRO_COST : c === "bad" && (lines[i]!.furniture === "photo_credit" || lines[i]!.furniture === "caption") ? CREDIT_COST : GAP_COST[c] * (c === "short" && lines[i]!.words <= 2 ? 2 : 1);
      if (c !== "bad" && INTRO_END.test(lines[i]!.text)) intro = true;
      continue;
    }
    intro = INTRO_END.test(lines[i]!.text);
    const w = lines[i]!.words;
    const cur = clusters[clusters.length - 1];
    if (cur && gap <= MAX_GAP) {
      cur[1] = i;
      cur[2] += w;
    } else {
      if (cur) gaps.push(gap);
      clusters.push([i, i, w]);
    }
    gap = 0;
  }
  // clusters below a page-tail heading (comments, related links) are a weaker pick for the article when enough
  // prose stands above it
  let brk = lines.findIndex((l, i) => sectionBreak(l) && !tailRep[i]);
  // a comment thread's first timestamp below the article's prose opens the tail too
  if (thread) {
    let words = 0;
    for (let i = 0; i < lines.length && (brk < 0 || i < brk); i++) {
      if (stamps[i] && words >= TAIL_MIN) {
        brk = i;
        break;
      }
      if (classes[i] === "good") words += lines[i]!.words;
    }
  }
  const above = brk < 0 ? 0 : clusters.reduce((n, c) => n + (c[1] < brk ? c[2] : 0), 0);
  const weight = (c: [number, number, number]) => (brk >= 0 && c[0] > brk && above >= TAIL_MIN ? c[2] * TAIL_W : c[2]);
  let bi = -1;
  clusters.forEach((c, k) => {
    if (bi < 0 || weight(c) > weight(clusters[bi]!)) bi = k;
  });
  const best: [number, number, number] | null = bi >= 0 ? [...clusters[bi]!] : null;
  if (best) {
    // grow the best cluster over neighbours that carry enough prose for the gap they bring
    const b: [number, number, number] = best;
    let lo = bi;
    let hi = bi;
    // the article's vocabulary: content words of its good lines; a neighbouring cluster about something else
    // (a teaser, a footer blurb, a comment) counts for fewer words
    // (built on first use: a page with a single cluster never needs it)
    let vocab: Set<string> | null = null;
    const addVocab = (c: [number, number, number]) => {
      if (vocab) for (let i = c[0]; i <= c[1]; i++) if (classes[i] === "good") for (const w of lineWords(lines[i]!)) vocab.add(w);
    };
    const cw = new Map<[number, number, number], string[]>();
    const eff = (c: [number, number, number], cap = SIM_CAP): number => {
      let ws = cw.get(c);
      if (!ws) {
        ws = [];
        for (let i = c[0]; i <= c[1]; i++) if (classes[i] === "good") ws.push(...lineWords(lines[i]!));
        cw.set(c, ws);
      }
      if (!vocab) {
        vocab = new Set();
        addVocab(b);
      }
      let hit = 0;
      for (const w of ws) if (vocab.has(w)) hit++;
      const ov = ws.length ? hit / ws.length : 0;
      return c[2] * Math.min(cap, ov / SIM);
    };
    for (;;) {
      const left = lo > 0 ? clusters[lo - 1]! : null;
      const right = hi < clusters.length - 1 ? clusters[hi + 1]! : null;
      const le = left ? eff(left) : 0;
      // (below a page-tail heading, prose on the article's topic gets no bonus: related teasers share the topic)
      const re = right ? eff(right, gaps[hi]! >= TAIL_GAP ? 1 : SIM_CAP) : 0;
      const lOk = left && le >= MERGE_RATIO_LEFT * gaps[lo - 1]! && left[2] >= MERGE_MIN;
      const rOk = right && re >= MERGE_RATIO * gaps[hi]! && right[2] >= MERGE_MIN && !(gaps[hi]! > OFF_TOPIC_GAP && re < OFF_TOPIC_SIM * right[2]);
      if (rOk && (!lOk || re >= le)) {
        hi++;
        b[1] = right[1];
        b[2] += right[2];
        addVocab(right);
      } else if (lOk) {
        lo--;
        b[0] = left![0];
        b[2] += left![2];
        addVocab(left!);
      } else break;
    }
  }
  if (!best) {
    // no prose at all: keep the near-good lines, else the longest line
    let any = false;
    classes.forEach((c, i) => {
      if (c === "neargood") keep[i] = any = true;
    });
    if (!any && lines.length) {
      let li = 0;
      lines.forEach((l, i) => {
        if (l.words > lines[li]!.words && !l.furniture) li = i;
      });
      if (!lines[li]!.furniture) keep[li] = true;
    }
    return { keep, classes, first: keep.indexOf(true), last: keep.lastIndexOf(true) };
  }
  let [first, last] = best;
  // widen over adjacent near-good lines
  while (first > 0 && classes[first - 1] === "neargood") first--;
  while (last < lines.length - 1 && classes[last + 1] === "neargood") last++;
  for (let i = first; i <= last; i++) {
    const c = classes[i]!;
    if (c === "good" || c === "neargood") keep[i] = true;
    // (a line with no letter or digit, a rule of dashes or stars, is no list item)
    else if (c === "short" && LETTER.test(lines[i]!.text)) {
      // a subheading or list item: no furniture right next to it (SHORT_WIN)
      const prev = nearestNonShort(classes, i, -1);
      const next = nearestNonShort(classes, i, 1);
      // a subheading: a short unpunctuated line right above prose
      const heading = classes[i + 1] === "good" && lines[i]!.words <= 8 && !lines[i]!.sentenceEnd;
      // (a photo credit or caption right next to it does not count: images sit inside articles, next to list items)
      const credit = (j: number) => classes[j] === "bad" && (lines[j]!.furniture === "photo_credit" || lines[j]!.furniture === "caption");
      if ((prev !== "bad" || credit(i - 1)) && (next !== "bad" || credit(i + 1))) keep[i] = true;
      else if (heading) keep[i] = true;
    }
  }
  return { keep, classes, first, last };
}

const NAME_TOKEN = /^(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?|\(\p{Lu}\p{Ll}+\))$/u;
/** The name tokens of a line that is only a person's name (2–4 capitalised words, no function word), or null. */
export function personName(l: Line): string[] | null {
  if (l.sentenceEnd) return null;
  const text = l.text.replace(/^(?:written )?by\s+/i, "");
  // (five pieces at most: a fifth means more than four tokens)
  const toks = text.split(/\s+/, 5);
  if (toks.length < 2 || toks.length > 4 || toks.some((t) => STOPWORDS.has(t.toLowerCase()))) return null;
  return toks.every((t) => NAME_TOKEN.test(t)) ? toks : null;
}
const BLURB_SCAN = 80;
const BIO_VERB = "(?:is|was|has|holds|joined|brings|leads|serves|works|writes|founded|began|started)";
const BIO_WORDS = /\b(?:experience|years|founder|career|degree|background|passion(?:ate)?|graduated?|worked|speciali[sz]\w*|certified|expert|writer|author|editor|journalist|consultant|owner|director|manager|ceo|president)\b/i;
/**
 * An author box: a paragraph right under a line that is only a person's name (the name, or a name then a short job
 * title line) that opens on that person ("Jane Roe is a…", "Roe has…", "I'm Jane, …") and reads like a biography.
 */
export function authorBlurb(lines: Line[], i: number): boolean {
  const text = lines[i]!.text;
  const head = text.slice(0, BLURB_SCAN);
  // (a job title line under the name reads like a name too: both lines are tried)
  for (let j = i - 1; j >= i - 2 && j >= 0; j--) {
    const name = personName(lines[j]!);
    if (name) {
      const toks = name.map((t) => escapeRegExp(t.replace(/[()]/g, "")));
      const opens = new RegExp(`^(?:(?:I'm|I am|Hi,? I'm)\\s+(?:${toks.join("|")})\\b|(?:${toks.join("|")})(?:\\s+(?:\\(\\S+\\)|\\p{Lu}\\S*))*,?\\s+${BIO_VERB}\\b)`, "u");
      if (opens.test(head) && BIO_WORDS.test(text)) return true;
    }
    if (lines[j]!.words > 6 || lines[j]!.sentenceEnd) return false;
  }
  return false;
}

const CLOCK = /\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?)?/iu;
const STAMP_NOT = /^date\s*:|\b(?:updated|published|modified|posted on|last|listen|duration|play|podcast|edited|reviewed)\b/iu;
/** A comment's timestamp: a short line with a full date and a clock time that is not a page's published/updated line. */
export function commentStamp(l: Line): boolean {
  return l.words <= 14 && CLOCK.test(l.text) && !STAMP_NOT.test(l.text) && findDate(l.text) !== null;
}

/**
 * A share bar ("Share this", "Share: Facebook X Email"): it closes an article more often than it opens one. So does an
 * editorial note ("This article was originally published…", "The views expressed…"): both cost TAIL_GAP as a gap.
 */
export function shareBar(l: Line): boolean {
  return l.furniture === "site_chrome" && SHARE_BAR.test(l.text);
}
const SHARE_BAR = /^(?:share|follow us)\b.{0,30}$/iu;

/** A heading that opens the page's tail: comments, or a list of links to other pages ("Related articles"). */
export function sectionBreak(l: Line): boolean {
  return l.furniture === "comment_footer" || tailHeading(l.text, l.words);
}

// a short line inside the body is dropped only when furniture stands right next to it (a list item two lines above
// a caption is still a list item); one value from 0/1/2/3/4 (eval/clean.ts, both halves)
const SHORT_WIN = 1;
// one value from 5/20/50 (eval/clean.ts, both halves)
const TAIL_REP_GAP = 20;
const INTRO_END = /:["'”’)]?$/u;
function nearestNonShort(classes: LineClass[], i: number, dir: 1 | -1): LineClass {
  for (let j = i + dir, n = 0; j >= 0 && j < classes.length && n < SHORT_WIN; j += dir, n++) if (classes[j] !== "short") return classes[j]!;
  return "short";
}
