// Rule-based TIMEX3 tagger for English news (TimeML conventions: the determiner and modifiers such as
// "nearly" belong to the span, prepositions do not). Every rule is one regex compiled at module load;
// candidates are chosen longest-first without overlap and then resolved in text order, so that
// "the quarter" or "the following year" can lean on the last quarter or year the text named.
import type { DateSpan } from "../../schemas/records.ts";
import {
  addDays, addMonths, type Day, fmtDay, fmtMonth, fmtWeek, pad, parseDay, quarterOf, weekday,
} from "./calendar.ts";
import {
  DECADE_WORDS, MONTH_RE, MONTHS, NUMBER_WORDS, ORDINALS, PARTS_OF_DAY, SEASON_MONTH, SEASONS, UNITS,
  VAGUE_QUANTITY, WEEKDAY_RE, WEEKDAYS,
} from "./lexicon.ts";
import { chronoFallback, TRIGGER } from "./fallback.ts";
import { STOPWORDS } from "../lexicon.ts";
import { escapeRegExp } from "../text.ts";
import { type Tense, tenseAround } from "./tense.ts";

type TType = DateSpan["type"];
type Anchor = DateSpan["anchor"];

export interface Timex {
  type: TType;
  value: string;
  anchor: Anchor;
}

interface Ctx {
  text: string;
  dct: Day | null;
  /** last quarter named or resolved in the text */
  quarter: { y: number; q: number } | null;
  /** last explicit year named in the text */
  year: number | null;
  /** last month (with its year) named in the text */
  month: { y: number; m: number } | null;
}

type G = Record<string, string | undefined>;
interface Rule {
  name: string;
  re: RegExp;
  /** cheap acceptance test, before any resolution */
  ok?: (g: G, text: string, start: number, end: number) => boolean;
  run: (g: G, ctx: Ctx, start: number, end: number) => Timex | null;
}

/**
 * Words a rule cannot match without (case aside). Rules whose patterns start with optional words are tried at every
 * word of the text they run on, so each rule runs only on the lines (text between two line breaks; no rule matches
 * across one) that hold a word of its family (FAMILIES), found for all families at once by one sweep of the text
 * (familySweep). Where a rule runs changes nothing but the time it takes: tests/dates.test.ts checks that each rule's
 * matches are on lines marked for it and that a text gives the same dates without the families.
 *
 * A family is lower-case words (found anywhere, inside longer words too) and patterns. A pattern must not match where
 * a word of any family starts (the patterns start with a digit, or go on where no word does: "Q1", "per "), so that
 * the sweep's longest-word-first choice at each start sees every family there.
 */
const FAMILIES: ReadonlyArray<{ words: readonly string[]; patterns?: readonly string[]; rules: readonly string[] }> = [
  {
    words: ["year", "month", "week", "day", "hour", "minute", "second", "decade", "centur", "quarter", "night", "fortnight", "millenni"],
    rules: ["duration", "bare-plural", "relative-unit", "the-year", "in-the-unit", "the-week", "the-weekend", "end-of"],
  },
  {
    words: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
    rules: ["month-day", "day-month", "month-ordinal", "month-year", "month"],
  },
  { words: [], patterns: ["(?:1[6-9]|20)\\d\\d"], rules: ["year", "iso-date", "us-date"] },
  { words: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], rules: ["weekday", "weekday-set", "weekday-plural"] },
  { words: ["yesterday", "today", "tomorrow", "tonight", "morning", "afternoon", "evening", "night"], rules: ["day-word", "part-of-day"] },
  { words: ["recent", "lately", "past", "ago", "once upon", "last few"], rules: ["ref-PAST_REF", "recent-plural"] },
  { words: ["future", "later date", "term", "long run", "short run", "soon", "coming", "ahead", "to come"], rules: ["ref-FUTURE_REF"] },
  { words: ["now", "current", "these days", "present", "at the moment", "this time"], rules: ["ref-PRESENT_REF"] },
  { words: ["while", "year", "month", "week", "day", "hour", "minute", "decade"], rules: ["vague-duration"] },
  { words: ["daily", "nightly", "weekly", "monthly", "quarterly", "annually", "yearly", "hourly"], rules: ["set-adverb"] },
  { words: ["quarter", "qtr"], rules: ["quarter"] },
  { words: ["quarter", "period"], rules: ["quarter-ref"] },
  { words: ["half"], rules: ["half"] },
  { words: ["century"], rules: ["century"] },
  { words: ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"], patterns: ["\\d0'?s"], rules: ["decade"] },
  { words: ["spring", "summer", "fall", "autumn", "winter"], rules: ["season"] },
  { words: ["noon", "midnight", "midday"], patterns: ["\\d\\s*[ap]\\.?m", "\\d:[0-5]\\d"], rules: ["clock"] },
  { words: ["nineteen", "eighteen", "two thousand"], rules: ["spoken-year"] },
  { words: [], patterns: ["Q[1-4]"], rules: ["q-number"] },
  { words: ["every", "each", "times", "once", "twice"], patterns: ["per\\s"], rules: ["set"] },
  { words: ["year-earlier", "year-ago", "year-before", "year-end", "year end", "year's end", "yearend"], rules: ["year-adj"] },
];
/** Per rule name, its word family's regex (a match of a family word anywhere in a string); a rule without one runs on the whole text. */
export const LINE_GATES: Record<string, RegExp> = {};

// ---------------------------------------------------------------- building blocks

const NUM_WORDS =
  "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|a thousand|two thousand|a dozen|dozen|a couple of|a couple|couple of|a few|few|several|many|some|numerous|a number of";
const NUM = `(?<num>\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?(?:\\s+\\d\\/\\d)?|${NUM_WORDS}|half an?|an?)`;
const UNIT = "(?<unit>years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|quarters?|nights?|weekends?|fortnights?|millennia|millennium)";
const DMOD = "(?<mod>nearly|almost|about|around|roughly|approximately|some|more than|less than|fewer than|at least|at most|up to|over(?!\\s+(?:the|its|their|his|her|our|a)\\b)|under(?!\\s+(?:the|its|their|his|her|our|a)\\b)|only|just|barely|no more than|no less than|well over|well under|a full|an additional|another|the better part of|the best part of)";
// "coming", "following" and the like read as a direction only after a determiner ("the coming two weeks")
const DFRONT = "(?:(?<det>the|a|its|their|his|her|our)\\s+(?:(?<dir>past|last|next|first|final|coming|previous|preceding|following|remaining|initial|latest|ensuing|upcoming|prior|same)\\s+)?|(?<dir2>past|last|next|first)\\s+)?";
const DADJ = "(?:(?:trading|business|working|calendar|school|full|straight|consecutive|more|additional|long|short|fiscal|extra)[- ])?";
const REL = "(?<rel>this past|this coming|this|last|next|the past|the previous|the coming|the following|the current|the same|that|past|coming)";
const EDGE = "(?:early|late|mid|the middle of|the end of|the beginning of|the start of|the close of|the rest of|the remainder of|the first half of|the second half of)";
const ORD = "(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)";
const YEAR = "(?<year>1[6-9]\\d\\d|20\\d\\d)";
const MON = `(?<mon>${MONTH_RE})`;
const WD = `(?<wd>${WEEKDAY_RE})`;
const POD = "(?<pod>morning|afternoon|evening|night)";
const NOT_NUM_AFTER = "(?![\\d,]\\d|\\.\\d|%| ?percent|:\\d|-\\d|\\s*(?:°|degrees))";

const cap = (s: string | undefined): boolean => !!s && s.charCodeAt(0) >= 65 && s.charCodeAt(0) <= 90;
const monthNo = (s: string): number => MONTHS[s.toLowerCase().replace(".", "")] ?? 0;
const lc = (s: string | undefined): string => (s ?? "").toLowerCase().replace(/\s+/g, " ");

/** "May" the modal verb, not the month; "May God …" a wish. */
const MODAL_NEXT = /^\s+(?:be|have|not|also|well|need|take|make|come|go|get|want|seem|become|help|include|lead|cause|prove|face|result|want|still|even|never|soon|yet|i|we|you|he|she|it|they|god|allah)\b/i;
/** Words before a month alone that make it a date ("in May", "Last June", "early April"), though capitalised. */
const BEFORE_MONTH = /^(?:in|on|by|since|until|till|through|from|to|of|for|during|before|after|last|this|next|early|late|mid|each|every|that|and|or|but|as|when|then)$/i;
/** Verbs of saying right after a name, which a month does not do ("June said", "May told reporters"). */
const SAID_AFTER = /^\s+(?:said|says|told|tells|added|argued|insisted|warned|wrote|tweeted|announced|replied|responded|defended|declared|urged)\b/;

/** Honorifics and titles written before a surname ("Mrs May", "Sen. June"). */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sen|Rep|Gov|Prof|Sir|Lady|Dame|Lord|Minister|Secretary|Chancellor|President)$/;

/**
 * A month's name alone that is a person's or a place's name: not after a function word or another word opening a
 * date ("in May", "Last June", "The May report", "released in May said"), but before a verb of saying ("May said"),
 * or after a capitalised word ("Prime Minister May", "Ann June", "Cape May"), where a word opening its sentence counts
 * only as an honorific ("Mrs May"; not "Come January", "Nearly May").
 */
