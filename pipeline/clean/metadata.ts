// Metadata found in the lines around an article body: dates, bylines, wire datelines, outlet credit lines.
// Pure string helpers; the clean stage decides which lines to look at.

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, "");
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3)));
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// the year may run straight into the next token of a scraped line ("June 29, 2020Updated …")
const MDY = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, "i");
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE},?\\s+(\\d{4})(?!\\d)`, "i");
/** A numeric date with the year last ("06.18.2025", "23/07/2025"): read only when the order is unambiguous. */
const NUM_DMY = /(?<![\d.\/-])(\d{1,2})([.\/-])(\d{1,2})\2(\d{4})(?![\d.\/-]?\d)/;
const YMD = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;
const MD_NO_YEAR = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d{4})`, "i");

/** The first full calendar date (with a year) in a line, as YYYY-MM-DD; a date without a year gives null. */
export function findDate(text: string): { date: string; index: number } | null {
  if (!/\d{4}/.test(text)) return null;
  const cands: { date: string; index: number }[] = [];
  const a = MDY.exec(text);
  if (a) {
    const d = iso(+a[3]!, monthIndex(a[1]!) + 1, +a[2]!);
    if (d) cands.push({ date: d, index: a.index });
  }
  const b = DMY.exec(text);
  if (b) {
    const d = iso(+b[3]!, monthIndex(b[2]!) + 1, +b[1]!);
    if (d) cands.push({ date: d, index: b.index });
  }
  const c = YMD.exec(text);
  if (c) {
    const d = iso(+c[1]!, +c[2]!, +c[3]!);
    if (d) cands.push({ date: d, index: c.index });
  }
  const e = NUM_DMY.exec(text);
  if (e) {
    const a1 = +e[1]!;
    const a2 = +e[3]!;
    const d = a1 > 12 && a2 <= 12 ? iso(+e[4]!, a2, a1) : a2 > 12 && a1 <= 12 ? iso(+e[4]!, a1, a2) : null;
    if (d) cands.push({ date: d, index: e.index });
  }
  cands.sort((x, y) => x.index - y.index);
  return cands[0] ?? null;
}

/** True when a line is mostly a date (a dateline/timestamp line rather than prose). */
export function isDateLine(text: string, words: number): boolean {
  if (words > 12) return false;
  return findDate(text) !== null || (words <= 6 && MD_NO_YEAR.test(text));
}

const NAME_TOKEN = /^[\p{Lu}][\p{L}'’.-]*$/u;
const NAME_JOIN = /\s*(?:,|\band\b|&|\|)\s*/u;

/** Splits a run of names ("A B, C D and E F") into names, each of 1–4 capitalised words; [] when it is not one. */
export function splitNames(s: string, stop: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const part of s.split(NAME_JOIN)) {
    const p = part.trim().replace(/[.,;:]+$/, "");
    if (!p) continue;
    const toks = p.split(/\s+/);
    if (toks.length > 5) return [];
    if (!toks.every((t) => NAME_TOKEN.test(t) && !stop.has(t.toLowerCase()))) {
      // a credential after the name ("Jane Roe, PhD") ends the list
      if (out.length) break;
      return [];
    }
    out.push(p);
  }
  return out;
}

const BYLINE = /^(?:by|written by|words by|author:?|reporting by|posted by)\s+(.+?)(?:\s*[|•·–—-]\s*.*)?$/iu;

/** Authors named by a byline line ("By Jane Roe and John Doe"), or null when the line is not one. */
export function parseByline(text: string, stop: ReadonlySet<string>): string[] | null {
  if (text.length > 120) return null;
  const m = BYLINE.exec(text);
  if (!m) return null;
  // drop a trailing date or role ("By Jane Roe, Staff Writer" keeps Jane Roe)
  let s = m[1]!;
  const dm = findDate(s);
  if (dm) s = s.slice(0, dm.index);
  s = s.replace(/\s+(?:on|at|updated|published)\b.*$/i, "");
  const names = splitNames(s, stop);
  return names.length ? names : null;
}

