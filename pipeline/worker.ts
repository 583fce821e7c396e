// A worker thread: runs the per-article stages on the inputs the pool sends it.
import { parentPort, workerData } from "node:worker_threads";
import type { SourceInput } from "../schemas/records.ts";
import { processCached, type CacheSpec } from "./cache.ts";
import { answerRelease } from "./gc.ts";
import { clearWordCache } from "./ner/features.ts";
import { transferables, type ArticleStage } from "./process.ts";

const cache = (workerData as { cache: CacheSpec | null }).cache;

parentPort!.on("message", (m: { seq: number; source: SourceInput; until: ArticleStage | null }) => {
  if (answerRelease(m, (r) => parentPort!.postMessage(r), clearWordCache)) return;
  try {
    const { result, hit } = processCached(cache, m.source, m.until);
    parentPort!.postMessage({ seq: m.seq, ok: true, result, hit }, transferables(result));
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ seq: m.seq, ok: false, message: err.message, stack: err.stack ?? "" });
  }
});
