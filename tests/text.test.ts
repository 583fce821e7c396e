// Small text helpers: sentences of the lines asked about are those of the whole text.
import { describe, expect, it } from "vitest";
import { sentenceSpans, sentenceSpansAt } from "../pipeline/text.ts";

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
