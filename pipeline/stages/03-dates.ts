// PLACEHOLDER (being replaced)
import { CleanArticle, DatedArticle, type DateSpan } from "../../schemas/records.ts";
import type { Stage } from "../stage.ts";

/** Temporal expressions in `text`, resolved against `publishedDate` (YYYY-MM-DD) when given. */
export function extractDates(text: string, publishedDate: string | null): DateSpan[] {
  void text; void publishedDate;
  return [];
}

export const dates: Stage<typeof CleanArticle, typeof DatedArticle> = {
  name: "dates",
  version: 0,
  input: CleanArticle,
  output: DatedArticle,
  run(a) {
    return { ...a, dates: a.language === "en" ? extractDates(a.body, a.published_date) : [] };
  },
};
