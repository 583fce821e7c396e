import { describe, expect, it } from "vitest";
import { buildDataLaunch, parseBuildScript } from "../bench/flags.ts";
import { ROOT } from "../pipeline/run.ts";

describe("parseBuildScript", () => {
  it("reads the environment, node's flags and the heap's default or override", () => {
    const script = "A_B=1 C=x node --max-old-space-size=${HEAP:-512} --expose-gc --import tsx main.ts --quiet";
    expect(parseBuildScript(script, "main.ts", {})).toEqual({ env: { A_B: "1", C: "x" }, nodeArgs: ["--max-old-space-size=512", "--expose-gc", "--import", "tsx"] });
    expect(parseBuildScript(script, "main.ts", { HEAP: "2048" }).nodeArgs[0]).toBe("--max-old-space-size=2048");
  });
  it("refuses a script of another form", () => {
    expect(() => parseBuildScript("tsx main.ts", "main.ts", {})).toThrow(/not "\[NAME=value/);
    expect(() => parseBuildScript("node --expose-gc other.ts", "main.ts", {})).toThrow(/not "\[NAME=value/);
  });
  it("gives the bench npm run build-data's flags", () => {
    const { env, nodeArgs } = buildDataLaunch(ROOT);
    expect(Object.keys(env).length).toBeGreaterThan(0);
    expect(nodeArgs).toContain("--expose-gc");
    expect(nodeArgs.slice(-2)).toEqual(["--import", "tsx"]);
    expect(nodeArgs.some((a) => /^--max-old-space-size=\d+$/.test(a))).toBe(true);
  });
});
