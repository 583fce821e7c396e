// The bad-input suite: every awkward input ends as a reject with a reason a person can act on, or as an accepted
// article handled the right way. Nothing is lost: every file is an article or a reject.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { detectLanguage } from "../pipeline/lang.ts";
import { MAX_INPUT_BYTES } from "../pipeline/stages/01-ingest.ts";
import { buildTo, sql, tmp } from "./helpers.ts";

const para = (s: string) => `${s}\n\n`;
const story =
  para("Harbour Board Approves New Ferry Route") +
  para("The harbour board voted on Tuesday to open a ferry route between the two islands, ending a dispute that had lasted three years.") +
  para("\u201cThis is a good day for everyone who lives here,\u201d said Mara Velinsky, the board's chair, after the vote.") +
  para("Ferries will start running in April, and tickets will cost less than the current water-taxi fares, the board said.");

const utf16 = (s: string, le: boolean) => {
  const b = Buffer.from(s, "utf16le");
  if (!le) b.swap16();
  return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), b]);
};

/** file name → bytes, and what must become of it */
const CASES: { file: string; bytes: Buffer | string; expect: { reject: string } | { article: true } }[] = [
  { file: "empty.txt", bytes: "", expect: { reject: "empty" } },
  { file: "whitespace.txt", bytes: " \n\t\n\r\n  \n", expect: { reject: "empty" } },
  { file: "binary.txt", bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), expect: { reject: "binary" } },
  { file: "invalid-utf8.txt", bytes: Buffer.concat([Buffer.from("A valid start, then "), Buffer.from([0xc3, 0x28]), Buffer.from(" broken.\n")]), expect: { reject: "not_utf8" } },
  { file: "latin1.txt", bytes: Buffer.from("Caf\xe9 owners said the r\xe9gion's tourism fell.\n", "latin1"), expect: { reject: "not_utf8" } },
  { file: "utf16le-bom.txt", bytes: utf16(story, true), expect: { article: true } },
  { file: "utf16be-bom.txt", bytes: utf16(story, false), expect: { article: true } },
  { file: "utf8-bom.txt", bytes: `\uFEFF${story}`, expect: { article: true } },
  { file: "crlf.txt", bytes: story.replaceAll("\n", "\r\n"), expect: { article: true } },
  { file: "lone-cr.txt", bytes: story.replaceAll("\n", "\r").replace("Harbour Board", "Harbour Council"), expect: { article: true } },
  { file: "huge-50mb.txt", bytes: "", expect: { reject: "too_large" } }, // filled in beforeAll
  { file: "one-line-5mb.txt", bytes: "", expect: { reject: "too_large" } }, // filled in beforeAll
  { file: "one-line-1mb.txt", bytes: "", expect: { article: true } }, // filled in beforeAll
  { file: "at-limit-dated.txt", bytes: "", expect: { article: true } }, // filled in beforeAll
  { file: "dup-a.txt", bytes: story.replace("ferry", "bus"), expect: { article: true } },
  { file: "dup-b.txt", bytes: story.replace("ferry", "bus"), expect: { reject: "duplicate" } },
  { file: "astral.txt", bytes: story.replace("Tuesday", "Tuesday \u{1F6A2}\u{1D400}"), expect: { article: true } },
  {
    file: "unbalanced.txt",
    bytes:
      para("Council Delays Vote") +
      para("Residents held signs reading \u201cnot again and gathered outside the hall on Monday.") +
      para("\u201cWe will decide next month,\u201d the mayor, Tomas Reyke, told reporters after the meeting."),
    expect: { article: true },
  },
  {
    file: "non-english.txt",
    bytes:
      para("Le conseil municipal approuve le budget") +
      para("Le conseil municipal a voté mardi le budget de la ville pour l'année prochaine, qui prévoit une hausse des dépenses pour les écoles.") +
      para("« C'est un budget responsable », a déclaré la maire lors de la séance, selon un communiqué publié par la mairie."),
    expect: { article: true },
  },
  { file: "formula.txt", bytes: para("=SUM(A1:A9) and other cells") + para("+1 555 0100 is the number the council gave for complaints about the new route on Monday."), expect: { article: true } },
];

