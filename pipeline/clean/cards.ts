// Link previews scraped into the middle of a sentence. Some pages follow a person's name with a hover card:
// the full name, run into the headlines of related stories, and a "MORE" link, all as plain text:
//   "… said Sen. Ann Vale Ann Marie ValeSenate passes harbour bill Vale says … MORE (D-Ore.) on Monday."
// The card is the stretch after the name as the sentence writes it ("Ann Vale") up to "MORE"; the sentence goes on
// after it. Lines are kept or dropped whole elsewhere in the clean stage; this finds such stretches inside a line.

/** "MORE" as a word of its own, or run into the word before it ("ValeMORE"), not into a word after it. */
const MORE = /MORE(?![\p{L}\p{N}])/gu;
/** How far before "MORE" the card may begin (its headlines are a few short lines' worth). */
const CARD_CHARS = 1500;
/** Words of a full name between the name as written and the card's own copy of the surname ("Ann Marie", "(Ted) Edward"). */
const NAME_WORD = /^\(?\p{Lu}[\p{L}.'’-]*\)?,?$/u;
const MAX_NAME_WORDS = 6;

const isUpper = (c: string | undefined) => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string | undefined) => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}'’-]/u.test(c);

/**
 * Hover cards in a line of text, as [start, end) offsets: each from the end of the name the sentence writes to
 * the end of "MORE". A card is recognised by a surname run into a capitalised word (the first headline, or
 * "MORE"), the same surname as a whole word at most six name words before it, and "MORE" after it.
 */
export function hoverCards(text: string): { start: number; end: number }[] {
  if (!text.includes("MORE")) return [];
  const out: { start: number; end: number }[] = [];
  let floor = 0;
  for (const m of text.matchAll(MORE)) {
    const end = m.index + 4;
    const from = Math.max(floor, m.index - CARD_CHARS);
    // the first surname run into a capital letter, in order, that repeats the name before it
    for (let p = from + 1; p <= m.index; p++) {
      if (!isUpper(text[p]) || !isLower(text[p - 1])) continue;
      let ws = p - 1;
      while (ws > from && isWordChar(text[ws - 1])) ws--;
      const surname = text.slice(ws, p);
      if (surname.length < 2 || !isUpper(surname[0])) continue;
      const start = nameBefore(text, ws, surname, from);
      if (start < 0) continue;
      out.push({ start, end });
      floor = end;
      break;
    }
    if (floor < end) floor = Math.max(floor, m.index);
  }
  return out;
}

/** Where the name as written ends: the end of `surname` as a whole word, at most MAX_NAME_WORDS name words before `at`; -1 if none. */
function nameBefore(text: string, at: number, surname: string, from: number): number {
  const words = text.slice(from, at).split(" ");
  // words[words.length - 1] is "" (the space before the card's copy of the surname)
  if (words.length < 2 || words[words.length - 1] !== "") return -1;
  let pos = at - 1;
  for (let k = words.length - 2, n = 0; k >= 0 && n <= MAX_NAME_WORDS; k--, n++) {
    const w = words[k]!;
    const bare = w.replace(/[,:;]$/, "");
    if (bare === surname || bare === surname + "’s" || bare === surname + "'s") return pos - (w.length - surname.length);
    if (!NAME_WORD.test(w)) return -1;
    pos -= w.length + 1;
  }
  return -1;
}
