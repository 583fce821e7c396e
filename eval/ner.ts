// Scores the entity tagger on the CoNLL-2003 English dev set: `npx tsx eval/ner.ts [--model FILE] [--no-consistency]`.
// Reads $EVAL_DIR/ner-dev.jsonl.gz (default /work/shared/eval), tags each record's text with the project's
// tagger, writes predictions under the OS temp dir and prints the scorer's output unchanged.
// MISC is emitted too; the scorer ignores it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { loadModel, tagText } from "../pipeline/ner/model.ts";
import { MODEL_PATH } from "../pipeline/stages/04-entities.ts";

const { values: v, positionals } = parseArgs({
  options: { model: { type: "string", default: MODEL_PATH }, "no-consistency": { type: "boolean", default: false } },
  allowPositionals: true,
});
const dir = process.env.EVAL_DIR ?? "/work/shared/eval";
const gold = join(dir, "ner-dev.jsonl.gz");
const scorer = join(dir, "score-ner.mjs");

const model = loadModel(v.model);
const lines = gunzipSync(readFileSync(gold))
  .toString("utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => {
    const d = JSON.parse(l) as { id: string; text: string };
    const entities = tagText(model, d.text, { consistency: !v["no-consistency"] }).map((e) => ({ start: e.start, end: e.end, type: e.type }));
    return JSON.stringify({ id: d.id, entities });
  });

const pred = join(mkdtempSync(join(tmpdir(), "ner-eval-")), "pred.jsonl");
writeFileSync(pred, lines.join("\n") + "\n");
const report = execFileSync("node", [scorer, gold, pred, ...positionals], { encoding: "utf8" });
process.stdout.write(report);
// per-type F1, as SCORE lines for eval/results.json
for (const m of report.matchAll(/^\s*(PER|ORG|LOC)\s+[\d.]+\s+[\d.]+\s+([\d.]+)/gm)) console.log(`SCORE ${m[1]!.toLowerCase()}_f1 ${(Number(m[2]) / 100).toFixed(4)}`);
