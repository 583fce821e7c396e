// Proleptic Gregorian day arithmetic in UTC, with ISO 8601 weeks. No clock is read here:
// every Date is built from explicit fields.

export interface Day {
  y: number;
  m: number; // 1-12
  d: number; // 1-31
}

const DAY_MS = 86_400_000;

export const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** Parses `YYYY-MM-DD`; null when absent or not a real day. */
export function parseDay(s: string | null | undefined): Day | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { y, m: mo, d };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const toMs = (x: Day): number => Date.UTC(x.y, x.m - 1, x.d);
function fromMs(ms: number): Day {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export const addDays = (x: Day, n: number): Day => fromMs(toMs(x) + n * DAY_MS);

/** Adds months, clamping the day to the month's length. */
export function addMonths(x: Day, n: number): Day {
  const k = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(k / 12), m = (k % 12 + 12) % 12 + 1;
  return { y, m, d: Math.min(x.d, daysInMonth(y, m)) };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekday(x: Day): number {
  const w = new Date(toMs(x)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week. */
export function isoWeek(x: Day): { y: number; w: number } {
  const thursday = addDays(x, 4 - weekday(x));
  const jan1 = Date.UTC(thursday.y, 0, 1);
  return { y: thursday.y, w: Math.floor((toMs(thursday) - jan1) / DAY_MS / 7) + 1 };
}

export const fmtDay = (x: Day): string => `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
export const fmtMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`;
export function fmtWeek(x: Day): string {
  const { y, w } = isoWeek(x);
  return `${pad(y, 4)}-W${pad(w)}`;
}

export const quarterOf = (m: number): number => Math.floor((m - 1) / 3) + 1;
