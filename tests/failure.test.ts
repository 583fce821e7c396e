// A row that breaks its schema stops the build before anything is published; the previous output stays.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { build } from "../pipeline/run.ts";
import { tmp } from "./helpers.ts";

// a dates stage that emits a span whose text is not what the body holds there
vi.mock("../pipeline/stages/03-dates.ts", async (orig) => {
  const real = await orig<typeof import("../pipeline/stages/03-dates.ts")>();
  return {
    ...real,
    dates: { ...real.dates, run: (a: Parameters<typeof real.dates.run>[0]) => ({ ...a, dates: [{ start: 0, end: 3, text: "zzz", type: "date", value: "2001", date: null, precision: "year", anchor: "absolute" }] }) },
  };
});

describe("a failing build", () => {
  it("names table, key, field, value and rule, and leaves the previous output as it was", async () => {
    const dir = await tmp("fail");
    const input = join(dir, "in");
    await mkdir(input);
    await writeFile(join(input, "one.txt"), "A headline\n\nThe city council met on Monday to discuss the budget for next year.\n");
    const out = join(dir, "dist");
    await mkdir(out);
    await writeFile(join(out, "marker.txt"), "previous build");
    const err = (await build({ input, out, until: "publish", text: "full" }).then(() => null, (e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/dates/);
    expect(err.message).toMatch(/one\/d0001/);
    expect(err.message).toMatch(/\.text/);
    expect(err.message).toMatch(/"zzz"/);
    expect(err.message).toMatch(/text at \[0, 3\)/);
    expect(await readFile(join(out, "marker.txt"), "utf8")).toBe("previous build");
  });
});
