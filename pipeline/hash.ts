// SHA-256 and size of the published files, read and hashed in threads of their own: the data files are hashed
// as each one is finished (while publishing goes on with the rest), and each only once.
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { FileInfo } from "./publish/metadata.ts";

/** The hashing thread: plain JavaScript (no loader to boot), reading each file a chunk at a time. */
const THREAD = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { closeSync, openSync, readSync } = require("node:fs");
const buf = Buffer.allocUnsafe(1 << 22);
parentPort.on("message", ({ id, path }) => {
  try {
    const h = createHash("sha256");
    const fd = openSync(path, "r");
    let bytes = 0;
    try {
      for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; bytes += n) h.update(buf.subarray(0, n));
    } finally {
      closeSync(fd);
    }
    parentPort.postMessage({ id, bytes, sha256: h.digest("hex") });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
`;

type Reply = { id: number; bytes: number; sha256: string } | { id: number; error: string };

/**
 * Hashes files in up to `threads` threads, each file once: `info` starts hashing a file (or gives the hashing
 * already started) and resolves to its size and SHA-256. A file must not change once it is handed over.
 */
export class FileHasher {
  private readonly workers: Worker[] = [];
  private readonly busy: number[] = [];
  private readonly waiting = new Map<number, { worker: number; resolve: (x: { bytes: number; sha256: string }) => void; reject: (e: Error) => void }>();
  private readonly started = new Map<string, Promise<FileInfo>>();
  private seq = 0;
  constructor(
    private readonly threads: number,
    /** the folder paths are relative to */
    private readonly root: string,
  ) {}

  info(path: string): Promise<FileInfo> {
    let p = this.started.get(path);
    if (!p) {
      p = this.hash(join(this.root, path)).then(({ bytes, sha256 }) => ({ path, bytes, sha256 }));
      p.catch(() => {}); // awaited by whoever asks for it
      this.started.set(path, p);
    }
    return p;
  }

  private hash(file: string): Promise<{ bytes: number; sha256: string }> {
    if (this.workers.length < this.threads && !this.busy.some((n) => n === 0)) this.spawn();
    let k = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.busy[i]! < this.busy[k]!) k = i;
    this.busy[k]!++;
    const id = this.seq++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { worker: k, resolve, reject });
      this.workers[k]!.postMessage({ id, path: file });
    });
  }

  private spawn(): void {
    const k = this.workers.length;
    const w = new Worker(THREAD, { eval: true });
    w.on("message", (m: Reply) => {
      const p = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      this.busy[k]!--;
      if ("error" in m) p?.reject(new Error(`hashing a published file: ${m.error}`));
      else p?.resolve({ bytes: m.bytes, sha256: m.sha256 });
    });
    const fail = (e: Error) => {
      for (const [id, p] of this.waiting) if (p.worker === k) (this.waiting.delete(id), p.reject(e));
    };
    w.on("error", fail);
    w.on("exit", (code) => fail(new Error(`a hashing thread stopped (exit code ${code})`)));
    this.workers.push(w);
    this.busy.push(0);
  }

  async close(): Promise<void> {
    const ws = this.workers.splice(0);
    for (const w of ws) w.removeAllListeners("exit");
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
