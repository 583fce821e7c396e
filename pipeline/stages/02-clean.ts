// Clean: decides which lines of a scraped page are the article (pipeline/clean/lines.ts, a jusText-style line
// classifier), finds the metadata around it (pipeline/clean/metadata.ts), and accounts for every removed stretch
// of raw_text as a boilerplate span. Body lines are trimmed and joined by a blank line. Authors come from bylines
// ("By …", "Written by: …"); a line that is only a name counts where its place says byline (by the date, under the
// title, over a job) and, unless two such cues agree, its first word must be a given name of the entity tagger's
// gazetteer (public-domain lists, pipeline/ner/gazetteer.ts). When the header names nobody, a dated byline, else a
// name line by a date line, anywhere above the body's end counts (the header may have been looked for in the wrong
// place). The published date is the header's before the footer's, and a date the page labels as the publication's
// ("Published", "Posted") before an unlabelled one before an update's. Measured by `npm run eval -- clean` (author_recall, author_precision, date_accuracy).
import { CleanArticle, RawArticle, type BoilerSpan, type BoilerplateKind } from "../../schemas/records.ts";
import type { Stage } from "../stage.ts";
import { isGivenName } from "../given-names.ts";
import { detectLanguage } from "../lang.ts";
import { hoverCards } from "../clean/cards.ts";
import { contentWords, lineKey, lineKeyOf, lineWords, STOPWORDS, selectBody, splitLines, tailLine, type Line } from "../clean/lines.ts";
import { BYLINE_LABEL, creditLine, findDate, isDateLine, isTeam, parseByline, parseCreditLine, parseDateline, publishedIn, runInByline, splitNames } from "../clean/metadata.ts";

export interface CleanResult {
  title: string | null;
  subtitle: string | null;
  outlet: string | null;
  republisher: string | null;
  authors: string[];
  dateline_place: string | null;
  /** a full date (with a year) found in the page's header, credit line, dateline or footer */
  published_date: string | null;
  /** when published_date is null: an update's date, else the full date nearest the title (outside the body first), or null */
  published_date_guess: string | null;
  body: string;
  boilerplate: BoilerSpan[];
}

