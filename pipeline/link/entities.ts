// Corpus-wide entity linking. The rules are described in ./README.md; in short:
//  1. Each mention is cleaned (whitespace, edge punctuation, possessive 's, leading titles for
//     persons, leading "the" otherwise) and given a node key: its type plus a matching key
//     (a country's name or alias is the country, a location, whatever the tagger's type).
//  2. Within an article: a surname-only person mention joins the one full name there with that
//     surname (or its feminine/masculine form; "Al Doe", a particle that is a given name, is a full name where
//     "Doe" stands alone in the article, and "J. Ann Doe" is Ann Doe's); an initial + surname ("J. Doe") joins the one
//     full name with that initial; a common given name alone ("Ann") joins the one full name with that given name
//     when no one there has it as a surname (and a name no list has, "Quorin", that the corpus writes first in persons'
//     names); a shorter name that ends a longer one ("Lloyd Doe" in
//     "Ann Lloyd Doe") joins it; an acronym joins the one organisation defined with it
//     ("Agency for Things (AFT)", or "Long Name (ABC)" in the body: LinkArticle.acronyms) or
//     whose initials it is; a paper's one-word name ("the Times") joins the one organisation whose name ends
//     in it, a company's ("Acme") the one of it and a company's word ("Acme Labs"), a department's field
//     ("Harbour Security") its department. A feminine surname alone never joins a man, nor "Mrs Doe" a man or
//     "Mr Doe" a woman; a bare surname prefers the full name without "Jr."/"Sr.", "Doe Jr." only joins "… Doe Jr.".
//     Two or more candidates that may be different people or bodies: it joins none.
//  3. Across the corpus: nodes with the same key are one entity; full person names merge when
//     personsCompatible() holds (given-name variants, romanisation and feminine surname forms,
//     a one-letter surname misspelling with the same given name), unless either name has two
//     candidates that are not compatible with each other (then a name joins the one of its very surname named
//     DOMINANT_SHARE times as often as those it conflicts with, DOMINANT_MIN times at least); a surname alone in an
//     article with no one of that name joins the person such surnames joined in at least 9 in 10 of the (5 or more)
//     articles that named someone of it (joinLoneSurnames); a standalone acronym (typed organisation, or other when the corpus defines it only as an
//     organisation) joins the one organisation the corpus defines it for, or the one 9 in 10 of the (5 or more)
//     articles defining it define it for, definitions cut short joining the longer names (joinDefinedNames). Types
//     never mix (but see countries in rule 1), once a name of two or more words has taken the type most of its
//     mentions got (settleTypes).
//  4. Canonical name, entity_id and every sort are functions of the content, not of input order.
import type { EntityType } from "../../schemas/records.ts";
import type { EntityRow } from "../../schemas/tables.ts";
import {
  acronymKey,
  acronymsOf,
  cleanMention,
  countryCode,
  countryName,
  honorificGender,
  deletions,
  isTitleWord,
  surnameFirst,
  isSurnameParticle,
  isAcronym,
  locKey,
  matchKey,
  MIN_FUZZY_SURNAME,
  orgKey,
  parsePerson,
  personsCompatible,
  formalKeys,
  shouted,
  slug,
  splitAcronymDefinition,
  surnameMatches,
  tidy,
  type PersonName,
} from "./names.ts";
import { stateOf, STOPWORDS } from "../lexicon.ts";
import { isGivenName, isListedGivenName } from "../given-names.ts";
import { Column, inMemory, sortByHash, type IntList, type IntLog, type IntLogs } from "./column.ts";
import { fnv1a } from "../keys.ts";
import { Memo } from "../memo.ts";
import { lowerBound } from "../text.ts";
import { UnionFind } from "./unionfind.ts";

export interface LinkMentionIn {
  text: string;
  type: EntityType;
  /** a person's honorific written just before the mention says a woman (true) or a man (false): "Mr. [Doe]" */
  female?: boolean | undefined;
}
export interface LinkArticleIn {
  article_id: string;
  mentions: LinkMentionIn[];
  /** [long, short] mention indexes where the body reads "Long Name (SHORT)" (see acronymPairs) */
  acronyms?: [number, number][] | undefined;
}
export interface EntityLinks {
  /** sorted by entity_id */
  entities: EntityRow[];
  /** per article (input order), per mention */
  mentionEntities: string[][];
}
/** The same links held compactly for a large corpus: one integer per mention, kept where the caller said (IntLogs). */
export interface CompactEntityLinks {
  /** sorted by entity_id */
  entities: EntityRow[];
  /** article i's mentions are mentions start[i] .. start[i + 1] - 1 (input order) */
  start: Int32Array;
  /** each mention's entity, an index into `entities` (the list named "entities"; the caller disposes of it) */
  entityOf: IntLog;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Strings in cmp's order (UTF-16 code units): the built-in sort without a comparator, which calls no function per pair. */
const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

/** What one mention resolved to inside its article. */
interface Resolved {
  node: string;
  clean: string;
  /** eligible as canonical name (a full name, not a surname or an acronym) */
  primary: boolean;
  /** the mention's own preparation, when `node` is its node (linking keeps the node's number there) */
  own?: Prepared;
}

/**
 * The corpus's nodes, numbered in the order of their keys (so that the numbers do not depend on the input's order),
 * each found by its key through the temporary number linking gave it when first seen; each person's name parsed.
 * (A Map of the keys and an object per node as well held some 50 MB more at 150k articles with distinct names.)
 */
class NodeTable {
  /** per node, its temporary number */
  private readonly tempOf: Int32Array;
  /** per temporary number, its node */
  readonly nodeOfTemp: Int32Array;
  /** per node, its person's parsed name (null for a node of another type) */
  readonly persons: (PersonName | null)[];
  /** `keys`: the nodes' keys by temporary number, which `tempId` gives */
  constructor(
    private readonly keys: readonly string[],
    private readonly tempId: ReadonlyMap<string, number>,
  ) {
    this.tempOf = Int32Array.from(sorted(keys), (k) => tempId.get(k)!);
    this.nodeOfTemp = new Int32Array(keys.length);
    this.tempOf.forEach((t, i) => (this.nodeOfTemp[t] = i));
    this.persons = Array.from(this.tempOf, (t) => (nodeType(keys[t]!) === "person" ? parsePerson(unmarked(keys[t]!).slice("person|".length)) : null));
  }
  get length(): number {
    return this.tempOf.length;
  }
  key(i: number): string {
    return this.keys[this.tempOf[i]!]!;
  }
  /** the node whose key is `key`, if any */
  find(key: string): number | undefined {
    const t = this.tempId.get(key);
    return t === undefined ? undefined : this.nodeOfTemp[t];
  }
}

const personNode = (p: PersonName) => `person|${p.key}`;
/** The entity type a node key stands for (its prefix). */
const nodeType = (node: string) => node.slice(0, node.indexOf("|")) as EntityType;

/** Picks one of several same-article candidates when they may all be the same entity; null when ambiguous. */
function pickCompatible(cands: PersonName[]): PersonName | null {
  const uniq = [...new Map(cands.map((c) => [c.key, c])).values()];
  if (uniq.length === 0) return null;
  for (let i = 0; i < uniq.length; i++) for (let j = i + 1; j < uniq.length; j++) if (!personsCompatible(uniq[i]!, uniq[j]!)) return null;
  uniq.sort((a, b) => b.key.length - a.key.length || cmp(a.key, b.key));
  return uniq[0]!;
}

/**
 * In-text acronym definitions, for the article stages to pass on: [long, short] mention indexes
 * where the body reads "Long Name (SHORT)" (spaces allowed inside the brackets), both mentions of
 * one type that is not person, the short one an acronym. "Ann Vale (OCA)" is an affiliation, not
 * a definition, and "VALEFORD (RNN) —" opening a line a dateline.
 */
export function acronymPairs(body: string, mentions: { start: number; end: number; text: string; type: EntityType }[]): [number, number][] {
  const order = mentions.map((_, i) => i).sort((a, b) => mentions[a]!.start - mentions[b]!.start || a - b);
  const out: [number, number][] = [];
  for (let k = 1; k < order.length; k++) {
    const s = mentions[order[k]!]!;
    // the cheap test first: most mentions are not followed by a closing bracket
    if (s.type === "person" || !/^\s*\)/.test(body.slice(s.end, s.end + 8)) || !isAcronym(tidy(s.text))) continue;
    // the nearest mention that ends before this one starts
    let j = k - 1;
    while (j >= 0 && mentions[order[j]!]!.end > s.start) j--;
    if (j < 0) continue;
    const l = mentions[order[j]!]!;
    if (l.type !== s.type || isAcronym(tidy(l.text))) continue;
    if (!/^\s*\(\s*$/.test(body.slice(l.end, s.start))) continue;
    // a dateline's place and news agency ("VALEFORD (RNN) —", "Valeford, North Harbourland (VNN) The …" opening a line)
    // define nothing: the acronym is not the initials of the place's name
    if (
      /(?:^|\n)[^\S\n]*$/.test(body.slice(Math.max(0, l.start - 8), l.start)) &&
      /^\s*\)\s*(?:[-–—]|\p{Lu})/u.test(body.slice(s.end, s.end + 12)) &&
      !acronymsOf(l.text).has(acronymKey(s.text))
    )
      continue;
    out.push([order[j]!, order[k]!]);
  }
  return out.sort((a, b) => a[1] - b[1]);
}

