// One timed build in its own process, so its peak memory is its own. Prints one JSON line.
import { parseArgs } from "node:util";
import { build } from "../pipeline/run.ts";

const { values: v } = parseArgs({ options: { input: { type: "string" }, out: { type: "string" }, jobs: { type: "string", default: "2" } } });
const t0 = performance.now();
let peak = 0;
// peak RSS per phase: the build logs a line as each phase ends (articles, link, publish)
const phases: Record<string, number> = {};
// each phase's own wall time in seconds, as the build logs it ("link: … in 30.1 s")
const phaseSecs: Record<string, number> = {};
// each phase's CPU time in seconds, all threads (user and system): against its wall time, how busy it kept the cores
const phaseCpu: Record<string, number> = {};
let cpuMark = process.cpuUsage();
let phasePeak = 0;
// the process's highest RSS so far (getrusage) as the phase began: the timer below runs in this thread, which is busy
// for seconds at a time in the link phase (clustering the quotes), and missed a rise of 150 MB there (2026-12-07)
let maxRssMark = 0;
const maxRssNow = () => process.resourceUsage().maxRSS * 1024;
const timer = setInterval(() => {
  const rss = process.memoryUsage().rss;
  peak = Math.max(peak, rss);
  phasePeak = Math.max(phasePeak, rss);
}, 200);
const mb = (x: number) => Math.round(x / 2 ** 20);
const summary = await build({
  input: v.input!,
  out: v.out!,
  until: "publish",
  text: "full",
  jobs: Number(v.jobs),
  cacheDir: null,
  log: (m) => {
    const phase = /^(articles|link|publish):/.exec(m)?.[1];
    if (!phase) return;
    const secs = / in ([\d.]+) s$/.exec(m);
    if (secs) phaseSecs[phase] = Number(secs[1]);
    // where the process's highest RSS rose during the phase, that height was reached in it
    const high = maxRssNow();
    phases[phase] = mb(Math.max(phasePeak, process.memoryUsage().rss, high > maxRssMark ? high : 0));
    maxRssMark = high;
    phasePeak = 0;
    const used = process.cpuUsage(cpuMark);
    phaseCpu[phase] = Math.round((used.user + used.system) / 1e5) / 10;
    cpuMark = process.cpuUsage();
  },
});
clearInterval(timer);
const wall = performance.now() - t0;
// maxRSS covers the main thread and the worker threads (one process)
const maxRss = Math.max(maxRssNow(), peak);
// CPU of every thread of the process (the workers, DuckDB's and libuv's threads included), user and system: against
// the wall time, how busy the build kept the cores. It drifts with the machine's speed as the wall time does
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ wall_ms: Math.round(wall), cpu_s: Math.round((cpu.user + cpu.system) / 1e5) / 10, max_rss_mb: mb(maxRss), peak_rss_mb_by_phase: phases, phase_s: phaseSecs, phase_cpu_s: phaseCpu, counts: summary.counts })}\n`);
