// Linking rules (pipeline/link/README.md) on made-up names: what must merge, what must stay apart.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { EntityType } from "../schemas/records.ts";
import { link, linkSource, linkSourceEntities, mentionLinks, quoteLinks, type LinkArticle } from "../pipeline/stages/06-link.ts";
import { InThreadLinker, LinkRecordsFile, OrderedRecords, QuoteTextsFile, RecordFile, UNLINKED, WorkerLinker, type Linker } from "../pipeline/linking.ts";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { IntFile } from "../pipeline/link/column.ts";
import { ByteStrings } from "../pipeline/keys.ts";
import { processSource } from "../pipeline/process.ts";
import { linkRecordBytes, stagedLines, type StagedArticle } from "../pipeline/staged.ts";
import { emptyManifest } from "../schemas/records.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { acronymPairs, asSource, linkEntities, personMerges, pickCanonical } from "../pipeline/link/entities.ts";
import { acronymsOf, honorificBefore, cleanMention, countryCode, femaleGiven, fold, isAcronym, parsePerson, personsCompatible, slug, withinOneEdit } from "../pipeline/link/names.ts";
import { countryLexicon, genderLexicon } from "../pipeline/link/gen-country-lexicon.ts";
import { brandLexicon } from "../pipeline/lexicon/gen-brands.ts";
import { CONTAIN_TOKENS, SHORT_TOKENS, clusterQuoteTexts, clusterQuotes, containsWords, nearDuplicate, quoteTokens } from "../pipeline/link/quotes.ts";
import { sortByHash } from "../pipeline/link/column.ts";

const TYPES: Record<string, EntityType> = { p: "person", o: "organization", l: "location", x: "other" };
/** k articles, each naming one mention */
const n = (k: number, m: string): string[][] => Array.from({ length: k }, () => [m]);
/** "p:Ann Vale" -> a person mention */
const mention = (s: string) => ({ text: s.slice(2), type: TYPES[s[0]!]! });
const docs = (ds: string[][]) => ds.map((ms, i) => ({ article_id: `a${i}`, mentions: ms.map(mention) }));
/** entity_id of mention "article:index" */
function entityOf(ds: string[][]) {
  const out = linkEntities(docs(ds));
  return { out, at: (ref: string) => { const [a, m] = ref.split(":").map(Number); return out.mentionEntities[a!]![m!]!; } };
}

describe("entities: mentions that must merge", () => {
  it.each<[string, string[][], string[]]>([
    ["surname alone after the full name", [["p:Marta Kovalenko", "p:Kovalenko"]], ["0:0", "0:1"]],
    ["honorific + surname", [["p:Marta Kovalenko", "p:Ms. Kovalenko"]], ["0:0", "0:1"]],
    ["title + full name, then surname", [["p:Foreign Minister Marta Kovalenko", "p:Kovalenko"], ["p:Marta Kovalenko"]], ["0:0", "0:1", "1:0"]],
    ["possessive surname", [["p:Marta Kovalenko", "p:Kovalenko's"]], ["0:0", "0:1"]],
    ["surname first, full name later in the article", [["p:Dunmore", "p:Edgar Dunmore"]], ["0:0", "0:1"]],
    ["initial + surname", [["p:Jonas Tremayne", "p:J. Tremayne"]], ["0:0", "0:1"]],
    ["an initial before the given name the person goes by, and the surname alone", [["p:J. Ann Tremayne", "p:Tremayne"], ["p:Ann Tremayne"]], ["0:0", "0:1", "1:0"]],
    ["a given name that is a surname's particle, and the surname alone", [["p:Al Quillfeather", "p:Quillfeather"]], ["0:0", "0:1"]],
    ["... Van too", [["p:Van Harbury", "p:Mr. Harbury"]], ["0:0", "0:1"]],
    ["middle name dropped in the article", [["p:Ann Lloyd Deverell", "p:Lloyd Deverell", "p:Deverell"]], ["0:0", "0:1", "0:2"]],
    ["a name between two middle initials joins the one named ten times as often as the other, and 20 times at least, when written as often", [...n(20, "p:Ann B. Vale"), ["p:Ann C. Vale"], ...n(20, "p:Ann Vale")], ["0:0", "21:0", "40:0"]],
    ["middle name dropped across articles", [["p:Ann Lloyd Deverell"], ["p:Ann Deverell"]], ["0:0", "1:0"]],
    ["one middle name of two dropped, across articles", [["p:Ann Mary Lloyd Deverell"], ["p:Ann Lloyd Deverell"], ["p:Ann Deverell"]], ["0:0", "1:0", "2:0"]],
    ["a short form of a given name and the formal name", [["p:William Drayford"], ["p:Bill Drayford"], ["p:Billy Drayford"]], ["0:0", "1:0", "2:0"]],
    ["more short forms: Josh, Marty, Stan", [["p:Joshua Drayford"], ["p:Josh Drayford"], ["p:Martin Pell"], ["p:Marty Pell"]], ["0:0", "1:0"]],
    ["a short form of a name from a variant group", [["p:Aleksandr Drayford"], ["p:Alex Drayford"]], ["0:0", "1:0"]],
    ["a short form with a surname misspelt, beside the very same name misspelt", [["p:Bernard Vallender"], ["p:Bernie Vallender"], ["p:Bernie Valender"]], ["0:0", "1:0", "2:0"]],
    ["same full name in two articles", [["p:Ann Vale"], ["p:Ann Vale"]], ["0:0", "1:0"]],
    ["case, diacritics, spacing", [["p:José Ordóñez"], ["p:Jose  Ordonez"], ["p:JOSE ORDONEZ"]], ["0:0", "1:0", "2:0"]],
    ["a word written twice in a row (two links run together)", [["p:Carl Brisbee"], ["p:Carl Brisbee Brisbee"]], ["0:0", "1:0"]],
    ["post-nominal letters", [["p:Carl Brisbee PhD"], ["p:Carl Brisbee"]], ["0:0", "1:0"]],
    ["a generational suffix written two ways", [["p:Carl Brisbee Jr."], ["p:Carl Brisbee Jnr"], ["p:Carl Brisbee Jr"]], ["0:0", "1:0", "2:0"]],
    ["a surname with the suffix joins the suffixed name", [["p:Carl Brisbee", "p:Carl Brisbee Jr.", "p:Brisbee Jr."]], ["0:1", "0:2"]],
    ["a surname alone joins the name without the suffix", [["p:Carl Brisbee", "p:Carl Brisbee Jr.", "p:Brisbee"]], ["0:0", "0:2"]],
    ["a surname alone joins the only suffixed name", [["p:Carl Brisbee Jr.", "p:Brisbee"]], ["0:0", "0:1"]],
    ["a woman's honorific joins the woman of that surname", [["p:Carl Brisbee", "p:Ada Brisbee", "p:Mrs Brisbee"]], ["0:1", "0:2"]],
    ["a man's honorific joins the man of that surname", [["p:Carl Brisbee", "p:Ada Brisbee", "p:Mr. Brisbee"]], ["0:0", "0:2"]],
    ["a man's honorific joins the one man over a given name of either sex", [["p:Carl Brisbee", "p:Robin Brisbee", "p:Mr. Brisbee"]], ["0:0", "0:2"]],
    ["a woman's honorific joins the one woman over a given name of either sex", [["p:Robin Brisbee", "p:Ada Brisbee", "p:Mrs Brisbee"]], ["0:1", "0:2"]],
    ["given-name romanisations", [["p:Dmitri Holtsov"], ["p:Dmitry Holtsov"], ["p:Dmitriy Holtsov"]], ["0:0", "1:0", "2:0"]],
    ["given name and its English equivalent", [["p:Pyotr Zalessky"], ["p:Peter Zalessky"]], ["0:0", "1:0"]],
    ["surname romanisation endings", [["p:Arkady Volynskiy"], ["p:Arkadiy Volynsky"], ["p:Arkadii Volynskii"]], ["0:0", "1:0", "2:0"]],
    ["feminine surname form, across articles", [["p:Daria Bryntseva"], ["p:Daria Bryntsev"]], ["0:0", "1:0"]],
    ["masculine surname form alone, for a woman", [["p:Daria Bryntseva", "p:Ms. Bryntsev"]], ["0:0", "0:1"]],
    ["feminine surname form alone, for a woman", [["p:Margaret Bryntsev", "p:Bryntseva"]], ["0:0", "0:1"]],
    ["one-letter misspelling, same given name (deletion)", [["p:Halvard Brennick"], ["p:Halvard Brenick"]], ["0:0", "1:0"]],
    ["one-letter misspelling, same given name (swap)", [["p:Halvard Brennick"], ["p:Halvard Brenncik"]], ["0:0", "1:0"]],
    ["misspelt surname alone after the full name", [["p:Halvard Brennick", "p:Brenick"]], ["0:0", "0:1"]],
    ["acronym defined in one mention", [["o:Office of Coastal Affairs (OCA)", "o:OCA"]], ["0:0", "0:1"]],
    ["acronym = initials of an organisation in the article", [["o:Office of Coastal Affairs", "o:OCA"]], ["0:0", "0:1"]],
    ["acronym with dots", [["o:Office of Coastal Affairs", "o:O.C.A."]], ["0:0", "0:1"]],
    ["acronym alone in another article", [["o:Office of Coastal Affairs (OCA)"], ["o:OCA"]], ["0:0", "1:0"]],
    ["acronym defined for one name written two ways (a small word left out, a plural)", [["o:Office of Coastal Affairs (OCA)"], ["o:Office Coastal Affair (OCA)"], ["o:OCA"]], ["0:0", "1:0", "2:0"]],
    ["a paper's one-word name joins the one paper of the article whose name ends in it", [["o:Valeford Times", "o:The Times", "o:Times’"]], ["0:0", "0:1", "0:2"]],
    ["a company's one-word name joins the one company of the article named by it and a company's word", [["o:Quillfeather Labs", "o:Quillfeather"]], ["0:0", "0:1"]],
    ["a department's field alone joins the article's department of it", [["o:Department of Harbour Security", "o:Harbour Security", "o:Valeford Police Department", "o:Valeford Police"]], ["0:0", "0:1"]],
    ["... and a police force its department", [["o:Valeford Police Department", "o:Valeford Police"]], ["0:0", "0:1"]],
    ["hyphenated words give initials per part", [["o:Treaty on Non-Proliferation Work", "o:TNPW"]], ["0:0", "0:1"]],
    ["an acronym alone joins the name nine in ten of the articles defining it define it for", [...Array.from({ length: 9 }, () => ["o:Office of Coastal Affairs (OCA)"]), ["o:Order of Chartered Accountants (OCA)"], ["o:OCA"]], ["0:0", "8:0", "10:0"]],
    ["a department's field alone, defined for its acronym", [["o:Department of Harbour and Tide Services (HTS)"], ["o:Harbour and Tide Services (HTS)"], ["o:HTS"]], ["0:0", "1:0", "2:0"]],
    ["a name cut short, and one without its tail, defined for the acronym", [["o:Centers for Harbour Control and Prevention (CHC)"], ["o:Centers for Harbour Control (CHC)"], ["o:Harbour Control (CHC)"], ["o:CHC"]], ["0:0", "1:0", "2:0", "3:0"]],
    ["country short forms", [["l:U.S."], ["l:US"], ["l:United States"], ["l:the United States"], ["l:United States of America"]], ["0:0", "1:0", "2:0", "3:0", "4:0"]],
    ["country names with and without the article", [["l:Netherlands"], ["l:the Netherlands"]], ["0:0", "1:0"]],
    ["a US state's abbreviation, with or without its dot, and the state", [["l:Florida"], ["l:Valeford", "l:Fla."], ["l:Fla"]], ["0:0", "1:1", "2:0"]],
    ["... initials too, spaced or not", [["l:West Virginia"], ["l:W. Va."], ["l:W.Va"], ["l:New York"], ["l:N.Y."]], ["0:0", "1:0", "2:0"]],
    ["the capital district's names", [["l:D.C."], ["l:Washington, D.C."], ["l:District of Columbia"], ["l:DC"]], ["0:0", "1:0", "2:0", "3:0"]],
    ["a country the tagger called an organisation", [["l:United States"], ["o:U.S."], ["x:US"]], ["0:0", "1:0", "2:0"]],
    ["organisation legal form", [["o:Quillfeather Corp."], ["o:Quillfeather"], ["o:Quillfeather Corporation"]], ["0:0", "1:0", "2:0"]],
    ["a department named after its field either way", [["o:Department of Harbours"], ["o:Harbours Department"], ["o:the Department of the Harbours"]], ["0:0", "1:0", "2:0"]],
    ["... and a ministry, after a place", [["o:Ruritania Ministry of Fisheries and Tides"], ["o:Ruritania Fisheries and Tides Ministry"]], ["0:0", "1:0"]],
    ["a country's code or name before one of its institutions", [["o:Harbour Commission"], ["o:U.S. Harbour Commission"], ["o:the United States Harbour Commission"]], ["0:0", "1:0", "2:0"]],
    ["... a department of a field too", [["o:US Department of Harbours"], ["o:Harbours Department"]], ["0:0", "1:0"]],
    ["organisation leading 'the'", [["o:the Harbour Trust"], ["o:Harbour Trust"]], ["0:0", "1:0"]],
    ["curly apostrophe", [["p:Liam O\u2019Rourke"], ["p:Liam O'Rourke"]], ["0:0", "1:0"]],
    ["a two-word name takes the type most of its mentions got", [["o:Quill Labs"], ["o:Quill Labs"], ["p:Quill Labs"]], ["0:0", "1:0", "2:0"]],
    // each mention's settled type is found by its position among all the mentions read: one-word names (not settled) between them
    ["... wherever it stands among other mentions", [["p:Vale", "o:Quill Labs"], ["o:Vale", "p:Ann Vale", "o:Quill Labs"], ["l:Oslo", "p:Quill Labs"]], ["0:1", "1:2", "2:1"]],
  ])("%s", (_, ds, refs) => {
    const { at } = entityOf(ds);
    const ids = new Set(refs.map(at));
    expect(ids.size).toBe(1);
  });
});