function personMonth(g: Record<string, string | undefined>, text: string, s: number, e: number): boolean {
  // (a month with a word of its own, "late May", "last June", is a date)
  if (e - s !== g.mon!.length) return false;
  const pre = text.slice(Math.max(0, s - 40), s);
  const m = /([\p{L}.]+)\s+$/u.exec(pre);
  const w = m?.[1]!.replace(/\.$/, "");
  // (after a function word or a word opening a date, a date whatever follows: "released in May said")
  if (w !== undefined && (BEFORE_MONTH.test(w) || STOPWORDS.has(w.toLowerCase()))) return false;
  if (SAID_AFTER.test(text.slice(e, e + 14))) return true;
  if (!m || !/^\p{Lu}/u.test(m[1]!)) return false;
  const lead = pre.slice(0, m.index).trimEnd();
  const opens = m[1]!.endsWith(".") || lead === "" || /[.!?:;"\u201c\u201d\u2018\u2019(\n]$/u.test(lead);
  return HONORIFIC.test(w!) || !opens;
}

function monthOk(mon: string | undefined, text: string, end: number): boolean {
  if (!cap(mon)) return false;
  if (/^may$/i.test(mon!) && MODAL_NEXT.test(text.slice(end, end + 12))) return false;
  return true;
}

// ---------------------------------------------------------------- resolution helpers

const unresolved = (value: string): Timex => ({ type: "date", value, anchor: "unresolved" });

function dayCmp(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** A month/day with no year: the year that puts it on the tense's side of the DCT. */
function yearFor(m: number, d: number | null, dct: Day, tense: Tense): number {
  const same: Day = { y: dct.y, m, d: d ?? 1 };
  const cmp = d === null ? m - dct.m : dayCmp(same, dct);
  if (tense === "past") return cmp <= 0 ? dct.y : dct.y - 1;
  if (tense === "future") return cmp >= 0 ? dct.y : dct.y + 1;
  // unknown: the nearer of this year's and the neighbouring one
  if (cmp === 0) return dct.y;
  const dist = (y: number) => Math.abs((y - dct.y) * 12 + (m - dct.m) + (d === null ? 0 : (d - dct.d) / 31));
  const other = cmp > 0 ? dct.y - 1 : dct.y + 1;
  return dist(other) < dist(dct.y) ? other : dct.y;
}

function shiftWeekday(dct: Day, wd: number, dir: "past" | "future" | "this"): Day {
  const cur = weekday(dct);
  if (dir === "past") return addDays(dct, -((cur - wd + 7) % 7));
  // a weekday named in the future tense on that very weekday is most often the same day ("will speak Friday")
  if (dir === "future") return addDays(dct, (wd - cur + 7) % 7);
  return addDays(dct, wd - cur);
}

function tense(ctx: Ctx, start: number, end: number): Tense {
  return tenseAround(ctx.text, start, end);
}

function numValue(raw: string | undefined): number | null {
  const s = lc(raw);
  if (!s || VAGUE_QUANTITY.has(s)) return null;
  if (/^half an?$/.test(s) || s === "a half") return 0.5;
  if (s in NUMBER_WORDS) return NUMBER_WORDS[s]!;
  const frac = /^([\d,.]+)\s+(\d)\/(\d)$/.exec(s);
  if (frac) return Number(frac[1]!.replace(/,/g, "")) + Number(frac[2]) / Number(frac[3]);
  const n = Number(s.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

function unitKey(raw: string | undefined): string {
  const u = lc(raw);
  if (u === "centuries") return "century";
  if (u === "millennia") return "millennium";
  return u.endsWith("s") ? u.slice(0, -1) : u;
}

/** ISO 8601 duration for n units (null n: unknown amount). */
export function durationValue(n: number | null, unit: string): string {
  const code = UNITS[unit] ?? "X";
  const time = code.startsWith("T");
  const c = time ? code.slice(1) : code;
  if (n === null) return time ? `PTX${c}` : `PX${c}`;
  if (c === "DE") return `P${fmtNum(n * 10)}Y`;
  if (c === "CE") return `P${fmtNum(n * 100)}Y`;
  if (c === "ML") return `P${fmtNum(n * 1000)}Y`;
  if (c === "2W") return `P${fmtNum(n * 2)}W`;
  if (c === "WE") return `P${fmtNum(n * 2)}D`;
  const whole = Math.floor(n), frac = n - whole;
  if (frac > 0) {
    const sub: Record<string, [string, number, boolean]> = {
      Y: ["M", 12, false], M: ["D", 30, false], W: ["D", 7, false], D: ["H", 24, true], H: ["M", 60, true], M_T: ["S", 60, true], Q: ["M", 3, false],
    };
    const s = sub[time && c === "M" ? "M_T" : c];
    const k = s ? frac * s[1] : 0;
    if (s && Number.isInteger(k)) {
      const head = whole ? `${whole}${c}` : "";
      if (time) return `PT${head}${k}${s[0]}`;
      return s[2] ? `P${head}T${k}${s[0]}` : `P${head}${k}${s[0]}`;
    }
  }
  return time ? `PT${fmtNum(n)}${c}` : `P${fmtNum(n)}${c}`;
}
const fmtNum = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2))));

/** The date n units before (n < 0: after) the DCT, at the unit's granularity. */
function dctMinus(dct: Day, n: number, unit: string): string | null {
  if (!Number.isInteger(n)) return null;
  switch (unit) {
    case "year": return pad(dct.y - n, 4);
    case "decade": return pad(Math.floor((dct.y - 10 * n) / 10), 3);
    case "century": return pad(Math.floor((dct.y - 100 * n) / 100), 2);
    case "month": { const x = addMonths(dct, -n); return fmtMonth(x.y, x.m); }
    case "quarter": { const x = addMonths(dct, -3 * n); return `${pad(x.y, 4)}-Q${quarterOf(x.m)}`; }
    case "week": return fmtWeek(addDays(dct, -7 * n));
    case "fortnight": return fmtWeek(addDays(dct, -14 * n));
    case "day": case "night": return fmtDay(addDays(dct, -n));
    default: return null;
  }
}

const qValue = (y: number, q: number): string => `${pad(y, 4)}-Q${q}`;
function qShift(x: { y: number; q: number }, n: number): { y: number; q: number } {
  const k = x.y * 4 + (x.q - 1) + n;
  return { y: Math.floor(k / 4), q: (k % 4) + 1 };
}

/** The year a relative word points to. */
function relYear(rel: string, ctx: Ctx): { y: number; anchor: Anchor } | null {
  const dct = ctx.dct;
  switch (rel) {
    case "this": case "the current": case "this coming": case "coming":
      return dct ? { y: dct.y, anchor: "publication_date" } : null;
    case "last": case "the past": case "this past": case "past":
      return dct ? { y: dct.y - 1, anchor: "publication_date" } : null;
    case "next": case "the coming":
      return dct ? { y: dct.y + 1, anchor: "publication_date" } : null;
    case "that": case "the same":
      return ctx.year !== null ? { y: ctx.year, anchor: "inferred" } : null;
    case "the following":
      return ctx.year !== null ? { y: ctx.year + 1, anchor: "inferred" } : dct ? { y: dct.y + 1, anchor: "publication_date" } : null;
    case "the previous":
      return ctx.year !== null ? { y: ctx.year - 1, anchor: "inferred" } : dct ? { y: dct.y - 1, anchor: "publication_date" } : null;
    default:
      return null;
  }
}

// ---------------------------------------------------------------- rules

const SPOKEN_YEAR = "(?<sy>(?:nineteen|eighteen)\\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two thousand(?:\\s+and\\s+(?:one|two|three|four|five|six|seven|eight|nine))?)\\b";

/** "nineteen ninety-six" → 1996, "two thousand and one" → 2001. */
function spokenYear(raw: string): number {
  const s = lc(raw);
  const k = /^two thousand(?: and (\w+))?$/.exec(s);
  if (k) return 2000 + (k[1] ? NUMBER_WORDS[k[1]] ?? 0 : 0);
  const [cent, ...rest] = s.split(" ");
  return (cent === "nineteen" ? 1900 : 1800) + (NUMBER_WORDS[rest.join(" ")] ?? 0);
}

/** How a month or month-day with no year picks its year: the nearer candidate wins; tense is too weak a cue here. */
const MONTH_TENSE = "hybrid" as "hybrid" | "nearest";

/** The nearer year, unless the clause's tense points the other way and the nearer date is more than a quarter away. */
function yearByTense(m: number, d: number | null, dct: Day, t: Tense): number {
  const near = yearFor(m, d, dct, "unknown");
  if (t === "unknown") return near;
  const byTense = yearFor(m, d, dct, t);
  if (byTense === near) return near;
  const months = Math.abs((near - dct.y) * 12 + (m - dct.m) + (d === null ? 0 : (d - dct.d) / 31));
  return months <= NEAR_MONTHS ? near : byTense;
}
const NEAR_MONTHS = 3;

