// Small text helpers: sentences of the lines asked about are those of the whole text.
import { describe, expect, it } from "vitest";
import { countWords, sentenceSpans, sentenceSpansAt, spanAt } from "../pipeline/text.ts";

const sentenceAt = (spans: [number, number][], o: number) => spans.find(([s, e]) => s <= o && o < e) ?? null;

describe("sentenceSpansAt", () => {
  const text = [
    "Headline Without A Stop",
    "",
    "Mr. Vale said on Monday that the U.S. plan was late. \u201cIt is,\u201d he said. The rest followed (see p. 4).",
    "A line that ends without a stop",
    "and one that starts in lower case. Then a second sentence!   ",
    "",
    "\u201cQuoted first.\u201d Then more... and an end?",
  ].join("\n");

  it("finds, for every offset, the sentence the whole text's segmentation gives", () => {
    const full = sentenceSpans(text);
    for (let o = 0; o < text.length; o++) expect([o, sentenceAt(sentenceSpansAt(text, [o]), o)]).toEqual([o, sentenceAt(full, o)]);
  });

  it("segments only the lines asked about, each once, in text order", () => {
    const monday = text.indexOf("Monday");
    const second = text.indexOf("second");
    const spans = sentenceSpansAt(text, [second, monday, monday + 1]);
    const lines = text.split("\n");
    // (ICU's own breaks, abbreviations included)
    expect(spans.map(([s, e]) => text.slice(s, e))).toEqual([
      "Mr.",
      "Vale said on Monday that the U.S. plan was late.",
      "\u201cIt is,\u201d he said.",
      "The rest followed (see p.",
      "4).",
      "and one that starts in lower case.",
      "Then a second sentence!",
    ]);
    expect(spans.every(([s]) => s >= lines[0]!.length)).toBe(true);
    expect(sentenceSpansAt(text, [])).toEqual([]);
    expect(sentenceSpansAt(text, [0])).toEqual([[0, lines[0]!.length]]);
  });
});

describe("sentenceSpans", () => {
  // the spans of one pass of Intl.Segmenter over the whole text
  const whole = (text: string): [number, number][] => {
    const out: [number, number][] = [];
    for (const s of new Intl.Segmenter("en", { granularity: "sentence" }).segment(text)) {
      let end = s.index + s.segment.length;
      while (end > s.index && /\s/.test(text[end - 1]!)) end--;
      if (end > s.index) out.push([s.index, end]);
    }
    return out;
  };
  const pieces = [
    "Mr. Vale said on Feb. 14, 2018, that the U.S. plan was late.",
    "\u201cIt is,\u201d he said (see p. 4).",
    "Prices rose 3.5 per cent... and then fell?",
    "A sentence with an emoji \u{1F6A2} and no stop",
    "Then   a  second one!",
  ];
  const text = Array.from({ length: 400 }, (_, i) => pieces[i % pieces.length]).join(" ");

  it("cuts a long line a window at a time into the sentences of one pass over it", () => {
    const want = whole(text);
    expect(want.length).toBeGreaterThan(300);
    expect(sentenceSpans(text)).toEqual(want);
    // windows far smaller than the text, each cut inside a sentence
    expect(sentenceSpans(text, 300, 64)).toEqual(want);
    expect(sentenceSpans(text, 97, 40)).toEqual(want);
  });

  it("grows the window past a sentence longer than it", () => {
    const long = `${"word ".repeat(500)}end. Next one. ${"more ".repeat(300)}done.`;
    expect(sentenceSpans(long, 64, 16)).toEqual(whole(long));
  });
});

describe("spanAt", () => {
  const spans: [number, number][] = [
    [0, 5],
    [6, 10],
    [10, 12],
    [20, 30],
  ];
  it("finds the span holding an offset, or none in a gap or past the end", () => {
    for (let o = -1; o < 32; o++) expect([o, spanAt(spans, o) ?? null]).toEqual([o, sentenceAt(spans, o)]);
    expect(spanAt([], 3)).toBeUndefined();
  });
});

describe("countWords", () => {
  // what the scan must agree with: every match of the word expression
  const byExpression = (s: string) => s.match(/[\p{L}\p{N}\p{M}]+(?:['’\-.][\p{L}\p{N}\p{M}]+)*/gu)?.length ?? 0;
  it("counts the words the expression matches, over random texts of letters, marks, joiners and other characters", () => {
    // ASCII, Latin letters with marks, × and ÷, a combining mark, Greek, CJK, general punctuation, an astral letter, a lone surrogate
    const pieces = ["a", "Z", "7", " ", "'", "’", "-", ".", ",", "\n", "é", "ß", "×", "÷", "\u0301", "λ", "中", "\u2014", "\u201c", "\u00a0", "\u{1D400}", "\uD800", "٣"];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    for (let k = 0; k < 2000; k++) {
      let s = "";
      const len = rand(40);
      for (let i = 0; i < len; i++) s += pieces[rand(pieces.length)];
      expect(countWords(s), JSON.stringify(s)).toBe(byExpression(s));
    }
  });
  it("joins runs by an inner apostrophe, hyphen or point only", () => {
    expect(countWords("Don't stop the well-known U.S. figure of 1.35 - or 'so'.")).toBe(10);
    expect(countWords("")).toBe(0);
    expect(countWords("-- ... ’")).toBe(0);
  });
});