describe("entities: a surname settled by the corpus", () => {
  // twelve articles name "Ann Vale" and then "Vale" alone twice: 24 person mentions of the word, 12 full names
  const named = Array.from({ length: 12 }, () => ["p:Ann Vale", "p:Vale", "p:Vale"]);
  const typeOf = (ds: string[][], ref: string) => entityOf(ds).at(ref).split(":")[0];
  it("a surname read alone as an organisation is the person's", () => expect(typeOf([...named, ["o:Vale"]], "12:0")).toBe("person"));
  it("... not where its article names a company that opens with it", () => expect(typeOf([...named, ["o:Vale Motors", "o:Vale"]], "12:1")).toBe("organization"));
  it("... unless that article names a person of the surname too", () => expect(typeOf([...named, ["o:Vale Motors", "p:Tom Vale", "o:Vale"]], "12:2")).toBe("person"));
  it("... and read as a place, where the person readings are nine in ten of the person and place readings", () => expect(typeOf([...named, ["l:Vale"]], "12:0")).toBe("person"));
  it("... but not where the place readings are more than that", () =>
    expect(typeOf([...named, ...Array.from({ length: 3 }, () => ["l:Vale"])], "12:0")).toBe("location"));
  it("... nor when the corpus names organisations after it often", () =>
    expect(typeOf([...named, ...Array.from({ length: 3 }, () => ["o:Vale University"]), ["o:Vale"]], "15:0")).toBe("organization"));
  it("... nor when the person readings are too few", () => expect(typeOf([...named.slice(0, 9), ["o:Vale"]], "9:0")).toBe("organization"));
  it("... nor when too few of its mentions are the person's", () =>
    expect(typeOf([...named, ...Array.from({ length: 7 }, () => ["o:Vale"])], "12:0")).toBe("organization"));
});

describe("entities: a word that names no one", () => {
  // the magazine "Harbourview" read alone as an organisation four times and as a person three times
  const corpus = [...Array.from({ length: 4 }, () => ["o:Harbourview"]), ...Array.from({ length: 3 }, () => ["p:Harbourview"])];
  const typeOf = (ds: string[][], ref: string) => entityOf(ds).at(ref).split(":")[0];
  it("read as a person no more often than as anything else, takes the type of its other readings", () => {
    expect(typeOf(corpus, "4:0")).toBe("organization");
    expect(entityOf(corpus).at("4:0")).toBe(entityOf(corpus).at("0:0"));
  });
  it("... which keep their own type", () => expect(typeOf([...corpus, ["l:Harbourview"]], "7:0")).toBe("location"));
  it("... not when read as a person more often", () => expect(typeOf([...corpus, ["p:Harbourview"], ["p:Harbourview"]], "4:0")).toBe("person"));
  it("... nor a given name", () => expect(typeOf(corpus.map((a) => [a[0]!.replace("Harbourview", "Margaret")]), "4:0")).toBe("person"));
  it("... nor the surname of a person's name that opens with a given name", () => expect(typeOf([...corpus, ["p:Ann Harbourview"]], "4:0")).toBe("person"));
  it("... nor a word that opens or ends persons' longer names often enough", () =>
    expect(typeOf([...corpus, ["p:Harbourview Pell"]], "4:0")).toBe("person"));
  it("... though one stray longer name among many readings as a person does not count", () => {
    const many = [...Array.from({ length: 9 }, () => ["o:Harbourview"]), ...Array.from({ length: 8 }, () => ["p:Harbourview"]), ["p:Harbourview Media"]];
    expect(typeOf(many, "9:0")).toBe("organization");
  });
});

describe("entities: a given name alone", () => {
  it("a family name that news writes first joins the one full name of its article that opens with it", () => {
    const { at } = entityOf([["p:Moon Jae-sol", "p:Moon", "p:Mr. Moon"]]);
    expect([at("0:1"), at("0:2")]).toEqual([at("0:0"), at("0:0")]);
  });
  it("joins the one person of its article with that given name", () => {
    const { at } = entityOf([["p:Ann Vale", "p:Ann"]]);
    expect(at("0:1")).toBe(at("0:0"));
  });
  it.each<[string, string[][]]>([
    ["a surname of someone in the article comes first", [["p:Tom Ann", "p:Ann Vale", "p:Ann"]]],
    ["two people with that given name", [["p:Ann Vale", "p:Ann Pell", "p:Ann"]]],
    ["a word that is no common given name", [["p:Brennick Vale", "p:Brennick"]]],
    ["a given name after an honorific is a surname", [["p:Ann Vale", "p:Mrs Ann"]]],
  ])("does not: %s", (_n, ds) => {
    const { at } = entityOf(ds);
    expect(at(`0:${ds[0]!.length - 1}`)).not.toBe(at(`0:${ds[0]!.length - 2}`));
  });
  // a word no list has, which the corpus writes first in persons' names five times, and never last
  const quorin = Array.from({ length: 5 }, () => ["p:Quorin Vale", "p:Vale"]);
  it("a word the lists lack joins the person of its article whose name opens with it, where the corpus writes it so", () => {
    const { at } = entityOf([["p:Quorin Vale", "p:Quorin"], ...quorin]);
    expect(at("0:1")).toBe(at("0:0"));
  });
  it.each<[string, string[][]]>([
    ["too few of the corpus's names open with it", [["p:Quorin Vale", "p:Quorin"], ...quorin.slice(2)]],
    ["the corpus writes it last in persons' names too", [["p:Quorin Vale", "p:Quorin"], ...quorin, ["p:Ann Quorin"]]],
    ["the name it opens ends in a word the corpus never reads alone as a person's", [["p:Quorin Labs", "p:Quorin"], ...quorin]],
    ["it is written in capitals", [["p:Quorin Vale", "p:QUORIN"], ...quorin]],
  ])("... not where %s", (_n, ds) => {
    const { at } = entityOf(ds);
    expect(at("0:1")).not.toBe(at("0:0"));
  });
});

