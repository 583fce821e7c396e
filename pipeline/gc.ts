// Collecting the heap by hand where Node runs with --expose-gc (`npm run build-data` and the bench do); without
// the flag (the library called from other code, the tests) this does nothing. V8 leaves a finished step's garbage
// in the heap until it next needs room, and RSS counts it in the next step's peak.
import { getHeapStatistics } from "node:v8";
import type { Worker } from "node:worker_threads";

/**
 * The young generation of each worker thread, in MiB: what Node.js 20 gives a thread. Node.js 24 would give the
 * link thread 128 MB (see README, Large corpora).
 */
export const THREAD_YOUNG_MB = 32;

/**
 * The heap, in MiB, above which an article worker collects between articles (heapCeiling). Node.js 20 keeps a
 * worker's heap below it on its own (at most 122-124 MB in use over the full corpus, where the check never
 * collected); Node.js 24 lets it fill to 204-218 MB over 10,000 articles (see README, Large corpora).
 */
export const WORKER_HEAP_CEILING_MB = 150;

type GcOptions = { type: "major"; execution: "sync"; flavor: "last-resort" };
const gc = (): ((o?: GcOptions) => void) | undefined => (globalThis as { gc?: (o?: GcOptions) => void }).gc;

/** A full collection of this thread's heap, where a step ends (see README, Large corpora). */
export function collectGarbage(): void {
  gc()?.();
}

/**
 * The collection V8 makes before it gives up for lack of memory: it also hands this thread's empty heap pages back.
 * For a worker thread about to end: on Node.js 24 the process keeps a finished worker's heap pages resident
 * unless the worker gave them back first (see README, Large corpora).
 */
export function releaseHeap(): void {
  gc()?.({ type: "major", execution: "sync", flavor: "last-resort" });
}

/**
 * A ceiling on this thread's heap, kept by a full collection between units of work: the returned check, called
 * after each unit, collects where the heap in use (live objects and garbage not yet collected) is above the ceiling,
 * and tells whether it did. After a collection the ceiling is `growth` times what is left in use, and never below
 * `mb`, so that a thread whose live objects near the ceiling is not collected after every unit. Without --expose-gc
 * it does nothing. `heap` reads the heap in use and gives the collector (for tests).
 */
export function heapCeiling(
  mb: number,
  growth = 1.5,
  heap: { used: () => number; collect: (() => void) | undefined } = { used: () => getHeapStatistics().used_heap_size, collect: gc() },
): () => boolean {
  const floor = mb * 2 ** 20;
  let ceiling = floor;
  return () => {
    if (!heap.collect || heap.used() <= ceiling) return false;
    heap.collect();
    ceiling = Math.max(floor, growth * heap.used());
    return true;
  };
}

/** The message a worker answers, once its heap is released, with `{ released: true }` (answerRelease). */
export const RELEASE = { release: true } as const;

/** Whether a worker's message is its answer to RELEASE (a worker's other messages go past it). */
export const isReleased = (m: unknown): m is { released: true } => typeof m === "object" && m !== null && "released" in m;

/**
 * In a worker's message handler: true where the message was RELEASE, which it has answered. `drop` first lets go
 * of what the worker keeps between inputs (its caches), so that it is not among the pages Node.js 24 keeps.
 */
export function answerRelease(m: unknown, post: (m: { released: true }) => void, drop?: () => void): boolean {
  if (typeof m !== "object" || m === null || !("release" in m)) return false;
  drop?.();
  releaseHeap();
  post({ released: true });
  return true;
}

/**
 * Asks `worker` to release its heap (answerRelease), then ends it. A worker that has stopped is only ended, and one
 * still busy after `waitMs` (a build that failed while it worked) is ended as it is.
 */
export async function releaseAndTerminate(worker: Worker, waitMs = 2000): Promise<void> {
  if (worker.threadId === -1) return; // it has stopped
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => done(), waitMs);
    const done = () => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("exit", done);
      worker.off("error", done);
      resolve();
    };
    const onMessage = (m: unknown) => {
      if (isReleased(m)) done();
    };
    worker.on("message", onMessage);
    worker.once("exit", done);
    worker.once("error", done);
    worker.postMessage(RELEASE);
  });
  await worker.terminate();
}
