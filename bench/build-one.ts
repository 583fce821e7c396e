// One timed build in its own process, so its peak memory is its own. Prints one JSON line.
import { parseArgs } from "node:util";
import { build } from "../pipeline/run.ts";

const { values: v } = parseArgs({ options: { input: { type: "string" }, out: { type: "string" }, jobs: { type: "string", default: "2" } } });
const t0 = performance.now();
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
const summary = await build({ input: v.input!, out: v.out!, until: "publish", text: "full", jobs: Number(v.jobs), cacheDir: null });
clearInterval(timer);
const wall = performance.now() - t0;
// maxRSS covers the main thread and the worker threads (one process)
const maxRss = Math.max(process.resourceUsage().maxRSS * 1024, peak);
process.stdout.write(`${JSON.stringify({ wall_ms: Math.round(wall), max_rss_mb: Math.round(maxRss / 2 ** 20), counts: summary.counts })}\n`);