describe("entities: a lone surname and the corpus's usual bearer of it", () => {
  const withAnn = (n: number) => Array.from({ length: n }, () => ["p:Ann Vale", "p:Vale"]);
  const withTom = (n: number) => Array.from({ length: n }, () => ["p:Tom Vale", "p:Vale"]);
  it("joins the person it joins in nearly every article that names someone of that name", () => {
    const { at } = entityOf([...withAnn(5), ["p:Vale"]]);
    expect(at("5:0")).toBe(at("0:0"));
  });
  it("... counting every written form of that person's name", () => {
    const { at } = entityOf([...withAnn(3), ["p:Ann B. Vale", "p:Vale"], ["p:Ann B. Vale", "p:Vale"], ["p:Vale"]]);
    expect(at("5:0")).toBe(at("0:0"));
  });
  it.each<[string, string[][], string]>([
    ["too few articles to tell", [...withAnn(4), ["p:Vale"]], "4:0"],
    ["the articles split between two people", [...withAnn(9), ...withTom(2), ["p:Vale"]], "11:0"],
    ["an honorific of the other gender", [...withAnn(5), ["p:Mr Vale"]], "5:0"],
    ["two other people of that name in its own article", [...withAnn(5), ["p:Eve Vale", "p:Tom Vale", "p:Vale"]], "5:2"],
    ["a title alone", [...Array.from({ length: 5 }, () => ["p:Ann Judge", "p:Judge"]), ["p:Judge"]], "5:0"],
  ])("stays apart: %s", (_n, ds, ref) => {
    const { at } = entityOf(ds);
    expect(at(ref)).not.toBe(at("0:0"));
  });
  it("... but a title that is a surname too joins", () => {
    const { at } = entityOf([...Array.from({ length: 5 }, () => ["p:Ann Dean", "p:Dean"]), ["p:Dean"]]);
    expect(at("5:0")).toBe(at("0:0"));
  });
  it("... and what joins no one stays one entity of that surname, whatever its honorific", () => {
    const { at } = entityOf([["p:Vale"], ["p:Mr Vale"], ["p:Mrs Vale"], ["p:Ann Vale", "p:Tom Vale", "p:Vale"]]);
    expect(new Set([at("0:0"), at("1:0"), at("2:0"), at("3:2")])).toEqual(new Set(["person:vale"]));
  });
  it("left between two people in its own article, it joins the usual bearer when she is one of them", () => {
    const { at } = entityOf([...withAnn(5), ["p:Ann Vale", "p:Tom Vale", "p:Vale"]]);
    expect(at("5:2")).toBe(at("0:0"));
  });
  it("... whoever else its article names", () => {
    const { at } = entityOf([...withAnn(5), ["p:Ann Vale", "p:Eve Vale", "p:Vale"], ["p:Tom Vale", "p:Ann Vale", "p:Vale"]]);
    expect([at("5:2"), at("6:2")]).toEqual([at("0:0"), at("0:0")]);
  });
  it("a woman's honorific joins the usual bearer when she is a woman", () => {
    const { at } = entityOf([...withAnn(5), ["p:Mrs Vale"]]);
    expect(at("5:0")).toBe(at("0:0"));
  });
  it("beside a Jr. alone in its article, it joins his namesake when that is the usual bearer", () => {
    const withTomSr = Array.from({ length: 5 }, () => ["p:Tom Vale", "p:Vale"]);
    const { at } = entityOf([...withTomSr, ["p:Tom Vale Jr.", "p:Vale"]]);
    expect([at("5:1"), at("5:0")]).toEqual([at("0:0"), expect.not.stringMatching(new RegExp(`^${at("0:0")}$`))]);
  });
  it("written before the one person of its article named in full, it joins the usual bearer when that is someone else", () => {
    // (the two articles that name Ann Vale are two votes of twenty for her: Tom Vale stays the usual bearer)
    const { at } = entityOf([...withTom(18), ["p:Vale", "p:Ann Vale", "p:Vale"], ["p:Ann Vale", "p:Vale"]]);
    expect([at("18:0"), at("18:2"), at("19:1")]).toEqual([at("0:0"), at("0:0"), at("19:0")]);
    expect(at("18:1")).not.toBe(at("0:0"));
  });
  it("... else that person", () => {
    const { at } = entityOf([...withTom(5), ["p:Vale", "p:Tom Vale"], ["p:Pell", "p:Ann Pell"], ["p:Vale-Pell", "p:Ann Vale-Pell"]]);
    expect([at("5:0"), at("6:0"), at("7:0")]).toEqual([at("0:0"), at("6:1"), at("7:1")]);
  });
  it("... else it joins the Jr.", () => {
    const { at } = entityOf([...withAnn(5), ["p:Tom Vale Jr.", "p:Vale"], ["p:Eve Pell Jr.", "p:Pell"]]);
    expect([at("5:1"), at("6:1")]).toEqual([at("5:0"), at("6:0")]);
  });
});

describe("entities: an acronym read as other", () => {
  it("joins the one organisation the corpus defines it for, which keeps its type and its full name", () => {
    const { out, at } = entityOf([["o:Harbour Workers Guild (HWG)"], ["x:HWG"], ["x:HWG"], ["x:HWG"]]);
    expect([at("1:0"), at("2:0")]).toEqual([at("0:0"), at("0:0")]);
    expect(out.entities.find((e) => e.entity_id === at("0:0"))).toMatchObject({ type: "organization", name: "Harbour Workers Guild" });
  });
  it("... not where the corpus also defines it as other", () => {
    const { at } = entityOf([["o:Harbour Workers Guild (HWG)"], ["x:Harbour Wage Guarantee (HWG)"], ["x:HWG"]]);
    expect(at("2:0")).not.toBe(at("0:0"));
  });
});

describe("entities: an honorific before the mention", () => {
  /** the link record the article stages make of `text`, and its entities */
  const linked = (text: string) => {
    const p = processSource({ source_path: "h.txt", id: null, bytes: new TextEncoder().encode(text), text: null, body: null, manifest: emptyManifest() });
    if (p.kind !== "article") throw new Error("rejected");
    const rec = JSON.parse(new TextDecoder().decode(linkRecordBytes(p.staged))) as LinkArticle;
    const { mentionEntities } = linkEntities([rec]);
    const of = (t: string) => mentionEntities[0]![rec.mentions.findIndex((m) => m.text === t)];
    return { rec, of };
  };
  it("is carried in the link record, not in the mention's text", () => {
    const { rec } = linked("Ada Brisbee spoke first. Later Mr. Brisbee spoke.\n");
    expect(rec.mentions.map((m) => [m.text, m.female])).toEqual([["Ada Brisbee", undefined], ["Brisbee", false]]);
  });
  it("a man's honorific keeps the surname from the one woman of that name in the article", () => {
    const { of } = linked("Ada Brisbee spoke first. Later Mr. Brisbee spoke.\n");
    expect(of("Brisbee")).not.toBe(of("Ada Brisbee"));
  });
  it("... and a woman's joins her", () => {
    const { of } = linked("Ada Brisbee spoke first. Later Mrs Brisbee spoke.\n");
    expect(of("Brisbee")).toBe(of("Ada Brisbee"));
  });
  it.each<[string, string, string, boolean | null]>([
    ["Mr. with a stop", "said Mr. Vale", "Vale", false],
    ["Ms without one", "said Ms Vale", "Vale", true],
    ["a title that says no gender", "said Dr. Vale", "Vale", null],
    ["the honorific in the mention itself is read there, not here", "said Mrs Vale", "Mrs Vale", null],
  ])("honorificBefore: %s", (_n, body, mention, want) => {
    expect(honorificBefore(body, body.lastIndexOf(mention), mention)).toBe(want);
  });
});

describe("entities: a name after the Arabic article", () => {
  const typeOf = (ds: string[][], ref: string) => entityOf(ds).at(ref).split(":")[0];
  // made-up names: "Al Vasra" read as a person (Al is a given name), beside "al-Vasra" and "al Vasra" read as a group
  it("is no person named Al where the corpus writes it with the article and reads that as another type", () =>
    expect(typeOf([["p:Al Vasra"], ["o:al-Vasra"], ["o:al Vasra", "o:Al-Vasra"]], "0:0")).toBe("organization"));
  it("... but stays a person where those readings are a person's", () => expect(typeOf([["p:Al Vasra"], ["p:al-Vasra"], ["o:al-Vasra"], ["p:Al-Vasra"]], "0:0")).toBe("person"));
  it("... and where the corpus never writes it so", () => expect(typeOf([["p:Al Pell"], ["o:Pell Motors"]], "0:0")).toBe("person"));
  it("... nor where the rest is a surname read alone as a person's far more often (\"al Pell\" written for \"Al Pell\")", () =>
    expect(typeOf([["p:Al Pell"], ["p:Pell"], ["p:Pell"], ["p:Pell"], ["o:al Pell"]], "0:0")).toBe("person"));
  it("... which a few such readings do not outweigh", () => expect(typeOf([["p:Al Pell"], ["p:Pell"], ["p:Pell"], ["p:Pell"], ["o:al Pell"], ["o:al-Pell"]], "0:0")).toBe("organization"));
});

