// Metadata found in the lines around an article body: dates, bylines, wire datelines, outlet credit lines.
// Pure string helpers; the clean stage decides which lines to look at.

import { isGivenName } from "../given-names.ts";
import { isSurnameParticle } from "../link/names.ts";
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

// the year may run straight into the next token of a scraped line ("June 29, 2020Updated …", "June 29, 20206:01 PM",
// "June 29, 20205 min read")
const YEAR_END = "(?!\\d)|(?=\\d{1,2}:\\d{2})|(?=\\d{1,3}\\s*[Mm]in(?:s|ute|utes)?\\b)";
const MDY = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:${YEAR_END})`, "i");
/** A month name run into the word before it ("Jane RoeMarch 11, 2024"): capitalised, after a lower-case letter. */
const MDY_GLUED = new RegExp(`(?<=\\p{Ll})${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:${YEAR_END})`, "u");
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE},?\\s+(\\d{4})(?:${YEAR_END})`, "i");
/** A numeric date with the year last ("06.18.2025", "23/07/2025"): read only when the order is unambiguous. */
const NUM_DMY = /(?<![\d.\/-])(\d{1,2})([.\/-])(\d{1,2})\2(\d{4})(?![\d.\/-]?\d)/;
// an ISO timestamp's date ("2022-11-23T08:10+02:00") too
const YMD = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|(?=T\d{2}:))/;
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
  const g = MDY_GLUED.exec(text);
  if (g) {
    const d = iso(+g[3]!, monthIndex(g[1]!) + 1, +g[2]!);
    if (d) cands.push({ date: d, index: g.index });
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
/** Function words that join or introduce, never a surname ("Jane Roe And", "Jane Roe For"). */
const JOINER = /^(?:and|or|nor|but|the|an?|of|for|in|on|at|to|by|with|from|as)$/iu;
const NAME_JOIN = /\s*(?:,|\band\b|&|\|)\s*/u;
/** A word that gives a writer's job, not a name ("Jane Roe, Staff Writer"): it ends a list of names. */
const ROLE =
  /^(?:staff|senior|contributing|contributor|contributors|writer|writers|editor|editors|editorial|reporter|correspondent|journalist|columnist|author|freelance|founder|co-founder|ceo|cto|cmo|officer|director|manager|expert|specialist|analyst|producer|photographer|intern|team|desk|newsroom)$/;
/** One person's job, as a byline's credit line gives it ("Staff writer", "Opinion columnist"). */
const JOB = /^(?:writer|editor|reporter|correspondent|journalist|columnist|contributor|photographer|producer|analyst)$/;
/** A degree or credential written after a name: "PhD", "Ph.D.", "MD", "RN". */
const CREDENTIAL = /^(?:Ph\.?D\.?|Ed\.?D\.?|M\.D\.|Esq\.?|[\p{Lu}]{2,5}|[\p{Lu}][\p{Lu}a-z]{1,4}[\p{Lu}])$/u;
/** A team credited as the author ("The Example Team", "the Example editors"). */
const TEAM = /^(?:[Tt]he\s+)?(?:[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*\s+){1,3}(?:[Tt]eam|[Ss]taff|[Ee]ditors|[Ee]ditorial [Tt]eam|[Dd]esk|[Nn]ewsroom)$/u;

/**
 * How a short line may credit the name above it: "job" ("Staff writer", "Opinion contributor"), "caps" (in capitals,
 * as an outlet's name often is, and as a menu's often is), or null.
 */
export function creditLine(text: string): "job" | "caps" | null {
  const toks = text.trim().split(/\s+/);
  if (toks.length > 4 || /[.!?]["'”’]?$/u.test(text)) return null;
  if (toks.some((t) => JOB.test(t.toLowerCase()))) return "job";
  return /^[\p{Lu}\p{N}\s&.'’-]+$/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text) ? "caps" : null;
}

/** True for a team credited as the author ("The Example Team"). */
export function isTeam(name: string): boolean {
  return TEAM.test(name);
}

/**
 * Splits a run of names ("A B, C D and E F") into names, each of 1–4 capitalised words; [] when it is not one. With
 * `lastStop` (a byline's names), the last of two or three words may be a function word, as some surnames are ("Tom
 * May", "Ann Little").
 */
export function splitNames(s: string, stop: ReadonlySet<string>, lastStop = false): string[] {
  const out: string[] = [];
  for (const part of s.split(NAME_JOIN)) {
    const p = part.trim().replace(/[.,;:]+$/, "");
    if (!p) continue;
    if (isTeam(p)) {
      out.push(p);
      continue;
    }
    let toks = p.split(/\s+/);
    // a name run into its job in title case ("Jane Roe Executive Digital Editor"): the name's words before the job's,
    // two of them, three when the second is a given name or an initial ("Mary Ann Roe", "Jane Q. Roe")
    const role = toks.findIndex((t) => ROLE.test(t.toLowerCase()));
    if (role >= 2 && toks.length <= 6 && isGivenName(toks[0]!) && toks.slice(0, role).every((t) => NAME_TOKEN.test(t))) {
      const n = role >= 3 && (isGivenName(toks[1]!) || /^\p{Lu}\.$/u.test(toks[1]!)) ? 3 : 2;
      toks = toks.slice(0, n);
      out.push(toks.join(" "));
      break;
    }
    if (toks.length > 5) {
      // in a byline, a long part after a name is the name's role ("By Jane Roe, Candidate Representative to the …")
      if (out.length && lastStop) break;
      return [];
    }
    // a job title, a degree or any other part that is not a name ends the list ("Jane Roe, Staff Writer", "Jane Roe,
    // PhD", "Jane Roe, the paper's editor")
    const job = toks.some((t) => ROLE.test(t.toLowerCase().replace(/^co-/, ""))) || (toks.length === 1 && CREDENTIAL.test(p));
    const surname = (k: number) => lastStop && k > 0 && k === toks.length - 1 && k <= 2 && !JOINER.test(toks[k]!);
    // (a surname's particle in lower case: "Ann van der Berg", "Tom de la Cruz")
    const particle = (t: string, k: number) => k > 0 && k < toks.length - 1 && /^\p{Ll}+$/u.test(t) && isSurnameParticle(t);
    if (job || !toks.every((t, k) => particle(t, k) || (NAME_TOKEN.test(t) && (!stop.has(t.toLowerCase()) || surname(k))))) {
      if (out.length) break;
      return [];
    }
    out.push(p);
  }
  return out;
}

/** What opens a byline ("By", "Written by:", "Author:"), case-insensitive, with an optional colon. */
const BY_LABEL = "(?:(?:written|words|reporting|reported|posted|story|text|article)\\s+by|by|authors?|writer)";
const BYLINE = new RegExp(`^${BY_LABEL}(?:\\s*:\\s*|\\s+)(.+?)(?:\\s*[|•·⋅∙–—]\\s*.*|\\s+-\\s+.*)?$`, "iu");
/** A line that is only the label of a byline whose names are on the next line ("By", "Written by:"). */
export const BYLINE_LABEL = new RegExp(`^${BY_LABEL}\\s*:?$`, "iu");
/**
 * Where a scraped line runs a name into the next field ("By Jane RoePublished: …", "Jane RoeIn Travel"): a
 * lower-case letter followed by a capitalised field word or a month name.
 */
const GLUED = new RegExp(`(?<=\\p{Ll})(?=(?:Published|Updated|Posted|Last|Reviewed|Edited|Fact|Follow|View|Read|Share|In|On|${MONTH_RE})\\b)`, "u");

/** Authors named by a byline line ("By Jane Roe and John Doe"), or null when the line is not one. */
export function parseByline(text: string, stop: ReadonlySet<string>): string[] | null {
  if (text.length > 120) return null;
  // a date before the label: "May 2, 2024 by Jane Roe", "03/01/2017 by Jane Roe"
  const rest = /^[\p{Lu}\d]\S*(?:\s+\S+){0,2}?\s+(by\s.*)$/iu.exec(text);
  if (rest) {
    const date = text.slice(0, text.length - rest[1]!.length).trim();
    if (findDate(date)?.index === 0 || /^\d{1,4}([./-])\d{1,2}\1\d{1,4}$/.test(date)) text = rest[1]!;
  }
  // "ByJane Roe": a byline run into the name
  const m = BYLINE.exec(/^By\p{Lu}\p{Ll}/u.test(text) ? `By ${text.slice(2)}` : text);
  if (!m) return null;
  // drop a trailing date or role ("By Jane Roe, Staff Writer" keeps Jane Roe)
  let s = m[1]!;
  const g = GLUED.exec(s);
  if (g) s = s.slice(0, g.index);
  const dm = findDate(s);
  if (dm) s = s.slice(0, dm.index);
  s = s.replace(/\s+(?:on|at|in|updated|published|posted|last|view|read|follow|share|\d+)\b.*$/i, "");
  // a name written twice over ("Jane Roe Jane Roe": a photo's alt text, then the name)
  const names = splitNames(s, stop, true).map((n) => n.replace(/^(.+?) \1$/u, "$1"));
  // a one-word part after full names is a field, not a person ("By Jane Roe, Privacy and Security Expert")
  const one = names.findIndex((n) => !n.includes(" "));
  if (one > 0 && names.slice(0, one).every((n) => n.includes(" "))) names.length = one;
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
const NOT_AN_OUTLET = new RegExp(`^(?:${MONTH_NC}|Mon|Tue|Wed|Thu|Fri|Sat|Sun)`, "u");
export function publishedIn(text: string): string | null {
  const m = PUBLISHED_IN.exec(text);
  if (!m) return null;
  // the name ends at a sentence's end ("… in the Example Register. Follow …")
  const name = m[1]!.split(/\.\s/u)[0]!.replace(/[.]$/, "");
  // a date ("published on May 3") or an owner ("appeared on Jane Roe's blog") is not an outlet
  if (NOT_AN_OUTLET.test(name) || /['’]s$/u.test(name)) return null;
  return name;
}
