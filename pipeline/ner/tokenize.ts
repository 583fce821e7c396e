// Tokens and sentences for the entity tagger, as UTF-16 offsets into the text.
// Close to CoNLL-2003 tokenization: possessive 's apart, hyphenated words whole, "U.S." and "Inc." whole,
// punctuation one mark a token. Sentences break at line ends and after . ! ? before a capital or a quote.
import { isSpaceCode } from "../text.ts";

export interface Token {
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  /** index of the first token */
  from: number;
  /** index after the last token */
  to: number;
}

/** Words written with a closing period in English news (titles, company forms, months). */
const ABBREV = new Set(
  (
    "mr mrs ms dr prof gen sen rep gov lt col capt sgt maj adm cmdr st mt ft rev hon pres supt insp det " +
    "inc corp co ltd bros jr sr plc llc cie no nos vs etc al approx dept est fig vol univ assn " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"
  ).split(" "),
);

// one alternative per token kind, tried in order at each position
const TOKEN_RE = new RegExp(
  [
    "https?://[^\\s]+|www\\.[^\\s]+", // web address
    "(?:\\p{L}\\.){2,}(?!\\p{L})", // U.S. / U.N. / a.m.
    "\\p{N}+(?:[.,:/-]\\p{N}+)*(?:[-\\p{L}]+)?", // 1996-08-22, 3.5, 10,000, 25-year-old
    "['’](?:s|S)(?![\\p{L}\\p{N}])", // possessive 's
    "n['’]t(?![\\p{L}\\p{N}])", // n't
    // words: letters/digits, joined by hyphen, ampersand, or an apostrophe before a capital (O'Neill)
    "[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}]*(?:(?:[-&]|['’](?=\\p{Lu}))[\\p{L}\\p{M}\\p{N}]+)*",
    "-{2,}|\\.{2,}|…", // dashes and ellipses
    "\\S", // any other mark
  ].join("|"),
  "uy",
);


/** Where TOKEN_RE's match at `start` (not a \s character) ends. */
export function regexTokenEnd(text: string, start: number): number {
  TOKEN_RE.lastIndex = start;
  if (!TOKEN_RE.test(text)) throw new Error(`internal error: no token at ${start}`);
  return TOKEN_RE.lastIndex;
}

const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiAlnum = (c: number): boolean => isAsciiLetter(c) || isAsciiDigit(c);

/**
 * Where TOKEN_RE's match at `start` ends, for the common tokens made of ASCII characters alone (a word, a number,
 * a mark), or -1 where the expression must decide: a character outside ASCII met where it would change the match,
 * or a token that may be a web address, initials, "'s", "n't", a dash or an ellipsis. The regular expression tests
 * each character of a word against Unicode classes (a call out of the matcher per character); most are ASCII.
 */
export function asciiTokenEnd(text: string, start: number): number {
  const n = text.length;
  const c = text.charCodeAt(start);
  if (isAsciiLetter(c)) {
    // a web address, initials ("U.S."), "n't"
    if ((c === 104 /* h */ && text.startsWith("http", start)) || (c === 119 /* w */ && text.startsWith("www.", start))) return -1;
    const c1 = text.charCodeAt(start + 1);
    if (c1 === 46 /* . */ || (c === 110 /* n */ && (c1 === 39 || c1 === 0x2019))) return -1;
    let e = start + 1;
    for (;;) {
      let d = text.charCodeAt(e);
      while (e < n && isAsciiAlnum(d)) d = text.charCodeAt(++e);
      if (e >= n) return e;
      if (d > 127) return -1;
      // a joiner continues the word before a letter or digit (an apostrophe only before a capital)
      if (d === 45 /* - */ || d === 38 /* & */ || d === 39 /* ' */) {
        const f = text.charCodeAt(e + 1);
        if (f > 127) return -1;
        if (d === 39 ? f >= 65 && f <= 90 : isAsciiAlnum(f)) {
          e += 2;
          continue;
        }
      }
      return e;
    }
  }
  if (isAsciiDigit(c)) {
    let e = start + 1;
    let d = text.charCodeAt(e);
    for (;;) {
      while (e < n && isAsciiDigit(d)) d = text.charCodeAt(++e);
      if (e >= n) return e;
      if (d > 127) return -1;
      // . , : / - before a digit continue the number
      if (d === 46 || d === 44 || d === 58 || d === 47 || d === 45) {
        const f = text.charCodeAt(e + 1);
        if (f > 127) return -1;
        if (isAsciiDigit(f)) {
          e += 2;
          d = text.charCodeAt(e);
          continue;
        }
      }
      break;
    }
    // a suffix of letters and hyphens ("25-year-old")
    while (e < n && (isAsciiLetter(d) || d === 45)) d = text.charCodeAt(++e);
    return e < n && d > 127 ? -1 : e;
  }
  // a mark on its own, except those that may start a longer token (' - . and anything outside ASCII)
  if (c < 128 && c !== 39 && c !== 45 && c !== 46) return start + 1;
  return -1;
}