/** What a mention's words give, whatever the article: computed once per distinct (type, text). */
interface Prepared {
  clean: string;
  /** parsed name, for persons */
  person: PersonName | null;
  /** "Name (ABBR)" split, for other types */
  def: [string, string] | null;
  /** an organisation mention that is an acronym, not defined in the mention itself */
  acronym: boolean;
  /** node key when the mention stands for itself */
  node: string;
  /** that node's number in the linking that made this (see linkEntitiesCompact), while `numberedBy` is that linking's */
  num: number;
  numberedBy: object | null;
}

/** Entries a memo's generation holds (see Memo): the frequent texts stay, and its memory stays bounded. */
const MEMO_MAX = 50_000;

/** Memoises mention preparation and organisation initials (mentions repeat a lot across a corpus). */
export class MentionCache {
  /** per type, by the mention's text (no key is built per lookup), with the function that prepares one */
  private readonly prepared = new Map<EntityType, { memo: Memo<Prepared>; make: (text: string) => Prepared }>();
  private readonly initials = new Memo<Set<string>>(MEMO_MAX);
  prepare(m: LinkMentionIn): Prepared {
    let p = this.prepared.get(m.type);
    if (!p) {
      const type = m.type;
      this.prepared.set(type, (p = { memo: new Memo(MEMO_MAX), make: (text) => preparedMention(text, type) }));
    }
    // an honorific before the mention reads as if written in it ("Mr Doe"); the text itself stays the alias
    return p.memo.get(m.female === undefined ? m.text : `${m.female ? "Ms" : "Mr"} ${m.text}`, p.make);
  }
  acronymsOf(clean: string): Set<string> {
    return this.initials.get(clean, acronymsOf);
  }
  /** drops every prepared mention */
  clear(): void {
    this.prepared.clear();
    this.initials.clear();
  }
}

function preparedMention(text: string, type: EntityType): Prepared {
  if (type === "person") {
    const clean = cleanMention(text, "person");
    const person = parsePerson(clean, honorificGender(text));
    return { clean, person, def: null, acronym: false, node: personNode(person), num: -1, numberedBy: null };
  }
  const def = splitAcronymDefinition(text.replace(/\s+/g, " ").trim());
  const clean = cleanMention(def ? def[0] : text, type);
  // a country's name is the country whatever the tagger called it ("U.S." as an organisation)
  const cc = countryCode(clean);
  const node = cc || type === "location" ? `location|${locKey(clean)}` : type === "organization" ? `organization|${orgKey(clean)}` : `other|${matchKey(clean)}`;
  return { clean, person: null, def, acronym: !cc && type === "organization" && !def && isAcronym(clean), node, num: -1, numberedBy: null };
}

/** The last words of newspapers' and magazines' names, which news writes alone for the paper ("the Times", "the Post"). */
const PAPER_WORDS: ReadonlySet<string> = new Set(
  "times post journal tribune herald globe examiner telegraph chronicle gazette observer star sun independent mirror express register inquirer bee dispatch enquirer guardian courier bulletin standard mail monitor beast caller".split(" "),
);

/** Last words of companies' names after the name readers shorten them to ("Vale Labs" is "Vale"). */
const COMPANY_WORDS: ReadonlySet<string> = new Set(
  "lab labs laboratory laboratories group holdings capital partners airlines airways motors industries enterprises technologies pharmaceuticals brands studios".split(" "),
);

/**
 * The one-word names that stand for organisations of an article (lower-cased), each with the nodes it may stand for:
 * a paper's last word ("Times" of "The Valeford Times", PAPER_WORDS) and a company's first word before a company's
 * word, two words in all ("Vale" of "Vale Labs", COMPANY_WORDS; not "Harbour" of "Harbour Science Laboratory").
 */