/** A byline run into the first paragraph: "[Outlet] Reporter|Correspondent Name Name [Name Name] Sentence…". */
const RUN_IN = /^((?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}?)(?:[Ss]taff\s+)?(?:[Rr]eporter|[Cc]orrespondent|[Ww]riter|[Cc]ontributor)s?\s+/u;
export function runInByline(text: string, stop: ReadonlySet<string>): { outlet: string | null; authors: string[]; end: number } | null {
  const m = RUN_IN.exec(text);
  if (!m) return null;
  const authors: string[] = [];
  const re = /([\p{Lu}][\p{L}'’-]+)\s+([\p{Lu}][\p{L}'’-]+)\s+/uy;
  re.lastIndex = m[0].length;
  let end = m[0].length;
  for (let a = re.exec(text); a; a = re.exec(text)) {
    if (stop.has(a[1]!.toLowerCase()) || stop.has(a[2]!.toLowerCase())) break;
    // the pair must be followed by something (the paragraph or another name)
    authors.push(`${a[1]} ${a[2]}`);
    end = re.lastIndex;
  }
  if (!authors.length || end >= text.length) return null;
  // the last pair may be the first two words of the sentence when they're not followed by lowercase prose
  const outlet = m[1]!.trim() || null;
  return { outlet, authors, end };
}

/** A wire dateline at the start of a paragraph: "PLACE, Month D. /WIRE/. ", "PLACE, Month D (Wire) - ", "PLACE (Wire) – ", "PLACE – ". */
const MONTH_NC = MONTH_RE.replace(/^\(/, "(?:");
const DATELINE = new RegExp(
  `^([\\p{Lu}][\\p{Lu}\\p{M}'’.\\- ]{1,40}?(?:,\\s*(?!${MONTH_NC}\\s)[\\p{Lu}][\\p{L}.\\- ]{1,30}?)?)` + // PLACE[, Region]
    `(?:,\\s*(${MONTH_RE}\\s+\\d{1,2}(?:,\\s*\\d{4})?))?` + // , Month D[, YYYY]
    `(?:\\s*[.,]?\\s*\\/\\s*([^/]{2,40}?)\\s*\\/\\s*\\.?\\s*[–—-]*|\\s*\\(([^()]{2,40})\\)\\s*[–—-]*|\\s+[–—-]+)\\s+(?=[\\p{Lu}\\p{N}"“‘'])`, // /WIRE/. or (Wire) - or –, then a sentence
  "u",
);
export interface Dateline {
  place: string;
  wire: string | null;
  monthDay: string | null;
  end: number;
}
export function parseDateline(text: string): Dateline | null {
  const m = DATELINE.exec(text);
  if (!m) return null;
  const place = m[1]!.trim().replace(/[,.]$/, "");
  const wire = (m[4] ?? m[5] ?? "").trim() || null;
  const monthDay = m[2] ?? null;
  const dashed = /[–—-]\s+$/.test(m[0]) || /[–—-]\s*$/.test(m[0].trimEnd());
  // the place must be upper case (a wire dateline), and something must mark its end
  if (!/^[\p{Lu}\p{M}'’.\- ,]+$/u.test(m[1]!.split(",")[0]!) || place.replace(/[^\p{L}]/gu, "").length < 2) return null;
  if (!wire && !monthDay && !dashed) return null;
  if (m[0].length >= text.length) return null;
  return { place: titleCasePlace(place.split(",")[0]!.trim()), wire, monthDay, end: m[0].length };
}

function titleCasePlace(p: string): string {
  return p.toLowerCase().replace(/(^|[\s\-'’.])(\p{L})/gu, (_s, a: string, b: string) => a + b.toUpperCase());
}

/** A credit line "Outlet – Month D, YYYY" (or "Outlet | date"): the outlet and the date. */
const CREDIT = /^([\p{Lu}][\p{L}\p{N}&'’. ]{1,40}?)\s*[–—|•-]\s*(.+)$/u;
export function parseCreditLine(text: string): { outlet: string; date: string } | null {
  if (text.length > 80) return null;
  const m = CREDIT.exec(text);
  if (!m) return null;
  const d = findDate(m[2]!);
  if (!d || m[2]!.slice(d.index).replace(/[\s,.]/g, "").length > 20) return null;
  if (/\b(?:posted|updated|published|by)\b/i.test(m[1]!)) return null;
  return { outlet: m[1]!.trim(), date: d.date };
}

/** "This article was originally published in X … provided by Y": X is the outlet. */
const PUBLISHED_IN = /\b(?:originally\s+)?(?:published|appeared)\s+(?:in|on|by|at)\s+(?:[Tt]he\s+)?([\p{Lu}][\p{L}\p{N}&'’.-]*(?:\s+[\p{Lu}][\p{L}\p{N}&'’.-]*){0,4})/u;
export function publishedIn(text: string): string | null {
  const m = PUBLISHED_IN.exec(text);
  return m ? m[1]!.replace(/[.]$/, "") : null;
}
