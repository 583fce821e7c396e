// PLACEHOLDER (being replaced): keeps every non-blank line but the first, which is taken as the title.
import { CleanArticle, RawArticle } from "../../schemas/records.ts";
import type { Stage } from "../stage.ts";
import { countWords } from "../text.ts";

export function cleanText(raw: string) {
  const lines: { start: number; end: number; text: string }[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) if (m[0].trim()) lines.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  const [first, ...rest] = lines;
  return { title: first?.text.trim() ?? null, body: rest.map((l) => l.text.trim()).join("\n\n"), boilerplate: first ? [{ start: first.start, end: first.end, text: first.text, kind: "title" as const }] : [] };
}

export const clean: Stage<typeof RawArticle, typeof CleanArticle> = {
  name: "clean",
  version: 0,
  input: RawArticle,
  output: CleanArticle,
  run(a) {
    const given = a.given_body;
    const c = given !== null ? { title: null, body: given, boilerplate: [] } : cleanText(a.raw_text);
    void countWords;
    return {
      ...a,
      title: a.manifest.title ?? c.title,
      subtitle: null,
      outlet: a.manifest.outlet,
      outlet_source: a.manifest.outlet ? "manifest" : null,
      republisher: null,
      authors: [],
      dateline_place: null,
      published_date: a.manifest.published_date,
      published_date_source: a.manifest.published_date ? "manifest" : null,
      language: a.manifest.language ?? "en",
      body: c.body,
      boilerplate: c.boilerplate,
    };
  },
};
