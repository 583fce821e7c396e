// Quotations and their speakers: pairs marks into segments, groups segments into quotes
// (interrupted and multi-paragraph ones), reads the attribution frame around each, and
// inherits speakers across paragraphs. One pass over the text; every search is bounded.
import type { MentionSpan, QuoteSpan } from "../../schemas/records.ts";
import { cueAt, indexTokens, isContraction, isMasked, isPassive, mayCue, negated, npBackward, parseAfter, parseBefore, PRONOUNS, tokenize, type Frame } from "./frames.ts";
import { TITLE_CUES, TITLES } from "./lexicon.ts";
import { isGivenName } from "../given-names.ts";
import { findSegments, maskSegments, sameStyle, type Segment } from "./marks.ts";
import { descriptionHead, lastMentionBefore, resolveSpeaker, speakerKind, type ResolveContext } from "./resolve.ts";
import { sentenceStarts } from "./sentences.ts";

/** A quote with the span of its whole reported content (for a partial quote: the clause around it). */
export interface QuoteRecord {
  quote: QuoteSpan;
  content: { start: number; end: number };
}

type Attribution = QuoteSpan["attribution"];

/** Segments grouped into quotes: one part, an interrupted quote's parts, or paragraphs of one quote. */
export function groupSegments(text: string, segs: readonly Segment[], paras: readonly (readonly [number, number])[]): Segment[][] {
  const out: Segment[][] = [];
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k]!;
    const last = out[out.length - 1];
    const tail = last?.[last.length - 1];
    const next = paras[s.para];
    const chained = tail && tail.close === null && tail.open !== null && tail.para === s.para - 1 && next && s.open === next[0] && sameStyle(text[tail.open]!, text[s.open]!);
    if (chained && !transcriptLabel(text, s.start, s.end)) last!.push(s);
    else out.push([s]);
  }
  return out;
}