const MANIFEST = ["path,outlet,published_date,title", "astral.txt,Island Courier,2021-06-01,", "../escape.txt,Nowhere,,", "formula.txt,@Evil Outlet,2021-06-02,-2+3", "crlf.txt,Island Courier,not-a-date,"].join("\n");

let out: string;
let input: string;
const rejectOf = async (path: string) => (await sql(`SELECT reason, detail FROM read_json_auto('${out}/json/rejects.jsonl') WHERE source_path = '${path}'`))[0];
const articleOf = async (path: string) => (await sql(`SELECT * FROM read_parquet('${out}/parquet/articles.parquet') WHERE source_path = '${path}'`))[0];

beforeAll(async () => {
  const dir = await tmp("bad");
  input = join(dir, "in");
  await mkdir(input);
  for (const c of CASES) await writeFile(join(input, c.file), c.bytes);
  await writeFile(join(input, "huge-50mb.txt"), Buffer.alloc(50 * 1024 * 1024, "All work and no play makes a dull story. "));
  await writeFile(join(input, "one-line-5mb.txt"), "The ferry left the harbour on time and the crew said the sea was calm. ".repeat(Math.ceil((5 * 1024 * 1024) / 72)));
  // a date in every sentence of one line: the line is segmented into sentences for the dates' sentence spans
  const sentence = (i: number) => `On March ${(i % 28) + 1}, 2019, the ferry left the harbour on time and crew member ${i} said the sea was calm. `;
  await writeFile(join(input, "one-line-1mb.txt"), Array.from({ length: Math.ceil((1024 * 1024) / 100) }, (_, i) => sentence(i)).join(""));
  // as large as an article may be, a date in every sentence: its span checks join 2,048 dates at a time with its text
  let atLimit = "";
  for (let i = 0; atLimit.length + 200 < MAX_INPUT_BYTES; i++) atLimit += sentence(i + 20_000);
  await writeFile(join(input, "at-limit-dated.txt"), atLimit);
  await writeFile(join(input, "manifest.csv"), MANIFEST);
  ({ out } = await buildTo(input, { jobs: 2 }));
}, 600_000);