const rules: Rule[] = [];
const rule = (name: string, source: string, run: Rule["run"], ok?: Rule["ok"], flags = "gi"): void => {
  // white space within a line: an expression never spans a line break, which lets LINE_GATES run a rule line by line
  rules.push({ name, re: new RegExp(source.replaceAll("\\s", "[^\\S\\n]"), flags), run, ...(ok ? { ok } : {}) });
};

/** Resolves a weekday name (with an optional "last"/"next" word) against the DCT. */
function weekdayValue(wdName: string, pre: string, ctx: Ctx, start: number, end: number): { value: string; anchor: Anchor } {
  const wd = WEEKDAYS[wdName.toLowerCase()]!;
  if (!ctx.dct) return { value: `XXXX-WXX-${wd}`, anchor: "unresolved" };
  let dir: "past" | "future" | "this";
  if (pre === "last" || pre === "this past" || pre === "the previous" || pre === "earlier" || pre === "early" || pre === "late") dir = "past";
  else if (pre === "next" || pre === "this coming" || pre === "the following" || pre === "later") dir = "future";
  else if (pre === "this") dir = "this";
  else dir = tense(ctx, start, end) === "future" ? "future" : "past";
  let day = shiftWeekday(ctx.dct, wd, dir);
  if ((pre === "last" || pre === "the previous") && dayCmp(day, ctx.dct) === 0) day = addDays(day, -7);
  if ((pre === "next" || pre === "this coming" || pre === "the following") && dayCmp(day, ctx.dct) === 0) day = addDays(day, 7);
  return { value: fmtDay(day), anchor: "publication_date" };
}

/** A month (and day) with no year, resolved by tense or by a "last"/"next" word. */
function monthDayValue(m: number, d: number | null, rel: string, ctx: Ctx, start: number, end: number): { value: string; anchor: Anchor } {
  const tail = d === null ? pad(m) : `${pad(m)}-${pad(d)}`;
  if (!ctx.dct) return { value: `XXXX-${tail}`, anchor: "unresolved" };
  let y: number;
  if (rel === "last" || rel === "this past" || rel === "past") y = m < ctx.dct.m || (d !== null && m === ctx.dct.m && d < ctx.dct.d) ? ctx.dct.y : ctx.dct.y - 1;
  else if (rel === "next" || rel === "this coming" || rel === "coming") y = m > ctx.dct.m || (d !== null && m === ctx.dct.m && d > ctx.dct.d) ? ctx.dct.y : ctx.dct.y + 1;
  else if (rel === "this") y = ctx.dct.y;
  else y = yearByTense(m, d, ctx.dct, MONTH_TENSE === "nearest" ? "unknown" : tense(ctx, start, end));
  if (d !== null && d > 28) {
    const probe = parseDay(`${pad(y, 4)}-${tail}`);
    if (!probe) return { value: `XXXX-${tail}`, anchor: "unresolved" };
  }
  return { value: `${pad(y, 4)}-${tail}`, anchor: "publication_date" };
}

function validDay(y: number | null, m: number, d: number): boolean {
  if (d < 1 || d > 31) return false;
  return y === null ? d <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]! : parseDay(`${pad(y, 4)}-${pad(m)}-${pad(d)}`) !== null;
}

/** A month and day, with the year when written: the value of the "month-day" and "day-month" rules. */
const monthDay: Rule["run"] = (g, ctx, s, e) => {
  const m = monthNo(g.mon!), d = Number(g.day);
  if (g.year) {
    const y = Number(g.year);
    if (!validDay(y, m, d)) return null;
    ctx.year = y;
    return { type: "date", value: `${g.year}-${pad(m)}-${pad(d)}`, anchor: "absolute" };
  }
  return { type: "date", ...monthDayValue(m, d, "", ctx, s, e) };
};

// Month day[, year], with an optional weekday in front: "Friday, Oct. 13, 1989", "Sept. 14"
rule(
  "month-day",
  `\\b(?:(?<aro>around|about|on or about)\\s+(?=${MONTH_RE}))?(?:${WD},?\\s+)?${MON}\\s+(?<day>[0-3]?\\d)(?:st|nd|rd|th)?(?!\\d|:\\d|\\.\\d|-\\d|\\s*(?:%|percent|million|billion))(?:,?\\s+${YEAR}(?!\\d))?`,
  monthDay,
  (g, text, _s, e) => monthOk(g.mon, text, e) && (g.wd === undefined || cap(g.wd)) && validDay(null, monthNo(g.mon!), Number(g.day)),
);

// Day month [year]: "14 September 2017", "the 14th of September"
rule(
  "day-month",
  `\\b(?:the\\s+)?(?<day>[0-3]?\\d)(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MON}(?!\\s*\\d{1,2}\\b)(?:,?\\s+${YEAR}(?!\\d))?`,
  monthDay,
  (g, text, s, e) => monthOk(g.mon, text, e) && validDay(null, monthNo(g.mon!), Number(g.day)) && !/[\d$.,]$/.test(text.slice(Math.max(0, s - 1), s)),
);

// Month with a spoken ordinal day: "March eighth"
rule(
  "month-ordinal",
  `\\b${MON}\\s+(?:the\\s+)?(?<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|thirtieth)\\b`,
  (g, ctx, s, e) => ({ type: "date", ...monthDayValue(monthNo(g.mon!), ORDINALS[lc(g.ord)] ?? (lc(g.ord) === "thirtieth" ? 30 : 1), "", ctx, s, e) }),
  (g, text, _s, e) => monthOk(g.mon, text, e),
);

// ISO and US numeric dates: 2017-09-13, 9/13/2017
rule("iso-date", `\\b(?<year>(?:19|20)\\d\\d)-(?<m>[01]\\d)-(?<d>[0-3]\\d)(?![\\d-])`, (g) => {
  const y = Number(g.year), m = Number(g.m), d = Number(g.d);
  return m >= 1 && m <= 12 && validDay(y, m, d) ? { type: "date", value: `${g.year}-${g.m}-${g.d}`, anchor: "absolute" } : null;
});
rule("us-date", `(?<![\\d/.])\\b(?<m>1[0-2]|0?[1-9])/(?<d>3[01]|[12]\\d|0?[1-9])/(?<year>(?:19|20)\\d\\d)(?![\\d/])`, (g) => {
  const y = Number(g.year), m = Number(g.m), d = Number(g.d);
  return validDay(y, m, d) ? { type: "date", value: `${g.year}-${pad(m)}-${pad(d)}`, anchor: "absolute" } : null;
});

// Month year: "August 1998", "mid-November 2001", "June last year"
rule(
  "month-year",
  `\\b(?:${EDGE}[- ]?)?${MON},?\\s+(?:of\\s+)?(?:${YEAR}(?!\\d)|(?<rel>this|last|next) year\\b|${SPOKEN_YEAR})`,
  (g, ctx) => {
    const m = monthNo(g.mon!);
    const y = g.year ? Number(g.year) : g.sy ? spokenYear(g.sy) : null;
    if (y !== null) {
      ctx.year = y;
      ctx.month = { y, m };
      return { type: "date", value: fmtMonth(y, m), anchor: "absolute" };
    }
    const r = relYear(lc(g.rel), ctx);
    return r ? { type: "date", value: fmtMonth(r.y, m), anchor: r.anchor } : unresolved(`XXXX-${pad(m)}`);
  },
  (g, text, _s, e) => monthOk(g.mon, text, e),
);

// Month alone: "in July", "last April", "early September", "mid-November"
rule(
  "month",
  `\\b(?:${EDGE}[- ]?)?(?:(?<rel>last|this|next|this past|this coming|past|coming)\\s+)?${MON}(?!\\.?\\s*\\d)\\b`,
  (g, ctx, s, e) => {
    const r = monthDayValue(monthNo(g.mon!), null, lc(g.rel), ctx, s, e);
    if (!r.value.startsWith("X")) ctx.month = { y: Number(r.value.slice(0, 4)), m: monthNo(g.mon!) };
    return { type: "date", ...r };
  },
  (g, text, s, e) => monthOk(g.mon, text, e) && /^(?:[a-z]{5,}|may|june|july)\.?$/i.test(g.mon!) && !/^\s*(?:\d|[A-Z][a-z]+ [A-Z])/.test(text.slice(e, e + 3)) && !personMonth(g, text, s, e),
);