describe("entities: mentions that must stay apart", () => {
  it.each<[string, string[][], string, string]>([
    ["person and the company named after them", [["p:Ann Vale", "o:Vale Motors", "p:Vale"]], "0:0", "0:1"],
    ["person and a short company name", [["p:Ann Vale", "o:Vale"]], "0:0", "0:1"],
    ["a country code must be written in capitals ('Us' in a title is the pronoun)", [["l:Us"], ["l:US"]], "0:0", "1:0"],
    ["a father and a son of the same name, across articles", [["p:Carl Brisbee Jr."], ["p:Carl Brisbee"]], "0:0", "1:0"],
    ["a father and a son of the same name, in one article", [["p:Carl Brisbee Sr.", "p:Carl Brisbee Jr."]], "0:0", "0:1"],
    ["a suffixed surname does not join the name without the suffix", [["p:Carl Brisbee", "p:Brisbee Jr."]], "0:0", "0:1"],
    ["a woman's honorific does not join a man", [["p:Carl Brisbee", "p:Mrs Brisbee"]], "0:0", "0:1"],
    ["... a man known by US birth counts, not the two first-name lists", [["p:Brayden Brisbee", "p:Mrs Brisbee"]], "0:0", "0:1"],
    ["company short name and surname-only person", [["p:Vale", "o:Vale"]], "0:0", "0:1"],
    ["a one-word name keeps its own type whatever the majority", [["o:Vale"], ["o:Vale"], ["p:Vale"]], "0:0", "2:0"],
    ["a two-word name typed two ways equally often stays two", [["o:Quill Labs"], ["p:Quill Labs"]], "0:0", "1:0"],
    ["two people sharing a surname, different articles", [["p:Ann Vale", "p:Vale"], ["p:Tom Vale", "p:Vale"]], "0:0", "1:0"],
    ["... their surname-only mentions", [["p:Ann Vale", "p:Vale"], ["p:Tom Vale", "p:Vale"]], "0:1", "1:1"],
    ["surname alone in an article with two such people (1)", [["p:Ann Vale", "p:Tom Vale", "p:Vale"]], "0:2", "0:0"],
    ["surname alone in an article with two such people (2)", [["p:Ann Vale", "p:Tom Vale", "p:Vale"]], "0:2", "0:1"],
    ["surname alone in an article with no full name", [["p:Ann Vale"], ["p:Vale"]], "0:0", "1:0"],
    ["different given names", [["p:Ann Vale"], ["p:Anna Vale"]], "0:0", "1:0"],
    ["conflicting middle initials", [["p:Ann B. Vale"], ["p:Ann C. Vale"]], "0:0", "1:0"],
    ["departments of two fields", [["o:Department of Harbours"], ["o:Tides Department"]], "0:0", "1:0"],
    ["a country's name before a name that is no institution", [["o:UK Harbour Times"], ["o:Harbour Times"]], "0:0", "1:0"],
    ["a one-word country's name, which may be a state's", [["o:Georgia Harbour Commission"], ["o:Harbour Commission"]], "0:0", "1:0"],
    ["a department of a place is not that place's department of a field", [["o:Department of Harbours of Ruritania"], ["o:Harbours Department"]], "0:0", "1:0"],
    ["middle names that are not one the other with some left out", [["p:Ann Lloyd Vale"], ["p:Ann Mary Vale"]], "0:0", "1:0"],
    ["a short form of two formal names the corpus has joins neither (1)", [["p:Christopher Vale"], ["p:Christian Vale"], ["p:Chris Vale"]], "0:0", "2:0"],
    ["a short form of two formal names the corpus has joins neither (2)", [["p:Christopher Vale"], ["p:Christian Vale"], ["p:Chris Vale"]], "1:0", "2:0"],
    ["a short form men and women bear is not a woman's formal name", [["p:Christine Vale"], ["p:Chris Vale"]], "0:0", "1:0"],
    ["a short form that is a name of its own is no short form", [["p:John Vale"], ["p:Jack Vale"]], "0:0", "1:0"],
    ["a short form and a formal name it does not stand for", [["p:Robert Vale"], ["p:Bill Vale"]], "0:0", "1:0"],
    ["misspelling-like surname, different given name", [["p:Halvard Brennick"], ["p:Torvald Brenick"]], "0:0", "1:0"],
    ["misspelling-like surname, short surname", [["p:Ann Basko"], ["p:Ann Basso"]], "0:0", "1:0"],
    ["short surname alone one letter from a full name", [["p:Ann Basko", "p:Basso"]], "0:0", "0:1"],
    ["surname alone: the exact match wins over a misspelling", [["p:Ann Brennick", "p:Tom Brenick", "p:Brenick"]], "0:2", "0:0"],
    ["two letters apart", [["p:Halvard Brennick"], ["p:Halvard Brannock"]], "0:0", "1:0"],
    ["one letter apart, but the first letter", [["p:Halvard Brennick"], ["p:Halvard Drennick"]], "0:0", "1:0"],
    ["surname alone, one letter apart, but the first letter", [["p:Ann Marrick", "p:Darrick"]], "0:0", "0:1"],
    ["misspelling with two possible targets (1)", [["p:Ann Carrisford"], ["p:Ann Carisford"], ["p:Ann Carrisfort"]], "0:0", "1:0"],
    ["misspelling with two possible targets (2)", [["p:Ann Carrisford"], ["p:Ann Carisford"], ["p:Ann Carrisfort"]], "0:0", "2:0"],
    ["a name between two middle initials, the one named not ten times as often as the other", [...n(20, "p:Ann B. Vale"), ...n(3, "p:Ann C. Vale"), ...n(25, "p:Ann Vale")], "0:0", "23:0"],
    ["... nor named 20 times", [...n(19, "p:Ann B. Vale"), ["p:Ann C. Vale"], ...n(25, "p:Ann Vale")], "0:0", "20:0"],
    ["... nor a misspelling between two surnames, however often one is named", [...n(30, "p:Ann Carrisford"), ["p:Ann Carisford"], ["p:Ann Carrisfort"]], "0:0", "30:0"],
    ["... and the other stays apart from both", [...n(20, "p:Ann B. Vale"), ["p:Ann C. Vale"], ...n(20, "p:Ann Vale")], "20:0", "21:0"],
    ["... nor when the name is written less often than the candidate", [...n(20, "p:Ann B. Vale"), ["p:Ann C. Vale"], ...n(19, "p:Ann Vale")], "0:0", "21:0"],
    ["feminine surname alone, man of that surname in the article", [["p:Pavel Varnov", "p:Varnova"]], "0:0", "0:1"],
    ["feminine surname alone, man with a common English name", [["p:Thomas Varnov", "p:Varnova"]], "0:0", "0:1"],
    ["feminine and masculine forms with a woman's and a man's given name", [["p:Olga Varnova"], ["p:Pavel Varnov"]], "0:0", "1:0"],
    ["initial that fits two people", [["p:Jonas Tremayne", "p:Julia Tremayne", "p:J. Tremayne"]], "0:2", "0:0"],
    ["two initials are no given name", [["p:J. A. Tremayne", "p:Tremayne"], ["p:Ann Tremayne"]], "0:0", "1:0"],
    ["a capitalised particle opening a surname is no given name where the article names its bearer", [["p:Ann Van Harbury", "p:Van Harbury", "p:Harbury"], ["p:Van Pell", "p:Pell"]], "0:1", "1:0"],
    ["... nor where the article never writes the last word alone", [["p:Del Harbury"], ["p:Tom Harbury"]], "0:0", "1:0"],
    ["initial that fits another person", [["p:Jonas Tremayne", "p:K. Tremayne"]], "0:0", "0:1"],
    ["acronym that fits two organisations in the article", [["o:Office of Coastal Affairs", "o:Order of Chartered Accountants", "o:OCA"]], "0:2", "0:0"],
    ["acronym defined differently in two articles (1)", [["o:Office of Coastal Affairs (OCA)"], ["o:Order of Chartered Accountants (OCA)"], ["o:OCA"]], "2:0", "0:0"],
    ["acronym defined differently in two articles (2)", [["o:Office of Coastal Affairs (OCA)"], ["o:Order of Chartered Accountants (OCA)"], ["o:OCA"]], "2:0", "1:0"],
    ["a paper's one-word name beside two papers whose names end in it", [["o:Valeford Times", "o:Harbour Times", "o:Times"]], "0:2", "0:0"],
    ["... nor the other", [["o:Valeford Times", "o:Harbour Times", "o:Times"]], "0:2", "0:1"],
    ["a department's field alone, in an article without the department", [["o:Department of Harbour Security"], ["o:Harbour Security"]], "0:0", "1:0"],
    ["a company's one-word name beside two companies named by it", [["o:Quillfeather Labs", "o:Quillfeather Group", "o:Quillfeather"]], "0:2", "0:0"],
    ["a word is not the short name of a longer name's company", [["o:Harbour Science Laboratory", "o:Harbour"]], "0:1", "0:0"],
    ["an acronym is not a company's short name", [["o:OCA Laboratory", "o:OCA"]], "0:1", "0:0"],
    ["a chamber's name is not a paper's", [["o:Valeford Senate", "o:Senate"]], "0:1", "0:0"],
    ["the two definitions themselves", [["o:Office of Coastal Affairs (OCA)"], ["o:Order of Chartered Accountants (OCA)"]], "0:0", "1:0"],
    ["an acronym alone, defined for another name in more than one in ten articles", [...Array.from({ length: 8 }, () => ["o:Office of Coastal Affairs (OCA)"]), ["o:Order of Chartered Accountants (OCA)"], ["o:Order of Chartered Accountants (OCA)"], ["o:OCA"]], "10:0", "0:0"],
    ["a name inside two longer ones defined as often for its acronym", [["o:Ruritanian Tide Association (TA)"], ["o:Valeford Tide Association (TA)"], ["o:Tide Association (TA)"]], "2:0", "0:0"],
    ["... nor is it either of them", [["o:Ruritanian Tide Association (TA)"], ["o:Valeford Tide Association (TA)"], ["o:Tide Association (TA)"]], "2:0", "1:0"],
    ["a one-word name inside a longer one defined for its acronym", [["o:Valeford Harbour Army (VHA)"], ["o:Army (VHA)"]], "1:0", "0:0"],
    ["an acronym alone, defined for a name of another type as often", [["o:Harbour Tide Court (HTC)"], ["x:Harbour Tide Charter (HTC)"], ["o:HTC"]], "2:0", "0:0"],
    ["a name inside a longer one before another noun (a court, not its act)", [["o:Harbour Tide Surveillance Court (HTS)"], ["o:Harbour Tide Surveillance (HTS)"]], "1:0", "0:0"],
    ["place and organisation of the same name", [["l:Valemouth"], ["o:Valemouth"]], "0:0", "1:0"],
    ["a country and an organisation named after it", [["l:Georgia"], ["o:Georgia Power"]], "0:0", "1:0"],
    ["place and person of the same name", [["l:Georgia"], ["p:Georgia Vale"]], "0:0", "1:0"],
    ["a place and a longer place containing it", [["l:Georgia"], ["l:South Georgia"]], "0:0", "1:0"],
    ["state or country: no merge with a country-only form", [["l:Georgia"], ["l:Republic of Georgia"]], "0:0", "1:0"],
    ["two countries", [["l:Niger"], ["l:Nigeria"]], "0:0", "1:0"],
    ["a state's abbreviation is written with its case ('L.A.' is not 'La.')", [["l:La."], ["l:L.A."]], "0:0", "1:0"],
    ["... and names the state only as a place", [["l:Kentucky"], ["p:Ky"]], "0:0", "1:0"],
    ["Congo is claimed by two countries", [["l:Congo"], ["l:Democratic Republic of the Congo"]], "0:0", "1:0"],
  ])("%s", (_, ds, a, b) => {
    const { at } = entityOf(ds);
    expect(at(a)).not.toBe(at(b));
  });
});