function shortNamesOf(orgs: readonly { node: string; clean: string }[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (word: string, node: string) => {
    const s = out.get(word);
    if (s) s.add(node);
    else out.set(word, new Set([node]));
  };
  for (const o of orgs) {
    const words = o.clean.toLowerCase().split(" ");
    if (words.length < 2) continue;
    const last = words[words.length - 1]!.replace(/\.$/, "");
    if (PAPER_WORDS.has(last)) add(last, o.node);
    if (words.length === 2 && COMPANY_WORDS.has(last)) add(words[0]!, o.node);
  }
  return out;
}

/** A word of a name without a plural's "s" ("Controls" and "Control"; not "Bus"). */
const singular = (w: string): string => (w.length > 3 ? w.replace(/s$/, "") : w);
/** A name's words less its small words and a plural's "s": the same for two writings of one name ("Centers for Harbour Controls", "Center for Harbour Control"). */
const looseName = (key: string): string =>
  key
    .slice(key.indexOf("|") + 1)
    .split(" ")
    .filter((w) => !LOOSE_SMALL.has(w))
    .map(singular)
    .join(" ");
const LOOSE_SMALL: ReadonlySet<string> = new Set(["of", "the", "and", "for", "on", "in", "at", "to"]);

/** Resolves one article's mentions to node keys (rule 2). */
export function resolveArticle(
  mentions: LinkMentionIn[],
  /** per acronym ("type|key"), the nodes it stood for and in how many articles, added to */
  acronymDefs: Map<string, Map<string, number>>,
  pairs: [number, number][] = [],
  cache = new MentionCache(),
  /** told, once per article, of each surname alone that joined a full name there: its own node and the full name's */
  joined?: (surnameNode: string, fullNode: string) => void,
  /** what the corpus reads as a given name alone and as a surname (settleTypes); by default, nothing */
  corpus: { givenLike: (i: number) => boolean; surnameWord: (w: string) => boolean } = { givenLike: () => false, surnameWord: () => false },
): Resolved[] {
  const out: (Resolved | null)[] = mentions.map(() => null);
  const prep = mentions.map((m) => cache.prepare(m));
  const persons = prep.map((p) => p.person);
  const fulls = new Map<string, PersonName>();
  for (const p of persons) if (p && !p.single && !p.initial) fulls.set(p.key, p);
  // a surname's particle that is also a given name, written capitalised before one word ("Al Vale", "Van Roe"), is
  // that given name where the article writes the word alone ("Vale said") and no longer name of it ends in the two
  // words ("Ann Van Roe" makes them her surname): a full name, so that "Vale" alone is Al Vale
  let lone: Set<string> | null = null;
  persons.forEach((p, i) => {
    if (!p?.single || !p.surname.includes(" ") || p.surname.split(" ").length !== 2) return;
    lone ??= new Set(persons.flatMap((q) => (q?.single ? [q.surname] : [])));
    if (!lone.has(p.last)) return;
    const clean = prep[i]!.clean;
    const first = clean.slice(0, clean.indexOf(" "));
    if (!/^\p{Lu}\p{Ll}/u.test(first) || !isSurnameParticle(first) || !isGivenName(first)) return;
    for (const k of fulls.keys()) if (k.endsWith(` ${p.key}`)) return;
    const full = parsePerson(clean, p.female, true);
    persons[i] = full;
    fulls.set(full.key, full);
  });
  const fullList = [...fulls.values()];

  // organisations (and explicit "Name (ABBR)" definitions of any type) first, so acronyms can find them
  const localAcr = new Map<string, Set<string>>(); // type|acr -> node keys defined in this article
  const define = (type: string, acr: string, node: string) => {
    const k = `${type}|${acronymKey(acr)}`;
    if (!localAcr.has(k)) localAcr.set(k, new Set());
    localAcr.get(k)!.add(node);
  };
  const orgFulls: { node: string; clean: string }[] = [];
  mentions.forEach((m, i) => {
    const p = prep[i]!;
    if (m.type === "person" || p.acronym) return; // persons and acronyms are resolved below
    // (a state's abbreviation names the state, but is not the name to show: "Fla." is Florida)
    out[i] = { node: p.node, clean: p.clean, primary: m.type !== "location" || !stateOf(p.clean)?.abbreviation, own: p };
    if (p.def) define(m.type, p.def[1], p.node);
    if (m.type === "organization") orgFulls.push({ node: p.node, clean: p.clean });
  });
  // a paper's one-word name ("the Times") joins the one organisation of the article whose name ends in it ("The
  // Valeford Times"), and a company's one-word name ("Vale") the one named by it and a company's word ("Vale Labs",
  // "Vale Group"; not an acronym, "ABC" of "ABC Laboratory"); with two ("Valeford Times", "Harbour Times") it joins
  // neither. A department's or a ministry's field of two words or more alone ("Harbour Security") joins the article's
  // department of it ("Department of Harbour Security", "Harbour Security Department"; "Valeford Police" joins
  // "Valeford Police Department").
  let orgNodes: Set<string> | null = null;
  let shortNames: Map<string, Set<string>> | null = null;
  mentions.forEach((m, i) => {
    const r = out[i];
    if (m.type !== "organization" || !r?.own) return;
    if (r.clean.includes(" ")) {
      orgNodes ??= new Set(orgFulls.map((o) => o.node));
      const department = orgNodes.has(`${r.node} department`);
      const ministry = orgNodes.has(`${r.node} ministry`);
      if (department !== ministry) out[i] = { node: `${r.node} ${department ? "department" : "ministry"}`, clean: r.clean, primary: false };
      return;
    }
    shortNames ??= shortNamesOf(orgFulls);
    const nodes = shortNames.get(r.clean.toLowerCase());
    if (nodes?.size === 1 && !isAcronym(r.clean)) out[i] = { node: [...nodes][0]!, clean: r.clean, primary: false };
  });
  // in-text definitions "Long Name (SHORT)" handed over by the article stages
  for (const [l, sh] of pairs) {
    const lm = mentions[l];
    const sm = mentions[sh];
    const lr = out[l];
    if (!lm || !sm || !lr || lm.type !== sm.type || lm.type === "person") continue;
    const clean = prep[sh]!.clean;
    define(sm.type, clean, lr.node);
    if (sm.type !== "organization") out[sh] = { node: lr.node, clean, primary: false };
  }
  // the organisations of the article by the acronyms their names make, made once the article has an acronym to find
  let byInitials: Map<string, Set<string>> | null = null;
  const initialsOf = () => {
    byInitials = new Map();
    for (const o of orgFulls)
      for (const a of cache.acronymsOf(o.clean)) {
        const s = byInitials.get(a);
        if (s) s.add(o.node);
        else byInitials.set(a, new Set([o.node]));
      }
    return byInitials;
  };
  mentions.forEach((m, i) => {
    if (m.type !== "organization" || out[i]) return;
    const { clean, node: own } = prep[i]!;
    const acr = acronymKey(clean);
    let cands = localAcr.get(`organization|${acr}`);
    if (!cands || cands.size === 0) cands = (byInitials ?? initialsOf()).get(acr) ?? new Set<string>();
    if (cands.size === 1) {
      const node = [...cands][0]!;
      out[i] = { node, clean, primary: false };
      const g = `organization|${acr}`;
      if (!localAcr.has(g)) localAcr.set(g, new Set());
      localAcr.get(g)!.add(node);
    } else {
      out[i] = { node: own, clean, primary: false, own: prep[i]! };
    }
  });
  // the corpus counts each name an acronym stood for once per article
  for (const [k, nodes] of localAcr) {
    let defs = acronymDefs.get(k);
    if (!defs) acronymDefs.set(k, (defs = new Map()));
    for (const n of nodes) defs.set(n, (defs.get(n) ?? 0) + 1);
  }

  // full names first: "Lloyd Doe" inside an article naming "Ann Lloyd Doe" is that person
  const target = new Map<string, PersonName>();
  for (const f of fullList) {
    const n = f.key.split(" ").length;
    const longer = fullList.filter((g) => g.key.endsWith(" " + f.key) && g.key.split(" ").length > n);
    target.set(f.key, (longer.length > 0 ? pickCompatible(longer) : null) ?? f);
  }
  // surnames and initials choose among the distinct people the full names resolved to
  const people = [...new Map([...target.values()].map((t) => [t.key, t])).values()];
  const fullsByPerson = new Map<string, PersonName[]>();
  for (const f of fullList) {
    const k = target.get(f.key)!.key;
    const l = fullsByPerson.get(k);
    if (l) l.push(f);
    else fullsByPerson.set(k, [f]);
  }
  const fullsOf = (t: PersonName) => fullsByPerson.get(t.key)!;
  // a surname alone resolves the same way each time it appears in the article
  const surnameHit = new Map<string, PersonName | null>();
  const ambiguous = new Map<string, string>(); // the same, when it fits several people: their keys
  const deferred = new Map<string, string>(); // the same, when the corpus decides between one person and another: a mark and that person's node
  // where each person's full name is first written: the first mention of any of its full names
  const firstAt = new Map<string, number>();
  persons.forEach((q, i) => {
    if (q && !q.single && !q.initial && !firstAt.has(q.key)) firstAt.set(q.key, i);
  });
  const firstFull = (t: PersonName) => Math.min(mentions.length, ...fullsOf(t).map((f) => firstAt.get(f.key) ?? mentions.length));
  mentions.forEach((m, i) => {
    const p = persons[i];
    if (!p) return;
    const clean = prep[i]!.clean;
    if (p.single) {
      const hitKey = `${p.key}|${p.female}`;
      let hit = surnameHit.get(hitKey);
      if (hit === undefined) {
        // the closest kind of match decides: the same surname, else a variant form, else a misspelling
        const fits = (kind: "exact" | "variant" | "typo") => people.filter((t) => fullsOf(t).some((f) => surnameMatches(p, f) === kind));
        let cands = fits("exact");
        if (cands.length === 0) cands = fits("variant");
        if (cands.length === 0) cands = fits("typo");
        // else a common given name alone ("Ann", with no honorific) is the person of the article with that given name,
        // and a family name written first ("Xi" of "Xi Jinping") the person whose name opens with it
        if (cands.length === 0 && !p.suffix && ((p.female === null && isGivenName(p.surname)) || surnameFirst(p.surname)))
          cands = people.filter((t) => fullsOf(t).some((f) => f.given === p.surname && !(p.female !== null && f.female !== null && p.female !== f.female)));
        // and a word the lists do not have ("Quorin" of "Quorin Vale"), written in small letters after a capital, that
        // opens persons' names across the corpus and seldom ends them, is the person whose name opens with it and ends
        // in a word the corpus reads alone as a person's (not "Quorin Labs" read as a person)
        else if (cands.length === 0 && !p.suffix && p.female === null && corpus.givenLike(i) && /^\p{Lu}\p{Ll}+$/u.test(clean))
          cands = people.filter((t) => fullsOf(t).some((f) => f.given === p.surname && corpus.surnameWord(f.last)));
        // an honorific's gender picks the one person known to be of it over those whose given names tell none ("Mr.
        // Vale" with "Tom Vale" and "Robin Vale" in the article is Tom Vale)
        if (p.female !== null && cands.length > 1) {
          const known = cands.filter((t) => fullsOf(t).some((f) => f.female === p.female));
          if (known.length === 1) cands = known;
        }
        // a surname without "Jr." is the one named without it: "John Doe … John Doe Jr. … Doe said" is the father
        const plain = p.suffix ? [] : cands.filter((t) => !t.suffix);
        hit = pickCompatible(plain.length > 0 ? plain : cands);
        // the only person of that surname being a "Jr." ("Tom Vale Jr. … Vale said"), the bare surname is his unless
        // the corpus's usual bearer of it is his namesake without the suffix (his father "Tom Vale", whom news calls
        // "Vale" while it calls the son "Vale Jr."): the corpus decides (joinLoneSurnames), and this does not vote
        if (hit && !p.suffix && plain.length === 0 && hit.suffix && hit.suffix !== "sr" && p.female !== true) {
          deferred.set(hitKey, `${NAMESAKE}${personNode(hit)}`);
          hit = null;
        }
        // and written before that person's full name ("Vale's speech … first lady Ann Vale", the article taking "Vale"
        // as known), the bare surname is the corpus's usual bearer of it, if that is someone else, else that person
        // (it still votes for that person: "Gen. Vale … Ann Vale" is most often one person)
        else if (hit && p.female !== true && i < firstFull(hit)) {
          joined?.(prep[i]!.node, personNode(hit));
          deferred.set(hitKey, `${KNOWN}${personNode(hit)}`);
          hit = null;
        }
        surnameHit.set(hitKey, hit);
        if (hit) joined?.(prep[i]!.node, personNode(hit));
        else if (cands.length > 0 && !deferred.has(hitKey)) ambiguous.set(hitKey, sorted(new Set(cands.map((t) => t.key))).join(CANDIDATES));
      }
      // a surname alone that joins no one here keeps, in its node, the people of the article it may be and the gender
      // its honorific says (linkEntitiesCompact's surname rule reads both)
      const own = prep[i]!.node;
      const amb = hit ? undefined : ambiguous.get(hitKey);
      const mark = hit ? undefined : deferred.get(hitKey);
      const node = hit ? personNode(hit) : mark !== undefined ? `${own}${mark}` : amb !== undefined ? `${own}${AMBIGUOUS}${amb}` : p.female === null ? own : `${own}${p.female ? WOMAN : MAN}`;
      out[i] = hit ? { node, clean, primary: false } : node === own ? { node, clean, primary: false, own: prep[i]! } : { node, clean, primary: false };
    } else if (p.initial) {
      const hit = pickCompatible(people.filter((t) => fullsOf(t).some((f) => f.surname === p.surname && f.given.startsWith(p.given))));
      out[i] = hit ? { node: personNode(hit), clean, primary: false } : { node: prep[i]!.node, clean, primary: true, own: prep[i]! };
    } else {
      const t = target.get(p.key) ?? p;
      out[i] = t.key === p.key ? { node: prep[i]!.node, clean, primary: true, own: prep[i]! } : { node: personNode(t), clean, primary: true };
    }
  });
  return out.map((r, i) => r ?? { node: `${mentions[i]!.type}|${matchKey(mentions[i]!.text)}`, clean: mentions[i]!.text, primary: true });
}

/**
 * Marks on a lone surname's node key: the people in its article it may be (their keys after AMBIGUOUS, apart by
 * CANDIDATES); a woman's or a man's honorific.
 */
const AMBIGUOUS = "|?";
/** Mark on a lone surname's node key, before the node of the one "Jr." of its article whose namesake it may be. */
const NAMESAKE = "|>";
/** Mark on a lone surname's node key, before the node of the one person of its article, named in full after it. */
const KNOWN = "|<";
const CANDIDATES = "\t";
const WOMAN = "|f";
const MAN = "|m";
/** A lone surname's node key without its mark. */
const unmarked = (key: string) => key.replace(/\|(?:[fm]|\?.*|[<>].*)$/, "");

/** Articles defining an acronym, at least, before the name most of them define it for is the acronym's alone. */
const ACRONYM_MIN_ARTICLES = 5;
/** The share of those articles that name needs. */
const ACRONYM_MIN_SHARE = 0.9;

/** How many times the corpus defines the acronym of `acrNode` ("type|key") read as any other type. */
function rivalDefinitions(acronymDefs: Map<string, Map<string, number>>, acrNode: string): number {
  const bar = acrNode.indexOf("|");
  let n = 0;
  for (const type of ["organization", "location", "other"]) {
    if (type === acrNode.slice(0, bar)) continue;
    for (const c of acronymDefs.get(`${type}${acrNode.slice(bar)}`)?.values() ?? []) n += c;
  }
  return n;
}

/**
 * Names the corpus defines one acronym for that are one name (rule 3): written two ways, differing only in a small word
 * or a plural ("Federal Bureau of Investigation" and "Federal Bureau Investigation"), or a name of two words or more
 * that is longer ones cut short or without their tail (cutFrom: "Harbour Control" and "Centers for Harbour Control"
 * beside "Centers for Harbour Control and Prevention") when those are one organisation by now, in at least
 * ACRONYM_MIN_SHARE of the articles defining them. Not a name inside two longer ones that are not one ("Tide
 * Association" inside "Ruritanian Tide Association" and "Valeford Tide Association", each defined as often).
 */
function joinDefinedNames(table: NodeTable, uf: UnionFind, named: number[], count: (x: number) => number): void {
  const words = new Map(named.map((x) => [x, looseName(table.key(x)).split(" ")]));
  const byLoose = new Map<string, number>();
  for (const x of named) {
    const k = words.get(x)!.join(" ");
    const y = byLoose.get(k);
    if (y === undefined) byLoose.set(k, x);
    else uf.union(y, x);
  }
  // the longest first, so that names inside names are joined to what the longer ones have become
  const order = [...named].sort((a, b) => words.get(b)!.length - words.get(a)!.length || a - b);
  for (const x of order) {
    const w = words.get(x)!;
    if (w.length < 2) continue;
    const holders = new Map<number, number>();
    let total = 0;
    for (const y of order) {
      if (words.get(y)!.length <= w.length || !cutFrom(w, table.key(y))) continue;
      const r = uf.find(y);
      holders.set(r, (holders.get(r) ?? 0) + count(y));
      total += count(y);
    }
    for (const [r, n] of holders) if (n >= ACRONYM_MIN_SHARE * total) uf.union(x, r);
  }
}

/**
 * Whether a name of the loose words `a` (looseName) is the name of node key `b` cut short: the words together, in
 * order, in b's, at its end or before a small word ("Harbour Control" of "Centers for Harbour Control and Prevention";
 * not "Harbour Control" of "Harbour Control Board", another body), or before the "department" or "ministry" that
 * orgKey moved to the end.
 */
function cutFrom(a: readonly string[], b: string): boolean {
  const raw = b.slice(b.indexOf("|") + 1).split(" ");
  const loose: { w: string; next: string }[] = [];
  raw.forEach((w, i) => {
    if (!LOOSE_SMALL.has(w)) loose.push({ w: singular(w), next: raw[i + 1] ?? "" });
  });
  const last = raw.length - 1;
  const ends = (next: string) => next === "" || LOOSE_SMALL.has(next) || ((next === "department" || next === "ministry") && raw[last] === next);
  for (let i = 0; i + a.length <= loose.length; i++) if (a.every((w, k) => loose[i + k]!.w === w) && ends(loose[i + a.length - 1]!.next)) return true;
  return false;
}

/** Persons' full names a word opens, at least, before it alone may be a given name the lists lack. */
const GIVEN_OPENS_MIN = 5;
/** Readings of a word alone as a person's, at least, before it may end a name that opens with such a given name. */
const SURNAME_ALONE_MIN = 3;
/** Articles where a lone surname joined a full name, at least, before the corpus's usual bearer of it counts. */
const SURNAME_MIN_ARTICLES = 5;
/** The share of those articles the usual bearer needs. */
const SURNAME_MIN_SHARE = 0.9;

/**
 * Rule 3, lone surnames: a surname alone in an article with no one of that name joins the person it joins in nearly
 * every article that does name someone of that name ("Vale" joins "Ann Vale" when, of the articles where a lone "Vale"
 * joined a full name, at least SURNAME_MIN_ARTICLES did and SURNAME_MIN_SHARE of them chose her), unless its honorific
 * says the other gender. A surname left between two people in its own article joins only that usual bearer, if one
 * of them; a title alone ("Judge") joins no one. Whatever joins no one stays one entity per surname, as before.
 */
function joinLoneSurnames(table: NodeTable, uf: UnionFind, votes: Map<string, Map<string, number>>): void {
  const marks = new Map<string, number[]>(); // unmarked surname node -> its nodes (marked or not)
  for (let i = 0; i < table.length; i++) {
    // (a marked key is a lone surname's by its making, though its words, read again, may look like a full name: a
    // hyphenated surname's key is "vale pell")
    const key = table.key(i);
    const k = unmarked(key);
    if (!table.persons[i]?.single && k === key) continue;
    const l = marks.get(k);
    if (l) l.push(i);
    else marks.set(k, [i]);
  }
  for (const k of sorted(marks.keys())) {
    const ids = marks.get(k)!;
    // the articles' votes, by the entity each full name belongs to after rule 3's name merges
    const byRoot = new Map<number, { n: number; top: string; topN: number }>();
    let total = 0;
    for (const [full, n] of [...(votes.get(k) ?? [])].sort(([a], [b]) => cmp(a, b))) {
      const f = table.find(full);
      if (f === undefined) continue;
      total += n;
      const r = uf.find(f);
      const v = byRoot.get(r);
      if (!v) byRoot.set(r, { n, top: full, topN: n });
      else {
        v.n += n;
        if (n > v.topN) [v.top, v.topN] = [full, n];
      }
    }
    let best: { root: number; n: number; top: string } | null = null;
    for (const [root, v] of byRoot) if (!best || v.n > best.n || (v.n === best.n && v.top < best.top)) best = { root, n: v.n, top: v.top };
    // (a title alone, "Judge", is no one's surname here, whoever it joined in its own articles)
    const usual = best && total >= SURNAME_MIN_ARTICLES && best.n >= SURNAME_MIN_SHARE * total && !isTitleWord(k.slice("person|".length)) ? best : null;
    const female = usual ? table.persons[table.find(usual.top)!]!.female : null;
    const isUsual = (c: string) => {
      const x = table.find(`person|${c}`);
      return usual !== null && x !== undefined && uf.find(x) === uf.find(usual.root);
    };
    let rest = -1;
    for (const i of ids) {
      const key = table.key(i);
      // (the bare surname beside the one "Jr." of its article: his father's when the father is the usual bearer, else
      // his; written before the one person of its article named in full, the usual bearer when someone else, else hers)
      const ns = key.indexOf(NAMESAKE);
      const kn = key.indexOf(KNOWN);
      if (ns >= 0 || kn >= 0) {
        const named = key.slice(ns >= 0 ? ns + NAMESAKE.length : kn + KNOWN.length);
        const own = table.find(named);
        const other = ns >= 0 ? table.find(named.replace(/ (?:jr|ii|iii|iv)$/, "")) : usual?.root;
        if (usual && other !== undefined && uf.find(other) === uf.find(usual.root) && (own === undefined || uf.find(own) !== uf.find(usual.root))) uf.union(i, usual.root);
        else if (own !== undefined) uf.union(i, own);
        continue;
      }
      // (a surname its article left between several people joins the usual bearer when that is one of them)
      const amb = key.indexOf(AMBIGUOUS);
      const among = amb < 0 || key.slice(amb + AMBIGUOUS.length).split(CANDIDATES).some(isUsual);
      const fits = usual && among && !(female !== null && (key.endsWith(WOMAN) ? !female : key.endsWith(MAN) ? female : false));
      if (fits) uf.union(i, usual.root);
      else if (rest < 0) rest = i;
      else uf.union(rest, i);
    }
  }
}

/** A name whose candidates conflict joins one named at least this many times as often as those it conflicts with together… */
export const DOMINANT_SHARE = 10;
/** …and at least this many times in all. */
export const DOMINANT_MIN = 20;

/** A string's FNV-1a hash in 31 bits (a small integer to V8). */
const keyHash = (s: string): number => fnv1a(s) >>> 1;

/**
 * Full-name person nodes that may be merged across the corpus (rule 3), as pairs of node ids. `hash` numbers the
 * candidates' buckets by their keys (any function gives the same pairs; for tests).
 */
export function personMerges(persons: readonly (PersonName | null)[], weight: ArrayLike<number> | null = null, hash: (key: string) => number = keyHash): [number, number][] {
  const ids: number[] = [];
  persons.forEach((p, i) => {
    if (p && !p.single && !p.initial) ids.push(i);
  });
  // a name's buckets: its given name and surname, and for a surname long enough to be misspelt, its given name with
  // each one-letter deletion of the surname; a short form's under the formal names it stands for too ("Bill Vale"
  // meets "William Vale")
  const bucketsOf = (p: PersonName): string[] => {
    const keys = [p.givenKey, ...formalKeys(p)].map((g) => `${g}\u0001${p.surnameKey}`);
    if (p.surnameKey.length >= MIN_FUZZY_SURNAME - 1) for (const g of [p.given, ...formalKeys(p)]) for (const d of deletions(p.surnameKey)) keys.push(`${g}\u0002${d}`);
    return keys;
  };
  // each bucket is numbered by its key's hash: the (hash, node) pairs of every name's buckets are sorted by hash, so a
  // bucket's nodes are a run of them, in the order of the names. Two keys may share a hash, so a candidate found this
  // way is kept only if it shares a key (sharesKey). (The keys as strings, each with an array, took some 350 MB more
  // here at 150k articles with distinct names, and a Map of the hashes 90 MB more than this, as it grew: README, Large
  // corpora.)
  const pairHash = new Column(Int32Array);
  const pairNode = new Column(Int32Array);
  for (const i of ids)
    for (const k of bucketsOf(persons[i]!)) {
      pairHash.push(hash(k));
      pairNode.push(i);
    }
  const signed = pairHash.trimmed();
  pairHash.clear();
  const allHashes = new Uint32Array(signed.buffer, signed.byteOffset, signed.length);
  const order = sortByHash(allHashes);
  const bucketHash = Uint32Array.from(order, (x) => allHashes[x]!);
  const bucketNode = Int32Array.from(order, (x) => pairNode.get(x));
  pairNode.clear();
  /** where the run of the nodes under hash h starts among the sorted pairs */
  const firstOf = (h: number): number => lowerBound(bucketHash.length, (x) => bucketHash[x]! < h);
  const MAX = 64;
  const cands = new Map<number, number[]>();
  const ambiguous = new Set<number>();
  for (const i of ids) {
    const p = persons[i]!;
    const keys = bucketsOf(p);
    const seen = new Set<number>();
    for (const k of keys) {
      const h = hash(k) >>> 0;
      for (let x = firstOf(h); x < bucketHash.length && bucketHash[x] === h; x++) if (bucketNode[x] !== i) seen.add(bucketNode[x]!);
    }
    let own: Set<string> | null = null;
    const sharesKey = (j: number) => bucketsOf(persons[j]!).some((k) => (own ??= new Set(keys)).has(k));
    const ok = [...seen].filter((j) => personsCompatible(p, persons[j]!) && sharesKey(j)).sort((a, b) => a - b);
    if (ok.length === 0) continue;
    cands.set(i, ok);
    if (ok.length > MAX) {
      ambiguous.add(i);
      continue;
    }
    outer: for (let x = 0; x < ok.length; x++)
      for (let y = x + 1; y < ok.length; y++)
        if (!personsCompatible(persons[ok[x]!]!, persons[ok[y]!]!)) {
          ambiguous.add(i);
          break outer;
        }
  }
  const pairs: [number, number][] = [];
  for (const [i, ok] of cands) {
    if (ambiguous.has(i)) continue;
    for (const j of ok) if (i < j && !ambiguous.has(j)) pairs.push([i, j]);
  }
  // (a name whose candidates conflict joins the one the corpus names far more often than all it conflicts with)
  if (weight)
    for (const i of ambiguous) {
      const ok = cands.get(i)!;
      if (ok.length > MAX) continue;
      let best = -1;
      for (const j of ok) if (best < 0 || weight[j]! > weight[best]! || (weight[j] === weight[best] && j < best)) best = j;
      // (with the very same surname: a misspelling's reading is too weak a bet for it; and written at least as often as
      // the candidate: a name written less often may be the usual name of a second person, seldom told apart by an
      // initial, where the candidate is famous under its fuller form)
      if (persons[best]!.surnameKey !== persons[i]!.surnameKey || weight[i]! < weight[best]!) continue;
      let rivals = 0;
      for (const j of ok) if (j !== best && !personsCompatible(persons[best]!, persons[j]!)) rivals += weight[j]!;
      if (weight[best]! >= DOMINANT_MIN && weight[best]! >= DOMINANT_SHARE * rivals) pairs.push(i < best ? [i, best] : [best, i]);
    }
  return pairs;
}

/** How many mentions wrote a form (cleaned), and whether any of them as a full form. */
interface FormCount {
  clean: string;
  n: number;
  primary: boolean;
}

/**
 * A node's or an entity's forms and aliases: the first one alone, a Map or a Set once there is a second. Four nodes
 * in five are written one way (the full corpus: 137,529 of 171,243 nodes), and a Map and a Set each took some
 * 150–200 bytes of heap more than the one value they held (README, Large corpora).
 */
type Forms = FormCount | Map<string, FormCount>;
type Aliases = string | Set<string>;

const formIn = (forms: Forms, clean: string): FormCount | undefined => (forms instanceof Map ? forms.get(clean) : forms.clean === clean ? forms : undefined);
/** `forms` with `f` added (a form not in it yet) */
const withForm = (forms: Forms, f: FormCount): Forms => (forms instanceof Map ? forms.set(f.clean, f) : new Map([[forms.clean, forms], [f.clean, f]]));
const formsOf = (forms: Forms): Iterable<FormCount> => (forms instanceof Map ? forms.values() : [forms]);
const withAlias = (aliases: Aliases, a: string): Aliases => (typeof aliases !== "string" ? aliases.add(a) : aliases === a ? aliases : new Set([aliases, a]));
const aliasesOf = (aliases: Aliases): Iterable<string> => (typeof aliases === "string" ? [aliases] : aliases);
/** An entity as it is named and given its id (its sums, Agg, are let go of once its row is made). */
interface Row {
  root: number;
  id: string;
  name: string;
  base: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
  articles: number;
  /** Agg's minNode */
  minNode: number;
}

interface Agg {
  type: EntityType;
  aliases: Aliases;
  forms: Forms;
  mentions: number;
  articles: number;
  /** for locations: the country code of each node ("" for a node that is not a country); null for other types */
  countries: Set<string> | null;
  /** its first node in the order of their keys (the nodes are numbered in that order) */
  minNode: number;
}

/** An organisation's acronym, at least this many times as often as its spelled-out forms together, names it (pickCanonical). */
export const ACRONYM_OVER_FULL = 10;

/**
 * Ranks candidate canonical names: full forms, not all-capitals, for a person a name of two or more words over one word,
 * most frequent (a stray longer form such as "Jane Roe Jane Roe" must not win), most words, longest, then
 * code-point order. Not a person: an acronym ACRONYM_OVER_FULL times as frequent as the full forms wins.
 */
export function pickCanonical(forms: Map<string, { n: number; primary: boolean }>, person = true): string {
  let list = [...forms.entries()];
  // most entities are written one way
  if (list.length === 1) return list[0]![0];
  if (!person) {
    // an acronym the text almost never spells out is the name readers know ("NPR"), and the rare spelled-out form is
    // often cut short or a nickname ("Advancement of Colored People", "Grand Old Party")
    let acr: [string, number] | null = null;
    let full = 0;
    for (const [s, f] of list) {
      if (f.primary) full += f.n;
      else if (isAcronym(s) && (!acr || f.n > acr[1] || (f.n === acr[1] && cmp(s, acr[0]) < 0))) acr = [s, f.n];
    }
    if (acr && full > 0 && acr[1] >= ACRONYM_OVER_FULL * full) return acr[0];
  }
  // an acronym's other casing ("Abc" beside "ABC") is the same full form, not a shortening
  const primaryKeys = new Set(list.filter(([, f]) => f.primary).map(([s]) => matchKey(s)));
  list = list.map(([s, f]) => [s, f.primary || !primaryKeys.has(matchKey(s)) ? f : { ...f, primary: true }]);
  const anyPrimary = list.some(([, f]) => f.primary);
  const lastWord = (s: string) => matchKey(s).split(" ").pop() ?? "";
  // a surname-only or shortened mention counts as support for the full forms ending in it
  const shortBy = new Map<string, number>();
  for (const [s, f] of list)
    if (!f.primary) {
      const w = lastWord(s);
      shortBy.set(w, (shortBy.get(w) ?? 0) + f.n);
    }
  const support = (s: string) => (shortBy.size === 0 ? 0 : (shortBy.get(lastWord(s)) ?? 0));
  const c = list.filter(([, f]) => f.primary || !anyPrimary).map(([s, f]): [string, { n: number; primary: boolean }] => [s, { n: f.n + (f.primary ? support(s) : 0), primary: f.primary }]);
  c.sort(([a, fa], [b, fb]) => {
    const sa = shouted(a) ? 1 : 0;
    const sb = shouted(b) ? 1 : 0;
    if (sa !== sb) return sa - sb;
    const wa = a.split(" ").length;
    const wb = b.split(" ").length;
    // a person's full name over the surname alone; an organisation's forms are one name (legal form, "the", case)
    if (person && Math.min(wa, 2) !== Math.min(wb, 2)) return wb - wa;
    if (fa.n !== fb.n) return fb.n - fa.n;
    if (wa !== wb) return wb - wa;
    if (a.length !== b.length) return b.length - a.length;
    return cmp(a, b);
  });
  return c[0]![0];
}

/** A corpus read one article at a time, so a caller can keep its articles in a compact form. */
export interface ArticleSource<T> {
  readonly length: number;
  at(i: number): T;
}
export function asSource<T>(a: readonly T[] | ArticleSource<T>): ArticleSource<T> {
  if (!Array.isArray(a)) return a as ArticleSource<T>;
  const list = a as readonly T[];
  return { length: list.length, at: (i: number) => list[i]! };
}

/** The form settledTypes() counts a name of two or more words under: cleaned and case-folded. */
function settleKey(text: string): string {
  return tidy(text).replace(/^the\s+/i, "").replace(/['\u2019]s$/, "").toLowerCase();
}
/** The form a single word is counted under as a surname: folded, without a possessive ("Vale's" is "vale"). */
const wordKey = (word: string): string => matchKey(word.replace(/['\u2019]s$/, ""));

/** A company-like name: two or more words, the last a company's or an institution's ("Vale Motors", "Vale Labs Inc.", "Vale University"). */
const FIRM = /\S\s+(?:\S+\s+)*(?:inc|corp|corporation|co|ltd|llc|plc|gmbh|ag|sa|spa|nv|ab|company|companies|group|holdings|labs?|laboratory|laboratories|motors|media|news|industries|enterprises|foundation|institute|university|college|organi[sz]ation|brands|partners|capital|bank|airlines?|pharmaceuticals|entertainment|productions|studios|records|network)\.?$/i;

/**
 * A person's name of two or more words, titles aside: its first and last words, folded; whether the first is a listed
 * given name; and its surname for surnameOfFull (the last word, when the first is a capitalised word that is no
 * function word, else null). Null for one word.
 */
function personParts(text: string): { first: string; last: string; given: boolean; surname: string | null } | null {
  const words = cleanMention(text, "person").split(" ");
  if (words.length < 2) return null;
  const last = wordKey(words.at(-1)!);
  const surname = !/^\p{Lu}\p{L}/u.test(words[0]!) || STOPWORDS.has(words[0]!.toLowerCase()) ? null : last || null;
  return { first: wordKey(words[0]!), last, given: isListedGivenName(words[0]!), surname };
}

/** The case-folded last word of a person's full name ("President Ann Vale" gives "vale"): its first word, titles aside, a capitalised word that is no function word; null for one word. */
function surnameOfFull(text: string): string | null {
  return personParts(text)?.surname ?? null;
}

/** A name written with the Arabic article in lower case, or joined to it by a hyphen: "al Vala", "al-Vala", "Al-Vala"; the rest of the name. */
const ARTICLE = /^(?:al\s+|[Aa][Ll]-)(\p{Lu}.*)$/u;

/** A single word's share of person mentions, at least, for all its mentions read as an organisation or "other" to be the person's (see settledTypes). */
export const SURNAME_SHARE = 0.8;
/** ... and its person mentions, at least; and the mentions of full names it ends, at least half as many, and a twentieth of its person mentions. */
export const SURNAME_MIN = 20;
/** A word that names no one needs at least this many readings as something else than a person (see settledTypes). */
export const NOT_A_NAME_MIN = 3;
/** ... and names someone when persons' longer names open or end with it at least this share as often as it is read alone as a person. */
export const NAME_EDGE_SHARE = 0.25;
/** A surname's person readings as a share of its person and place readings, at least, for its mentions read as a place to be the person's too. */
export const SURNAME_OVER_PLACES = 0.9;

/**
 * The tagger's type of a name, settled by the corpus. A name of two or more words: where one type has more mentions
 * of the name (cleaned, case-folded) than any other, every mention of it takes that type. A single word keeps its own
 * type ("Vale" may be the person or the company), except a surname: a word that ends persons' full names across the
 * corpus ("Ann Vale", "President Ann Vale"; see SURNAME_MIN), is read alone as a person at least SURNAME_SHARE of the
 * times it is not read as a place (and SURNAME_MIN times), opens the names of companies, institutions or parties less
 * than a quarter as often ("Vale University") and names no country, is a person's where the tagger read it alone as
 * an organisation or "other" ("the Vale administration"), and also where it read it as a place when the person
 * readings are SURNAME_OVER_PLACES of the person and place readings (a town may bear a person's name: "Vale" read as
 * a place now and then is the person only where it almost always is), unless its article names a company-like name
 * that opens with it (`surname` tells the caller which mentions are single words settled so). A single word that
 * names no one (see notNames below: read as a person no more often than as anything else, and no part of persons'
 * longer names) loses its person readings to the type of most of its other readings.
 */
export function settledTypes(src: ArticleSource<LinkArticleIn>, lists: IntLogs = inMemory): SettledTypes {
  // each mention's form is found once, here: reading the articles again asks by position, not by text (a lookup
  // by text hashes it, and recleans it where the memo has let it go)
  const keys = new Memo<string>(MEMO_MAX);
  // each distinct form's index, and each mention's form, in the order they are read
  const index = new Map<string, number>();
  const formOf = lists("forms");
  const votes = new Column(Int32Array); // TYPES.length per form, in TYPES order
  const nt = TYPES.length;
  const per = TYPES.indexOf("person");
  const loc = TYPES.indexOf("location");
  // last words of persons' full names ("Ann Vale", "President Ann Vale"), case-folded, with the number of such mentions
  const surnames = new Map<string, number>();
  // ... and their first words, titles aside, with the number of such mentions
  const firsts = new Map<string, number>();
  // of names of two or more words read as a person's (case-folded, titles aside): the last words of those that open
  // with a given name ("Ann Vale" gives "vale"), and the last words of those that open with each first word (a few)
  const givenLast = new Set<string>();
  const firstLast = new Map<string, string[]>();
  // ... and how many mentions of such names open or end with each word
  const edges = new Map<string, number>();
  const nameParts = new Memo<ReturnType<typeof personParts>>(MEMO_MAX);
  // first words of company-like names and parties ("Vale University", "Vale Party"), with the number of such mentions
  const opened = new Map<string, number>();
  // names written with the Arabic article in lower case or hyphenated ("al Vala", "al-Vala", "Al-Vala"), by the rest
  // of the name, folded: the votes of those readings, TYPES.length per name
  const article = new Map<string, number[]>();
  /** a name's votes in a map of votes (`article` above, `wordVotes` below), TYPES.length of them, made on first use */
  const tally = (votesOf: Map<string, number[]>, k: string): number[] => votesOf.get(k) ?? votesOf.set(k, new Array<number>(nt).fill(0)).get(k)!;
  for (let i = 0; i < src.length; i++)
    for (const m of src.at(i).mentions) {
      // a single word (no whitespace: tidy adds none) is counted as written, and its forms are folded together below
      const multi = /\s/.test(m.text);
      const k = multi ? keys.get(m.text, settleKey) : m.text;
      let f = index.get(k);
      if (f === undefined) {
        index.set(k, (f = index.size));
        for (let t = 0; t < nt; t++) votes.push(0);
      }
      formOf.push(f);
      const v = nt * f + TYPES.indexOf(m.type);
      votes.set(v, votes.get(v) + 1);
      const al = ARTICLE.exec(m.text);
      if (al) tally(article, settleKey(al[1]!))[TYPES.indexOf(m.type)]!++;
      if (m.type === "person" && multi) {
        const parts = nameParts.get(m.text, personParts);
        if (parts) {
          const { first, last, given, surname } = parts;
          if (surname) {
            surnames.set(surname, (surnames.get(surname) ?? 0) + 1);
            firsts.set(first, (firsts.get(first) ?? 0) + 1);
          }
          if (given) givenLast.add(last);
          edges.set(first, (edges.get(first) ?? 0) + 1);
          if (last !== first) edges.set(last, (edges.get(last) ?? 0) + 1);
          const l = firstLast.get(first);
          if (!l) firstLast.set(first, [last]);
          else if (l.length < 8 && !l.includes(last)) l.push(last);
        }
      } else if (m.type === "organization" && (FIRM.test(m.text) || / party$/i.test(m.text))) {
        const first = wordKey(k.slice(0, k.indexOf(" ")));
        opened.set(first, (opened.get(first) ?? 0) + 1);
      }
    }
  // each form's settled type (an index into TYPES), -1 where none settles it; whether it is a single word's
  const settled = new Int8Array(votes.length / nt).fill(-1);
  const single = new Uint8Array(settled.length);
  // 1 where a single word's place readings are settled too
  const overPlaces = new Uint8Array(settled.length);
  // a single word's votes, its ways of writing summed ("Vale", "VALE", "Vale's")
  const wordVotes = new Map<string, number[]>();
  for (const [k, f] of index) {
    if (/\s/.test(k)) continue;
    single[f] = 1;
    const w = wordKey(k);
    const sum = tally(wordVotes, w);
    for (let t = 0; t < nt; t++) sum[t]! += votes.get(nt * f + t);
  }
  const surnameWords = new Set<string>();
  // of those, the words whose place readings are the person's too
  const overPlaceWords = new Set<string>();
  for (const [w, v] of wordVotes) {
    const total = v.reduce((a, b) => a + b, 0) - v[loc]!;
    const full = surnames.get(w) ?? 0;
    // the share leaves out place readings, which stay: "Vale" read as a place says less of the word than as a company
    const named = v[per]! >= SURNAME_MIN && v[per]! >= SURNAME_SHARE * total && v[per]! < total + v[loc]! && full >= SURNAME_MIN / 2 && full >= 0.05 * v[per]!;
    // not a word that opens the names of companies, institutions or parties a quarter as often as persons' ("Vale
    // University" beside "Ann Vale"; "the Vale administration" is no such name)
    if (named && (opened.get(w) ?? 0) < 0.25 * full && countryCode(w) === null) {
      surnameWords.add(w);
      if (v[per]! >= SURNAME_OVER_PLACES * (v[per]! + v[loc]!)) overPlaceWords.add(w);
    }
  }
  // words that name no one: read alone as a person no more often than as anything else, no given name, and no
  // surname of a person's longer name that opens with a given name ("Ann Vale"), nor the first word of a person's
  // longer name that ends in a surname ("Vale Pell"); with the type of most of their other readings. "Vale" the
  // magazine, read as a person where it opens a sentence ("Vale reported"), or written in "Vale Media", is no one.
  const namesSomeone = (w: string, v: number[]) =>
    givenLast.has(w) || isGivenName(w) || (edges.get(w) ?? 0) >= NAME_EDGE_SHARE * v[per]! || (firstLast.get(w) ?? []).some((l) => surnameWords.has(l));
  const notNames = new Map<string, number>();
  for (const [w, v] of wordVotes) {
    const others = v.reduce((a, b) => a + b, 0) - v[per]!;
    if (v[per]! === 0 || others < v[per]! || others < NOT_A_NAME_MIN || surnameWords.has(w)) continue;
    if (namesSomeone(w, v) || namesSomeone(w.replace(/s$/, ""), v)) continue;
    const top = Math.max(...v.map((x, t) => (t === per ? -1 : x)));
    if (v.filter((x, t) => t !== per && x === top).length === 1) notNames.set(w, v.indexOf(top));
  }
  // words that open persons' full names GIVEN_OPENS_MIN times or more and end them less than once for every twenty
  // times they open them, as given names do ("Quorin" of "Quorin Vale"); and the words read alone as a person's
  // SURNAME_ALONE_MIN times or more, as surnames are ("Vale")
  const givenLike = new Uint8Array(settled.length);
  const personWords = new Set<string>();
  for (const [w, n] of firsts) if (n >= GIVEN_OPENS_MIN && 20 * (surnames.get(w) ?? 0) < n) personWords.add(w);
  const lastWords = new Map<string, number>();
  for (const [w, v] of wordVotes) if (v[per]! >= SURNAME_ALONE_MIN) lastWords.set(w, v[per]!);
  firsts.clear();
  givenLast.clear();
  firstLast.clear();
  edges.clear();
  wordVotes.clear();
  for (const [k, f] of index) {
    if (single[f]) {
      const w = wordKey(k);
      if (personWords.has(w)) givenLike[f] = 1;
      if (surnameWords.has(w)) settled[f] = per;
      else if (notNames.has(w)) settled[f] = notNames.get(w)!;
      if (overPlaceWords.has(w)) overPlaces[f] = 1;
      continue;
    }
    const v = TYPES.map((_, t) => votes.get(nt * f + t));
    const max = Math.max(...v);
    if (v.filter((x) => x > 0).length > 1 && v.filter((x) => x === max).length === 1) settled[f] = v.indexOf(max);
    // "Al Vala" is no person named Al where the corpus writes the name with the Arabic article ("al Vala", "al-Vala")
    // and reads those mostly as one other type: it takes that type; not where "Vala" alone is read as a person's at
    // least twice as often as those readings (a surname: "al Vala" is then "Al Vala" written in lower case)
    const a = k.startsWith("al ") ? article.get(k.slice(3)) : undefined;
    if (a) {
      const top = Math.max(...a);
      const t = a.indexOf(top);
      if (t !== per && a.filter((x) => x === top).length === 1 && (lastWords.get(k.slice(3)) ?? 0) < 2 * top) settled[f] = t;
    }
  }
  index.clear();
  article.clear();
  surnames.clear();
  opened.clear();
  return {
    typeOf: (k, m) => {
      const f = formOf.get(k);
      const t = settled[f]!;
      // a single word becomes a person's where it was read as an organisation or "other", and as a place only where
      // the person readings are almost all; a word that names no one loses its person readings only
      if (t < 0 || (single[f] && m.type === "location" && !overPlaces[f])) return m.type;
      if (single[f] && t !== per && m.type !== "person") return m.type;
      return TYPES[t]!;
    },
    surname: (k) => single[formOf.get(k)] === 1 && settled[formOf.get(k)] === per,
    givenLike: (k) => givenLike[formOf.get(k)] === 1,
    surnameWord: (w) => lastWords.has(w),
    dispose: () => formOf.dispose(),
  };
}

const TYPES: EntityType[] = ["person", "organization", "location", "other"];

/** The settled types of a corpus's mentions: `typeOf(k, m)` for the k-th mention read (articles in order, then mentions in order), `m`. */
export interface SettledTypes {
  typeOf(k: number, m: LinkMentionIn): EntityType;
  /** whether the k-th mention is a single word settled as a surname (whose settled type its article may overrule) */
  surname(k: number): boolean;
  /** whether the k-th mention is a single word that opens persons' full names often and seldom ends them */
  givenLike(k: number): boolean;
  /** whether a word (folded) is read alone as a person's SURNAME_ALONE_MIN times or more */
  surnameWord(w: string): boolean;
  /** lets go of each mention's form: no mention is asked of again */
  dispose(): void;
}

/**
 * What the mentions of each node (a matching key) add up to, by the node's temporary number, in arrays rather than
 * an object per node: its aliases, its forms and its mentions. Four nodes in five are written one way, and hold one
 * alias and one form's text, with that form's count in a typed array.
 */
class NodeSums {
  /**
   * the first alias alone, until a second makes them a set, kept with the alias last added (most mentions repeat it,
   * and are then counted without hashing their text)
   */
  private readonly aliases: (string | { set: Set<string>; last: string } | undefined)[] = [];
  /** the first form alone, until a second makes them a Map (kept with the form last counted, as the aliases are) */
  private readonly forms: (string | { map: Map<string, FormCount>; last: FormCount } | undefined)[] = [];
  /**
   * per node, its first form's count × 2, plus 1 if written in full (a typed array read and written here alone, grown
   * by doubling: the loop over the mentions took some 15 % longer with the counts in Columns, whose reads and writes
   * serve typed arrays of several kinds)
   */
  private first: Int32Array = new Int32Array(1024);
  /** a new node, first mentioned as `alias` */
  add(alias: string, clean: string): void {
    // (one string for both where the mention is written as its form: the alias from the article's record is a copy)
    this.aliases.push(alias === clean ? clean : alias);
    this.forms.push(clean);
    if (this.forms.length > this.first.length) this.first = grown(this.first);
  }
  /** node t's mentions: its forms' counts together (each mention counts once, for its form); before takeForms(t) */
  mentions(t: number): number {
    const f = this.forms[t]!;
    if (typeof f === "string") return this.first[t]! >>> 1;
    let n = 0;
    for (const x of f.map.values()) n += x.n;
    return n;
  }
  /** one more mention of node t */
  count(t: number, alias: string, clean: string, primary: boolean): void {
    const a = this.aliases[t]!;
    if (typeof a === "string") {
      if (a !== alias) this.aliases[t] = { set: new Set([a, alias]), last: alias };
    } else if (a.last !== alias) {
      a.set.add(alias);
      a.last = alias;
    }
    const f = this.forms[t]!;
    if (f === clean) this.first[t] = (this.first[t]! + 2) | (primary ? 1 : 0);
    else if (typeof f === "string") {
      const last = { clean, n: 1, primary };
      this.forms[t] = { map: new Map([[f, this.firstForm(t, f)], [clean, last]]), last };
    } else {
      let x = f.last.clean === clean ? f.last : f.map.get(clean);
      if (x) {
        x.n++;
        x.primary ||= primary;
      } else f.map.set(clean, (x = { clean, n: 1, primary }));
      f.last = x;
    }
  }
  /** node t's forms, let go of here (they are read once) */
  takeForms(t: number): Forms {
    const f = this.forms[t]!;
    this.forms[t] = undefined;
    return typeof f === "string" ? this.firstForm(t, f) : f.map;
  }
  /** node t's aliases, let go of here */
  takeAliases(t: number): Aliases {
    const a = this.aliases[t]!;
    this.aliases[t] = undefined;
    return typeof a === "string" ? a : a.set;
  }
  clear(): void {
    this.aliases.length = 0;
    this.forms.length = 0;
    this.first = new Int32Array(0);
  }
  private firstForm(t: number, clean: string): FormCount {
    return { clean, n: this.first[t]! >>> 1, primary: (this.first[t]! & 1) === 1 };
  }
}

/** a copy of `a` twice as long (or 1024 long) */
function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(Math.max(1024, 2 * a.length));
  b.set(a);
  return b;
}

/** Article i's mentions' entity ids. */
export function entityIdsOf(links: { entities: EntityRow[]; start: Int32Array; entityOf: IntList }, i: number): string[] {
  const { entities, start, entityOf } = links;
  return Array.from({ length: start[i + 1]! - start[i]! }, (_, k) => entities[entityOf.get(start[i]! + k)]!.entity_id);
}

/** Links a corpus: each mention's entity id, per article. */
export function linkEntities(input: LinkArticleIn[] | ArticleSource<LinkArticleIn>): EntityLinks {
  const links = linkEntitiesCompact(asSource(input));
  const mentionEntities = Array.from({ length: links.start.length - 1 }, (_, i) => entityIdsOf(links, i));
  links.entityOf.dispose();
  return { entities: links.entities, mentionEntities };
}

/**
 * Links a corpus. Memory: per-name aggregates (aliases, forms, counts); each article's mentions are resolved and
 * dropped in turn. The two lists of one integer per mention (each mention's form, then its node and at last its
 * entity) are kept where `lists` says: in memory by default, in files for a build (pipeline/linking.ts).
 */
export function linkEntitiesCompact(src: ArticleSource<LinkArticleIn>, lists: IntLogs = inMemory): CompactEntityLinks {
  // each mention's settled type, by its position among the corpus's mentions; dropped once they are resolved
  let settled: SettledTypes | null = settledTypes(src, lists);
  const acronymDefs = new Map<string, Map<string, number>>();
  const cache = new MentionCache();
  // node keys get temporary ids in the order first seen; each mention keeps its node's id
  const tempId = new Map<string, number>();
  const tempKeys: string[] = [];
  const sums = new NodeSums();
  const start = new Int32Array(src.length + 1);
  const mentionNode = lists("entities");
  // per lone surname's node, the full names it joined: in how many articles each
  const votes = new Map<string, Map<string, number>>();
  const joined = (surname: string, full: string) => {
    let v = votes.get(surname);
    if (!v) votes.set(surname, (v = new Map()));
    v.set(full, (v.get(full) ?? 0) + 1);
  };
  for (let i = 0; i < src.length; i++) {
    const a = src.at(i);
    const k0 = mentionNode.length;
    // first words of the article's company-like names ("Vale Motors"): a single word settled as a person's keeps its own type here
    let firms: Set<string> | null = null;
    const firmsOf = () => {
      if (firms) return firms;
      firms = new Set(a.mentions.filter((m) => m.type === "organization" && FIRM.test(m.text)).map((m) => wordKey(settleKey(m.text).split(" ")[0]!)));
      // unless the article names a person of that surname too ("Ann Vale" beside "Vale Motors"): then the word is read as the corpus reads it
      if (firms.size) for (const m of a.mentions) if (m.type === "person" && /\s/.test(m.text)) firms.delete(surnameOfFull(m.text) ?? "");
      return firms;
    };
    const ms = a.mentions.map((m, k) => {
      const t = settled!.typeOf(k0 + k, m);
      if (t === m.type || (settled!.surname(k0 + k) && firmsOf().has(wordKey(m.text)))) return m;
      return { ...m, type: t };
    });
    const rs = resolveArticle(ms, acronymDefs, a.acronyms ?? [], cache, joined, { givenLike: (k) => settled!.givenLike(k0 + k), surnameWord: (w) => settled!.surnameWord(w) });
    start[i] = mentionNode.length;
    rs.forEach((r, mi) => {
      // a mention that stands for itself finds its node's number on its preparation, shared by every mention of its text
      const own = r.own;
      let id = own && own.numberedBy === tempId ? own.num : tempId.get(r.node);
      if (id === undefined) {
        id = tempKeys.length;
        tempId.set(r.node, id);
        tempKeys.push(r.node);
        sums.add(ms[mi]!.text, r.clean);
      }
      if (own) {
        own.num = id;
        own.numberedBy = tempId;
      }
      sums.count(id, ms[mi]!.text, r.clean, r.primary);
      mentionNode.push(id);
    });
  }
  start[src.length] = mentionNode.length;
  settled.dispose();
  settled = null;
  cache.clear(); // prepared mentions are not asked for again
  const table = new NodeTable(tempKeys, tempId);
  const { nodeOfTemp } = table;
  const uf = new UnionFind(table.length);
  const weight = new Int32Array(table.length);
  tempKeys.forEach((_, t) => (weight[nodeOfTemp[t]!]! += sums.mentions(t)));
  for (const [a, b] of personMerges(table.persons, weight)) uf.union(a, b);
  joinLoneSurnames(table, uf, votes);
  votes.clear();
  // a standalone acronym joins the organisation the corpus defines it for, in at least ACRONYM_MIN_SHARE of the
  // (ACRONYM_MIN_ARTICLES or more) articles that define it, or in all of them
  // (and so does the acronym read as other, "GOP senators", when the corpus defines it only as an organisation; its
  // forms then name the entity no more than the organisation's own acronym does)
  const shortForms = new Set<number>();
  for (const [acrNode, defs] of [...acronymDefs.entries()].sort(([a], [b]) => cmp(a, b))) {
    const acr = acrNode.slice(acrNode.indexOf("|") + 1);
    const named = [...defs.keys()].filter((d) => d.startsWith("organization|")).map((d) => table.find(d)).filter((x): x is number => x !== undefined);
    if (named.length > 1) joinDefinedNames(table, uf, named, (x) => defs.get(table.key(x)) ?? 0);
    const other = acrNode.startsWith("organization|") && !acronymDefs.has(`other|${acr}`) ? table.find(`other|${acr}`) : undefined;
    for (const self of [table.find(acrNode), other]) {
      if (self === undefined) continue;
      const byRoot = new Map<number, number>();
      let total = 0;
      for (const [d, n] of defs) {
        const x = table.find(d);
        if (x === undefined || x === self) continue;
        const r = uf.find(x);
        byRoot.set(r, (byRoot.get(r) ?? 0) + n);
        total += n;
      }
      // (definitions of the acronym read as another type count against: "Harbour Surveillance Act (HSA)" read as
      // other beside "Harbour Surveillance Court (HSA)")
      const rivals = self === other ? 0 : rivalDefinitions(acronymDefs, acrNode);
      total += rivals;
      let best = -1;
      let bestN = 0;
      for (const [r, n] of byRoot) if (n > bestN || (n === bestN && r < best)) [best, bestN] = [r, n];
      if (best < 0 || ((byRoot.size > 1 || rivals > 0) && !(total >= ACRONYM_MIN_ARTICLES && bestN >= ACRONYM_MIN_SHARE * total))) continue;
      uf.union(self, best);
      if (self === other) shortForms.add(self);
    }
  }
  const nNodes = table.length; // roots are node numbers
  // the persons' parsed names, the keys' temporary numbers and the acronyms' definitions are read no more, and go
  // before the entities' sums are made; the closures above keep the function's locals alive to its end unless they
  // are emptied
  table.persons.length = 0;
  tempId.clear();
  acronymDefs.clear();

  // per entity (union-find root), in the order its first node was first seen
  // (by root in an array, and the roots in that order in a column, rather than in a Map: a Map of hundreds of thousands
  // of entities holds a copy of its table each time it grows)
  const aggOf: (Agg | undefined)[] = new Array<Agg | undefined>(nNodes);
  const roots = new Column(Int32Array);
  tempKeys.forEach((key, t) => {
    const root = uf.find(nodeOfTemp[t]!);
    // (each node's forms and aliases are let go of as they are merged: the per-node and per-entity sums are not all held at once)
    const n = { mentions: sums.mentions(t), aliases: sums.takeAliases(t), forms: sums.takeForms(t) };
    const short = shortForms.has(nodeOfTemp[t]!);
    if (short) for (const f of formsOf(n.forms)) f.primary = false;
    let g = aggOf[root];
    if (!g) {
      // an entity's first node hands over its aliases and forms (most entities have a single node); an acronym read as
      // other that joined an organisation is that organisation
      const type = short ? "organization" : nodeType(key);
      g = { type, aliases: n.aliases, forms: n.forms, mentions: n.mentions, articles: 0, countries: type === "location" ? new Set() : null, minNode: nodeOfTemp[t]! };
      aggOf[root] = g;
      roots.push(root);
    } else {
      for (const x of aliasesOf(n.aliases)) g.aliases = withAlias(g.aliases, x);
      for (const f of formsOf(n.forms)) {
        const h = formIn(g.forms, f.clean);
        if (h) {
          h.n += f.n;
          h.primary ||= f.primary;
        } else g.forms = withForm(g.forms, { ...f });
      }
      g.mentions += n.mentions;
      g.minNode = Math.min(g.minNode, nodeOfTemp[t]!);
    }
    if (key.startsWith("location|cc:")) (g.countries ??= new Set()).add(key.slice("location|cc:".length));
    else if (g.type === "location") g.countries!.add("");
  });
  sums.clear();
  // articles per entity: each article counts once for each entity it names
  const rootOfTemp = Int32Array.from(nodeOfTemp, (x) => uf.find(x));
  const lastArticle = new Int32Array(nNodes).fill(-1);
  // (the nodes' keys are read no more either)
  tempKeys.length = 0;
  shortForms.clear();
  for (let i = 0; i < src.length; i++)
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const r = rootOfTemp[mentionNode.get(k)]!;
      if (lastArticle[r] === i) continue;
      lastArticle[r] = i;
      aggOf[r]!.articles++;
    }

  // names and ids. Each entity's sums go once its row is made, and each map once it is read for the last time: linking
  // held the most here (README, the forty-eighth session's record)
  const rows: Row[] = [];
  for (let x = 0; x < roots.length; x++) {
    const root = roots.get(x);
    const g = aggOf[root]!;
    aggOf[root] = undefined;
    const cc = g.countries?.size === 1 ? [...g.countries][0]! : "";
    // (most entities are written one way)
    let name = (cc && countryName(cc)) || (g.forms instanceof Map ? pickCanonical(g.forms, g.type === "person") : g.forms.clean);
    // a state named only by its abbreviation is shown by its name
    const st = g.type === "location" ? stateOf(name) : null;
    if (st?.abbreviation) name = st.name;
    const aliases = typeof g.aliases === "string" ? [g.aliases] : sorted(g.aliases);
    rows.push({ root, id: "", name, base: `${g.type}:${slug(name)}`, type: g.type, aliases, mentions: g.mentions, articles: g.articles, minNode: g.minNode });
  }
  aggOf.length = 0;
  roots.clear();
  // ids: `<type>:<slug of name>`; where entities share one, the most mentioned keeps it and each other one takes the
  // first free of `-<its rank>`, `-<its rank + 1>`, … (a base another entity has is not free). The rows are sorted by
  // base and rank, and then by id, rather than held in a map of lists by base and in a map by id as well (with distinct
  // names at 150k articles, the heap in use once the entities were made was 616 MB that way, 475 MB this way)
  rows.sort((a, b) => cmp(a.base, b.base) || b.mentions - a.mentions || b.articles - a.articles || a.minNode - b.minNode);
  const isBase = (s: string): boolean => {
    const x = lowerBound(rows.length, (i) => rows[i]!.base < s);
    return x < rows.length && rows[x]!.base === s;
  };
  const made = new Set<string>();
  for (let i = 0, first = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (i === 0 || rows[i - 1]!.base !== r.base) {
      first = i;
      r.id = r.base;
      continue;
    }
    let k = i - first + 1;
    while (isBase(`${r.base}-${k}`) || made.has(`${r.base}-${k}`)) k++;
    made.add((r.id = `${r.base}-${k}`));
  }
  made.clear();
  // in entity_id order (the ids are distinct), each root's entity noted as its row is made, each row let go once made
  rows.sort((a, b) => cmp(a.id, b.id));
  const entityOfRoot = new Int32Array(nNodes);
  const entities: EntityRow[] = [];
  const left: (Row | undefined)[] = rows;
  for (let i = 0; i < left.length; i++) {
    const r = left[i]!;
    left[i] = undefined;
    entityOfRoot[r.root] = i;
    entities.push({ entity_id: r.id, name: r.name, type: r.type, aliases: r.aliases, mention_count: r.mentions, article_count: r.articles });
  }
  rows.length = 0;
  const entityOfTemp = Int32Array.from(rootOfTemp, (r) => entityOfRoot[r]!);
  // each mention's node becomes its entity's index, in place
  mentionNode.update((t) => entityOfTemp[t]!);
  return { entities, start, entityOf: mentionNode };
}