// Seasons: "this summer", "last fall", "the winter of 1994", "spring 2016"
rule(
  "season",
  `\\b(?:(?<det>the)\\s+)?(?:(?<edge>early|late|mid)[- ]?)?(?:(?<rel>this past|this coming|this|last|next|past|coming)\\s+)?(?<season>spring|summer|fall|autumn|winter)(?:\\s+(?:of\\s+)?(?:${YEAR}(?!\\d)|${SPOKEN_YEAR}))?\\b`,
  (g, ctx, s, e) => {
    const code = SEASONS[lc(g.season)]!;
    if (g.year || g.sy) {
      const y = g.year ? Number(g.year) : spokenYear(g.sy!);
      ctx.year = y;
      return { type: "date", value: `${y}-${code}`, anchor: "absolute" };
    }
    const rel = lc(g.rel);
    if (!ctx.dct) return unresolved(`XXXX-${code}`);
    const sm = SEASON_MONTH[code]!;
    const cur = ctx.dct.m;
    const inSeason = code === "WI" ? cur === 12 || cur <= 2 : cur >= sm && cur < sm + 3;
    const seasonYear = code === "WI" && cur <= 2 ? ctx.dct.y - 1 : ctx.dct.y;
    let y: number;
    if (rel === "this" || rel === "this coming" || rel === "coming") y = inSeason ? seasonYear : sm > cur ? ctx.dct.y : rel === "this" ? ctx.dct.y : ctx.dct.y + 1;
    else if (rel === "last" || rel === "this past" || rel === "past") y = sm < cur && !inSeason ? ctx.dct.y : inSeason ? seasonYear - 1 : ctx.dct.y - 1;
    else if (rel === "next") y = sm > cur ? ctx.dct.y : ctx.dct.y + 1;
    else y = inSeason ? seasonYear : tense(ctx, s, e) === "future" ? (sm > cur ? ctx.dct.y : ctx.dct.y + 1) : sm < cur ? ctx.dct.y : ctx.dct.y - 1;
    return { type: "date", value: `${pad(y, 4)}-${code}`, anchor: "publication_date" };
  },
  // a bare season word needs "the", a relative word or a year: "spring training" is not a date
  (g) => !!(g.rel || g.year || g.sy || g.det || g.edge),
);

// Years: "in 2016", "fiscal 1989", "mid-1990", "the end of 1998"
rule(
  "year",
  `(?<![\\d$£€#.,\\/-])\\b(?:(?<edge>${EDGE})[- ]?)?(?:(?<fis>fiscal|calendar|FY)[ -]?)?${YEAR}\\b${NOT_NUM_AFTER}(?!-(?:\\d|[a-z]+-old))`,
  (g, ctx) => {
    ctx.year = Number(g.year);
    const half = /first half/i.test(g.edge ?? "") ? "-H1" : /second half/i.test(g.edge ?? "") ? "-H2" : "";
    return { type: "date", value: g.year! + half, anchor: "absolute" };
  },
  (g, text, s, e) => {
    if (g.fis) return true;
    const before = text.slice(Math.max(0, s - 14), s);
    if (/\b(?:about|nearly|some|over|than|roughly|approximately|around|almost|under|No\.|number|Nos?\.|Room|page|Rte\.|Route|Highway|Interstate|Flight|flight|[Mm]odel)\s*$/.test(before)) return false;
    if (/^\s*(?:people|persons|men|women|troops|soldiers|residents|members|workers|employees|jobs|cars|units|shares|votes|homes|acres|feet|miles|meters|tons|pounds|dollars|euros|times)\b/.test(text.slice(e, e + 12))) return false;
    return true;
  },
);

// Spoken years: "nineteen ninety-six", "the year two thousand"
rule(
  "spoken-year",
  `\\b(?:the year\\s+)?(?:(?<cent>nineteen|eighteen)\\s+(?<yy>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?<k>two thousand)(?:\\s+and\\s+(?<kk>one|two|three|four|five|six|seven|eight|nine))?)\\b`,
  (g, ctx) => {
    const y = g.k ? 2000 + (g.kk ? NUMBER_WORDS[lc(g.kk)]! : 0) : (lc(g.cent) === "nineteen" ? 1900 : 1800) + (NUMBER_WORDS[lc(g.yy)] ?? 0);
    ctx.year = y;
    return { type: "date", value: String(y), anchor: "absolute" };
  },
  (g, text, s) => !!g.cent || /^the year/i.test(text.slice(s, s + 8)),
);

// Decades: "the 1990s", "the late '80s", "the nineties"
rule(
  "decade",
  `\\b(?:(?<det>the)\\s+)?(?:(?<edge>early|late|mid)[- ]?)?(?:(?<dec4>(?:1[5-9]|20)\\d0)'?s|'(?<dec2>\\d0)'?s|(?<dec2b>\\d0)s|(?<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\\b`,
  (g, ctx) => {
    if (g.dec4) return { type: "date", value: g.dec4.slice(0, 3), anchor: "absolute" };
    const tens = g.word ? DECADE_WORDS[lc(g.word)]! : Number((g.dec2 ?? g.dec2b)![0]);
    const cy = ctx.dct ? Math.floor(ctx.dct.y / 100) : 19;
    const century = ctx.dct && tens * 10 > (ctx.dct.y % 100) ? cy - 1 : cy;
    return { type: "date", value: `${century}${tens}`, anchor: ctx.dct ? "publication_date" : "inferred" };
  },
  (g, text, s) => !!g.dec4 || (!!g.det && !/\b(?:his|her|their|its|in their|in his|in her|early|late|mid)\s*$/i.test(text.slice(Math.max(0, s - 12), s))) || (!!g.dec2 && true),
);

// Centuries: "the 20th century", "the nineteenth century"
rule(
  "century",
  `\\b(?:the\\s+)?(?:(?<edge>early|late|mid)[- ]?)?(?:(?<n>\\d{1,2})(?:st|nd|rd|th)|(?<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty first))[- ]century\\b(?!-)`,
  (g) => {
    const n = g.n ? Number(g.n) : ORDINALS[lc(g.w)]!;
    return { type: "date", value: pad(n - 1, 2), anchor: "absolute" };
  },
);

// Quarters with an ordinal: "the third quarter", "third-quarter", "the fiscal first quarter of 1998", "1998's second quarter"
rule(
  "quarter",
  `\\b(?:(?<det>the)\\s+)?(?:(?<yr>(?:19|20)\\d\\d)(?:'s)?\\s+|(?<rel>this|last|next) year's\\s+)?(?:(?<ya>year-ago|year-earlier|year-before|prior-year|comparable|corresponding)\\s+)?(?:(?<fis>fiscal|calendar)[- ])?${ORD}[- ](?:fiscal[- ])?(?:quarter|qtr\\.?)(?![- ]century)\\b(?:\\s+(?:of\\s+)?(?:(?:fiscal|calendar)\\s+)?(?:${YEAR}\\b(?!,\\d)|(?<rel2>this|last|next) year\\b))?`,
  (g, ctx, s, e) => {
    const q = ORDINALS[lc(g.ord)]!;
    const yx = g.year ?? g.yr;
    let y: number, anchor: Anchor;
    if (yx) {
      y = Number(yx);
      anchor = "absolute";
      ctx.year = y;
    } else if (g.rel || g.rel2) {
      const r = relYear(lc(g.rel ?? g.rel2), ctx);
      if (!r) return unresolved(`XXXX-Q${q}`);
      y = r.y;
      anchor = r.anchor;
    } else if (ctx.dct) {
      const dq = quarterOf(ctx.dct.m);
      const fut = tense(ctx, s, e) === "future";
      y = q > dq && !fut ? ctx.dct.y - 1 : q < dq && fut && q < dq - 1 ? ctx.dct.y + 1 : ctx.dct.y;
      anchor = "publication_date";
    } else return unresolved(`XXXX-Q${q}`);
    if (g.ya && /year|prior/.test(lc(g.ya))) return { type: "date", value: qValue(y - 1, q), anchor };
    ctx.quarter = { y, q };
    return { type: "date", value: qValue(y, q), anchor };
  },
);

// "Q3", "Q3 2017", "2017 Q3"
rule(
  "q-number",
  `\\b(?:(?<yr>(?:19|20)\\d\\d)\\s+)?Q(?<q>[1-4])\\b(?:\\s+(?:of\\s+)?(?<year>(?:19|20)\\d\\d)\\b)?`,
  (g, ctx) => {
    const q = Number(g.q), yx = g.year ?? g.yr;
    if (yx) {
      ctx.quarter = { y: Number(yx), q };
      return { type: "date", value: qValue(Number(yx), q), anchor: "absolute" };
    }
    if (!ctx.dct) return unresolved(`XXXX-Q${q}`);
    const dq = quarterOf(ctx.dct.m);
    const y = q > dq ? ctx.dct.y - 1 : ctx.dct.y;
    ctx.quarter = { y, q };
    return { type: "date", value: qValue(y, q), anchor: "publication_date" };
  },
  undefined,
  "g",
);