describe("bad input", () => {
  it("accounts for every input file", async () => {
    const files = (await readdir(input)).filter((f) => f.endsWith(".txt"));
    const articles = await sql(`SELECT source_path FROM read_parquet('${out}/parquet/articles.parquet')`);
    const rejects = await sql(`SELECT source_path FROM read_parquet('${out}/parquet/rejects.parquet') WHERE source_path NOT LIKE 'manifest.csv%'`);
    expect([...articles, ...rejects].map((r) => r.source_path).sort()).toEqual(files.sort());
  });

  it.each(CASES.map((c) => [c.file, c.expect]))("%s → %j", async (file, want) => {
    if ("reject" in want) {
      const r = await rejectOf(file);
      expect(r?.reason).toBe(want.reject);
      expect(String(r?.detail).length).toBeGreaterThan(20);
    } else {
      expect(await rejectOf(file)).toBeUndefined();
      expect(await articleOf(file)).toBeDefined();
    }
  });

  it("names the byte where UTF-8 breaks", async () => {
    expect((await rejectOf("invalid-utf8.txt"))?.detail).toMatch(/byte 20\b/);
  });

  it("decodes UTF-16 and drops byte-order marks", async () => {
    const bodies = await sql(`SELECT source_path, raw_text FROM read_parquet('${out}/parquet/articles.parquet') WHERE source_path IN ('utf16le-bom.txt', 'utf16be-bom.txt', 'utf8-bom.txt')`);
    expect(bodies).toHaveLength(3);
    for (const b of bodies) expect(b.raw_text).toBe(story);
  });

  it("turns CRLF and lone CR into LF", async () => {
    for (const f of ["crlf.txt", "lone-cr.txt"]) {
      const a = await articleOf(f);
      expect(a?.raw_text).not.toMatch(/\r/);
      expect(String(a?.raw_text).split("\n").length).toBe(story.split("\n").length);
    }
  });

  it("rejects a 5 MB single line as over the size limit for one article, saying so", async () => {
    expect((await rejectOf("one-line-5mb.txt"))?.detail).toMatch(/over the 2097152-byte limit for one article/);
  });

  it("keeps a 1 MB single line whole, each date with its own sentence", async () => {
    const a = await articleOf("one-line-1mb.txt");
    expect(Number(a?.word_count)).toBeGreaterThan(200_000);
    const d = await sql(
      `SELECT count(*)::INT AS n, count(*) FILTER (WHERE d.start < d.sentence_start OR d."end" > d.sentence_end OR d.sentence_end - d.sentence_start > 120)::INT AS bad
       FROM read_parquet('${out}/parquet/dates.parquet') d JOIN read_parquet('${out}/parquet/articles.parquet') a USING (article_id) WHERE a.source_path = 'one-line-1mb.txt'`,
    );
    expect(d[0]!.n).toBeGreaterThan(10_000);
    expect(d[0]!.bad).toBe(0);
  });

  it("publishes an article as large as the limit with a date in every sentence, every span checked", async () => {
    const d = await sql(
      `SELECT count(*)::INT AS n FROM read_parquet('${out}/parquet/dates.parquet') d JOIN read_parquet('${out}/parquet/articles.parquet') a USING (article_id) WHERE a.source_path = 'at-limit-dated.txt'`,
    );
    expect(d[0]!.n).toBeGreaterThan(20_000);
  });

  it("keeps code-point offsets right after characters outside the BMP", async () => {
    const bad = await sql(
      `SELECT d.text FROM read_parquet('${out}/parquet/dates.parquet') d JOIN read_parquet('${out}/parquet/articles.parquet') a USING (article_id)
       WHERE a.source_path = 'astral.txt' AND substring(a.body, d.start + 1, d."end" - d.start) <> d.text`,
    );
    expect(bad).toEqual([]);
    const n = await sql(`SELECT count(*)::INT AS n FROM read_parquet('${out}/parquet/dates.parquet') d JOIN read_parquet('${out}/parquet/articles.parquet') a USING (article_id) WHERE a.source_path = 'astral.txt'`);
    expect(n[0]!.n).toBeGreaterThan(0);
  });

  it("pairs the later quote despite a stray mark in an earlier paragraph", async () => {
    const q = await sql(`SELECT q.text, q.speaker FROM read_parquet('${out}/parquet/quotes.parquet') q JOIN read_parquet('${out}/parquet/articles.parquet') a USING (article_id) WHERE a.source_path = 'unbalanced.txt'`);
    expect(q.map((r) => r.text)).toContainEqual(expect.stringContaining("We will decide next month"));
    expect(q.find((r) => String(r.text).includes("We will decide"))?.speaker).toMatch(/Reyke/);
    expect(q.some((r) => String(r.text).includes("Monday"))).toBe(false);
  });

  it("marks a non-English article with its language and runs no English extractor on it", async () => {
    const a = await articleOf("non-english.txt");
    expect(a?.language).toBe("fr");
    const n = await sql(
      `SELECT (SELECT count(*) FROM read_parquet('${out}/parquet/mentions.parquet') WHERE article_id = '${a?.article_id}')
            + (SELECT count(*) FROM read_parquet('${out}/parquet/quotes.parquet') WHERE article_id = '${a?.article_id}')
            + (SELECT count(*) FROM read_parquet('${out}/parquet/dates.parquet') WHERE article_id = '${a?.article_id}') AS n`,
    );
    expect(Number(n[0]!.n)).toBe(0);
  });

  it("rejects manifest rows that point outside the input or carry a bad date, and still reads the file", async () => {
    const rows = await sql(`SELECT source_path, reason FROM read_parquet('${out}/parquet/rejects.parquet') WHERE source_path LIKE 'manifest.csv%' ORDER BY 1`);
    expect(rows.map((r) => r.reason).sort()).toEqual(["bad_manifest", "outside_input"]);
    expect(await articleOf("crlf.txt")).toBeDefined();
  });

  it("escapes cells a spreadsheet would run as a formula, reversibly", async () => {
    const csv = await sql(`SELECT outlet, title FROM read_csv('${out}/csv/articles.csv', header = true, allow_quoted_nulls = false, all_varchar = true, max_line_size = 20000000) WHERE source_path = 'formula.txt'`);
    expect(csv[0]).toEqual({ outlet: "'@Evil Outlet", title: "'-2+3" });
    const pq = await articleOf("formula.txt");
    expect([pq?.outlet, pq?.title]).toEqual(["@Evil Outlet", "-2+3"]);
  });
});

