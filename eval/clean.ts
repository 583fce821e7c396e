// Scores the clean stage on the WCXB dev pages: `npx tsx eval/clean.ts [scorer flags]`.
// Reads $EVAL_DIR/boilerplate-dev.jsonl.gz (default /work/shared/eval), runs the stage's cleanText on each
// record's raw_text, writes {id, body} predictions under the OS temp dir and prints the scorer's output unchanged,
// then `SCORE title_exact` (whitespace-normalised exact match on pages with a gold title), `SCORE date_accuracy`
// (exact YYYY-MM-DD on pages with a gold date; no prediction counts as wrong) and, for information,
// `SCORE author_recall` (share of pages with a gold author whose first gold name is among the predicted authors) and
// `SCORE author_precision` (of the pages with a gold author and some predicted author, the share whose predicted
// names all occur in the gold author field, case-insensitive).
// Date: the text date, else the stage's inferred guess (what the stage publishes with published_date_source
// 'inferred'). `--half even|odd` scores only the even- or odd-indexed pages (0-based file order): the thresholds
// were set looking at the whole file, so the two halves show how much the figure moves with the pages.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { cleanText } from "../pipeline/stages/02-clean.ts";

const dir = process.env.EVAL_DIR ?? "/work/shared/eval";
const gold = join(dir, "boilerplate-dev.jsonl.gz");
const scorer = join(dir, "score-boilerplate.mjs");

interface GoldPage {
  id: string;
  raw_text: string;
  gold_title: string | null;
  gold_author: string | null;
  gold_date: string | null;
}

const argv = process.argv.slice(2);
const hi = argv.indexOf("--half");
const half = hi >= 0 ? argv[hi + 1] : null;
if (half !== null && half !== "even" && half !== "odd") throw new Error("--half takes even or odd");
const scorerArgs = hi >= 0 ? [...argv.slice(0, hi), ...argv.slice(hi + 2)] : argv;
const goldLines = gunzipSync(readFileSync(gold))
  .toString("utf8")
  .split("\n")
  .filter((l) => l.trim())
  .filter((_l, i) => half === null || i % 2 === (half === "even" ? 0 : 1));
const pages = goldLines.map((l) => JSON.parse(l) as GoldPage);

const ws = (s: string) => s.replace(/\s+/g, " ").trim();
let titles = 0, titleOk = 0, dates = 0, dateOk = 0, auth = 0, authOk = 0, authPred = 0, authPredOk = 0;
const lines = pages.map((p) => {
  const c = cleanText(p.raw_text);
  if (p.gold_title) {
    titles++;
    if (c.title !== null && ws(c.title) === ws(p.gold_title)) titleOk++;
  }
  if (p.gold_date) {
    dates++;
    if ((c.published_date ?? c.published_date_guess) === p.gold_date.slice(0, 10)) dateOk++;
  }
  if (p.gold_author) {
    auth++;
    const firstName = ws(p.gold_author.split(/,| and |&/)[0] ?? "").toLowerCase();
    if (c.authors.some((a) => ws(a).toLowerCase() === firstName)) authOk++;
    if (c.authors.length) {
      authPred++;
      const gold = ws(p.gold_author).toLowerCase();
      if (c.authors.every((a) => gold.includes(ws(a).toLowerCase()))) authPredOk++;
    }
  }
  return JSON.stringify({ id: p.id, body: c.body });
});

const tmp = mkdtempSync(join(tmpdir(), "clean-eval-"));
const pred = join(tmp, "pred.jsonl");
writeFileSync(pred, lines.join("\n") + "\n");
// a half is scored against a gold file of that half only, written next to the predictions (outside the repo)
let goldFile = gold;
if (half !== null) writeFileSync((goldFile = join(tmp, `gold-${half}.jsonl`)), goldLines.join("\n") + "\n");
process.stdout.write(execFileSync("node", [scorer, goldFile, pred, ...scorerArgs], { encoding: "utf8" }));
const f = (x: number, n: number) => (n ? x / n : 0).toFixed(4);
console.log(`SCORE title_exact ${f(titleOk, titles)}`);
console.log(`SCORE date_accuracy ${f(dateOk, dates)}`);
console.log(`SCORE author_recall ${f(authOk, auth)}`);
console.log(`SCORE author_precision ${f(authPredOk, authPred)}`);
