// Temporal expressions of each English body as TIMEX3 rows (see pipeline/dates/extract.ts).
import { CleanArticle, DatedArticle } from "../../schemas/records.ts";
import { extractDates } from "../dates/extract.ts";
import type { Stage } from "../stage.ts";

export { extractDates };

export const dates: Stage<typeof CleanArticle, typeof DatedArticle> = {
  name: "dates",
  version: 3,
  input: CleanArticle,
  output: DatedArticle,
  run(a) {
    const found = a.language === "en" ? extractDates(a.body, a.published_date) : [];
    // resolved against a publication date the cleaner only guessed: say so
    const guessed = a.published_date_source === "inferred";
    return { ...a, dates: guessed ? found.map((d) => (d.anchor === "publication_date" ? { ...d, anchor: "inferred" as const } : d)) : found };
  },
};
