// A cheap tense guess for the clause around a temporal expression: news reports the past, so a
// relative day or month resolves backwards unless a future marker is the nearest verb cue.

export type Tense = "past" | "future" | "unknown";

// Future cues come first in the alternation so that "scheduled", "expected" are not read as plain past forms.
const CUE =
  /\b(?:(will|won't|shall|going to|plans? to|planning to|planned|scheduled|expected|expects?|due to|set to|is to|are to|would|intends? to|upcoming|to be held|payable|effective|until|expires?|expiring|extended to|of record|begins?|starts?|starting|beginning)|(said|says|was|were|had|did|told|announced|reported|ago|\w{2,}ed))\b|('ll)\b/gi;

// sentence ends: . ! ? ; and line breaks
const isEnd = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 59 || c === 10;
const isUpperOrQuote = (c: number): boolean => (c >= 65 && c <= 90) || c === 34 || c === 0x201c;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 160;

/** Whether the mark at i ends a sentence: "Nov." or "U.S." inside one is left alone unless a capital follows. */
function endsAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (!isEnd(c)) return false;
  if (c !== 46) return true;
  return i + 1 >= text.length || (isSpace(text.charCodeAt(i + 1)) && isUpperOrQuote(text.charCodeAt(i + 2)));
}

function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let a = start;
  const minA = Math.max(0, start - 160);
  while (a > minA && !endsAt(text, a - 1)) a--;
  let b = end;
  const maxB = Math.min(text.length, end + 120);
  while (b < maxB && !endsAt(text, b)) b++;
  return [a, b];
}

function classify(m: RegExpExecArray): Tense {
  return m[1] || m[3] ? "future" : "past";
}

/** The tense of the nearest verb cue before the expression in its sentence, else the first one after it. */
export function tenseAround(text: string, start: number, end: number): Tense {
  const [a, b] = sentenceBounds(text, start, end);
  const left = text.slice(a, start);
  let last: RegExpExecArray | null = null;
  CUE.lastIndex = 0;
  for (let m = CUE.exec(left); m; m = CUE.exec(left)) last = m;
  if (last) return classify(last);
  const right = text.slice(end, b);
  CUE.lastIndex = 0;
  const first = CUE.exec(right);
  return first ? classify(first) : "unknown";
}