// Quarters by reference: "the quarter", "the latest quarter", "last quarter", "the year-ago period"
const QADJ = "(?<adj>latest|current|recent|most recent|past|previous|prior|preceding|same|comparable|corresponding|year-ago|year-earlier|year-before|prior-year|previous-year|comparable year-ago|comparable year-earlier|just-ended|just-completed|recently completed|recently ended|fiscal)";
rule(
  "quarter-ref",
  `\\b(?:(?<det>the|this|that|last|next|last year's|this year's)\\s+)(?:(?<yr>(?:19|20)\\d\\d)\\s+)?(?:${QADJ}\\s+)?(?<what>quarter|period)\\b(?:\\s+(?<ly>a year (?:ago|earlier)|last year|of last year|the year before|a year before))?(?=(?<ended>\\s+(?:ended|ending|that ended|which ended)\\s+(?<emon>${MONTH_RE})\\s+(?<eday>[0-3]?\\d)\\b)?)`,
  (g, ctx) => {
    const det = lc(g.det), adj = lc(g.adj);
    if (g.ended && g.emon && cap(g.emon) && ctx.dct) {
      // "the quarter ended Sept. 30": the calendar quarter that the closing day falls in
      const em = monthNo(g.emon), ed = Number(g.eday);
      const yv = g.yr ? Number(g.yr) : yearFor(em, ed, ctx.dct, "past");
      ctx.quarter = { y: yv, q: quarterOf(em) };
      return { type: "date", value: qValue(yv, quarterOf(em)), anchor: g.yr ? "absolute" : "publication_date" };
    }
    if (g.yr) {
      const yv = Number(g.yr);
      if (ctx.quarter) return { type: "date", value: qValue(yv, ctx.quarter.q), anchor: "inferred" };
      return { type: "date", value: g.yr, anchor: "absolute" };
    }
    if (det === "last year's" || det === "this year's") {
      const yv = ctx.dct ? ctx.dct.y - (det === "last year's" ? 1 : 0) : null;
      if (yv === null) return unresolved("XXXX-QX");
      const q = ctx.quarter?.q ?? (ctx.dct ? quarterOf(ctx.dct.m) : 1);
      return { type: "date", value: qValue(yv, q), anchor: ctx.quarter ? "inferred" : "publication_date" };
    }
    const back = /year-|prior-year|previous-year/.test(adj) || !!g.ly;
    let base: { y: number; q: number } | null;
    let anchor: Anchor;
    const dq = ctx.dct ? { y: ctx.dct.y, q: quarterOf(ctx.dct.m) } : null;
    if (det === "this" || adj === "current") { base = dq; anchor = "publication_date"; }
    else if (det === "next") { base = dq && qShift(dq, 1); anchor = "publication_date"; }
    else if (det === "last" && !ctx.quarter) { base = dq && qShift(dq, -1); anchor = "publication_date"; }
    else if (ctx.quarter) {
      base = adj === "previous" || adj === "preceding" || adj === "prior" ? qShift(ctx.quarter, -1) : ctx.quarter;
      anchor = "inferred";
    } else { base = dq && qShift(dq, -1); anchor = "publication_date"; }
    if (!base) return unresolved("XXXX-QX");
    if (back) base = { y: base.y - 1, q: base.q };
    else ctx.quarter = base;
    return { type: "date", value: qValue(base.y, base.q), anchor };
  },
  // "the period" alone is too loose: a period needs an adjective that makes it a reporting period
  (g) => lc(g.what) === "quarter" || !!g.yr || (!!g.adj && lc(g.adj) !== "past" && lc(g.adj) !== "fiscal" && lc(g.adj) !== "recent"),
);

// Halves: "the first half", "the second half of 1998"
rule(
  "half",
  `\\b(?:(?<det>the)\\s+)?(?:(?<yr>(?:19|20)\\d\\d)\\s+)?(?<ord>first|second|last)[- ]half\\b(?:\\s+of\\s+(?:(?:fiscal|calendar)\\s+)?(?:${YEAR}\\b|(?<rel>this|last|next) year\\b))?`,
  (g, ctx, s, e) => {
    const h = lc(g.ord) === "first" ? 1 : 2;
    const yx = g.year ?? g.yr;
    if (yx) return { type: "date", value: `${yx}-H${h}`, anchor: "absolute" };
    if (g.rel) {
      const r = relYear(lc(g.rel), ctx);
      return r ? { type: "date", value: `${pad(r.y, 4)}-H${h}`, anchor: r.anchor } : unresolved(`XXXX-H${h}`);
    }
    if (!ctx.dct) return unresolved(`XXXX-H${h}`);
    const dh = ctx.dct.m <= 6 ? 1 : 2;
    const fut = tense(ctx, s, e) === "future";
    const y = h > dh && !fut ? ctx.dct.y - 1 : ctx.dct.y;
    return { type: "date", value: `${pad(y, 4)}-H${h}`, anchor: "publication_date" };
  },
  // a half of something else ("the first half of the game") is not a date
  (g, text, _s, e) => !!(g.yr || g.year || g.rel) || !/^\s+of\s+(?!the year|this|last|next|fiscal)/i.test(text.slice(e, e + 20)),
);

// Relative calendar units: "last year", "this month", "next week", "earlier this year", "the following year"
rule(
  "relative-unit",
  `\\b(?:(?<pre>earlier|later|early|late|mid|the end of|the beginning of|the start of|the middle of|the rest of|the remainder of|the first half of|the second half of|sometime|some time)[- ]?\\s*)?${REL}\\s+(?<unit>year|month|week|weekend|decade|century)\\b(?!-)`,
  (g, ctx) => {
    const rel = lc(g.rel), unit = lc(g.unit);
    if (unit === "year") {
      const r = relYear(rel, ctx);
      if (!r) return rel === "that" || rel === "the same" ? null : unresolved("XXXX");
      if (r.anchor === "inferred") return { type: "date", value: pad(r.y, 4), anchor: r.anchor };
      return { type: "date", value: pad(r.y, 4), anchor: r.anchor };
    }
    if (unit === "month" && ctx.month && (rel === "that" || rel === "the same" || rel === "the following" || rel === "the previous")) {
      const k = rel === "the following" ? 1 : rel === "the previous" ? -1 : 0;
      const x = addMonths({ y: ctx.month.y, m: ctx.month.m, d: 1 }, k);
      return { type: "date", value: fmtMonth(x.y, x.m), anchor: "inferred" };
    }
    if (rel === "that" || rel === "the same") return null;
    const n = rel === "this" || rel === "the current" ? 0 : rel === "next" || rel === "the coming" || rel === "this coming" || rel === "coming" || rel === "the following" ? -1 : 1;
    if (!ctx.dct) return unresolved(unit === "month" ? "XXXX-XX" : unit === "week" ? "XXXX-WXX" : unit === "weekend" ? "XXXX-WXX-WE" : unit === "decade" ? "XXX" : unit === "century" ? "XX" : "XXXX");
    if (unit === "weekend") {
      const sat = shiftWeekday(ctx.dct, 6, n === 1 ? "past" : n === -1 ? "future" : "this");
      return { type: "date", value: `${fmtWeek(sat)}-WE`, anchor: "publication_date" };
    }
    const v = dctMinus(ctx.dct, n, unit);
    return v ? { type: "date", value: v, anchor: "publication_date" } : null;
  },
);

// "the year", "the current fiscal year", "the year ended June 30" (a reporting year: a duration)
rule(
  "the-year",
  `\\bthe\\s+(?<adj>(?:(?:current|full|latest|past|previous|prior|entire|whole|fiscal|calendar)\\s+){0,2})year\\b(?![-'’])(?<ended>\\s+(?:ended|ending|that ended|which ended|through|to)\\b)?`,
  (g, ctx) => {
    if (g.ended) return { type: "duration", value: "P1Y", anchor: "absolute" };
    if (!ctx.dct) return unresolved("XXXX");
    const back = /latest|past|previous|prior/.test(lc(g.adj));
    return { type: "date", value: pad(ctx.dct.y - (back ? 1 : 0), 4), anchor: "publication_date" };
  },
  // "of the year" after an award noun, and "the year before/after" (relative to another event), are not the DCT year
  (g, text, s, e) => !!g.adj?.trim() || !!g.ended || (!/\b(?:of|in)\s+$/i.test(text.slice(Math.max(0, s - 4), s)) || /^\s*[,.;]/.test(text.slice(e, e + 2))) && !/^\s+(?:before|after|earlier|later|in which|when)\b/i.test(text.slice(e, e + 12)),
);

// Year-over-year adjectives: "year-earlier results", "year-end", "by year's end"
rule(
  "year-adj",
  `\\b(?:(?<around>around|about)\\s+)?(?<w>year-earlier|year-ago|year-before|year-end|year end|year's end|yearend)\\b`,
  (g, ctx) => {
    const w = lc(g.w);
    if (/end/.test(w)) return ctx.dct ? { type: "date", value: pad(ctx.dct.y, 4), anchor: "publication_date" } : unresolved("XXXX");
    if (ctx.quarter) return { type: "date", value: qValue(ctx.quarter.y - 1, ctx.quarter.q), anchor: "inferred" };
    return ctx.dct ? { type: "date", value: pad(ctx.dct.y - 1, 4), anchor: "publication_date" } : unresolved("XXXX");
  },
);

// "earlier in the year", "later in the week"
rule("in-the-unit", `\\b(?:earlier|later)\\s+in\\s+the\\s+(?<unit>year|month|week|day)\\b`, (g, ctx) => {
  if (!ctx.dct) return unresolved("XXXX");
  const v = dctMinus(ctx.dct, 0, lc(g.unit));
  return v ? { type: "date", value: v, anchor: "publication_date" } : null;
});

