// Scores the quote extractor on the PolNeAR dev set: `npx tsx eval/quotes.ts [scorer flags]`.
// Reads $EVAL_DIR/quotes-dev.jsonl.gz (default /work/shared/eval), runs the project's extractor with
// the project's entity tagger for mentions, writes predictions under the OS temp dir and prints
// the scorer's output unchanged. Partial quotes with no speaker (scare quotes, titles) are left out: they are not
// attributions, which is what PolNeAR annotates. Of two partial quotes in a row with one speaker, one inside the other's
// clause (`called it “a” and “b”`), only the one with the clause is scored: PolNeAR has one attribution there. Extra arguments (e.g. `--errors 20`, `--kinds direct`) go to the scorer.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { extractQuoteRecords } from "../pipeline/quotes/extract.ts";
import { tagEntities } from "../pipeline/stages/04-entities.ts";

const dir = process.env.EVAL_DIR ?? "/work/shared/eval";
const gold = join(dir, "quotes-dev.jsonl.gz");
const scorer = join(dir, "score-quotes.mjs");

interface GoldDoc {
  id: string;
  text: string;
}

// PolNeAR's kinds: "mixed" is a content span partly in quotation marks, our "partial".
const KIND = { direct: "direct", partial: "mixed", indirect: "indirect" } as const;

const docs = gunzipSync(readFileSync(gold))
  .toString("utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldDoc);

// Mentions only set speaker_mention, which the scorer does not read; a tagger that fails (say, mid-retraining) must not stop the eval.
let taggerError: unknown = null;
const mentionsOf = (text: string): ReturnType<typeof tagEntities> => {
  if (taggerError === null) {
    try {
      return tagEntities(text);
    } catch (e) {
      taggerError = e;
      process.stderr.write(`eval/quotes: entity tagger failed, scoring without mentions: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  return [];
};

const lines = docs.map((d) => {
  // PolNeAR annotates attributions: a partial quote with no source (a scare quote, a title) is not one, so it is not
  // predicted; direct quotes are, with or without a speaker (PolNeAR has source-less direct quotes too).
  const records = extractQuoteRecords(d.text, mentionsOf(d.text)).filter((r) => !(r.quote.kind === "partial" && r.quote.speaker === null));
  // PolNeAR's unit is the attribution: partial quotes of one speaker inside one reported clause (`called it “a” and
  // “b”`) are one content span there, so a partial quote inside the clause of the one before, with its speaker, is
  // scored as part of it (the scorer's rule for the parts of one quotation), not as a second quote
  const kept: typeof records = [];
  for (const r of records) {
    const q = r.quote, last = kept[kept.length - 1];
    const same = last !== undefined && q.kind === "partial" && last.quote.kind === "partial" && last.quote.speaker_start === q.speaker_start;
    if (same && q.start >= last.content.start && q.end <= last.content.end) continue;
    if (same && last.quote.start >= r.content.start && last.quote.end <= r.content.end) kept.pop();
    kept.push(r);
  }
  const quotes = kept.map(({ quote: q, content }) => ({
    // PolNeAR's content span is the whole reported clause, so a partial quote is scored by the clause around it
    start: q.kind === "partial" ? content.start : q.start,
    end: q.kind === "partial" ? content.end : q.end,
    ...(q.kind === "partial" ? {} : { fragments: q.fragments }),
    speaker: q.speaker,
    speaker_start: q.speaker_start,
    speaker_end: q.speaker_end,
    kind: KIND[q.kind],
  }));
  return JSON.stringify({ id: d.id, quotes });
});

const pred = join(mkdtempSync(join(tmpdir(), "quotes-eval-")), "pred.jsonl");
writeFileSync(pred, lines.join("\n") + "\n");
const report = execFileSync("node", [scorer, gold, pred, ...process.argv.slice(2)], { encoding: "utf8" });
process.stdout.write(report);
// the scorer's other headline figure, as a SCORE line for eval/results.json
const spk = /speaker acc \(strict, cover>0\.3\) ([\d.]+)/.exec(report);
if (spk) console.log(`SCORE speaker_accuracy ${(Number(spk[1]) / 100).toFixed(4)}`);
