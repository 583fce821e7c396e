// A worker thread: runs the per-article stages on the inputs the pool sends it.
import { parentPort } from "node:worker_threads";
import type { SourceInput } from "../schemas/records.ts";
import { processSource, transferables, type ArticleStage } from "./process.ts";

parentPort!.on("message", (m: { seq: number; source: SourceInput; until: ArticleStage | null }) => {
  try {
    const result = processSource(m.source, m.until);
    parentPort!.postMessage({ seq: m.seq, ok: true, result }, transferables(result));
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ seq: m.seq, ok: false, message: err.message, stack: err.stack ?? "" });
  }
});
