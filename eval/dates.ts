// Scores the dates extractor on TimeBank (TempEval-3 training part): `npx tsx eval/dates.ts`.
// Reads $EVAL_DIR/dates-dev.jsonl.gz (default /work/shared/eval), tags each text with the project's
// extractor, resolving against the record's document creation time, writes predictions under the OS
// temp dir and prints the scorer's output unchanged. Extra arguments go to the scorer.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { tagTimexes } from "../pipeline/dates/extract.ts";

const dir = process.env.EVAL_DIR ?? "/work/shared/eval";
const gold = join(dir, "dates-dev.jsonl.gz");
const scorer = join(dir, "score-dates.mjs");

interface GoldDoc {
  id: string;
  dct: string | null;
  text: string;
}

const docs = gunzipSync(readFileSync(gold))
  .toString("utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldDoc);

const lines = docs.map((d) => {
  const timexes = tagTimexes(d.text, d.dct).map((t) => ({ start: t.start, end: t.end, type: t.type.toUpperCase(), value: t.value }));
  return JSON.stringify({ id: d.id, timexes });
});

const pred = join(mkdtempSync(join(tmpdir(), "dates-eval-")), "pred.jsonl");
writeFileSync(pred, lines.join("\n") + "\n");
if (process.env.DATES_PRED_OUT) writeFileSync(process.env.DATES_PRED_OUT, lines.join("\n") + "\n");
const report = execFileSync("node", [scorer, gold, pred, ...process.argv.slice(2)], { encoding: "utf8" });
process.stdout.write(report);
// the scorer's other headline figure, as a SCORE line for eval/results.json
const relaxed = /relaxed span F1 ([\d.]+)/.exec(report);
if (relaxed) console.log(`SCORE relaxed_span_f1 ${(Number(relaxed[1]) / 100).toFixed(4)}`);
