// Crash points for the kill -9 tests: with NQ_CRASH_AT=<name> in the environment, the build kills its own
// process with SIGKILL (no cleanup, no finally blocks) when it reaches that point. Unset, this does nothing.
export const CRASH_POINTS = ["staged", "linked", "publish-first-table", "published", "before-swap", "mid-swap"] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

const at = process.env.NQ_CRASH_AT;

export function crashPoint(name: CrashPoint): void {
  if (at === name) process.kill(process.pid, "SIGKILL");
}
