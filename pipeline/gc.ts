// Collecting the heap by hand where Node runs with --expose-gc (`npm run build-data` and the bench do); without
// the flag (the library called from other code, the tests) this does nothing. V8 leaves a finished step's garbage
// in the heap until it next needs room, and RSS counts it in the next step's peak.

import { setFlagsFromString } from "node:v8";

const gc = (): (() => void) | undefined => (globalThis as { gc?: () => void }).gc;

/** A full collection of this thread's heap, where a step ends (see README, Large corpora). */
export function collectGarbage(): void {
  gc()?.();
}

/**
 * The heap flags that only the runner's thread should run with. `npm run build-data` and the bench start Node with
 * `--initial-old-space-size=64`: the runner's heap holds 17–20 MB, and under V8's own first limit (35–40 MB) it marked
 * and collected it in full about every 0.9 s of the articles phase (145 times and 9.0 s of its CPU on the full corpus,
 * while both cores were busy with the article workers; 52 times and 3.0 s with the flag). But Node gives a worker
 * thread the process's V8 flags, and the article workers collected more with it (13.5 and 11.0 s against 6.9 and
 * 6.6 s): V8 reads a heap flag when a thread's heap is made, so it is put back to V8's default before each worker is.
 */
const RUNNER_ONLY_FLAGS = ["--initial-old-space-size=0"];

/** Called before a worker thread is made: it gets V8's default heap settings, whatever the runner's thread runs with. */
export function workerHeapDefaults(): void {
  for (const f of RUNNER_ONLY_FLAGS) setFlagsFromString(f);
}
