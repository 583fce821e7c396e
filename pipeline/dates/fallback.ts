// chrono-node for the long tail: a capitalised month or weekday name that no rule of ours took
// ("Feb. 12-15", "Dec.28") is handed to chrono's strict parser in a small window around it. Only there:
// over whole texts chrono is slow and reads prices ("2.10 a share") and scores as dates.
import * as chrono from "chrono-node";
import type { Timex } from "./extract.ts";
import { type Day, pad } from "./calendar.ts";

// Full names and dotted abbreviations only: bare "Sat", "Sun", "Wed", "Mar" are words and names as often as dates.
export const TRIGGER =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Apr|Aug|Sept?|Oct|Nov|Dec)\.|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/g;

const WINDOW = 40;
/** chrono calls allowed per text: a few, plus one per 2,000 characters (keeps odd inputs linear and cheap). */
const callsFor = (n: number): number => 8 + Math.floor(n / 2000);

export interface Span {
  start: number;
  end: number;
}

/**
 * chrono's readings of month/weekday names that the rules left alone, as TIMEX3 dates. `parts` ([start, end) offsets
 * in text order, each ending at a line break or the text's end) are where to look for the names: the lines that may
 * hold one, or the whole text.
 */
export function chronoFallback(text: string, dct: Day | null, taken: Span[], parts: ReadonlyArray<readonly [number, number]> = [[0, text.length]]): Array<Span & Timex> {
  const out: Array<Span & Timex> = [];
  // taken is in text order and so are the triggers: one pointer walks it (spans do not overlap each other)
  let k = 0;
  const free = (s: number, e: number): boolean => {
    while (k < taken.length && taken[k]!.end <= s) k++;
    for (let j = k; j < taken.length && taken[j]!.start < e; j++) if (taken[j]!.end > s) return false;
    const last = out[out.length - 1];
    return !last || last.end <= s || last.start >= e;
  };
  // chrono's span may reach back before its trigger: checked in full (few calls, few results)
  const freeAll = (s: number, e: number): boolean => !taken.some((t) => t.start < e && s < t.end) && !out.some((t) => t.start < e && s < t.end);
  const ref = dct ? new Date(Date.UTC(dct.y, dct.m - 1, dct.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  let calls = callsFor(text.length);
  for (const [from, to] of parts) {
    const part = to - from === text.length ? text : text.slice(from, to);
    TRIGGER.lastIndex = 0;
    for (let m = TRIGGER.exec(part); m && calls > 0; m = TRIGGER.exec(part)) {
      const s = from + m.index, e = s + m[0].length;
      if (!free(s, e)) continue;
      calls--;
      let a = Math.max(0, s - WINDOW), b = Math.min(text.length, e + WINDOW);
      // the window stays inside its paragraph (searched within the window only)
      const nlBefore = text.slice(a, s).lastIndexOf("\n");
      if (nlBefore !== -1) a += nlBefore + 1;
      const nlAfter = text.slice(e, b).indexOf("\n");
      if (nlAfter !== -1) b = e + nlAfter;
      for (const r of chrono.strict.parse(text.slice(a, b), ref, { forwardDate: false })) {
        const rs = a + r.index, re = rs + r.text.replace(/[\s,.;:]+$/, "").length;
        if (!(rs < e && s < re) || !freeAll(rs, re)) continue;
        const c = r.start;
        if (!c.isCertain("month") || !c.isCertain("day")) continue;
        const tail = `${pad(c.get("month") ?? 1)}-${pad(c.get("day") ?? 1)}`;
        let value: string, anchor: Timex["anchor"];
        if (c.isCertain("year")) [value, anchor] = [`${pad(c.get("year") ?? 0, 4)}-${tail}`, "absolute"];
        else if (dct) [value, anchor] = [`${pad(c.get("year") ?? dct.y, 4)}-${tail}`, "publication_date"];
        else [value, anchor] = [`XXXX-${tail}`, "unresolved"];
        out.push({ start: rs, end: re, type: "date", value, anchor });
      }
    }
  }
  return out;
}
