import { describe, expect, it } from "vitest";
import { settleLater } from "../pipeline/settle.ts";

describe("settleLater", () => {
  it("settles with the value given from outside", async () => {
    const s = settleLater<number>();
    s.resolve(42);
    await expect(s.promise).resolves.toBe(42);
  });
  it("passes a rejection to whoever awaits it", async () => {
    const s = settleLater();
    s.reject(new Error("no clusters"));
    await expect(s.promise).rejects.toThrow("no clusters");
  });
  it("does not report a rejection nobody awaits as unhandled", async () => {
    const seen: unknown[] = [];
    const onUnhandled = (e: unknown) => seen.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      settleLater().reject(new Error("ignored"));
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(seen).toEqual([]);
  });
});
