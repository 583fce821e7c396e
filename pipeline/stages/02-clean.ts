// Clean: decides which lines of a scraped page are the article (pipeline/clean/lines.ts, a jusText-style line
// classifier), finds the metadata around it (pipeline/clean/metadata.ts), and accounts for every removed stretch
// of raw_text as a boilerplate span. Body lines are trimmed and joined by a blank line.
import { CleanArticle, RawArticle, type BoilerSpan, type BoilerplateKind } from "../../schemas/records.ts";
import type { Stage } from "../stage.ts";
import { detectLanguage } from "../lang.ts";
import { contentWords, lineKey, lineKeyOf, lineWords, STOPWORDS, selectBody, splitLines, type Line } from "../clean/lines.ts";
import { findDate, isDateLine, parseByline, parseCreditLine, parseDateline, publishedIn, runInByline, splitNames } from "../clean/metadata.ts";

export interface CleanResult {
  title: string | null;
  subtitle: string | null;
  outlet: string | null;
  republisher: string | null;
  authors: string[];
  dateline_place: string | null;
  /** a full date (with a year) found in the page's header, credit line, dateline or footer */
  published_date: string | null;
  /** when published_date is null: the first full date elsewhere on the page (outside the body first), or null */
  published_date_guess: string | null;
  body: string;
  boilerplate: BoilerSpan[];
}