describe("a malformed manifest", () => {
  it("is a reject, and the folder's files are still read", async () => {
    const dir = await tmp("badmanifest");
    await writeFile(join(dir, "one.txt"), story);
    await writeFile(join(dir, "manifest.csv"), 'path,outlet\n"one.txt,Broken quote\n');
    const { out: o } = await buildTo(dir);
    const rejects = await sql(`SELECT source_path, reason FROM read_parquet('${o}/parquet/rejects.parquet')`);
    expect(rejects).toEqual([{ source_path: "manifest.csv", reason: "bad_manifest" }]);
    expect(await sql(`SELECT count(*)::INT AS n FROM read_parquet('${o}/parquet/articles.parquet')`)).toEqual([{ n: 1 }]);
  });
});

describe("two files with one article id", () => {
  it("keeps the first by path and rejects the other, naming the one kept", async () => {
    // a backslash in a file's name is read as a folder separator in its article id (idFromPath)
    const dir = await tmp("sameid");
    await mkdir(join(dir, "pier"));
    await writeFile(join(dir, "pier", "notes.txt"), story);
    await writeFile(join(dir, "pier\\notes.txt"), story.replace("Tuesday", "Wednesday"));
    const { out: o } = await buildTo(dir);
    expect(await sql(`SELECT article_id, source_path FROM read_parquet('${o}/parquet/articles.parquet')`)).toEqual([{ article_id: "pier/notes", source_path: "pier/notes.txt" }]);
    const [r] = await sql(`SELECT source_path, reason, detail FROM read_parquet('${o}/parquet/rejects.parquet')`);
    expect(r).toMatchObject({ source_path: "pier\\notes.txt", reason: "duplicate_id" });
    expect(r!.detail).toBe('its article id "pier/notes" is already used by pier/notes.txt; rename one');
  });
});

describe("language detection", () => {
  it.each([
    ["en", "The council said on Monday that it would review the plan, which has been criticised by residents who live near the site."],
    ["fr", "Le gouvernement a annoncé mardi qu'il allait revoir le projet, qui est critiqué par les habitants de la région depuis des mois."],
    ["de", "Die Regierung hat am Dienstag angekündigt, dass sie den Plan überprüfen wird, der von den Anwohnern seit Monaten kritisiert wird."],
    ["es", "El gobierno anunció el martes que revisará el plan, que ha sido criticado por los vecinos de la zona durante meses."],
    ["ru", "Правительство во вторник объявило, что пересмотрит план, который критикуют жители района уже несколько месяцев."],
    ["uk", "Уряд у вівторок оголосив, що переглядає план, який критикують мешканці району вже кілька місяців."],
    ["ja", "政府は火曜日、住民から批判されている計画を見直すと発表した。"],
    [null, "OK"],
    [null, "12 34 56 78 90 12 34 56 78 90 12 34"],
  ])("%s ← %s", (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
