// Temporal expressions of each English body as TIMEX3 rows (see pipeline/dates/extract.ts).
import { CleanArticle, DatedArticle } from "../../schemas/records.ts";
import { extractDates } from "../dates/extract.ts";
import type { Stage } from "../stage.ts";

export { extractDates };

export const dates: Stage<typeof CleanArticle, typeof DatedArticle> = {
  name: "dates",
  version: 1,
  input: CleanArticle,
  output: DatedArticle,
  run(a) {
    return { ...a, dates: a.language === "en" ? extractDates(a.body, a.published_date) : [] };
  },
};
