import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { answerRelease, heapCeiling, RELEASE, releaseAndTerminate } from "../pipeline/gc.ts";

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

describe("heapCeiling", () => {
  const MB = 2 ** 20;
  // a heap whose use the test sets (at: the check run with `mb` MB in use), and a collection that leaves `left` MB in use
  const fake = (left: number) => {
    const h = { inUse: 0, left, collections: 0 };
    const check = heapCeiling(100, 1.5, {
      used: () => h.inUse * MB,
      collect: () => {
        h.collections++;
        h.inUse = h.left;
      },
    });
    const at = (mb: number) => {
      h.inUse = mb;
      return check();
    };
    return { h, at };
  };
  it("collects only above the ceiling", () => {
    const { h, at } = fake(40);
    expect(at(100)).toBe(false);
    expect(at(101)).toBe(true);
    expect(h.collections).toBe(1);
    expect(h.inUse).toBe(40);
    // the ceiling stays at its floor while a collection leaves little in use
    expect(at(99)).toBe(false);
    expect(at(101)).toBe(true);
  });
  it("raises the ceiling over what a collection leaves, and lowers it again", () => {
    const { h, at } = fake(80);
    expect(at(150)).toBe(true);
    // 1.5 times the 80 MB left: not collected again at 110 MB
    expect(at(110)).toBe(false);
    h.left = 20;
    expect(at(121)).toBe(true);
    expect(h.collections).toBe(2);
    // that collection left 20 MB: the ceiling is back at its floor
    expect(at(101)).toBe(true);
    expect(h.collections).toBe(3);
  });
  it("does nothing without a collector (Node run without --expose-gc)", () => {
    const check = heapCeiling(1, 1.5, { used: () => 1e12, collect: undefined });
    expect(check()).toBe(false);
  });
});