describe("entities: rows", () => {
  it("canonical name, aliases and counts", () => {
    const { out } = entityOf([["p:Ann Vale", "p:Vale", "p:Ms. Vale"], ["p:Ann Vale"], ["p:Tom Vale"]]);
    const e = out.entities.find((x) => x.entity_id === "person:ann-vale")!;
    expect(e).toEqual({ entity_id: "person:ann-vale", name: "Ann Vale", type: "person", aliases: ["Ann Vale", "Ms. Vale", "Vale"], mention_count: 4, article_count: 2 });
    expect(out.entities.map((x) => x.entity_id)).toEqual(["person:ann-vale", "person:tom-vale"]);
  });

  it.each<[string, string[][], string, string]>([
    ["country: its common English name", [["l:U.S."], ["l:US"]], "location:united-states", "United States"],
    ["... not the shortest of its names", [["l:Korea"], ["l:Republic of Korea"]], "location:south-korea", "South Korea"],
    ["a US state: its name, not an abbreviation", [["l:Fla."], ["l:Fla"], ["l:Florida"]], "location:florida", "Florida"],
    ["... even where only its abbreviations name it", [["l:Fla."], ["l:Fla"]], "location:florida", "Florida"],
    ["acronym: the defined long form", [["o:OCA", "o:Office of Coastal Affairs (OCA)"], ["o:OCA"], ["o:OCA"]], "organization:office-of-coastal-affairs", "Office of Coastal Affairs"],
    ["person: the full name, not the surname", [["p:Vale", "p:Vale", "p:Vale", "p:Ann Vale"]], "person:ann-vale", "Ann Vale"],
    ["person: the fuller form, when as frequent", [["p:Ann Lloyd Deverell"], ["p:Ann Deverell"]], "person:ann-lloyd-deverell", "Ann Lloyd Deverell"],
    ["person: the most frequent full form, over a fuller one", [["p:Ann Lloyd Deverell"], ["p:Ann Deverell"], ["p:Ann Deverell"]], "person:ann-deverell", "Ann Deverell"],
    ["a trailing symbol is not part of a name", [["x:Harbourites"], ["x:Harbourites $"], ["o:OCA/"]], "other:harbourites", "Harbourites"],
    ["nor of an acronym", [["o:OCA"], ["o:OCA"], ["o:OCA/"]], "organization:oca", "OCA"],
    ["person: not a stray longer form", [["p:Ann Vale"], ["p:Ann Vale"], ["p:Ann Vale Ann Vale"]], "person:ann-vale", "Ann Vale"],
    ["person: the more frequent spelling", [["p:Dmitri Holtsov"], ["p:Dmitry Holtsov"], ["p:Dmitry Holtsov"]], "person:dmitry-holtsov", "Dmitry Holtsov"],
    ["person: titles stripped", [["p:Senator Ann Vale"]], "person:ann-vale", "Ann Vale"],
    ["not a headline in capitals", [["p:ANN VALE"], ["p:Ann Vale"]], "person:ann-vale", "Ann Vale"],
    ["organisation: leading 'the' dropped", [["o:the Harbour Trust"]], "organization:harbour-trust", "Harbour Trust"],
  ])("%s", (_, ds, id, name) => {
    const { out } = entityOf(ds);
    expect(out.entities.find((e) => e.entity_id === id)?.name).toBe(name);
  });

  it("entity ids that would collide get a deterministic suffix", () => {
    // "Smith & Sons" and "Smith Sons" are different keys with the same slug
    const { out } = entityOf([["o:Smith & Sons"], ["o:Smith Sons"], ["o:Smith Sons"]]);
    expect(out.entities.map((e) => [e.entity_id, e.name])).toEqual([
      ["organization:smith-sons", "Smith Sons"],
      ["organization:smith-sons-2", "Smith & Sons"],
    ]);
  });

  it("a suffix skips an id another entity has as its own, and each rank starts from its own number", () => {
    // three names with one slug ("&" is kept in a name's key, not in its slug), ranked by mentions; "Harbour Sons 2"
    // has the first suffix's id as its own
    const { out } = entityOf([["o:Harbour Sons", "o:Harbour Sons", "o:Harbour & Sons", "o:Harbour Sons 2"], ["o:Harbour Sons", "o:Harbour & Sons"], ["o:Harbour && Sons"]]);
    expect(out.entities.map((e) => [e.entity_id, e.name])).toEqual([
      ["organization:harbour-sons", "Harbour Sons"],
      ["organization:harbour-sons-2", "Harbour Sons 2"],
      ["organization:harbour-sons-3", "Harbour & Sons"],
      ["organization:harbour-sons-4", "Harbour && Sons"],
    ]);
  });

  it("mention_count and article_count add up", () => {
    const ds = [["p:Ann Vale", "o:Vale Motors", "p:Vale", "l:US"], ["o:U.S.", "p:Tom Vale", "o:Vale Motors Inc."], ["p:Vale", "l:United States"]];
    const { out, at } = entityOf(ds);
    expect(out.entities.reduce((n, e) => n + e.mention_count, 0)).toBe(ds.flat().length);
    const us = out.entities.find((e) => e.entity_id === "location:united-states")!;
    expect([us.type, us.mention_count, us.article_count]).toEqual(["location", 3, 3]);
    const motors = out.entities.find((e) => e.entity_id === at("0:1"))!;
    expect([motors.mention_count, motors.article_count, motors.aliases]).toEqual([2, 2, ["Vale Motors", "Vale Motors Inc."]]);
    for (const e of out.entities) expect(e.article_count).toBeLessThanOrEqual(e.mention_count);
  });

  it("does not depend on the order of articles", () => {
    const ds = [
      ["p:Ann Vale", "p:Vale", "o:Office of Coastal Affairs (OCA)"],
      ["p:Dmitri Holtsov", "o:OCA", "l:US"],
      ["p:Dmitry Holtsov", "p:Holtsov", "l:United States"],
      ["p:Ann Carrisford"], ["p:Ann Carisford"], ["p:Ann Carrisfort"],
      ["o:Smith & Sons"], ["o:Smith Sons"],
    ];
    const fwd = linkEntities(docs(ds));
    const rev = linkEntities(docs(ds).reverse());
    expect(rev.entities).toEqual(fwd.entities);
    expect([...rev.mentionEntities].reverse()).toEqual(fwd.mentionEntities);
  });
});

describe("lexicon files", () => {
  const lex = (f: string) => readFileSync(new URL(`../pipeline/lexicon/${f}`, import.meta.url), "utf8");
  it.each<[string, () => string]>([
    ["name-variants.countries.json", countryLexicon],
    ["name-variants.genders.json", genderLexicon],
    ["brands.txt", brandLexicon],
  ])("%s is what its generator writes", (file, gen) => expect(lex(file)).toBe(gen()));
  it.each(["name-variants.json", "name-variants.countries.json", "name-variants.genders.json"])("%s states its source and licence", (file) => {
    const j = JSON.parse(lex(file)) as Record<string, unknown>;
    expect(typeof j._source).toBe("string");
    expect(typeof j._licence).toBe("string");
  });
});

