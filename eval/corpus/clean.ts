// The clean stage's metadata on real news text: `npx tsx eval/corpus/clean.ts [articles=10000]` (not a dev set, so
// `npm run eval` does not run it and the dataset card does not quote it).
// Reads the first N records of ../shared/corpus/allsides.jsonl.gz in place ($BENCH_CORPUS overrides it), runs
// cleanText on each record's text, and compares what it finds with the record's own title, authors and date, which
// came from the page's HTML (the corpus's README). The text holds little of that metadata, so these figures are
// about precision: what the stage gives on news text must be right, and on a text without its headline it should
// give none. Prints aggregates only (the corpus is never copied or published):
// - `SCORE title_exact_when_present`: of the texts with their title as a line, the share whose title is that line;
// - `SCORE title_given_when_absent`: of the texts without it, the share given a title anyway (lower is better);
// - `SCORE author_precision`: of the texts given authors that have corpus authors, the share whose names all occur
//   in the corpus's author field (case-insensitive);
// - `SCORE date_precision`: of the texts given a published_date that have a corpus date, the share equal to it.
import { cleanText } from "../../pipeline/stages/02-clean.ts";
import { corpusRecords } from "../../bench/corpus.ts";

interface Rec {
  text: string;
  title: string;
  authors: string;
  date: string | null;
}

const n = Number(process.argv[2] ?? 10000);
const recs = await corpusRecords("clean-corpus", n, (r) => (r.text ? { text: r.text, title: r.title ?? "", authors: (r as { authors?: string }).authors ?? "", date: r.date ?? null } : null) as Rec | null);
if (recs) {
  const ws = (s: string) => s.replace(/\s+/g, " ").trim();
  let present = 0, titleOk = 0, absent = 0, titleGiven = 0, authPred = 0, authOk = 0, datePred = 0, dateOk = 0;
  for (const r of recs) {
    const c = cleanText(r.text);
    const t = ws(r.title);
    if (t && r.text.split("\n").some((l) => ws(l) === t)) {
      present++;
      if (c.title !== null && ws(c.title) === t) titleOk++;
    } else {
      absent++;
      if (c.title !== null) titleGiven++;
    }
    if (c.authors.length && r.authors.trim()) {
      authPred++;
      const gold = ws(r.authors).toLowerCase();
      if (c.authors.every((a) => gold.includes(ws(a).toLowerCase()))) authOk++;
    }
    if (c.published_date && r.date) {
      datePred++;
      if (c.published_date === r.date) dateOk++;
    }
  }
  const f = (x: number, d: number) => (d ? x / d : 0).toFixed(4);
  console.log(`articles ${recs.length}: title line present ${present}, absent ${absent}; authors given ${authPred}; dates given ${datePred}`);
  console.log(`SCORE title_exact_when_present ${f(titleOk, present)}`);
  console.log(`SCORE title_given_when_absent ${f(titleGiven, absent)}`);
  console.log(`SCORE author_precision ${f(authOk, authPred)}`);
  console.log(`SCORE date_precision ${f(dateOk, datePred)}`);
}
