// Quotation marks: pairing them into quoted segments, paragraph by paragraph.
// Pairing never crosses a paragraph boundary, so one stray mark can only disturb its own
// paragraph; a quote left open at a paragraph end is chained to the next paragraph when that
// paragraph re-opens with a mark (the news convention for quotes running over paragraphs).

export type Family = "double" | "single";

/** A run of quoted words inside one paragraph. */
export interface Segment {
  /** the quoted words, marks excluded */
  start: number;
  end: number;
  /** offset of the opening mark; null when it is missing (a closing mark with no opener) */
  open: number | null;
  /** offset of the closing mark; null when the quote runs to the paragraph end */
  close: number | null;
  family: Family;
  /** index of the paragraph */
  para: number;
}

const CURLY_OPEN = "\u201C\u201E\u201F\u00AB"; // “ „ ‟ «
const CURLY_CLOSE = "\u201D\u00BB"; // ” »
const STRAIGHT = '"';
const SINGLE_OPEN = "\u2018"; // ‘
const SINGLE_CLOSE = "\u2019"; // ’ (also the apostrophe)

export const isDoubleMark = (c: string): boolean => {
  const k = c.charCodeAt(0);
  return k === 0x22 || k === 0x201c || k === 0x201d || k === 0x201e || k === 0x201f || k === 0xab || k === 0xbb;
};
export const isQuoteMark = (c: string): boolean => {
  const k = c.charCodeAt(0);
  return k === 0x27 || k === 0x2018 || k === 0x2019 || isDoubleMark(c);
};

const BEFORE_OPEN = /[\s([{\u2014\u2013/\-]/; // what may precede an opening mark
const AFTER_CLOSE = /[\s.,;:!?)\]}\u2014\u2013\u2026\-]/; // what may follow a closing mark
const LETTER = /[\p{L}\p{N}]/u;