describe("name helpers", () => {
  it.each<[string, string, string]>([
    ["Deputy Prime Minister Ann Vale", "person", "Ann Vale"],
    ["Mr. Vale's", "person", "Vale"],
    ["\u201cAnn Vale,", "person", "Ann Vale"],
    ["the Harbour Trust", "organization", "Harbour Trust"],
    ["President", "person", "President"],
    ["Dean Vale", "person", "Dean Vale"],
    ["Major Ann Vale", "person", "Ann Vale"],
    ["Former Major Vale", "person", "Major Vale"],
    ["Senator Vale", "person", "Vale"],
  ])("cleanMention(%j, %s) = %j", (text, type, want) => expect(cleanMention(text, type)).toBe(want));

  it.each<[string, boolean]>([["DHS", true], ["U.N.", true], ["MoD", true], ["Vale", false], ["A", false], ["NASA", true], ["I", false]])("isAcronym(%j) = %s", (s, want) => expect(isAcronym(s)).toBe(want));

  it.each<[string, string, boolean]>([
    ["Office of Coastal Affairs", "oca", true],
    ["Vale Motors Inc", "vm", true],
    ["Vale Motors", "vmi", false],
    ["U.S. Harbour Service", "ushs", true],
    ["U.S. Harbour Service", "uhs", false],
    ["UK Tide Party", "uktp", true],
    ["HARBOUR TIDE BOARD", "htb", true],
  ])("acronymsOf(%j) has %j: %s", (name, acr, want) => expect(acronymsOf(name).has(acr)).toBe(want));

  it.each<[string, string | null]>([["U.S.", "US"], ["Britain", "GB"], ["the Netherlands", "NL"], ["Congo", null], ["Valeland", null]])("countryCode(%j) = %j", (s, cc) => expect(countryCode(s)).toBe(cc));

  it.each<[string, string, boolean]>([
    ["Halvard Brennick", "Halvard Brenick", true],
    ["Dmitri Holtsov", "Dmitry Holtsov", true],
    ["Daria Bryntseva", "Daria Bryntsev", true],
    ["Ann Vale", "Tom Vale", false],
    ["Ann Basko", "Ann Basso", false],
    ["Olga Varnova", "Pavel Varnov", false],
    ["J. Vale", "Jonas Vale", false],
  ])("personsCompatible(%j, %j) = %s", (a, b, want) => expect(personsCompatible(parsePerson(a), parsePerson(b))).toBe(want));

  it.each<[string, boolean | null]>([["Margaret", true], ["Thomas", false], ["Pavel", false], ["Daria", true], ["Jean", null], ["Xqzt", null]])("femaleGiven(%j) = %j", (g, want) => expect(femaleGiven(g)).toBe(want));

  it.each<[string, string, boolean]>([["brennick", "brenick", true], ["brennick", "brenncik", true], ["brennick", "brannock", false], ["abc", "abcde", false]])("withinOneEdit(%j, %j) = %s", (a, b, want) => expect(withinOneEdit(a, b)).toBe(want));

  it.each<[string, string]>([["Zürich", "zurich"], ["AT&T", "at-t"], ["O'Rourke", "orourke"], ["Москва", "москва"]])("slug(%j) = %j", (s, want) => expect(slug(s)).toBe(want));

  // plain ASCII takes a shorter path than the rest: both fold case, apostrophes and spaces alike
  it.each<[string, string]>([
    ["  Ann   VALE ", "ann vale"],
    ["O`Neil", "o'neil"],
    ["O\u2019Neil", "o'neil"],
    ["Ann\tVale", "ann vale"],
    ["Ann\u00a0Vale", "ann vale"],
    ["Ørsted  Æble", "orsted aeble"],
    ["Zoë  Ruíz", "zoe ruiz"],
  ])("fold(%j) = %j", (s, want) => expect(fold(s)).toBe(want));

  it("personMerges finds candidates by their keys' hashes and keeps only those that share a key", () => {
    const names = ["Alexander Valeford", "Alex Valefort", "Ann Valeford", "Ann Valefort", "Bill Harbourne", "William Harbourne", "Ann Harbourne"];
    const persons = names.map((n) => parsePerson(n));
    const pairs = personMerges(persons);
    expect(pairs).toContainEqual([2, 3]); // a misspelt surname
    expect(pairs).toContainEqual([4, 5]); // a short form of the given name
    // (the same person by the rules, but a short form and a misspelling at once: no key in common, so no candidate)
    expect(personsCompatible(persons[0]!, persons[1]!)).toBe(true);
    expect(pairs).not.toContainEqual([0, 1]);
    // every key in one bucket, or another hash: the same pairs
    expect(personMerges(persons, null, () => 0)).toEqual(pairs);
    expect(personMerges(persons, null, (k) => [...k].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7))).toEqual(pairs);
    // a node of another type between them (null) is no person's candidate, and the others keep their numbers
    const mixed = [persons[0]!, null, ...persons.slice(1)];
    expect(personMerges(mixed)).toEqual(pairs.map(([a, b]) => [a && a + 1, b + 1]));
  });

  it("pickCanonical prefers full, frequent, mixed-case forms", () => {
    const f = (xs: [string, number, boolean][]) => new Map(xs.map(([s, n, primary]) => [s, { n, primary }]));
    expect(pickCanonical(f([["Vale", 9, false], ["Ann Vale", 1, true]]))).toBe("Ann Vale");
    expect(pickCanonical(f([["ANN VALE", 5, true], ["Ann Vale", 1, true]]))).toBe("Ann Vale");
    expect(pickCanonical(f([["Vale", 2, false]]))).toBe("Vale");
  });

  it("pickCanonical: an organisation's most written form, whatever its length; an acronym in its usual casing", () => {
    const f = (xs: [string, number, boolean][]) => new Map(xs.map(([s, n, primary]) => [s, { n, primary }]));
    expect(pickCanonical(f([["Quillfeather", 90, true], ["Quillfeather Corporation", 3, true]]), false)).toBe("Quillfeather");
    expect(pickCanonical(f([["OCA", 40, false], ["Oca", 3, true]]), false)).toBe("OCA");
    expect(pickCanonical(f([["OCA", 40, false], ["Office of Coastal Affairs", 5, true]]), false)).toBe("Office of Coastal Affairs");
  });

  it("pickCanonical: an acronym the text almost never spells out names the organisation", () => {
    const f = (xs: [string, number, boolean][]) => new Map(xs.map(([s, n, primary]) => [s, { n, primary }]));
    // ten times as often as the spelled-out forms together
    expect(pickCanonical(f([["OCA", 40, false], ["Office of Coastal Affairs", 2, true], ["Coastal Affairs", 2, true]]), false)).toBe("OCA");
    expect(pickCanonical(f([["OCA", 40, false], ["Office of Coastal Affairs", 3, true], ["Coastal Affairs", 2, true]]), false)).toBe("Office of Coastal Affairs");
    // the more written of two acronyms; a person is named by the full name all the same
    expect(pickCanonical(f([["O.C.A.", 5, false], ["OCA", 40, false], ["Office of Coastal Affairs", 1, true]]), false)).toBe("OCA");
    expect(pickCanonical(f([["AV", 40, false], ["Ann Vale", 1, true]]))).toBe("Ann Vale");
  });
});

describe("acronyms defined in the body", () => {
  it.each<[string, string, [string, string][]]>([
    ["the Office of Coastal Affairs (OCA) said", "o:Office of Coastal Affairs|o:OCA", [["Office of Coastal Affairs", "OCA"]]],
    ["the Office of Coastal Affairs ( OCA ) said", "o:Office of Coastal Affairs|o:OCA", [["Office of Coastal Affairs", "OCA"]]],
    ["the Office of Coastal Affairs, OCA, said", "o:Office of Coastal Affairs|o:OCA", []],
    ["the Federal Harbour Service (HSF) said", "o:Federal Harbour Service|o:HSF", [["Federal Harbour Service", "HSF"]]],
    ["Ann Vale (OCA) said", "p:Ann Vale|o:OCA", []],
    ["VALEFORD (RNN) — Pell said", "o:VALEFORD|o:RNN", []],
    ["Pell said.\n  Valeford (RNN) - Pell said", "o:Valeford|o:RNN", []],
    ["Pell saw the Valeford (VNN) — a paper — there", "o:Valeford|o:VNN", [["Valeford", "VNN"]]],
    ["Valeford (RNN) The town is calm", "o:Valeford|o:RNN", []],
    ["Valeford, North Harbourland (VNN) The town is calm", "o:Valeford, North Harbourland|o:VNN", []],
    ["Office of Coastal Affairs (OCA) Director Ann Vale said", "o:Office of Coastal Affairs|o:OCA", [["Office of Coastal Affairs", "OCA"]]],
  ])("%j", (body, ms, want) => {
    const mentions = ms.split("|").map(mention).map((m) => {
      const start = body.indexOf(m.text);
      return { ...m, start, end: start + m.text.length };
    });
    expect(acronymPairs(body, mentions).map(([a, b]) => [mentions[a]!.text, mentions[b]!.text])).toEqual(want);
  });

  it("an in-text definition links an acronym whose letters are not the initials", () => {
    const a: LinkArticle = { article_id: "a0", outlet: null, mentions: [mention("o:Federal Harbour Service"), mention("o:HSF")], quotes: [], acronyms: [[0, 1]] };
    const b: LinkArticle = { article_id: "a1", outlet: null, mentions: [mention("o:HSF")], quotes: [] };
    const out = link.run([a, b]);
    expect(new Set([out.mentionEntities[0]![0], out.mentionEntities[0]![1], out.mentionEntities[1]![0]]).size).toBe(1);
    expect(out.entities.map((e) => e.name)).toEqual(["Federal Harbour Service"]);
  });
});

// ---- quotes ----------------------------------------------------------------------------------

const LONG = "We will rebuild every harbour wall before the winter storms arrive, whatever it costs";
/** quotes per article: [text, speaker entity or null]; returns cluster ids */
function clusters(qs: [string, string | null][][]) {
  return clusterQuotes(qs.map((q, i) => ({ article_id: `a${i}`, quotes: q.map(([text, speaker]) => ({ text, speaker })) })));
}

