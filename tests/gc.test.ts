import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { answerRelease, RELEASE, releaseAndTerminate } from "../pipeline/gc.ts";

// a worker that answers RELEASE as pipeline/worker.ts does, after `delay` ms, and records what it was sent
const worker = (delay: number) =>
  new Worker(
    `const { parentPort } = require("node:worker_threads");
     parentPort.on("message", (m) => {
       if (m && m.release) setTimeout(() => parentPort.postMessage({ released: true }), ${delay});
       else parentPort.postMessage({ echo: m });
     });`,
    { eval: true },
  );

describe("answerRelease", () => {
  it("answers the release message and nothing else", () => {
    const posted: unknown[] = [];
    expect(answerRelease({ seq: 1, source: {} }, (m) => posted.push(m))).toBe(false);
    expect(answerRelease(null, (m) => posted.push(m))).toBe(false);
    expect(posted).toEqual([]);
    expect(answerRelease(RELEASE, (m) => posted.push(m))).toBe(true);
    expect(posted).toEqual([{ released: true }]);
  });
  it("lets go of the worker's caches before it answers, and only when asked to release", () => {
    const order: string[] = [];
    const drop = () => order.push("drop");
    answerRelease({ seq: 2 }, () => order.push("post"), drop);
    expect(order).toEqual([]);
    answerRelease(RELEASE, () => order.push("post"), drop);
    expect(order).toEqual(["drop", "post"]);
  });
});

describe("releaseAndTerminate", () => {
  it("ends a worker once it has answered", async () => {
    const w = worker(0);
    let exited = false;
    w.once("exit", () => (exited = true));
    const t = Date.now();
    await releaseAndTerminate(w, 5000);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(w.threadId).toBe(-1);
    expect(exited).toBe(true);
  });
  it("ends a worker that does not answer in time", async () => {
    const w = worker(60_000);
    await releaseAndTerminate(w, 50);
    expect(w.threadId).toBe(-1);
  });
  it("returns at once for a worker that has stopped", async () => {
    const w = new Worker("process.exit(3)", { eval: true });
    await new Promise((r) => w.once("exit", r));
    await releaseAndTerminate(w, 60_000);
    expect(w.threadId).toBe(-1);
  });
  it("returns when the worker stops instead of answering", async () => {
    const w = new Worker(`require("node:worker_threads").parentPort.on("message", () => process.exit(0));`, { eval: true });
    await releaseAndTerminate(w, 60_000);
    expect(w.threadId).toBe(-1);
  }, 10_000);
});
