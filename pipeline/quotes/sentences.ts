// Sentence starts for attribution, read on the masked text so that a full stop inside a quote
// ends a sentence only where the quote itself ends ("We won." Doe said. → two sentences).
import { TITLES } from "./lexicon.ts";
import { isQuoteMark } from "./marks.ts";

const ABBREV = new Set(
  "a.m p.m inc corp co ltd jan feb mar apr aug sept sep oct nov dec no vs etc st mt ft u.s u.k u.n e.u d.c u.s.a approx est dept gov univ".split(" "),
);

/** Whether the word ending at `i` (exclusive, just before a full stop) is an abbreviation. */
const LETTER_CACHE = new Uint8Array(65536); // 0 unknown, 1 letter, 2 not
const LETTER = /\p{L}/u;
function isLetterOrDot(c: number): boolean {
  if (c < 128) return c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let v = LETTER_CACHE[c]!;
  if (v === 0) LETTER_CACHE[c] = v = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}

export function isAbbreviationBefore(text: string, i: number): boolean {
  let s = i;
  while (s > 0 && i - s < 24 && isLetterOrDot(text.charCodeAt(s - 1))) s--;
  const w = text.slice(s, i);
  if (!w) return false;
  if (/^\p{Lu}$/u.test(w)) return true; // an initial
  if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(w)) return true; // initials with dots: "N.J." of "D-N.J.", "U.K."
  return TITLES.has(`${w}.`) || ABBREV.has(w.toLowerCase());
}

const ENDERS = /[.!?\u2026"'\u00AB\u00BB\u2018-\u201F]/g;

/**
 * Sentence start offsets inside the paragraph [lo, hi) (lo included). `masked` has quoted words
 * blanked; `text` is the original.
 */
export function sentenceStarts(text: string, masked: string, lo: number, hi: number): number[] {
  const out = [lo];
  // only full stops, ! ? … and quote marks can end a sentence: jump from one to the next
  ENDERS.lastIndex = lo;
  for (let found = ENDERS.exec(masked); found !== null && found.index < hi; found = ENDERS.exec(masked)) {
    let i = found.index;
    const m = masked[i]!;
    let end: boolean;
    if (m === "." || m === "!" || m === "?" || m === "\u2026") end = m !== "." || !isAbbreviationBefore(text, i);
    else end = isQuoteMark(m) && i > lo && masked[i - 1] === "\u0001" && /[.!?\u2026]/.test(text[i - 1]!);
    if (!end) continue;
    let j = i + 1;
    while (j < hi && (/[.!?)\]\u2026]/.test(masked[j]!) || (isQuoteMark(masked[j]!) && !/\s/.test(masked[j - 1]!) && masked[j + 1] !== "\u0001"))) j++;
    // a quote run into the one before it, with no space (`…over.""We will …`), starts a sentence at its opening mark
    if (j < hi && isQuoteMark(masked[j]!) && masked[j + 1] === "\u0001" && /\p{Lu}/u.test(text[j + 1]!)) {
      out.push(j);
      ENDERS.lastIndex = j + 1;
      continue;
    }
    // a sentence run into the one before it with no space (`… Feinstein said.Clinton says …`): a word in lower case, its
    // full stop, then a capitalised word
    if (j === i + 1 && m === "." && j + 1 < hi && /\p{Lu}/u.test(masked[j]!) && /\p{Ll}/u.test(masked[j + 1]!) && /(?:^|[^\p{L}.])\p{Ll}{2,}$/u.test(text.slice(Math.max(lo, i - 24), i))) {
      out.push(j);
      ENDERS.lastIndex = j;
      continue;
    }
    if (j >= hi || !/\s/.test(masked[j]!)) continue;
    while (j < hi && /\s/.test(masked[j]!)) j++;
    if (j < hi && /[\p{Lu}\p{N}"'\u201C\u2018(\[\u00AB]/u.test(masked[j]!)) {
      out.push(j);
      i = j - 1;
      ENDERS.lastIndex = j;
    }
  }
  return out;
}