// Unknown amounts: "for a while", "over the years", "the first hours", "the next few days"
rule(
  "vague-duration",
  `\\b(?:(?<lead>for\\s+)a\\s+(?:long\\s+|short\\s+|little\\s+)?(?<while>while)|(?<lead2>over\\s+)the\\s+(?<unit>years|decades|months)|the\\s+(?:first|last|past|next|early|final|coming|following|previous|remaining|initial)\\s+(?<unit2>years|months|weeks|days|hours|minutes|decades))\\b`,
  (g) => ({ type: "duration", value: g.while ? "PXX" : durationValue(null, unitKey(g.unit ?? g.unit2)), anchor: "absolute" }),
);

// "recent weeks", "in recent months": an unknown stretch up to now
rule("recent-plural", `\\brecent\\s+(?<unit>days|weeks|months|quarters)(?:\\s+and\\s+(?:weeks|months|years))?\\b`, (g) => ({ type: "duration", value: durationValue(null, unitKey(g.unit)), anchor: "absolute" }));

// "for the week", "the week's most active session": the current week
rule("the-week", `\\bthe\\s+week\\b(?!\\s+(?:before|after|of|ending|ended|to|that|when|in which)\\b)(?!-)`, (_g, ctx) =>
  ctx.dct ? { type: "date", value: fmtWeek(ctx.dct), anchor: "publication_date" } : unresolved("XXXX-WXX"));

// "the weekend"
rule("the-weekend", `\\bthe\\s+(?<w>weekend)\\b`, (_g, ctx, s, e) => {
  if (!ctx.dct) return unresolved("XXXX-WXX-WE");
  const sat = shiftWeekday(ctx.dct, 6, tense(ctx, s, e) === "future" ? "future" : "past");
  return { type: "date", value: `${fmtWeek(sat)}-WE`, anchor: "publication_date" };
});

// "year-end", "the end of the year", "the end of the month"
rule(
  "end-of",
  `\\b(?:(?<det>the)\\s+)?(?:(?<w>end|beginning|start|middle)\\s+of\\s+the\\s+(?<unit>year|month|week|decade|quarter))\\b`,
  (g, ctx) => {
    if (!ctx.dct) return unresolved("XXXX");
    const unit = lc(g.unit);
    if (unit === "year") return { type: "date", value: pad(ctx.dct.y, 4), anchor: "publication_date" };
    if (unit === "month") return { type: "date", value: fmtMonth(ctx.dct.y, ctx.dct.m), anchor: "publication_date" };
    if (unit === "week") return { type: "date", value: fmtWeek(ctx.dct), anchor: "publication_date" };
    if (unit === "quarter") {
      const q = ctx.quarter ?? { y: ctx.dct.y, q: quarterOf(ctx.dct.m) };
      return { type: "date", value: qValue(q.y, q.q), anchor: ctx.quarter ? "inferred" : "publication_date" };
    }
    return { type: "date", value: pad(Math.floor(ctx.dct.y / 10), 3), anchor: "publication_date" };
  },
  (g) => !!g.det,
);

// Weekdays: "on Wednesday", "last Friday", "Saturday night"
rule(
  "weekday",
  `\\b(?:(?<pre>last|this|next|this past|this coming|the previous|the following|early|late|earlier|later)\\s+)?${WD}(?:'s)?(?:\\s+${POD})?\\b`,
  (g, ctx, s, e) => {
    const r = weekdayValue(g.wd!, lc(g.pre), ctx, s, e);
    if (g.pod) {
      const code = PARTS_OF_DAY[lc(g.pod)]!;
      return { type: "time", value: `${r.value}T${code}`, anchor: r.anchor };
    }
    return { type: "date", ...r };
  },
  (g) => cap(g.wd),
);

// Repeated weekdays: "Tuesdays", "Tuesday nights", "every Thursday"
rule(
  "weekday-set",
  `\\b(?:(?<q>every|each)\\s+${WD}(?:\\s+${POD})?|(?<wd2>${WEEKDAY_RE})\\s+(?<pod2>mornings|afternoons|evenings|nights))\\b`,
  (g) => {
    const name = g.wd ?? g.wd2;
    const pod = g.pod ?? g.pod2?.replace(/s$/, "");
    const wdNo = name ? WEEKDAYS[name.toLowerCase()] : undefined;
    if (wdNo === undefined) return null;
    return { type: "set", value: `XXXX-WXX-${wdNo}${pod ? `T${PARTS_OF_DAY[lc(pod)]}` : ""}`, anchor: "absolute" };
  },
);
rule("weekday-plural", `\\b(?<wd>${WEEKDAY_RE})s\\b`, (g) => ({ type: "set", value: `XXXX-WXX-${WEEKDAYS[lc(g.wd)]}`, anchor: "absolute" }), (g) => cap(g.wd));

// Day words: "yesterday", "today", "late yesterday", "tomorrow morning", "last night", "this morning"
rule(
  "day-word",
  `\\b(?:(?<pre>early|late|earlier|later)\\s+)?(?:(?<w>the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight)(?:'s)?(?:\\s+${POD})?|(?<rel>this|last|tomorrow|yesterday)\\s+(?<pod2>morning|afternoon|evening|night))\\b`,
  (g, ctx) => {
    const w = lc(g.w ?? g.rel);
    const pod = g.pod ?? g.pod2;
    const shift = w === "yesterday" ? -1 : w === "tomorrow" ? 1 : w === "the day before yesterday" ? -2 : w === "the day after tomorrow" ? 2 : w === "last" && lc(pod) === "night" ? -1 : 0;
    const code = w === "tonight" ? "NI" : pod ? PARTS_OF_DAY[lc(pod)]! : null;
    if (!ctx.dct) {
      if (w === "today" && !code) return { type: "date", value: "PRESENT_REF", anchor: "unresolved" };
      return { type: code ? "time" : "date", value: `XXXX-XX-XX${code ? `T${code}` : ""}`, anchor: "unresolved" };
    }
    const day = fmtDay(addDays(ctx.dct, shift));
    return code ? { type: "time", value: `${day}T${code}`, anchor: "publication_date" } : { type: "date", value: day, anchor: "publication_date" };
  },
);

// Clock times: "10 p.m.", "around 9:30 p.m. EST Wednesday", "noon Thursday", "midnight"
rule(
  "clock",
  `\\b(?:(?<mod>around|about|approximately|shortly after|shortly before|just after|just before)\\s+)?(?:(?<h>[01]?\\d)(?::(?<mi>[0-5]\\d))?\\s*(?<ap>a\\.m\\.|p\\.m\\.|a\\.m\\b|p\\.m\\b|am\\b|pm\\b)|(?<h2>[012]?\\d):(?<mi2>[0-5]\\d)(?=\\s*(?:[ECMP][SD]T|GMT|UTC|local time|o'clock|in the morning|in the afternoon|in the evening|at night|hours?\\b))|(?<nm>noon|midnight|midday))(?:\\s+(?<tz>[ECMP][SD]T|GMT|UTC|local time))?(?:,?\\s+(?:on\\s+)?(?:(?<dw>today|yesterday|tomorrow|tonight)|(?<wd>${WEEKDAY_RE})|(?<mon>${MONTH_RE})\\s+(?<day>[0-3]?\\d)\\b))?`,
  (g, ctx, s, e) => {
    let hh: number, mm = 0;
    if (g.nm) {
      hh = lc(g.nm) === "midnight" ? 24 : 12;
    } else if (g.h2) {
      hh = Number(g.h2);
      mm = Number(g.mi2);
    } else {
      hh = Number(g.h);
      mm = g.mi ? Number(g.mi) : 0;
      const pm = /^p/i.test(g.ap!);
      if (hh > 12 || hh === 0) return null;
      if (pm && hh < 12) hh += 12;
      if (!pm && hh === 12) hh = 0;
    }
    if (hh > 24) return null;
    const tpart = `T${pad(hh)}:${pad(mm)}`;
    let day: string | null = null, anchor: Anchor = "publication_date";
    if (g.wd && cap(g.wd)) day = weekdayValue(g.wd, "", ctx, s, e).value;
    else if (g.mon && cap(g.mon)) day = monthDayValue(monthNo(g.mon), Number(g.day), "", ctx, s, e).value;
    else if (g.dw && ctx.dct) {
      const w = lc(g.dw);
      day = fmtDay(addDays(ctx.dct, w === "yesterday" ? -1 : w === "tomorrow" ? 1 : 0));
    } else if (ctx.dct) day = fmtDay(ctx.dct);
    if (!day || day.startsWith("X")) { day = "XXXX-XX-XX"; anchor = "unresolved"; }
    return { type: "time", value: `${day}${tpart}`, anchor };
  },
  (g) => !(g.mon && !cap(g.mon)) && !(g.wd && !cap(g.wd)),
);

// Part of day alone: "mid-afternoon", "this evening" is in day-word; "overnight" is left alone
rule("part-of-day", `\\b(?:mid[- ]?)(?<pod>afternoon|morning)\\b(?:\\s+(?<dw>yesterday|today))?`, (g, ctx) => {
  const code = PARTS_OF_DAY[lc(g.pod)]!;
  if (!ctx.dct) return { type: "time", value: `XXXX-XX-XXT${code}`, anchor: "unresolved" };
  const shift = lc(g.dw) === "yesterday" ? -1 : 0;
  return { type: "time", value: `${fmtDay(addDays(ctx.dct, shift))}T${code}`, anchor: "publication_date" };
});