/**
 * Splits `text` into tokens with UTF-16 offsets. No alternative of TOKEN_RE matches at a \s character and the last
 * one matches any other, so a token starts at the next character that is not \s, where it ends where the expression
 * tried alone (sticky) would end it (asciiTokenEnd, else the expression): the tokens a global search gives, without
 * an array made for each match.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let at = 0;
  for (;;) {
    while (at < n && isSpaceCode(text.charCodeAt(at))) at++;
    if (at >= n) break;
    const start = at;
    let end = asciiTokenEnd(text, start);
    if (end < 0) end = regexTokenEnd(text, start);
    // "don't": the word expression stops before the apostrophe; peel "n" off "do n't"
    const last = text.charCodeAt(end - 1);
    const after = text.charCodeAt(end);
    if (end - start > 1 && (last === 110 || last === 78) /* n N */ && (after === 39 || after === 0x2019) && /^['’]t(?![\p{L}\p{N}])/u.test(text.slice(end, end + 3))) {
      out.push({ start, end: end - 1, text: text.slice(start, end - 1) });
      at = end - 1;
      continue;
    }
    // "Inc." and "Mr.": keep the period when the word is a known abbreviation or a single capital (initials)
    let s = text.slice(start, end);
    if (after === 46 /* . */ && /^\p{L}+$/u.test(s) && (ABBREV.has(s.toLowerCase()) || /^\p{Lu}$/u.test(s))) {
      s += ".";
      end++;
    }
    out.push({ start, end, text: s });
    at = end;
  }
  return out;
}

const OPENERS = /^["'“‘(\[]$/;
const CLOSERS: ReadonlySet<string> = new Set(['"', "'", "”", "’", ")"]);

/** Sentences over `tokens`: a line end always breaks; . ! ? break before a capital, a digit or an opening mark. */
export function sentences(text: string, tokens: readonly Token[]): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = tokens[i + 1];
    if (!n) break;
    let brk = false;
    for (let k = t.end; k < n.start && !brk; k++) brk = text.charCodeAt(k) === 10;
    if (!brk && (t.text === "." || t.text === "!" || t.text === "?" || t.text === "...")) {
      // a mark right after the full stop closes the quotation; one after a space opens the next sentence
      brk = /^[\p{Lu}\p{N}]/u.test(n.text) || (OPENERS.test(n.text) && n.start > t.end);
    }
    // a closing quote right after the sentence end belongs to the sentence
    if (!brk && t.text.length === 1 && CLOSERS.has(t.text) && i > 0 && /^[.!?]$/.test(tokens[i - 1]!.text) && /^\p{Lu}/u.test(n.text)) brk = true;
    if (brk) {
      out.push({ from, to: i + 1 });
      from = i + 1;
    }
  }
  if (from < tokens.length) out.push({ from, to: tokens.length });
  return out;
}