describe("quote clusters", () => {
  it.each<[string, string, string]>([
    ["the same words", LONG, LONG],
    ["punctuation and case", LONG, LONG.toUpperCase().replace(/,/g, "") + "."],
    ["curly apostrophes and quote marks", "They don't want the harbour wall rebuilt this year", "\u201cThey don\u2019t want the harbour wall rebuilt this year\u201d"],
    ["one word changed in a long quote", LONG, LONG.replace("every", "each")],
    ["a typo", LONG, LONG.replace("harbour", "harbor")],
    ["interrupted quote joined with an ellipsis", "We will rebuild every harbour wall … before the winter storms arrive, whatever it costs", LONG],
    ["editorial insertion in brackets", "We will rebuild every [sea] harbour wall before the winter storms arrive, whatever it costs", LONG],
    ["a fragment of six words", LONG, "rebuild every harbour wall before the"],
    ["a longer fragment", LONG, "before the winter storms arrive, whatever it costs"],
  ])("cluster: %s", (_, a, b) => {
    const c = clusters([[[a, null]], [[b, null]]]);
    expect(c[1]![0]).toBe(c[0]![0]);
    expect(c[0]![0]).toBe("a0/q0001");
  });

  it.each<[string, string, string]>([
    ["different quotes", LONG, "The harbour wall will not be rebuilt before the storms arrive next year"],
    ["a negation added", LONG, LONG.replace("We will", "We will not")],
    ["a negation swapped", "The council can rebuild every harbour wall before the winter storms arrive", "The council cannot rebuild every harbour wall before the winter storms arrive"],
    ["a fragment of five words", LONG, "every harbour wall before the"],
    ["two words changed in a short quote", "The harbour wall must be rebuilt now", "The harbour gate must be repaired now"],
  ])("apart: %s", (_, a, b) => {
    const c = clusters([[[a, null]], [[b, null]]]);
    expect(c[1]![0]).not.toBe(c[0]![0]);
  });

  it("thresholds are the documented ones", () => {
    expect([SHORT_TOKENS, CONTAIN_TOKENS]).toEqual([6, 6]);
    expect(quoteTokens("\u201cDon\u2019t [sic] stop \u2026 now!\u201d")).toEqual(["dont", "stop", "now"]);
  });

  it.each<[string, [string, string | null][][], boolean]>([
    ["short quote, same speaker", [[["a total disgrace", "person:ann-vale"]], [["A total disgrace!", "person:ann-vale"]]], true],
    ["short quote, other speaker", [[["a total disgrace", "person:ann-vale"]], [["a total disgrace", "person:tom-vale"]]], false],
    ["short quote, unknown speaker", [[["a total disgrace", null]], [["a total disgrace", null]]], false],
    ["long quote, other speakers", [[[LONG, "person:ann-vale"]], [[LONG, "person:tom-vale"]]], true],
  ])("%s", (_, qs, same) => {
    const c = clusters(qs);
    expect(c[0]![0] === c[1]![0]).toBe(same);
  });

  it("a fragment inside two different quotes stays alone", () => {
    const frag = "every harbour wall before the winter storms";
    const c = clusters([[[LONG, null]], [["Nobody can promise every harbour wall before the winter storms, said the opposition leader today", null]], [[frag, null]]]);
    expect(c[0]![0]).not.toBe(c[1]![0]);
    expect(c[2]![0]).toBe("a2/q0001");
  });

  it("cluster_id is the smallest quote_id, whatever the input order", () => {
    const qs: [string, string | null][][] = [[["Unrelated words that nobody else quoted at all today", null], [LONG, null]], [[LONG + "!", null]], [[LONG.replace("every", "each"), null]]];
    const fwd = clusters(qs);
    expect(fwd).toEqual([["a0/q0001", "a0/q0002"], ["a0/q0002"], ["a0/q0002"]]);
    const rev = clusterQuotes(qs.map((q, i) => ({ article_id: `a${i}`, quotes: q.map(([text, speaker]) => ({ text, speaker })) })).reverse());
    expect(rev.reverse()).toEqual(fwd);
  });

  it("a cluster_id names its quote's own article, past articles without quotes", () => {
    const qs: [string, string | null][][] = [[], [], [[LONG, null]], [], [], [[LONG, null], ["Unrelated words that nobody else quoted at all today", null]], []];
    expect(clusters(qs)).toEqual([[], [], ["a2/q0001"], [], [], ["a2/q0001", "a5/q0002"], []]);
  });

  it.each<[string, string, boolean]>([
    ["a b c d e f g h i j", "a b c d e f g h i k", true],
    ["a b c d e f g h i j", "a b c d e f g h x y", false],
    ["we can do it now today", "we cannot do it now today", false],
  ])("nearDuplicate(%j, %j) = %s", (a, b, want) => expect(nearDuplicate(a.split(" "), b.split(" "))).toBe(want));
});

describe("quote cluster helpers", () => {
  it.each([
    ["we will not back down now", "will not back", true],
    ["we will not back down now", "we will", true],
    ["we will not back down now", "down now", true],
    ["we will not back down now", "will no", false], // part of a word
    ["we will not back down now", "ill not", false],
    ["swill not back", "will not back", false],
    ["will not backing then will not back", "will not back", true], // a later occurrence
  ])("%j holds the words %j: %s", (words, needle, want) => {
    expect(containsWords(words.split(" "), needle.split(" "))).toBe(want);
  });

  it("clusters a quote's normalised words as it clusters its raw text", () => {
    // the words joined by single spaces (the raw text when it has none), as LinkArticle allows
    const quoteWords = (text: string) => quoteTokens(text).join(" ") || text;
    expect(quoteWords("\u201cWe Don\u2019t [sic] back down\u2026 ever,\u201d")).toBe("we dont back down ever");
    expect(quoteWords("\u2014")).toBe("\u2014");
    const raw = [
      { article_id: "a", quotes: [{ text: "We will not back down from this fight, whatever it costs us.", speaker: null }, { text: "No.", speaker: "p1" }] },
      { article_id: "b", quotes: [{ text: "\u201cWe will not back down from this fight, whatever it costs us\u201d", speaker: null }, { text: "no", speaker: "p1" }] },
      { article_id: "c", quotes: [{ text: "We will now back down from this fight, whatever it costs us.", speaker: null }] },
    ];
    const norm = raw.map((a) => ({ ...a, quotes: a.quotes.map((q) => ({ ...q, text: quoteWords(q.text) })) }));
    for (const a of raw) for (const q of a.quotes) expect(quoteTokens(quoteWords(q.text))).toEqual(quoteTokens(q.text));
    expect(clusterQuotes(norm)).toEqual(clusterQuotes(raw));
    expect(clusterQuotes(raw)[1]![0]).toBe(clusterQuotes(raw)[0]![0]);
  });

  it.each([
    ["we dont back down", ["we", "dont", "back", "down"]],
    ["we  dont", ["we", "dont"]],
    [" we dont ", ["we", "dont"]],
    ["We Dont", ["we", "dont"]],
    ["we, dont.", ["we", "dont"]],
    ["caf\u00e9 2024", ["cafe", "2024"]],
    ["", []],
  ])("reads the words of %j whether or not it is already normalised", (text, words) => {
    expect(quoteTokens(text)).toEqual(words);
  });

  it("sorts positions by value, equal values in position order", () => {
    const h = Uint32Array.from([0xffff0001, 5, 0x00010000, 5, 0xffff0001, 0, 0x00010000, 4294967295]);
    const order = Array.from(sortByHash(h));
    expect(order).toEqual([5, 1, 3, 2, 6, 0, 4, 7]);
    const rnd = Uint32Array.from({ length: 5000 }, (_, i) => (Math.imul(i + 1, 2654435761) >>> 0) % 997 * 4330073);
    const want = Array.from(rnd.keys()).sort((a, b) => rnd[a]! - rnd[b]! || a - b);
    expect(Array.from(sortByHash(rnd))).toEqual(want);
  });
});

describe("link stage", () => {
  it("resolves speakers to canonical entities and clusters their quotes", () => {
    const arts: LinkArticle[] = [
      { article_id: "x1", outlet: null, mentions: [mention("p:Ann Vale"), mention("p:Vale")], quotes: [{ text: LONG, speaker_mention: 1 }] },
      { article_id: "x2", outlet: null, mentions: [mention("p:Senator Ann Vale")], quotes: [{ text: LONG, speaker_mention: 0 }, { text: "short one", speaker_mention: null }] },
    ];
    const out = link.run(arts);
    expect(out.quoteLinks).toEqual([
      [{ cluster_id: "x1/q0001", speaker_entity_id: "person:ann-vale", speaker_name: "Ann Vale" }],
      [{ cluster_id: "x1/q0001", speaker_entity_id: "person:ann-vale", speaker_name: "Ann Vale" }, { cluster_id: "x2/q0002", speaker_entity_id: null, speaker_name: null }],
    ]);
  });
  it("a speaker written 'he' or 'she' links only to a person", () => {
    // "Harbourview" read as a person once and as an organisation three times: the corpus settles it as the organisation
    const arts: LinkArticle[] = [
      { article_id: "x1", outlet: null, mentions: [mention("p:Harbourview")], quotes: [{ text: LONG, speaker_mention: 0, person: true }, { text: "short one", speaker_mention: 0 }] },
      { article_id: "x2", outlet: null, mentions: [mention("o:Harbourview"), mention("o:Harbourview"), mention("o:Harbourview")], quotes: [] },
    ];
    const out = link.run(arts);
    expect(out.quoteLinks[0]!.map((q) => q.speaker_entity_id)).toEqual([null, "organization:harbourview"]);
  });
  it("the article stages mark a pronoun speaker so", () => {
    const p = processSource({ source_path: "h.txt", id: null, bytes: new TextEncoder().encode("Ann Vale spoke at length on Monday.\n\n\u201cWe will build the harbour wall this year,\u201d she said.\n"), text: null, body: null, manifest: emptyManifest() });
    if (p.kind !== "article") throw new Error("rejected");
    const rec = JSON.parse(new TextDecoder().decode(linkRecordBytes(p.staged))) as LinkArticle;
    expect(rec.quotes).toEqual([{ text: "", speaker_mention: 0, person: true }]);
  });
});

