// Per-article work over worker threads, each input sent to the worker with the fewest unanswered inputs.
// The runner hands results back in input order with a bounded number in flight, so output does not depend
// on which worker ran what.
import { cpus } from "node:os";
import { Worker } from "node:worker_threads";
import type { SourceInput } from "../schemas/records.ts";
import { processCached, type CacheSpec } from "./cache.ts";
import { isReleased, releaseAndTerminate, THREAD_YOUNG_MB } from "./gc.ts";
import type { ArticleStage, Processed } from "./process.ts";

export const defaultJobs = (): number => Math.max(1, cpus().length);

type Reply = { seq: number; ok: true; result: Processed; hit: boolean } | { seq: number; ok: false; message: string; stack: string };

/** Old-generation heap of a worker thread, in MiB. */
export const WORKER_HEAP_MB = 256;

export class Pool {
  private readonly workers: Worker[] = [];
  /** inputs sent to each worker and not answered yet */
  private readonly load: number[] = [];
  private readonly waiting = new Map<number, { worker: number; resolve: (p: Processed) => void; reject: (e: Error) => void }>();
  private seq = 0;
  /** inputs whose result came from the cache, and inputs processed */
  hits = 0;
  misses = 0;

  /** jobs = 1 runs in this thread. With `cache`, results are read from and written to it where they are made. */
  constructor(
    readonly jobs: number,
    private readonly until: ArticleStage | null,
    private readonly cache: CacheSpec | null = null,
  ) {
    for (let i = 0; i < (jobs > 1 ? jobs : 0); i++) {
      const w = new Worker(new URL("./worker-boot.mjs", import.meta.url), {
        workerData: { entry: new URL("./worker.ts", import.meta.url).href, cache },
        // a worker holds one article at a time plus bounded caches. Node lets the process's --max-old-space-size
        // (npm run build-data sets it) override this limit; without that flag it holds
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: THREAD_YOUNG_MB },
      });
      w.on("message", (m: Reply | { released: true }) => {
        if (isReleased(m)) return; // releaseAndTerminate's
        const p = this.waiting.get(m.seq);
        this.waiting.delete(m.seq);
        if (!p) return;
        this.load[p.worker]!--;
        if (m.ok) {
          this.count(m.hit);
          p.resolve(m.result);
        } else p.reject(Object.assign(new Error(m.message), { stack: m.stack }));
      });
      w.on("error", (e) => {
        for (const p of this.waiting.values()) p.reject(e);
        this.waiting.clear();
      });
      this.workers.push(w);
      this.load.push(0);
    }
  }

  run(source: SourceInput): Promise<Processed> {
    if (this.workers.length === 0) {
      try {
        const { result, hit } = processCached(this.cache, source, this.until);
        this.count(hit);
        return Promise.resolve(result);
      } catch (e) {
        return Promise.reject(e as Error);
      }
    }
    const seq = this.seq++;
    // least loaded worker first (long articles do not hold up a queue behind them); ties go to the lowest index
    let k = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[k]!) k = i;
    this.load[k]!++;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { worker: k, resolve, reject });
      this.workers[k]!.postMessage({ seq, source, until: this.until });
    });
  }

  private count(hit: boolean): void {
    if (hit) this.hits++;
    else this.misses++;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => releaseAndTerminate(w)));
  }
}
