// English given names and their sex (pipeline/given-names.ts over pipeline/lexicon/name-variants.genders.json).
import { describe, expect, it } from "vitest";
import { givenNameFemale, isGivenName, isListedGivenName } from "../pipeline/given-names.ts";

describe("given names", () => {
  it.each([
    ["Margaret", true],
    ["MARGARET", true],
    ["José", true],
    // common in US births, not in the two first-name lists
    ["Brayden", true],
    // rare as a name, a word first
    ["Key", false],
    ["Doctor", false],
    // function words are never names
    ["Can", false],
    ["the", false],
    ["Velt", false],
  ])("%s is a given name: %s", (word, want) => {
    expect(isGivenName(word)).toBe(want);
  });

  it("a word that is a name in the birth counts only is not a listed name", () => {
    expect(isGivenName("Summer")).toBe(true);
    expect(isListedGivenName("Summer")).toBe(false);
    expect(isListedGivenName("Margaret")).toBe(true);
  });

  it.each([
    ["margaret", true],
    ["brayden", false],
    ["harold", false],
    // a name given to both (under 99% one sex in the birth counts)
    ["jordan", null],
    ["velt", null],
  ])("%s is a woman's name: %s", (key, want) => {
    expect(givenNameFemale(key)).toBe(want);
  });
});
