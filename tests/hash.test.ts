// The published files' hashes: the same as hashing their bytes here, each file read once, a missing file a clear failure.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { FileHasher } from "../pipeline/hash.ts";

const dir = mkdtempSync(join(tmpdir(), "nq-hash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("gives each file's size and SHA-256, across chunk ends and with several threads", async () => {
  const files: Record<string, Buffer> = {
    "empty.txt": Buffer.alloc(0),
    "small.csv": Buffer.from("a,b\n\"é\",1\n"),
    // longer than the thread's 4 MiB read, and not a multiple of it
    "big.bin": Buffer.from(Array.from({ length: (1 << 22) + 12345 }, (_, i) => (i * 7919) % 251)),
  };
  for (const [name, b] of Object.entries(files)) writeFileSync(join(dir, name), b);
  const h = new FileHasher(2, dir);
  try {
    const got = await Promise.all(Object.keys(files).map((f) => h.info(f)));
    expect(got).toEqual(Object.entries(files).map(([path, b]) => ({ path, bytes: b.length, sha256: createHash("sha256").update(b).digest("hex") })));
  } finally {
    await h.close();
  }
});

it("hashes a file once however often it is asked for", async () => {
  writeFileSync(join(dir, "once.txt"), "first");
  const h = new FileHasher(1, dir);
  try {
    const first = await h.info("once.txt");
    writeFileSync(join(dir, "once.txt"), "changed after it was handed over");
    expect(await h.info("once.txt")).toBe(first);
    expect(first.bytes).toBe(5);
  } finally {
    await h.close();
  }
});

it("rejects a file that cannot be read, naming it", async () => {
  const h = new FileHasher(1, dir);
  try {
    await expect(h.info("missing.parquet")).rejects.toThrow(/hashing a published file: .*missing\.parquet/);
    // the thread is still there for the next file
    writeFileSync(join(dir, "after.txt"), "x");
    expect((await h.info("after.txt")).bytes).toBe(1);
  } finally {
    await h.close();
  }
});
