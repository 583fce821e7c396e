// Small text helpers shared by the stages.

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Runs of letters and digits, joined by an inner apostrophe, hyphen or point ("don't", "well-known", "U.S", "1.35").
 * (Intl.Segmenter's word mode counts much the same but runs at about 0.6 MB/s.) */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-.][\p{L}\p{N}\p{M}]+)*/gu;
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

/** Sentence spans [start, end) in JS offsets, trailing whitespace excluded. */
export function sentenceSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const s of sentenceSegmenter.segment(text)) {
    let end = s.index + s.segment.length;
    while (end > s.index && /\s/.test(text[end - 1]!)) end--;
    if (end > s.index) out.push([s.index, end]);
  }
  return out;
}

/**
 * The sentence spans (as sentenceSpans gives them) of the lines of `text` that hold one of `offsets`, in text
 * order. The same spans as sentenceSpans over the whole text: Unicode's sentence rules break after every line
 * end and look neither back nor ahead across one, so only the lines asked about are segmented.
 */
export function sentenceSpansAt(text: string, offsets: readonly number[]): [number, number][] {
  const starts = [...new Set(offsets.map((o) => (o <= 0 ? 0 : text.lastIndexOf("\n", o - 1) + 1)))].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const from of starts) {
    const nl = text.indexOf("\n", from);
    for (const [s, e] of sentenceSpans(text.slice(from, nl < 0 ? text.length : nl + 1))) out.push([from + s, from + e]);
  }
  return out;
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

/**
 * Maps JS (UTF-16) offsets of `text` to Unicode code point offsets.
 * Returns the identity when the text has no astral characters.
 */
export function codePointMapper(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
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
