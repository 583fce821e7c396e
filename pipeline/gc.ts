// Collecting the heap by hand where Node runs with --expose-gc (`npm run build-data` and the bench do); without
// the flag (the library called from other code, the tests) this does nothing. V8 leaves a finished step's garbage
// in the heap until it next needs room, and RSS counts it in the next step's peak.

const gc = (): (() => void) | undefined => (globalThis as { gc?: () => void }).gc;

/** A full collection of this thread's heap, where a step ends (see README, Large corpora). */
export function collectGarbage(): void {
  gc()?.();
}