// Vague references (TimeML PRESENT_REF, PAST_REF, FUTURE_REF)
const REFS: Array<[string, string]> = [
  ["PRESENT_REF", "right now|just now|now|currently|nowadays|these days|at present|presently|the present|the present time|at the moment|this time"],
  ["PAST_REF", "more recently|most recently|recently|lately|the past|recent (?:years|decades|times)|past years|the last few (?:days|weeks|months|years)|the past few (?:days|weeks|months|years)|years ago|months ago|decades ago|long ago|some time ago|a while ago|once upon a time"],
  ["FUTURE_REF", "the near future|the future|a later date|a future date|the foreseeable future|the distant future|the near term|the short term|the long term|the long run|the short run|soon|as soon as possible|the coming (?:days|weeks|months|years|decades)|coming (?:days|weeks|months|years|quarters)|the (?:days|weeks|months|years) ahead|the years to come|future (?:quarters|years)"],
];
for (const [value, alts] of REFS) {
  rule(`ref-${value}`, `\\b(?:${alts})\\b(?![-'’])`, () => ({ type: "date", value, anchor: "unresolved" }), (_g, text, s, e) => {
    const t = text.slice(s, e).toLowerCase();
    // "the past" as a noun modifier ("the past president") or before a count ("the past two years") is not a reference
    if (t === "the past") return !/^\s+(?:[a-z]+ly\s+)?(?:president|chairman|director|decade|century|few|several|couple|two|three|four|five|six|seven|eight|nine|ten|\d)/i.test(text.slice(e, e + 20));
    if (t === "this time") return false;
    if (t === "soon") return !/^\s+after\b/i.test(text.slice(e, e + 8));
    return true;
  });
}

// Durations and offsets: "three months", "the past two years", "a 90-day deadline", "two weeks ago", "a year earlier"
rule(
  "duration",
  `\\b(?:${DMOD}\\s+)?${DFRONT}${NUM}(?:\\s*(?:to|or|-|–)\\s*(?<num2>\\d{1,3}(?:,\\d{3})*|${NUM_WORDS}))?(?:[- ]|\\s+)(?:(?<and>and\\s+a\\s+half)\\s+)?${DADJ}${UNIT}\\b(?![-‐](?!old\\b|long\\b))(?<half>\\s+and\\s+a\\s+half)?(?<old>-old|-long)?(?<orso>\\s+or\\s+(?:so|more|less|two|three))?(?:\\s+(?<after>ago|earlier|later|from now|hence)\\b)?`,
  (g, ctx, s) => {
    let n = numValue(g.num);
    const unit = unitKey(g.unit);
    if (g.and || g.half) n = n === null ? null : n + 0.5;
    const after = lc(g.after);
    const offset = after === "ago" || after === "earlier" || after === "before" || after === "later" || after === "after" || after === "from now" || after === "hence";
    if (!offset) {
      // "will one day be": some day in the future
      if (lc(g.num) === "one" && unit === "day" && !g.det && !g.dir && !g.dir2 && /\b(?:will|would|could|might|may|should|can)\s+$/i.test(ctx.text.slice(Math.max(0, s - 8), s))) {
        return { type: "date", value: "FUTURE_REF", anchor: "unresolved" };
      }
      return { type: "duration", value: durationValue(n, unit), anchor: "absolute" };
    }
    const back = after === "ago" || after === "earlier" || after === "before";
    // a year-over-year comparison after a quarter was named points to that quarter of the previous year
    if (unit === "year" && n === 1 && back && after !== "before" && ctx.quarter) {
      return { type: "date", value: qValue(ctx.quarter.y - 1, ctx.quarter.q), anchor: "inferred" };
    }
    if (n === null) {
      if (after === "ago") return { type: "date", value: "PAST_REF", anchor: "unresolved" };
      if (after === "from now" || after === "hence") return { type: "date", value: "FUTURE_REF", anchor: "unresolved" };
      return { type: "duration", value: durationValue(n, unit), anchor: "absolute" };
    }
    if (!ctx.dct) return unresolved(unit === "year" ? "XXXX" : unit === "month" ? "XXXX-XX" : unit === "week" ? "XXXX-WXX" : "XXXX-XX-XX");
    const v = dctMinus(ctx.dct, back ? n : -n, unit);
    return v ? { type: "date", value: v, anchor: "publication_date" } : { type: "duration", value: durationValue(n, unit), anchor: "absolute" };
  },
  (g, text, s, e) => {
    const num = lc(g.num), unit = lc(g.unit);
    const bare = !g.mod && !g.dir && !g.dir2 && !g.det && !g.after;
    // rates: "$5 a year", "twice a day" (the set rule takes the frequencies)
    if ((num === "a" || num === "an") && !g.after && /(?:\d|%|percent|times|once|twice|dollars|cents|euros|pounds|thousand|million|billion|trillion)\s+$/i.test(text.slice(Math.max(0, s - 10), s))) return false;
    // ages: "52 years old", "a 136-year-old bank"
    if (g.old === "-old" || /^\s+old\b/.test(text.slice(e, e + 5))) return false;
    // "wait a second", "in a minute", "one day" meaning some day, "a day" on its own
    if ((num === "a" || num === "an") && (unit === "second" || unit === "minute") && !g.mod && !g.dir && !g.dir2 && !g.and && !g.half) return false;
    if ((num === "a" || num === "an") && unit === "day" && bare) return false;
    if (num === "some" && !/^(?:weeks|months|years|decades)$/.test(unit)) return false;
    if (num === "many" && !/^(?:weeks|months|years|decades|centuries)$/.test(unit)) return false;
    // fractions, not quarters: "three-quarters of", "a quarter of the shares"
    if (/^quarters?$/.test(unit) && numValue(num) !== null && /^\s+of\b/.test(text.slice(e, e + 4))) return false;
    if (/^\d+$/.test(num.replace(/,/g, "")) && Number(num.replace(/,/g, "")) > 1000 && !/^(?:years?|days?)$/.test(unit)) return false;
    return true;
  },
);

// Bare plurals after a preposition: "for years", "in months", "within weeks"
rule(
  "bare-plural",
  `\\b(?<lead>(?:for|in|within|over|after|took|take|takes|lasted|last|than|during|spent|spend)\\s+)(?:(?<unit>years|months|weeks|decades|centuries|days|hours|minutes)(?:\\s+or\\s+(?:years|months|weeks|decades|days|hours))?)\\b(?!\\s+(?:of|ago|old|to come|before|after|later|earlier))`,
  (g) => ({ type: "duration", value: durationValue(null, unitKey(g.unit)), anchor: "absolute" }),
);

// Sets: "every year", "each month", "twice a week", "daily", "annually"
rule(
  "set",
  `\\b(?:(?<q>every|each|per)\\s+(?:(?<num>other|two|three|four|five|six|\\d+)\\s+)?(?<unit>years?|months?|weeks?|days?|quarters?|hours?|nights?|mornings?|evenings?|weekends?|${MONTH_RE}|spring|summer|fall|autumn|winter)|(?<lead>(?:times|once|twice)\\s+)a\\s+(?<unit2>year|month|week|day|quarter|hour|night))\\b`,
  (g) => {
    const raw = g.unit ?? g.unit2!;
    const m = monthNo(raw);
    if (m && cap(raw)) return { type: "set", value: `XXXX-${pad(m)}`, anchor: "absolute" };
    const season = SEASONS[lc(raw)];
    if (season) return { type: "set", value: `XXXX-${season}`, anchor: "absolute" };
    const u = unitKey(raw);
    if (u === "morning" || u === "evening") return { type: "set", value: `XXXX-XX-XXT${PARTS_OF_DAY[u]}`, anchor: "absolute" };
    const n = lc(g.num) === "other" ? 2 : g.num ? numValue(g.num) ?? 1 : 1;
    return { type: "set", value: durationValue(n, u === "night" ? "day" : u), anchor: "absolute" };
  },
  // "every march" is not a month
  (g) => !g.unit || !monthNo(g.unit) || cap(g.unit),
);
const ADVERB_SETS: Record<string, string> = {
  daily: "XXXX-XX-XX", nightly: "XXXX-XX-XXTNI", weekly: "XXXX-WXX", biweekly: "P2W", monthly: "XXXX-XX", quarterly: "XXXX-QX",
  annually: "XXXX", yearly: "XXXX", hourly: "PT1H", "every day": "XXXX-XX-XX", "each day": "XXXX-XX-XX",
};
rule(
  "set-adverb",
  `\\b(?<w>daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|hourly)\\b(?!\\s+[a-z])`,
  (g) => ({ type: "set", value: ADVERB_SETS[lc(g.w)]!, anchor: "absolute" }),
);

// ---------------------------------------------------------------- driver

interface Cand {
  start: number;
  end: number;
  rule: number;
  g: G;
}