describe("the runner's compact link records", () => {
  /** made-up articles with every shape of field: no outlet, no acronyms field, an empty list, speakers or none */
  const made = (n: number): LinkArticle[] =>
    Array.from({ length: n }, (_, i) => ({
      article_id: `k${(i * 7919) % n}`,
      outlet: i % 3 === 0 ? null : `Outlet ${i % 5}`,
      mentions: [mention(`p:Ann Vale${i % 4}`), mention("o:Office of Coastal Affairs"), mention("o:OCA"), mention(`l:Town${i % 11}`), ...(i % 97 ? [] : Array.from({ length: 30 }, (_, k) => mention(`l:Harbour ${k}`)))].slice(0, i % 97 ? i % 5 : undefined),
      quotes: i % 2 ? [{ text: LONG, speaker_mention: i % 5 > 0 ? 0 : null }, { text: `short ${i % 3}`, speaker_mention: null }] : [],
      ...(i % 4 === 0 ? {} : { acronyms: i % 4 === 1 ? [] : ([[1, 2]] as [number, number][]) }),
    }));

  /** the articles' link records (quotes without their texts) and quotes' texts in staging files, as the runner keeps them */
  async function filed(arts: LinkArticle[], chunk?: number) {
    const dir = mkdtempSync(join(tmpdir(), "nq-records-"));
    dirs.push(dir);
    const recs = new RecordFile(join(dir, "records.jsonl"));
    const textsFile = new RecordFile(join(dir, "texts.jsonl"));
    const enc = new TextEncoder();
    for (const a of arts) {
      await recs.add(enc.encode(JSON.stringify({ ...a, quotes: a.quotes.map((q) => ({ text: "", speaker_mention: q.speaker_mention })) })));
      await textsFile.add(enc.encode(JSON.stringify(a.quotes.map((q) => q.text))));
    }
    expect(recs.length).toBe(arts.length);
    const order = Int32Array.from(arts.map((_, i) => i).sort((x, y) => (arts[x]!.article_id < arts[y]!.article_id ? -1 : 1)));
    const len = await recs.close();
    const texts = new QuoteTextsFile(new OrderedRecords({ path: textsFile.path, len: await textsFile.close(), order: order.slice() }, chunk));
    return { records: new LinkRecordsFile({ path: recs.path, len, order }, chunk), texts, maxLen: Math.max(...len) };
  }
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const byId = (arts: LinkArticle[]) => [...arts].sort((a, b) => (a.article_id < b.article_id ? -1 : 1));

  it("give back each article as it came, in article-id order, from their files", async () => {
    const arts = made(3000);
    // read 700 bytes at a time: records cut by a chunk's end, and some longer than a chunk
    const { records, texts, maxLen } = await filed(arts, 700);
    expect(maxLen).toBeGreaterThan(700);
    // outlets before any article is read: it reads them itself
    expect(records.outlets()).toBe(5);
    const sorted = byId(arts);
    expect(records.length).toBe(arts.length);
    const bare = sorted.map((a) => ({ ...a, quotes: a.quotes.map((q) => ({ text: "", speaker_mention: q.speaker_mention })) }));
    expect(Array.from({ length: records.length }, (_, i) => records.at(i))).toEqual(bare);
    // out of turn
    expect([2999, 5, 1500, 1501].map((i) => records.at(i))).toEqual([2999, 5, 1500, 1501].map((i) => bare[i]));
    expect(Array.from({ length: texts.length }, (_, i) => texts.at(i))).toEqual(sorted.map((a) => ({ quotes: a.quotes.map((q) => ({ text: q.text })) })));
    const at = records.sortedPositions();
    arts.forEach((a, i) => expect(sorted[at[i]!]!.article_id).toBe(a.article_id));
  });

  it("link to the same rows as the link stage, the quotes' texts clustered apart", async () => {
    const arts = made(400);
    const { records, texts } = await filed(arts);
    // the lists of one value per mention in files, as a build keeps them
    const dir = mkdtempSync(join(tmpdir(), "nq-lists-"));
    dirs.push(dir);
    const names: string[] = [];
    const mentions = linkSourceEntities(records, (name) => {
      names.push(name);
      return new IntFile(join(dir, `${name}.i32`), 50);
    });
    // each mention's form, removed once the mentions are linked, and each mention's entity
    expect(names).toEqual(["forms", "entities"]);
    expect(readdirSync(dir)).toEqual(["entities.i32"]);
    expect(mentions.entityOf.length).toBeGreaterThan(10 * 50); // many windows of 50 values
    expect(statSync(join(dir, "entities.i32")).size).toBe(4 * mentions.entityOf.length);
    const c = linkSource(records, clusterQuoteTexts(texts), mentions);
    const sorted = byId(arts);
    const want = link.run(sorted);
    expect(c.entities).toEqual(want.entities);
    sorted.forEach((_, i) => expect({ mentions: mentionLinks(c, i), quotes: quoteLinks(c, i) }).toEqual({ mentions: want.mentionEntities[i], quotes: want.quoteLinks[i] }));
    // the made-up corpus exercises what it should: merged speakers and shared clusters
    // (the long quote is one cluster; each short one without a speaker is alone)
    expect(new Set(want.quoteLinks.flat().map((q) => q.cluster_id)).size).toBe(1 + want.quoteLinks.flat().length / 2);
    expect(want.quoteLinks.flat().some((q) => q.speaker_entity_id !== null)).toBe(true);
    // clusters made for other articles are refused, not misapplied
    expect(() => linkSource(records, clusterQuoteTexts(asSource<LinkArticle>(sorted.slice(1))))).toThrow(/quotes/);
  });
});

describe("not handled yet", () => {
  it.fails("a state and a country of the same name are told apart (needs context beyond the mention)", () => {
    const { at } = entityOf([["l:Atlanta", "l:Georgia"], ["l:Tbilisi", "l:Georgia"]]);
    expect(at("0:1")).not.toBe(at("1:1"));
  });
});

describe("linking in a worker thread (WorkerLinker)", () => {
  const TEXTS = [
    'Ann Vale, the chief of Quill Labs, spoke on Monday.\n\n"We will reopen the harbour," Vale said. Quill Labs said it agreed.\n',
    'Tom Ruske met Ann Vale in Oslo.\n\n"The harbour opens in spring," said Ruske, the mayor of Oslo.\n',
  ];
  const staged = () =>
    TEXTS.map((text, i) => {
      const p = processSource({ source_path: `a${i}.txt`, id: null, bytes: new TextEncoder().encode(text), text: null, body: null, manifest: emptyManifest() });
      if (p.kind !== "article") throw new Error("rejected");
      return p.staged;
    });
  /** a staging folder with the articles' unlinked mention and quote rows, as the runner stages them */
  const stage = (sts: StagedArticle[], without: string[] = []) => {
    const dir = mkdtempSync(join(tmpdir(), "nq-wlink-"));
    if (!without.includes("mentions")) writeFileSync(join(dir, UNLINKED.mentions), Buffer.concat(sts.map((st) => stagedLines(st, "mentions"))));
    writeFileSync(join(dir, UNLINKED.quotes), Buffer.concat(sts.map((st) => stagedLines(st, "quotes"))));
    return dir;
  };
  const linkWith = async (linker: Linker, sts: StagedArticle[], dir: string) => {
    try {
      for (const st of sts) await linker.add(st);
      return await linker.finish(dir, ByteStrings.of(sts.map((st) => st.article_id)).sortedPositions());
    } finally {
      await linker.close();
    }
  };

  it("stages the same entity, mention and quote rows as linking in this thread", async () => {
    const sts = staged();
    const [a, b] = [stage(sts), stage(sts)];
    try {
      expect(await linkWith(new WorkerLinker(a), sts, a)).toEqual(await linkWith(new InThreadLinker(b), sts, b));
      for (const f of ["entities.jsonl", "mentions.jsonl", "quotes.jsonl"]) {
        expect(readFileSync(join(a, f), "utf8")).toBe(readFileSync(join(b, f), "utf8"));
        expect(readFileSync(join(a, f), "utf8")).not.toBe("");
      }
      expect(readFileSync(join(a, "mentions.jsonl"), "utf8")).toMatch(/"entity_id":"person:ann-vale"/);
      // linking's files of one value per mention are gone, in the worker's case removed by this thread
      for (const d of [a, b]) expect(readdirSync(d).filter((f) => f.endsWith(".i32"))).toEqual([]);
    } finally {
      for (const d of [a, b]) rmSync(d, { recursive: true, force: true });
    }
  });

  it("refuses an order that is not one of the articles added", async () => {
    const sts = staged();
    for (const make of [(d: string) => new WorkerLinker(d), (d: string) => new InThreadLinker(d)]) {
      const dir = stage(sts);
      const linker = make(dir);
      try {
        for (const st of sts) await linker.add(st);
        await expect(linker.finish(dir, new Int32Array(1))).rejects.toThrow(/an order of 1 for 2 articles to link/);
      } finally {
        await linker.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it("fails linking when this thread cannot complete the mention rows (while the worker links the quotes)", async () => {
    const sts = staged();
    const dir = stage(sts, ["mentions"]);
    try {
      await expect(linkWith(new WorkerLinker(dir), sts, dir)).rejects.toThrow(/mentions\.unlinked\.jsonl/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