const DOUBLE_CANDIDATE = /["'\u00AB\u00BB\u201C-\u201F]/g;
const SINGLE_CANDIDATE = /['\u2018\u2019]/g;

export type Role = "open" | "close" | "either";

/** Whether the double mark at `i` opens or closes, from its neighbours; a curly mark facing the wrong way is trusted less than its context. */
export function doubleRole(text: string, i: number, lo: number, hi: number, width = 1): Role {
  const c = text[i]!;
  const prev = i > lo ? text[i - 1]! : "";
  const next = i + width < hi ? text[i + width]! : "";
  const spaceBefore = prev === "" || BEFORE_OPEN.test(prev) || isQuoteMark(prev);
  const spaceAfter = next === "" || AFTER_CLOSE.test(next);
  if (CURLY_OPEN.includes(c)) return !spaceBefore && spaceAfter ? "close" : "open";
  if (CURLY_CLOSE.includes(c)) return spaceBefore && !spaceAfter ? "open" : "close";
  if (spaceBefore && !spaceAfter) return "open";
  if (!spaceBefore && spaceAfter) return "close";
  return "either";
}

/** Width of a double mark at `i`: 1, 2 for two apostrophes written as one double mark (''), 0 for none. */
export function doubleWidth(text: string, i: number, hi: number): number {
  const c = text[i]!;
  if (c === "'" && i + 1 < hi && text[i + 1] === "'") return 2;
  return isDoubleMark(c) ? 1 : 0;
}

const style = (c: string): "curly" | "straight" => (c === STRAIGHT ? "straight" : "curly");

interface Open { pos: number; style: "curly" | "straight"; width: number }

/** Pairs the double marks of one paragraph [lo, hi). */
export function pairDoubles(text: string, lo: number, hi: number, para: number, nextOpens: "curly" | "straight" | null): Segment[] {
  const out: Segment[] = [];
  const stack: Open[] = [];
  let nested: Segment[] = []; // pairs inside the current outer quote, kept in case the outer one proves stray
  DOUBLE_CANDIDATE.lastIndex = lo;
  for (let found = DOUBLE_CANDIDATE.exec(text); found !== null && found.index < hi; found = DOUBLE_CANDIDATE.exec(text)) {
    let i = found.index;
    const c = text[i]!;
    const width = doubleWidth(text, i, hi);
    if (!width) continue;
    let role = doubleRole(text, i, lo, hi, width);
    if (role === "either") role = stack.length ? "close" : "open";
    const st = style(c);
    if (width === 2) DOUBLE_CANDIDATE.lastIndex = ++i + 1;
    if (role === "open") {
      const o = { pos: i - width + 1, style: st, width };
      if (stack.length === 1 && stack[0]!.style !== st) stack.push(o);
      else if (stack.length) stack[stack.length - 1] = o; // the earlier opener was stray
      else stack.push(o);
      continue;
    }
    const at = i - width + 1; // the closing mark's first character
    if (!stack.length) {
      // a closer with no opener: the opening mark was lost; the quote starts the paragraph
      const before = text[at - 1] ?? "";
      if (!out.length && at > lo && /[.,!?\u2026\u2014\-]/.test(before)) out.push(seg(lo, at, null, at, "double", para));
      continue;
    }
    const top = stack.pop()!;
    if (!stack.length) {
      out.push(seg(top.pos + top.width, at, top.pos, at, "double", para));
      nested = [];
    } else if (top.style === st) {
      nested.push(seg(top.pos + top.width, at, top.pos, at, "double", para));
    } else {
      const outer = stack.pop()!; // the inner opener was never closed
      out.push(seg(outer.pos + outer.width, at, outer.pos, at, "double", para));
      nested = [];
    }
  }
  if (stack.length) {
    const bottom = stack[0]!;
    const nextOpensWithMark = nextOpens === bottom.style;
    const prev = text.slice(lo, bottom.pos).trimEnd();
    const introduced = prev === "" || /[:,]$/.test(prev);
    if (nested.length && !nextOpensWithMark) out.push(...nested); // the outer opener was stray
    else if ((nextOpensWithMark && /^[\p{Lu}\p{N}]/u.test(text.slice(bottom.pos + bottom.width, bottom.pos + bottom.width + 1))) || introduced) out.push(seg(bottom.pos + bottom.width, hi, bottom.pos, null, "double", para));
  }
  return out.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
}

/** Pairs single curly (and straight) marks in [lo, hi), a stretch outside any double quote. */
export function pairSingles(text: string, lo: number, hi: number, para: number): Segment[] {
  const out: Segment[] = [];
  let open: number | null = null;
  SINGLE_CANDIDATE.lastIndex = lo;
  for (let found = SINGLE_CANDIDATE.exec(text); found !== null && found.index < hi; found = SINGLE_CANDIDATE.exec(text)) {
    const i = found.index;
    const c = text[i]!;
    if (c === "'" && text[i + 1] === "'") {
      SINGLE_CANDIDATE.lastIndex = i + 2;
      continue;
    }
    if (c !== SINGLE_OPEN && c !== SINGLE_CLOSE && c !== "'") continue;
    const prev = i > lo ? text[i - 1]! : "";
    const next = i + 1 < hi ? text[i + 1]! : "";
    const opens = (prev === "" || BEFORE_OPEN.test(prev) || isDoubleMark(prev)) && LETTER.test(next) && !/\d/.test(next);
    const closes = prev !== "" && !/\s/.test(prev) && !LETTER.test(next);
    if (opens && (c === SINGLE_OPEN || open === null)) {
      open = i;
      continue;
    }
    if (closes && open !== null && c !== SINGLE_OPEN) {
      if (i > open + 1) out.push(seg(open + 1, i, open, i, "single", para));
      open = null;
    }
  }
  return out;
}

function seg(start: number, end: number, open: number | null, close: number | null, family: Family, para: number): Segment {
  return { start, end, open, close, family, para };
}

/** Every quoted segment of the text, in order. `paras` are paragraph spans. */
export function findSegments(text: string, paras: readonly (readonly [number, number])[]): Segment[] {
  const out: Segment[] = [];
  paras.forEach(([lo, hi], p) => {
    const nextPara = paras[p + 1];
    const nextOpens = nextPara === undefined ? null : opensWithMark(text, nextPara[0], nextPara[1]);
    const doubles = pairDoubles(text, lo, hi, p, nextOpens);
    let from = lo;
    for (const d of doubles) {
      out.push(...pairSingles(text, from, (d.open ?? d.start), p));
      out.push(d);
      from = d.close === null ? hi : d.close + Math.max(1, doubleWidth(text, d.close, hi));
    }
    out.push(...pairSingles(text, from, hi, p));
  });
  return out;
}

/** The style of the opening double mark that starts the paragraph, or null. */
export function opensWithMark(text: string, lo: number, hi: number): "curly" | "straight" | null {
  const c = text[lo];
  if (c === undefined || lo >= hi) return null;
  const width = doubleWidth(text, lo, hi);
  return width && doubleRole(text, lo, lo, hi, width) !== "close" ? style(c) : null;
}

/** Whether two opening marks are written alike (so that one quote may run from the first to the second's paragraph). */
export const sameStyle = (a: string, b: string): boolean => isDoubleMark(a) && isDoubleMark(b) && style(a) === style(b);

/** The text with every quoted segment's words blanked (to U+0001), marks and offsets kept. */
export function maskSegments(text: string, segs: readonly Segment[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of segs) {
    if (s.start < at) continue;
    parts.push(text.slice(at, s.start), "\u0001".repeat(s.end - s.start));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
