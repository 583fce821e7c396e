// English calendar and number words for the dates extractor.
// Source: written for this project from general English usage and ISO 8601 / TimeML TIMEX3
// conventions (Pustejovsky et al., TimeML 1.2.1); no corpus or evaluation text. Licence: MIT, as the repository.

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

/** Month names and abbreviations (abbreviations may take a dot), longest first for the regex. */
export const MONTH_RE =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Jun\\.|Jul\\.|Aug\\.?|Sept\\.?|Sep\\.|Oct\\.?|Nov\\.?|Dec\\.?)";

export const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
export const WEEKDAY_RE = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

/** TIMEX3 season codes. */
export const SEASONS: Record<string, string> = { spring: "SP", summer: "SU", fall: "FA", autumn: "FA", winter: "WI" };
/** Month a season starts in, northern hemisphere, for past/future comparisons. */
export const SEASON_MONTH: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** TIMEX3 part-of-day codes. */
export const PARTS_OF_DAY: Record<string, string> = {
  morning: "MO", afternoon: "AF", evening: "EV", night: "NI", tonight: "NI", overnight: "NI", midday: "MI",
};

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

export const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, dozen: 12, "a dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2, "a hundred": 100, "one hundred": 100, hundred: 100, "a thousand": 1000, "one thousand": 1000, "two thousand": 2000 };
ONES.forEach((w, i) => (NUMBER_WORDS[w] = i));
TENS.forEach((w, i) => {
  if (!w) return;
  NUMBER_WORDS[w] = i * 10;
  for (let k = 1; k < 10; k++) {
    NUMBER_WORDS[`${w}-${ONES[k]}`] = i * 10 + k;
    NUMBER_WORDS[`${w} ${ONES[k]}`] = i * 10 + k;
  }
});

/** Quantities with no number: the TIMEX3 value gets an X. */
export const VAGUE_QUANTITY = new Set(["few", "a few", "several", "many", "some", "numerous", "a number of", "the"]);

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, "twenty-first": 21, "twenty first": 21,
  "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, last: 4, final: 4,
};

/** Spoken decades ("the nineties"). */
export const DECADE_WORDS: Record<string, number> = {
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
};

/** Duration unit → TIMEX3 designator (time units carry the T). */
export const UNITS: Record<string, string> = {
  year: "Y", month: "M", week: "W", day: "D", quarter: "Q", decade: "DE", century: "CE", millennium: "ML",
  hour: "TH", minute: "TM", second: "TS", weekend: "WE", night: "D", fortnight: "2W",
};
