// Quotations with their speakers (see pipeline/quotes/ for how).
import { QuotedArticle, TaggedArticle, type MentionSpan, type QuoteSpan } from "../../schemas/records.ts";
import { extractQuoteSpans } from "../quotes/extract.ts";
import type { Stage } from "../stage.ts";

/** Quotations in `text` with their speakers; `mentions` are the article's entity mentions. */
export function extractQuotes(text: string, mentions: MentionSpan[]): QuoteSpan[] {
  return extractQuoteSpans(text, mentions);
}

export const quotes: Stage<typeof TaggedArticle, typeof QuotedArticle> = {
  name: "quotes",
  version: 2,
  input: TaggedArticle,
  output: QuotedArticle,
  run(a) {
    return { ...a, quotes: a.language === "en" ? extractQuotes(a.body, a.mentions) : [] };
  },
};
