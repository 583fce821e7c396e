// Which language an article is in, so the English extractors run only on English text.
// A stopword vote over the first 1,200 characters (about 200 words) (the commonest function words of each language; a word
// that several languages share votes for each), or, for text mostly not in Latin letters, its script: the
// script's main language (Cyrillic with і/ї/є/ґ is Ukrainian, other Cyrillic Russian).
// Returns an ISO 639-1 code, or null when the evidence is thin (too few words, or no clear winner).

const STOPWORDS: Record<string, string> = {
  en: "the of and to in is that for it with as was on be by at this are from have has had not but which they were their will would been said who its an or",
  fr: "le la les des est une dans que qui pour pas sur au avec ce sont du aux par plus ont été cette mais ses leur nous elle il",
  de: "der die und das ist nicht ein eine den dem mit sich auf für von zu auch im dass es sie wird werden wurde bei aus nach wie über",
  es: "el la los las del que en y es por una con para se su al lo como más pero sus le ha este fue entre cuando sin sobre también",
  it: "il di che la le del della è per una sono con non gli dei alla nel da si più anche come ma ha questo stato tra sua essere",
  pt: "o a os as do da que em um uma para com não por mais dos das como mas foi ao ele seu sua ou ser quando muito há nos já",
  nl: "de het een en van is dat op te in zijn met voor niet aan er maar om ook als bij nog wordt werd naar hij deze dan",
};

const LATIN = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS))
  for (const w of words.split(" ")) LATIN.set(w, [...(LATIN.get(w) ?? []), lang]);

/** Scripts that name their language well enough on their own (ISO 639-1). */
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Cyrillic}/gu, "ru"],
  [/\p{Script=Greek}/gu, "el"],
  [/\p{Script=Arabic}/gu, "ar"],
  [/\p{Script=Hebrew}/gu, "he"],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, "ja"],
  [/\p{Script=Hangul}/gu, "ko"],
  [/\p{Script=Han}/gu, "zh"],
  [/\p{Script=Thai}/gu, "th"],
  [/\p{Script=Devanagari}/gu, "hi"],
];

const LATIN_WORD = /[A-Za-z\u00C0-\u024F]+/g;
const SAMPLE = 1200;

export function detectLanguage(text: string): string | null {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  // letters of other scripts: everything from Greek (U+0370) up but punctuation, symbols and spaces
  let otherLetters = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x370 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xfe00 && c <= 0xfe6f) && !(c >= 0xff00 && c <= 0xff0f)) otherLetters++;
  }
  const votes: Record<string, number> = {};
  let latinWords = 0;
  let latinLetters = 0;
  for (const m of sample.matchAll(LATIN_WORD)) {
    latinWords++;
    latinLetters += m[0].length;
    const langs = LATIN.get(m[0].toLowerCase());
    if (langs) for (const lang of langs) votes[lang] = (votes[lang] ?? 0) + 1;
  }
  if (latinLetters + otherLetters < 20) return null;
  if (otherLetters > latinLetters) return byScript(sample);
  const ranked = Object.entries(votes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [first, second] = ranked;
  if (!first || latinWords < 8) return null;
  // a clear winner: a real share of the words, and well ahead of the runner-up
  if (first[1] < Math.max(3, latinWords * 0.08)) return null;
  if (second && first[1] < second[1] * 1.5) return null;
  return first[0];
}

/** The language of text mostly in one non-Latin script. */
function byScript(sample: string): string | null {
  const letters = sample.match(/\p{L}/gu)?.join("") ?? "";
  let best: [string, number] = ["", 0];
  for (const [re, lang] of SCRIPTS) {
    const n = letters.match(re)?.length ?? 0;
    // Japanese mixes Han with kana: any real share of kana decides
    if (lang === "ja" && n > letters.length / 20) return "ja";
    if (n > best[1]) best = [lang, n];
  }
  if (best[0] === "ru" && /[іїєґІЇЄҐ]/u.test(letters)) return "uk";
  return best[1] > letters.length / 2 ? best[0] : null;
}
