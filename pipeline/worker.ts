// A worker thread: runs the per-article stages on the inputs the pool sends it.
import { parentPort, workerData } from "node:worker_threads";
import type { SourceInput } from "../schemas/records.ts";
import { processCached, type CacheSpec } from "./cache.ts";
import { answerRelease, heapCeiling, WORKER_HEAP_CEILING_MB } from "./gc.ts";
import { clearWordCache } from "./ner/features.ts";
import { transferables, type ArticleStage } from "./process.ts";

const cache = (workerData as { cache: CacheSpec | null }).cache;
// Node.js 24 would let this thread's heap grow nearly twice as large as Node.js 20 does (see README, Large corpora)
const keepHeap = heapCeiling(WORKER_HEAP_CEILING_MB);

parentPort!.on("message", (m: { seq: number; source: SourceInput; until: ArticleStage | null }) => {
  if (answerRelease(m, (r) => parentPort!.postMessage(r), clearWordCache)) return;
  try {
    const { result, hit } = processCached(cache, m.source, m.until);
    parentPort!.postMessage({ seq: m.seq, ok: true, result, hit }, transferables(result));
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ seq: m.seq, ok: false, message: err.message, stack: err.stack ?? "" });
  }
  keepHeap(); // once the result is on its way
});