const TITLE_BEFORE = /(?:\p{L}['\u2019]s?|\b(?:on|of|in|at))\s*$/u;
const words = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const isTitleCase = (s: string): boolean => {
  const ws = s.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return ws.length > 0 && ws.length <= 10 && ws.every((w, i) => /^\P{Ll}/u.test(w) || (i > 0 && /^(?:a|an|the|of|and|or|in|on|at|to|for|with|by|from)$/.test(w)));
};

interface Ctx {
  text: string;
  masked: string;
  paras: readonly (readonly [number, number])[];
  starts: number[]; // sentence starts, all paragraphs, sorted
  mentions: readonly MentionSpan[];
}

function sentenceOf(ctx: Ctx, pos: number, para: number): [number, number] {
  let lo = 0, hi = ctx.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.starts[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  const s = ctx.starts[lo - 1] ?? 0;
  const pEnd = ctx.paras[para]![1];
  const e = Math.min(ctx.starts[lo] ?? pEnd, pEnd);
  return [s, e];
}

/** Whether a paragraph holds nothing but quoted words and punctuation. */
export function onlyQuote(masked: string, lo: number, hi: number): boolean {
  return !/[\p{L}\p{N}]/u.test(masked.slice(lo, hi));
}

/** Quoted words that end with a comma, a question or an exclamation: a frame may follow them (`," notes Ann Vale`). */
const opensFrame = (quoted: string): boolean => /[,?!]\s*$/.test(quoted);

/** The text between two parts of a quote is an attribution frame ("," she said, ") or nothing. */
function interruption(ctx: Ctx, a: Segment, b: Segment): Frame | "none" | null {
  if (a.close === null || b.open === null || a.para !== b.para) return null;
  const between = ctx.masked.slice(closeEnd(ctx.text, a.close), b.open);
  if (!/[\p{L}\p{N}]/u.test(between)) return /^[\s,.;:!?\u2014\u2013-]*$/.test(between) ? "none" : null;
  if (between.length > 320 || between.includes("\u0001")) return null;
  const f = parseAfter(ctx.masked, closeEnd(ctx.text, a.close), b.open, opensFrame(ctx.text.slice(a.start, a.end)));
  if (!f) return null;
  const rest = ctx.masked.slice(f.end, b.open);
  // an appositive may follow the speaker: ", said Jane Doe, an economist at the institute, "
  if (!/[,.:;\u2014\u2013-]\s*$/.test(rest) || /(?:^|[^.\p{Lu}])\.\s+\S*[\p{L}\p{N}]/u.test(rest) || tokenize(rest, 0, rest.length).length > (/^\s*,/.test(rest) ? 45 : 14)) return null;
  return f;
}

interface Found {
  frame: Frame;
  attribution: Attribution;
}

const ownFrame = (ctx: Ctx, f: Frame | null): Found | null => (f && (f.cue !== null || namesSource(ctx, f)) ? { frame: f, attribution: attributionOf(ctx, f) } : null);

/** Short words in capitals that label page furniture rather than name a source. */
const LABEL_CAPS: ReadonlySet<string> = new Set(["NEW", "MORE", "READ", "NOTE", "LIVE", "ALSO", "FULL", "TOP", "HOT", "SEE"]);

/**
 * Whether a frame without a reporting verb ("Jane Doe: …", "… — Jane Doe") names a source: a pronoun, a
 * person or organisation the tagger found there, a title or description of one ("Reporter:", "Sen. Roe:"), or a
 * name that starts with a given name or an outlet's initials (the tagger misses some in capitals: "JANE ROE:", "AP:").
 * Other labels before a colon are page furniture or headings ("Photos:", "More:", "Update:").
 */
function namesSource(ctx: Ctx, f: Frame): boolean {
  const spk = ctx.text.slice(f.speakerStart, f.speakerEnd);
  const words = spk.split(/\s+/);
  if (speakerKind(spk) === "pronoun" || descriptionHead(spk) || words.some((w) => TITLES.has(w)) || isGivenName(words[0]!)) return true;
  if (words.length === 1 && /^\p{Lu}{2,4}$/u.test(spk) && !LABEL_CAPS.has(spk)) return true; // an outlet's initials: "AP:", "CNN:"
  const ms = ctx.mentions;
  for (let k = Math.max(0, lastMentionBefore(ms, f.speakerStart)); k < ms.length && ms[k]!.start < f.speakerEnd; k++) {
    const m = ms[k]!;
    if (m.end > f.speakerStart && (m.type === "person" || m.type === "organization")) return true;
  }
  return false;
}

const attributionOf = (ctx: Ctx, f: Frame): Attribution => {
  const k = speakerKind(ctx.text.slice(f.speakerStart, f.speakerEnd));
  return k === "pronoun" ? "pronoun" : k === "name" ? "explicit" : "nominal";
};

/** Prepositions before a gerund ("for telling", "by announcing"). */
const GERUND_PREPS: ReadonlySet<string> = new Set("for by of in on after before without while from about with upon despite".split(" "));

/** An indirect speech frame in a sentence with no quote: "X said (that) …" or "…, X said." */
export function indirectIn(ctx: Ctx, s: number, e: number): { frame: Frame; content: [number, number] } | null {
  const toks = tokenize(ctx.masked, s, e);
  if (toks.length < 5 || toks.length > 120) return null;
  let n = toks.length;
  while (n > 0 && /^[.!?"'\u201D\u2019]$/.test(toks[n - 1]!.w)) n--;
  // most sentences have no reporting verb where a frame could be: skip them cheaply
  let cueSeen = false;
  for (let k = 1; k < n && !cueSeen; k = k === 12 ? Math.max(13, n - 8) : k + 1) cueSeen = mayCue(toks[k]!);
  if (!cueSeen) return null;
  // "…, she said." at the end
  for (let c = n - 2; c >= Math.max(1, n - 8); c--) {
    if (toks[c]!.w !== ",") continue;
    const f = parseAfter(ctx.masked, toks[c]!.s, toks[n - 1]!.e);
    if (f && f.cue && tokenize(ctx.masked, f.end, toks[n - 1]!.e).length <= 4) return { frame: f, content: [s, toks[c]!.s] };
    break;
  }
  // "She said (that) …" near the start
  for (let k = 1; k < Math.min(n - 3, 12); k++) {
    const cue = cueAt(toks, k);
    if (!cue || cue.tag === "label" || cue.tag === "document") continue;
    // a gerund after a preposition has the sentence's subject, not the words before it: "Vale is under fire for telling …"
    if (/\p{Ll}ing$/u.test(toks[k]!.w) && GERUND_PREPS.has(toks[k - 1]!.lw)) continue;
    if (negated(toks, k)) return null; // "She did not say that …" reports nothing
    // "The crowd was told that …": the subject heard it, and whoever said it is not written here
    if (isPassive(toks, k)) return null;
    // "it is worth noting that …", "it's said that …": the writer's aside, a saying of no one
    // ("it's telling that …" too)
    if (toks[k - 1]!.lw === "worth" || (/^it['\u2019]s$/.test(toks[k - 1]!.lw) && /ed$|^said$|^telling$/.test(toks[k]!.lw))) return null;
    const np = npBackward(toks, k, 0);
    // (the subject opens the sentence, or is a name in apposition after a description that does: "Her lawyer, Ann Vale, said")
    if (!np || (np.i > 3 && toks[np.i - 1]!.w !== ",")) return null;
    let after = k + cue.len;
    if (cue.tag === "addressee") {
      while (after < n && after < k + 6 && toks[after]!.lw !== "that") after++;
      if (toks[after]?.lw !== "that") return null;
    } else if (toks[after]?.lw !== "that") {
      const t = toks[after];
      const subj = t && (PRONOUNS.has(t.lw) || isContraction(t) || /^(?:the|a|an|his|her|its|their)$/.test(t.lw));
      if (!subj || !/^(?:said|says)$/.test(toks[k]!.lw)) return null;
    }
    const np0 = toks[np.i]!, np1 = toks[np.j - 1]!;
    const cs = toks[k]!.s, ce = toks[k + cue.len - 1]!.e;
    // a pronoun with a clitic ("It's long claimed") is the pronoun
    const se = np.j - np.i === 1 && isContraction(np0) ? np0.s + np0.w.search(/['\u2019]/) : np1.e;
    const frame: Frame = { speakerStart: np0.s, speakerEnd: se, cue: ctx.text.slice(cs, ce), cueStart: cs, cueEnd: ce, start: np0.s, end: ce };
    return { frame, content: [toks[after]!.s, toks[n - 1]!.e] };
  }
  return null;
}

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && /[\s,;:\u2014\u2013-]/.test(text[s]!)) s++;
  while (e > s && /[\s,;:\u2014\u2013-]/.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Every quotation of `text` with its speaker and its content span. */
/**
 * The parts of an interrupted quote as they are joined with " … ": an ellipsis that ends a part or
 * starts the next stays out of it, so the joined text splits back into its parts unambiguously.
 */
export function joinable(text: string, parts: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  return parts.map((p) => {
    let { start, end } = p;
    const tail = /\s*(?:\u2026|\.\.\.)\s*$/.exec(text.slice(start, end));
    if (tail && tail.index > 0) end = start + tail.index;
    const head = /^\s*(?:\u2026|\.\.\.)\s*/.exec(text.slice(start, end));
    if (head && head[0].length < end - start) start += head[0].length;
    return { start, end };
  });
}

export function extractQuoteRecords(text: string, mentions: readonly MentionSpan[]): QuoteRecord[] {
  const paras = lineSpans(text);
  const found = findSegments(text, paras);
  const nicknames = found.filter((s) => isNickname(text, s));
  const segs = nicknames.length ? found.filter((s) => !nicknames.includes(s)) : found;
  // (a nickname's marks are blanked too, so that the name reads as one: `said Brian "Boomer" Doe`)
  const masked = blankMarks(maskSegments(text, segs), text, nicknames);
  indexTokens(masked);
  const paraStarts = paras.map(([lo, hi]) => sentenceStarts(text, masked, lo, hi));
  const starts: number[] = [];
  for (const ps of paraStarts) for (const x of ps) starts.push(x);
  const ctx: Ctx = { text, masked, paras, starts, mentions };
  const groups = groupSegments(text, segs, paras);

  const out: QuoteRecord[] = [];
  const rc: ResolveContext = { skip: (k) => masked.charCodeAt(mentions[k]!.start) === 1, lastPerson: null, lastOrg: null, text, starts };
  /** resolves a speaker span and remembers the speaker for the pronouns after it */
  const resolve = (s: number, e: number, spk: string): number | null => {
    const m = resolveSpeaker(mentions, s, e, spk, rc);
    // a pronoun that resolved carries the chain on: "He noted … X … 'Quote,' he said" is still him
    if (m !== null) {
      const t = mentions[m]!.type;
      if (t === "person") rc.lastPerson = [m, e];
      else if (t === "organization") rc.lastOrg = [m, e];
    } else if (speakerKind(spk) === "description" && descriptionHead(spk)?.type === "person" && !/s$/i.test(spk)) {
      // someone left unnamed ("the official", "a senior aide") spoke last: "he said" after it is that person, not one named before
      rc.lastPerson = [-1, e];
    }
    return m;
  };
  /** speaker frame to inherit, per paragraph (the last one read there) */
  const lastFrame: (Frame | null)[] = paras.map(() => null);
  const quotedSentences = new Set<number>();

  let g = 0;
  for (let p = 0; p < paras.length; p++) {
    const [pLo, pHi] = paras[p]!;
    // indirect speech in the sentences with no quote, each sentence read once: those before a quote are read before
    // the quote's speaker is resolved, so that a pronoun there follows them ("Vale said that … But he added: "…"")
    const pStarts = paraStarts[p]!;
    const indirect: ({ ind: NonNullable<ReturnType<typeof indirectIn>>; content: [number, number]; mention: number | null } | null)[] = [];
    let nextMasked = -1;
    const readIndirect = (k: number): void => {
      const s = pStarts[k]!;
      const e = pStarts[k + 1] ?? pHi;
      indirect[k] = null;
      if (quotedSentences.has(s)) return;
      if (nextMasked < s) nextMasked = masked.indexOf("\u0001", s) >>> 0; // -1 becomes 2^32-1: none left
      if (nextMasked < e) return;
      const ind = indirectIn(ctx, s, e);
      if (!ind) return;
      // (a frame with no words after it is kept for the paragraph after, but no one's speech)
      const content = trimSpan(text, ind.content[0], ind.content[1]);
      const f = ind.frame;
      indirect[k] = { ind, content, mention: content[1] > content[0] ? resolve(f.speakerStart, f.speakerEnd, text.slice(f.speakerStart, f.speakerEnd)) : null };
    };
    /** reads the sentences that end by `pos` */
    const readIndirectTo = (pos: number): void => {
      while (indirect.length < pStarts.length && (pStarts[indirect.length + 1] ?? pHi) <= pos) readIndirect(indirect.length);
    };
    const inPara: Segment[][] = [];
    while (g < groups.length && groups[g]![0]!.para === p) inPara.push(groups[g++]!);
    // merge interrupted quotes: "A," she said, "B."
    const units: { parts: Segment[]; interior: Frame | null }[] = [];
    for (const grp of inPara) {
      const prev = units[units.length - 1];
      const a = prev?.parts[prev.parts.length - 1];
      const b = grp[0]!;
      const joinable = prev !== undefined && a !== undefined && a.family === "double" && b.family === "double" && opensLikeDirect(ctx, prev.parts[0]!);
      const joint = joinable && (/^[\s"'\u201C\u2018]*[\p{Lu}\p{N}]/u.test(text.slice(b.start, b.start + 3)) || text[a.end - 1] === ",")
        ? interruption(ctx, a, b)
        : null;
      if (prev && joint && !(joint === "none" && prev.parts.length > 1 && prev.interior)) {
        prev.parts.push(...grp);
        if (joint !== "none" && !prev.interior) prev.interior = joint;
      } else units.push({ parts: [...grp], interior: null });
    }

    let paraFrame: Frame | null = null;
    let prevFrame: Frame | null = null; // the frame of the quote just before, when it had one
    let prevEnd = pLo; // end of the previous quote and its frame, in this paragraph
    let prevClose = pLo; // end of the previous quote's closing mark
    let titleEnd = pLo; // end of the last title in this paragraph (which does not move prevEnd)
    let listFrame: Frame | null = null; // the frame before the previous quote, when that quote was partial (a list may go on)
    let listOpen = pLo; // where that quote opened
    let unsaid: number[] = []; // partial quotes with no speaker yet, listed one after another up to the last quote (indices in out)
    for (const u of units) {
      const f0 = u.parts[0]!, fl = u.parts[u.parts.length - 1]!;
      const lastClose = prevClose;
      const openPos = f0.open ?? f0.start;
      const closePos = fl.close ?? fl.end;
      const [ss] = sentenceOf(ctx, openPos, f0.para);
      const [, pe] = paras[fl.para]!;
      // just after the closing mark (the quote's end when it has none)
      const closeAt = fl.close === null ? closePos : closeEnd(text, fl.close);
      let after = closeAt;
      while (after < pe && /\s/.test(text[after]!)) after++;
      const [ts, te] = sentenceOf(ctx, Math.min(after, pe - 1), fl.para);
      quotedSentences.add(ss);
      const quoted = u.parts.map((s) => text.slice(s.start, s.end)).join(" ");
      if (!quoted.trim()) continue;
      const closedQuote = opensFrame(quoted);
      const head = masked.slice(ss, openPos);
      const headBare = !/[\p{L}\p{N}]/u.test(head);
      const headFrame = headBare ? null : parseBefore(masked, ss, openPos, false);
      const startsUpper = /^[\s"'\u201C\u2018([]*[\p{Lu}\p{N}]/u.test(text.slice(f0.start, f0.start + 4)) || f0.open === null;
      // the writer's sentence goes on after the marks: "… called the “King James” of the court"
      const goesOn = !headBare && fl.close !== null && u.parts.length === 1 && after < pe && /\p{Ll}/u.test(text[after]!) && !/,\s*$/.test(quoted)
        && !parseAfter(masked, closeAt, Math.min(te, pe));
      // a short title in capitals after a work word, a possessive or a preposition ("on a network's “Morning Hour.”"), or
      // standing alone as its paragraph (a section heading in quote marks), names a work or a section: no one says it
      const shortTitle = isTitleCase(quoted) && words(quoted) <= 8;
      const before = masked.slice(Math.max(ss, openPos - 40), openPos);
      const named = shortTitle && (TITLE_CUES.has(lastWord(before)) || TITLE_BEFORE.test(before) || (headBare && !/\S/.test(text.slice(pLo, openPos)) && !/\S/.test(text.slice(after, pe))));
      const partial = named || goesOn || /\bthat[\s,]*$/i.test(head) || !(headBare || /:\s*$/.test(head) || (headFrame && startsUpper) || u.parts.length > 1 && u.interior !== null || f0.para !== fl.para);
      // the tail runs to the end of the sentence or the next quote, whichever comes first
      const nextSeg = segs[firstSegAfter(segs, closePos)];
      const nextOpen = nextSeg && nextSeg.para === fl.para ? (nextSeg.open ?? nextSeg.start) : Infinity;
      const tailEnd = Math.min(te, nextOpen, paras[fl.para]![1]);

      let found: Found | null = null;
      let clauseFrom = -1; // where a partial quote's clause starts, when its frame is an earlier quote's
      // a title after a work word ("the film"), a possessive or a preposition ("on a network's 'Morning Hour'") names a work
      const titleLike = partial && isTitleCase(quoted) && (TITLE_CUES.has(lastWord(before)) || TITLE_BEFORE.test(before));
      const title = titleLike || named;
      const label = partial ? null : transcriptLabel(text, f0.start, f0.end);
      // a title named in a speaker's frame ("Tom Pell said on a network's “New Day”") is no one's words, but the quotes
      // after it go on with that speaker
      if (title) {
        found = null;
        const f = headFrame && headFrame.cueStart !== null ? ownFrame(ctx, headFrame) : null;
        if (f) paraFrame = f.frame;
      } else if (label) found = { frame: label, attribution: "explicit" };
      else if (partial) {
        found =
          ownFrame(ctx, parseBefore(masked, Math.max(ss, prevEnd), openPos, true)) ??
          // the frame may start after a title in the sentence: "Speaking on a network's “New Day,” Vale called it “…”"
          (titleEnd > Math.max(ss, prevEnd) ? ownFrame(ctx, parseBefore(masked, titleEnd, openPos, true)) : null) ??
          // (not when the quoted words end the writer's sentence: `as "the moderate wing." She is best known for …`)
          (fl.close !== null && !(/[.!?]\s*$/.test(quoted) && ts >= closeAt) ? ownFrame(ctx, parseAfter(masked, closeAt, tailEnd, closedQuote)) : null) ??
          ownFrame(ctx, headlineLabel(text, pLo, openPos));
        // the same speaker goes on in the sentence: `"…," he said, adding that it was "a mistake"`
        // (or after a partial quote of hers: `Vale called it “a farce” but added that it was “legal”`)
        let goesFrame: Frame | null = prevFrame;
        let goesOnAt = !found && prevFrame && prevFrame.end >= ss && prevFrame.end <= openPos ? goesOnSpeaking(masked, prevFrame.end, openPos) : -1;
        if (!found && goesOnAt < 0 && listFrame && listOpen >= ss) {
          goesOnAt = goesOnSpeaking(masked, prevClose, openPos);
          goesFrame = listFrame;
        }
        if (goesOnAt >= 0) {
          found = { frame: goesFrame!, attribution: "continuation" };
          clauseFrom = goesOnAt;
        }
        // the frame after the quote before governs this one's clause: `Noting that they never sought "a war," Ann Vale
        // said the plan should stay "on the table."`
        if (!found && prevFrame && prevFrame.cue !== null && prevFrame.start >= prevClose && prevFrame.end >= ss && prevFrame.end <= openPos) found = ownFrame(ctx, prevFrame);
        // quoted words in a list with the partial quote before, in its sentence, are the same speaker's:
        // `Vale called the plan “unworkable,” “costly” and “unfair.”`
        if (!found && listFrame && listOpen >= ss && listGap(text, prevClose, openPos)) found = { frame: listFrame, attribution: "continuation" };
      } else {
        found = ownFrame(ctx, u.interior) ?? (fl.close !== null ? ownFrame(ctx, parseAfter(masked, closeAt, tailEnd, closedQuote)) : null) ?? ownFrame(ctx, headFrame);
        if (!found && openPos === pLo && p > 0) {
          const [qLo, qHi] = paras[p - 1]!;
          // (a paragraph that ends in a colon or a comma introduces the quote: "As Tom Pell explained,")
          if (/[:,]\s*$/.test(masked.slice(qLo, qHi))) {
            const [ps] = sentenceOf(ctx, qHi - 1, p - 1);
            found = ownFrame(ctx, parseBefore(masked, ps, qHi, false));
          }
        }
        if (!found && paraFrame) found = { frame: paraFrame, attribution: "continuation" };
        if (!found && ss > pLo) {
          // the sentence before reports the same speaker: "The plan will fail, Doe said. \"We warned them.\""
          const [ps, pe2] = sentenceOf(ctx, ss - 1, p);
          const ind = pe2 <= ss && ps >= pLo ? indirectIn(ctx, ps, ss) : null;
          if (ind) found = { frame: ind.frame, attribution: "continuation" };
        }
        // a credit line after the quote that ends its paragraph (`” Ann Vale, Harbour Times`), or right under a quote
        // that is all its paragraphs: "— Ann Vale, author"
        const [lLo, lHi] = paras[fl.para]!;
        if (!found && fl.close !== null) found = ownFrame(ctx, creditLine(ctx, closeAt, lHi));
        if (!found && onlyQuote(masked, pLo, p === fl.para ? pHi : lHi) && onlyQuote(masked, lLo, lHi)) found = ownFrame(ctx, creditBelow(ctx, fl.para + 1));
        // a paragraph that is only a short title-case quote is a subheading, not more of the last speaker's words
        if (!found && onlyQuote(masked, pLo, pHi) && p > 0 && lastFrame[p - 1] && !shortTitle) found = { frame: lastFrame[p - 1]!, attribution: "carryover" };
      }
      if (found) paraFrame = found.frame;
      listFrame = partial && !title && found && found.frame.end <= openPos ? found.frame : null;
      listOpen = openPos;
      // a title is part of the writer's sentence, not a quote that ends the frame before the next one
      if (title) titleEnd = closeAt;
      else {
        prevFrame = found?.frame ?? null;
        prevClose = closeAt;
        prevEnd = Math.max(closeAt, found && found.frame.end > closePos ? found.frame.end : 0);
      }

      let content: [number, number] = clauseFrom >= 0 ? trimSpan(text, clauseFrom, Math.max(te, fl.end)) : [f0.start, fl.end];
      if (partial && found && found.attribution !== "continuation" && found.attribution !== "carryover") {
        const f = found.frame;
        if (f.end <= openPos) content = trimSpan(text, f.end, Math.max(te, fl.end));
        else if (f.start >= closePos) content = trimSpan(text, ss, Math.max(f0.start, f.start));
        content = [Math.min(content[0], f0.start), Math.max(content[1], fl.end)];
      }
      const spk = found ? text.slice(found.frame.speakerStart, found.frame.speakerEnd) : null;
      const listed = unsaid.length > 0 && out[unsaid[0]!]!.quote.start >= ss && listGap(text, lastClose, openPos);
      // quoted words listed before a partial quote whose frame follows it are the same speaker's:
      // `The plan was “unworkable” and “unfair,” Ann Vale said.`
      readIndirectTo(openPos);
      const who = spk ? { speaker: spk, speaker_start: found!.frame.speakerStart, speaker_end: found!.frame.speakerEnd, speaker_mention: resolve(found!.frame.speakerStart, found!.frame.speakerEnd, spk), cue: found!.frame.cue } : null;
      if (partial && who && listed && found!.attribution !== "continuation" && frameAfterComma(text, found!.frame, fl.start, closeAt)) {
        for (const i of unsaid) out[i]!.quote = { ...out[i]!.quote, ...who, attribution: "continuation" };
      }
      unsaid = partial && !spk && !title ? (listed ? [...unsaid, out.length] : [out.length]) : [];
      const frags = u.parts.length > 1 ? joinable(text, u.parts) : u.parts.map((s) => ({ start: s.start, end: s.end }));
      // (the fields written out, each quote with the same shape: spread objects took a tenth of this function's time)
      out.push({
        quote: {
          start: frags[0]!.start,
          end: frags[frags.length - 1]!.end,
          text: frags.map((s) => text.slice(s.start, s.end)).join(" \u2026 "),
          fragments: frags,
          kind: partial ? "partial" : "direct",
          speaker: who ? who.speaker : null,
          speaker_start: who ? who.speaker_start : null,
          speaker_end: who ? who.speaker_end : null,
          speaker_mention: who ? who.speaker_mention : null,
          cue: who ? who.cue : null,
          attribution: who ? found!.attribution : "none",
        },
        content: { start: content[0], end: content[1] },
      });
    }
    // the indirect speech of the paragraph; its frame is also what a next quote-only paragraph inherits
    readIndirectTo(pHi);
    let indirectFrame: Frame | null = null;
    for (const r of indirect) {
      if (!r) continue;
      const { ind, mention } = r;
      indirectFrame = ind.frame;
      const [cs, ce] = r.content;
      if (ce <= cs) continue;
      const f = ind.frame;
      const spk = text.slice(f.speakerStart, f.speakerEnd);
      out.push({
        quote: {
          start: cs,
          end: ce,
          text: text.slice(cs, ce),
          fragments: [{ start: cs, end: ce }],
          kind: "indirect",
          speaker: spk,
          speaker_start: f.speakerStart,
          speaker_end: f.speakerEnd,
          speaker_mention: mention,
          cue: f.cue,
          attribution: attributionOf(ctx, f),
        },
        content: { start: cs, end: ce },
      });
    }
    lastFrame[p] = paraFrame && indirectFrame ? (paraFrame.start > indirectFrame.start ? paraFrame : indirectFrame) : (paraFrame ?? indirectFrame);
  }
  return out.sort((a, b) => a.quote.start - b.quote.start || a.quote.end - b.quote.end);
}

/** Where the clause after a frame starts when it goes on with its speaker's verb (", adding that …", "and warned …"), or -1. */
function goesOnSpeaking(masked: string, from: number, to: number): number {
  const toks = tokenize(masked, from, to);
  let k = 0;
  while (k < toks.length && ((toks[k]!.punct && !isMasked(toks[k]!)) || toks[k]!.lw === "and" || toks[k]!.lw === "but")) k++;
  const cue = k > 0 && k < toks.length && !toks[k]!.cap ? cueAt(toks, k) : null;
  return cue ? (toks[k + cue.len]?.s ?? to) : -1;
}

/**
 * A nickname in marks inside a person's name (`Marcia "Cia" Price`, `Dwayne 'The Rock' Johnson`): a given name right
 * before the opening mark, a capitalised word right after the closing one, and one to three capitalised words between.
 * It is part of the name, no one's quoted words.
 */
function isNickname(text: string, s: Segment): boolean {
  if (s.open === null || s.close === null || s.end - s.start > 25) return false;
  const words = text.slice(s.start, s.end).split(" ");
  if (words.length > 3 || !words.every((w) => /^\p{Lu}[\p{L}.'\u2019-]*$/u.test(w))) return false;
  const before = /(?:^|\s)(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, s.open - 20), s.open));
  return before !== null && isGivenName(before[1]!) && /^ \p{Lu}\p{Ll}/u.test(text.slice(closeEnd(text, s.close), closeEnd(text, s.close) + 3));
}

/** `masked` with the opening and closing marks of `segs` turned to spaces (offsets kept). */
function blankMarks(masked: string, text: string, segs: readonly Segment[]): string {
  if (segs.length === 0) return masked;
  const cs = masked.split("");
  for (const s of segs) for (let i = s.open!; i < s.start; i++) cs[i] = " ";
  for (const s of segs) for (let i = s.end; i < closeEnd(text, s.close!); i++) cs[i] = " ";
  return cs.join("");
}

/** Whether frame `f` comes right after a quote that ends on a comma (`… “b,” Ann Vale said`), the quote's words from `start`. */
function frameAfterComma(text: string, f: Frame, start: number, closeAt: number): boolean {
  return f.cue !== null && /^[\s,]*$/.test(text.slice(closeAt, f.start)) && /,["'\u201D\u2019\s]*$/.test(text.slice(start, f.start));
}

/** What may stand between two quoted items of one list: commas and a conjunction (`“a,” “b” and “c”`). */
const LIST_GAP = /^[^\S\n]*(?:[,;][^\S\n]*)?(?:(?:and|or|but|nor|and\/or|as well as|but also|and even|and also)[^\S\n]+)?$/;

/**
 * Whether the quote opening at `open` is the next item of a list after the quote whose closing mark ends at `close`:
 * something stands between them (quotes run together are two sentences: `…party.""His …`), and the first does not end
 * a sentence (a question or an exclamation may be an item: `yelled “Shame!” and “Resign!”`).
 */
function listGap(text: string, close: number, open: number): boolean {
  return open > close && LIST_GAP.test(text.slice(close, open)) && !/\.["'\u201D\u2019]*$/.test(text.slice(Math.max(0, close - 4), close));
}

/** Whether a quote opens its sentence the way a direct quote does: nothing before it, or a frame ending in a colon or comma. */
function opensLikeDirect(ctx: Ctx, seg: Segment): boolean {
  const open = seg.open ?? seg.start;
  const [ss] = sentenceOf(ctx, open, seg.para);
  const head = ctx.masked.slice(ss, open);
  return !/[\p{L}\p{N}]/u.test(head) || /[:,\u2014\u2013-]\s*$/.test(head);
}

const HEADLINE = /^((?:\p{Lu}[\p{L}.'\u2019-]*)(?:\s+\p{Lu}[\p{L}.'\u2019-]*){0,3})(?:\s+[\p{Ll}][\p{L}-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*){1,3})?:\s/u;

/** A headline's "Jane Doe: Claim with a 'quoted' word" — the name before the colon is the source. */
export function headlineLabel(text: string, pLo: number, openPos: number): Frame | null {
  const m = HEADLINE.exec(text.slice(pLo, Math.min(openPos, pLo + 80)));
  if (!m || pLo + m[0].length > openPos) return null;
  const a = pLo, b = pLo + m[1]!.length;
  return { speakerStart: a, speakerEnd: b, cue: null, cueStart: null, cueEnd: null, start: a, end: pLo + m[0].length - 1 };
}

/** Non-blank lines: the paragraphs as far as quotes are concerned (a single line break ends a paragraph too). */
export function lineSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let s = m.index, e = m.index + m[0].length;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push([s, e]);
  }
  return out;
}

/** Capitalised words of a name: "Ann Vale", "E.J. Roe Jr.", "Ann Vale and Tom Pell". */
const CREDIT_NAME = "\\p{Lu}[\\p{L}.'\u2019-]*(?:\\s+\\p{Lu}[\\p{L}.'\u2019-]*){1,3}";
/** A credit line under a quote: "— Ann Vale, author" or "Ann Vale, Harbour Times" (a name, then an outlet in capitals). */
const CREDIT_DASH = new RegExp(`^[\u2014\u2013-]+\\s*(${CREDIT_NAME})(?:\\s*[,(].{0,80})?$`, "u");
const CREDIT_OUTLET = new RegExp(`^(${CREDIT_NAME})(?:\\s+and\\s+${CREDIT_NAME})?,\\s+(?:[Tt]he\\s+)?\\p{Lu}[\\p{L}.&'\u2019-]*(?:\\s+\\p{Lu}[\\p{L}.&'\u2019-]*){0,4}$`, "u");

/**
 * The speaker a paragraph that is only a quote gets from a credit line right under it: "— Ann Vale, author", or a
 * person's name and an outlet ("Ann Vale, Harbour Times"), as pull quotes and opinion round-ups credit them.
 */
function creditBelow(ctx: Ctx, p: number): Frame | null {
  const para = ctx.paras[p];
  return para ? creditLine(ctx, para[0], para[1]) : null;
}

/** A credit line in [lo, hi): "— Ann Vale, author", "Ann Vale, Harbour Times". */
function creditLine(ctx: Ctx, lo: number, hi: number): Frame | null {
  while (lo < hi && /\s/.test(ctx.text[lo]!)) lo++;
  const t = ctx.masked.slice(lo, hi);
  if (t.length > 120 || t.includes("\u0001")) return null;
  const dash = CREDIT_DASH.exec(t);
  const m = dash ?? CREDIT_OUTLET.exec(t);
  if (!m) return null;
  const a = lo + m.index + m[0].indexOf(m[1]!);
  const b = a + m[1]!.length;
  // without a dash, the first name must be a person's: the tagger's, or one that opens with a known given name
  if (!dash && !isGivenName(m[1]!.split(/\s+/)[0]!) && !ctx.mentions.some((x) => x.type === "person" && x.start <= a && x.end >= Math.min(b, a + 3))) return null;
  return { speakerStart: a, speakerEnd: b, cue: null, cueStart: null, cueEnd: null, start: a, end: hi };
}

/** A transcript's speaker label at the start of a quote: "DOE: Well, …". */
export function transcriptLabel(text: string, s: number, e: number): Frame | null {
  const m = /^\s*(\p{Lu}[\p{Lu}.'\u2019\- ]{0,30}\p{Lu}):\s/u.exec(text.slice(s, Math.min(e, s + 40)));
  if (!m) return null;
  const a = s + m[0].indexOf(m[1]!);
  const b = a + m[1]!.length;
  return { speakerStart: a, speakerEnd: b, cue: null, cueStart: null, cueEnd: null, start: a, end: b + 1 };
}

/** Offset just after the closing mark at `close` (two apostrophes written as one double mark are one mark). */
const closeEnd = (text: string, close: number): number => (text[close] === "'" && text[close + 1] === "'" ? close + 2 : close + 1);

/** Index of the first segment starting after `pos` (segments sorted by start). */
function firstSegAfter(segs: readonly Segment[], pos: number): number {
  let lo = 0, hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid]!.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastWord(s: string): string {
  const m = /([\p{L}-]+)[^\p{L}]*$/u.exec(s);
  return (m?.[1] ?? "").toLowerCase();
}

/** Quotations of `text`, as the `quotes` stage emits them. */
export function extractQuoteSpans(text: string, mentions: readonly MentionSpan[]): QuoteSpan[] {
  return extractQuoteRecords(text, mentions).map((r) => r.quote);
}
