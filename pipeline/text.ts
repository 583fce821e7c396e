// Small text helpers shared by the stages.

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Runs of letters and digits, joined by an inner apostrophe, hyphen or point ("don't", "well-known", "U.S", "1.35").
 * (Intl.Segmenter's word mode counts much the same but runs at about 0.6 MB/s.) */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-.][\p{L}\p{N}\p{M}]+)*/gu;
const LETTER = /[\p{L}\p{N}\p{M}]/u;
/** Whether s[i] is a letter, digit or mark (\p{L}, \p{N}, \p{M}) where s[i] is not half of a surrogate pair. Only characters outside ASCII and the Latin ranges are tested against the classes. */
function wordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  if (c >= 0x2000 && c <= 0x206f) return false; // general punctuation: dashes, quotes, spaces
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7; // Latin letters with marks
  return LETTER.test(s[i]!);
}
const SPACE_CHAR = new Uint8Array(65536); // 0 unknown, 1 white space, 2 not
/** Whether the UTF-16 unit c is a character \s matches (tested once per unit outside ASCII). */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  let v = SPACE_CHAR[c]!;
  if (v === 0) SPACE_CHAR[c] = v = /\s/.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}
/** The characters that join two runs into one word ("don't", "well-known", "U.S", "1.35"). */
const isJoiner = (c: number): boolean => c === 39 || c === 0x2019 || c === 45 || c === 46;
/**
 * The number of WORD matches in `text`. A scan of the characters (wordChar) is about three times faster than the
 * expression (47 against 160 ms over 1,500 corpus articles); it takes the same words where the text has no surrogate
 * pairs, and the expression counts the rest.
 */
export function countWords(text: string): number {
  if (/[\uD800-\uDBFF]/.test(text)) {
    let n = 0;
    WORD.lastIndex = 0;
    while (WORD.exec(text)) n++;
    return n;
  }
  let words = 0;
  for (let i = wordStart(text, 0); i < text.length; i = wordStart(text, wordEnd(text, i))) words++;
  return words;
}

/** Where the first word at or after `i` starts (the text's length if none). */
export function wordStart(text: string, i: number): number {
  while (i < text.length && !wordChar(text, i)) i++;
  return i;
}

/** Where the word that starts at `i` (a wordChar) ends: its runs joined by isJoiner characters, as WORD takes them. */
export function wordEnd(text: string, i: number): number {
  const n = text.length;
  for (;;) {
    while (i < n && wordChar(text, i)) i++;
    if (i + 1 < n && isJoiner(text.charCodeAt(i)) && wordChar(text, i + 1)) i++;
    else return i;
  }
}

/**
 * V8's segment iterator takes time in proportion to the whole string at every step (a 1 MB line took 38 s), so
 * text is segmented a window at a time. A window's breaks are kept up to the last one at least SEGMENT_MARGIN
 * before its end (what lies after a break decides it only that far, and sentences are cut again from there);
 * a window holding no such break is doubled.
 */
export const SEGMENT_WINDOW = 8192;
export const SEGMENT_MARGIN = 512;

/** Sentence spans [start, end) in JS offsets, trailing whitespace excluded. */
export function sentenceSpans(text: string, window = SEGMENT_WINDOW, margin = SEGMENT_MARGIN): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let size = window;
  while (from < text.length) {
    const last = from + size >= text.length;
    const piece = last ? (from === 0 ? text : text.slice(from)) : text.slice(from, from + size);
    // segment starts, relative to `from`, and the piece's end
    const starts: number[] = [];
    for (const s of sentenceSegmenter.segment(piece)) starts.push(s.index);
    starts.push(piece.length);
    let keep = starts.length - 1;
    if (!last) {
      while (keep > 0 && starts[keep]! > piece.length - margin) keep--;
      if (keep === 0) {
        size *= 2;
        continue;
      }
    }
    for (let k = 0; k < keep; k++) {
      const start = from + starts[k]!;
      let end = from + starts[k + 1]!;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end > start) out.push([start, end]);
    }
    from += starts[keep]!;
    size = window;
  }
  return out;
}

/**
 * The sentence spans (as sentenceSpans gives them) of the lines of `text` that hold one of `offsets`, in text
 * order. The same spans as sentenceSpans over the whole text: Unicode's sentence rules break after every line
 * end and look neither back nor ahead across one, so only the lines asked about are segmented.
 */
export function sentenceSpansAt(text: string, offsets: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  // in offset order, each line found once (linear in the text however many offsets share a long line)
  let end = -1;
  for (const o of [...offsets].sort((a, b) => a - b)) {
    if (o < end) continue;
    const from = o <= 0 ? 0 : text.lastIndexOf("\n", o - 1) + 1;
    const nl = text.indexOf("\n", from);
    end = nl < 0 ? text.length : nl + 1;
    for (const [s, e] of sentenceSpans(text.slice(from, end))) out.push([from + s, from + e]);
  }
  return out;
}

/** The first of the positions 0 … n - 1 where `before` is false (n if none), `before` being true on a prefix of them. */
export function lowerBound(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The span in `spans` (in text order, not overlapping) that holds offset `at`, by binary search; undefined if none. */
export function spanAt(spans: readonly (readonly [number, number])[], at: number): readonly [number, number] | undefined {
  const s = spans[lowerBound(spans.length, (i) => spans[i]![1] <= at)];
  return s && s[0] <= at ? s : undefined;
}

/** Paragraph spans [start, end) of a body whose paragraphs are separated by blank lines. */
export function paragraphSpans(body: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const t = m[0];
    if (t.trim()) out.push([m.index, m.index + t.length]);
  }
  return out;
}

/** The offset map of a text without astral characters. */
export const SAME_OFFSETS = (i: number): number => i;

/**
 * Maps JS (UTF-16) offsets of `text` to Unicode code point offsets.
 * Returns SAME_OFFSETS when the text has no astral characters.
 */
export function codePointMapper(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return SAME_OFFSETS;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        map[i + 1] = cp; // inside a pair: maps to the pair's start
        i++;
      }
    }
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[i]!;
}

/** Row ids: `<article_id>/<letter><NNNN>`, sortable within an article. */
export function rowId(articleId: string, letter: string, index: number): string {
  return `${articleId}/${letter}${String(index + 1).padStart(4, "0")}`;
}

/** `s` with the characters a regular expression reads as syntax escaped, to match it literally. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Where the name an acronym stands for begins among the words before it, by Schwartz and Hearst's rule (2003): each of
 * the acronym's letters found in order, right to left, within the words, the first one opening a capitalised word
 * ("Harbour and Tide Administration" for "HTA", "Order of the Valeford Tide Exporters" for "OVTEX"). `words`
 * are lower-cased and `capital(i)` tells whether word i is written with a capital; the index of the name's first word,
 * or -1 where the letters do not reach back ("Valeford" for "RNN").
 */
export function acronymReach(acronym: string, words: readonly string[], capital: (i: number) => boolean): number {
  const letters = acronym.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  let t = words.length - 1;
  let c = t >= 0 ? words[t]!.length - 1 : -1;
  const back = () => {
    if (--c < 0 && --t >= 0) c = words[t]!.length - 1;
  };
  for (let k = letters.length - 1; k >= 0; k--) {
    while (!(c >= 0 && words[t]![c] === letters[k] && (k > 0 || (c === 0 && capital(t))))) {
      if (t < 0) return -1;
      back();
    }
    if (k === 0) return t;
    back();
  }
  return -1;
}