const PLAIN_NAME = /^(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?|(?:Mc|Mac|De|Di|La|Le|O’|O')\p{Lu}\p{Ll}+)$/u;

/** A line that is only a person's name or a list of names ("Jane Roe", "Jane Roe and John Doe"). */
function nameLine(l: Line): string[] {
  if (l.words > 12 || l.sentenceEnd) return [];
  return plainNames(l.text);
}

/** The names of a text that is only a list of plain names, each of 2–4 words ("JANE ROE" too); else []. */
function plainNames(text: string): string[] {
  const names = splitNames(text, STOPWORDS);
  const ok = (n: string) => {
    const toks = n.split(/\s+/);
    // a word in capitals is read as its title case ("GARCIA"), unless it is short enough to be an acronym ("AP")
    const word = (t: string) => PLAIN_NAME.test(/\p{Ll}/u.test(t) || t.length < 3 ? t : t[0] + t.slice(1).toLowerCase());
    return toks.length >= 2 && toks.length <= 4 && toks.every(word);
  };
  return names.length && names.every(ok) ? names : [];
}

/**
 * Plain names that all begin with a known given name ("Jane Roe"), so that a capitalised phrase ("Key Takeaways",
 * "Customer Success") is not taken for a person when nothing but its place on the page says it is a byline.
 */
function personNames(names: string[]): string[] {
  return names.length && names.every((n) => isGivenName(n.slice(0, n.indexOf(" ")))) ? names : [];
}

/**
 * Names with a known given name among their words ("Ambassador Jane Roe", "Oskarine Vell and Jane Roe"): people, where
 * a headline of capitalised words ("Winter Ferry Timetable Changes") has none.
 */
function namedPeople(names: string[]): boolean {
  return names.some((n) => n.split(/\s+/).some(isGivenName));
}

/** The words a page writes in lower case only ("the data"), made once per page and only when a name needs them. */
class LowerWords {
  private words: Set<string> | null = null;
  constructor(private readonly page: string) {}
  has(w: string): boolean {
    this.words ??= new Set((this.page.match(/[\p{L}\p{N}]+/gu) ?? []).filter((x) => /\p{Ll}/u.test(x) && x === x.toLowerCase()));
    return this.words.has(w);
  }
}

/** Names none of whose words the page also writes in lower case, as it would a noun ("Data Blog": "the data"). */
function unusedLower(names: string[], page: LowerWords): string[] {
  // initials ("J.") and short words are left out ("j." is also a sentence's end)
  const lower = (w: string) => w.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.some((x) => x.length >= 3 && page.has(x)) ?? false;
  return names.every((n) => n.split(/\s+/).every((w) => w.length < 3 || w.endsWith(".") || !lower(w))) ? names : [];
}

/**
 * The full dates of a line, each with what the words before it say it is: "published" ("Published:", "Posted on"),
 * "updated" ("Updated", "Last modified", "Reviewed", "Accessed") or null.
 */
function labelledDates(text: string): { date: string; label: "published" | "updated" | null }[] {
  const out: { date: string; label: "published" | "updated" | null }[] = [];
  // three at most: each look is a pass over the rest of the line, and a line of many dates is no date line
  for (let rest = text, d = findDate(rest); d && out.length < 3; rest = rest.slice(d.index + 8), d = findDate(rest)) {
    // the label is the words right before the date
    const before = rest.slice(Math.max(0, d.index - 40), d.index);
    const label = /\b(?:updated|modified|revised|reviewed|accessed|edited)\b[^\p{L}]*(?:on|at)?\s*$/iu.test(before)
      ? "updated"
      : /\b(?:published|posted|released|written)\b[^\p{L}]*(?:on|at)?\s*$/iu.test(before)
        ? "published"
        : null;
    out.push({ date: d.date, label });
  }
  return out;
}

/**
 * The names of a line that credits them after a separator or in capitals ("Jane Roe | Guest Columnist", "Jane Roe
 * EXAMPLE TIMES"): a job's names must not be words the page writes in lower case, capitals' must begin with a given name.
 */
function creditedNames(text: string, page: LowerWords): string[] {
  const m = /^(.+?)(?:\s+[|•·–—]\s+|\s*,\s+|\s+(?=\p{Lu}{2}))(\S.*)$/u.exec(text);
  if (!m) return [];
  const credit = creditLine(m[2]!);
  const names = credit ? plainNames(m[1]!) : [];
  return credit === "job" ? unusedLower(names, page) : credit === "caps" ? unusedLower(personNames(names), page) : [];
}

/** A date line's byline: "July 1, 2023 by Jane Roe", or the names before the date ("Jane Roe • Updated Jul 4, 2024"). */
function datelineNames(text: string): string[] {
  const by = /(?<=[\s•|·,–—])by\s*:?\s+(?=\p{Lu})/iu.exec(text);
  if (by) return parseByline(text.slice(by.index), STOPWORDS) ?? [];
  const d = findDate(text);
  if (!d || d.index === 0) return [];
  const head = text.slice(0, d.index).replace(/(?:\s*[•|·,–—:-]\s*|\s+)(?:(?:updated|published|posted|last updated)(?:\s+on)?)?\s*$/i, "");
  return personNames(plainNames(head));
}

/**
 * A line with a full stop inside it ("… on Tuesday. (Photo: …)", "… in 2013. Headline"): a caption, or a caption
 * run into a headline. A period after a short capitalised word is an abbreviation's ("Sen.", "U.S."), as is "vs.",
 * not an end; a question inside a headline is common ("What is X? Types of X").
 */
function twoSentences(t: string): boolean {
  // a short two-sentence headline ("The Vote Is Tuesday. Here's What To Watch"), with no date or credit, is one
  if (!/[()|\d]/.test(t) && t.split(/\s+/).length <= 16) return false;
  for (const m of t.matchAll(/(\S+)\.["'”’)]?\s+\S/gu))
    if (/[\p{Ll}\p{N})]$/u.test(m[1]!) && !/^(?:[\p{Lu}(][\p{L}.]{0,3}|vs|etc|approx)$/u.test(m[1]!)) return true;
  return false;
}

/** A line in title case: two or more words besides function words, each capitalised ("Ten Ways to Fix a Bicycle"). */
function titleCase(t: string): boolean {
  const words = (t.match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => !STOPWORDS.has(w.toLowerCase()));
  return words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w));
}

/**
 * A line no headline is: a list item (bullet), a bracketed note ("[Update: …]"), markup or an address
 * ("poster=\"http…"), the label of a summary box ("Story highlights …", "Key points …"), or a byline the byline
 * parser did not read ("By: Jane Roe (Example Party)", "By JANE ROE ( @handle )"; "By the numbers" is a headline).
 */
const NOT_HEADLINE = /^[•·▪●■►]|^\[.*\]$|https?:\/\/|\w=["']|^(?:story highlights|key points|highlights|key takeaways|summary|tl;dr)\b|^by\s*:/iu;
const BY_NAME = /^By\s+\p{Lu}\S*\s+\p{Lu}/u;

function headlineLike(l: Line): boolean {
  // a headline has no closing full stop, unless it ends with an initialism ("… in N.H.")
  const end = /[.:;,]["'”’]?$/u.test(l.text) && !/(?:\b\p{Lu}\.){2,}$/u.test(l.text);
  return !l.furniture && l.words >= 3 && l.words <= 30 && !end && /\p{L}/u.test(l.text) && !NOT_HEADLINE.test(l.text) && !BY_NAME.test(l.text) && !tailLine(l.text) && !isDateLine(l.text, l.words);
}

const TITLE_WINDOW = 40;
/** A line that reads like the title of another page: starts with a capital, no label colon, no list numbering or bullet. */
function linkTitle(t: string): boolean {
  return /^[\p{Lu}"“‘']/u.test(t) && !/^\d|:\s|[()\[\]{}=<>$%]/u.test(t);
}

const HEADER_WINDOW = 8;
/** The most words of a line read as a byline anywhere above the body's end (a byline with its date and credits). */
const BYLINE_MAX_W = 25;
const RELATED_OVERLAP = 0.5;

export function cleanText(raw: string): CleanResult {
  const lines = splitLines(raw);
  const { keep, classes, first } = selectBody(lines);
  const kind: (BoilerplateKind | null)[] = lines.map((l) => l.furniture);
  const meta = { outlet: null as string | null, republisher: null as string | null, place: null as string | null, date: null as string | null };
  // names from a byline; names only placed like one (a bare name line by the date) count when there is no byline
  const authors: string[] = [];
  const guessed: string[] = [];
  const lowerWords = new LowerWords(raw);

  // title: the headline-like line above the first line of prose that best shares words with the body,
  // preferring lines close to the prose, lines followed by a byline or date, and a line a breadcrumb ends with
  let titleIdx = -1;
  if (first >= 0) {
    const goodAt = classes.indexOf("good", Math.max(0, first));
    let firstGood = goodAt >= 0 ? goodAt : first;
    // a headline the classifier took for the first paragraph (a long one, without a full stop) is a candidate too
    // when a byline or a date line follows it
    const l0 = lines[firstGood]!;
    const next = keep.indexOf(true, firstGood + 1);
    if (next > firstGood && headlineLike(l0) && !twoSentences(l0.text)) {
      let meta = titleCase(l0.text);
      for (let j = firstGood + 1; j <= firstGood + 3 && j < lines.length && !meta && !l0.sentenceEnd; j++) {
        const m = lines[j]!;
        if (isDateLine(m.text, m.words) || parseByline(m.text, STOPWORDS)) meta = true;
      }
      if (meta) firstGood = next;
    }
    const vocab = new Set<string>();
    // the words of the first ~2,000 characters of prose
    for (let i = firstGood, n = 0; i < lines.length && n < 2000; i++)
      if (keep[i]) {
        const t = lines[i]!.text.slice(0, 2000 - n);
        n += t.length;
        contentWords(t).forEach((w) => vocab.add(w));
      }
    // names with a known given name, none of whose words the page writes in lower case (asked in that order: the
    // page's words are collected only when needed)
    const person = (names: string[]) => namedPeople(names) && unusedLower(names, lowerWords).length > 0;
    let bestScore = -Infinity;
    const crumbs = lines.filter((l) => /[»›>/|]/u.test(l.text)).map((l) => l.text);
    for (let i = firstGood - 1; i >= 0 && i >= firstGood - TITLE_WINDOW; i--) {
      const l = lines[i]!;
      // a headline may be all capitalised words ("Winter Garden Basics"): tag lines and credits are told apart by the
      // lexicon (furniture) and by their place, and a person's name by its given name (unless the page writes one of
      // its words in lower case: "Ferry Bill Clears Council" and "the bill")
      if (!headlineLike(l) || twoSentences(l.text) || person(nameLine(l)) || parseByline(l.text, STOPWORDS) || parseCreditLine(l.text)) continue;
      const cw = lineWords(l);
      const overlap = cw.length ? cw.filter((w) => vocab.has(w)).length / cw.length : 0;
      let meta = 0;
      for (let j = i + 1; j <= i + 3 && j < lines.length; j++) {
        const m = lines[j]!;
        if (isDateLine(m.text, m.words) || parseByline(m.text, STOPWORDS) || parseCreditLine(m.text) || person(nameLine(m))) meta = 1;
      }
      const score =
        overlap * 2 +
        meta -
        (firstGood - i) / 40 -
        (l.words > 16 && i === firstGood - 1 ? 0.5 : 0) +
        // a headline has a few words; a numbered line is an item of the article's own list
        Math.min(l.words, 8) / 8 -
        (/^\d{1,2}[.)]\s/u.test(l.text) ? 1 : 0) +
        // a breadcrumb ends with the page's own title ("Home » Guides » Title")
        (crumbs.some((c) => c.length > l.text.length && c.endsWith(l.text) && /[»›>/|]\s*$/u.test(c.slice(0, -l.text.length))) ? 1 : 0);
      if (score > bestScore) (bestScore = score), (titleIdx = i);
    }
  }
  if (titleIdx >= 0) {
    // the first of several copies of the title is the title, the others duplicates
    const t0 = lineKeyOf(lines[titleIdx]!);
    const len = lines[titleIdx]!.text.length;
    const firstCopy = lines.findIndex((l) => Math.abs(l.text.length - len) <= 8 && lineKeyOf(l) === t0 && headlineLike(l));
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
  const dateOffers: { date: string; rank: number }[] = [];
  // `after` orders dates of the same kind by place: under the title (0), under a standfirst the body kept (0.25),
  // above the title (0.5, a ticker's or another story's)
  const offerDates = (text: string, footer: boolean, after = 0) => {
    for (const d of labelledDates(text)) dateOffers.push({ date: d.date, rank: (footer ? 3 : 0) + (d.label === "published" ? 0 : d.label === null ? 1 : 2) + after });
  };
  // a line the body kept that may still be a byline: short, and not a paragraph of prose
  const shortLine = (i: number) => classes[i] !== "good" && lines[i]!.words <= 12 && !lines[i]!.sentenceEnd;
  // (a reading time, "7 min read", sits in a byline's block as a date does: "Jane Roe / 7 min read / Mar 3, 2021")
  const dateAt = (j: number) => j >= 0 && j < lines.length && (isDateLine(lines[j]!.text, lines[j]!.words) || /^\d{1,3}\s*min(?:ute)?s?\s+read$/i.test(lines[j]!.text));
  // the names of a byline on line i, or on the next line after a label line of its own ("By", "Written by:")
  const bylineAt = (i: number): string[] | null => {
    const t = lines[i]!.text;
    const by = parseByline(t, STOPWORDS);
    // the next line, unless it is page furniture ("Author" over "Recent posts") or prose the body kept
    if (by || !BYLINE_LABEL.test(t) || i + 1 >= lines.length || lines[i + 1]!.furniture || (keep[i + 1] && !shortLine(i + 1))) return by;
    // the next line may be a run of menu items ("Ferry TimesLocal News"): a word run into the next is
    // not a name's ("McNally" is)
    const next = lines[i + 1]!.text;
    const names = /\p{Ll}{3}\p{Lu}/u.test(next) && next.includes(" ") ? null : parseByline(`${t.replace(/:$/, "")}: ${next}`, STOPWORDS);
    if (names) {
      keep[i + 1] = false;
      kind[i + 1] ??= "byline";
    }
    return names;
  };
  // bylines, or a known person's name next to a date line, in lines outside the header (the first lines of the body)
  const scanBylines = (from: number, to: number) => {
    for (let i = from; i < to && i < lines.length && authors.length === 0; i++) {
      if (keep[i] && !shortLine(i)) continue;
      const by = bylineAt(i);
      const bare = !by && guessed.length === 0 && (dateAt(i - 1) || dateAt(i + 1)) ? personNames(nameLine(lines[i]!)) : [];
      if (by || bare.length) {
        (by ? authors : guessed).push(...(by ?? bare));
        keep[i] = false;
        kind[i] = "byline";
      }
    }
  };
  const scan = (from: number, to: number, footer: boolean) => {
    for (let i = from; i < to && i < lines.length; i++) {
      if (keep[i] || i === titleIdx) continue;
      const l = lines[i]!;
      const credit = parseCreditLine(l.text);
      const by = bylineAt(i);
      // in the tail, an author box ("Written by …", "Author: …") when the header named nobody; a bare "By …"
      // there is as often a comment's or another article's
      if (by && (!footer || (authors.length === 0 && !/^by\b/i.test(l.text)))) {
        authors.push(...by);
        kind[i] ??= "byline";
        if (kind[i] === "tag_line") kind[i] = "byline";
        offerDates(l.text, footer);
      } else if (credit && !footer && l.words <= 8) {
        // "Jane Roe – July 12, 2017" credits a person, not an outlet
        const person = personNames(plainNames(credit.outlet));
        if (!person.length) meta.outlet ??= credit.outlet;
        else if (guessed.length === 0) guessed.push(...person);
        offerDates(l.text, footer);
        kind[i] ??= "dateline";
      } else if (isDateLine(l.text, l.words)) {
        offerDates(l.text, footer, i < titleIdx ? 0.5 : 0);
        kind[i] ??= "dateline";
        if (!footer && guessed.length === 0) guessed.push(...datelineNames(l.text));
      } else if (!footer && authors.length === 0 && guessed.length === 0) {
        // names and their credit on one line ("Jane Roe | Staff Writer", "Jane Roe EXAMPLE TIMES"); else a line that
        // is only a name, next to a date line or right under the title: a known given name, unless both hold (a date
        // line within three lines of a name right under the title)
        const credited = l.words <= 12 ? creditedNames(l.text, lowerWords) : [];
        const plain = credited.length ? [] : nameLine(l);
        const byDate = plain.length > 0 && (dateAt(i - 1) || dateAt(i + 1));
        const under = (titleIdx >= 0 && i === titleIdx + 1) || kind[i - 1] === "duplicate_title";
        // or a name over a line that credits it: a job ("Staff writer"), or capitals (an outlet, or a menu's next item)
        const credit = plain.length && i + 1 < lines.length ? creditLine(lines[i + 1]!.text) : null;
        const names = credited.length
          ? credited
          : (under && (byDate || dateAt(i + 2) || dateAt(i + 3))) || credit === "job"
            ? unusedLower(plain, lowerWords)
            : byDate || under
              ? personNames(plain)
              : credit === "caps"
                ? unusedLower(personNames(plain), lowerWords)
                : [];
        if (names.length) {
          guessed.push(...names);
          kind[i] ??= "byline";
        }
      }
      if (kind[i] === "editorial_note") meta.outlet ??= publishedIn(l.text);
    }
  };
  scan(headerFrom, headerTo, false);
  // a byline under a standfirst the body kept, or kept as the body's first line (the lines after the body's last are
  // the footer's, scanned below)
  if (bodyIdx >= 0 && authors.length === 0) scanBylines(bodyIdx, Math.min(bodyIdx + 1 + HEADER_WINDOW, keep.lastIndexOf(true)));
  // a date line under a standfirst the body kept (right under the title)
  const standfirst = titleIdx >= 0 && bodyIdx > titleIdx && bodyIdx - titleIdx <= 3;
  for (let i = bodyIdx + 1; standfirst && i <= bodyIdx + 3 && i < lines.length; i++)
    if (!keep[i] && isDateLine(lines[i]!.text, lines[i]!.words)) {
      offerDates(lines[i]!.text, false, 0.25);
      kind[i] ??= "dateline";
    }
  // a byline a few lines above the title (pages that put the author first)
  if (authors.length === 0) scanBylines(Math.max(0, headerFrom - HEADER_WINDOW), headerFrom);
  // a byline's names may have been taken out of the body's first line
  bodyIdx = keep.indexOf(true);
  if (bodyIdx >= 0) {
    const footerFrom = keep.lastIndexOf(true) + 1;
    scan(footerFrom, footerFrom + HEADER_WINDOW, true);
  }
  // a date labelled as the publication's above the header (pages that put it first, or far from the title), or on a
  // header line too long for a date line that opens with the label ("Published: … · Modified: … by … · This post …")
  for (let i = 0; i < headerTo; i++)
    if (!keep[i] && (i < headerFrom ? lines[i]!.words <= 20 : lines[i]!.words <= 40 && /^(?:published|posted)\b/i.test(lines[i]!.text))) for (const d of labelledDates(lines[i]!.text)) if (d.label === "published") dateOffers.push({ date: d.date, rank: 0.5 });
  // the header's dates before the footer's; of each, a publication date before an unlabelled one. An update's date
  // is not the publication's: when it is all there is, it is only a guess (an upper bound), below
  dateOffers.sort((a, b) => a.rank - b.rank);
  meta.date = dateOffers.find((d) => d.rank % 3 < 2)?.date ?? null;
  const updated = dateOffers[0]?.date ?? null;

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

  // no byline where the header was looked for (the title or the body's start was misread): an explicit byline ("By
  // Ann Vale", "Written by Ann Vale") elsewhere above the body's end, dated on its line or within two lines of it
  // (labelled other than "By" and of full names, undated too);
  // else, as a guess, a line that is only a person's name next to a date line, a date line that names one ("Ann
  // Vale • May 2, 2024"), or a line of names over a job ("Staff Writer"), none of whose words the page writes in
  // lower case
  if (authors.length === 0 && guessed.length === 0) {
    const lastKept = keep.lastIndexOf(true);
    // a name by a date line: a known given name first, or words written like a name's ("Anna Velt", not "NEWS DESK" or
    // "Today's Hours") none of which the page writes in lower case
    const nameWord = (w: string) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(w);
    const datedNames = (names: string[]) =>
      personNames(names).length ? names : names.every((n) => n.split(" ").every(nameWord)) ? unusedLower(names, lowerWords) : [];
    // (not a first paragraph a wire dateline or a run-in byline was split from)
    const candidate = (i: number) => !(keep[i] && !shortLine(i)) && lines[i]!.words <= BYLINE_MAX_W && !(i === bodyIdx && firstText !== null);
    for (let i = 0; i < lastKept && authors.length === 0; i++) {
      const by = candidate(i) ? bylineAt(i) : null;
      // a bare "By …" needs the date (a teaser's credit has none); "Written by", "Author:" does not when the names are full ones
      const labelled = by !== null && !/^by\b/i.test(lines[i]!.text) && by.every((n) => n.includes(" "));
      if (!by || !(labelled || findDate(lines[i]!.text) || dateAt(i - 2) || dateAt(i - 1) || dateAt(i + 1) || dateAt(i + 2))) continue;
      authors.push(...by);
      keep[i] = false;
      kind[i] = "byline";
    }
    for (let i = 0; i < lastKept && authors.length === 0 && guessed.length === 0; i++) {
      // (the header's own lines were judged above, with its rules)
      if (!candidate(i) || (i >= headerFrom && i < headerTo)) continue;
      const l = lines[i]!;
      const names =
        dateAt(i - 1) || dateAt(i + 1)
          ? datedNames(nameLine(l))
          : isDateLine(l.text, l.words)
            ? datelineNames(l.text)
            : i + 1 < lines.length && creditLine(lines[i + 1]!.text) === "job"
              ? unusedLower(nameLine(l), lowerWords)
              : [];
      if (!names.length) continue;
      guessed.push(...names);
      keep[i] = false;
      kind[i] ??= "byline";
    }
  }

  // no date in the header, credit line or dateline: an update's date, else the full date elsewhere on the page
  // nearest the title, outside the body first, is a guess (published_date_source 'inferred')
  let guess: string | null = meta.date === null ? updated : null;
  if (meta.date === null && guess === null) {
    // outside the body first, the date nearest the title (or the body's start); then the body's first
    const anchor = titleIdx >= 0 ? titleIdx : Math.max(bodyIdx, 0);
    let best = Infinity;
    for (let i = 0; i < lines.length; i++)
      if (!keep[i] && Math.abs(i - anchor) < best) {
        const d = findDate(lines[i]!.text);
        if (d) (guess = d.date), (best = Math.abs(i - anchor));
      }
    for (let i = 0; i < lines.length && guess === null; i++) if (keep[i]) guess = findDate(lines[i]!.text)?.date ?? null;
  }

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
      const text = i === bodyIdx && firstText !== null ? firstText : l.text;
      // hover cards scraped into a sentence go; the sentence closes up around them
      const cards = hoverCards(text);
      if (!cards.length) {
        body.push(text);
        return;
      }
      const base = l.end - text.length;
      let kept = "";
      let at = 0;
      for (const c of cards) {
        kept += text.slice(at, c.start);
        // the row starts after the space that parted the card from the name
        const card = text.slice(c.start, c.end).trimStart();
        boilerplate.push({ start: base + c.end - card.length, end: base + c.end, text: card, kind: "related_link" });
        at = c.end;
      }
      body.push(kept + text.slice(at));
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
    authors: [...new Set(authors.length ? authors : guessed)],
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