const PLAIN_NAME = /^(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?|(?:Mc|Mac|De|Di|La|Le|O’|O')\p{Lu}\p{Ll}+)$/u;

/** A line that is only a person's name or a list of names ("Jane Roe", "Jane Roe and John Doe"). */
function nameLine(l: Line): string[] {
  if (l.words > 12 || l.sentenceEnd) return [];
  const names = splitNames(l.text, STOPWORDS);
  const ok = (n: string) => {
    const toks = n.split(/\s+/);
    return toks.length >= 2 && toks.length <= 4 && toks.every((t) => PLAIN_NAME.test(t));
  };
  return names.length && names.every(ok) ? names : [];
}

function headlineLike(l: Line): boolean {
  return !l.furniture && l.words >= 3 && l.words <= 30 && !/[.:;,]["'”’]?$/u.test(l.text) && !isDateLine(l.text, l.words);
}

const TITLE_WINDOW = 40;
/** A line that reads like the title of another page: starts with a capital, no label colon, no list numbering or bullet. */
function linkTitle(t: string): boolean {
  return /^[\p{Lu}"“‘']/u.test(t) && !/^\d|:\s|[()\[\]{}=<>$%]/u.test(t);
}

const HEADER_WINDOW = 8;
const RELATED_OVERLAP = 0.5;

export function cleanText(raw: string): CleanResult {
  const lines = splitLines(raw);
  const { keep, classes, first } = selectBody(lines);
  const kind: (BoilerplateKind | null)[] = lines.map((l) => l.furniture);
  const meta = { outlet: null as string | null, republisher: null as string | null, place: null as string | null, date: null as string | null };
  const authors: string[] = [];

  // title: the headline-like line above the first line of prose that best shares words with the body,
  // preferring lines close to the prose and lines followed by a byline or date
  let titleIdx = -1;
  if (first >= 0) {
    const goodAt = classes.indexOf("good", Math.max(0, first));
    const firstGood = goodAt >= 0 ? goodAt : first;
    const vocab = new Set<string>();
    // the words of the first ~2,000 characters of prose
    for (let i = firstGood, n = 0; i < lines.length && n < 2000; i++)
      if (keep[i]) {
        const t = lines[i]!.text.slice(0, 2000 - n);
        n += t.length;
        contentWords(t).forEach((w) => vocab.add(w));
      }
    let bestScore = -Infinity;
    for (let i = firstGood - 1; i >= 0 && i >= firstGood - TITLE_WINDOW; i--) {
      const l = lines[i]!;
      // a headline has a function word or a lower-case word; a run of capitalised labels is a tag line
      const prose = l.stopDensity > 0 || /(?:^|\s)\p{Ll}/u.test(l.text);
      if (!headlineLike(l) || !prose || nameLine(l).length || parseByline(l.text, STOPWORDS) || parseCreditLine(l.text)) continue;
      const cw = lineWords(l);
      const overlap = cw.length ? cw.filter((w) => vocab.has(w)).length / cw.length : 0;
      let meta = 0;
      for (let j = i + 1; j <= i + 3 && j < lines.length; j++) {
        const m = lines[j]!;
        if (isDateLine(m.text, m.words) || parseByline(m.text, STOPWORDS) || parseCreditLine(m.text) || nameLine(m).length) meta = 1;
      }
      const score =
        overlap * 2 +
        meta -
        (firstGood - i) / 20 -
        (l.words > 16 && i === firstGood - 1 ? 0.5 : 0) +
        // a headline has a few words; a numbered line is an item of the article's own list
        Math.min(l.words, 8) / 8 -
        (/^\d{1,2}[.)]\s/u.test(l.text) ? 1 : 0);
      if (score > bestScore) (bestScore = score), (titleIdx = i);
    }
  }
  if (titleIdx >= 0) {
    // the first of several copies of the title is the title, the others duplicates
    const t0 = lineKeyOf(lines[titleIdx]!);
    const len = lines[titleIdx]!.text.length;
    const firstCopy = lines.findIndex((l) => Math.abs(l.text.length - len) <= 8 && lineKeyOf(l) === t0);
    if (firstCopy >= 0 && firstCopy < titleIdx) titleIdx = firstCopy;
  }
  const title = titleIdx >= 0 ? lines[titleIdx]!.text : null;
  if (titleIdx >= 0) {
    keep[titleIdx] = false;
    kind[titleIdx] = "title";
    const t = lineKey(title!);
    lines.forEach((l, i) => {
      if (i !== titleIdx && Math.abs(l.text.length - title!.length) <= 8 && lineKeyOf(l) === t) {
        keep[i] = false;
        kind[i] = "duplicate_title";
      }
    });
  }

  let bodyIdx = keep.indexOf(true);
  // subtitle: an unpunctuated line right after the title, before the first paragraph
  let subtitle: string | null = null;
  if (titleIdx >= 0 && bodyIdx >= 0) {
    const cand = lines.findIndex((_l, i) => i > titleIdx && (keep[i] || kind[i] === null || kind[i] === "duplicate_title") && kind[i] !== "duplicate_title");
    const l = cand >= 0 ? lines[cand] : undefined;
    if (l && cand === bodyIdx && !l.sentenceEnd && l.words >= 8 && l.words <= 60 && keep.indexOf(true, cand + 1) > cand && cand - titleIdx <= 3) {
      subtitle = l.text;
      keep[cand] = false;
      kind[cand] = "subtitle";
      bodyIdx = keep.indexOf(true);
    }
  }

  // related links: two or more short headline-like lines in a row inside the body, about something else than the
  // article (a run of subheadings shares its words)
  const lastBody = keep.lastIndexOf(true);
  // the body's words, gathered the first time a run of such lines is found (most pages have none)
  let bodyVocab: Set<string> | null = null;
  const offTopic = (from: number, to: number) => {
    if (!bodyVocab) {
      bodyVocab = new Set<string>();
      for (let i = bodyIdx; i >= 0 && i <= lastBody; i++) if (keep[i] && classes[i] === "good") for (const w of lineWords(lines[i]!)) bodyVocab.add(w);
    }
    const vocab = bodyVocab;
    const ws = lines.slice(from, to).flatMap(lineWords);
    return ws.length > 0 && ws.filter((w) => vocab.has(w)).length / ws.length < RELATED_OVERLAP;
  };
  for (let i = bodyIdx; i >= 0 && i <= lastBody; i++) {
    if (!keep[i] || classes[i] === "good") continue;
    let j = i;
    while (j <= lastBody && keep[j] && classes[j] !== "good" && headlineLike(lines[j]!) && lines[j]!.words >= 4 && !lines[j]!.sentenceEnd && linkTitle(lines[j]!.text)) j++;
    const intro = i > 0 && /:["'”’]?$/u.test(lines[i - 1]!.text);
    if (j - i >= 2 && j - i <= 3 && classes[i - 1] === "good" && classes[j] === "good" && !intro && offTopic(i, j)) for (let k = i; k < j; k++) (keep[k] = false), (kind[k] = "related_link");
    i = Math.max(i, j);
  }

  // header and footer metadata: bylines, credit lines, date lines, name lines near a date
  const headerFrom = Math.max(0, (titleIdx >= 0 ? titleIdx : bodyIdx) - 3);
  const headerTo = bodyIdx >= 0 ? bodyIdx : lines.length;
  const scan = (from: number, to: number, footer: boolean) => {
    for (let i = from; i < to && i < lines.length; i++) {
      if (keep[i] || i === titleIdx) continue;
      const l = lines[i]!;
      const credit = parseCreditLine(l.text);
      const by = parseByline(l.text, STOPWORDS);
      if (by && !footer) {
        authors.push(...by);
        kind[i] ??= "byline";
        if (kind[i] === "tag_line") kind[i] = "byline";
        const d = findDate(l.text);
        if (d && !meta.date) meta.date = d.date;
      } else if (credit && !footer && l.words <= 8) {
        meta.outlet ??= credit.outlet;
        meta.date ??= credit.date;
        kind[i] ??= "dateline";
      } else if (isDateLine(l.text, l.words)) {
        const d = findDate(l.text);
        if (d) meta.date ??= d.date;
        kind[i] ??= "dateline";
      } else if (!footer && nameLine(l).length && authors.length === 0) {
        // a bare name next to a date line or right under the title
        const near = [i - 1, i + 1].some((j) => j >= 0 && j < lines.length && isDateLine(lines[j]!.text, lines[j]!.words)) || i === titleIdx + 1;
        if (near) {
          authors.push(...nameLine(l));
          kind[i] ??= "byline";
        }
      }
      if (kind[i] === "editorial_note") meta.outlet ??= publishedIn(l.text);
    }
  };
  scan(headerFrom, headerTo, false);
  if (bodyIdx >= 0) {
    const footerFrom = keep.lastIndexOf(true) + 1;
    const dateBefore = meta.date;
    scan(footerFrom, footerFrom + HEADER_WINDOW, true);
    if (dateBefore === null && meta.date === null) void 0;
  }

  // the first paragraph may open with a wire dateline or a byline run into it: split those off
  const extra: BoilerSpan[] = [];
  let firstText: string | null = null;
  if (bodyIdx >= 0) {
    const l = lines[bodyIdx]!;
    let text = l.text;
    let offset = l.start;
    const run = runInByline(text, STOPWORDS);
    if (run) {
      authors.push(...run.authors);
      if (run.outlet) meta.outlet ??= run.outlet;
      extra.push({ start: offset, end: offset + text.slice(0, run.end).trimEnd().length, text: text.slice(0, run.end).trimEnd(), kind: "byline" });
      offset += run.end;
      text = text.slice(run.end);
    }
    const dl = parseDateline(text);
    if (dl) {
      meta.place = dl.place;
      if (dl.wire) meta.outlet ??= dl.wire;
      if (dl.monthDay) {
        const d = findDate(dl.monthDay);
        if (d) meta.date ??= d.date;
      }
      const pre = text.slice(0, dl.end).trimEnd();
      extra.push({ start: offset, end: offset + pre.length, text: pre, kind: "dateline" });
      offset += dl.end;
      text = text.slice(dl.end);
    }
    if (text !== l.text) firstText = text;
  }

  // no date in the header, credit line or dateline: the first full date elsewhere on the page, outside the body
  // first, is a guess (published_date_source 'inferred')
  let guess: string | null = null;
  if (meta.date === null)
    for (const pass of [false, true])
      for (let i = 0; i < lines.length && guess === null; i++) if (keep[i] === pass) guess = findDate(lines[i]!.text)?.date ?? null;

  // republisher: a site name on the page's first line when the text credits another outlet
  if (meta.outlet && lines.length && titleIdx !== 0 && !keep[0]) {
    const l0 = lines[0]!;
    if (l0.words <= 4 && !l0.sentenceEnd && !isDateLine(l0.text, l0.words) && lineKey(l0.text) !== lineKey(meta.outlet)) {
      meta.republisher = l0.text;
      kind[0] ??= "site_chrome";
    }
  }

  const body: string[] = [];
  const boilerplate: BoilerSpan[] = [];
  lines.forEach((l, i) => {
    if (keep[i]) {
      body.push(i === bodyIdx && firstText !== null ? firstText : l.text);
      return;
    }
    const k = kind[i] ?? (bodyIdx >= 0 && i > bodyIdx && i < lastBody ? "other" : "site_chrome");
    boilerplate.push({ start: l.start, end: l.end, text: l.text, kind: k });
  });
  boilerplate.push(...extra);
  boilerplate.sort((a, b) => a.start - b.start);

  return {
    title,
    subtitle,
    outlet: meta.outlet,
    republisher: meta.republisher,
    authors: [...new Set(authors)],
    dateline_place: meta.place,
    published_date: meta.date,
    published_date_guess: guess,
    body: body.join("\n\n"),
    boilerplate,
  };
}

export const clean: Stage<typeof RawArticle, typeof CleanArticle> = {
  name: "clean",
  version: 1,
  input: RawArticle,
  output: CleanArticle,
  run(a) {
    const m = a.manifest;
    if (a.given_body !== null) {
      // a given body is published exactly as given: nothing is extracted from it
      return {
        ...a,
        title: m.title,
        subtitle: null,
        outlet: m.outlet,
        outlet_source: m.outlet ? "manifest" : null,
        republisher: null,
        authors: [],
        dateline_place: null,
        published_date: m.published_date,
        published_date_source: m.published_date ? "manifest" : null,
        language: m.language ?? detectLanguage(a.given_body) ?? "en",
        body: a.given_body,
        boilerplate: [],
      };
    }
    const c = cleanText(a.raw_text);
    const outlet = m.outlet ?? c.outlet;
    const date = m.published_date ?? c.published_date ?? c.published_date_guess;
    return {
      ...a,
      title: m.title ?? c.title,
      subtitle: c.subtitle,
      outlet,
      outlet_source: m.outlet ? "manifest" : c.outlet ? "text" : null,
      // a republisher equal to the outlet is no republisher
      republisher: c.republisher && (!outlet || lineKey(c.republisher) !== lineKey(outlet)) ? c.republisher : null,
      authors: c.authors,
      dateline_place: c.dateline_place,
      published_date: date,
      published_date_source: m.published_date ? "manifest" : c.published_date ? "text" : c.published_date_guess ? "inferred" : null,
      // short or mixed texts give no clear vote: they are treated as English, the corpus language
      language: m.language ?? detectLanguage(c.body) ?? "en",
      body: c.body,
      boilerplate: c.boilerplate,
    };
  },
};