/** Where each line of `text` ends: the offset of its line break, or the text's length for the last line. */
function lineEnds(text: string): number[] {
  const ends: number[] = [];
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) ends.push(at);
  ends.push(text.length);
  return ends;
}

if (FAMILIES.length > 31) throw new Error("dates: more word families than bits per line");
const familyRes = FAMILIES.map((f) => new RegExp([...f.words.map(escapeRegExp), ...(f.patterns ?? [])].join("|"), "i"));
FAMILIES.forEach((f, k) => {
  for (const r of f.rules) LINE_GATES[r] = familyRes[k]!;
});
/** Every family's words in one pattern, the longest first, so that a match is the longest family word where it starts. */
const FAMILY_SWEEP = new RegExp(
  [
    ...[...new Set(FAMILIES.flatMap((f) => f.words))].sort((x, y) => y.length - x.length || (x < y ? -1 : 1)).map(escapeRegExp),
    ...FAMILIES.flatMap((f) => f.patterns ?? []),
  ].join("|"),
  "gi",
);
/** Per word matched by FAMILY_SWEEP (lower-cased), the families one of whose words it holds, as bits. */
const familyBits = new Map<string, number>();
function bitsOf(word: string): number {
  const w = word.toLowerCase();
  let bits = familyBits.get(w);
  if (bits === undefined) {
    bits = 0;
    for (let k = 0; k < familyRes.length; k++) if (familyRes[k]!.test(w)) bits |= 1 << k;
    // the words are few, but a pattern's matches need not be ("3   pm"): the map stays small whatever the input
    if (familyBits.size >= 4096) familyBits.clear();
    familyBits.set(w, bits);
  }
  return bits;
}
/**
 * Per line of `text` (as lineEnds gives them), the families with a word on it, as bits. Each match is followed by a
 * try at the next character, so that words that overlap are all seen; a word within a longer one at the same start
 * is in that one's bits.
 */
function familySweep(text: string, ends: readonly number[]): Uint32Array {
  const bits = new Uint32Array(ends.length);
  const re = FAMILY_SWEEP;
  re.lastIndex = 0;
  for (let li = 0, m = re.exec(text); m; m = re.exec(text)) {
    while (ends[li]! <= m.index) li++;
    bits[li]! |= bitsOf(m[0]);
    re.lastIndex = m.index + 1;
  }
  return bits;
}

/** The lines of one text and the word families on each, worked out when first asked for. */
class LineIndex {
  private endsOf: number[] | undefined;
  private bitsOf: Uint32Array | undefined;
  /** runs() by mask: the rules of one family share theirs */
  private readonly runsOf = new Map<number, Array<[number, number]>>();
  constructor(private readonly text: string) {}
  get ends(): number[] {
    return (this.endsOf ??= lineEnds(this.text));
  }
  get bits(): Uint32Array {
    return (this.bitsOf ??= familySweep(this.text, this.ends));
  }
  /** The runs of lines that hold a word of one of the families in `mask`, as [start, end) offsets, in text order. */
  runs(mask: number): Array<[number, number]> {
    const known = this.runsOf.get(mask);
    if (known) return known;
    const { ends, bits } = this;
    const out: Array<[number, number]> = [];
    this.runsOf.set(mask, out);
    for (let li = 0; li < ends.length; li++) {
      if (!(bits[li]! & mask)) continue;
      const from = li ? ends[li - 1]! + 1 : 0;
      while (li + 1 < ends.length && bits[li + 1]! & mask) li++;
      out.push([from, ends[li]!]);
    }
    return out;
  }
}
const familyBit = (rule: string): number => 1 << familyRes.indexOf(LINE_GATES[rule]!);
/** chrono's triggers are month and weekday names (fallback.ts) */
const FALLBACK_FAMILIES = familyBit("month") | familyBit("weekday");

/**
 * Rules that match on a line of `text` that the sweep did not mark for them (none, if FAMILIES and the sweep are
 * right); "chrono-fallback" if a name chrono is handed is on a line not marked for it.
 */
export function gateMisses(text: string): string[] {
  const lines = text.split("\n");
  const bits = new LineIndex(text).bits;
  const marked = (lineGate: RegExp, l: string, li: number): boolean => {
    const family = familyRes.indexOf(lineGate);
    return family < 0 ? lineGate.test(l) : (bits[li]! & (1 << family)) !== 0;
  };
  const misses = rules
    .filter((r) => {
      const re = new RegExp(r.re.source, r.re.flags.replace("g", ""));
      const lineGate = LINE_GATES[r.name];
      return lineGate && lines.some((l, li) => re.test(l) && !marked(lineGate, l, li));
    })
    .map((r) => r.name);
  const trigger = new RegExp(TRIGGER.source);
  if (lines.some((l, li) => trigger.test(l) && !(bits[li]! & FALLBACK_FAMILIES))) misses.push("chrono-fallback");
  return misses;
}

/** Every rule's matches, longest first, without overlap, in text order. */
function candidates(text: string, lines: LineIndex): Cand[] {
  const all: Cand[] = [];
  const scan = (r: Rule, i: number, from: number, to: number): void => {
    const part = to - from === text.length ? text : text.slice(from, to);
    r.re.lastIndex = 0;
    for (let m = r.re.exec(part); m; m = r.re.exec(part)) {
      const g = (m.groups ?? {}) as G;
      // a leading context word ("for" in "for years") is matched but left out of the span
      const lead = g.lead ?? g.lead2;
      let start = from + m.index + (lead ? lead.length : 0), end = from + m.index + m[0].length;
      if (m[0].length === 0) r.re.lastIndex++;
      // trailing whitespace is never part of a span
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end <= start) continue;
      if (r.ok && !r.ok(g, text, start, end)) continue;
      all.push({ start, end, rule: i, g });
    }
  };
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    // a family's rules only (a gate put in LINE_GATES from outside, as tests do, is not swept for)
    const family = familyRes.indexOf(LINE_GATES[r.name]!);
    if (family < 0) {
      scan(r, i, 0, text.length);
      continue;
    }
    // runs of lines with a word of the rule's family, each scanned at once
    for (const [from, to] of lines.runs(1 << family)) scan(r, i, from, to);
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rule - b.rule || a.start - b.start);
  // longest first; a character already covered rules a candidate out
  const used = new Uint8Array(text.length);
  const taken: Cand[] = [];
  for (const c of all) {
    let free = true;
    for (let k = c.start; k < c.end && free; k++) free = used[k] === 0;
    if (!free) continue;
    used.fill(1, c.start, c.end);
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

function precisionOf(type: TType, value: string): DateSpan["precision"] {
  if (type === "duration" || type === "set") return null;
  if (/^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)/.test(value)) return "day";
  if (/^(?:\d{4}|XXXX)-W(?:\d\d|XX)-\d/.test(value)) return "day";
  if (/^(?:\d{4}|XXXX)-W/.test(value)) return "week";
  if (/^(?:\d{4}|XXXX)-(?:\d\d|XX)$/.test(value)) return "month";
  if (/^(?:\d{4}|XXXX)-Q/.test(value)) return "quarter";
  if (/^(?:\d{4}|XXXX)-(?:SP|SU|FA|WI)$/.test(value)) return "season";
  if (/^(?:\d{4}|XXXX)$/.test(value)) return "year";
  if (/^\d{3}$/.test(value)) return "decade";
  return null;
}

/** The TIMEX3 rows of one text, resolved against `publishedDate` (YYYY-MM-DD) when given. */
export function tagTimexes(text: string, publishedDate: string | null): Array<{ start: number; end: number } & Timex> {
  const ctx: Ctx = { text, dct: parseDay(publishedDate), quarter: null, year: null, month: null };
  const out: Array<{ start: number; end: number } & Timex> = [];
  const lines = new LineIndex(text);
  for (const c of candidates(text, lines)) {
    const t = rules[c.rule]!.run(c.g, ctx, c.start, c.end);
    if (t) out.push({ start: c.start, end: c.end, ...t });
  }
  const extra = chronoFallback(text, ctx.dct, out, lines.runs(FALLBACK_FAMILIES));
  return extra.length ? [...out, ...extra].sort((a, b) => a.start - b.start) : out;
}

/**
 * Temporal expressions as DateSpan rows (UTF-16 offsets into `text`; the publish step converts to code points).
 * anchor: `absolute` when the words fix the value (a full date, a year, a duration, a set); `publication_date`
 * when it was resolved against `publishedDate`; `inferred` when it leans on a year, month or quarter named
 * earlier in the text; `unresolved` when it stays in X form (no publication date) or is a PAST/PRESENT/FUTURE_REF.
 */
export function extractDates(text: string, publishedDate: string | null): DateSpan[] {
  return tagTimexes(text, publishedDate).map((t) => {
    const precision = precisionOf(t.type, t.value);
    const day = /^\d{4}-\d\d-\d\d(?:T|$)/.exec(t.value) && (t.type === "date" || t.type === "time") ? t.value.slice(0, 10) : null;
    return { start: t.start, end: t.end, text: text.slice(t.start, t.end), type: t.type, value: t.value, date: day && parseDay(day) ? day : null, precision, anchor: t.anchor };
  });
}
